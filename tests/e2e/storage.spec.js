// Progress is never lost: each storage failure mode driven for real in Chromium, ending with
// nothing lost and a visible message.
const { test, expect } = require('@playwright/test');
const { expectNoAxeViolations, openFresh, ready, watchErrors } = require('./helpers');

const KEY = 'interview-cards:backend-interview:progress';
const stored = page => page.evaluate(k => localStorage.getItem(k), KEY);
const gradeCurrent = async (page, key = '3') => {
  await ready(page);
  await page.locator('#primary-action').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press(key);
};

test('damaged progress: readable entries are kept, the original is backed up and downloadable', async ({ page }) => {
  // Storage is written from a page that runs no widget (a running one would save over it).
  await page.goto('/__blank');
  // One good entry, one of the wrong shape: the whole value no longer parses.
  const damaged = JSON.stringify({ format: 2, deck: 'backend-interview', cards: {
    'http-cors': { last_seen: 1, views: 1, log: [{ rating: 'Good', at: 1700000000000 }],
                   memory: { stab: 3, diff: 5, due: 1700259200000, last: 1700000000000, reps: 1, lapses: 0 } },
    'http-methods': { views: 'many' } } });
  await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [KEY, damaged]);
  await page.goto('./');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('could not be read');
  await expect(notice).toContainText('1 card entries were recovered and kept; 1 could not be read');
  await expect(notice).not.toContainText('starts fresh');
  const backups = await page.evaluate(() => Object.keys(localStorage).filter(k => k.includes(':backup:')).map(k => localStorage.getItem(k)));
  expect(backups).toEqual([damaged]);
  // The recovered review is still there after the next save.
  await page.keyboard.press('t');
  await expect(page.getByTestId('storage-status')).toContainText('(1 review)');
  await page.keyboard.press('p');
  await gradeCurrent(page);
  await expect.poll(async () => Object.values(JSON.parse(await stored(page)).cards).filter(c => c.log).length).toBe(2);
  expect(JSON.parse(await stored(page)).cards['http-cors'].log).toHaveLength(1);
  // The copy is listed under Your data, can be downloaded, and deleted.
  await page.keyboard.press('t');
  const list = page.getByTestId('backups');
  await expect(list.locator('li')).toHaveCount(1);
  const download = page.waitForEvent('download');
  await list.getByRole('button', { name: /^Download the copy/ }).click();
  expect((await download).suggestedFilename()).toBe('interview-cards-damaged-progress.json');
  await expectNoAxeViolations(page, 'backups');
  await list.getByRole('button', { name: /^Delete the copy/ }).click();
  await expect(page.getByTestId('backups')).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter(k => k.includes(':backup:')))).toEqual([]);
});

test('progress from a newer version is left untouched and the app works in memory', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/__blank');
  const future = JSON.stringify({ format: 99, deck: 'backend-interview', cards: {}, something: 'new' });
  await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [KEY, future]);
  await page.goto('./');
  await expect(page.getByTestId('notice')).toContainText('newer than this app');
  await gradeCurrent(page);
  // The study session (the default): the graded card leaves today's queue of 20.
  await expect(page.getByTestId('position')).toHaveText('1 / 19');
  expect(await stored(page)).toBe(future);
  await expectNoAxeViolations(page, 'error notice');
  expect(errors).toEqual([]);
});

test('storage that throws on access: the app works in memory, says so, and offers export', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await page.goto('./');
  await ready(page);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('will not be kept');
  await expect(notice).toContainText('SecurityError');
  await gradeCurrent(page);
  // The study session (the default): the graded card leaves today's queue of 20.
  await expect(page.getByTestId('position')).toHaveText('1 / 19');
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Export progress' }).click();
  const file = await download;
  const exported = JSON.parse(await (await file.createReadStream()).toArray().then(c => Buffer.concat(c).toString()));
  expect(Object.values(exported.cards).filter(c => c.log)).toHaveLength(1);
});

