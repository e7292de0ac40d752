// Today's study session, through a day on a fake clock: a fresh learner's first session stops
// after 20 new cards and says the day is done (and when the next card is due), offers more new
// cards and a cram session; a card graded Again comes back after its step, in the session and
// in Practice all; the daily limits are set in the scheduling settings and remembered.
const { test, expect } = require('@playwright/test');
const { expectNoAxeViolations, openFresh, ready, watchErrors } = require('./helpers');

// 11:00 in Berlin (UTC+2 in June): the local day ends at 22:00 UTC, in 13 hours.
const START = new Date('2027-06-07T09:00:00Z');
test.use({ timezoneId: 'Europe/Berlin' });

async function flipAndGrade(page, key) {
  await page.locator('#primary-action').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Again/ })).toBeVisible();
  await page.keyboard.press(key);
}

const left = page => page.getByTestId('session-left');
const question = page => page.locator('#card-question');

test('a fresh learner’s first session stops after 20 new cards and says the day is done', async ({ page }) => {
  const errors = watchErrors(page);
  await page.clock.install({ time: START });
  await openFresh(page);
  await expect(page.getByRole('button', { name: 'Study', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(left(page)).toHaveText('Left today: 20 new, 0 learning, 0 to review');
  await expect(page.getByTestId('position')).toHaveText('1 / 20');
  const questions = new Set();
  for (let n = 0; n < 20; n++) {
    questions.add(await question(page).textContent());
    await flipAndGrade(page, '4');
    if (n < 19) await expect(left(page)).toHaveText(`Left today: ${19 - n} new, 0 learning, 0 to review`);
  }
  expect(questions.size).toBe(20);

  // The day is done: said plainly, with when the next card is due (the next new cards at
  // local midnight, 13 hours on), and the ways to go on.
  const empty = page.getByTestId('empty');
  await expect(page.getByTestId('day-done')).toHaveText("Today's work is done.");
  await expect(page.getByTestId('next-due')).toHaveText('The next card is due in 13 hours.');
  await expect(empty.getByRole('button', { name: '10 more new cards today' })).toBeVisible();
  await expect(empty.getByRole('button', { name: 'Cram every card (no scheduling)' })).toBeVisible();
  await expectNoAxeViolations(page, 'the day is done');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'the day is done, dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Still done after a reload: what was studied is counted from the review log.
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('day-done')).toBeVisible();
  await expect.poll(() => page.evaluate(() => {
    const p = JSON.parse(localStorage.getItem('interview-cards:backend-interview:progress'));
    return Object.values(p.cards).filter(c => c.log).length;
  })).toBe(20);

  // Ten more new cards, for today only, remembered across a reload.
  await empty.getByRole('button', { name: '10 more new cards today' }).click();
  await expect(left(page)).toHaveText('Left today: 10 new, 0 learning, 0 to review');
  const eleventh = await question(page).textContent();
  expect(questions.has(eleventh)).toBe(false);
  await page.reload();
  await ready(page);
  await expect(left(page)).toHaveText('Left today: 10 new, 0 learning, 0 to review');

  // A cram session: every card, no scheduling, said so.
  for (let n = 0; n < 10; n++) await flipAndGrade(page, '4');
  await page.getByTestId('empty').getByRole('button', { name: 'Cram every card (no scheduling)' }).click();
  await expect(page.getByTestId('cram-note')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Practice all', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('browse-note')).toContainText('does not follow the schedule');
  await expect(page.getByTestId('position')).toHaveText('1 / 110');
  // (Cram's toggle is in the Options menu.)
  await page.getByText('Options', { exact: true }).click();
  await page.getByTestId('cram').click();
  await expect(page.getByTestId('cram-note')).toBeHidden();

  // The next local day: twenty new cards again.
  await page.getByRole('button', { name: 'Study', exact: true }).click();
  await expect(page.getByTestId('day-done')).toBeVisible();
  await page.clock.fastForward('13:01:00');
  await expect(left(page)).toHaveText('Left today: 20 new, 0 learning, 0 to review');
  expect(errors).toEqual([]);
});

test('a card graded Again in the session comes back after its step', async ({ page }) => {
  const errors = watchErrors(page);
  await page.clock.install({ time: START });
  await openFresh(page, './?topic=devops');
  // Half a minute in, so the step is up between two of the clock's minute ticks: only the
  // timer set for the step can bring the card back in time.
  await page.clock.runFor(30_000);
  const forgotten = await question(page).textContent();
  await flipAndGrade(page, '1');
  await expect(question(page)).not.toHaveText(forgotten);
  await expect(left(page)).toContainText('0 learning');
  await flipAndGrade(page, '3');
  const onScreen = await question(page).textContent();
  // A minute on, it is back: right after the card on screen.
  await page.clock.runFor(60_500);
  await expect(left(page)).toContainText(', 1 learning,');
  await expect(question(page)).toHaveText(onScreen);
  await flipAndGrade(page, '3');
  await expect(question(page)).toHaveText(forgotten);
  // Hard on its first step: the step again (6 minutes), then back once more.
  await flipAndGrade(page, '2');
  await expect(question(page)).not.toHaveText(forgotten);
  await page.clock.runFor(6 * 60_000 + 1_000);
  expect(await question(page).textContent()).not.toBe(forgotten);
  await flipAndGrade(page, '3');
  await expect(question(page)).toHaveText(forgotten);
  expect(errors).toEqual([]);
});

test('in Practice all a card graded Again comes back after its step; browsing says it ignores the schedule', async ({ page }) => {
  const errors = watchErrors(page);
  await page.clock.install({ time: START });
  await openFresh(page, './?topic=devops');
  await page.getByRole('button', { name: 'Practice all', exact: true }).click();
  await expect(page.getByTestId('browse-note')).toHaveText('Practice all walks every card in order: it does not follow the schedule or the daily limits.');
  await expectNoAxeViolations(page, 'Practice all');
  await page.clock.runFor(30_000);
  const forgotten = await question(page).textContent();
  await flipAndGrade(page, '1');
  await expect(page.getByTestId('position')).toHaveText(/^2 \//);
  // Ten minutes on and eight more cards graded: it came back after its step.
  await page.clock.runFor(10 * 60_000);
  await expect(question(page)).not.toHaveText(forgotten);
  const seen = [];
  for (let n = 0; n < 8; n++) {
    seen.push(await question(page).textContent());
    await flipAndGrade(page, '3');
  }
  expect(seen[1]).toBe(forgotten);
  expect(errors).toEqual([]);
});

test('daily limits are set in the scheduling settings, checked, and remembered', async ({ page }) => {
  const errors = watchErrors(page);
  // A small deck of its own: no parts of the bank arriving (and re-rendering the view) while
  // the fields are typed in.
  await openFresh(page, './?deck=examples/decks/sql-basics.json');
  await expect(left(page)).toHaveText('Left today: 3 new, 0 learning, 0 to review');
  await page.getByRole('button', { name: 'Stats', exact: true }).click();
  const settings = page.getByTestId('schedule-settings');
  const newCards = settings.getByLabel('New cards a day', { exact: true });
  const reviews = settings.getByLabel('Reviews a day', { exact: true });
  await expect(newCards).toHaveValue('20');
  await expect(reviews).toHaveValue('200');
  const remembered = () => page.evaluate(() => localStorage.getItem('interview-cards:limits'));
  await newCards.fill('2');
  await newCards.press('Tab');
  await expect.poll(remembered).toBe('2;200;0;0');
  await reviews.fill('lots');
  await reviews.press('Tab');
  await expect(settings.getByRole('alert')).toHaveText('write a whole number from 0 to 9999');
  await expect(reviews).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'a daily limit that cannot be read');
  await reviews.fill('50');
  await reviews.press('Tab');
  await expect(settings.getByRole('alert')).toHaveCount(0);
  await expect.poll(remembered).toBe('2;50;0;0');

  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  await expect(left(page)).toHaveText('Left today: 2 new, 0 learning, 0 to review');
  await page.reload();
  await ready(page);
  await expect(left(page)).toHaveText('Left today: 2 new, 0 learning, 0 to review');
  await page.getByRole('button', { name: 'Stats', exact: true }).click();
  await expect(newCards).toHaveValue('2');
  await expect(reviews).toHaveValue('50');
  expect(errors).toEqual([]);
});
