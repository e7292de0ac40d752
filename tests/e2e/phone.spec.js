// On a phone (390 px, touch only): no keyboard hints, the first card and the control that shows
// its answer on the first screen, the toolbar in groups, tap to turn the card and swipe for the
// next and previous ones (the buttons stay). axe in light and dark.
const { test, expect } = require('@playwright/test');
const { expectNoAxeViolations, openFresh, watchErrors } = require('./helpers');

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** A horizontal swipe across `locator` by touch, as the browser sees one (CDP touch events,
 * which become pointer events with pointerType "touch"). */
async function swipe(page, locator, dx) {
  const box = await locator.boundingBox();
  const y = box.y + Math.min(box.height / 2, 60);
  const x0 = box.x + box.width / 2 - dx / 2;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }],
  });
  await touch('touchStart', x0);
  for (let i = 1; i <= 6; i += 1) await touch('touchMove', x0 + (dx * i) / 6);
  await touch('touchEnd', x0 + dx);
  await cdp.detach();
}

/** The practice mode that walks every card in order (the default may be another). */
async function practiseAll(page) {
  const all = page.getByRole('button', { name: 'Practice all' });
  if ((await all.getAttribute('aria-pressed')) !== 'true') await all.click();
}

test('the first card and its show-answer control fit the first screen, with no key hints', async ({ page }) => {
  const errors = watchErrors(page);
  await openFresh(page);
  expect(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)).toBe(true);
  const card = page.locator('.card');
  const show = page.getByRole('button', { name: 'Show answer' });
  for (const box of [await card.boundingBox(), await show.boundingBox()]) {
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
  }
  // No key hint shows anywhere: not on the card controls, nor on bury, suspend or the grades.
  const visibleHints = () => page.locator('kbd.key').evaluateAll((ks) => ks.filter((k) => k.getClientRects().length > 0).length);
  expect(await page.locator('kbd.key').count()).toBeGreaterThan(0);
  expect(await visibleHints()).toBe(0);
  expect(await page.locator('.card-hint').innerText()).not.toContain('Space');
  // Tapping the card turns it.
  await page.getByTestId('card-face').tap();
  await expect(page.getByTestId('answer')).not.toBeEmpty();
  await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
  expect(await visibleHints()).toBe(0);
  // The grade bar is on screen, within thumb reach (the bottom half).
  const grades = await page.getByRole('group', { name: 'How well did you know it?' }).boundingBox();
  expect(grades.y).toBeGreaterThan(844 / 2);
  expect(grades.y + grades.height).toBeLessThanOrEqual(844);
  expect(errors).toEqual([]);
});

test('nothing in the toolbar wraps alone; less-used toggles live in one menu', async ({ page }) => {
  await openFresh(page);
  // Whether the visible elements sit on one row: each one's box overlaps every other's height.
  const oneRow = async (selector) => page.locator(selector).evaluateAll((els) => {
    const boxes = els.filter((e) => e.getClientRects().length > 0).map((e) => e.getBoundingClientRect());
    return [boxes.length, boxes.every((a) => boxes.every((b) => a.top < b.bottom && b.top < a.bottom))];
  });
  // The card controls: Previous, Show answer and Next on one row.
  expect(await oneRow('.controls > button')).toEqual([3, true]);
  // The practice bar: its visible parts (the modes, the menu) on one row.
  expect(await oneRow('.practice-bar > *')).toEqual([2, true]);
  // Cram and typed answers are in the menu, reachable and labelled.
  await expect(page.getByTestId('cram')).toBeHidden();
  await page.getByText('Options', { exact: true }).click();
  await expect(page.getByTestId('cram')).toBeVisible();
  await page.getByTestId('cram').click();
  await expect(page.getByTestId('cram-note')).toBeVisible();
  await expectNoAxeViolations(page, 'phone, menu open');
});

test('a swipe left moves to the next card, a swipe right back; the buttons stay', async ({ page }) => {
  const errors = watchErrors(page);
  await openFresh(page);
  await practiseAll(page);
  const position = page.getByTestId('position');
  await expect(position).toHaveText(/^1 \/ \d+$/);
  const first = await page.locator('#card-question').textContent();
  await swipe(page, page.locator('.card'), -200);
  await expect(position).toHaveText(/^2 \/ \d+$/);
  await expect(page.locator('#card-question')).not.toHaveText(first);
  // A swipe does not also turn the card.
  await expect(page.getByTestId('answer')).toBeEmpty();
  await swipe(page, page.locator('.card'), 200);
  await expect(position).toHaveText(/^1 \/ \d+$/);
  await expect(page.locator('#card-question')).toHaveText(first);
  // A short or mostly vertical move is no swipe.
  await swipe(page, page.locator('.card'), -20);
  await expect(position).toHaveText(/^1 \/ \d+$/);
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Previous', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

for (const scheme of ['light', 'dark']) {
  test(`phone views, ${scheme}: no accessibility violations`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openFresh(page);
    await expectNoAxeViolations(page, `phone ${scheme} question`);
    await page.getByTestId('card-face').tap();
    await expectNoAxeViolations(page, `phone ${scheme} answer`);
  });
}
