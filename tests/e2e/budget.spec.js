// The size budget counted as a browser sees it (scripts/size-budget.txt, gzip -9 as
// scripts/size.sh measures): what the first card waits for, and everything a first visit
// downloads, the service worker's own fetches included (it takes what the page downloaded and
// the HTTP cache, so it adds nothing), each file once. scripts/size.sh checks dist/ on disk;
// this checks what actually crosses the network.
const { test, expect } = require('@playwright/test');
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { buildKept, serve } = require('./helpers');

const budget = (name) => {
  const line = readFileSync('scripts/size-budget.txt', 'utf8').split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line.split(/\s+/)[1]);
};
const gzip = (f) => execFileSync('gzip', ['-9', '-c', `dist${f === '/' ? '/index.html' : f}`]).length;

test('the first card waits for its own files only, a first visit downloads each file once, and both stay within their budgets', async ({ browser }) => {
  const port = 4194;
  const { server, hits } = await serve(port, '/=dist');
  try {
    await hits();
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await expect(page.locator('.app[data-ready]')).toBeAttached();
    // What was asked for before the first card was on screen: the page, and what it and the
    // app fetched until then (the app marks the moment as "first-card").
    const first = await page.evaluate(() => {
      const at = performance.getEntriesByName('first-card')[0].startTime;
      return ['/', ...performance.getEntriesByType('resource').filter((r) => r.startTime < at).map((r) => new URL(r.name).pathname)];
    });
    // Until the worker holds the whole build: everything it will ever fetch for it is fetched.
    await expect.poll(() => buildKept(page), { timeout: 15000 }).toBe(true);
    await page.waitForLoadState('networkidle');
    const served = await hits();
    const files = Object.keys(served).sort();
    expect(Object.entries(served).filter(([, n]) => n !== 1), 'downloaded twice').toEqual([]);
    expect(files.filter((f) => /deck\.json|resizer\.js|optimizer|\/(import|scorm)-|\/shared-(?![-0-9a-z]*later)/.test(f)), 'not part of a first visit').toEqual([]);
    expect(files).toContain('/sw.js');
    // The first card: the first module and the bank's index and first part, not the later
    // views nor the other parts.
    expect(first.filter((f) => /\/later-|\/bank-(?!http-)[a-z]+-[0-9a-f]+\.json/.test(f)), 'fetched after the first card').toEqual([]);
    expect(first.filter((f) => /_bg\.wasm$/.test(f))).toHaveLength(1);
    expect(first.filter((f) => /\/bank-[0-9a-f]+\.json$/.test(f))).toHaveLength(1);
    expect(files.some((f) => /\/later-[0-9a-f]+\.wasm$/.test(f)), 'the later views, fetched at idle').toBe(true);
    const size = (list) => list.reduce((n, f) => n + gzip(f), 0);
    const [firstTotal, whole] = [size([...new Set(first)]), size(files)];
    console.log(`first card: ${firstTotal} B gzip of ${first.join(', ')}; whole first visit, service worker included: ${whole} B (budgets ${budget('first-card')} and ${budget('whole-visit')} B)`);
    expect(firstTotal).toBeLessThanOrEqual(budget('first-card'));
    expect(whole).toBeLessThanOrEqual(budget('whole-visit'));
    await context.close();
  } finally {
    server.kill();
  }
});
