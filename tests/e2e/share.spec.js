// A small deck shared in the link itself (scripts/share-link.mjs): it opens for anyone, in a
// fresh browser, with nothing fetched but the app; a damaged link says why; a deck too large
// for a link is refused with the advice to share a file.
const { test, expect } = require('@playwright/test');
const { execFileSync, spawnSync } = require('node:child_process');
const { ready } = require('./helpers');

const link = (file) => execFileSync(process.execPath, ['scripts/share-link.mjs', file, '/'], { encoding: 'utf8' }).trim();

test('a deck shared in the link opens in a fresh browser context', async ({ browser }) => {
  const url = link('examples/decks/sql-basics.json');
  expect(url).toMatch(/^\/#deck=[A-Za-z0-9_-]+$/);
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(url);
  await ready(page);
  await expect(page.locator('h1')).toHaveText('SQL basics (example deck)');
  await expect(page.getByTestId('position')).toHaveText('1 / 3');
  expect(fetched.filter((p) => /deck|bank-/.test(p))).toEqual([]);
  // Shown as a deck from a link, its progress kept under a key of its own.
  await expect(page.getByTestId('deck-origin')).toHaveText('A deck from a link: its progress is kept apart from this site\'s decks.');
  await page.locator('#primary-action').click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':progress')))).toEqual(['interview-cards:sql-basics~link:progress']);
  await context.close();
});

test('a link with base64 padding opens too', async ({ page }) => {
  const url = link('examples/decks/sql-basics.json');
  const packed = url.slice('/#deck='.length);
  await page.goto(`/#deck=${packed}${'='.repeat((4 - (packed.length % 4)) % 4 || 2)}`);
  await ready(page);
  await expect(page.locator('h1')).toHaveText('SQL basics (example deck)');
});

test('a damaged link says why, and the built-in deck is one click away', async ({ page }) => {
  await page.goto('/#deck=abc$def');
  await expect(page.getByTestId('deck-error')).toContainText('The deck in this link cannot be opened: it has characters a shared deck never has');
  await page.goto('/__blank');
  await page.goto('/#deck=AAAAAAAA');
  await expect(page.getByTestId('deck-error')).toContainText('The deck in this link cannot be opened: it is damaged or cut short. Ask for the link again, or for the deck as a file.');
  await page.getByRole('button', { name: 'Practise the built-in deck instead' }).click();
  await expect(page.locator('h1')).toHaveText('Backend developer interview questions');
});

test('a deck too large for a link is refused with the advice to share a file', () => {
  const result = spawnSync(process.execPath, ['scripts/share-link.mjs', 'data/deck.json'], { encoding: 'utf8' });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/over 8000: share it as a file instead/);
});

// Anyone can send a link: a deck in it that claims the bank's id and title is still a deck from
// a link, labelled as such and saved apart. A grade there never reaches the bank's progress.
test('a shared link with the bank\'s id and title opens labelled and never writes into the bank\'s progress', async ({ page }, info) => {
  const { writeFileSync } = require('node:fs');
  const planted = info.outputPath('planted.json');
  writeFileSync(planted, JSON.stringify({
    format: 1, id: 'backend-interview', title: 'Backend developer interview questions',
    topics: [{ id: 'http', name: 'HTTP' }],
    cards: ['http-url-to-page', 'http-endpoint-vs-route', 'http-request-response-lifecycle'].map((id, i) => ({
      id, topic: 'http', difficulty: 'easy', question: `Planted question ${i + 1}?`, answer: 'Planted answer.',
    })),
  }));
  // The learner's bank progress, written from a page that runs no widget.
  await page.goto('/__blank');
  await page.evaluate(() => localStorage.clear());
  const bank = { format: 5, deck: 'backend-interview', cards: { 'http-url-to-page': { last_seen: 1, views: 1, log: [{ rating: 'Good', at: 1 }] } } };
  await page.evaluate((p) => localStorage.setItem('interview-cards:backend-interview:progress', JSON.stringify(p)), bank);
  const before = await page.evaluate(() => localStorage.getItem('interview-cards:backend-interview:progress'));

  await page.goto(link(planted));
  await ready(page);
  await expect(page.locator('#card-question')).toHaveText(/^Planted question/);
  await page.locator('#primary-action').click();
  await page.getByRole('button', { name: /^Again/ }).click();
  // Saved somewhere, and not in the bank's progress.
  await expect.poll(() => page.evaluate(() => Object.values(localStorage).some((v) => v.includes('"Again"')))).toBe(true);
  expect(await page.evaluate(() => localStorage.getItem('interview-cards:backend-interview:progress'))).toBe(before);

  // The bank, opened again: its reviews are exactly the one it had (opening it only marks the
  // card on screen as seen).
  await page.goto('/');
  await ready(page);
  await expect(page.locator('h1')).toHaveText('Backend developer interview questions');
  await expect(page.getByTestId('deck-origin')).toHaveCount(0);
  const reviews = await page.evaluate(() => Object.entries(JSON.parse(localStorage.getItem('interview-cards:backend-interview:progress')).cards)
    .filter(([, c]) => c.log || c.memory).map(([id, c]) => [id, c.log, c.memory ?? null]));
  expect(reviews).toEqual([['http-url-to-page', [{ rating: 'Good', at: 1 }], null]]);

  // The link's deck says where it came from, and its grade is kept under a key of its own.
  await page.goto('/__blank');
  await page.goto(link(planted));
  await ready(page);
  await expect(page.getByTestId('deck-origin')).toHaveText('A deck from a link: its progress is kept apart from this site\'s decks.');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':progress')).sort()))
    .toEqual(['interview-cards:backend-interview:progress', 'interview-cards:backend-interview~link:progress']);
});
