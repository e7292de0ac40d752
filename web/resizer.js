// Interview Cards iframe resizer for host pages. Include once on a page:
//   <script src="https://YOUR-HOST/PATH/resizer.js" defer></script>
// Every iframe with the attribute data-interview-cards-frame then takes the height its
// widget reports. Messages are checked: they must come from one of those frames, carry the
// type "interview-cards:height" and a sane number; anything else is ignored.
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'interview-cards:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 50 || height > 20000) return;
    var frames = document.querySelectorAll('iframe[data-interview-cards-frame]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
        return;
      }
    }
  });
})();
