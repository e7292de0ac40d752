// The bank is its own content-hashed files, fetched beside the app's code and only where a
// widget shows it: an index with every card's question, then the answers in one part per topic,
// the first card's part at once and the others once the first card is shown. A page with its
// own deck never downloads them, and widgets share each download.
const { test, expect } = require('@playwright/test');
const { openFresh, ready, watchErrors } = require('./helpers');
const full = require('../../data/deck.json');

const INDEX = /\/bank-[0-9a-f]{16}\.json$/;
const PART = /\/bank-[a-z0-9-]+-[0-9a-f]{16}\.json$/;
const banks = (page) => {
  const seen = [];
  page.on('request', (r) => { if (/\/bank-[a-z0-9-]*[0-9a-f]+\.json$/.test(r.url())) seen.push(r.url()); });
  page.on('request', (r) => { if (/\/deck\.json$/.test(r.url())) seen.push(r.url()); });
  return seen;
};

test('the app page downloads the bank\'s index and each part once, as shipped: together the bank without what it does not show', async ({ page }) => {
  const errors = watchErrors(page);
  const seen = banks(page);
  await openFresh(page);
  await expect(page.locator('h1')).toHaveText(full.title);
  // The first card's part arrives with the index, the rest once the first card is shown.
  await expect.poll(() => seen.length).toBe(1 + full.topics.length);
  await page.waitForLoadState('networkidle');
  expect(seen.filter((u) => INDEX.test(u))).toHaveLength(1);
  expect(new Set(seen.filter((u) => PART.test(u))).size).toBe(full.topics.length);
  expect(seen).toHaveLength(1 + full.topics.length);
  const index = await (await page.request.get(seen.find((u) => INDEX.test(u)))).json();
  const parts = await Promise.all(seen.filter((u) => PART.test(u)).map(async (u) => (await page.request.get(u)).json()));
  // Put back together, the parts and the index are the bank without its authors' records.
  const answers = new Map(parts.flatMap((p) => p.cards.map((c) => [c.id, { ...c, topic: p.topic }])));
  expect(index.parts).toEqual(Object.fromEntries(parts.map((p, i) => [p.topic, new URL(seen.filter((u) => PART.test(u))[i]).pathname.slice(1)])));
  const rebuilt = {
    format: index.format, id: index.id, title: index.title, topics: index.topics,
    cards: index.cards.map((c) => {
      const a = answers.get(c.id);
      expect(a.topic).toBe(c.topic);
      return { id: c.id, topic: c.topic, difficulty: c.difficulty, question: c.question, answer: a.answer,
        ...(c.tags ? { tags: c.tags } : {}), ...(a.key_points ? { key_points: a.key_points } : {}) };
    }),
  };
  const expected = JSON.parse(JSON.stringify(full));
  for (const card of expected.cards) {
    delete card.sources;
    delete card.seed_difficulty;
    delete card.difficulty_reason;
  }
  // Same cards, same order, same text (key order aside).
  expect(JSON.parse(JSON.stringify(rebuilt))).toEqual(expected);
  expect(errors).toEqual([]);
});

test('a part of the bank that cannot be downloaded is said on the card, with a way to try again', async ({ page }) => {
  let failing = true;
  await page.route(/\/bank-http-[0-9a-f]+\.json$/, (route) => (failing ? route.fulfill({ status: 503, body: 'busy' }) : route.continue()));
  await openFresh(page);
  // The first card is an HTTP one: its question shows; its answer cannot.
  await page.getByRole('button', { name: 'Show answer' }).click();
  const missing = page.getByTestId('answer-missing');
  await expect(missing).toContainText('could not be loaded (the server answered 503)');
  failing = false;
  await missing.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('answer')).toContainText('HSTS');
  await expect(missing).toHaveCount(0);
});

test('a search says it looks at questions only while answers are still on their way, then finds answers too', async ({ page }) => {
  // Hold back every part but the first card's until the search is typed.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(PART, async (route) => {
    if (!/bank-http-/.test(route.request().url())) await held;
    await route.continue();
  });
  await openFresh(page);
  // "Lua" is in an API answer and in no question.
  await page.locator('#f-search').fill('lua');
  await expect(page.getByTestId('search-note')).toHaveText('Answers are still loading: for now this searches the questions only.');
  await expect(page.getByTestId('card-face')).toHaveCount(0);
  release();
  await expect(page.getByTestId('search-note')).toHaveCount(0);
  await expect(page.locator('.card-question')).toHaveText(full.cards.find((c) => c.id === 'api-rate-limited-design').question);
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
  expect(seen).toHaveLength(new Set(seen).size);
  expect(seen.filter((u) => INDEX.test(u))).toHaveLength(1);
});

test('a bank that cannot be downloaded is explained', async ({ page }) => {
  await page.route(INDEX, (route) => route.fulfill({ status: 503, body: 'busy' }));
  await page.goto('/__blank');
  await page.evaluate(() => localStorage.clear());
  await page.goto('./');
  await expect(page.getByTestId('deck-error')).toContainText('The built-in questions could not be loaded: the server answered 503.');
});
