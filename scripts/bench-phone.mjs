// The phone profile of the benchmark: cold loads of this app and of H5P Dialog Cards (the same
// 110 cards), interleaved, on Lighthouse's mobile throttling through the DevTools protocol
// (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower), every file served
// gzip-compressed. For each: when the first card is shown, when a real click on its
// show-answer control (Playwright's mouse, repeated until one works) has revealed the answer,
// the bytes that had arrived by then, and the bytes of the whole visit (what the server sent
// for the page and its service worker until the network is quiet).
//
// Used by scripts/bench.mjs; also runs alone, to compare builds side by side:
//   node scripts/bench-phone.mjs [label=DIST_DIR ...]      (default: app=dist)
// with BENCH_RUNS cold loads of each (default 7). The H5P peer is set up by scripts/bench.sh
// in bench/out/peer.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const PROFILE = { latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750, cpu: 4 };

/** Runs in every frame from navigation on: records (as epoch ms) when the first card is shown
 * and when its answer is shown, for this app and for H5P (whose card sits in an iframe). */
function phoneWatch() {
  const top = window.top;
  let record;
  try {
    if (window === top) window.__phone = { shown: null, turned: null };
    record = (key) => { if (top.__phone && top.__phone[key] === null) top.__phone[key] = performance.timeOrigin + performance.now(); };
  } catch { return; /* another origin */ }
  const visible = (el) => !!el && el.getClientRects().length > 0 && el.textContent.trim() !== '';
  const tick = () => {
    const d = document;
    // This app: a ready widget showing a question; then the answer of that card.
    const app = d.querySelector('.app[data-ready]');
    if (app && visible(app.querySelector('.card-question'))) record('shown');
    if (app && visible(app.querySelector('[data-testid="answer"]'))) record('turned');
    // H5P Dialog Cards: card 1's text with its Turn button enabled; then the card turned.
    // (Its text changes to the answer once the turning animation has ended.)
    const flip = d.querySelector('button.h5p-theme-flip');
    const text = d.querySelector('.h5p-dialogcards-card-text-area');
    if (visible(text) && flip && !flip.disabled && window.__front === undefined) {
      window.__front = text.textContent;
      record('shown');
    }
    const turned = d.querySelector('.h5p-dialogcards-turned .h5p-dialogcards-card-text-area');
    if (window.__front !== undefined && visible(turned) && turned.textContent !== window.__front) record('turned');
    // Where the show-answer control is, in the top page's coordinates, once it is there.
    const control = app ? app.querySelector('[id$="primary-action"]') : flip;
    if (control && !control.disabled && top.__phone.box === undefined) {
      const r = control.getBoundingClientRect();
      const f = window.frameElement ? window.frameElement.getBoundingClientRect() : { x: 0, y: 0 };
      if (r.width > 0) top.__phone.box = { x: f.x + r.x + r.width / 2, y: f.y + r.y + r.height / 2 };
    }
    if (!top.__phone || top.__phone.turned === null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until the server has sent nothing new for `quietMs`, then returns what it sent. */
async function sentWhenQuiet(base, quietMs = 2500, limitMs = 60_000) {
  let last = -1; let since = Date.now(); const start = Date.now();
  for (;;) {
    const sent = await (await fetch(`${base}/__bytes?keep=1`)).json();
    const total = Object.values(sent).reduce((a, b) => a + b, 0);
    if (total !== last) { last = total; since = Date.now(); }
    if (Date.now() - since >= quietMs || Date.now() - start > limitMs) return { total, files: Object.keys(sent).length };
    await sleep(250);
  }
}

/** One cold load on the phone profile. */
async function phoneLoad(browser, url, base, kind) {
  await fetch(`${base}/__bytes`); // starts the count afresh
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1 });
  await context.addInitScript(phoneWatch);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: PROFILE.latency, downloadThroughput: PROFILE.downloadThroughput, uploadThroughput: PROFILE.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpu });
  // What arrived when, as the browser saw it (throttled): monotonic seconds, mapped to the wall
  // clock by each request's own pair of times.
  let toWall = null; const finished = [];
  cdp.on('Network.requestWillBeSent', (e) => { toWall ??= e.wallTime - e.timestamp; });
  cdp.on('Network.loadingFinished', (e) => finished.push({ at: e.timestamp, bytes: e.encodedDataLength }));
  await page.goto(url, { waitUntil: 'commit' });
  const navStart = await page.evaluate(() => performance.timeOrigin);
  let clicks = 0; let firstClick = null;
  for (const deadline = Date.now() + 60_000; ;) {
    if (Date.now() > deadline) throw new Error(`${kind}: no card turned within a minute`);
    const box = await page.waitForFunction(() => window.__phone?.box, null, { timeout: 1000, polling: 'raf' })
      .then((h) => h.jsonValue(), () => null);
    if (box) {
      firstClick ??= Date.now();
      await page.mouse.click(box.x, box.y);
      clicks++;
      const ok = await page.waitForFunction(() => window.__phone.turned !== null, null, { timeout: 300, polling: 'raf' }).then(() => true, () => false);
      if (ok) break;
      // Missed (the page was not listening yet): look for the control again.
      await page.evaluate(() => { delete window.__phone.box; });
    }
  }
  const { shown, turned } = await page.evaluate(() => window.__phone);
  const before = finished.filter((f) => (f.at + toWall) * 1000 <= turned).reduce((n, f) => n + f.bytes, 0);
  const whole = await sentWhenQuiet(base);
  await context.close();
  if (process.env.PHONE_DEBUG) console.error(kind, { shown: shown - navStart, turned: turned - navStart, clicks, firstClick: firstClick - navStart });
  return { shown: shown - navStart, turned: turned - navStart, before, whole: whole.total, files: whole.files, clicks };
}

