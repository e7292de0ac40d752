// The SCORM 1.2 bridge of the Interview Cards course package: scripts/scorm.mjs writes it into
// the package with scorm.html, which loads it before embed.js. It finds the course platform's
// SCORM API and moves strings between it and the widget, nothing more: what the platform kept
// (cmi.suspend_data, cmi.core.lesson_status) goes to the widget at launch, and the values the
// widget hands back after each change of progress (suspend data, status, score) go to the
// platform. The encoding, the merge with this browser's progress and the completion rules are
// the widget's (src/core/scorm.rs); see README.md, "Course platforms (SCORM)". Without a
// platform it does nothing: the page is the normal widget.
(() => {
  'use strict';
  const config = window.interviewCardsScorm;

  // ---- Finding the platform: window.API up the parent chain, then the opener's. ----
  function apiFrom(start) {
    let w = start;
    for (let i = 0; w && i < 12; i += 1) {
      try {
        if (w.API && typeof w.API.LMSInitialize === 'function') return w.API;
      } catch { /* another origin: keep climbing */ }
      if (w.parent === w) break;
      w = w.parent;
    }
    return null;
  }
  const api = apiFrom(window) || (window.opener ? apiFrom(window.opener) : null);
  if (!api) {
    window.interviewCardsScormState = { connected: false };
    return;
  }

  function say(text) {
    const show = () => {
      const box = document.getElementById('scorm-notice');
      if (box) { box.textContent = text; box.hidden = false; }
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
    else show();
  }
  const call = (name, ...args) => {
    try { return String(api[name](...args)); } catch { return 'false'; }
  };
  const get = (element) => {
    const value = call('LMSGetValue', element);
    return value === 'false' ? '' : value;
  };

  // What the widget reads at launch: the package's settings and what the platform said.
  const launch = { ...config };
  const connected = call('LMSInitialize', '') === 'true';
  window.interviewCardsScormState = { connected };
  if (!connected) {
    launch.refused = call('LMSGetLastError');
    window.interviewCardsScormState.error = launch.refused;
  } else {
    // Each learner's progress under their own key (the widget's `instance`, set in the page's
    // URL before it starts): on a shared computer, one learner's progress never reaches
    // another's attempt.
    const learner = get('cmi.core.student_id');
    if (learner) {
      let h = 0x811c9dc5;
      for (const c of learner) h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0;
      const url = new URL(location.href);
      url.searchParams.set('instance', `lms-${h.toString(16).padStart(8, '0')}`);
      history.replaceState(history.state, '', url);
    }
    launch.suspend_data = get('cmi.suspend_data');
    launch.lesson_status = get('cmi.core.lesson_status');
  }

  const started = Date.now();
  const sent = {};
  let finished = false;
  let lastCommit = 0;
  let trailing = null;

  function commit() {
    // At most every commitEveryMs: the values set since the last commit go with the next.
    const wait = lastCommit + config.commitEveryMs - Date.now();
    if (wait <= 0) {
      clearTimeout(trailing);
      trailing = null;
      lastCommit = Date.now();
      call('LMSCommit', '');
    } else if (trailing === null) {
      trailing = setTimeout(() => { trailing = null; if (!finished) commit(); }, wait);
    }
  }

  function finish() {
    if (finished || !connected) return;
    finished = true;
    clearTimeout(trailing);
    const seconds = Math.round((Date.now() - started) / 1000);
    const pad = (n) => String(n).padStart(2, '0');
    call('LMSSetValue', 'cmi.core.session_time', `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`);
    call('LMSSetValue', 'cmi.core.exit', 'suspend');
    call('LMSCommit', '');
    call('LMSFinish', '');
  }

  /** What the widget hands back (JSON text): `set`, the elements to set, in order; `notice`,
   * what to show the learner; the rest for diagnostics. */
  function receive(text) {
    let handed;
    try {
      handed = JSON.parse(text);
    } catch (e) {
      console.warn('interview-cards: the widget handed the SCORM bridge something unreadable:', e.message);
      return;
    }
    if (handed.notice) say(handed.notice);
    const { set, notice, ...state } = handed;
    window.interviewCardsScormState = { connected, ...state };
    if (!connected || finished) return;
    let changed = false;
    for (const [element, value] of set) {
      if (sent[element] === value) continue;
      sent[element] = value;
      call('LMSSetValue', element, value);
      changed = true;
    }
    if (changed) commit();
    // Once the widget runs: the widget's own save on leaving (also on pagehide, registered
    // first) runs before the attempt is finished. Not on beforeunload: it comes before that
    // save, and a leave can still be cancelled then.
    if (!receive.listening) {
      receive.listening = true;
      window.addEventListener('pagehide', finish);
    }
  }

  window.interviewCardsScormBridge = { launch: JSON.stringify(launch), receive };
})();
