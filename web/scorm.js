// The SCORM 1.2 bridge of the Interview Cards course package: scripts/scorm.mjs writes it into
// the package with scorm.html, which loads it before embed.js. It finds the course platform's
// SCORM API, puts the progress saved there (cmi.suspend_data) into this browser's storage before
// the widget reads it, and reports completion and a score after grades and when the page is
// left. Without a platform it does nothing: the page is the normal widget, saving in
// localStorage. The encoding and the completion rules are documented in README.md ("Course
// platforms (SCORM)").
(() => {
  'use strict';
  const config = window.interviewCardsScorm;
  const KEY = `interview-cards:${config.deck}:progress`;
  const LIMIT = 4096; // SCORM 1.2's cmi.suspend_data
  const ROOM = 3800; // what the encoding aims to use, leaving room to spare
  const MASTERED_DAYS = 21; // as in the app
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const MINUTE = 60_000;
  const RATINGS = ['Again', 'Hard', 'Good', 'Easy'];
  const PHASES = ['review', 'learning', 'relearning'];

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

  function say(text) {
    const show = () => {
      const box = document.getElementById('scorm-notice');
      if (box) { box.textContent = text; box.hidden = false; }
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
    else show();
  }

  // ---- The compact encoding. Numbers are base-64 digits (B64), most significant first. ----
  const enc = (n, width) => {
    let out = '';
    let v = Math.max(0, Math.min(Math.floor(n), 64 ** width - 1));
    for (let i = 0; i < width; i += 1) { out = B64[v % 64] + out; v = Math.floor(v / 64); }
    return out;
  };
  const dec = (text) => [...text].reduce((v, c) => {
    const d = B64.indexOf(c);
    if (d < 0) throw new Error('not this encoding');
    return v * 64 + d;
  }, 0);

  /** The reviews and memories a reset has not hidden. */
  function resetAt(progress) {
    return (progress.resets || []).filter((r) => !r.undone)
      .map((r) => Math.min(r.at, r.settled ?? Infinity)).reduce((a, b) => Math.max(a, b), -Infinity);
  }

  /**
   * "ic1.<base>.<cards>.<memories>.<reviews>": `base` the earliest minute (5 digits); per card
   * with a memory (19 digits): its position in the deck (2), stability (2, logarithmic, 0.5 %
   * steps), difficulty (2), last review and due (4 each, minutes after base), reps (2), lapses
   * (1), phase and step (1), suspended (1); then reviews, newest first, as many as fit (7 each):
   * position (2), minute (4), rating and flags (1). Returns the text and what was left out.
   */
  function encode(progress) {
    const index = new Map(config.cards.map((id, i) => [id, i]));
    const hidden = resetAt(progress);
    const memories = [];
    const reviews = [];
    for (const [id, card] of Object.entries(progress.cards || {})) {
      if (!index.has(id)) continue;
      const m = card.memory;
      if (m && m.last > hidden && m.stab > 0) memories.push([index.get(id), m, card.suspended?.on === true]);
      for (const r of card.log || []) if (r.at > hidden && !r.undone) reviews.push([index.get(id), r]);
    }
    const times = [...memories.map(([, m]) => m.last), ...reviews.map(([, r]) => r.at)];
    const base = times.length ? Math.floor(Math.min(...times) / MINUTE) : 0;
    const minutes = (ms) => Math.floor(ms / MINUTE) - base;
    let body = memories.map(([i, m, suspended]) => enc(i, 2)
      + enc(Math.round((Math.log(m.stab) + 7) * 200), 2) + enc(Math.round((m.diff - 1) * 455), 2)
      + enc(minutes(m.last), 4) + enc(Math.max(0, Math.round((m.due - m.last) / MINUTE)), 4)
      + enc(m.reps, 2) + enc(m.lapses, 1) + enc(PHASES.indexOf(m.phase || 'review') * 16 + (m.step || 0), 1)
      + enc(suspended ? 1 : 0, 1)).join('');
    const head = `ic1.${enc(base, 5)}.${config.cards.length}.`;
    let droppedMemories = 0;
    while (head.length + body.length + 1 > ROOM && body.length) { body = body.slice(0, -19); droppedMemories += 1; }
    reviews.sort((a, b) => b[1].at - a[1].at);
    const room = Math.max(0, Math.floor((ROOM - head.length - body.length - 1) / 7));
    const kept = reviews.slice(0, room).map(([i, r]) => enc(i, 2) + enc(minutes(r.at), 4)
      + enc(RATINGS.indexOf(r.rating) + (r.practice ? 4 : 0), 1)).join('');
    return { text: `${head}${body}.${kept}`, droppedMemories, droppedReviews: reviews.length - room > 0 ? reviews.length - room : 0 };
  }

  /** Progress (this build's saved format) from the encoding; throws on anything else. */
  function decode(text) {
    const [tag, baseText, count, memoryText, reviewText = ''] = text.split('.');
    if (tag !== 'ic1' || Number(count) !== config.cards.length || memoryText.length % 19 || reviewText.length % 7) {
      throw new Error('not this deck\'s encoding');
    }
    const base = dec(baseText);
    const at = (m) => (base + m) * MINUTE;
    const cards = {};
    const entry = (i) => {
      const id = config.cards[i];
      if (id === undefined) throw new Error('a card this deck does not have');
      return (cards[id] ??= { last_seen: 0, views: 0, log: [] });
    };
    for (let p = 0; p < memoryText.length; p += 19) {
      const s = memoryText.slice(p, p + 19);
      const card = entry(dec(s.slice(0, 2)));
      const last = at(dec(s.slice(6, 10)));
      const phaseStep = dec(s.slice(17, 18));
      const memory = { stab: Math.exp(dec(s.slice(2, 4)) / 200 - 7), diff: 1 + dec(s.slice(4, 6)) / 455,
        due: last + dec(s.slice(10, 14)) * MINUTE, last, reps: dec(s.slice(14, 16)), lapses: dec(s.slice(16, 17)) };
      if (phaseStep >= 16) { memory.phase = PHASES[phaseStep >> 4]; memory.step = phaseStep & 15; }
      card.memory = memory;
      card.last_seen = Math.max(card.last_seen, last);
      if (dec(s.slice(18, 19)) === 1) card.suspended = { on: true, at: last };
    }
    for (let p = 0; p < reviewText.length; p += 7) {
      const s = reviewText.slice(p, p + 7);
      const card = entry(dec(s.slice(0, 2)));
      const flags = dec(s.slice(6, 7));
      const review = { rating: RATINGS[flags & 3], at: at(dec(s.slice(2, 6))) };
      if (flags & 4) review.practice = true;
      card.log.push(review);
      card.last_seen = Math.max(card.last_seen, review.at);
    }
    for (const card of Object.values(cards)) {
      card.log.sort((a, b) => a.at - b.at);
      card.views = card.log.length;
    }
    return { format: 5, deck: config.deck, cards };
  }

  // ---- Merging, as the app does (docs/progress-format.md, "Merging"): nothing is lost. ----
  const setAt = (m) => Math.max(m.last, m.set || 0);
  function mergeCard(a, b) {
    if (!a) return b;
    if (!b) return a;
    const log = [...(a.log || [])];
    // The encoding keeps minutes: a review within the same minute with the same rating is one.
    for (const r of b.log || []) {
      if (!log.some((l) => l.rating === r.rating && Math.floor(l.at / MINUTE) === Math.floor(r.at / MINUTE))) log.push(r);
    }
    log.sort((x, y) => x.at - y.at);
    const memory = !a.memory ? b.memory : !b.memory ? a.memory : setAt(b.memory) > setAt(a.memory) ? b.memory : a.memory;
    const out = { ...a, last_seen: Math.max(a.last_seen || 0, b.last_seen || 0), views: Math.max(a.views || 0, b.views || 0), log };
    if (memory) out.memory = memory;
    const switches = [a.suspended, b.suspended].filter(Boolean).sort((x, y) => x.at - y.at);
    if (switches.length) out.suspended = switches[switches.length - 1];
    return out;
  }
  function merge(ours, theirs) {
    const cards = { ...ours.cards };
    for (const [id, card] of Object.entries(theirs.cards)) cards[id] = mergeCard(cards[id], card);
    return { ...ours, cards };
  }

  function read(key) {
    try { return JSON.parse(localStorage.getItem(key)); } catch { return null; }
  }
  /** What this browser holds: the saved value and its recent changes. */
  function local() {
    const whole = read(KEY);
    const recent = read(`${KEY}:recent`);
    const base = whole && whole.deck === config.deck ? whole : { format: 5, deck: config.deck, cards: {} };
    return recent && recent.deck === config.deck ? merge(base, recent) : base;
  }

  // ---- Completion and score. ----
  function judge(progress) {
    const hidden = resetAt(progress);
    let reviewed = 0;
    let mastered = 0;
    for (const id of config.cards) {
      const card = progress.cards?.[id];
      if (!card) continue;
      if ((card.log || []).some((r) => r.at > hidden && !r.undone && !r.practice)) reviewed += 1;
      if (card.memory && card.memory.last > hidden && card.memory.stab >= MASTERED_DAYS) mastered += 1;
    }
    const total = config.cards.length;
    const share = Math.round((100 * (config.complete === 'mastered' ? mastered : reviewed)) / Math.max(1, total));
    const done = config.complete === 'mastered' ? share >= config.percent : reviewed === total;
    return { status: done ? 'completed' : 'incomplete', score: share };
  }

  if (!api) {
    window.interviewCardsScormState = { connected: false };
    return;
  }
  const call = (name, ...args) => {
    try { return String(api[name](...args)); } catch { return 'false'; }
  };
  if (call('LMSInitialize', '') !== 'true') {
    const code = call('LMSGetLastError');
    say(`Your course platform did not accept this activity (SCORM error ${code}). Your progress is still saved in this browser, but it is not reported to the course.`);
    window.interviewCardsScormState = { connected: false, error: code };
    return;
  }
  window.interviewCardsScormState = { connected: true };

  // Progress saved with the platform joins what this browser has, before the widget reads it.
  const saved = call('LMSGetValue', 'cmi.suspend_data');
  if (saved && saved !== 'false') {
    try {
      const restored = decode(saved);
      localStorage.setItem(KEY, JSON.stringify(merge(local(), restored)));
    } catch (e) {
      say(`The progress your course platform kept could not be read (${e.message}); it is left as it was, and this browser's is used.`);
      window.interviewCardsScormState.unreadable = saved;
    }
  }
  const started = Date.now();
  let finished = false;
  let lastCommit = 0;
  let timer = null;
  let trailing = null;

  function report(commit) {
    if (finished) return;
    const progress = local();
    const { status, score } = judge(progress);
    const { text, droppedMemories, droppedReviews } = encode(progress);
    if (text.length <= LIMIT) call('LMSSetValue', 'cmi.suspend_data', text);
    call('LMSSetValue', 'cmi.core.lesson_status', status);
    call('LMSSetValue', 'cmi.core.score.min', '0');
    call('LMSSetValue', 'cmi.core.score.max', '100');
    call('LMSSetValue', 'cmi.core.score.raw', String(score));
    window.interviewCardsScormState = { connected: true, status, score, droppedMemories, droppedReviews, length: text.length };
    if (droppedMemories) {
      say(`This deck is too large for the course platform to keep all of it: ${droppedMemories} cards' progress is kept only in this browser.`);
    }
    if (commit) {
      const wait = lastCommit + config.commitEveryMs - Date.now();
      clearTimeout(trailing);
      if (wait <= 0) {
        lastCommit = Date.now();
        call('LMSCommit', '');
      } else {
        // Throttled: the grades since the last commit are committed when the interval is up.
        trailing = setTimeout(() => report(true), wait);
      }
    }
  }
  const soon = () => {
    // After the widget's save (a few milliseconds after the grade).
    clearTimeout(timer);
    timer = setTimeout(() => report(true), 300);
  };
  document.addEventListener('interview-cards:graded', soon);
  document.addEventListener('interview-cards:session-complete', soon);

  function finish() {
    if (finished) return;
    clearTimeout(timer);
    clearTimeout(trailing);
    report(false);
    const seconds = Math.round((Date.now() - started) / 1000);
    const pad = (n) => String(n).padStart(2, '0');
    call('LMSSetValue', 'cmi.core.session_time', `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`);
    call('LMSSetValue', 'cmi.core.exit', 'suspend');
    call('LMSCommit', '');
    call('LMSFinish', '');
    finished = true;
  }
  // Registered once the widget is running, so the widget's own save on leaving runs first.
  const ready = new MutationObserver(() => {
    if (document.querySelector('.app[data-ready]')) {
      ready.disconnect();
      report(true);
      window.addEventListener('pagehide', finish);
      window.addEventListener('beforeunload', finish);
    }
  });
  ready.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
  window.interviewCardsScormTest = { encode, decode, judge, local, finish };
})();
