// What the first card does not need comes later: the mock interview, the stats (chart,
// scheduling settings, the learner's data) and the keyboard help are a chunk of their own,
// fetched once the first card is shown; opening another deck fetches the importer's chunk.
// A chunk that cannot be fetched is said, with a way to try again; after one visit every
// view opens offline.
const { test, expect } = require('@playwright/test');
const { buildKept, openFresh, serve, watchErrors } = require('./helpers');

const LATER = /\/later-[0-9a-f]+\.wasm$/;

test('the later views are fetched once the first card is shown, not before, and open at once after', async ({ page }) => {
  const errors = watchErrors(page);
  const fetched = [];
  page.on('request', (r) => fetched.push([new URL(r.url()).pathname, Date.now()]));
  await page.goto('/__blank');
  await page.evaluate(() => localStorage.clear());
  await page.goto('./');
  await expect(page.locator('.app[data-ready]')).toBeAttached();
  const shown = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByName('first-card')[0].startTime);
  await expect.poll(() => fetched.filter(([p]) => LATER.test(p)).length).toBe(1);
  expect(fetched.find(([p]) => LATER.test(p))[1]).toBeGreaterThanOrEqual(Math.floor(shown));
  await page.getByRole('button', { name: 'Stats' }).click();
  await expect(page.locator('.chart svg rect')).toHaveCount(30);
  await page.getByRole('button', { name: 'Mock interview' }).click();
  await expect(page.getByRole('button', { name: 'Start the interview' })).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(fetched.filter(([p]) => LATER.test(p))).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('a later view whose chunk cannot be fetched says so, and a retry brings it', async ({ page }) => {
  let failing = true;
  await page.route(LATER, (route) => (failing ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
  await openFresh(page);
  await page.getByRole('button', { name: 'Stats' }).click();
  const error = page.getByTestId('later-error');
  await expect(error).toContainText('The stats could not be loaded');
  await expect(error).toContainText('Try again, or reload the page.');
  // The practice view still works meanwhile.
  await page.getByRole('button', { name: 'Practice' }).click();
  await page.getByRole('button', { name: 'Show answer' }).click();
  await expect(page.getByTestId('answer')).not.toBeEmpty();
  failing = false;
  await page.getByRole('button', { name: 'Stats' }).click();
  await page.getByTestId('later-error').getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.chart svg rect')).toHaveCount(30);
  await expect(page.getByTestId('later-error')).toHaveCount(0);
});

test('a deck of one\'s own whose importer cannot be fetched says so, and a retry opens it', async ({ page }) => {
  let failing = true;
  await page.route(/\/import-[0-9a-f]+\.wasm$/, (route) => (failing ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
  await page.goto('/__blank');
  await page.evaluate(() => localStorage.clear());
  await page.goto('./?deck=examples/decks/networking.tsv');
  const error = page.getByTestId('deck-error');
  await expect(error).toContainText('The code that opens decks could not be loaded');
  failing = false;
  await error.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.app[data-ready]')).toBeAttached();
  await expect(page.getByTestId('deck-error')).toHaveCount(0);
});

test('after one visit every view opens offline: practice, mock interview, stats and help', async ({ browser }) => {
  const port = 4195;
  const { server } = await serve(port, '/app/=dist');
  try {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`http://127.0.0.1:${port}/app/`);
    await expect(page.locator('.app[data-ready]')).toBeAttached();
    // The service worker holds the whole build once the page has fetched what comes later.
    await expect.poll(() => buildKept(page), { timeout: 20000 }).toBe(true);
    server.kill();
    await new Promise((resolve) => server.once('exit', resolve));
    await page.reload();
    await expect(page.locator('.app[data-ready]')).toBeAttached();
    // Practice: a card of another topic than the first shows its answer (every part is kept).
    await page.locator('#f-search').fill('kafka');
    await page.getByRole('button', { name: 'Show answer' }).click();
    await expect(page.getByTestId('answer')).toContainText(/Kafka/);
    await expect(page.getByTestId('answer-missing')).toHaveCount(0);
    await page.locator('#f-search').fill('');
    // Mock interview.
    await page.getByRole('button', { name: 'Mock interview' }).click();
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await page.getByRole('button', { name: 'Reveal the answer' }).click();
    await expect(page.locator('.card-answer').first()).not.toBeEmpty();
    await expect(page.getByTestId('answer-missing')).toHaveCount(0);
    await page.getByRole('button', { name: 'End the interview' }).click().catch(() => {});
    // Stats, with the scheduling settings and the learner's data.
    await page.getByRole('button', { name: 'Stats' }).click();
    await expect(page.locator('.chart svg rect')).toHaveCount(30);
    await expect(page.getByRole('button', { name: /Export/ }).first()).toBeVisible();
    // Help.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByTestId('later-error')).toHaveCount(0);
    expect(errors.filter((e) => !/Failed to load resource|net::ERR/.test(e))).toEqual([]);
    await context.close();
  } finally {
    server.kill();
  }
});