/** Interleaved cold loads: each variant of this app, then H5P, `runs` times. Starts its own
 * servers (gzip) on ports from `port`. */
export async function measurePhone({ browser, variants, peerDir, runs, port = 4400 }) {
  const servers = [];
  const targets = variants.map(({ label, dir }, i) => {
    const p = port + i;
    servers.push(spawn(process.execPath, ['tests/e2e/serve.mjs', String(p), `/app/=${dir}@gzip`], { stdio: 'ignore' }));
    return { label, kind: 'app', base: `http://127.0.0.1:${p}`, url: `http://127.0.0.1:${p}/app/` };
  });
  if (peerDir) {
    const p = port + variants.length;
    servers.push(spawn(process.execPath, ['tests/e2e/serve.mjs', String(p), `/=${peerDir}@gzip`], { stdio: 'ignore' }));
    targets.push({ label: 'H5P Dialog Cards', kind: 'h5p', base: `http://127.0.0.1:${p}`, url: `http://127.0.0.1:${p}/index.html` });
  }
  try {
    for (const t of targets) {
      for (let i = 0; ; i++) {
        try { if ((await fetch(`${t.base}/__hits`)).ok) break; } catch { /* not yet */ }
        if (i > 100) throw new Error(`server for ${t.label} did not start`);
        await sleep(100);
      }
    }
    const results = new Map(targets.map((t) => [t.label, []]));
    for (let i = 0; i < runs; i++) {
      for (const t of targets) results.get(t.label).push(await phoneLoad(browser, t.url, t.base, t.kind));
    }
    return targets.map((t) => {
      const r = results.get(t.label);
      const m = (k) => median(r.map((x) => x[k]));
      return { label: t.label, kind: t.kind, runs: r.length, shown: m('shown'), turned: m('turned'), before: m('before'), whole: m('whole'),
        turnedMin: Math.min(...r.map((x) => x.turned)), turnedMax: Math.max(...r.map((x) => x.turned)), files: r[0].files };
    });
  } finally {
    for (const s of servers) s.kill();
  }
}

/** The phone-profile table (Markdown), ratios to H5P when it was measured. */
export function phoneTable(rows) {
  const peer = rows.find((r) => r.kind === 'h5p');
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const ratio = (a, b) => (peer ? (a / b).toFixed(2) : '');
  const lines = [
    `Lighthouse's mobile throttling through the DevTools protocol: ${PROFILE.latency} ms round trip, ${PROFILE.downloadThroughput * 8 / 1e6} Mbit/s down, ${PROFILE.uploadThroughput * 8 / 1e3} kbit/s up, CPU ${PROFILE.cpu}× slower; 412 × 823 viewport; files served gzip -9; cold loads interleaved in one run, medians of ${rows[0]?.runs ?? 0} each. "Turned" is when the answer shows after a real click (Playwright's mouse on the show-answer control, repeated every 300 ms until one works); bytes before it are what the browser had received by then (headers included); the whole visit is what the server sent, the service worker's requests included, until nothing more came for 2.5 s.`,
    '',
    '| | first card shown | first card turned by a click (min – max) | bytes before it | whole visit (files) |' + (peer ? ' turned, ratio to H5P |' : ''),
    '|---|---:|---:|---:|---:|' + (peer ? '---:|' : ''),
  ];
  for (const r of rows) {
    lines.push(`| ${r.label} | ${r.shown.toFixed(0)} ms | ${r.turned.toFixed(0)} ms (${r.turnedMin.toFixed(0)} – ${r.turnedMax.toFixed(0)}) | ${kb(r.before)} | ${kb(r.whole)} (${r.files}) |`
      + (peer ? ` ${ratio(r.turned, peer.turned)} |` : ''));
  }
  return lines.join('\n');
}

// Alone: node scripts/bench-phone.mjs [label=DIST_DIR ...]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const specs = process.argv.slice(2);
  const variants = (specs.length ? specs : ['app=dist']).map((s) => { const [label, dir] = s.split('='); return { label, dir }; });
  const peerDir = await access('bench/out/peer/node_modules/h5p-standalone/dist/main.bundle.js').then(() => 'bench/out/peer', () => null);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const rows = await measurePhone({ browser, variants, peerDir, runs: Number(process.env.BENCH_RUNS || 7) });
    console.log(phoneTable(rows));
  } finally {
    await browser.close();
  }
}
