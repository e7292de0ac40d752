// Starts Interview Cards. scripts/post-build.mjs writes it into each build with the names of
// that build's files in BUILD (and minifies it for release builds); node --check reads it as is.
// On its own page it mounts into #app at once. On a host page, every element with the attribute
// data-interview-cards, and every <interview-cards> element, becomes a widget, loaded when one
// nears the viewport (nothing large is downloaded for a widget far below the fold); see README
// "Embedding".
// Filled in by scripts/post-build.mjs: { release, css, js, wasm, worker, bank: { index, first,
// parts: { topic: file } } }.
const BUILD = {};
const here = (file) => new URL(file, import.meta.url).href;
// The optimizer's worker ("Optimise my schedule"), fetched only when a learner asks.
globalThis.interviewCardsOptimizer = here(BUILD.worker);
// The bundled bank, fetched once per page and only for widgets that show it (a page showing
// its own deck never downloads it); every widget shares each download. It comes in parts: an
// index (every card's question, topic and difficulty) and the answers, one file per topic, all
// named by content (the index names the parts). The part of the first card's topic downloads
// beside the index; the app asks for the rest once its first card is on screen.
const files = new Map();
const text = (file) => {
  if (!files.has(file)) {
    const download = fetch(here(file)).then((response) => {
      if (!response.ok) throw new Error('the server answered ' + response.status);
      return response.text();
    });
    // A failed download is not kept: asking again tries again.
    download.catch(() => files.delete(file));
    files.set(file, download);
  }
  return files.get(file);
};
globalThis.interviewCardsBank = () => text(BUILD.bank.index);
globalThis.interviewCardsBankPart = (file) => {
  if (!/^[\w.-]+\.json$/.test(file)) return Promise.reject(new Error('not a part of the bank: ' + file));
  return text(file);
};
/** The bank's index and the part a widget's first card most likely needs: its first topic
 * filter's (an attribute or the page's query), else the deck's first topic. */
