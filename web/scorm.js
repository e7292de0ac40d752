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
  // Per learner, once the platform says who (see `learner` below); the deck's key otherwise.
  let KEY = `interview-cards:${config.deck}:progress`;
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

  /** FNV-1a of a text, 32 bits. */
  function fnv(text) {
    let h = 0x811c9dc5;
    for (const c of text) h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0;
    return h;
  }
  /** The deck's card ids, as 6 digits: suspend data from another deck (cards added, removed or
   * reordered) is never read onto the wrong cards. */
  const fingerprint = (ids) => enc(fnv(ids.join('\n')), 6);

  /** The reviews and memories a reset has not hidden. */
  function resetAt(progress) {
    return (progress.resets || []).filter((r) => !r.undone)
      .map((r) => Math.min(r.at, r.settled ?? Infinity)).reduce((a, b) => Math.max(a, b), -Infinity);
  }

  /**
   * "ic1.<deck>.<base>.<reset>.<memories>.<reviews>": `deck` the fingerprint of the deck's card
   * ids (6 digits); `base` the earliest minute (5 digits); `reset` the minute of the latest reset
   * in force (5 digits, or empty); per card with a memory (19 digits): its position in the deck
   * (2), stability (2, logarithmic, 0.5 % steps), difficulty (2), last review and due (4 each,
   * minutes after base), reps (2), lapses (1), phase and step (1), suspended (1); then reviews,
   * newest first, as many as fit (7 each): position (2), minute (4), rating and flags (1:
   * rating - 1, +4 practice, +8 undone). Returns the text and what was left out.
   */
  function encode(progress) {
    const index = new Map(config.cards.map((id, i) => [id, i]));
    const hidden = resetAt(progress);
    const memories = [];
    const reviews = [];
    for (const [id, card] of Object.entries(progress.cards || {})) {
      if (!index.has(id)) continue;
      const log = (card.log || []).filter((r) => r.at > hidden);
      const m = card.memory;
      // A memory left by an undone first grade is void (the app ignores it): not carried.
      const voided = m && log.some((r) => r.undone && r.at === m.last);
      if (m && m.last > hidden && m.stab > 0 && !voided) memories.push([index.get(id), m, card.suspended?.on === true]);
      for (const r of log) reviews.push([index.get(id), r]);
    }
    let earliest = Infinity;
    for (const [, m] of memories) earliest = Math.min(earliest, m.last);
    for (const [, r] of reviews) earliest = Math.min(earliest, r.at);
    const base = Number.isFinite(earliest) ? Math.floor(earliest / MINUTE) : 0;
    const minutes = (ms) => Math.floor(ms / MINUTE) - base;
    // Stability rounded down, so a card never reads back as mastered when it was not.
    let body = memories.map(([i, m, suspended]) => enc(i, 2)
      + enc(Math.floor((Math.log(m.stab) + 7) * 200), 2) + enc(Math.round((m.diff - 1) * 455), 2)
      + enc(minutes(m.last), 4) + enc(Math.max(0, Math.round((m.due - m.last) / MINUTE)), 4)
      + enc(m.reps, 2) + enc(m.lapses, 1) + enc(PHASES.indexOf(m.phase || 'review') * 16 + (m.step || 0), 1)
      + enc(suspended ? 1 : 0, 1)).join('');
    const reset = Number.isFinite(hidden) ? enc(Math.floor(hidden / MINUTE), 5) : '';
    const head = `ic1.${fingerprint(config.cards)}.${enc(base, 5)}.${reset}.`;
    let droppedMemories = 0;
    while (head.length + body.length + 1 > ROOM && body.length) { body = body.slice(0, -19); droppedMemories += 1; }
    reviews.sort((a, b) => b[1].at - a[1].at);
    const room = Math.max(0, Math.floor((ROOM - head.length - body.length - 1) / 7));
    const kept = reviews.slice(0, room).map(([i, r]) => enc(i, 2) + enc(minutes(r.at), 4)
      + enc(RATINGS.indexOf(r.rating) + (r.practice ? 4 : 0) + (r.undone ? 8 : 0), 1)).join('');
    return { text: `${head}${body}.${kept}`, droppedMemories, droppedReviews: Math.max(0, reviews.length - room) };
  }

  /** Progress (this build's saved format) from the encoding; throws on anything else. */
  function decode(text) {
    const [tag, deck, baseText, resetText, memoryText, reviewText = ''] = text.split('.');
    if (tag !== 'ic1' || memoryText === undefined || memoryText.length % 19 || reviewText.length % 7) {
      throw new Error('it is not in this package\'s format');
    }
    if (deck !== fingerprint(config.cards)) throw new Error('it was saved for another version of this deck');
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
      const memory = { stab: Math.max(0.001, Math.exp(dec(s.slice(2, 4)) / 200 - 7)), diff: 1 + dec(s.slice(4, 6)) / 455,
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
      if (flags & 8) review.undone = true;
      card.log.push(review);
      card.last_seen = Math.max(card.last_seen, review.at);
    }
    for (const card of Object.values(cards)) {
      card.log.sort((a, b) => a.at - b.at);
      card.views = card.log.length;
    }
    const restored = { format: 5, deck: config.deck, cards };
    if (resetText) restored.resets = [{ at: dec(resetText) * MINUTE }];
    return restored;
  }

  // ---- Merging, as the app does (docs/progress-format.md, "Merging"): nothing is lost. ----
  const setAt = (m) => Math.max(m.last, m.set || 0);
  function mergeCard(a, b) {
    if (!a) return b;
    if (!b) return a;
    const ours = a.log || [];
    const log = ours.map((r) => ({ ...r }));
    // The encoding keeps minutes: a review of theirs in the same minute with the same rating
    // as one of ours is that one (and taken back if either side took it back).
    for (const r of b.log || []) {
      const same = log.find((l, i) => i < ours.length && l.rating === r.rating
        && Math.floor(l.at / MINUTE) === Math.floor(r.at / MINUTE));
      if (!same) log.push(r);
      else if (r.undone) same.undone = true;
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
    for (const [id, card] of Object.entries(theirs.cards || {})) cards[id] = mergeCard(cards[id], card);
    const resets = [...(ours.resets || [])];
    for (const mark of theirs.resets || []) {
      // The encoding keeps minutes: a mark in the same minute is the same mark.
      const same = resets.find((r) => Math.floor(r.at / MINUTE) === Math.floor(mark.at / MINUTE));
      if (!same) resets.push(mark);
      else if (mark.undone) same.undone = true;
    }
    resets.sort((x, y) => x.at - y.at);
    return { ...ours, cards, ...(resets.length ? { resets } : {}) };
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
    // Only the cards the package's presets (topic, difficulty) show count.
    const counted = config.counted || config.cards;
    for (const id of counted) {
      const card = progress.cards?.[id];
      if (!card) continue;
      const log = (card.log || []).filter((r) => r.at > hidden);
      if (log.some((r) => !r.undone && !r.practice)) reviewed += 1;
      const m = card.memory;
      const live = m && m.last > hidden && !log.some((r) => r.undone && r.at === m.last);
      if (live && !m.phase && m.stab >= MASTERED_DAYS) mastered += 1;
    }
    const total = Math.max(1, counted.length);
    const exact = (100 * (config.complete === 'mastered' ? mastered : reviewed)) / total;
    const share = Math.round(exact);
    const done = config.complete === 'mastered' ? exact >= config.percent : reviewed === counted.length;
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

  // Each learner's progress under their own key: on a shared computer, one learner's progress
  // never reaches another's attempt. The widget is told through the page's URL (its `instance`)
  // before it starts.
  const learner = call('LMSGetValue', 'cmi.core.student_id');
  if (learner && learner !== 'false') {
    const instance = `lms-${fnv(learner).toString(16).padStart(8, '0')}`;
    const url = new URL(location.href);
    url.searchParams.set('instance', instance);
    history.replaceState(history.state, '', url);
    KEY = `interview-cards:${instance}:${config.deck}:progress`;
  }

  // Progress saved with the platform joins what this browser has, before the widget reads it.
  // It goes into the recent-changes value, which the widget merges into the whole under its
  // own rules (backups of anything damaged included). What cannot be read is left with the
  // platform untouched: this visit then never writes suspend data.
  let keepPlatformData = false;
  const saved = call('LMSGetValue', 'cmi.suspend_data');
  if (saved && saved !== 'false') {
    try {
      const restored = decode(saved);
      const recentKey = `${KEY}:recent`;
      const raw = localStorage.getItem(recentKey);
      const recent = raw === null ? null : JSON.parse(raw);
      if (raw !== null && (!recent || recent.deck !== config.deck || !(recent.format <= 5))) {
        throw new Error('this browser holds changes this page cannot merge with');
      }
      localStorage.setItem(recentKey, JSON.stringify(recent ? merge(recent, restored) : restored));
    } catch (e) {
      keepPlatformData = true;
      say(`The progress your course platform kept could not be used (${e.message}); it is left as it was there, and this browser's is used.`);
      window.interviewCardsScormState.unreadable = saved;
    }
  }
  // A status the platform has is never lowered (a finished course stays finished).
  const finishedBefore = ['completed', 'passed'].includes(call('LMSGetValue', 'cmi.core.lesson_status'));
  const started = Date.now();
  let finished = false;
  let lastCommit = 0;
  let timer = null;
  let trailing = null;

  function report(commit) {
    if (finished) return;
    try {
      reportNow();
    } catch (e) {
      // Never let a report stop the page (or the finish): say it, keep going.
      console.warn('interview-cards: could not report to the course platform:', e.message);
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

  function reportNow() {
    const progress = local();
    const judged = judge(progress);
    const status = finishedBefore ? 'completed' : judged.status;
    const { score } = judged;
    const { text, droppedMemories, droppedReviews } = encode(progress);
    if (!keepPlatformData && text.length <= LIMIT) call('LMSSetValue', 'cmi.suspend_data', text);
    call('LMSSetValue', 'cmi.core.lesson_status', status);
    call('LMSSetValue', 'cmi.core.score.min', '0');
    call('LMSSetValue', 'cmi.core.score.max', '100');
    call('LMSSetValue', 'cmi.core.score.raw', String(score));
    window.interviewCardsScormState = { connected: true, status, score, droppedMemories, droppedReviews, length: text.length, keptPlatformData: keepPlatformData, key: KEY };
    if (droppedMemories) {
      say(`This deck is too large for the course platform to keep all of it: ${droppedMemories} cards' progress is kept only in this browser.`);
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
  // Registered once the widget is running, so the widget's own save on leaving (also on
  // pagehide) runs first. Not on beforeunload: it comes before that save, and a leave can
  // still be cancelled then.
  const ready = new MutationObserver(() => {
    if (document.querySelector('.app[data-ready]')) {
      ready.disconnect();
      report(true);
      window.addEventListener('pagehide', finish);
    }
  });
  ready.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
  window.interviewCardsScormTest = { encode, decode, judge, local, finish };
})();
