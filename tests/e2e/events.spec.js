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
  expect(done.detail).toMatchObject({ kind: 'review', again: 0, hard: 0, good: 1, easy: 0, total: 1 });
  // Each carries an xAPI statement shaped like H5P's.
  expect(graded.detail.statement).toMatchObject({
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
    object: { objectType: 'Activity', id: expect.stringMatching(/#card=devops-ci-cd$/),
      definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'other' } },
    result: { score: { min: 0, max: 3, raw: 3, scaled: 1 }, success: true, completion: true, response: 'Easy' },
  });
  expect(graded.detail.statement.actor).toBeUndefined();
  expect(done.detail.statement).toMatchObject({
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
    result: { score: { min: 0, max: 1, raw: 1, scaled: 1 }, completion: true },
  });
});

test('statements go to a Learning Record Store only when the page names one', async ({ page }) => {
  const posted = [];
  const elsewhere = [];
  page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1:4173/')) elsewhere.push(r.url()); });
  await page.route('https://lrs.example.org/xapi/statements', async (route) => {
    posted.push({ body: route.request().postDataJSON(), headers: route.request().headers() });
    await route.fulfill({ status: 200, contentType: 'application/json', body: '["id"]' });
  });
  // No LRS named: nothing leaves.
  await openFresh(page, './?topic=devops');
  await page.locator('#primary-action').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('3');
  // The study session (the default): the graded card leaves today's queue of 8.
  await expect(page.getByTestId('position')).toHaveText('1 / 7');
  await page.waitForTimeout(300);
  expect(posted).toEqual([]);
  expect(elsewhere).toEqual([]);
  // A host page naming one, with credentials and the learner.
  await page.goto('/__blank');
  await page.setContent(`<!doctype html><html lang="en"><head><title>course</title>
    <meta name="interview-cards-lrs" content="https://lrs.example.org/xapi/">
    <meta name="interview-cards-lrs-auth" content="Basic dGVzdDp0ZXN0">
    <meta name="interview-cards-lrs-actor" content='{"objectType":"Agent","account":{"homePage":"https://course.example","name":"learner-7"}}'>
    </head><body><main><div data-interview-cards data-topic="devops"></div></main></body></html>`);
  await page.addScriptTag({ url: '/embed.js', type: 'module' });
  const widget = page.locator('[data-interview-cards]');
  await expect(widget.locator('.app[data-ready]')).toBeAttached();
  await widget.getByTestId('card-face').click();
  await widget.getByRole('button', { name: /^Good/ }).click();
  await expect.poll(() => posted.length).toBe(1);
  expect(posted[0].headers).toMatchObject({ 'x-experience-api-version': '1.0.3', authorization: 'Basic dGVzdDp0ZXN0' });
  expect(posted[0].body).toMatchObject({
    actor: { account: { name: 'learner-7' } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
    result: { response: 'Good', score: { raw: 2, max: 3 } },
  });
  expect(elsewhere.filter((u) => !u.startsWith('https://lrs.example.org/'))).toEqual([]);
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
    // The study session (the default): the graded card leaves today's queue of 8.
    await expect(widget.getByTestId('position')).toHaveText('1 / 7');
  };
  await frame('&events=parent');
  await expect.poll(() => page.evaluate(() => window.__messages)).toEqual([
    { type: 'interview-cards:graded', detail: expect.objectContaining({ card: 'devops-ci-cd', rating: 'Hard' }) },
  ]);
  await frame('');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__messages)).toEqual([]);
});
