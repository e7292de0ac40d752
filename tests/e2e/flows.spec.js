// Practice flows in Chromium, by keyboard and by mouse: filters and their URL, grading,
// review-due mode, the mock interview, stats and help. axe-core checks each view.
const { test, expect } = require('@playwright/test');
const { expectNoAxeViolations, openFresh, ready, watchErrors } = require('./helpers');

const DAY = 24 * 60 * 60 * 1000;
const matchCount = page => page.getByTestId('match-count');
const countOf = async page => Number((await matchCount(page).textContent()).match(/^(\d+)/)[1]);

test('filters narrow the cards, live in the URL, and survive a new page and back/forward', async ({ page, context }) => {
  const errors = watchErrors(page);
  await openFresh(page);
  const all = await countOf(page);
  expect(all).toBeGreaterThan(100);

  // Each option shows how many cards it would leave.
  await page.getByText('Filter by topic, difficulty, status').click();
  const http = page.getByLabel(/^HTTP, Web & Networking Fundamentals \(\d+\)$/);
  const httpCount = Number((await page.locator('label[for="f-topic-http"] .count').textContent()).match(/\d+/)[0]);
  await http.check();
  await expect(matchCount(page)).toHaveText(`${httpCount} matching cards`);
  await expect(page).toHaveURL(/[?&]topic=http/);

  // A second topic widens; a difficulty narrows (by keyboard this time).
  await page.getByLabel(/^DevOps/).check();
  const both = await countOf(page);
  expect(both).toBeGreaterThan(httpCount);
  await page.getByLabel(/^Hard \(\d+\)$/).focus();
  await page.keyboard.press('Space');
  const hard = await countOf(page);
  expect(hard).toBeLessThan(both);
  await expect(page).toHaveURL(/difficulty=hard/);
  await expectNoAxeViolations(page, 'filter');

  // The link reproduces the view in a new page.
  const link = page.url();
  const other = await context.newPage();
  await other.goto(link);
  await expect(matchCount(other)).toHaveText(`${hard} matching cards`);
  await expect(other.getByText('· 3 selected')).toBeVisible();
  await other.getByText('Filter by topic, difficulty, status').click();
  await expect(other.getByLabel(/^Hard \(\d+\)$/)).toBeChecked();
  await other.close();

  // Back and forward walk through filter changes.
  await page.goBack();
  await expect(matchCount(page)).toHaveText(`${both} matching cards`);
  await expect(page.getByLabel(/^Hard \(\d+\)$/)).not.toBeChecked();
  await page.goForward();
  await expect(matchCount(page)).toHaveText(`${hard} matching cards`);

  // Search, then a search that matches nothing offers to clear.
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(matchCount(page)).toHaveText(`${all} matching cards`);
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search questions and answers')).toBeFocused();
  await page.keyboard.type('idempot');
  await expect(page).toHaveURL(/q=idempot/);
  const found = await countOf(page);
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(all);
  await page.getByLabel('Search questions and answers').fill('zzqqxx-nothing');
  await expect(page.getByTestId('empty')).toContainText('No cards match');
  await page.getByTestId('empty').getByRole('button', { name: 'Clear filters' }).click();
  await expect(matchCount(page)).toHaveText(`${all} matching cards`);
  expect(errors).toEqual([]);
});

test('grade by keyboard and by mouse; the card is scheduled and review-due shows it when due', async ({ page }) => {
  const errors = watchErrors(page);
  await page.clock.install({ time: new Date('2027-03-01T10:00:00Z') });
  await openFresh(page);
  const q1 = await page.locator('#card-question').textContent();

  // Keyboard: flip, then 1 (Again).
  await page.keyboard.press('Space');
  await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
  await expectNoAxeViolations(page, 'flipped');
  await page.keyboard.press('1');
  // The study session (the default): each graded card leaves today's queue of 20 (the Again
  // card until its step is up).
  await expect(page.getByTestId('position')).toHaveText('1 / 19');
  // Focus stays usable after the grade buttons disappear.
  await expect(page.locator('#primary-action')).toBeFocused();

  // Mouse: flip, then Good.
  const q2 = await page.locator('#card-question').textContent();
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Good \(key 3\)/ }).click();
  await expect(page.getByTestId('position')).toHaveText('1 / 18');

  // Saves run a moment after the screen changes (under a Web Lock): wait for them.
  await expect.poll(async () => {
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('interview-cards:backend-interview:progress')));
    return Object.values(saved.cards).filter((c) => c.log).map((c) => c.log.map(r => r.rating).join()).sort();
  }).toEqual(['Again', 'Good']);

  // Nothing is due yet.
  await page.getByRole('button', { name: /^Review due/ }).click();
  await expect(page.getByTestId('empty')).toContainText('Nothing is due');

  // Ten days later both are due, the Again card (due first) first.
  await page.clock.setFixedTime(new Date(Date.parse('2027-03-01T10:00:00Z') + 10 * DAY));
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: /^Review due \(2\)/ }).click();
  await expect(page).toHaveURL(/mode=due/);
  await expect(page.getByTestId('position')).toHaveText('1 / 2');
  await expect(page.locator('#card-question')).toHaveText(q1);
  // Focus is on the mode button (Enter would press it again): go to the card's main button.
  await page.locator('#primary-action').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('4');
  await expect(page.getByTestId('position')).toHaveText('1 / 1');
  await expect(page.locator('#card-question')).toHaveText(q2);

  // Practice all ignores due dates.
  await page.getByRole('button', { name: 'Practice all' }).click();
  await expect(page.getByTestId('position')).toHaveText(/\/ 1\d\d$/);
  expect(errors).toEqual([]);
});

