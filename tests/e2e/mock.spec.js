// The mock interview like a real one: a question clock the learner can pause, extend or turn
// off (WCAG 2.2.1), and "answer aloud" recordings played back beside the model answer, with
// Chromium's fake microphone; a refused or missing microphone is said plainly.
const { test, expect } = require('@playwright/test');
const { expectNoAxeViolations, openFresh, startMock, watchErrors } = require('./helpers');

test('the question clock pauses, extends, warns before time is up, and turns off', async ({ page }) => {
  const errors = watchErrors(page);
  await page.clock.install({ time: new Date('2027-06-07T09:00:00Z') });
  await startMock(page);
  const countdown = page.getByTestId('countdown');
  await expect(countdown).toContainText('2:00');
  await page.getByRole('button', { name: 'Pause the clock' }).click();
  await expect(countdown).toContainText('(paused)');
  // Paused, the time does not run out.
  await page.clock.runFor(5 * 60_000);
  await expect(page.getByRole('button', { name: 'Reveal the answer' })).toBeVisible();
  await expectNoAxeViolations(page, 'mock question, clock paused');
  await page.getByRole('button', { name: 'Resume the clock' }).click();
  await page.getByRole('button', { name: '+1 minute' }).click();
  await expect(countdown).toContainText(/2:5\d|3:00/);
  // Twenty seconds before the end the learner is told, and how to get more time.
  await page.clock.runFor(165_000);
  await expect(page.getByTestId('timer-warning')).toContainText('Less than 20 seconds left');
  await page.getByRole('button', { name: 'No time limit' }).click();
  await expect(countdown).toHaveText('No time limit');
  await expect(page.getByTestId('timer-warning')).toHaveCount(0);
  await page.clock.runFor(30 * 60_000);
  await expect(page.getByRole('button', { name: 'Reveal the answer' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a run can start with no time limit', async ({ page }) => {
  await openFresh(page, './?topic=databases');
  await page.getByRole('button', { name: 'Mock interview' }).click();
  await page.getByLabel('Time per question').selectOption({ label: 'No time limit' });
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expect(page.getByTestId('countdown')).toHaveText('No time limit');
});

test('a refused microphone, or none at all, is said plainly and the interview goes on', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  await startMock(page);
  await page.getByTestId('record').click();
  await expect(page.getByTestId('record-error')).toContainText('The microphone was refused');
  await page.getByRole('button', { name: 'Reveal the answer' }).click();
  await expect(page.getByRole('button', { name: /^Good \(key 3\)/ })).toBeVisible();

  const other = await page.context().newPage();
  await other.addInitScript(() => { delete window.MediaRecorder; });
  await startMock(other);
  await other.getByTestId('record').click();
  await expect(other.getByTestId('record-error')).toContainText('cannot record audio');
});

test('the summary lists, per question, the key points not ticked as covered', async ({ page }) => {
  const errors = watchErrors(page);
  await openFresh(page, './?topic=databases');
  await page.getByRole('button', { name: 'Mock interview' }).click();
  await page.getByLabel('Questions', { exact: true }).selectOption('3');
  await page.getByRole('button', { name: 'Start the interview' }).click();
  const points = page.getByTestId('key-points').getByRole('checkbox');
  const firstPoints = [];
  for (let q = 0; q < 3; q++) {
    await page.getByRole('button', { name: 'Reveal the answer' }).click();
    const labels = await page.getByTestId('key-points').locator('label').allTextContents();
    if (q === 0) {
      firstPoints.push(...labels);
      await points.nth(0).check();
      await expect(page.getByTestId('suggestion')).toContainText(`1 of ${labels.length} covered`);
      await expect(page.getByRole('button', { name: /suggested by your key points/ })).toHaveCount(1);
      await expectNoAxeViolations(page, 'mock answer with key points');
    }
    await page.getByRole('button', { name: /^Good \(key 3\)/ }).click();
  }
  const summary = page.getByTestId('mock-summary');
  await expect(summary.getByRole('columnheader', { name: 'Key points missed' })).toBeVisible();
  const firstRow = summary.locator('tbody tr').first();
  const missed = await firstRow.locator('td').last().locator('li').allTextContents();
  expect(missed).toEqual(firstPoints.slice(1));
  await expectNoAxeViolations(page, 'mock summary with key points missed');
  expect(errors).toEqual([]);
});
