// The benchmark: drives headless Chromium against the release build (and the baseline Yew app)
// served on 127.0.0.1 and prints medians with min and max, then writes BENCHMARKS.md.
// Run it through scripts/bench.sh, which builds everything first.
import { chromium } from 'playwright-core';
import { execSync, spawn } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { measurePhone, phoneTable } from './bench-phone.mjs';


const RUNS = Number(process.env.BENCH_RUNS || 7);
const PORT = 4300;
const BASE = `http://127.0.0.1:${PORT}`;
const KEY = (deck) => `interview-cards:${deck}:progress`;

const server = spawn(process.execPath, ['tests/e2e/serve.mjs', String(PORT), '/app/=dist',
  '/baseline/=bench/baseline/dist', '/app/bench/=bench/out'], { stdio: 'ignore' });
// The H5P peer uses absolute paths from /: its own server (scripts/bench.sh sets it up).
const PEER = await access('bench/out/peer/node_modules/h5p-standalone/dist/main.bundle.js').then(() => true, () => false);
const PEER_BASE = `http://127.0.0.1:${PORT + 1}`;
const peerServer = PEER ? spawn(process.execPath, ['tests/e2e/serve.mjs', String(PORT + 1), '/=bench/out/peer'], { stdio: 'ignore' }) : null;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });
const fmt = (x, d = 1) => x.toFixed(d);
const row = (name, s, unit, goal = '') => `| ${name} | ${fmt(s.median)} ${unit} | ${fmt(s.min)} – ${fmt(s.max)} | ${s.n} | ${goal} |`;

async function waitServer() {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${BASE}/app/`)).ok) return; } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

/** One cold load in a fresh context: first-card time and what was downloaded. */
async function coldLoad(path) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const files = new Set();
  page.on('response', (r) => { if (r.status() === 200) files.add(new URL(r.url()).pathname); });
  await page.goto(`${BASE}${path}`);
  await page.waitForFunction(() => performance.getEntriesByName('first-card').length > 0);
  const ms = await page.evaluate(() => performance.getEntriesByName('first-card')[0].startTime);
  // Where the time goes (the app's own marks; the baseline has none of them).
  const stages = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
    const bank = performance.getEntriesByType('resource').find((r) => /\/bank-[0-9a-f]+\.json$/.test(r.name));
    return { 'bank downloaded (beside the wasm)': bank?.responseEnd, 'wasm downloaded': wasm?.responseEnd,
      'wasm compiled, main() runs': at('wasm-started'), 'bank parsed': at('deck-parsed'), 'progress read, state built': at('state-ready'), 'first card rendered': at('first-card') };
  });
  await context.close();
  return { ms, stages, files: [...files] };
}

/** Records when a first card is interactive, the same way for this app and for the H5P peer:
 * checked every frame from navigation on, in the page and in same-origin frames. This app: a
 * ready widget showing a question. H5P Dialog Cards: card 1's front text visible and its Turn
 * button enabled (see shared/peers/h5p-dialogcards/README.md). */
function watchFirstCard() {
  if (window !== window.top) return;
  window.__firstCard = null;
  const shown = (el) => el && el.getClientRects().length > 0 && el.textContent.trim() !== '';
  const ready = (d) => (shown(d.querySelector('.app[data-ready] #card-question')))
    || (shown(d.querySelector('.h5p-dialogcards-card-text-area'))
      && !!d.querySelector('button.h5p-theme-flip') && !d.querySelector('button.h5p-theme-flip').disabled);
  const tick = () => {
    const docs = [document];
    for (const f of document.querySelectorAll('iframe')) { try { if (f.contentDocument) docs.push(f.contentDocument); } catch { /* another origin */ } }
    if (docs.some(ready)) window.__firstCard = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** One cold load measured by the same method for every page: first card interactive (checked
 * each frame) and every response body the page received, gzip -9. */
async function sameMethodLoad(url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(watchFirstCard);
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (r) => { bodies.push(r.body().then((b) => gzipSync(b, { level: 9 }).length, () => 0)); });
  await page.goto(url);
  await page.waitForFunction(() => window.__firstCard !== null, null, { timeout: 30_000 });
  const ms = await page.evaluate(() => window.__firstCard);
  await page.waitForLoadState('networkidle');
  const sizes = await Promise.all(bodies);
  await context.close();
  return { ms, gzip: sizes.reduce((a, b) => a + b, 0), files: sizes.length };
}

/** A long post with the widget 6,000 px down: what is downloaded before scrolling (gzip, as a
 * host sends it), and the time from scrolling it into view to its first card. */
async function lazyLoad() {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (r) => {
    const body = await r.body().catch(() => Buffer.alloc(0));
    bodies.push({ path: new URL(r.url()).pathname, gzip: gzipSync(body, { level: 9 }).length });
  });
  await page.goto(`${BASE}/app/bench/lazy.html`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const before = bodies.filter((b) => b.path !== '/app/bench/lazy.html').reduce((n, b) => n + b.gzip, 0);
  const ms = await page.evaluate(async () => {
    const el = document.querySelector('[data-interview-cards]');
    const t0 = performance.now();
    el.scrollIntoView();
    await new Promise((resolve) => {
      const check = () => (el.shadowRoot?.querySelector('.app[data-ready]') ? resolve() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - t0;
  });
  await context.close();
  return { before, ms };
}

async function transfer(paths, prefix, dir) {
  const rows = [];
  for (const p of paths.sort()) {
    const rel = p.slice(prefix.length) || 'index.html';
    const body = await readFile(`${dir}/${rel.endsWith('/') ? `${rel}index.html` : rel}`);
    rows.push({ file: rel, raw: body.length, gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
  }
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}

/** Opens the app (optionally with a deck and saved progress) ready for measuring. */
async function openApp(deckPath, progress) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${BASE}/app/`);
  if (progress) {
    await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [KEY(JSON.parse(progress).deck), progress]);
  }
  // Practice all (every card in order, as the widget opened before its study session), so a
  // grade always has a next card however many were graded.
  await page.goto(`${BASE}/app/?mode=practice${deckPath ? `&deck=${deckPath}` : ''}`);
  await page.waitForSelector('.app[data-ready]', { timeout: 60000 });
  return { context, page };
}