test('a mock interview counts down, times out, summarises, and leads to the weak cards', async ({ page }) => {
  const errors = watchErrors(page);
  await page.clock.install({ time: new Date('2027-03-01T10:00:00Z') });
  await openFresh(page, './?topic=databases');
  await page.getByRole('button', { name: 'Mock interview' }).click();
  await expectNoAxeViolations(page, 'mock set-up');
  await page.getByLabel('Questions', { exact: true }).selectOption('3');
  await page.getByLabel('Time per question').selectOption('60');
  await page.getByRole('button', { name: 'Start the interview' }).click();

  await expect(page.getByText('Question 1 of 3')).toBeVisible();
  await expect(page.getByTestId('countdown')).toContainText('1:00');
  await page.clock.runFor(15_000);
  // The page clock also runs in real time between steps, so allow a few seconds.
  await expect(page.getByTestId('countdown')).toContainText(/0:4\d/);
  await expectNoAxeViolations(page, 'mock question');
  // Reveal by keyboard, grade Again by key.
  await page.keyboard.press('Space');
  await expect(page.getByText(/^You took 0:(1\d|2\d)\.$/)).toBeVisible();
  await page.keyboard.press('1');

  // Question 2: the clock runs out and the answer shows by itself.
  await expect(page.getByText('Question 2 of 3')).toBeVisible();
  await page.clock.runFor(61_000);
  await expect(page.getByText('Time is up.')).toBeVisible();
  await page.getByRole('button', { name: /^Good \(key 3\)/ }).click();

  // Question 3 by mouse.
  await page.getByRole('button', { name: 'Reveal the answer' }).click();
  await page.getByRole('button', { name: /^Hard \(key 2\)/ }).click();

  const summary = page.getByTestId('mock-summary');
  await expect(summary.locator('tbody tr')).toHaveCount(3);
  await expect(summary.locator('tbody tr').nth(0)).toContainText('Again');
  await expect(summary.locator('tbody tr').nth(0)).toContainText(/0:[12]\d/);
  await expect(summary.locator('tbody tr').nth(1)).toContainText('time ran out');
  await expectNoAxeViolations(page, 'mock summary');

  await page.getByRole('button', { name: 'Practise the 2 weak ones' }).click();
  await expect(page.getByTestId('position')).toHaveText(/^1 \/ 2$/);
  expect(errors).toEqual([]);
});

test('stats show today, the streak and the 30-day chart with a table; help opens with ?', async ({ page }) => {
  const errors = watchErrors(page);
  await openFresh(page);
  for (const key of ['3', '4']) {
    await page.keyboard.press('Space');
    await page.keyboard.press(key);
  }
  await page.keyboard.press('t');
  await expect(page.getByTestId('stats-headline')).toContainText('2 reviews today');
  await expect(page.getByTestId('stats-headline')).toContainText('1 day streak');
  await expect(page.locator('.chart svg rect')).toHaveCount(30);
  await page.getByText('Reviews per day as a table').click();
  await expect(page.locator('table.per-day tbody tr').first()).toContainText('Today');
  await expect(page.locator('table.per-day tbody tr').first()).toContainText('2');
  await expectNoAxeViolations(page, 'stats');

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  // Focus stays inside the modal dialog.
  await page.keyboard.press('Tab');
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await expectNoAxeViolations(page, 'help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  expect(errors).toEqual([]);
});

test('every view, dark theme: no accessibility violations', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openFresh(page);
  await expectNoAxeViolations(page, 'dark practice');
  await page.keyboard.press('Space');
  await expectNoAxeViolations(page, 'dark flipped');
  await page.getByText('Filter by topic, difficulty, status').click();
  await page.getByLabel(/^Hard \(\d+\)$/).check();
  await expectNoAxeViolations(page, 'dark filter');
  await page.keyboard.press('m');
  await expectNoAxeViolations(page, 'dark mock set-up');
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expectNoAxeViolations(page, 'dark mock question');
  await page.getByRole('button', { name: 'Reveal the answer' }).click();
  await expectNoAxeViolations(page, 'dark mock answer');
  await page.keyboard.press('t');
  await expectNoAxeViolations(page, 'dark stats and settings');
  await page.keyboard.press('?');
  await expectNoAxeViolations(page, 'dark help');
  await page.goto('./?deck=missing-deck.json');
  await expect(page.getByTestId('deck-error')).toBeVisible();
  await expectNoAxeViolations(page, 'dark deck error');
});

test('the deck error view, light theme: no accessibility violations', async ({ page }) => {
  await page.goto('./?deck=missing-deck.json');
  await expect(page.getByTestId('deck-error')).toContainText('404');
  await expectNoAxeViolations(page, 'deck error');
});
