// The defects issue 12 names, each driven as a learner meets it: decks that keep their id,
// imports that carry reset marks, renamed deck files, a tab left open past a due date, and a
// write to the progress key that crosses this tab's own.
const { test, expect } = require('@playwright/test');
const { openFresh, ready, watchErrors } = require('./helpers');

const KEY = 'interview-cards:backend-interview:progress';
const DAY = 86_400_000;
const stored = page => page.evaluate(k => JSON.parse(localStorage.getItem(k) || 'null'), KEY);
const reviewsIn = value => Object.values(value?.cards ?? {}).reduce((n, c) => n + (c.log?.length ?? 0), 0);

/** A deck file with the built-in deck's id (an edited copy of dist/deck.json). */
const sameIdDeck = (questions) => JSON.stringify({
  format: 1, id: 'backend-interview', title: 'Edited copy',
  topics: [{ id: 't', name: 'Topic' }],
  cards: questions.map((q, i) => ({ id: `e${q}`, topic: 't', difficulty: 'easy',
    question: `Edited question ${q}?`, answer: `Answer ${q}.` })),
});

async function openDeckFile(page, name, text) {
  await page.getByRole('button', { name: 'Stats', exact: true }).click();
  await page.locator('#deck-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function flipAndGrade(page, key = '3') {
  await page.locator('#primary-action').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press(key);
}

test('a deck file with an unchanged id is opened, not ignored, and grades land on the card shown', async ({ page }) => {
  const errors = watchErrors(page);
  await openFresh(page);
  await openDeckFile(page, 'deck.json', sameIdDeck([1, 2, 3]));
  await expect(page.locator('h1')).toHaveText('Edited copy');
  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  await expect(page.getByTestId('position')).toHaveText('1 / 3');
  await expect(page.locator('#card-question')).toHaveText('Edited question 1?');

  // The same file reordered: the question shown is the card graded.
  await openDeckFile(page, 'deck.json', sameIdDeck([3, 2, 1]));
  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  const shown = await page.locator('#card-question').textContent();
  await flipAndGrade(page);
  await expect.poll(async () => Object.entries((await stored(page)).cards).filter(([, c]) => c.log).map(([id]) => id))
    .toEqual([`e${shown.match(/\d/)[0]}`]);
  expect(errors).toEqual([]);
});

test('opening a smaller deck of the same id during a mock interview does not break the widget', async ({ page }) => {
  const errors = watchErrors(page);
  await openFresh(page);
  await page.getByRole('button', { name: 'Mock interview' }).click();
  await page.getByLabel('Questions', { exact: true }).selectOption('10');
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expect(page.getByText('Question 1 of 10')).toBeVisible();
  await openDeckFile(page, 'small.json', sameIdDeck([1, 2, 3]));
  await page.getByRole('button', { name: 'Mock interview' }).click();
  // The interview belonged to the old deck: a new one can be set up, and nothing broke.
  await expect.poll(async () => ({ errors: [...errors], setup: await page.locator('.mock.setup').count() }))
    .toEqual({ errors: [], setup: 1 });
  await expect(page.locator('h1')).toHaveText('Edited copy');
  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  await expect(page.locator('#card-question')).toHaveText(/^Edited question \d\?$/);
  expect(errors).toEqual([]);
});

test('an imported file with a reset mark says so, and dropping it keeps every local review', async ({ page }) => {
  await page.clock.install({ time: new Date('2027-05-03T10:00:00Z') });
  await openFresh(page);
  for (let i = 0; i < 3; i++) await flipAndGrade(page);
  await expect.poll(async () => reviewsIn(await stored(page))).toBe(3);
  const now = await page.evaluate(() => Date.now());
  // Exported on another device where the learner once pressed Reset, after these reviews.
  const file = { format: 2, deck: 'backend-interview', resets: [{ at: now + 60_000 }], cards: {
    'devops-kubernetes': { last_seen: now + 120_000, views: 1, log: [{ rating: 'Good', at: now + 120_000 }],
      memory: { stab: 3, diff: 5, due: now + 3 * DAY, last: now + 120_000, reps: 1, lapses: 0 } } } };
  await page.clock.setFixedTime(now + 180_000);
  await page.keyboard.press('t');
  await page.locator('#import-file').setInputFiles({ name: 'phone.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)) });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('This file resets 3 cards you practised before');
  await preview.getByRole('button', { name: 'Merge, without its resets' }).click();
  await expect(page.getByTestId('storage-status')).toContainText('(4 reviews)');
});

test('a reset mark dated in the future never hides the grades made after it', async ({ page }) => {
  await page.clock.install({ time: new Date('2027-05-03T10:00:00Z') });
  await openFresh(page);
  const now = await page.evaluate(() => Date.now());
  // A device whose clock ran a day ahead pressed Reset.
  const file = { format: 2, deck: 'backend-interview', resets: [{ at: now + DAY }], cards: {} };
  await page.keyboard.press('t');
  await page.locator('#import-file').setInputFiles({ name: 'skewed.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByTestId('import-preview').getByRole('button', { name: 'Merge into my progress' }).click();
  await page.keyboard.press('p');
  await flipAndGrade(page);
  await page.keyboard.press('t');
  await expect(page.getByTestId('storage-status')).toContainText('(1 review)');
  await page.reload();
  await ready(page);
  await page.keyboard.press('t');
  await expect(page.getByTestId('storage-status')).toContainText('(1 review)');
});

test('a renamed TSV deck keeps its progress', async ({ page }) => {
  await openFresh(page);
  const tsv = 'What is TCP?\tA reliable byte stream.\nWhat is UDP?\tDatagrams.\n';
  await openDeckFile(page, 'cards.tsv', tsv);
  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  await flipAndGrade(page);
  await page.keyboard.press('t');
  await expect(page.getByTestId('storage-status')).toContainText('(1 review)');
  // The browser saved the same file again as "cards (1).tsv", with one more card.
  await page.locator('#deck-file').setInputFiles({ name: 'cards (1).tsv', mimeType: 'text/plain',
    buffer: Buffer.from(tsv + 'What is QUIC?\tUDP-based transport.\n') });
  await expect(page.locator('h1')).toHaveText(/cards \(1\)\.tsv/);
  await expect(page.getByTestId('storage-status')).toContainText('(1 review)');
});

test('a tab left open sees a card fall due without a click', async ({ page }) => {
  await page.clock.install({ time: new Date('2027-05-03T10:00:00Z') });
  await openFresh(page);
  await flipAndGrade(page, '1');
  const due = page.getByRole('button', { name: /^Review due/ });
  await expect(due).toHaveText('Review due (0)');
  // A day passes with the tab open and nothing touched: the widget's own clock brings it due.
  await page.clock.runFor(DAY + 120_000);
  await expect(due).toHaveText('Review due (1)');
});

test('a write from another tab that drops this tab\'s review is repaired by this tab', async ({ context }) => {
  const a = await context.newPage();
  await openFresh(a);
  await expect.poll(async () => Object.keys((await stored(a))?.cards ?? {}).length).toBe(1);
  // Another tab read the key now, before the grade below...
  const before = await a.evaluate(k => localStorage.getItem(k), KEY);
  await flipAndGrade(a);
  await expect.poll(async () => reviewsIn(await stored(a))).toBe(1);
  // ...and writes what it read back over it (any page of the origin shares the storage).
  const b = await context.newPage();
  await b.goto('/__blank');
  await b.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, before]);
  // Page a hears of the write and puts its review back, untouched by any click.
  await expect.poll(async () => reviewsIn(await stored(b))).toBe(1);
});

test('the theme the learner picks is remembered across reloads', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('theme').click();
  await page.getByTestId('theme').click();
  await expect(page.locator('main.app')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await ready(page);
  await expect(page.locator('main.app')).toHaveAttribute('data-theme', 'dark');
});

test('a reset can be undone after a reload, until the next grade', async ({ page }) => {
  await openFresh(page);
  await flipAndGrade(page);
  await page.keyboard.press('t');
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  // The words say how long the undo lasts, and it is true: until the next grade, reloads
  // included.
  const lasts = 'You can undo it until you grade a card (grades in Cram aside), also after a reload.';
  await expect(page.getByTestId('reset-confirm')).toContainText(lasts);
  await page.getByTestId('reset-confirm').getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('storage-status')).toContainText('(0 reviews)');
  await expect(page.getByTestId('reset-undo')).toContainText(lasts);
  await page.reload();
  await ready(page);
  await page.keyboard.press('t');
  await expect(page.getByTestId('reset-undo')).toContainText(lasts);
  await page.getByRole('button', { name: 'Undo reset' }).click();
  await expect(page.getByTestId('storage-status')).toContainText('(1 review)');
  await page.reload();
  await ready(page);
  await page.keyboard.press('t');
  await expect(page.getByTestId('storage-status')).toContainText('(1 review)');
  await expect(page.getByRole('button', { name: 'Undo reset' })).toHaveCount(0);
});
