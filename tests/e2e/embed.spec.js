// Embedding and static hosting: sub-paths, the iframe resizer, direct mounts, presets, custom
// and hostile decks, a strict CSP, and a second visit with the server stopped.
const { test, expect } = require('@playwright/test');
const { spawn } = require('node:child_process');
const { buildKept, expectNoAxeViolations, openFresh, ready, serve, watchErrors } = require('./helpers');
const { STRICT_CSP, directives } = require('./csp.cjs');

test('dist/ works unchanged from a deep sub-path, with every request answered', async ({ page }) => {
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  const errors = watchErrors(page);
  await openFresh(page, '/some/deep/path/');
  await expect(page.getByTestId('card-face')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('answer')).not.toBeEmpty();
  expect(await page.evaluate(() => fetch('deck.json').then((r) => r.json()).then((d) => d.cards.length))).toBe(110);
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
});

test('presets from the URL apply; unknown values warn and are ignored', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const errors = watchErrors(page);
  await openFresh(page, './?topic=databases&difficulty=hard&theme=dark&layout=embed&difficulty=ultra&mode=sideways');
  await expect(page.getByTestId('match-count')).toHaveText(/^[1-9]\d* matching cards?$/);
  await expect(page.locator('.card-meta .topic')).toHaveText('Databases – SQL & NoSQL');
  await expect(page.locator('.card-meta .difficulty')).toHaveText('Hard');
  await expect(page.locator('main.app')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('main.app.embed h1')).toHaveClass('sr-only');
  expect(warnings.join('\n')).toContain('ignored unknown difficulty "ultra"');
  expect(warnings.join('\n')).toContain('ignored unknown mode "sideways"');
  await expectNoAxeViolations(page, 'embed layout, dark');

  await page.goto('./?mode=mock');
  await expect(page.getByRole('button', { name: 'Start the interview' })).toBeVisible();
  await page.goto('./?mode=review');
  await ready(page);
  await expect(page.getByRole('button', { name: /^Review due/ })).toHaveAttribute('aria-pressed', 'true');
  // The theme switch cycles system → light → dark.
  await page.getByTestId('theme').click();
  await expect(page.locator('main.app')).toHaveAttribute('data-theme', 'light');
  expect(errors).toEqual([]);
});

test('an iframe embed follows its content height through resizer.js', async ({ page }) => {
  await page.goto('/examples/blog-post.html');
  const frame = page.locator('iframe[data-interview-cards-frame]');
  const inner = page.frameLocator('iframe[data-interview-cards-frame]');
  await expect(inner.getByTestId('card-face')).toBeVisible();
  const contentHeight = () => frame.evaluate((f) => f.contentDocument.documentElement.getBoundingClientRect().height);
  await expect.poll(async () => Math.abs((await frame.boundingBox()).height - (await contentHeight()))).toBeLessThan(4);
  const before = (await frame.boundingBox()).height;
  await inner.getByRole('button', { name: 'Show answer' }).click();
  await expect.poll(async () => (await frame.boundingBox()).height).toBeGreaterThan(before + 50);
  await expect.poll(async () => Math.abs((await frame.boundingBox()).height - (await contentHeight()))).toBeLessThan(4);
  // A forged message with a plausible height, from a window that is not the frame's, is
  // ignored: every height the frame takes from now on is recorded, and 777 is never one.
  await frame.evaluate((f) => {
    window.__heights = [];
    new MutationObserver(() => window.__heights.push(f.style.height)).observe(f, { attributes: true });
  });
  await page.evaluate(() => window.postMessage({ type: 'interview-cards:height', height: 777 }, '*'));
  // A real change afterwards: its message arrives after the forged one.
  await inner.getByRole('button', { name: 'Show question' }).click();
  await expect.poll(() => page.evaluate(() => window.__heights.length)).toBeGreaterThan(0);
  await expect.poll(async () => Math.abs((await frame.boundingBox()).height - (await contentHeight()))).toBeLessThan(4);
  expect(await page.evaluate(() => window.__heights)).not.toContain('777px');
});