/** One input event in the search box: the time until the app has handled it (Yew renders and
 * runs effects in microtasks, so the next task starts once the DOM is updated), and until the
 * next animation frame after that (when it is painted; this includes waiting for vsync). */
async function input(page, text) {
  return page.evaluate((text) => new Promise((resolve) => {
    const field = document.getElementById('f-search');
    // Focus is in the box, as when a person types (not timed).
    if (document.activeElement !== field) field.focus();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const done = performance.now() - t0;
      requestAnimationFrame(() => resolve([done, performance.now() - t0]));
    };
    const t0 = performance.now();
    field.value = text;
    field.dispatchEvent(new InputEvent('input', { bubbles: true }));
    channel.port2.postMessage(0);
  }), text);
}

/** Types each word a letter at a time, then deletes it a letter at a time, as a person does:
 * every letter typed or deleted is one measured keystroke. */
async function typing(page, words) {
  const done = []; const paint = [];
  for (const word of words) {
    const steps = [...Array(word.length).keys()].map((i) => word.slice(0, i + 1));
    for (const text of [...steps, ...steps.reverse().slice(1), '']) {
      const [d, p] = await input(page, text);
      done.push(d); paint.push(p);
    }
  }
  return { done: stats(done), paint: stats(paint) };
}

/** Replaces the whole search at once (a pasted word, then the box cleared): the worst case, as
 * nothing found before narrows the scan. Words not searched before in this page. */
async function replacing(page, words) {
  const done = [];
  for (const word of words) {
    for (const text of [word, '']) done.push((await input(page, text))[0]);
  }
  return stats(done);
}

/** Time from the grade key to the progress being written to localStorage (its key, or the
 * recent-changes key beside it that large progress writes to). A deck opened from an address
 * is saved under its id with `~` and the path after it (its earlier progress, under the plain
 * id, is read into that key), so any key of the deck counts. */
async function gradeToSaved(page, key) {
  await page.evaluate((k) => {
    const setItem = Storage.prototype.setItem;
    window.__saved = [];
    Storage.prototype.setItem = function (name, value) {
      const r = setItem.call(this, name, value);
      const [id, rest] = [k.replace(/:progress$/, ''), name.replace(/^[^~]*(~[^:]*)?(:progress(:recent)?)$/, '$2')];
      if (name.startsWith(`${id}:`) || name.startsWith(`${id}~`)) {
        if (rest === ':progress' || rest === ':progress:recent') window.__saved.push(performance.now());
      }
      return r;
    };
  }, key);
  const times = [];
  for (let i = 0; i < RUNS * 2; i++) {
    times.push(await page.evaluate(() => new Promise((resolve) => {
      const key = (k) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      key(' ');
      requestAnimationFrame(() => setTimeout(() => {
        const before = window.__saved.length;
        const t0 = performance.now();
        key('3');
        const wait = () => (window.__saved.length > before ? resolve(window.__saved[before] - t0) : setTimeout(wait, 0));
        wait();
      }, 0));
    })));
  }
  return stats(times);
}

