// Shared steps for the end-to-end suite.
const { expect } = require('@playwright/test');
const { default: AxeBuilder } = require('@axe-core/playwright');

/** Fails with the list of axe-core violations (rule, help text, elements) in the current view. */
async function expectNoAxeViolations(page, view) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target).join(', ')})`);
  expect(summary, `axe violations in the ${view} view`).toEqual([]);
}

/** Waits until the app has rendered and its keyboard shortcuts are listening. */
async function ready(page) {
  // An attribute, not a performance mark: page.clock may fake the performance timeline.
  await expect(page.locator('.app[data-ready]').first()).toBeAttached();
}

/** Opens the app at `path` with empty storage and waits until it is ready. Storage is cleared
 * from a page of the same origin that runs no widget: a running widget would save what it
 * holds again (as it should when a learner clears storage under it). */
async function openFresh(page, path = './') {
  await openBare(page, path);
  await ready(page);
}

/** `openFresh` without waiting for a card (a page that shows an error instead). */
async function openBare(page, path) {
  await page.goto('/__blank');
  await page.evaluate(() => localStorage.clear());
  await page.goto(path);
}

/** Opens `path` fresh and starts a mock interview with the default set-up. */
async function startMock(page, path = './?topic=databases') {
  await openFresh(page, path);
  await page.getByRole('button', { name: 'Mock interview' }).click();
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expect(page.getByRole('button', { name: 'Reveal the answer' })).toBeVisible();
}

/** Collects page errors and console errors, to assert there were none. */
function watchErrors(page) {
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

/** Starts tests/e2e/serve.mjs on 127.0.0.1:`port` with `mounts` (see that file) and waits
 * until it answers. Returns the server (kill it when done) and `hits()`: how many times each
 * path was served since the last call. */
async function serve(port, ...mounts) {
  const { spawn } = require('node:child_process');
  const server = spawn(process.execPath, ['tests/e2e/serve.mjs', String(port), ...mounts], { stdio: 'ignore' });
  const hitsUrl = `http://127.0.0.1:${port}/__hits`;
  await expect.poll(async () => (await fetch(hitsUrl).catch(() => null))?.ok ?? false, { timeout: 10000 }).toBe(true);
  return { server, hits: async () => (await fetch(hitsUrl)).json() };
}

/** Whether the service worker holds this page's whole build: it marks that with `__complete`
 * in its cache once every file of the build has passed (for `expect.poll`). */
function buildKept(page) {
  return page.evaluate(async () => {
    for (const key of await caches.keys()) {
      if (await (await caches.open(key)).match(new URL('./__complete', location.href).href)) return true;
    }
    return false;
  });
}

module.exports = { buildKept, expectNoAxeViolations, openBare, openFresh, ready, serve, startMock, watchErrors };
