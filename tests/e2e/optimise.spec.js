// "Optimise my schedule": with 400 reviews or more, FSRS weights are fitted in a worker from a
// module downloaded only then, shown before and after, kept with progress and used by the
// schedule; the defaults can be had back; a failed download loses nothing.
const { test, expect } = require('@playwright/test');
const { expectNoAxeViolations, ready, watchErrors } = require('./helpers');
const { synthReviews, progressWith } = require('./reviews');
const deck = require('../../data/deck.json');

const KEY = 'interview-cards:backend-interview:progress';
const ids = deck.cards.map((c) => c.id);

async function openWith(page, progress) {
  await page.goto('/__blank');
  await page.evaluate(([key, value]) => {
    localStorage.clear();
    localStorage.setItem(key, value);
  }, [KEY, JSON.stringify(progress)]);
  await page.goto('./');
  await ready(page);
  await page.getByRole('button', { name: 'Stats', exact: true }).click();
}

const saved = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);

test('fits the schedule to 660 reviews, keeps the weights, and gives the defaults back', async ({ page }) => {
  const errors = watchErrors(page);
  const requested = [];
  page.on('request', (r) => { if (/optimizer/.test(r.url())) requested.push(r.url()); });
  // Slow the module down, so the progress bar can be seen while it downloads.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/optimizer-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await openWith(page, progressWith('backend-interview', synthReviews(ids, 660)));
  expect(requested, 'nothing of the optimizer before it is asked for').toEqual([]);
  const panel = page.getByTestId('optimise');
  await expect(page.getByTestId('fit-in-use')).toHaveText('In use: the default weights.');
  const retention = page.getByLabel('Desired retention');
  await retention.selectOption('80');
  const effect = page.getByTestId('retention-effect');
  const before = await effect.textContent();

  await panel.getByRole('button', { name: 'Optimise my schedule' }).click();
  await expect(panel.getByRole('status')).toHaveText('Downloading the optimizer…');
  await expect(page.getByRole('progressbar', { name: 'Fitting your schedule' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Optimise my schedule' })).toBeDisabled();
  release();
  await expect(page.getByTestId('fit-result')).toContainText(/On your 660 reviews, the log loss .* went from (\d\.\d{3}) to (\d\.\d{3})\. Your schedule now uses the fitted weights\./);
  const [, from, to] = (await page.getByTestId('fit-result').textContent()).match(/from (\d\.\d{3}) to (\d\.\d{3})/);
  expect(Number(to)).toBeLessThan(Number(from));
  await expect(page.getByTestId('fit-in-use')).toHaveText('In use: weights fitted to 660 of your reviews.');
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  // The schedule follows the fitted forgetting curve: the same retention gives another wait.
  await expect(effect).not.toHaveText(before);
  await expectNoAxeViolations(page, 'stats with a fitted schedule');

  // Kept with progress: 21 weights and both losses; still in use after a reload.
  await expect.poll(async () => (await saved(page)).fitted?.w?.length).toBe(21);
  const fitted = (await saved(page)).fitted;
  expect(fitted.reviews).toBe(660);
  expect(fitted.log_loss[1]).toBeLessThan(fitted.log_loss[0]);
  expect((await saved(page)).format).toBe(5);
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Stats', exact: true }).click();
  await expect(page.getByTestId('fit-in-use')).toHaveText('In use: weights fitted to 660 of your reviews.');

  await page.getByRole('button', { name: 'Use the default weights again' }).click();
  await expect(page.getByTestId('fit-in-use')).toHaveText('In use: the default weights.');
  await retention.selectOption('80');
  await expect(effect).toHaveText(before);
  await expect.poll(async () => (await saved(page)).fitted?.w ?? 'defaults').toBe('defaults');
  // Every review is still there.
  const log = Object.values((await saved(page)).cards).reduce((n, c) => n + c.log.length, 0);
  expect(log).toBe(660);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'stats, dark, after going back to the defaults');
  expect(errors).toEqual([]);
});

test('below 400 reviews the button says why it is off', async ({ page }) => {
  await openWith(page, progressWith('backend-interview', synthReviews(ids.slice(0, 50), 300)));
  const button = page.getByRole('button', { name: 'Optimise my schedule' });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription(/You have 300 reviews; fitting needs 400\./);
});

test('an optimizer that cannot be downloaded says so and loses nothing', async ({ page }) => {
  await page.route(/optimizer-[0-9a-f]+_bg\.wasm$/, (route) => route.abort('internetdisconnected'));
  const progress = progressWith('backend-interview', synthReviews(ids, 660));
  await openWith(page, progress);
  await page.getByRole('button', { name: 'Optimise my schedule' }).click();
  await expect(page.getByTestId('fit-error')).toHaveText('The optimizer could not be downloaded. Are you offline? Try again when connected.');
  await expect(page.getByTestId('fit-error')).toHaveAttribute('role', 'alert');
  await expect(page.getByTestId('fit-in-use')).toHaveText('In use: the default weights.');
  // Asking again is possible, and every review is still saved (viewing the first card only
  // counted a view).
  await expect(page.getByRole('button', { name: 'Optimise my schedule' })).toBeEnabled();
  const logs = (p) => Object.fromEntries(Object.entries(p.cards).map(([id, c]) => [id, c.log]));
  expect(logs(await saved(page))).toEqual(logs(progress));
  expect((await saved(page)).fitted).toBeUndefined();
});
