// The journeys' driver for Debian's Firefox ESR: puppeteer-core over WebDriver BiDi, headless,
// in a fresh profile that lasts the whole run.
import puppeteer from 'puppeteer-core';
import { probe } from './journeys.mjs';

export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

// Puppeteer's key names, and its BiDi keyboard's: a space is ' ', not 'Space'.
const KEYS = { Space: ' ' };

export async function launch() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    // A call the page never answers fails the journey in seconds, not puppeteer's 3 minutes.
    protocolTimeout: 30_000,
    // No flip animation: a face is shown or hidden at once (the CSS honours this setting).
    extraPrefsFirefox: { 'ui.prefersReducedMotion': 1 },
  });
  const page = (await browser.pages())[0] || await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  /** The element `loc` finds, as a handle in the page or in its iframe. */
  async function element(loc) {
    let context = page;
    if (loc.frame) {
      const frame = await page.$(loc.frame);
      context = frame && await frame.contentFrame();
      if (!context) throw new Error(`no frame ${loc.frame}`);
      loc = { ...loc, frame: undefined };
    }
    const handle = (await context.evaluateHandle(probe, loc, 'element')).asElement();
    if (!handle) throw new Error(`no element for ${JSON.stringify(loc)}`);
    return handle;
  }

  return {
    name: 'firefox',
    version: await browser.version(),
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    reload: () => page.reload({ waitUntil: 'load' }),
    eval: (fn, ...args) => page.evaluate(fn, ...args),
    click: async (loc) => (await element(loc)).click(),
    press: (key) => page.keyboard.press(KEYS[key] ?? key),
    type: (text) => page.keyboard.type(text),
    screenshot: (path) => page.screenshot({ path }),
    errors: () => errors.splice(0),
    close: () => browser.close(),
  };
}
