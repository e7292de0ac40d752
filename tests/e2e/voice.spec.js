// "Read the question aloud" in the mock interview: each question handed to the browser's
// speechSynthesis (stubbed here: the test hears what the widget asks it to say) in the page's
// language, a voice picker when there are several, hearing it again, remembered across reloads;
// a browser with no voice says so and the interview goes on.
const { test, expect } = require('@playwright/test');
const { expectNoAxeViolations, openFresh, ready, watchErrors } = require('./helpers');

/** A speechSynthesis that records what it is asked to say, with these voices. `announce`:
 * the voices arrive with a voiceschanged event, as in Chrome, not at once. */
function stubSpeech(page, voices, { announce = false, lang = 'en-GB' } = {}) {
  return page.addInitScript(([voices, announce, lang]) => {
    document.addEventListener('readystatechange', () => { document.documentElement.lang = lang; }, { once: true });
    window.__spoken = [];
    window.__cancelled = 0;
    let ready = !announce;
    class Utterance { constructor(text) { this.text = text; this.lang = ''; this.voice = null; } }
    const synth = new EventTarget();
    synth.getVoices = () => (ready ? voices.map((v) => ({ ...v, voiceURI: v.name, localService: true })) : []);
    synth.speak = (u) => window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null });
    synth.cancel = () => { window.__cancelled += 1; };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    if (announce) setTimeout(() => { ready = true; synth.dispatchEvent(new Event('voiceschanged')); }, 300);
  }, [voices, announce, lang]);
}

const VOICES = [
  { name: 'Alice', lang: 'en-US', default: true },
  { name: 'Bob', lang: 'en-GB', default: false },
  { name: 'Zed', lang: 'de-DE', default: false },
];
const spoken = (page) => page.evaluate(() => window.__spoken);

async function openMock(page) {
  await openFresh(page, './?topic=databases');
  await page.getByRole('button', { name: 'Mock interview' }).click();
}

test('off by default; on, each question is spoken in the page language, again on request, in the chosen voice', async ({ page }) => {
  const errors = watchErrors(page);
  await stubSpeech(page, VOICES, { announce: true });
  await openMock(page);
  const toggle = page.getByRole('checkbox', { name: 'Read the question aloud' });
  await expect(toggle).not.toBeChecked();
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expect(page.getByRole('button', { name: 'Reveal the answer' })).toBeVisible();
  await page.waitForTimeout(500);
  expect(await spoken(page)).toEqual([]);

  await page.getByRole('checkbox', { name: 'Read the question aloud' }).check();
  const question = await page.locator('#mock-question').textContent();
  // The page's lang (en-GB): its own voice is picked first, among the English ones only.
  await expect.poll(() => spoken(page)).toEqual([{ text: question, lang: 'en-GB', voice: 'Bob' }]);
  const picker = page.getByRole('combobox', { name: 'Voice' });
  await expect(picker.locator('option')).toHaveText(['Bob (en-GB)', 'Alice (en-US)']);
  await expectNoAxeViolations(page, 'mock question read aloud');
  await picker.selectOption({ label: 'Alice (en-US)' });
  await page.getByRole('button', { name: 'Hear the question again' }).click();
  await expect.poll(async () => (await spoken(page)).length).toBe(2);
  expect((await spoken(page))[1]).toEqual({ text: question, lang: 'en-GB', voice: 'Alice' });

  // The next question is read out when it appears.
  await page.getByRole('button', { name: 'Reveal the answer' }).click();
  await page.getByRole('button', { name: /^Good \(key 3\)/ }).click();
  const second = await page.locator('#mock-question').textContent();
  expect(second).not.toEqual(question);
  await expect.poll(async () => (await spoken(page)).at(-1)).toEqual({ text: second, lang: 'en-GB', voice: 'Alice' });

  // Remembered: after a reload the toggle is on and Alice still chosen.
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Mock interview' }).click();
  await expect(page.getByRole('checkbox', { name: 'Read the question aloud' })).toBeChecked();
  await page.getByRole('button', { name: 'Start the interview' }).click();
  const third = await page.locator('#mock-question').textContent();
  await expect.poll(() => spoken(page)).toEqual([{ text: third, lang: 'en-GB', voice: 'Alice' }]);
  // Turned off, speech stops and the next question is silent.
  const cancelled = await page.evaluate(() => window.__cancelled);
  await page.getByRole('checkbox', { name: 'Read the question aloud' }).uncheck();
  expect(await page.evaluate(() => window.__cancelled)).toBeGreaterThan(cancelled);
  await page.getByRole('button', { name: 'Reveal the answer' }).click();
  await page.getByRole('button', { name: /^Good \(key 3\)/ }).click();
  await page.waitForTimeout(300);
  expect(await spoken(page)).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('one voice: no picker; the dark theme passes axe', async ({ page }) => {
  await stubSpeech(page, [VOICES[0]]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await openMock(page);
  await page.getByRole('checkbox', { name: 'Read the question aloud' }).check();
  await expectNoAxeViolations(page, 'dark mock set-up with reading aloud');
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expect.poll(async () => (await spoken(page)).length).toBe(1);
  expect((await spoken(page))[0].voice).toBe('Alice');
  await expect(page.getByRole('combobox', { name: 'Voice' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Hear the question again' })).toBeVisible();
  await expectNoAxeViolations(page, 'dark mock question read aloud');
});

test('a browser with no voice, or no speech at all, says so and the interview goes on', async ({ page }) => {
  const errors = watchErrors(page);
  await stubSpeech(page, []);
  await openMock(page);
  await page.getByRole('checkbox', { name: 'Read the question aloud' }).check();
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expect(page.getByTestId('voice-none')).toContainText('no voice');
  await expect(page.getByRole('button', { name: 'Hear the question again' })).toHaveCount(0);
  expect(await spoken(page)).toEqual([]);
  await expectNoAxeViolations(page, 'mock question without a voice');
  await page.getByRole('button', { name: 'Reveal the answer' }).click();
  await expect(page.getByRole('button', { name: /^Good \(key 3\)/ })).toBeVisible();

  const other = await page.context().newPage();
  const otherErrors = watchErrors(other);
  await other.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
  });
  await openMock(other);
  await other.getByRole('checkbox', { name: 'Read the question aloud' }).check();
  await other.getByRole('button', { name: 'Start the interview' }).click();
  await expect(other.getByTestId('voice-none')).toContainText('no voice');
  await other.getByRole('button', { name: 'Reveal the answer' }).click();
  await expect(other.getByRole('button', { name: /^Good \(key 3\)/ })).toBeVisible();
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});