test('two direct mounts on one page keep separate decks, keys and progress', async ({ page }) => {
  const errors = watchErrors(page);
  // Storage is cleared from a page that runs no widget (a running one would save again).
  await page.goto('/__blank');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/examples/blog-post.html');
  const [custom, http] = [page.locator('.practice-mount').nth(0), page.locator('.practice-mount').nth(1)];
  await expect(custom.locator('.card-question')).toHaveText('What is cache-aside?');
  await expect(http.locator('.card-meta .topic')).toHaveText('HTTP, Web & Networking Fundamentals');
  // Grade in the first widget by keyboard: focus is inside it, so the second one ignores the keys.
  await custom.getByRole('button', { name: 'Show answer' }).click();
  await page.keyboard.press('3');
  // The study session (the default): the graded card leaves today's queue.
  await expect(custom.getByTestId('position')).toHaveText('1 / 1');
  await expect(http.getByTestId('position')).toHaveText(/^1 \//);
  await expect(http.getByTestId('answer')).toBeEmpty();
  // Saves run a moment after the screen changes (under a Web Lock): wait for them.
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('interview-cards:blog-custom:blog-caching:progress') || '{"cards":{}}')
    .cards['cache-aside']?.log?.length ?? 0)).toBe(1);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('interview-cards:')).sort());
  expect(keys).toContain('interview-cards:blog-custom:blog-caching:progress');
  expect(keys).toContain('interview-cards:blog-http:backend-interview:progress');
  // The page's URL is the host's: mounts never rewrite it.
  expect(page.url()).toMatch(/blog-post\.html$/);
  // Ids are unique per widget.
  expect(await page.evaluate(() => {
    // In the page and inside every widget's shadow root.
    const roots = [document, ...[...document.querySelectorAll('[data-interview-cards]')].map((h) => h.shadowRoot).filter(Boolean)];
    const ids = roots.flatMap((r) => [...r.querySelectorAll('[id]')].map((e) => e.id));
    return [ids.length > 10, ids.length - new Set(ids).size];
  })).toEqual([true, 0]);
  await expectNoAxeViolations(page, 'blog post with two mounts');
  expect(errors).toEqual([]);
});

test('custom decks: JSON and TSV by URL, and a file the learner picks', async ({ page }) => {
  await openFresh(page, './?deck=examples/decks/sql-basics.json');
  await expect(page.locator('h1')).toHaveText('SQL basics (example deck)');
  await expect(page.getByTestId('position')).toHaveText('1 / 3');

  await page.goto('./?deck=examples/decks/networking.tsv');
  await ready(page);
  await expect(page.locator('h1')).toHaveText('Imported deck (networking.tsv)');
  await expect(page.getByTestId('position')).toHaveText('1 / 3');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('answer')).toContainText('Translates names');

  await page.goto('./?view=stats');
  await ready(page);
  await page.locator('#deck-file').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv',
    buffer: Buffer.from('"Why, really?","Because ""quotes"" work"\nSecond,Card\n') });
  await expect(page.locator('h1')).toHaveText('Imported deck (mine.csv)');
  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  await expect(page.locator('#card-question')).toHaveText('Why, really?');
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Space');
  await expect(page.getByTestId('answer')).toHaveText('AnswerBecause "quotes" work');
  // A broken file is explained, and the built-in deck is one click away.
  await page.getByRole('button', { name: 'Stats', exact: true }).click();
  await page.locator('#deck-file').setInputFiles({ name: 'broken.tsv', mimeType: 'text/plain', buffer: Buffer.from('only a front\n') });
  await expect(page.getByTestId('deck-error')).toContainText('Line 1: a card needs a front and a back');
  // Over 5 MB: refused by its size, before it is read.
  await page.locator('#deck-file').setInputFiles({ name: 'huge.tsv', mimeType: 'text/plain', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 65) });
  await expect(page.getByTestId('deck-error')).toContainText('The deck file is 5.0 MB; the limit is 5 MB.');
  await page.getByRole('button', { name: 'Practise the built-in deck instead' }).click();
  await expect(page.locator('h1')).toHaveText('Backend developer interview questions');
});