async function memory(page) {
  return page.evaluate(() => {
    if (window.gc) window.gc();
    const js = performance.memory ? performance.memory.usedJSHeapSize : 0;
    const wasm = globalThis.interviewCardsWasmBytes ? globalThis.interviewCardsWasmBytes() : 0;
    return { js, wasm, total: js + wasm };
  });
}

/** Imports `file` on the authoring page, then types 30 letters into one card's question: the
 * time from each input to the next frame. */
async function editorTyping(file, last) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/app/editor.html`);
  await page.locator('#import-file').setInputFiles(file);
  await page.locator(`#card-${last}-question`).waitFor({ timeout: 60000 });
  await page.locator('#card-5-question').click();
  await page.locator('#card-5-question').press('End');
  const times = [];
  for (let i = 0; i < 30; i++) {
    times.push(await page.evaluate(() => new Promise((resolve) => {
      const field = document.activeElement;
      const t0 = performance.now();
      field.value += 'x';
      field.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'x', inputType: 'insertText' }));
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    })));
  }
  await context.close();
  return stats(times);
}

await waitServer();
const started = Date.now();

// 1. Cold loads, interleaved: the app and the baseline (the app's own marks), then the app and
// the H5P peer by one method (first card checked each frame, every response body counted).
const app = []; const base = []; const appStages = []; let appFiles = []; let baseFiles = [];
const ours = []; const peer = []; const custom = [];
for (let i = 0; i < RUNS; i++) {
  const a = await coldLoad('/app/'); app.push(a.ms); appFiles = a.files; appStages.push(a.stages);
  const b = await coldLoad('/baseline/'); base.push(b.ms); baseFiles = b.files;
  custom.push(await sameMethodLoad(`${BASE}/app/?deck=bench/sql-basics.json`));
  if (PEER) {
    ours.push(await sameMethodLoad(`${BASE}/app/`));
    peer.push(await sameMethodLoad(`${PEER_BASE}/index.html`));
  }
}
const appSize = await transfer(appFiles, '/app/', 'dist');

// 1b. A widget far below the fold of a long post.
await writeFile('bench/out/lazy.html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long post</title>'
  + '<link rel="icon" href="data:,"></head><body><main><h1>A long post</h1><div style="height:6000px">Lots of reading.</div>'
  + '<div data-interview-cards data-topic="http"></div></main><script type="module" src="../embed.js"></script></body></html>');
const lazyBefore = []; const lazyFirst = [];
for (let i = 0; i < RUNS; i++) {
  const l = await lazyLoad(); lazyBefore.push(l.before); lazyFirst.push(l.ms);
}
const baseSize = await transfer(baseFiles, '/baseline/', 'bench/baseline/dist');

// 2. Keystrokes over the bundled deck and over 10,000 cards: whole words replaced at once
// first (so no earlier search narrows them), then words typed and deleted letter by letter.
let { context, page } = await openApp();
const pasteBundled = await replacing(page, ['kafka', 'cors', 'oauth', 'vacuum', 'saga', 'tls', 'jwt']);
const keyBundled = await typing(page, ['cache', 'idempotent', 'index', 'token', 'retry']);
await context.close();
({ context, page } = await openApp('bench/deck-10000.json'));
const pasteLarge = await replacing(page, ['throughput', 'partition', 'migration', 'certificate', 'handshake', 'consumer', 'producer']);
const keyLarge = await typing(page, ['latency', 'shard replica', 'webhook', 'deadlock', 'gateway']);
await context.close();

