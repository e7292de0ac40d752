// The benchmark: drives headless Chromium against the release build (and the baseline Yew app)
// served on 127.0.0.1 and prints medians with min and max, then writes BENCHMARKS.md.
// Run it through scripts/bench.sh, which builds everything first.
import { chromium } from 'playwright-core';
import { execSync, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';


const RUNS = Number(process.env.BENCH_RUNS || 7);
const PORT = 4300;
const BASE = `http://127.0.0.1:${PORT}`;
const KEY = (deck) => `interview-cards:${deck}:progress`;

const server = spawn(process.execPath, ['tests/e2e/serve.mjs', String(PORT), '/app/=dist',
  '/baseline/=bench/baseline/dist', '/app/bench/=bench/out'], { stdio: 'ignore' });
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
  await context.close();
  return { ms, files: [...files] };
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
  await page.goto(`${BASE}/app/${deckPath ? `?deck=${deckPath}` : ''}`);
  await page.waitForSelector('.app[data-ready]', { timeout: 60000 });
  return { context, page };
}

/** Time from an input event in the search box to the count updated in the DOM, and to the
 * next animation frame after that (when it is painted; this includes waiting for vsync). */
async function keystrokes(page, terms) {
  const dom = []; const paint = [];
  for (let i = 0; i < RUNS * 3; i++) {
    const term = terms[i % terms.length];
    const [d, p] = await page.evaluate((text) => new Promise((resolve) => {
      const input = document.getElementById('f-search');
      const count = document.querySelector('[data-testid=match-count]');
      const observer = new MutationObserver(() => {
        observer.disconnect();
        const updated = performance.now() - t0;
        requestAnimationFrame(() => resolve([updated, performance.now() - t0]));
      });
      observer.observe(count, { childList: true, subtree: true, characterData: true });
      const t0 = performance.now();
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }), term);
    dom.push(d); paint.push(p);
  }
  return { dom: stats(dom), paint: stats(paint) };
}

/** Time from the grade key to the progress being written to localStorage (its key, or the
 * recent-changes key beside it that large progress writes to). */
async function gradeToSaved(page, key) {
  await page.evaluate((k) => {
    const setItem = Storage.prototype.setItem;
    window.__saved = [];
    Storage.prototype.setItem = function (name, value) {
      const r = setItem.call(this, name, value);
      if (name === k || name === `${k}:recent`) window.__saved.push(performance.now());
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

await waitServer();
const started = Date.now();

// 1. Cold loads: the app and the baseline.
const app = []; const base = []; let appFiles = []; let baseFiles = [];
for (let i = 0; i < RUNS; i++) {
  const a = await coldLoad('/app/'); app.push(a.ms); appFiles = a.files;
  const b = await coldLoad('/baseline/'); base.push(b.ms); baseFiles = b.files;
}
const appSize = await transfer(appFiles, '/app/', 'dist');
const baseSize = await transfer(baseFiles, '/baseline/', 'bench/baseline/dist');

// 2. Keystrokes over the bundled deck and over 10,000 cards.
let { context, page } = await openApp();
const keyBundled = await keystrokes(page, ['cache', '', 'idempot', '']);
await context.close();
({ context, page } = await openApp('bench/deck-10000.json'));
const keyLarge = await keystrokes(page, ['latency', '', 'shard replica', '']);
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
const reviewsSaved = await page.evaluate((k) => {
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

await browser.close();
server.kill();

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
lines.push(`| ratio app / baseline | ${fmt(appSize.total.raw / baseSize.total.raw, 2)} | ${fmt(appSize.total.gzip / baseSize.total.gzip, 2)} | ${fmt(appSize.total.brotli / baseSize.total.brotli, 2)} |`, '');
lines.push('Goal: ≤ 150 KB gzip. **Missed** — see the note below.', '');
lines.push('## Timings and memory', '');
lines.push('| measure | median | min – max | runs | goal |', '|---|---:|---:|---:|---|');
const appLoad = stats(app); const baseLoad = stats(base);
lines.push(row('navigation → first card interactive (app)', appLoad, 'ms', '≤ 150 ms'));
lines.push(row('navigation → first render (baseline)', baseLoad, 'ms'));
lines.push(`| ratio app / baseline (medians) | ${fmt(appLoad.median / baseLoad.median, 2)} | | | |`);
lines.push(row('search keystroke → count updated in the DOM, bundled deck (110 cards)', keyBundled.dom, 'ms'));
lines.push(row('search keystroke → next frame (painted), bundled deck', keyBundled.paint, 'ms'));
lines.push(row('search keystroke → count updated in the DOM, 10,000 cards', keyLarge.dom, 'ms', '≤ 4 ms'));
lines.push(row('search keystroke → next frame (painted), 10,000 cards', keyLarge.paint, 'ms'));
lines.push(row('grade → progress written, 10,000 cards with history', grade, 'ms', '≤ 8 ms'));
lines.push(`| memory after load, 10,000 cards (JS heap + wasm) | ${mb(memLoaded.total)} (${mb(memLoaded.js)} + ${mb(memLoaded.wasm)}) | | 1 | ≤ 40 MB |`);
lines.push(`| memory after a 200-review session, 10,000 cards | ${mb(memSession.total)} (${mb(memSession.js)} + ${mb(memSession.wasm)}) | | 1 | ≤ 40 MB |`);
lines.push(`| reviews in storage after the session | ${reviewsSaved} | | | all kept |`, '');
lines.push(`The benchmark took ${Math.round((Date.now() - started) / 1000)} s.`, '');
const table = lines.join('\n');
console.log(table);
const notes = await readFile('bench/NOTES.md', 'utf8').catch(() => '');
await writeFile('BENCHMARKS.md', `${table}\n${notes}`);
console.log('\nwrote BENCHMARKS.md');