test('hostile decks are refused with a reason or shown as text; the tab never freezes', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
  const deck = (cards) => JSON.stringify({ format: 1, id: 'hostile', title: 'Hostile', topics: [{ id: 't', name: 'T' }], cards });
  const card = (i, extra = {}) => ({ id: `c${i}`, topic: 't', difficulty: 'easy', question: `Q${i}`, answer: 'A', ...extra });
  const routes = {
    'many.json': deck(Array.from({ length: 50000 }, (_, i) => card(i))),
    'huge.json': deck([card(1, { answer: 'x'.repeat(1024 * 1024) })]),
    'dupes.json': deck([card(1), card(1)]),
    'script.json': deck([card(1, { question: '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">',
      answer: '\u202egnirts desrever\u200b **<b>bold?</b>** `<iframe src=javascript:alert(1)>`' })]),
    'gibberish.json': '{"format": 1, "cards": [',
  };
  await page.route('**/hostile/*', (route) => route.fulfill({ contentType: 'application/json', body: routes[route.request().url().split('/').pop()] }));
  const open = async (name) => { const t = Date.now(); await page.goto(`./?deck=hostile/${name}`); return t; };

  let t = await open('many.json');
  await expect(page.getByTestId('deck-error')).toContainText('50000 cards; the limit is 20000');
  expect(Date.now() - t).toBeLessThan(10000);
  await open('huge.json');
  await expect(page.getByTestId('deck-error')).toContainText('the limit is 10000');
  await open('dupes.json');
  await expect(page.getByTestId('deck-error')).toContainText('share the id "c1"');
  await open('gibberish.json');
  await expect(page.getByTestId('deck-error')).toContainText('not valid deck JSON');
  await open('script.json');
  await ready(page);
  await expect(page.locator('#card-question')).toHaveText('<script>window.pwned=1</script><img src=x onerror="window.pwned=2">');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('answer')).toContainText('<iframe src=javascript:alert(1)>');
  expect(await page.evaluate(() => document.querySelectorAll('main script, main img, main iframe, main b').length)).toBe(0);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  // A non-http deck URL is not even fetched.
  await page.goto('./?deck=javascript:alert(1)');
  await expect(page.locator('h1')).toHaveText('Backend developer interview questions');
  expect(dialogs).toBe(0);
});

test('works under a strict Content-Security-Policy with no inline script', async ({ page }) => {
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
  const response = await page.goto('/strict/');
  expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await expect(page.getByTestId('card-face')).toBeVisible();
  // Keys are listened for once the app is ready (the card can show a moment before).
  await ready(page);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('answer')).not.toBeEmpty();
  await page.keyboard.press('t');
  await expect(page.locator('.chart svg rect')).toHaveCount(30);
  expect(violations).toEqual([]);
});

test('index.html is strict on its own: its <meta> policy holds where the host sends no header, and the app works under it', async ({ page }) => {
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
  const response = await page.goto('/');
  expect(response.headers()['content-security-policy']).toBeUndefined();
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content', { timeout: 1000 });
  // The header's policy but frame-ancestors, which a <meta> cannot carry (a page that must not be
  // framed sends it as a header).
  expect(directives(meta)).toEqual(directives(STRICT_CSP).filter((d) => !d.startsWith('frame-ancestors')));
  await ready(page);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('answer')).not.toBeEmpty();
  await page.keyboard.press('2');
  await page.keyboard.press('t');
  await expect(page.locator('.chart svg rect')).toHaveCount(30);
  await page.keyboard.press('m');
  await expect(page.getByRole('button', { name: 'Start the interview' })).toBeVisible();
  expect(violations).toEqual([]);
  // Enforced: a script or a style written into the page is refused.
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    const style = document.createElement('style');
    style.textContent = 'body { --inline-style: applied }';
    document.head.append(script, style);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return [window.inlineRan === true, getComputedStyle(document.body).getPropertyValue('--inline-style')];
  });
  expect(ran).toEqual([false, '']);
});

test('after one visit the app opens with the server stopped (service worker)', async ({ browser }) => {
  const port = 4190;
  const server = spawn(process.execPath, ['tests/e2e/serve.mjs', String(port), '/app/=dist'], { stdio: 'ignore' });
  try {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    const url = `http://127.0.0.1:${port}/app/`;
    await expect.poll(async () => page.goto(url).then((r) => r.status()).catch(() => 0), { timeout: 10000 }).toBe(200);
    await expect(page.getByTestId('card-face')).toBeVisible();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    server.kill();
    await new Promise((resolve) => server.once('exit', resolve));
    await page.reload();
    await expect(page.getByTestId('card-face')).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('answer')).not.toBeEmpty();
    await context.close();
  } finally {
    server.kill();
  }
});