function fetchBank(topics) {
  globalThis.interviewCardsBank().catch(() => {});
  const first = (topics || '').split(',').map((t) => t.trim()).find((t) => BUILD.bank.parts[t]);
  text(BUILD.bank.parts[first] || BUILD.bank.first).catch(() => {});
}
// xAPI: each widget event carries a statement shaped like H5P's in `detail.statement`
// ("answered" per grade, "completed" per finished session), added here before any listener of
// the page sees the event (so it also rides the events=parent message). It is sent to a Learning
// Record Store only when the page names one in <meta name="interview-cards-lrs">; nothing is
// sent otherwise. See README "xAPI".
const setting = (name) => document.querySelector(`meta[name="interview-cards-${name}"]`)?.content;
const RATINGS = ['Again', 'Hard', 'Good', 'Easy'];
const XAPI = 'http://adlnet.gov/expapi/';
/** The learner the page names for its LRS, or none (a malformed one is reported once). */
const actor = (() => {
  const text = setting('lrs-actor');
  try {
    return text ? JSON.parse(text) : null;
  } catch (e) {
    console.warn('interview-cards: <meta name="interview-cards-lrs-actor"> is not JSON:', e.message);
    return null;
  }
})();
function statement(type, detail) {
  const activity = new URL('./', import.meta.url).href;
  const answered = type === 'interview-cards:graded';
  const raw = answered ? RATINGS.indexOf(detail.rating) : detail.good + detail.easy;
  const max = answered ? 3 : detail.total;
  return {
    ...(actor ? { actor } : {}),
    verb: { id: XAPI + 'verbs/' + (answered ? 'answered' : 'completed'), display: { 'en-US': answered ? 'answered' : 'completed' } },
    object: answered
      ? { objectType: 'Activity', id: activity + '#card=' + encodeURIComponent(detail.card),
        definition: { type: XAPI + 'activities/cmi.interaction', interactionType: 'other', name: { 'en-US': detail.card } } }
      : { objectType: 'Activity', id: activity, definition: { type: XAPI + 'activities/assessment', name: { 'en-US': detail.kind === 'mock' ? 'Mock interview' : 'Review session' } } },
    context: {
      contextActivities: answered ? { parent: [{ objectType: 'Activity', id: activity }] } : {},
      extensions: { 'https://w3id.org/xapi/interview-cards/practice': answered ? detail.practice : false },
    },
    result: { score: { min: 0, max, raw, scaled: max ? raw / max : 0 }, completion: true,
      ...(answered ? { success: raw > 0, response: detail.rating } : {}) },
    timestamp: new Date().toISOString(),
  };
}
let warnedNoActor = false;
for (const type of ['interview-cards:graded', 'interview-cards:session-complete']) {
  document.addEventListener(type, (event) => {
    if (!event.detail || event.detail.statement) return;
    event.detail.statement = statement(type, event.detail);
    const lrs = setting('lrs');
    if (!lrs) return;
    // xAPI requires an actor: without one the store would refuse every statement.
    if (!actor) {
      if (!warnedNoActor) console.warn('interview-cards: an LRS is named but no learner (interview-cards-lrs-actor): nothing is sent');
      warnedNoActor = true;
      return;
    }
    const headers = { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' };
    const auth = setting('lrs-auth');
    if (auth) headers.Authorization = auth;
    fetch(lrs.replace(/\/?$/, '/') + 'statements', { method: 'POST', headers, body: JSON.stringify(event.detail.statement), keepalive: true })
      .then((r) => { if (!r.ok) console.warn('interview-cards: the LRS refused a statement:', r.status); })
      .catch((e) => console.warn('interview-cards: the LRS could not be reached:', e.message));
  }, true);
}
// A deck shared in the link itself (scripts/share-link.mjs): #deck=<deflate-raw, base64url>.
// Unpacked here, before the app starts on its own page; the app shows why when it cannot be.
const SHARED_LIMIT = 5 * 1024 * 1024;
async function unpackSharedDeck() {
  if (!location.hash.startsWith('#deck=')) return;
  try {
    // base64url, with or without its = padding.
    const packed = location.hash.slice(6).replace(/=+$/, '');
    if (!/^[A-Za-z0-9_-]+$/.test(packed)) throw new Error('it has characters a shared deck never has (was it cut or changed?)');
    if (typeof DecompressionStream === 'undefined') throw new Error('it needs a browser that can unpack it (DecompressionStream): open it in a current browser');
    const base64 = packed.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (packed.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const parts = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > SHARED_LIMIT) throw new Error('it unpacks to more than 5 MB');
      parts.push(value);
    }
    globalThis.interviewCardsSharedDeck = await new Blob(parts).text();
  } catch (e) {
    globalThis.interviewCardsSharedDeckError = /^it /.test(e.message) ? e.message : 'it is damaged or cut short';
  }
}
/** Does this host element show the bank (no deck of its own)? */
const wantsBank = (el) => !['data-deck', 'data-deck-script', 'deck', 'deck-script'].some((a) => el.hasAttribute(a));
// The app's own page says so; anywhere else this is a host page, widgets or not (yet).
const hosted = !document.body?.classList.contains('ic-page');
// Offline support is for the app's own page only (never on a host page's origin).
const offline = BUILD.release && !hosted && document.querySelector('meta[name="interview-cards-offline"]') !== null
  && 'serviceWorker' in navigator && 'caches' in window;
let app = null;
let starting = null;
let handedOver = Promise.resolve();

function start() {
  starting ??= (async () => {
    // Each widget on a host page links this stylesheet inside its own shadow root.
    globalThis.interviewCardsCss = here(BUILD.css);
    // The bank downloads beside the app's code when a widget here shows it.
    if (hosted) {
      const showing = [...document.querySelectorAll('[data-interview-cards], interview-cards')].filter(wantsBank);
      if (showing.length) fetchBank(showing[0].getAttribute('data-topic') ?? showing[0].getAttribute('topic'));
    } else if (!new URLSearchParams(location.search).has('deck') && !location.hash.startsWith('#deck=') && !setting('deck')) {
      // (A deck in the page's address, its link, or named by the page itself: no bank.)
      fetchBank(new URLSearchParams(location.search).get('topic'));
    }
    if (!hosted) await unpackSharedDeck();
    const mod = await import(here(BUILD.js));
    const wasmUrl = here(BUILD.wasm);
    let source = wasmUrl;
    if (offline && !navigator.serviceWorker.controller) {
      // Keep a copy for the offline cache, so the service worker need not download it again.
      const response = await fetch(wasmUrl);
      if (response.ok) {
        const copy = response.clone();
        handedOver = caches.open('interview-cards:' + new URL('./', import.meta.url).pathname + ':handover')
          .then((c) => c.put(wasmUrl, copy)).catch(() => {});
      }
      source = response;
    }
    const wasm = await mod.default({ module_or_path: source });
    // On the app's own page only: lets scripts/bench.sh read the wasm memory size.
    if (!hosted) {
      globalThis.interviewCardsWasmBytes = () => wasm.memory.buffer.byteLength;
    }
    app = mod;
    for (const el of document.querySelectorAll('interview-cards')) {
      if (!el.mounted) { el.mounted = true; app.mount_element(el); }
    }
  })();
  return starting;
}

