// The SCORM 1.2 package (scripts/scorm.sh) driven by a real LMS-side runtime, scorm-again, in a
// host page: launch, grade, status and score, suspend data that fits (and what does not), resume
// in a browser that kept nothing and in the same one with each review once, and a broken or
// absent API handled with nothing lost locally. The encoding itself is host-tested
// (tests/scorm.rs, tests/progress_props.rs).
const { test, expect } = require('@playwright/test');
const { execFileSync } = require('node:child_process');
const { mkdtempSync, readFileSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { synthReviews, progressWith } = require('./reviews');
const { serve } = require('./helpers');
const deck = require('../../data/deck.json');

const port = 4195;
const base = `http://127.0.0.1:${port}`;
let server;
let out;
let slow;

test.beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'ic-scorm-'));
  execFileSync(process.execPath, ['scripts/scorm.mjs', '--out', join(out, 'interview-cards-scorm.zip'), '--commit-every', '0'], { stdio: 'pipe' });
  // The same, committing at most every 5 seconds.
  slow = mkdtempSync(join(tmpdir(), 'ic-scorm-slow-'));
  execFileSync(process.execPath, ['scripts/scorm.mjs', '--out', join(slow, 'slow.zip'), '--commit-every', '5'], { stdio: 'pipe' });
  ({ server } = await serve(port, '/lms/=tests/e2e/lms', '/scorm-again/=node_modules/scorm-again/dist',
    `/course/=${join(out, 'interview-cards-scorm')}`, `/slow/=${join(slow, 'slow')}`));
});
test.afterAll(() => server?.kill());

/** Opens the host page fresh or as it is, and returns the course frame once its widget is ready. */
async function launch(page, query = '') {
  await page.goto(`${base}/lms/host.html${query}`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.app[data-ready]')).toBeAttached();
  return frame;
}
const cmi = (page) => page.evaluate(() => ({
  status: window.lms.api.cmi.core.lesson_status, raw: window.lms.api.cmi.core.score.raw,
  min: window.lms.api.cmi.core.score.min, max: window.lms.api.cmi.core.score.max,
  suspend: window.lms.api.cmi.suspend_data, commits: window.lms.commits,
}));
/** This learner's progress as the widget holds it: its saved value and recent changes, each
 * card's log united (reviews told apart by time and rating). */
const courseStorage = (page, learner = 'lms-') => page.evaluate((prefix) => {
  const keys = Object.keys(localStorage).filter((k) => k.startsWith(`interview-cards:${prefix}`) && /:backend-interview:progress(:recent)?$/.test(k));
  const cards = {};
  for (const key of keys) {
    for (const [id, card] of Object.entries(JSON.parse(localStorage.getItem(key)).cards)) {
      const into = (cards[id] ??= { ...card, log: [] });
      for (const r of card.log ?? []) if (!into.log.some((l) => l.at === r.at && l.rating === r.rating)) into.log.push(r);
      if (card.memory) into.memory = card.memory;
    }
  }
  return keys.length ? { keys, cards } : null;
}, learner);
const kept = (page, learner = 'learner-1') => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), `lms-cmi:${learner}`);

test('the package holds a manifest, the build and the launch page', async () => {
  const zip = readFileSync(join(out, 'interview-cards-scorm.zip'));
  expect(zip.subarray(0, 4).toString('hex')).toBe('504b0304');
  const manifest = readFileSync(join(out, 'interview-cards-scorm', 'imsmanifest.xml'), 'utf8');
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest).toContain('adlcp:scormtype="sco" href="scorm.html"');
  for (const f of ['scorm.html', 'scorm.js', 'scorm-config.js', 'embed.js']) {
    expect(manifest).toContain(`<file href="${f}"/>`);
    expect(zip.includes(Buffer.from(f))).toBe(true);
  }
  expect(manifest).not.toContain('sw.js');
});

test('presets take comma-separated lists, as the URL does, and count the cards they show', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ic-scorm-presets-'));
  execFileSync(process.execPath, ['scripts/scorm.mjs', '--out', join(dir, 'p.zip'), '--topic', 'http,api', '--difficulty', 'easy,hard'], { stdio: 'pipe' });
  const config = readFileSync(join(dir, 'p', 'scorm-config.js'), 'utf8');
  const counted = JSON.parse(config.slice(config.indexOf('{'), config.lastIndexOf('}') + 1)).counted;
  const expected = deck.cards.filter((c) => ['http', 'api'].includes(c.topic) && ['easy', 'hard'].includes(c.difficulty)).map((c) => c.id);
  expect(expected.length).toBeGreaterThan(5);
  expect(counted).toEqual(expected);
  expect(readFileSync(join(dir, 'p', 'imsmanifest.xml'), 'utf8')).toContain('href="scorm.html?topic=http%2Capi&amp;difficulty=easy%2Chard"');
  // The authoring page is not part of a package.
  expect(readFileSync(join(dir, 'p', 'imsmanifest.xml'), 'utf8')).not.toContain('editor');
});