test('an embedded widget never takes focus or scrolls the host page on load', async ({ page }) => {
  await page.goto('/examples/blog-post.html');
  await expect(page.locator('.practice-mount .app[data-ready]')).toHaveCount(2);
  await expect(page.frameLocator('iframe[data-interview-cards-frame]').locator('.app[data-ready]')).toBeAttached();
  expect(await page.evaluate(() => [document.activeElement.tagName, window.scrollY])).toEqual(['BODY', 0]);
});

/** Rewrites `dir`/index.html with `change` and updates sw.js as a real build would: the page's
 * digest, and a new build version (sw.js is minified: `BUILD={version:"<version>",…}`). */
async function redeploy(dir, change, suffix) {
  const { readFile: read, writeFile: write } = require('node:fs/promises');
  const digest = (text) => require('node:crypto').createHash('sha256').update(text).digest('hex');
  const before = await read(`${dir}/index.html`, 'utf8');
  const after = change(before);
  await write(`${dir}/index.html`, after);
  const sw = await read(`${dir}/sw.js`, 'utf8');
  await write(`${dir}/sw.js`, sw.split(digest(before)).join(digest(after))
    .replace(/version:(['"])([0-9a-f]+)\1/, `version:'$2${suffix}'`));
}

test('a new deployment replaces the offline cache cleanly', async ({ browser }) => {
  const { cp, readFile: read, writeFile: write, mkdtemp, rm } = require('node:fs/promises');
  const dir = await mkdtemp(require('node:path').join(require('node:os').tmpdir(), 'ic-deploy-'));
  await cp('dist', dir, { recursive: true });
  const port = 4191;
  const server = spawn(process.execPath, ['tests/e2e/serve.mjs', String(port), `/=${dir}`], { stdio: 'ignore' });
  try {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    const url = `http://127.0.0.1:${port}/`;
    await expect.poll(async () => page.goto(url).then((r) => r.status()).catch(() => 0), { timeout: 10000 }).toBe(200);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    const firstCaches = await page.evaluate(() => caches.keys());
    expect(firstCaches).toHaveLength(1);

    // "Deploy" a new build: new page text and a new cache version in sw.js.
    await redeploy(dir, (html) => html.replace('<title>', '<title>v2 '), 'v2');

    // The page is fetched from the network first, so the new version shows at once; the new
    // service worker takes over and deletes the old cache.
    await page.reload();
    await expect(page).toHaveTitle(/^v2 /);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r && r.update()));
    await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 10000 })
      .toEqual([expect.stringMatching(/v2$/)]);
    // And the new version is what opens offline.
    server.kill();
    await new Promise((resolve) => server.once('exit', resolve));
    await page.reload();
    await expect(page).toHaveTitle(/^v2 /);
    await expect(page.getByTestId('card-face')).toBeVisible();
    await context.close();
  } finally {
    server.kill();
    await rm(dir, { recursive: true, force: true });
  }
});

