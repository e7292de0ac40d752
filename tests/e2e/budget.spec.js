// The size budget counted as a browser sees it: everything a first visit downloads, the service
// worker's own fetches included (it takes what the page downloaded and the HTTP cache, so it
// adds nothing), each file once, within scripts/size-budget.txt. scripts/size.sh checks dist/
// on disk; this checks what actually crosses the network.
const { test, expect } = require('@playwright/test');
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { serve } = require('./helpers');

const budget = Number(readFileSync('scripts/size-budget.txt', 'utf8').split('\n')
  .filter((l) => !l.startsWith('#')).join('').trim());

test('a first visit, service worker included, downloads each file once and stays within the budget', async ({ browser }) => {
  const port = 4194;
  const { server, hits } = await serve(port, '/=dist');
  try {
    await hits();
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await expect(page.locator('.app[data-ready]')).toBeAttached();
    // Until the worker holds the whole build: everything it will ever fetch for it is fetched.
    await expect.poll(() => page.evaluate(async () => {
      for (const key of await caches.keys()) {
        if (await (await caches.open(key)).match(new URL('./__complete', location.href).href)) return true;
      }
      return false;
    }), { timeout: 15000 }).toBe(true);
    await page.waitForLoadState('networkidle');
    const served = await hits();
    const files = Object.keys(served).sort();
    expect(Object.entries(served).filter(([, n]) => n !== 1), 'downloaded twice').toEqual([]);
    expect(files.filter((f) => /deck\.json|resizer\.js|optimizer/.test(f)), 'not part of a first visit').toEqual([]);
    expect(files.some((f) => f.endsWith('.wasm'))).toBe(true);
    expect(files).toContain('/sw.js');
    // gzip -9 as scripts/size.sh measures (zlib's level 9 differs by a few hundred bytes).
    const sizes = files.map((f) => [f, execFileSync('gzip', ['-9', '-c', `dist${f === '/' ? '/index.html' : f}`]).length]);
    const total = sizes.reduce((n, [, gz]) => n + gz, 0);
    console.log(`first visit, service worker included: ${sizes.map(([f, gz]) => `${f} ${gz}`).join(', ')}; total ${total} B gzip (budget ${budget} B)`);
    expect(total).toBeLessThanOrEqual(budget);
    await context.close();
  } finally {
    server.kill();
  }
});