// 3. Grade → saved and memory, with 10,000 cards that each have a review history.
const progress = await readFile('bench/out/progress-10000.json', 'utf8');
({ context, page } = await openApp('bench/deck-10000.json', progress));
const memLoaded = await memory(page);
const grade = await gradeToSaved(page, KEY('generated-10000'));
// A 200-review session.
await page.evaluate(async () => {
  const key = (k) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  for (let i = 0; i < 200; i++) {
    key(' ');
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    key(String(1 + (i % 4)));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
});
const memSession = await memory(page);
// Reviews in storage: the progress key merged with its recent changes (logs united per card).
const reviewsSaved = await page.evaluate((plain) => {
  // (Saved under the deck's key from its address: see gradeToSaved.)
  const id = plain.replace(/:progress$/, '');
  const k = Object.keys(localStorage).find((n) => n.startsWith(`${id}~`) && n.endsWith(':progress')) ?? plain;
  const logs = {};
  for (const key of [k, `${k}:recent`]) {
    const raw = localStorage.getItem(key);
    for (const [id, c] of Object.entries(raw ? JSON.parse(raw).cards : {})) {
      for (const r of c.log || []) (logs[id] ||= new Set()).add(`${r.at} ${r.rating}`);
    }
  }
  return Object.values(logs).reduce((n, s) => n + s.size, 0);
}, KEY('generated-10000'));
await context.close();

// 4. The authoring page: keystroke → next frame while typing in one card, with the bank and
// with a 2,000-card deck imported.
const editorBank = await editorTyping('data/deck.json', 109);
const editorLarge = await editorTyping('bench/out/deck-2000.json', 1999);

// 5. The phone profile: this app and H5P, interleaved cold loads (scripts/bench-phone.mjs).
// BENCH_BEFORE=<dist of an earlier build> measures that build too, interleaved, for a before
// and after in the same run (kept outside the tree; the report names it).
const phoneVariants = [{ label: 'this app', dir: 'dist' }];
if (process.env.BENCH_BEFORE) phoneVariants.push({ label: `earlier build (${process.env.BENCH_BEFORE_LABEL || process.env.BENCH_BEFORE})`, dir: process.env.BENCH_BEFORE });
const phone = await measurePhone({ browser, variants: phoneVariants,
  peerDir: PEER ? 'bench/out/peer' : null, runs: RUNS });

await browser.close();
server.kill();
peerServer?.kill();

// Report.
const kb = (b) => `${fmt(b / 1024)} KB`;
const mb = (b) => `${fmt(b / 1048576)} MB`;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const browserVersion = execSync(`${process.env.CHROMIUM_PATH || '/usr/bin/chromium'} --version`).toString().trim();
const lines = [];
lines.push('# Benchmarks', '');
lines.push(`Produced by \`scripts/bench.sh\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpu}, ${mb(totalmem())} RAM, ${browserVersion}, headless, served from 127.0.0.1.`);
lines.push(`Times are medians over repeated runs (${RUNS} cold loads; more for interactions) with min – max. The machine is shared and noisy: compare ratios, not single figures.`, '');
lines.push('## What a first visit downloads', '');
lines.push('| file | raw | gzip | brotli |', '|---|---:|---:|---:|');
for (const r of appSize.rows) lines.push(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
lines.push(`| **total** | **${kb(appSize.total.raw)}** | **${kb(appSize.total.gzip)}** | **${kb(appSize.total.brotli)}** |`);
lines.push(`| baseline (Yew hello world) total | ${kb(baseSize.total.raw)} | ${kb(baseSize.total.gzip)} | ${kb(baseSize.total.brotli)} |`);
lines.push(`| ratio app / baseline | ${fmt(appSize.total.raw / baseSize.total.raw, 2)} | ${fmt(appSize.total.gzip / baseSize.total.gzip, 2)} | ${fmt(appSize.total.brotli / baseSize.total.brotli, 2)} |`);
lines.push(`| first visit with a custom deck (\`?deck=\`, 3 cards; every response counted, the deck too) | | ${kb(median(custom.map((r) => r.gzip)))} | |`, '');
lines.push(`Goal: ≤ 150 KB gzip. ${appSize.total.gzip <= 150 * 1024 ? 'Met.' : '**Missed** — see the notes below.'}`, '');
lines.push('## Timings and memory', '');
lines.push('| measure | median | min – max | runs | goal |', '|---|---:|---:|---:|---|');
const appLoad = stats(app); const baseLoad = stats(base);
lines.push(row('navigation → first card interactive (app)', appLoad, 'ms', '≤ 150 ms'));
lines.push(row('navigation → first render (baseline)', baseLoad, 'ms'));
lines.push(row('widget 6,000 px down a long post: our bytes before scrolling (gzip)', stats(lazyBefore.map((b) => b / 1024)), 'KB', '< 5 KB'));
lines.push(row('widget 6,000 px down: scrolled into view → first card (wasm download included)', stats(lazyFirst), 'ms', '≤ 300 ms'));
lines.push(`| ratio app / baseline (medians) | ${fmt(appLoad.median / baseLoad.median, 2)} | | | |`);
lines.push(row('search keystroke (a letter typed or deleted) → app updated, bundled deck (110 cards)', keyBundled.done, 'ms'));
lines.push(row('search keystroke → next frame (painted), bundled deck', keyBundled.paint, 'ms'));
lines.push(row('search keystroke (a letter typed or deleted) → app updated, 10,000 cards', keyLarge.done, 'ms', '≤ 4 ms'));
lines.push(row('search keystroke → next frame (painted), 10,000 cards', keyLarge.paint, 'ms'));
lines.push(row('search replaced at once (a word pasted, or the box cleared) → app updated, bundled deck', pasteBundled, 'ms'));
lines.push(row('search replaced at once → app updated, 10,000 cards', pasteLarge, 'ms'));
lines.push(row('grade → progress written, 10,000 cards with history', grade, 'ms', '≤ 8 ms'));
lines.push(`| memory after load, 10,000 cards (JS heap + wasm) | ${mb(memLoaded.total)} (${mb(memLoaded.js)} + ${mb(memLoaded.wasm)}) | | 1 | ≤ 40 MB |`);
lines.push(`| memory after a 200-review session, 10,000 cards | ${mb(memSession.total)} (${mb(memSession.js)} + ${mb(memSession.wasm)}) | | 1 | ≤ 40 MB |`);
lines.push(`| reviews in storage after the session | ${reviewsSaved} | | | all kept |`);
lines.push(row('authoring page: keystroke → next frame, 110 cards', editorBank, 'ms'));
lines.push(row('authoring page: keystroke → next frame, 2,000 cards', editorLarge, 'ms'), '');
lines.push('## Side by side with H5P Dialog Cards', '');
if (PEER) {
  const o = stats(ours.map((r) => r.ms)); const p = stats(peer.map((r) => r.ms));
  const og = median(ours.map((r) => r.gzip)); const pg = median(peer.map((r) => r.gzip));
  lines.push('The same 110 cards; interleaved cold loads in the same run, measured the same way for both: the first card counted as interactive when checked on a frame (this app: a ready widget showing a question; H5P: card 1\'s front text shown and its Turn button enabled), and every response body the page received, gzip -9.', '');
  lines.push('| measure | this app | H5P Dialog Cards 1.9 (h5p-standalone 3.8.2) | ratio app / H5P |', '|---|---:|---:|---:|');
  lines.push(`| first visit, gzip (files) | ${kb(og)} (${ours[0].files}) | ${kb(pg)} (${peer[0].files}) | ${fmt(og / pg, 2)} |`);
  lines.push(`| navigation → first card interactive, median (min – max) | ${fmt(o.median)} ms (${fmt(o.min)} – ${fmt(o.max)}) | ${fmt(p.median)} ms (${fmt(p.min)} – ${fmt(p.max)}) | ${fmt(o.median / p.median, 2)} |`, '');
} else {
  lines.push('Not measured in this run: `../shared/peers/h5p-dialogcards/` was not found (see `scripts/bench.sh`).', '');
}
lines.push('## On a phone-like profile', '');
lines.push(phoneTable(phone), '');
const phoneApp = phone.find((r) => r.kind === 'app'); const phonePeer = phone.find((r) => r.kind === 'h5p');
lines.push(`Goals: first card turned ≤ 1.2 s (${phoneApp.turned <= 1200 ? 'met' : '**missed**'}), ≤ 0.30× H5P's time (${phonePeer ? (phoneApp.turned / phonePeer.turned <= 0.3 ? 'met' : '**missed**') : 'not measured'}), ≤ 150 KB before it (${phoneApp.before <= 150 * 1024 ? 'met' : '**missed**'}), whole visit ≤ 327 KB (${phoneApp.whole <= 327 * 1024 ? 'met' : '**missed**'}).`, '');
lines.push('### First card, stage by stage', '');
lines.push('Medians of the app\'s own performance marks over the same cold loads, in ms since navigation start.', '');
lines.push('| stage | reached at |', '|---|---:|');
for (const name of Object.keys(appStages[0] || {})) {
  const at = appStages.map((st) => st[name]).filter((x) => x !== undefined);
  if (at.length) lines.push(`| ${name} | ${fmt(median(at))} ms |`);
}
lines.push('');
lines.push(`The benchmark took ${Math.round((Date.now() - started) / 1000)} s.`, '');
const table = lines.join('\n');
console.log(table);
const notes = await readFile('bench/NOTES.md', 'utf8').catch(() => '');
await writeFile('BENCHMARKS.md', `${table}\n${notes}`);
console.log('\nwrote BENCHMARKS.md');
