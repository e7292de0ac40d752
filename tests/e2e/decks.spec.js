// Deck URLs: the site's own origin by default, others only when the site lists them (and then
// named, with their progress kept apart); the size limit counted while the body streams in; a
// server that never answers times out; an HTML page served with 200 is not taken for a deck.
const { test, expect } = require('@playwright/test');
const { openBare, openFresh, ready, watchErrors } = require('./helpers');

const FOREIGN = 'http://decks.example.test';
const foreignDeck = JSON.stringify({
  format: 1, id: 'backend-interview', title: 'A stranger\'s deck', topics: [{ id: 't', name: 'T' }],
  cards: [{ id: 'http-cors', topic: 't', difficulty: 'easy', question: 'Foreign question?', answer: 'Foreign answer.' }],
});

async function serveForeignDeck(page) {
  let requests = 0;
  await page.route(`${FOREIGN}/**`, (route) => {
    requests += 1;
    return route.fulfill({ contentType: 'application/json', body: foreignDeck, headers: { 'access-control-allow-origin': '*' } });
  });
  return () => requests;
}

test('a deck from another origin is refused unless the site lists it, and never fetched', async ({ page }) => {
  const requests = await serveForeignDeck(page);
  await openBare(page, `./?deck=${FOREIGN}/deck.json`);
  await expect(page.getByTestId('deck-error')).toContainText(`comes from ${FOREIGN}, which this site does not load decks from`);
  expect(requests()).toBe(0);
});

test('a listed origin loads, is named, and its progress never mixes with this site\'s deck of the same id', async ({ page }) => {
  const errors = watchErrors(page);
  // This site's own deck has progress on a card of the same id (written from a page that runs
  // no widget, so no widget's save can land on it afterwards).
  await page.goto('/__blank');
  await page.evaluate(() => localStorage.clear());
  const own = { format: 4, deck: 'backend-interview', cards: { 'http-cors': { last_seen: 1, views: 1, log: [{ rating: 'Good', at: 1 }] } } };
  await page.evaluate((p) => localStorage.setItem('interview-cards:backend-interview:progress', JSON.stringify(p)), own);
  await serveForeignDeck(page);
  // The deploying site lists the origin in its index.html, and lets its policy connect there.
  await page.route((url) => url.pathname === '/' , async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<head>', `<head><meta name="interview-cards-deck-origins" content="${FOREIGN}">`)
      .replace("connect-src 'self'", `connect-src 'self' ${FOREIGN}`);
    await route.fulfill({ response, body: html });
  });
  await page.goto(`./?deck=${FOREIGN}/deck.json`);
  await ready(page);
  await expect(page.getByTestId('deck-origin')).toHaveText(`A deck from ${FOREIGN}, not from this site.`);
  await expect(page.locator('#card-question')).toHaveText('Foreign question?');
  await page.locator('#primary-action').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':progress')).sort()))
    .toEqual(['interview-cards:backend-interview:progress', 'interview-cards:backend-interview~http-decks.example.test:progress']);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('interview-cards:backend-interview:progress')))).toEqual(own);
  expect(errors).toEqual([]);
});

test('a same-origin URL that redirects to another origin does not load its deck', async ({ page }) => {
  // (Through Playwright's routing the browser's fetch fails at the cross-origin redirect, so
  // this shows the deck refused, not which of the two checks refused it.)
  await serveForeignDeck(page);
  await page.route('**/go/deck.json', (route) => route.fulfill({ status: 302, headers: { location: `${FOREIGN}/deck.json` } }));
  await openBare(page, './?deck=go/deck.json');
  await expect(page.getByTestId('deck-error')).toBeVisible();
  await expect(page.getByText('Foreign question?')).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':progress')))).toEqual([]);
});

test('a body over the limit is stopped while it streams, with no Content-Length to go by', async ({ page, request }) => {
  const started = Date.now();
  await openBare(page, './?deck=/__stream-large');
  await expect(page.getByTestId('deck-error')).toContainText('larger than the 5 MB limit');
  expect(Date.now() - started).toBeLessThan(10_000);
  // The download was cancelled well before the server's 20 MB.
  await expect.poll(async () => Number(await (await request.get('/__stream-sent')).text())).toBeLessThan(12 * 1024 * 1024);
});

test('a server that never answers times out with a clear message', async ({ page }) => {
  await page.clock.install({ time: new Date('2027-06-07T09:00:00Z') });
  await page.route('**/slow/deck.json', () => {});
  const asked = page.waitForRequest('**/slow/deck.json');
  await openBare(page, './?deck=slow/deck.json');
  await expect(page.getByText('Loading the deck')).toBeVisible();
  // The deck is asked for once the importer's chunk has arrived, and its 15 seconds start then:
  // the fake clock runs on only after that (before, it could run out first and stop).
  await asked;
  await page.clock.runFor(16_000);
  await expect(page.getByTestId('deck-error')).toContainText('did not arrive within 15 seconds');
});

