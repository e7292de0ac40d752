// The smoke journeys run in Firefox and WebKit (tests/engines/run.mjs), written once against a
// small driver (`d`) that firefox.mjs (puppeteer-core over WebDriver BiDi) and webkit.mjs
// (selenium-webdriver with WebKitWebDriver) both provide:
//   d.goto(url), d.reload(), d.eval(fn, ...args) (awaits a returned promise),
//   d.click(loc), d.press(key) ('Space', 'Enter', 'Tab', 'ArrowRight', '1'…), d.type(text)
// Elements are found by a locator `loc`: { css, name?, nth?, host?, hostNth?, frame? } — a CSS
// selector, optionally only those whose aria-label (or else text) matches the regular
// expression `name`, inside the shadow root of the `host` element (a mount), inside the
// same-origin iframe `frame`. The app is driven only through its public surfaces: index.html
// and its presets, embed.js mounts, resizer.js, editor.html, sw.js as a second visit sees it.
import { spawn } from 'node:child_process';

/** Runs in the page: finds `loc` and reports `op` about it (see the locator above). Kept
 * self-contained: drivers send its source to the page. */
export function probe(loc, op) {
  const none = op === 'count' ? 0 : null;
  let doc = document;
  if (loc.frame) {
    const frame = document.querySelector(loc.frame);
    doc = frame && frame.contentDocument;
    if (!doc) return none;
  }
  let root = doc;
  if (loc.host) {
    const host = doc.querySelectorAll(loc.host)[loc.hostNth || 0];
    if (!host) return none;
    root = host.shadowRoot || host;
  }
  // The accessible name as a screen reader reads it: aria-label, else the text less what is
  // aria-hidden (a button's key hint).
  const name = (e) => {
    if (e.getAttribute('aria-label')) return e.getAttribute('aria-label');
    const copy = e.cloneNode(true);
    copy.querySelectorAll('[aria-hidden="true"]').forEach((h) => h.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  };
  const re = loc.name ? new RegExp(loc.name) : null;
  const found = [...root.querySelectorAll(loc.css)].filter((e) => !re || re.test(name(e)));
  if (op === 'count') return found.length;
  const el = found[loc.nth || 0];
  if (!el) return null;
  if (op === 'element') return el;
  // As rendered (innerText: blocks apart), for elements in the layout; else the raw text.
  if (op === 'text') return (el.offsetParent !== null && el.innerText !== undefined ? el.innerText : el.textContent).replace(/\s+/g, ' ').trim();
  if (op === 'value') return el.value;
  if (op === 'focused') return (el.getRootNode().activeElement || null) === el;
  if (op === 'visible') {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' &&
      (typeof el.checkVisibility !== 'function' || el.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
  }
  throw new Error(`probe: unknown op ${op}`);
}

const TIMEOUT = Number(process.env.ENGINES_TIMEOUT_MS || 15_000);

/** Polls `get` until `ok(value)` holds; fails with `what` and the last value seen. */
export async function until(what, get, ok = Boolean, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  let error;
  for (;;) {
    try {
      last = await get();
      error = undefined;
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > end) {
      const seen = error ? `error ${error.message.split('\n')[0]}` : JSON.stringify(last);
      throw new Error(`${what}: not so after ${timeout} ms (last seen: ${seen})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const $ = (d, loc, op) => d.eval(probe, loc, op);
const textOf = (d, loc) => $(d, loc, 'text');
const expectText = (d, loc, want, what) => until(`${what}: text ${want}`, () => textOf(d, loc),
  (t) => t !== null && (want instanceof RegExp ? want.test(t) : t === want));
const expectVisible = (d, loc, what) => until(`${what} visible`, () => $(d, loc, 'visible'));
const ready = (d, extra = {}) => until('the widget is ready', () => $(d, { css: '.app[data-ready]', ...extra }, 'count'));
const equal = (a, b, what) => {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${what}: got ${JSON.stringify(a)}, wanted ${JSON.stringify(b)}`);
};

const BANK_KEY = 'interview-cards:backend-interview:progress';
/** Reviews saved under `key`: [cards with a log, log entries]. */
const saved = (d, key) => d.eval((key) => {
  const p = JSON.parse(localStorage.getItem(key) || '{"cards":{}}');
  const logs = Object.values(p.cards).map((c) => (c.log || []).length).filter((n) => n > 0);
  return [logs.length, logs.reduce((a, b) => a + b, 0)];
}, key);

/** Opens `path` with empty storage, cleared from a page of the origin that runs no widget. */
async function fresh(d, base, path) {
  await d.goto(`${base}/__blank`);
  await d.eval(() => localStorage.clear());
  await d.goto(`${base}${path}`);
}

/** Every card of the bank (topic and difficulty) as the build serves it: deck.json, the template. */
const bankCards = (d) => d.eval(() => fetch('/deck.json').then((r) => r.json()).then((deck) => ({
  cards: deck.cards.map((c) => ({ topic: c.topic, difficulty: c.difficulty })),
  topics: Object.fromEntries(deck.topics.map((t) => [t.id, t.name])),
})));

/** Starts tests/e2e/serve.mjs on `port` with `mounts`; resolves once it answers. */
export async function serve(port, ...mounts) {
  const server = spawn(process.execPath, ['tests/e2e/serve.mjs', String(port), ...mounts], { stdio: 'ignore' });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  process.once('exit', () => server.kill());
  await until(`the server on port ${port} answers`, () => fetch(`http://127.0.0.1:${port}/__hits`).then((r) => r.ok, () => false));
  return { stop: async () => { server.kill(); await exited; } };
}

export const journeys = [
  ['load, flip, grade, reload: progress kept', async (d, { base }) => {
    await fresh(d, base, '/');
    await ready(d);
    const answer = { css: '[data-testid="answer"]' };
    equal(await textOf(d, answer), '', 'the answer before the flip');
    // Space flips when no control has focus (what a learner does first).
    await d.eval(() => document.activeElement && document.activeElement.blur());
    await d.press('Space');
    await expectVisible(d, answer, 'the answer after Space');
    await until('the answer has text', () => textOf(d, answer), (t) => t && t.length > 20);
    const first = await textOf(d, { css: '#card-question' });
    // Today's study session (what the widget opens in): 20 new cards.
    await expectText(d, { css: '[data-testid="position"]' }, '1 / 20', 'the session\'s position');
    // Grade it Good with the mouse: it leaves the session until its learning step is up, the
    // next card shows, and storage holds the review.
    await d.click({ css: 'button.grade', name: '^Good \\(key 3\\)' });
    await expectText(d, { css: '[data-testid="position"]' }, '1 / 19', 'the position after grading');
    equal((await textOf(d, { css: '#card-question' })) === first, false, 'the next card after grading');
    await until('storage holds one review', () => saved(d, BANK_KEY), (s) => s[0] === 1 && s[1] === 1);
    // The keyboard grades too: flip with Enter, Again with 1.
    await d.eval(() => document.activeElement && document.activeElement.blur());
    await d.press('Enter');
    await expectVisible(d, answer, 'the answer after Enter');
    await d.press('1');
    await until('storage holds two reviews', () => saved(d, BANK_KEY), (s) => s[1] === 2);
    await d.reload();
    await ready(d);
    equal(await saved(d, BANK_KEY), [2, 2], 'reviews saved after the reload');
    // The reloaded app counts them: practice goes on past the graded card, and Stats says so.
    equal((await textOf(d, { css: '#card-question' })) === first, false, 'the graded first card is not shown first again');
    await d.press('t');
    await expectText(d, { css: '[data-testid="stats-headline"]' }, /\b2 reviews today\b/, 'the stats after the reload');
  }],

  ['filters in the URL', async (d, { base }) => {
    await fresh(d, base, '/?topic=databases&difficulty=hard');
    await ready(d);
    const { cards, topics } = await bankCards(d);
    const want = cards.filter((c) => c.topic === 'databases' && c.difficulty === 'hard').length;
    if (want < 2) throw new Error(`the bank has ${want} hard database cards; the journey needs two or more`);
    await expectText(d, { css: '[data-testid="match-count"]' }, `${want} matching cards`, 'the match count');
    await expectText(d, { css: '[data-testid="position"]' }, `1 / ${want}`, 'the position');
    // Every card of the queue is of that topic and difficulty.
    for (let i = 1; i <= want; i++) {
      await expectText(d, { css: '[data-testid="position"]' }, `${i} / ${want}`, `card ${i}`);
      equal(await textOf(d, { css: '.card-meta .topic' }), topics.databases, `card ${i}'s topic`);
      equal(await textOf(d, { css: '.card-meta .difficulty' }), 'Hard', `card ${i}'s difficulty`);
      if (i < want) await d.click({ css: 'button', name: '^Next$' });
    }
    // A filter changed on screen goes into the URL, and back undoes it.
    const easy = cards.filter((c) => c.topic === 'databases' && c.difficulty !== 'medium').length;
    // The facets are folded under their summary: open it, then tick Easy.
    await d.click({ css: 'details.facets > summary' });
    await expectVisible(d, { css: '#f-difficulty-easy' }, 'the Easy facet');
    await d.click({ css: '#f-difficulty-easy' });
    await until('the URL has both difficulties', () => d.eval(() => new URLSearchParams(location.search).get('difficulty')),
      (v) => v && v.split(',').sort().join() === 'easy,hard');
    await expectText(d, { css: '[data-testid="match-count"]' }, `${easy} matching cards`, 'the match count with easy');
    await d.eval(() => history.back());
    await until('back leaves only hard', () => d.eval(() => new URLSearchParams(location.search).get('difficulty')), (v) => v === 'hard');
    await expectText(d, { css: '[data-testid="match-count"]' }, `${want} matching cards`, 'the match count after back');
  }],

  ['a direct mount and <interview-cards>', async (d, { base }) => {
    await fresh(d, base, '/examples/blog-post.html');
    const custom = { host: '.practice-mount', hostNth: 0 };
    const http = { host: '.practice-mount', hostNth: 1 };
    await ready(d, custom);
    await ready(d, http);
    await expectText(d, { ...custom, css: '.card-question' }, 'What is cache-aside?', 'the inline deck\'s card');
    await expectText(d, { ...http, css: '.card-meta .topic' }, 'HTTP, Web & Networking Fundamentals', 'the second mount\'s topic');
    // Flip and grade inside the first mount by mouse and key: the second one ignores the key.
    await d.click({ ...custom, css: 'button', name: '^Show answer$' });
    await expectVisible(d, { ...custom, css: '[data-testid="answer"]' }, 'the mount\'s answer');
    // Keys reach a mount only while focus is inside it: after the click it still is.
    await until('focus is inside the first mount', () => d.eval(() =>
      document.activeElement === document.querySelectorAll('.practice-mount')[0]));
    await d.press('3');
    // (Its study session: the graded card waits for its learning step, one card is left.)
    await expectText(d, { ...custom, css: '[data-testid="position"]' }, '1 / 1', 'the mount\'s position after the key 3');
    await expectText(d, { ...http, css: '[data-testid="position"]' }, /^1 \//, 'the other mount\'s position');
    equal(await textOf(d, { ...http, css: '[data-testid="answer"]' }), '', 'the other mount\'s answer');
    await until('the mount\'s review is saved under its instance',
      () => saved(d, 'interview-cards:blog-custom:blog-caching:progress'), (s) => s[1] === 1);
    equal(await d.eval(() => location.pathname), '/examples/blog-post.html', 'the host page\'s URL');

    // A custom element, as the plain-HTML recipe writes it; an attribute change is followed.
    await d.goto(`${base}/examples/recipes/plain.html`);
    const el = { host: 'interview-cards' };
    await ready(d, el);
    await expectText(d, { ...el, css: '.card-meta .topic' }, 'Performance, Caching & Optimization', 'the element\'s topic');
    await d.eval(() => document.querySelector('interview-cards').setAttribute('topic', 'http'));
    await expectText(d, { ...el, css: '.card-meta .topic' }, 'HTTP, Web & Networking Fundamentals', 'the topic after setAttribute');
    equal(await $(d, { ...el, css: '.app' }, 'count'), 1, 'widgets in the element');
  }],

  ['the iframe resizer', async (d, { base }) => {
    await d.goto(`${base}/examples/blog-post.html`);
    const frame = 'iframe[data-interview-cards-frame]';
    await ready(d, { frame });
    const sizes = () => d.eval((sel) => {
      const f = document.querySelector(sel);
      return [f.getBoundingClientRect().height, f.contentDocument.documentElement.getBoundingClientRect().height];
    }, frame);
    // The page's CSS gives it 480px (482 with its border); resizer.js makes it as tall as its
    // content (about 640px here).
    const [before] = await until('the iframe is as tall as its content', sizes, ([h, c]) => Math.abs(h - c) < 4);
    await d.click({ frame, css: 'button', name: '^Show answer$' });
    await until('the iframe grows with the answer', sizes, ([h, c]) => h > before + 50 && Math.abs(h - c) < 4);
  }],

  ['offline second visit (service worker)', async (d, { offlinePort }) => {
    const server = await serve(offlinePort, '/app/=dist');
    try {
      const url = `http://127.0.0.1:${offlinePort}/app/`;
      await d.goto(url);
      await ready(d);
      // (ready never settles when no worker registers: ask for a second at a time.)
      await until('a service worker controls the page', () => d.eval(() => Promise.race([
        navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller),
        new Promise((resolve) => setTimeout(() => resolve(false), 1000)),
      ])));
      await server.stop();
      // The server is gone: the page itself can no longer reach it.
      equal(await d.eval(() => fetch('/__hits').then(() => 'answered', () => 'failed')), 'failed', 'a request with the server stopped');
      await d.reload().catch((e) => { throw new Error(`the reload with the server stopped: ${e.message}`); });
      await ready(d);
      await expectVisible(d, { css: '[data-testid="card-face"]' }, 'the card offline');
      await d.eval(() => document.activeElement && document.activeElement.blur());
      await d.press('Space');
      await expectVisible(d, { css: '[data-testid="answer"]' }, 'the answer offline');
      await until('the answer has text offline', () => textOf(d, { css: '[data-testid="answer"]' }), (t) => t && t.length > 20);
    } finally {
      await server.stop();
    }
  }],

  ['the authoring page (editor.html)', async (d, { base }) => {
    await fresh(d, base, '/editor.html');
    await expectText(d, { css: 'h1' }, 'Deck editor', 'the heading');
    await expectText(d, { css: '#deck-title-error' }, 'The deck has an empty "title".', 'the title problem');
    await d.click({ css: '#deck-title' });
    await d.type('SQL basics');
    await until('the title problem is gone', () => $(d, { css: '#deck-title-error' }, 'count'), (n) => n === 0);
    await d.click({ css: '#add-card' });
    await until('the new card\'s question has focus', () => $(d, { css: '#card-0-question' }, 'focused'));
    // A frame before typing, as a person's hands take: WebKitGTK drops the caret's move for a
    // key sent within a few milliseconds of a script's focus() on a new textarea ("W" then
    // "hat…" typed before it: "hatW"), which no person can type that fast to meet.
    await d.eval(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await d.type('What is an index?');
    await d.click({ css: '#card-0-answer' });
    await d.type('A **B-tree** that finds rows without a full scan.');
    // The widget's renderer previews the answer as it is typed.
    await expectText(d, { css: 'section[aria-label="Preview of card 1\'s answer"] strong' }, 'B-tree', 'the answer preview');
    await until('the draft is saved', () => d.eval(() => localStorage.getItem('interview-cards:editor:draft') || ''),
      (s) => s.includes('What is an index?') && s.includes('B-tree'));
    await d.reload();
    await until('the title survives a reload', () => $(d, { css: '#deck-title' }, 'value'), (v) => v === 'SQL basics');
    equal(await $(d, { css: '#card-0-question' }, 'value'), 'What is an index?', 'the question after the reload');
    // The embed builder's live widget (the app in an iframe) shows a card.
    await ready(d, { frame: 'iframe.live-frame' });
    await expectVisible(d, { frame: 'iframe.live-frame', css: '[data-testid="card-face"]' }, 'the live widget\'s card');
  }],

  ['the mock interview', async (d, { base }) => {
    // Progress of its own (an instance), so no page an earlier journey left can hold its key's
    // lock: Firefox can leave a Web Lock granted to a page as it is left held for minutes.
    await fresh(d, base, '/?topic=databases&instance=engines-mock');
    await ready(d);
    await d.click({ css: 'button', name: '^Mock interview$' });
    // (Its view comes with the later chunk, usually here already.)
    await expectVisible(d, { css: 'button', name: '^Start the interview$' }, 'the mock interview\'s start');
    await d.click({ css: 'button', name: '^Start the interview$' });
    const countdown = { css: '[data-testid="countdown"]' };
    await expectText(d, countdown, /2:00|1:5\d/, 'the clock at the start');
    await expectText(d, countdown, /1:5\d/, 'the clock running');
    const questions = 5;
    for (let q = 1; q <= questions; q++) {
      await d.click({ css: 'button', name: '^Reveal the answer$' });
      await expectVisible(d, { css: '.mock .card-answer' }, `question ${q}'s answer`);
      await until(`question ${q}'s answer has text`, () => textOf(d, { css: '.mock .card-answer' }), (t) => t && t.length > 20);
      equal(await textOf(d, { css: '.card-meta .topic' }), 'Databases – SQL & NoSQL', `question ${q}'s topic`);
      await d.click({ css: 'button.grade', name: '^Good \\(key 3\\)' });
    }
    const summary = { css: '[data-testid="mock-summary"]' };
    await expectVisible(d, summary, 'the summary');
    equal(await $(d, { css: '[data-testid="mock-summary"] tbody tr' }, 'count'), questions, 'rows in the summary');
    await until('the interview\'s grades are saved', () => saved(d, 'interview-cards:engines-mock:backend-interview:progress'),
      (s) => s[1] === questions);
  }],
];