test('two deployments on one origin keep their own offline copies; the bank is not cached twice', async ({ browser }) => {
  const { cp, readFile: read, writeFile: write, mkdtemp, rm } = require('node:fs/promises');
  const dir = await mkdtemp(require('node:path').join(require('node:os').tmpdir(), 'ic-deploy-'));
  await cp('dist', dir, { recursive: true });
  // /b/ is another build: another page title and build version.
  await redeploy(dir, (html) => html.replace('<title>', '<title>B '), 'b');
  const port = 4192;
  const server = spawn(process.execPath, ['tests/e2e/serve.mjs', String(port), '/a/=dist', `/b/=${dir}`], { stdio: 'ignore' });
  try {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    const open = async (path) => {
      await expect.poll(async () => page.goto(`http://127.0.0.1:${port}${path}`).then((r) => r.status()).catch(() => 0), { timeout: 10000 }).toBe(200);
      await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    };
    await open('/a/');
    await open('/b/');
    await expect.poll(() => page.evaluate(() => caches.keys().then((k) => k.sort()))).toEqual([
      expect.stringMatching(/^interview-cards:\/a\/:[0-9a-f]+$/),
      expect.stringMatching(/^interview-cards:\/b\/:[0-9a-f]+b$/),
    ]);
    const cached = await page.evaluate(async () => {
      const cache = await caches.open((await caches.keys()).find((k) => k.includes('/a/')));
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    expect(cached.some((p) => p.endsWith('.wasm'))).toBe(true);
    expect(cached.filter((p) => p.endsWith('/deck.json') || p.endsWith('/resizer.js'))).toEqual([]);
    server.kill();
    await new Promise((resolve) => server.once('exit', resolve));
    for (const [path, title] of [['/a/', /^Interview/], ['/b/', /^B /]]) {
      await page.goto(`http://127.0.0.1:${port}${path}`);
      await expect(page).toHaveTitle(title);
      await expect(page.getByTestId('card-face')).toBeVisible();
    }
    await context.close();
  } finally {
    server.kill();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a page that loads H5P\'s resizer sizes our iframe, with no script of ours', async ({ page }) => {
  // The Moodle recipe: an HTML block with our iframe, on a page carrying the parent side of
  // H5P's resizer protocol (as h5p-resizer.js implements it) and no script of ours.
  await page.goto('/examples/recipes/moodle.html');
  const iframe = page.locator('iframe');
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.app[data-ready]')).toBeAttached();
  // Sized to its content (an iframe is 150 px tall by default), with no inner scrolling.
  await expect.poll(async () => (await iframe.boundingBox()).height).toBeGreaterThan(400);
  const contentHeight = () => frame.locator('body').evaluate((b) => b.scrollHeight);
  await expect.poll(async () => Math.abs((await iframe.boundingBox()).height - await contentHeight())).toBeLessThan(3);
  // It follows the content: a long answer revealed makes the frame taller.
  const before = (await iframe.boundingBox()).height;
  await frame.getByRole('button', { name: 'Show answer' }).click();
  await expect.poll(async () => (await iframe.boundingBox()).height).toBeGreaterThan(before + 100);
});

test('a widget far below the fold downloads nothing large until it nears the viewport', async ({ page }) => {
  const ours = [];
  page.on('response', async (r) => {
    const url = new URL(r.url());
    if (url.port === '4173' && url.pathname !== '/__blank') {
      // Bytes as a host sends them: gzip (this test server does not compress).
      const body = await r.body().catch(() => Buffer.alloc(0));
      ours.push({ path: url.pathname, bytes: require('node:zlib').gzipSync(body, { level: 9 }).length });
    }
  });
  await page.goto('/__blank');
  await page.evaluate(() => {
    document.body.innerHTML = '<h1>A long post</h1><div style="height:6000px">Lots of reading.</div>'
      + '<div data-interview-cards data-topic="http" data-instance="lazy"></div>';
    const script = document.createElement('script');
    script.type = 'module';
    script.src = '/embed.js';
    document.body.append(script);
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const before = ours.filter((r) => r.path !== '/__blank');
  expect(before.map((r) => r.path)).toEqual(['/embed.js']);
  expect(before.reduce((n, r) => n + r.bytes, 0)).toBeLessThan(5 * 1024);
  const scrolled = Date.now();
  await page.locator('[data-interview-cards]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-interview-cards] .app[data-ready]')).toBeAttached();
  console.log(`lazy mount: first card ${Date.now() - scrolled} ms after scrolling into view (includes the wasm download)`);
  // Response bodies are read asynchronously: the widget can be ready first.
  await expect.poll(() => ours.some((r) => r.path.endsWith('.wasm'))).toBe(true);
});

test('a direct mount and a hostile host page leave each other\'s styles alone', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/__blank');
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = '* { font-size: 30px; } button { all: unset; } div { display: inline; } '
      + '.app { border: 5px solid rgb(255, 0, 0); width: 100px; }';
    document.head.append(style);
    document.body.innerHTML = '<main><div class="app" id="mine">The host\'s own .app</div><button id="hostbtn">Host button</button>'
      + '<section id="mount" data-interview-cards data-instance="hostile" data-topic="http"></section></main>';
  });
  const hostStyles = () => page.evaluate(() => {
    const pick = (el, props) => props.map((p) => getComputedStyle(el)[p]);
    return [
      pick(document.getElementById('mine'), ['marginLeft', 'maxWidth', 'paddingTop', 'backgroundColor', 'fontFamily', 'borderTopWidth', 'width']),
      pick(document.getElementById('hostbtn'), ['backgroundColor', 'borderTopWidth', 'paddingTop', 'minHeight', 'fontSize']),
      pick(document.body, ['backgroundColor', 'color', 'fontFamily']),
    ];
  });
  const before = await hostStyles();
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = '/embed.js';
    document.body.append(script);
  });
  const widget = page.locator('#mount .app[data-ready]');
  await expect(widget).toBeAttached();
  // The widget restyles nothing of the host's.
  expect(await hostStyles()).toEqual(before);
  // And the host's rules do not reach into the widget.
  const inside = await widget.evaluate((app) => {
    const question = app.querySelector('.card-question');
    const button = [...app.querySelectorAll('button')].find((b) => b.textContent.includes('Show answer'));
    const s = (el) => getComputedStyle(el);
    return {
      appFont: s(app).fontSize, appBorder: s(app).borderTopColor, appWidth: app.getBoundingClientRect().width,
      questionFont: s(question).fontSize, buttonFont: s(button).fontSize, buttonDisplay: s(button).display,
      buttonMinHeight: s(button).minHeight, hintFont: s(app.querySelector('.card-hint')).fontSize,
    };
  });
  expect(inside.appFont).toBe('16px');
  expect(inside.appBorder).not.toBe('rgb(255, 0, 0)');
  expect(inside.appWidth).toBeGreaterThan(300);
  expect(inside.questionFont).toBe('20.8px');
  expect(inside.hintFont).toBe('14.4px');
  expect(inside.buttonFont).toBe('16px');
  expect(inside.buttonDisplay).not.toBe('inline');
  expect(inside.buttonMinHeight).toBe('44px');
  // It still works: keys and clicks reach it inside its shadow root.
  await page.locator('#mount').getByRole('button', { name: 'Show answer' }).click();
  await expect(page.locator('#mount').getByTestId('answer')).not.toBeEmpty();
  await page.keyboard.press('3');
  // The study session (the default): the graded card leaves today's queue (the 15 HTTP cards).
  await expect(page.locator('#mount').getByTestId('position')).toHaveText('1 / 14');
  await expectNoAxeViolations(page, 'a widget on a hostile host page');
  expect(errors).toEqual([]);
});