test('an HTML page served with status 200 is not taken for a deck', async ({ page }) => {
  await page.route('**/moved/deck.json', (route) => route.fulfill({
    status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html><body>Page not found</body></html>',
  }));
  await openBare(page, './?deck=moved/deck.json');
  await expect(page.getByTestId('deck-error')).toContainText('gave a web page, not a deck');
});

// A same-origin address is no proof of whose deck it is (every project of a GitHub Pages account
// shares one origin): a `?deck=` deck is shown as a deck from an address and saved apart, even
// with the bank's id, unless it is the bank itself, by content.
const planted = JSON.stringify({
  format: 1, id: 'backend-interview', title: 'Backend developer interview questions', topics: [{ id: 'http', name: 'HTTP' }],
  cards: [{ id: 'http-url-to-page', topic: 'http', difficulty: 'easy', question: 'Planted question?', answer: 'Planted answer.' }],
});

test('a same-origin ?deck= with the bank\'s id is labelled and never writes into the bank\'s progress', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/__blank');
  await page.evaluate(() => localStorage.clear());
  const bank = { format: 5, deck: 'backend-interview', cards: { 'http-url-to-page': { last_seen: 1, views: 1, log: [{ rating: 'Good', at: 1 }] } } };
  await page.evaluate((p) => localStorage.setItem('interview-cards:backend-interview:progress', JSON.stringify(p)), bank);
  const before = await page.evaluate(() => localStorage.getItem('interview-cards:backend-interview:progress'));
  await page.route((url) => url.pathname === '/other-project/deck.json', (route) => route.fulfill({ contentType: 'application/json', body: planted }));
  await page.goto('./?deck=/other-project/deck.json');
  await ready(page);
  await expect(page.locator('#card-question')).toHaveText('Planted question?');
  await page.locator('#primary-action').click();
  await page.getByRole('button', { name: /^Again/ }).click();
  await expect.poll(() => page.evaluate(() => Object.values(localStorage).some((v) => v.includes('"Again"')))).toBe(true);
  expect(await page.evaluate(() => localStorage.getItem('interview-cards:backend-interview:progress'))).toBe(before);
  await expect(page.getByTestId('deck-origin')).toHaveText('A deck from the address /other-project/deck.json: its progress is kept apart from this site\'s decks.');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':progress')).sort()))
    .toEqual(['interview-cards:backend-interview:progress', 'interview-cards:backend-interview~_other-project_deck.json:progress']);
  expect(errors).toEqual([]);
});

test('the bank itself at an address (dist/deck.json) is the bank: unlabelled, its progress shared', async ({ page }) => {
  const errors = watchErrors(page);
  await openFresh(page, './?deck=deck.json');
  await expect(page.locator('h1')).toHaveText('Backend developer interview questions');
  await expect(page.getByTestId('deck-origin')).toHaveCount(0);
  await page.locator('#primary-action').click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':progress'))))
    .toEqual(['interview-cards:backend-interview:progress']);
  // One answer changed is another deck.
  const changed = JSON.parse(await (await page.request.get('/deck.json')).text());
  changed.cards[0].answer += ' (changed)';
  await page.route((url) => url.pathname === '/changed/deck.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(changed) }));
  await page.goto('./?deck=changed/deck.json');
  await ready(page);
  await expect(page.getByTestId('deck-origin')).toContainText('A deck from the address /changed/deck.json');
  expect(errors).toEqual([]);
});

test('a deck the page itself names (<meta name="interview-cards-deck">) is the site\'s own: unlabelled, under its own id', async ({ page }) => {
  const errors = watchErrors(page);
  const seen = [];
  page.on('request', (r) => seen.push(new URL(r.url()).pathname));
  await page.route((url) => url.pathname === '/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</head>', '<meta name="interview-cards-deck" content="examples/decks/sql-basics.json"></head>');
    await route.fulfill({ response, body: html });
  });
  await openFresh(page, './');
  await expect(page.locator('h1')).toHaveText('SQL basics (example deck)');
  await expect(page.getByTestId('deck-origin')).toHaveCount(0);
  await page.locator('#primary-action').click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':progress'))))
    .toEqual(['interview-cards:sql-basics:progress']);
  expect(seen.filter((p) => /bank-/.test(p))).toEqual([]);
  expect(errors).toEqual([]);
});
