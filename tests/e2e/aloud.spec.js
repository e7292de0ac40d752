// "Answer aloud" with Chromium's fake microphone (a separate file: the launch flags need their
// own browser): a recording plays back beside the model answer and goes with the question.
const { test, expect } = require('@playwright/test');
const { expectNoAxeViolations, startMock, watchErrors } = require('./helpers');

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

test('an answer recorded aloud plays back beside the model answer, and goes with the question', async ({ page }) => {
  const errors = watchErrors(page);
  // Keep a handle on the microphone streams the widget opens, to see them released.
  await page.addInitScript(() => {
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    window.__streams = [];
    navigator.mediaDevices.getUserMedia = async (c) => {
      const stream = await original(c);
      window.__streams.push(stream);
      return stream;
    };
  });
  await startMock(page);
  await page.getByTestId('record').click();
  await expect(page.getByTestId('recording')).toHaveText('● Recording');
  await page.waitForTimeout(1200);
  await page.getByRole('button', { name: 'Reveal the answer' }).click();
  const playback = page.getByTestId('playback');
  await expect(playback).toContainText('Your recorded answer');
  const audio = playback.locator('audio');
  await expect(audio).toHaveAttribute('src', /^blob:/);
  // The recording holds sound: the browser can read its length.
  await expect.poll(() => audio.evaluate((a) => new Promise((resolve) => {
    if (a.readyState >= 1) resolve(a.duration > 0);
    else a.addEventListener('loadedmetadata', () => resolve(a.duration > 0), { once: true });
  }))).toBe(true);
  // The microphone is released once recording stops.
  expect(await page.evaluate(() => window.__streams.flatMap((s) => s.getTracks()).map((t) => t.readyState))).toEqual(['ended']);
  await expectNoAxeViolations(page, 'mock answer with a recording');
  await page.getByRole('button', { name: /^Good \(key 3\)/ }).click();
  await expect(page.getByTestId('playback')).toHaveCount(0);
  await expect(page.getByTestId('record')).toBeVisible();
  expect(errors).toEqual([]);
});