test('a full quota trims old log entries and saves; a hard quota error keeps working in memory', async ({ page }) => {
  await page.goto('/__blank');
  // A card with 40 old reviews, and a quota of exactly what is stored now.
  const old = Date.parse('2025-01-01T00:00:00Z');
  const log = Array.from({ length: 40 }, (_, i) => ({ rating: 'Good', at: old + i * 86400000 }));
  const progress = { format: 2, deck: 'backend-interview', cards: { 'http-cors': { last_seen: old, views: 40, log,
    memory: { stab: 30, diff: 5, due: old + 41 * 86400000, last: old + 39 * 86400000, reps: 40, lapses: 0 } } } };
  await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [KEY, JSON.stringify(progress)]);
  await page.addInitScript(k => {
    // Room for the first card's seen mark, not for a grade.
    const limit = localStorage.getItem(k).length + 100;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === k && value.length > limit) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  }, KEY);
  await page.goto('./');
  await gradeCurrent(page);
  await expect(page.getByTestId('notice')).toContainText('old review-log entries were trimmed');
  const saved = JSON.parse(await stored(page));
  expect(saved.cards['http-cors'].log.length).toBeLessThan(40);
  expect(saved.cards['http-cors'].memory.reps).toBe(40);
  expect(Object.values(saved.cards).filter(c => c.log).length).toBe(2);

  // Now every write fails: the learner is told, and keeps practising.
  await page.evaluate(() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; });
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
  await page.keyboard.press('p');
  await gradeCurrent(page);
  await expect(page.getByTestId('notice')).toContainText('storage is full');
});

test('two pages of the same origin grading at once lose neither review', async ({ context }) => {
  const a = await context.newPage();
  await openFresh(a);
  const b = await context.newPage();
  await b.goto('./');
  await ready(b);
  // Each page grades a different card.
  await b.keyboard.press('ArrowRight');
  await Promise.all([gradeCurrent(a, '3'), gradeCurrent(b, '4')]);
  await expect.poll(async () => {
    const saved = JSON.parse(await stored(a));
    return Object.values(saved.cards).filter(c => c.log).map(c => c.log[0].rating).sort();
  }).toEqual(['Easy', 'Good']);
  // Both pages see both reviews.
  for (const page of [a, b]) {
    await page.keyboard.press('t');
    await expect(page.getByTestId('stats-headline')).toContainText('2 reviews today');
  }
});

test('large progress: a grade writes only the recent changes, and two pages still share reviews', async ({ context }) => {
  // 2,500 entries of cards this deck no longer has (kept, as always): over the size at
  // which saves stop rewriting everything.
  const cards = Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`old-${i}`, { last_seen: 1, views: 1 }]));
  const big = JSON.stringify({ format: 2, deck: 'backend-interview', cards });
  const a = await context.newPage();
  await a.goto('/__blank');
  await a.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [KEY, big]);
  await a.goto('./');
  await gradeCurrent(a, '3');
  const recent = () => a.evaluate(k => JSON.parse(localStorage.getItem(`${k}:recent`) || '{"cards":{}}'), KEY);
  await expect.poll(async () => Object.values((await recent()).cards).filter(c => c.log).length).toBe(1);
  expect(await stored(a)).toBe(big);

  // A second page grades another card; each page sees the other's review.
  const b = await context.newPage();
  await b.goto('./');
  await ready(b);
  await b.keyboard.press('ArrowRight');
  await gradeCurrent(b, '4');
  for (const page of [a, b]) {
    await page.keyboard.press('t');
    await expect(page.getByTestId('stats-headline')).toContainText('2 reviews today');
  }
  // Both reviews are in storage, and survive a reload with nothing of the old entries lost.
  await expect.poll(async () => Object.values((await recent()).cards).filter(c => c.log).map(c => c.log[0].rating).sort())
    .toEqual(['Easy', 'Good']);
  await a.reload();
  await expect(a.getByTestId('storage-status')).toContainText('(2 reviews)');
  const all = await a.evaluate(k => ({ ...JSON.parse(localStorage.getItem(k)).cards, ...JSON.parse(localStorage.getItem(`${k}:recent`)).cards }), KEY);
  expect(Object.keys(all).filter(id => id.startsWith('old-'))).toHaveLength(2500);
});

