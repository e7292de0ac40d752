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
  // Progress is kept under the shared deck's own id.
  await page.locator('#primary-action').click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':progress')))).toEqual(['interview-cards:sql-basics:progress']);
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
