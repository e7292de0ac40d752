// Events for the host page: a DOM CustomEvent per grade and when a review session or a mock
// interview ends, bubbling from the widget's element; and, framed with events=parent, the same
// posted to the parent window. Nothing else leaves.
const { test, expect } = require('@playwright/test');
const { openFresh, ready } = require('./helpers');

test('each grade and a finished review session are DOM events on the widget', async ({ page }) => {
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ['interview-cards:graded', 'interview-cards:session-complete']) {
      document.addEventListener(name, (e) => window.__events.push({ name, target: e.target.className, detail: e.detail }));
    }
  });
  await page.clock.install({ time: new Date('2027-06-07T09:00:00Z') });
  await openFresh(page, './?topic=devops');
  await page.locator('#primary-action').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('4');
  await expect.poll(() => page.evaluate(() => window.__events.length)).toBe(1);
  const [graded] = await page.evaluate(() => window.__events);
  expect(graded.name).toBe('interview-cards:graded');
  expect(graded.target).toContain('app');
  expect(graded.detail).toMatchObject({ card: 'devops-ci-cd', rating: 'Easy', practice: false });
  expect(Date.parse(graded.detail.due)).toBeGreaterThan(Date.parse('2027-06-08T00:00:00Z'));
  // Days later the card is due; reviewing it ends the session.
  await page.clock.setFixedTime(new Date('2027-07-07T09:00:00Z'));
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: /^Review due \(1\)/ }).click();
  await page.locator('#primary-action').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('3');
  await expect.poll(() => page.evaluate(() => window.__events.map((e) => e.name))).toEqual(['interview-cards:graded', 'interview-cards:session-complete']);
  const done = (await page.evaluate(() => window.__events))[1];
  expect(done.detail).toEqual({ kind: 'review', again: 0, hard: 0, good: 1, easy: 0, total: 1 });
});

test('framed with events=parent, the parent window receives the same; without it, nothing', async ({ page }) => {
  await page.goto('/__blank');
  const frame = async (query) => {
    await page.evaluate((src) => {
      document.body.innerHTML = '';
      localStorage.clear();
      window.__messages = [];
      window.addEventListener('message', (e) => { if (String(e.data?.type).startsWith('interview-cards:') && e.data.type !== 'interview-cards:height') window.__messages.push(e.data); });
      document.body.innerHTML = `<iframe title="widget" src="${src}" style="width:800px;height:900px"></iframe>`;
    }, `/?layout=embed&topic=devops${query}`);
    const widget = page.frameLocator('iframe');
    await expect(widget.locator('.app[data-ready]')).toBeAttached();
    await widget.locator('#primary-action').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('2');
    await expect(widget.getByTestId('position')).toHaveText(/^2 \//);
  };
  await frame('&events=parent');
  await expect.poll(() => page.evaluate(() => window.__messages)).toEqual([
    { type: 'interview-cards:graded', detail: expect.objectContaining({ card: 'devops-ci-cd', rating: 'Hard' }) },
  ]);
  await frame('');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__messages)).toEqual([]);
});