test('launched by the platform: grades report a score, progress resumes from suspend data', async ({ page }) => {
  await page.goto(`${base}/__blank`);
  await page.evaluate(() => localStorage.clear());
  let frame = await launch(page);
  await expect.poll(async () => (await cmi(page)).status).toBe('incomplete');
  expect(await cmi(page)).toMatchObject({ raw: '0', min: '0', max: '100' });
  // Three cards graded Good.
  for (let i = 0; i < 3; i += 1) {
    await frame.locator('#primary-action').click();
    await frame.getByRole('button', { name: /^Good/ }).click();
  }
  await expect.poll(async () => (await cmi(page)).raw).toBe(String(Math.round(300 / deck.cards.length)));
  const after = await cmi(page);
  expect(after.suspend).toMatch(/^ic2\./);
  expect(after.commits).toBeGreaterThan(0);
  await expect.poll(async () => Object.values((await courseStorage(page))?.cards ?? {}).flatMap((c) => c.log ?? []).length).toBe(3);
  const made = Object.values((await courseStorage(page)).cards).flatMap((c) => c.log ?? []).map((r) => r.at).sort();

  // Leaving the page finishes the attempt; another browser (nothing kept locally) resumes it.
  await page.goto(`${base}/__blank`);
  const attempt = await kept(page);
  expect(attempt).toMatchObject({ exit: 'suspend', lesson_status: 'incomplete' });
  expect(attempt.session_time).toMatch(/^\d\d:\d\d:\d\d$/);
  // Kept under this learner's own key.
  const keys = (await courseStorage(page)).keys;
  expect(keys.every((k) => /^interview-cards:lms-[0-9a-f]{8}:backend-interview:progress/.test(k))).toBe(true);
  await page.evaluate((all) => all.forEach((k) => localStorage.removeItem(k)), keys);
  frame = await launch(page);
  // (The platform's copy is taken in once the SCORM chunk has arrived, then saved here.)
  await expect.poll(async () => Object.values((await courseStorage(page))?.cards ?? {}).flatMap((c) => c.log ?? []).length).toBe(3);
  const restored = await courseStorage(page);
  const reviews = Object.values(restored.cards).flatMap((c) => c.log ?? []);
  expect(reviews).toHaveLength(3);
  expect(reviews.every((r) => r.rating === 'Good')).toBe(true);
  expect(reviews.map((r) => r.at).sort(), 'each review at the millisecond it was made').toEqual(made);
  expect(Object.values(restored.cards).filter((c) => c.memory)).toHaveLength(3);
  await frame.getByRole('button', { name: 'Stats', exact: true }).click();
  await expect(frame.getByTestId('stats-headline')).toContainText('3 reviews today');
  await expect.poll(async () => (await cmi(page)).raw).toBe(String(Math.round(300 / deck.cards.length)));
  // That browser again: the platform's copy joins its own without doubling a review (the
  // first browser's case is the next test).
  await page.goto(`${base}/__blank`);
  frame = await launch(page);
  await frame.getByRole('button', { name: 'Stats', exact: true }).click();
  await expect(frame.getByTestId('stats-headline')).toContainText('3 reviews today');
  const again = await courseStorage(page);
  expect(Object.values(again.cards).flatMap((c) => c.log ?? [])).toHaveLength(3);
});

test('a learner who resumes in the same browser has each earlier review once', async ({ page }) => {
  // Three grades, the course closed, then opened again in this same browser: the platform
  // hands back its suspend data, and this browser still holds the three reviews it made.
  await page.goto(`${base}/__blank`);
  await page.evaluate(() => localStorage.clear());
  let frame = await launch(page);
  for (let i = 0; i < 3; i += 1) {
    await frame.locator('#primary-action').click();
    await frame.getByRole('button', { name: /^Good/ }).click();
  }
  await expect.poll(async () => (await cmi(page)).raw).toBe(String(Math.round(300 / deck.cards.length)));
  const times = async () => Object.values((await courseStorage(page))?.cards ?? {}).flatMap((c) => c.log ?? []).map((r) => r.at).sort();
  // Saved in this browser (under the key's Web Lock, a moment after the grade).
  await expect.poll(times).toHaveLength(3);
  const made = await times();
  await page.goto(`${base}/__blank`);
  expect((await kept(page)).suspend_data).toMatch(/^ic/);
  frame = await launch(page);
  await frame.getByRole('button', { name: 'Stats', exact: true }).click();
  await expect(frame.getByTestId('stats-headline')).toContainText('3 reviews today');
  expect(await times(), 'each review once, at the time it was made').toEqual(made);
  await expect.poll(async () => (await cmi(page)).raw).toBe(String(Math.round(300 / deck.cards.length)));
});

