// Learning steps and the scheduling settings: an Again card returns within the session when
// its step is up (fake clock), and the learner's retention and steps change what the buttons
// offer, are checked, and are remembered.
const { test, expect } = require('@playwright/test');
const { expectNoAxeViolations, openFresh, ready, watchErrors } = require('./helpers');

const START = new Date('2027-06-07T09:00:00Z');

async function flip(page) {
  await page.locator('#primary-action').focus();
  await page.keyboard.press('Enter');
}

test('an Again card comes back in the same session when its step is up', async ({ page }) => {
  const errors = watchErrors(page);
  await page.clock.install({ time: START });
  await openFresh(page, './?topic=devops');
  // Half a minute in, so the step is up between two of the clock's minute ticks: only the
  // timer set for the step can bring the card back in time.
  await page.clock.runFor(30_000);
  const question = await page.locator('#card-question').textContent();
  await flip(page);
  await expect(page.getByRole('button', { name: /^Again \(key 1\), next review in 1 min$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Hard \(key 2\), next review in 6 min$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Good \(key 3\), next review in 10 min$/ })).toBeVisible();
  await page.keyboard.press('1');

  // Nothing due yet: the review view says when the card is back, then brings it up.
  await page.getByRole('button', { name: /^Review due/ }).click();
  await expect(page.getByTestId('empty')).toContainText('Nothing is due');
  await expect(page.getByTestId('next-step')).toContainText('comes back in 1 minute');
  await page.clock.runFor(60_500);
  await expect(page.locator('#card-question')).toHaveText(question, { timeout: 2_000 });
  await expect(page.getByRole('button', { name: /^Review due \(1\)/ })).toBeVisible();

  // Good on the first step: the second step, ten minutes.
  await flip(page);
  await page.keyboard.press('3');
  await expect(page.getByTestId('next-step')).toContainText('comes back in 10 minutes');
  await page.clock.runFor(10 * 60_000 + 1_000);
  await expect(page.locator('#card-question')).toHaveText(question);
  await expect.poll(async () => page.evaluate(() => {
    const p = JSON.parse(localStorage.getItem('interview-cards:backend-interview:progress'));
    return Object.values(p.cards).map((c) => c.memory).filter(Boolean).map((m) => `${m.phase}/${m.step ?? 0}`);
  })).toEqual(['learning/1']);
  // Good on the last step: on day intervals, gone for today.
  await flip(page);
  await page.keyboard.press('3');
  await expect(page.getByTestId('empty')).toContainText('Nothing is due');
  await expect(page.getByTestId('next-step')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('retention and steps change the offered waits, are checked, and are remembered', async ({ page }) => {
  const errors = watchErrors(page);
  await openFresh(page);
  await page.getByRole('button', { name: 'Stats', exact: true }).click();
  const settings = page.getByTestId('schedule-settings');
  const retention = settings.getByLabel('Desired retention');
  await expect(retention).toHaveValue('90');
  await expect(page.getByTestId('retention-effect')).toContainText('after 30 days at 90%');
  await retention.selectOption('80');
  await expect(page.getByTestId('retention-effect')).toContainText(/after (\d\d) days at 80%/);
  const longer = Number((await page.getByTestId('retention-effect').textContent()).match(/after (\d+) days at 80%/)[1]);
  expect(longer).toBeGreaterThan(30);

  const learning = settings.getByLabel('Learning steps', { exact: true });
  await expect(learning).toHaveValue('1m 10m');
  await learning.fill('2m 1h');
  await learning.press('Tab');
  // A step that cannot be read is named beside its own field, and changes nothing there;
  // the other settings still change meanwhile.
  const relearning = settings.getByLabel('Relearning steps', { exact: true });
  await relearning.fill('soon');
  await relearning.press('Tab');
  await expect(settings.getByRole('alert')).toHaveText(/^"soon" is not a step/);
  await expect(relearning).toHaveAttribute('aria-invalid', 'true');
  await expect(learning).toHaveAttribute('aria-invalid', 'false');
  await expectNoAxeViolations(page, 'scheduling settings with an error');
  await retention.selectOption('85');
  await expect(page.getByTestId('retention-effect')).toContainText('at 85%');
  await retention.selectOption('80');
  await relearning.fill('20m');
  await relearning.press('Tab');
  await expect(settings.getByRole('alert')).toHaveCount(0);
  await expect(relearning).toHaveAttribute('aria-invalid', 'false');

  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  await flip(page);
  await expect(page.getByRole('button', { name: /^Again \(key 1\), next review in 2 min$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Good \(key 3\), next review in 1 h$/ })).toBeVisible();

  // Remembered across a reload.
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Stats', exact: true }).click();
  await expect(settings.getByLabel('Desired retention')).toHaveValue('80');
  await expect(settings.getByLabel('Learning steps', { exact: true })).toHaveValue('2m 1h');
  await expect(settings.getByLabel('Relearning steps', { exact: true })).toHaveValue('20m');
  expect(errors).toEqual([]);
});

test('type an answer: compared side by side with the model, its key points ticked, a grade suggested', async ({ page }) => {
  const errors = watchErrors(page);
  await openFresh(page, './?topic=devops');
  await page.getByText('Options', { exact: true }).click();
  await page.getByTestId('type-toggle').click();
  await expect(page.getByTestId('type-toggle')).toHaveAttribute('aria-pressed', 'true');
  const box = page.getByLabel('Your answer');
  await box.fill('CI means merging frequently with an automated build and tests on each push. Build the artifact once and promote it everywhere.');
  // Keys typed in the box are text, not shortcuts: no flip, no grade.
  await box.press('Space');
  await box.press('3');
  await expect(page.getByTestId('answer')).toBeEmpty();
  await expectNoAxeViolations(page, 'typing an answer');
  await page.getByRole('button', { name: 'Show answer' }).click();
  const compare = page.getByTestId('compare');
  await expect(compare.getByRole('heading', { name: 'Your answer' })).toBeVisible();
  await expect(compare).toContainText('promote it everywhere. 3');
  await expect(compare.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  const points = page.getByTestId('key-points').getByRole('checkbox');
  await expect(points).toHaveCount(6);
  const ticked = [];
  for (let i = 0; i < 6; i++) ticked.push(await points.nth(i).isChecked());
  expect(ticked).toEqual([true, false, false, true, false, false]);
  await expect(page.getByTestId('suggestion')).toHaveText('2 of 6 covered: Hard suggested. The grade is yours to choose.');
  await expectNoAxeViolations(page, 'typed answer beside the model answer');
  // Side by side on a wide screen, one above the other on a phone.
  const [typed, model] = [compare.locator('.typed'), compare.locator('.model')];
  expect((await model.boundingBox()).x).toBeGreaterThan((await typed.boundingBox()).x + 100);
  await page.setViewportSize({ width: 360, height: 740 });
  expect((await model.boundingBox()).y).toBeGreaterThan((await typed.boundingBox()).y + 20);
  // The next card starts with an empty box; the choice is remembered across a reload.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Your answer')).toHaveValue('');
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('type-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Your answer')).toBeVisible();
  expect(errors).toEqual([]);
});
