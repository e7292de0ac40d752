// A seeded random walk of 1,000 UI actions (keys, clicks, filter changes, grades, reloads,
// storage wipes). It fails on any panic, page error, console error, lost review, or a review
// count on screen that differs from what storage holds beyond its reset marks. The test
// command uses a fixed seed; WALK_SEED=random (or a number) explores others by hand:
// WALK_SEED=random npx playwright test walk.
const { test, expect } = require('@playwright/test');
const { openFresh, ready } = require('./helpers');
const { random: rng } = require('./reviews');

const KEY = 'interview-cards:backend-interview:progress';
const ACTIONS = Number(process.env.WALK_ACTIONS || 1000);
// The seed the test command walks: it grades a few hundred times.
const FIXED_SEED = 20261202;

test('a seeded random walk never panics, errors or loses a review', async ({ page }, testInfo) => {
  // A long walk by hand gets time to match: 1,000 actions take about 40 s here, 10,000 took
  // 15 minutes (the later steps are slower).
  test.setTimeout(Math.max(240_000, ACTIONS * 150));
  const asked = process.env.WALK_SEED;
  const seed = asked === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(asked || FIXED_SEED);
  console.log(`random walk seed: ${seed} (replay with WALK_SEED=${seed})`);
  testInfo.annotations.push({ type: 'seed', description: String(seed) });
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('dialog', (d) => d.dismiss());
  page.on('download', (d) => d.cancel());

  await openFresh(page);
  // Reviews in storage: the progress key merged with its recent changes (large progress).
  const reviews = () => page.evaluate((k) => {
    const seen = new Set();
    for (const key of [k, `${k}:recent`]) {
      const raw = localStorage.getItem(key);
      for (const [id, c] of Object.entries(raw ? JSON.parse(raw).cards : {})) {
        for (const r of c.log || []) seen.add(`${id} ${r.at} ${r.rating}`);
      }
    }
    return seen.size;
  }, KEY);
  // Reviews storage holds after the reset mark in force (what the learner should see).
  const visible = () => page.evaluate((k) => {
    const all = [k, `${k}:recent`].map((key) => localStorage.getItem(key)).filter(Boolean).map((raw) => JSON.parse(raw));
    const marks = all.flatMap((p) => p.resets || []);
    const undone = new Set(marks.filter((m) => m.undone).map((m) => m.at));
    const since = marks.filter((m) => !undone.has(m.at))
      .map((m) => Math.min(m.at, m.settled ?? Infinity)).reduce((a, b) => Math.max(a, b), -Infinity);
    const seen = new Set();
    for (const p of all) {
      for (const [id, c] of Object.entries(p.cards)) {
        // A grade taken back (undo) or given while cramming stays in the log, marked, and is
        // not counted as a review.
        for (const r of c.log || []) if (r.at > since && !r.undone && !r.practice) seen.add(`${id} ${r.at} ${r.rating}`);
      }
    }
    return seen.size;
  }, KEY);
  // The count "Your data" shows: what the widget holds in memory.
  const shown = async () => {
    const text = await page.getByTestId('storage-status').textContent();
    return Number(/\((\d+) reviews?\)/.exec(text)[1]);
  };
  let floor = 0;
  let most = 0;
  const keys = [' ', 'Enter', '1', '2', '3', '4', 'ArrowLeft', 'ArrowRight', '?', 'Escape', 'p', 'm', 't', '/', 'a', 'Tab'];
  const log = [];

  for (let i = 0; i < ACTIONS; i++) {
    const roll = random();
    let action;
    if (roll < 0.4) {
      // A grade as a learner would give one: to practice, flip, then 1–4 (when a card is there).
      const rating = pick(['1', '2', '3', '4']);
      action = `grade ${rating}`;
      await page.evaluate(() => document.activeElement?.blur());
      await page.keyboard.press('Escape');
      await page.keyboard.press('p');
      await page.keyboard.press('Space');
      await page.keyboard.press(rating);
    } else if (roll < 0.6) {
      action = `key ${JSON.stringify(pick(keys))}`;
      await page.keyboard.press(JSON.parse(action.slice(4)) === ' ' ? 'Space' : JSON.parse(action.slice(4)));
    } else if (roll < 0.85) {
      // Click a visible control (not file pickers or downloads).
      const buttons = page.locator('button:visible, summary:visible, input[type=checkbox]:visible');
      const n = await buttons.count();
      if (n > 0) {
        const index = Math.floor(random() * n);
        const target = buttons.nth(index);
        const name = ((await target.textContent().catch(() => '')) || (await target.getAttribute('id').catch(() => '')) || '').trim();
        if (/Export|Download/.test(name)) { action = `skip ${name}`; } else {
          action = `click ${name || index}`;
          await target.click({ timeout: 300 }).catch(() => {});
        }
      } else action = 'no controls';
    } else if (roll < 0.93) {
      const search = page.locator('input[type=search]:visible');
      const text = pick(['', 'cache', 'http', 'zzz-none', 'sql', 'idempot']);
      action = `search ${JSON.stringify(text)}`;
      if (await search.count()) await search.fill(text).catch(() => {});
    } else if (roll < 0.97) {
      action = 'reload';
      await page.reload();
      await ready(page);
    } else if (roll < 0.972) {
      // Site data cleared, then the page opened again.
      action = 'wipe storage';
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await ready(page);
      floor = 0;
    } else {
      // Checkpoint: what the widget shows equals what storage holds beyond its resets.
      action = 'check the review count';
      await page.evaluate(() => document.activeElement?.blur());
      await page.keyboard.press('Escape');
      await page.keyboard.press('t');
      await expect.poll(async () => (await shown()) === (await visible()), { timeout: 3000 })
        .toBe(true)
        .catch(async () => problems.push(`step ${i}: ${await shown()} reviews shown, ${await visible()} stored beyond resets`));
    }
    log.push(`${i}: ${action}`);
    if (i % 10 === 9 || action === 'reload') {
      const now = await reviews();
      if (now < floor) problems.push(`lost reviews after step ${i} (${action}): ${now} stored, ${floor} before`);
      floor = Math.max(floor, now);
      most = Math.max(most, now);
    }
    if (problems.length) break;
  }
  if (process.env.WALK_DEBUG) console.log(log.join('\n'));
  expect(problems, `seed ${seed}; last actions:\n${log.slice(-15).join('\n')}`).toEqual([]);
  // The walk did something: a good many reviews were saved.
  expect(most, 'reviews saved during the walk').toBeGreaterThan(asked ? 0 : 100);
  console.log(`random walk: ${ACTIONS} actions, up to ${most} reviews stored`);
});