test('commits are throttled, and the grades in between are committed when the interval is up', async ({ page }) => {
  await page.goto(`${base}/__blank`);
  await page.evaluate(() => localStorage.clear());
  const frame = await launch(page, '?course=/slow/');
  await expect.poll(async () => (await cmi(page)).commits).toBe(1);
  for (let i = 0; i < 2; i += 1) {
    await frame.locator('#primary-action').click();
    await frame.getByRole('button', { name: /^Good/ }).click();
  }
  await page.waitForTimeout(300);
  expect((await cmi(page)).commits, 'within the interval: not yet').toBe(1);
  await expect.poll(async () => (await cmi(page)).commits, { timeout: 8000 }).toBe(2);
  expect((await kept(page)).score).toBe(String(Math.round(200 / deck.cards.length)));
});

test('every card reviewed completes the activity; 110 cards with history fit the suspend data with room to spare', async ({ page }) => {
  const ids = deck.cards.map((c) => c.id);
  const progress = progressWith('backend-interview', synthReviews(ids, 880), true);
  await page.goto(`${base}/__blank`);
  // Seeded as this browser's progress for learner-1 (its key is the widget's instance for them).
  await page.evaluate(() => localStorage.clear());
  await launch(page);
  const key = (await page.frameLocator('iframe').locator('body').evaluate(() => window.interviewCardsScormState)).key;
  await page.evaluate(([k, value]) => { localStorage.clear(); localStorage.setItem(k, value); }, [key, JSON.stringify(progress)]);
  await launch(page);
  await expect.poll(async () => (await cmi(page)).status).toBe('completed');
  const state = await cmi(page);
  expect(state.raw).toBe('100');
  expect(state.suspend.length).toBeLessThanOrEqual(3800);
  const coverage = await page.frameLocator('iframe').locator('body').evaluate(() => window.interviewCardsScormState);
  expect(coverage).toMatchObject({ dropped_cards: 0, connected: true, length: state.suspend.length });
  expect(coverage.dropped_reviews).toBeGreaterThan(0);
  // A browser that kept nothing resumes with every memory and the newest reviews that fit.
  await page.goto(`${base}/__blank`);
  await page.evaluate((k) => { localStorage.removeItem(k); localStorage.removeItem(`${k}:recent`); }, key);
  await launch(page);
  await expect.poll(async () => Object.values((await courseStorage(page))?.cards ?? {}).filter((c) => c.memory).length).toBe(110);
  const restored = await courseStorage(page);
  const reviews = Object.values(restored.cards).flatMap((c) => c.log ?? []);
  expect(reviews).toHaveLength(880 - coverage.dropped_reviews);
  expect(reviews.length).toBeGreaterThan(100);
  const original = progress.cards[ids[0]].memory;
  const back = restored.cards[ids[0]].memory;
  expect(back.last).toBe(original.last);
  expect(back.stab).toBeLessThanOrEqual(original.stab);
  expect(back.stab).toBeGreaterThan(original.stab * (1 - 1 / 128));
  await expect.poll(async () => (await cmi(page)).status).toBe('completed');
});

