// The whole card loop in a real browser against the release build: flip by mouse and keyboard,
// move on, reload, and find the progress kept. axe-core checks every view it passes through.
const { test, expect } = require('@playwright/test');
const { expectNoAxeViolations, openFresh, ready, watchErrors } = require('./helpers');

test('flip, move on, reload and keep progress', async ({ page }) => {
  const errors = watchErrors(page);

  await openFresh(page);
  // Browsing every card in order, where moving on and resuming are about (the study session
  // has its own order): chosen explicitly, and kept in the URL across the reload.
  await page.getByRole('button', { name: 'Practice all', exact: true }).click();
  await expect(page).toHaveURL(/mode=all/);
  const position = page.getByTestId('position');
  await expect(position).toHaveText(/^1 \/ \d+$/);
  const total = Number((await position.textContent()).match(/\/ (\d+)/)[1]);
  expect(total).toBeGreaterThan(1);
  await expect(page.getByTestId('seen-count')).toHaveText(`Seen 1 of ${total} cards`);
  const firstQuestion = await page.locator('#card-question').textContent();
  await expectNoAxeViolations(page, 'question');

  // Mouse: clicking the card shows the answer; clicking again hides it.
  const answer = page.getByTestId('answer');
  await expect(answer).toBeEmpty();
  await page.getByTestId('card-face').click();
  await expect(answer).not.toBeEmpty();
  await expect(page.getByRole('button', { name: 'Show question' })).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page, 'answer');
  // (The README's picture comes from scripts/screens.mjs, run by hand.)
  await page.getByTestId('card-face').click();
  await expect(answer).toBeEmpty();

  // Keyboard: Space and Enter flip when no control has focus.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Space');
  await expect(answer).not.toBeEmpty();
  await page.keyboard.press('Enter');
  await expect(answer).toBeEmpty();

  // The flip button works from the keyboard like any button.
  await page.getByRole('button', { name: 'Show answer' }).focus();
  await page.keyboard.press('Enter');
  await expect(answer).not.toBeEmpty();

  // Next by button, then by arrow key; each new card shows its front.
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(position).toHaveText(`2 / ${total}`);
  await expect(answer).toBeEmpty();
  await expect(page.locator('#card-question')).not.toHaveText(firstQuestion);
  // Focus is still on Next: arrows work there too.
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText(`3 / ${total}`);
  await expect(page.getByTestId('seen-count')).toHaveText(`Seen 3 of ${total} cards`);

  // Reload: the three cards stay seen and practice resumes at the first unseen one.
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('seen-count')).toHaveText(`Seen 4 of ${total} cards`);
  await expect(position).toHaveText(`4 / ${total}`);
  await expect.poll(async () => {
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('interview-cards:backend-interview:progress')));
    return [saved.format, Object.keys(saved.cards).length];
  }).toEqual([5, 4]);

  expect(errors).toEqual([]);
});

test('unreadable saved progress is kept aside and the learner is told', async ({ page }) => {
  // Written from a page that runs no widget: a running widget saving on leaving would find the
  // damaged value first (it backs it up too, see core/save.rs, but this test is about loading).
  await page.goto('/__blank');
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('interview-cards:backend-interview:progress', '{"format":1,"deck":');
  });
  await page.goto('./');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('could not be read');
  const backups = await page.evaluate(() => Object.keys(localStorage)
    .filter(k => k.includes(':backup:'))
    .map(k => localStorage.getItem(k)));
  expect(backups).toEqual(['{"format":1,"deck":']);
  await expect(notice.getByRole('button', { name: 'Download the original' })).toBeVisible();
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download the original' }).click();
  expect((await download).suggestedFilename()).toBe('interview-cards-unreadable-progress.json');
  await expectNoAxeViolations(page, 'notice');
});

test('a phone-sized screen shows the whole card without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openFresh(page);
  await page.getByTestId('card-face').click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
