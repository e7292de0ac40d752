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
  // Errors of a page's life count, not those of its leaving: as a navigation starts, Firefox
  // reports the fetches the page being left had in flight through the service worker ("A
  // ServiceWorker intercepted the request and encountered an unexpected error", AbortError,
  // NetworkError, a subresource integrity mismatch of the part that arrived), which no one sees.
  // So errors are not counted from the moment goto or reload is called until the new document
  // says it starts (a script run before any of its own).
  const STARTS = 'interview-cards-engines: document starts';
  await page.evaluateOnNewDocument((starts) => { if (window === window.top) console.debug(starts); }, STARTS);
  let leaving = false;
  const errors = [];
  page.on('pageerror', (e) => { if (!leaving) errors.push(String(e.message || e)); });
  page.on('console', (m) => {
    if (m.text() === STARTS) leaving = false;
    else if (m.type() === 'error' && !leaving) errors.push(m.text());
  });
  const navigate = (go) => { leaving = true; return go(); };

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
    goto: (url) => navigate(() => page.goto(url, { waitUntil: 'load' })),
    reload: () => navigate(() => page.reload({ waitUntil: 'load' })),
    eval: (fn, ...args) => page.evaluate(fn, ...args),
    click: async (loc) => (await element(loc)).click(),
    press: (key) => page.keyboard.press(KEYS[key] ?? key),
    type: (text) => page.keyboard.type(text),
    screenshot: (path) => page.screenshot({ path }),
    errors: () => errors.splice(0),
    close: () => browser.close(),
  };
}