test('<interview-cards> mounts with its attributes, follows changes to them, and keeps progress', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/__blank');
  await page.evaluate(() => {
    localStorage.clear();
    document.body.innerHTML = '<main><h1>Lesson 1</h1><interview-cards topic="databases" instance="lesson-1"></interview-cards></main>';
    const script = document.createElement('script');
    script.type = 'module';
    script.src = '/embed.js';
    document.body.append(script);
  });
  const widget = page.locator('interview-cards');
  await expect(widget.locator('.app[data-ready]')).toBeAttached();
  await expect(widget.locator('.card-meta .topic')).toHaveText('Databases – SQL & NoSQL');
  // Grade a card by mouse; focus comes back to the card inside the shadow root, so the keys
  // keep working; then change the topic: the widget follows and the grade is kept.
  await widget.getByRole('button', { name: 'Show answer' }).click();
  await widget.getByRole('button', { name: /^Good \(key 3\)/ }).click();
  // The study session (the default): each graded card leaves today's queue (20 new cards).
  await expect(widget.getByTestId('position')).toHaveText('1 / 19');
  await page.keyboard.press('Space');
  await expect(widget.getByTestId('answer')).not.toBeEmpty();
  await page.keyboard.press('1');
  await expect(widget.getByTestId('position')).toHaveText('1 / 18');
  await page.evaluate(() => document.querySelector('interview-cards').setAttribute('topic', 'http'));
  await expect(widget.locator('.card-meta .topic')).toHaveText('HTTP, Web & Networking Fundamentals');
  await expect(widget.locator('.app')).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => {
    const p = JSON.parse(localStorage.getItem('interview-cards:lesson-1:backend-interview:progress') || '{"cards":{}}');
    return Object.values(p.cards).filter((c) => c.log).length;
  })).toBe(2);
  // Two changes in one go (as a framework sets attributes): one widget, none left running.
  await page.evaluate(() => {
    const el = document.querySelector('interview-cards');
    el.setAttribute('topic', 'api');
    el.setAttribute('difficulty', 'easy');
  });
  await expect(widget.locator('.card-meta .topic')).toHaveText('REST API Design & API Architecture');
  await expect(widget.locator('.app')).toHaveCount(1);
  // A deck attribute loads that deck; removing the element takes the widget down.
  await page.evaluate(() => document.querySelector('interview-cards').setAttribute('deck', '/examples/decks/sql-basics.json'));
  await expect(widget.locator('h1')).not.toHaveText('Backend developer interview questions');
  await expectNoAxeViolations(page, 'an <interview-cards> element');
  await page.evaluate(() => document.querySelector('interview-cards').remove());
  await expect(page.locator('.app')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('under Cache-Control: no-store the service worker downloads nothing a second time', async ({ browser }) => {
  const port = 4193;
  const { server, hits } = await serve(port, '/=dist@nostore');
  try {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    const url = `http://127.0.0.1:${port}/`;
    await page.goto(url);
    await expect(page.locator('.app[data-ready]')).toBeAttached();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await expect.poll(() => page.evaluate(async () => {
      const key = (await caches.keys()).find((k) => !k.endsWith(':handover'));
      return key ? (await (await caches.open(key)).keys()).some((r) => r.url.endsWith('.wasm')) : false;
    })).toBe(true);
    // One visit: every file was served once; the wasm the page downloaded is what the worker keeps.
    const first = await hits();
    expect(Object.values(first).every((n) => n === 1)).toBe(true);
    expect(Object.keys(first).some((p) => p.endsWith('.wasm'))).toBe(true);
    // The next visit fetches once more (no-store) what the page fetched before the worker was
    // there: the page, its small files, the later views' chunk and the bank's parts; never the
    // first module's wasm, which the page handed over. The worker keeps each as it passes, and
    // from then on every view opens with the server stopped.
    const mainWasm = Object.keys(first).find((p) => /\/interview-cards-[0-9a-f]+_bg\.wasm$/.test(p));
    expect(mainWasm).toBeTruthy();
    await page.reload();
    await expect(page.locator('.app[data-ready]')).toBeAttached();
    await expect.poll(() => buildKept(page), { timeout: 20000 }).toBe(true);
    const second = await hits();
    expect(Object.keys(second)).not.toContain(mainWasm);
    expect(Object.values(second).every((n) => n === 1)).toBe(true);
    server.kill();
    await new Promise((resolve) => server.once('exit', resolve));
    await page.reload();
    await expect(page.getByTestId('card-face')).toBeVisible();
    await page.getByRole('button', { name: 'Stats' }).click();
    await expect(page.locator('.chart svg rect')).toHaveCount(30);
    await context.close();
  } finally {
    server.kill();
  }
});

test('an Anki export with HTML and a CSV with a header row open as their authors meant', async ({ page }) => {
  const { readFileSync } = require('node:fs');
  await openFresh(page, './?view=stats');
  await page.locator('#deck-file').setInputFiles({ name: 'anki.txt', mimeType: 'text/plain',
    buffer: readFileSync('tests/fixtures/imports/anki-notes-html.txt') });
  await expect(page.locator('h1')).toHaveText('Imported deck (anki.txt)');
  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  await expect(page.getByTestId('position')).toHaveText('1 / 3');
  await expect(page.locator('#card-question')).toHaveText('What does idempotent mean?');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.locator('#card-question')).toHaveText('What does EXPLAIN show?');
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Space');
  const answer = page.getByTestId('answer');
  await expect(answer.locator('li')).toHaveText(['the query plan', 'estimated costs']);
  await expect(answer.locator('li strong')).toHaveText('costs');
  // Markup the app does not know is shown as text, never as an element.
  await expect(answer).toContainText('<img src="plan.png">');
  await expect(answer.locator('img')).toHaveCount(0);
  await expect(answer).not.toContainText('<li>');

  await page.getByRole('button', { name: 'Stats', exact: true }).click();
  await page.locator('#deck-file').setInputFiles({ name: 'keys.csv', mimeType: 'text/csv',
    buffer: readFileSync('tests/fixtures/imports/csv-question-answer.csv') });
  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  await expect(page.getByTestId('position')).toHaveText('1 / 2');
  await expect(page.locator('#card-question')).toHaveText('What is a primary key?');
});
