// Taking grades back, and reaching the grade buttons on a phone below a long answer.
const { test, expect } = require('@playwright/test');
const { expectNoAxeViolations, openFresh, ready, watchErrors } = require('./helpers');

const KEY = 'interview-cards:backend-interview:progress';
const stored = page => page.evaluate(k => JSON.parse(localStorage.getItem(k) || 'null'), KEY);
/** What storage holds that counts: reviews not taken back, and each card's due date. */
const effective = async (page) => {
  const p = await stored(page);
  const reviews = Object.entries(p?.cards ?? {}).flatMap(([id, c]) =>
    (c.log ?? []).filter((r) => !r.undone).map((r) => `${id} ${r.at} ${r.rating}`)).sort();
  return { reviews };
};

async function flipAndGrade(page, key) {
  await page.locator('#primary-action').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press(key);
}

test('grades are taken back with u, Ctrl+Z and the button, several steps, storage included', async ({ page }) => {
  const errors = watchErrors(page);
  await openFresh(page);
  const first = await page.locator('#card-question').textContent();
  const before = await effective(page);
  await flipAndGrade(page, '3');
  await expect.poll(async () => (await effective(page)).reviews.length).toBe(1);
  const afterOne = await effective(page);
  await flipAndGrade(page, '1');
  await flipAndGrade(page, '4');
  await expect.poll(async () => (await effective(page)).reviews.length).toBe(3);
  await expect(page.getByTestId('undo')).toHaveText(/^Undo Easy grade/);
  await expectNoAxeViolations(page, 'after a grade');

  await page.keyboard.press('u');
  await expect.poll(async () => (await effective(page)).reviews.length).toBe(2);
  await expect(page.getByTestId('announcer')).toContainText('Grade Easy taken back.');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => effective(page)).toEqual(afterOne);
  await page.getByTestId('undo').click();
  await expect.poll(async () => effective(page)).toEqual(before);
  await expect(page.locator('#card-question')).toHaveText(first);
  await expect(page.getByRole('button', { name: 'Show question' })).toBeVisible();
  await expect(page.getByTestId('undo')).toHaveCount(0);

  // After a reload the card is new again: nothing graded, nothing due.
  await page.reload();
  await ready(page);
  await page.keyboard.press('t');
  await expect(page.getByTestId('storage-status')).toContainText('(0 reviews)');
  expect(errors).toEqual([]);
});

test('on a phone the grade buttons stay in reach below a long answer', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await openFresh(page, './?q=URL+shortener+service');
  await page.getByRole('button', { name: 'Show answer' }).click();
  const grades = page.getByRole('group', { name: 'How well did you know it?' });
  await expect(grades).toBeVisible();
  const box = await grades.boundingBox();
  expect(box.y + box.height).toBeLessThanOrEqual(640);
  // The keys the buttons press are shown on them.
  await expect(grades.getByRole('button', { name: /^Good \(key 3\)/ })).toContainText('3');
  await expectNoAxeViolations(page, 'phone, answer shown');
});

test('after revealing, ticking key points suggests a grade the learner may take or not', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: 'Show answer' }).click();
  const points = page.getByTestId('key-points');
  const boxes = points.getByRole('checkbox');
  const total = await boxes.count();
  expect(total).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('suggestion')).toHaveText('');
  for (let i = 0; i < total; i++) await boxes.nth(i).check();
  await expect(page.getByTestId('suggestion')).toHaveText(`${total} of ${total} covered: Easy suggested. The grade is yours to choose.`);
  await expect(page.getByRole('button', { name: /^Easy \(key 4\).*suggested by your key points$/ })).toBeVisible();
  await expectNoAxeViolations(page, 'key points');
  await boxes.nth(0).uncheck();
  await expect(page.getByTestId('suggestion')).toContainText('Good suggested');
  // The learner chooses otherwise: Hard, by key.
  await page.keyboard.press('2');
  await expect.poll(async () => {
    const p = await stored(page);
    return Object.values(p.cards).flatMap((c) => c.log ?? []).map((r) => r.rating);
  }).toEqual(['Hard']);
});

test('cram keeps its grades as practice and leaves every due date as it was', async ({ page }) => {
  await openFresh(page);
  await flipAndGrade(page, '3');
  const memories = async () => Object.fromEntries(Object.entries((await stored(page))?.cards ?? {})
    .filter(([, c]) => c.memory).map(([id, c]) => [id, c.memory.due]));
  await expect.poll(async () => Object.keys(await memories()).length).toBe(1);
  const before = await memories();
  await page.getByText('Options', { exact: true }).click();
  await page.getByTestId('cram').click();
  await expect(page.getByTestId('cram-note')).toContainText('no card\'s schedule changes');
  await expectNoAxeViolations(page, 'cram');
  await page.keyboard.press('ArrowLeft');
  await page.locator('#primary-action').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Again \(key 1\), practice only/ })).toBeVisible();
  await page.keyboard.press('1');
  await flipAndGrade(page, '4');
  await expect.poll(async () => Object.values((await stored(page)).cards).flatMap((c) => c.log ?? [])
    .filter((r) => r.practice).map((r) => r.rating).sort()).toEqual(['Again', 'Easy']);
  expect(await memories()).toEqual(before);
  await page.keyboard.press('t');
  await expect(page.getByTestId('storage-status')).toContainText('(1 review)');
});

test('bury hides a card until tomorrow; suspend until taken back; a leech is flagged', async ({ page }) => {
  const errors = watchErrors(page);
  await page.clock.install({ time: new Date('2027-05-03T20:00:00') });
  // Browsing every card (Practice all): the Suspended facet lists suspended cards there (the
  // study session never studies them).
  await openFresh(page, './?topic=devops&mode=practice');
  const position = page.getByTestId('position');
  await expect(position).toHaveText('1 / 8');
  const first = await page.locator('#card-question').textContent();
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('b');
  await expect(position).toHaveText('1 / 7');
  await expect(page.locator('#card-question')).not.toHaveText(first);
  // Past local midnight (the clock ticks each minute), the card is back.
  await page.clock.runFor(5 * 3_600_000);
  await expect(position).toHaveText(/ \/ 8$/);

  // Suspend by button: out of practice; the Suspended facet lists it; take it back.
  const second = await page.locator('#card-question').textContent();
  await page.getByTestId('suspend').click();
  await expect(position).toHaveText(/ \/ 7$/);
  await page.getByText('Filter by topic, difficulty, status').click();
  await page.getByLabel(/^Suspended \(1\)$/).check();
  await expect(page.locator('#card-question')).toHaveText(second);
  await expectNoAxeViolations(page, 'suspended card');
  await page.getByTestId('suspend').click();
  await page.getByLabel(/^Suspended \(\d+\)$/).uncheck();
  await expect(position).toHaveText(/ \/ 8$/);
  expect(errors).toEqual([]);
});

test('a card forgotten eight times is flagged as a leech, one click from suspending it', async ({ page }) => {
  await page.goto('/__blank');
  const now = Date.now();
  const progress = { format: 3, deck: 'backend-interview', cards: { 'devops-docker': { last_seen: now - 1000, views: 9,
    memory: { stab: 0.5, diff: 9, due: now - 1000, last: now - 86400000, reps: 12, lapses: 8 },
    log: [{ rating: 'Again', at: now - 86400000 }] } } };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(progress)]);
  await page.goto('./?q=Docker+and+why+is+it+used');
  await ready(page);
  await expect(page.getByTestId('leech')).toContainText('forgotten 8 times');
  await page.getByTestId('suspend').click();
  await expect.poll(async () => (await stored(page)).cards['devops-docker'].suspended?.on).toBe(true);
});