// Nothing large downloads until a widget comes near the viewport.
const observer = 'IntersectionObserver' in window
  ? new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      observer.disconnect();
      start();
    }
  }, { rootMargin: '800px 0px' })
  : null;
const whenNear = (el) => (observer ? observer.observe(el) : start());

// <interview-cards topic="databases" instance="lesson-1" deck="./my-deck.json">: mounted when
// near the viewport, mounted afresh when an attribute changes, taken down when removed.
customElements.get('interview-cards') || customElements.define('interview-cards', class extends HTMLElement {
  static observedAttributes = ['topic', 'difficulty', 'status', 'q', 'mode', 'view', 'theme', 'layout', 'deck', 'instance', 'events'];
  connectedCallback() {
    if (app) { this.mounted = true; app.mount_element(this); } else whenNear(this);
  }
  attributeChangedCallback(name, before, after) {
    if (app && this.mounted && this.isConnected && before !== after) app.mount_element(this);
  }
  disconnectedCallback() {
    if (app && this.mounted) { this.mounted = false; app.unmount_element(this); }
  }
});

if (hosted) {
  document.querySelectorAll('[data-interview-cards]').forEach(whenNear);
} else {
  await start();
}

// Inside an iframe: tell the parent page how tall the content is, so it can size the frame:
// for our resizer.js, and in the message protocol of H5P's h5p-resizer.js, which course
// platforms (Moodle, WordPress, Drupal) already load. The messages carry only sizes; the only
// messages from the host the widget answers are H5P's, and only with its size.
if (window.parent !== window) {
  let last = 0;
  let h5pFriendly = false;
  const h5p = (action, data = {}) => window.parent.postMessage({ ...data, context: 'h5p', action }, '*');
  let h5pHello = false;
  // Hello once (each one makes h5p-resizer.js add a listener); sizes once the parent answered.
  const h5pResize = () => {
    if (h5pFriendly) h5p('prepareResize', { scrollHeight: document.body.scrollHeight, clientHeight: document.body.clientHeight });
    else if (!h5pHello) { h5pHello = true; h5p('hello'); }
  };
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !event.data || event.data.context !== 'h5p') return;
    if (event.data.action === 'ready' && !h5pFriendly) h5p('hello');
    else if (event.data.action === 'hello') {
      h5pFriendly = true;
      document.body.style.height = 'auto';
      document.body.style.overflow = 'hidden';
      h5pResize();
    } else if (event.data.action === 'resizePrepared') h5p('resize', { scrollHeight: document.body.scrollHeight });
    else if (event.data.action === 'resize') h5pResize();
  });
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'interview-cards:height', height }, '*');
      h5pResize();
    }
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
}

// The service worker keeps this build for offline use, taking each file from what the page
// downloaded (the HTTP cache, or the wasm handed over): so it starts once the app has fetched
// what it fetches after its first card (the later views, the rest of the bank), and at the
// latest after 20 s.
const settled = new Promise((resolve) => {
  globalThis.interviewCardsSettled = resolve;
  setTimeout(resolve, 20_000);
});
if (offline) {
  Promise.all([handedOver, settled]).then(() => navigator.serviceWorker.register(here('./sw.js')))
    .catch((e) => console.warn('interview-cards: offline cache unavailable:', e.message));
}
