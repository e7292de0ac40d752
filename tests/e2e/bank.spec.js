// The bank is its own content-hashed file, fetched beside the app's code and only where a
// widget shows it: a page with its own deck never downloads it, and widgets share one download.
const { test, expect } = require('@playwright/test');
const { openFresh, ready, watchErrors } = require('./helpers');
const full = require('../../data/deck.json');

const banks = (page) => {
  const seen = [];
  page.on('request', (r) => { if (/\/bank-[0-9a-f]+\.json$/.test(r.url())) seen.push(r.url()); });
  page.on('request', (r) => { if (/\/deck\.json$/.test(r.url())) seen.push(r.url()); });
  return seen;
};

test('the app page downloads the bank once, as shipped: the bank without what it does not show', async ({ page }) => {
  const errors = watchErrors(page);
  const seen = banks(page);
  await openFresh(page);
  await expect(page.locator('h1')).toHaveText(full.title);
  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatch(/\/bank-[0-9a-f]{16}\.json$/);
  const shipped = await (await page.request.get(seen[0])).json();
  const expected = JSON.parse(JSON.stringify(full));
  for (const card of expected.cards) {
    delete card.sources;
    delete card.seed_difficulty;
    delete card.difficulty_reason;
  }
  expect(shipped).toEqual(expected);
  expect(JSON.stringify(shipped).length).toBeLessThan(JSON.stringify(full).length);
  expect(errors).toEqual([]);
});

test('a page showing its own deck never downloads the bank', async ({ page }) => {
  const seen = banks(page);
  await openFresh(page, './?deck=examples/decks/sql-basics.json');
  await expect(page.locator('h1')).toHaveText('SQL basics (example deck)');
  await page.waitForLoadState('networkidle');
  expect(seen.filter((u) => /bank-/.test(u))).toEqual([]);
  // Asking for the built-in deck then fetches it.
  await page.goto('/__blank');
  await page.setContent('<!doctype html><html lang="en"><head><title>host</title></head><body><main>'
    + '<div data-interview-cards data-deck="/examples/decks/sql-basics.json"></div></main></body></html>');
  await page.addScriptTag({ url: '/embed.js', type: 'module' });
  await expect(page.locator('[data-interview-cards] .app[data-ready]')).toBeAttached();
  await page.waitForLoadState('networkidle');
  expect(seen.filter((u) => /bank-/.test(u)), 'a host page with a custom-deck widget').toEqual([]);
});

test('two widgets showing the bank share one download', async ({ page }) => {
  const seen = banks(page);
  await page.goto('/__blank');
  await page.setContent('<!doctype html><html lang="en"><head><title>host</title></head><body><main>'
    + '<div data-interview-cards data-topic="http"></div><interview-cards topic="databases"></interview-cards></main></body></html>');
  await page.addScriptTag({ url: '/embed.js', type: 'module' });
  await expect(page.locator('[data-interview-cards] .app[data-ready]')).toBeAttached();
  await expect(page.locator('interview-cards .app[data-ready]')).toBeAttached();
  await page.waitForLoadState('networkidle');
  expect(seen).toHaveLength(1);
});

test('a bank that cannot be downloaded is explained', async ({ page }) => {
  await page.route(/\/bank-[0-9a-f]+\.json$/, (route) => route.fulfill({ status: 503, body: 'busy' }));
  await page.goto('/__blank');
  await page.evaluate(() => localStorage.clear());
  await page.goto('./');
  await expect(page.getByTestId('deck-error')).toContainText('The built-in questions could not be loaded: the server answered 503.');
});