test('a deck too large for the platform to keep every memory keeps the first cards\' and says so', async ({ page }) => {
  // 330 cards (the bank three times over), each with a memory: more than 4,096 characters hold.
  const big = { ...deck, id: 'big-course', cards: [0, 1, 2].flatMap((n) => deck.cards.map((c) => ({ ...c, id: `${c.id}-${n}` }))) };
  const dir = mkdtempSync(join(tmpdir(), 'ic-scorm-big-'));
  writeFileSync(join(dir, 'big.json'), JSON.stringify(big));
  execFileSync(process.execPath, ['scripts/scorm.mjs', '--deck', join(dir, 'big.json'), '--out', join(dir, 'big.zip'), '--commit-every', '0'], { stdio: 'pipe' });
  const { server: bigServer } = await serve(port + 1, '/lms/=tests/e2e/lms', '/scorm-again/=node_modules/scorm-again/dist', `/big/=${join(dir, 'big')}`);
  try {
    const at = `http://127.0.0.1:${port + 1}`;
    await page.goto(`${at}/__blank`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${at}/lms/host.html?course=/big/`);
    await expect(page.frameLocator('iframe').locator('.app[data-ready]')).toBeAttached();
    const key = (await page.frameLocator('iframe').locator('body').evaluate(() => window.interviewCardsScormState)).key;
    const progress = progressWith('big-course', synthReviews(big.cards.map((c) => c.id), 660), true);
    await page.evaluate(([k, value]) => { localStorage.clear(); localStorage.setItem(k, value); }, [key, JSON.stringify(progress)]);
    await page.goto(`${at}/lms/host.html?course=/big/`);
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('#scorm-notice')).toHaveText(/too large for the course platform to keep all of it: \d+ cards' progress is kept only in this browser/);
    const state = await frame.locator('body').evaluate(() => window.interviewCardsScormState);
    expect(state.dropped_cards).toBeGreaterThan(100);
    const suspend = await page.evaluate(() => window.lms.api.cmi.suspend_data);
    expect(suspend.length).toBe(state.length);
    expect(suspend.length).toBeLessThanOrEqual(3800);
  } finally {
    bigServer.kill();
  }
});

test('a platform API that refuses to start is explained, and progress stays in this browser', async ({ page }) => {
  await page.goto(`${base}/__blank`);
  await page.evaluate(() => localStorage.clear());
  const frame = await launch(page, '?api=broken');
  await expect(frame.locator('#scorm-notice')).toHaveText(/did not accept this activity \(SCORM error 101\)\. Your progress is still saved in this browser/);
  await frame.locator('#primary-action').click();
  await frame.getByRole('button', { name: /^Good/ }).click();
  await expect.poll(async () => Object.values((await courseStorage(page, ''))?.cards ?? {}).flatMap((c) => c.log ?? []).length).toBe(1);
});

test('with no platform the package is the normal widget', async ({ page }) => {
  await page.goto(`${base}/__blank`);
  await page.evaluate(() => localStorage.clear());
  const frame = await launch(page, '?api=none');
  await expect(frame.locator('#scorm-notice')).toBeHidden();
  await frame.locator('#primary-action').click();
  await frame.getByRole('button', { name: /^Good/ }).click();
  await expect.poll(async () => Object.values((await courseStorage(page, ''))?.cards ?? {}).flatMap((c) => c.log ?? []).length).toBe(1);
  expect(await kept(page)).toBeNull();
});

test('suspend data this package cannot use is left with the platform untouched', async ({ page }) => {
  await page.goto(`${base}/__blank`);
  const foreign = 'ic1.AAAAAA.ByH36..AAggOOAAAAADKgACAAA.AAAAAAC';
  await page.evaluate((text) => {
    localStorage.clear();
    localStorage.setItem('lms-cmi:learner-1', JSON.stringify({ suspend_data: text, lesson_status: 'completed' }));
  }, foreign);
  const frame = await launch(page);
  await expect(frame.locator('#scorm-notice')).toHaveText(/could not be used \(it was saved for another version of this deck\); it is left as it was there/);
  await frame.locator('#primary-action').click();
  await frame.getByRole('button', { name: /^Good/ }).click();
  await expect.poll(async () => (await cmi(page)).raw).toBe(String(Math.round(100 / deck.cards.length)));
  const state = await cmi(page);
  expect(state.suspend).toBe(foreign);
  expect(state.status, 'a finished course stays finished').toBe('completed');
});

test('two learners on one computer never see each other\'s progress', async ({ page }) => {
  await page.goto(`${base}/__blank`);
  await page.evaluate(() => localStorage.clear());
  let frame = await launch(page, '?learner=ana');
  await frame.locator('#primary-action').click();
  await frame.getByRole('button', { name: /^Good/ }).click();
  await expect.poll(async () => (await cmi(page)).raw).toBe(String(Math.round(100 / deck.cards.length)));
  frame = await launch(page, '?learner=ben');
  await expect.poll(async () => (await cmi(page)).status).toBe('incomplete');
  expect((await cmi(page)).raw).toBe('0');
  await frame.getByRole('button', { name: 'Stats', exact: true }).click();
  await expect(frame.getByTestId('stats-headline')).toContainText('0 reviews today');
});