test('import: a bad file is refused and changes nothing; a good one is previewed, then merged', async ({ page, context }) => {
  await openFresh(page);
  await gradeCurrent(page);
  await page.keyboard.press('t');
  await expect.poll(async () => Object.values(JSON.parse(await stored(page)).cards).filter(c => c.log).length).toBe(1);
  const before = await stored(page);

  const input = page.locator('#import-file');
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 2, "deck": ') });
  await expect(page.getByTestId('import-error')).toContainText('not Interview Cards progress');
  await input.setInputFiles({ name: 'other.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 2, deck: 'another-deck', cards: {} })) });
  await expect(page.getByTestId('import-error')).toContainText('"another-deck"');
  // Over the limit: refused by its size, before it is read.
  await input.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 32) });
  await expect(page.getByTestId('import-error')).toContainText('the file is 20.0 MB; progress files are at most 20 MB. Nothing was changed.');
  expect(await stored(page)).toBe(before);
  await expectNoAxeViolations(page, 'settings');

  // A file from another browser with a review of another card.
  const other = { format: 2, deck: 'backend-interview', cards: {
    'devops-kubernetes': { last_seen: 5, views: 1, log: [{ rating: 'Hard', at: Date.now() - 1000 }],
      memory: { stab: 2, diff: 6, due: Date.now() + 86400000, last: Date.now() - 1000, reps: 1, lapses: 0 } } } };
  await input.setInputFiles({ name: 'other-browser.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('Importing adds 1 review on 1 card (1 not seen in this browser before)');
  expect(await stored(page)).toBe(before);
  await preview.getByRole('button', { name: 'Merge into my progress' }).click();
  await expect(page.getByTestId('storage-status')).toContainText('(2 reviews)');
  await expect.poll(async () => JSON.parse(await stored(page)).cards['devops-kubernetes']?.log?.length).toBe(1);
  expect(Object.values(JSON.parse(await stored(page)).cards).filter(c => c.log)).toHaveLength(2);
});

test('reset asks first, clears the deck, can be undone, and a reset survives a reload', async ({ page }) => {
  await openFresh(page);
  await gradeCurrent(page);
  await page.keyboard.press('t');
  const status = page.getByTestId('storage-status');
  await expect(status).toContainText('(1 review)');
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByTestId('reset-confirm').getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toContainText('(1 review)');

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByTestId('reset-confirm').getByRole('button', { name: 'Reset' }).click();
  await expect(status).toContainText('(0 reviews)');
  await expect(page.getByTestId('stats-headline')).toContainText('0 reviews today');
  await page.getByRole('button', { name: 'Undo reset' }).click();
  await expect(status).toContainText('(1 review)');

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByTestId('reset-confirm').getByRole('button', { name: 'Reset' }).click();
  await expect(status).toContainText('(0 reviews)');
  await page.reload();
  await expect(page.getByTestId('storage-status')).toContainText('(0 reviews)');
  // Hidden, not deleted: the review is still in storage behind the reset mark.
  const saved = JSON.parse(await stored(page));
  expect(Object.values(saved.cards).filter(c => c.log)).toHaveLength(1);
  expect(saved.resets.filter(r => !r.undone)).toHaveLength(1);
});

test('two widget instances on one origin keep separate progress', async ({ context }) => {
  const a = await context.newPage();
  await openFresh(a, './?instance=lesson-1');
  await gradeCurrent(a);
  const b = await context.newPage();
  await b.goto('./?instance=lesson-2&view=stats');
  await expect(b.getByTestId('storage-status')).toContainText('(0 reviews)');
  await a.keyboard.press('t');
  await expect(a.getByTestId('storage-status')).toContainText('(1 review)');
  const keys = await a.evaluate(() => Object.keys(localStorage).sort());
  expect(keys).toEqual(['interview-cards:lesson-1:backend-interview:progress', 'interview-cards:lesson-2:backend-interview:progress']);
  // A malformed instance name is ignored (with a console warning), never a crash.
  const warnings = [];
  b.on('console', m => { if (m.type() === 'warning') warnings.push(m.text()); });
  await b.goto('./?instance=../../evil');
  await expect(b.locator('main.app')).toBeVisible();
  expect(warnings.join()).toContain('ignored malformed instance name');
});
