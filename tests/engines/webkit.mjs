// The journeys' driver for WebKitGTK: Debian's WebKitWebDriver (webkit2gtk-driver) starting
// MiniBrowser with --automation, driven by selenium-webdriver. MiniBrowser has no headless
// mode, so it runs on a private Xvfb display this module starts. Every automation session
// starts with empty storage: the run is one session, so a reload or a second visit sees what
// the first stored.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { Builder, Key } from 'selenium-webdriver';
import { probe, until } from './journeys.mjs';

export const WEBDRIVER = process.env.WEBKIT_WEBDRIVER || '/usr/bin/WebKitWebDriver';

/** MiniBrowser, as Debian's libwebkit2gtk installs it (the directory names the API version). */
export function miniBrowser() {
  if (process.env.WEBKIT_MINIBROWSER) return process.env.WEBKIT_MINIBROWSER;
  for (const lib of ['/usr/lib', ...readdirSync('/usr/lib').filter((d) => d.endsWith('-linux-gnu')).map((d) => `/usr/lib/${d}`)]) {
    if (!existsSync(lib)) continue;
    for (const dir of readdirSync(lib).filter((d) => /^webkit2?gtk-[\d.]+$/.test(d)).sort().reverse()) {
      const path = `${lib}/${dir}/MiniBrowser`;
      if (existsSync(path)) return path;
    }
  }
  return null;
}

const KEYS = { Space: Key.SPACE, Enter: Key.ENTER, Tab: Key.TAB, ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, Escape: Key.ESCAPE };

/** Starts Xvfb on a free display; resolves with the display name and the process. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    xvfb.stderr.on('data', (b) => { err += b; });
    xvfb.stdio[3].on('data', (b) => {
      out += b;
      if (out.includes('\n')) resolve({ display: `:${out.trim()}`, xvfb });
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err.trim()}`)));
  });
}

export async function launch({ port }) {
  const binary = miniBrowser();
  if (!binary) throw new Error('MiniBrowser not found (Debian\'s libwebkit2gtk-4.1-0 installs it; WEBKIT_MINIBROWSER=... to name it)');
  const { display, xvfb } = await startXvfb();
  const stopped = [];
  const driverProcess = spawn(WEBDRIVER, [`--port=${port}`, '--host=127.0.0.1'],
    { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
  stopped.push(new Promise((resolve) => driverProcess.once('exit', resolve)), new Promise((resolve) => xvfb.once('exit', resolve)));
  const stop = async () => { driverProcess.kill(); xvfb.kill(); await Promise.all(stopped); };
  // Whatever happens to the run, neither is left behind.
  process.once('exit', () => { driverProcess.kill(); xvfb.kill(); });
  let driver;
  try {
    await until('WebKitWebDriver answers', () => fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false));
    driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary, args: ['--automation'] },
      })
      .build();
    // A page or a script that never finishes fails the journey in seconds (the default wait
    // for a page is five minutes).
    await driver.manage().setTimeouts({ pageLoad: 30_000, script: 30_000 });
    await driver.manage().window().setRect({ width: 1280, height: 900 }).catch(() => {});
  } catch (e) {
    await stop();
    throw e;
  }
  const caps = await driver.getCapabilities();

  /** Runs `fn` with the driver switched into `loc.frame` when it names one. */
  async function inFrame(loc, fn) {
    if (!loc.frame) return fn(loc);
    const frame = await driver.executeScript(probe, { css: loc.frame }, 'element');
    if (!frame) throw new Error(`no frame ${loc.frame}`);
    await driver.switchTo().frame(frame);
    try {
      return await fn({ ...loc, frame: undefined });
    } finally {
      await driver.switchTo().defaultContent();
    }
  }

  return {
    name: 'webkit',
    version: `${caps.get('browserName')} ${caps.get('browserVersion')}`,
    goto: (url) => driver.get(url),
    reload: () => driver.navigate().refresh(),
    eval: (fn, ...args) => driver.executeScript(fn, ...args),
    click: (loc) => inFrame(loc, async (inner) => {
      const el = await driver.executeScript(probe, inner, 'element');
      if (!el) throw new Error(`no element for ${JSON.stringify(loc)}`);
      await el.click();
    }),
    press: (key) => driver.actions().sendKeys(KEYS[key] ?? key).perform(),
    type: (text) => driver.actions().sendKeys(text).perform(),
    screenshot: async (path) => (await import('node:fs/promises')).writeFile(path, await driver.takeScreenshot(), 'base64'),
    // WebDriver classic gives no console: page errors are not collected in WebKit.
    errors: () => [],
    close: async () => { await driver.quit().catch(() => {}); await stop(); },
  };
}
