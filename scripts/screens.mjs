// Screenshots of every view at 360, 768 and 1280 px wide, light and dark, into docs/screens/
// (and the README's docs/screenshot.png), from the release build in dist/. Not part of the test
// command: run it after `trunk build --release` when the look changes, and look at the pictures.
//   node scripts/screens.mjs            # every view, every width, both schemes
//   ONLY=stats node scripts/screens.mjs # views whose name contains "stats"
// Needs playwright-core (package.json) and Debian's Chromium (CHROMIUM_PATH to use another).
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdir, copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { progressWith, random, DAY } = require('../tests/e2e/reviews.js');
const deck = require('../data/deck.json');

const port = 4199;
const base = `http://127.0.0.1:${port}/`;
const out = 'docs/screens';
const widths = { 360: 740, 768: 1024, 1280: 800 };
// A fixed moment, so the chart's dates and every "due" are the same on each run.
const NOW = Date.UTC(2027, 2, 15, 10, 0, 0);
const KEY = 'interview-cards:backend-interview:progress';

/** A learner with a month of reviews: most days some, a few days none. */
function history() {
  const next = random(26);
  const ids = deck.cards.map((c) => c.id);
  const histories = {};
  for (let ago = 29; ago >= 0; ago -= 1) {
    const count = next() < 0.2 ? 0 : Math.floor(next() * 14) + 1;
    for (let i = 0; i < count; i += 1) {
      const id = ids[Math.floor(next() * 60)];
      (histories[id] ??= []).push({ rating: ['Again', 'Hard', 'Good', 'Easy'][Math.floor(next() * 4)],
        at: NOW - ago * DAY - 3_600_000 * (1 + Math.floor(next() * 8)) });
    }
  }
  for (const log of Object.values(histories)) log.sort((a, b) => a.at - b.at);
  return progressWith('backend-interview', histories, true);
}

/** Each view: how to reach it from a fresh page. */
const views = [
  ['practice-front', async () => {}],
  ['practice-back', async (page) => { await page.keyboard.press('Space'); }],
  ['mock-setup', async (page) => { await page.getByRole('button', { name: 'Mock interview' }).click(); }],
  ['mock-question', async (page) => {
    await page.getByRole('button', { name: 'Mock interview' }).click();
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await page.getByRole('button', { name: 'Reveal the answer' }).waitFor();
  }],
  ['mock-answer', async (page) => {
    await page.getByRole('button', { name: 'Mock interview' }).click();
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await page.getByRole('button', { name: 'Reveal the answer' }).click();
  }],
  ['mock-summary', async (page) => {
    await page.getByRole('button', { name: 'Mock interview' }).click();
    await page.getByLabel('Questions', { exact: true }).selectOption('3');
    await page.getByRole('button', { name: 'Start the interview' }).click();
    for (const grade of ['Again', 'Good', 'Hard']) {
      await page.getByRole('button', { name: 'Reveal the answer' }).click();
      await page.getByRole('button', { name: new RegExp(`^${grade} \\(key`) }).click();
    }
    await page.getByTestId('mock-summary').waitFor();
  }],
  ['stats', async (page) => {
    await page.getByRole('button', { name: 'Stats', exact: true }).click();
    await page.getByTestId('stats-headline').waitFor();
  }],
  ['help', async (page) => {
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
  }],
];

const server = spawn(process.execPath, ['tests/e2e/serve.mjs', String(port), '/=dist'], { stdio: 'ignore' });
try {
  for (let i = 0; ; i += 1) {
    if (await fetch(`${base}__hits`).then((r) => r.ok, () => false)) break;
    if (i > 100) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  await mkdir(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const progress = JSON.stringify(history());
  const only = process.env.ONLY ?? '';
  for (const [width, height] of Object.entries(widths)) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({
        viewport: { width: Number(width), height }, colorScheme: scheme, reducedMotion: 'reduce',
        serviceWorkers: 'block',
      });
      for (const [name, reach] of views) {
        if (!name.includes(only)) continue;
        const page = await context.newPage();
        await page.clock.setFixedTime(NOW);
        await page.goto(`${base}__blank`);
        await page.evaluate(([key, value]) => { localStorage.clear(); localStorage.setItem(key, value); },
          [KEY, progress]);
        // The mock interview's pick follows the clock: fixed, it picks the same questions.
        await page.goto(base);
        await page.locator('.app[data-ready]').waitFor({ state: 'attached' });
        await reach(page);
        await page.evaluate(() => document.fonts.ready);
        const file = `${out}/${name}-${width}-${scheme}.png`;
        // The first screen, as a learner sees it (the practice view's bar sticks to the
        // bottom of the screen on a phone); the long views whole.
        await page.screenshot({ path: file, fullPage: /stats|summary|help/.test(name) });
        await page.close();
        console.log(file);
      }
      await context.close();
    }
  }
  await browser.close();
  if (!only) {
    await copyFile(`${out}/practice-back-768-light.png`, 'docs/screenshot.png');
    console.log('docs/screenshot.png');
  }
} finally {
  server.kill();
}
