// What embed.js (web/embed.js) decides, run against stand-ins for a page: which widgets want the
// bank and which of its parts downloads first, that a page with a deck of its own never
// downloads it, what a part's name may be, how a deck shared in the link is unpacked or refused,
// and when an xAPI statement is posted. embed.js is a module; it runs here as post-build writes
// it (BUILD filled in), its `import.meta.url` and dynamic `import()` given to it, in a `vm`
// context whose document, location and fetch are the stand-ins below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import vm from 'node:vm';

const SOURCE = readFileSync(new URL('../../web/embed.js', import.meta.url), 'utf8');
const BASE = 'https://site.test/app/';
const BUILD = {
  release: false, css: './app-1.css', js: './interview-cards-1.js', wasm: './interview-cards-1_bg.wasm', worker: './optimizer-worker-1.js',
  bank: { index: 'bank-1.json', first: 'bank-http-1.json', parts: { http: 'bank-http-1.json', async: 'bank-async-1.json', databases: 'bank-databases-1.json' } },
};

/** A host element with these attributes. */
const element = (attrs = {}, tag = 'DIV') => ({
  tagName: tag,
  hasAttribute: (a) => a in attrs,
  getAttribute: (a) => (a in attrs ? attrs[a] : null),
});

/** Runs embed.js on a page: the app's own (`hosted: false`, its address's `search` and `hash`)
 * or a host page with `widgets`. Returns what it fetched, its globals, and a way to bring the
 * widgets into view. `answer(url)` is the server. */
async function page({ hosted = false, search = '', hash = '', widgets = [], metas = {}, answer = () => new Response('{}') } = {}) {
  const fetched = [];
  const listeners = {};
  let intersect = null;
  const document = {
    body: { classList: { contains: (c) => c === 'ic-page' && !hosted }, style: {} },
    documentElement: {},
    querySelector: (selector) => {
      const name = selector.match(/meta\[name="([^"]+)"\]/)?.[1];
      return name && name in metas ? { content: metas[name] } : null;
    },
    querySelectorAll: (selector) => (/interview-cards/.test(selector) ? widgets : []),
    addEventListener: (type, f) => { listeners[type] = f; },
  };
  const context = {
    document,
    location: { search, hash },
    navigator: {},
    customElements: { get: () => undefined, define: () => {} },
    HTMLElement: class {},
    IntersectionObserver: class {
      constructor(callback) { intersect = () => callback([{ isIntersecting: true }]); }
      observe() {}
      disconnect() {}
    },
    fetch: async (url, init = {}) => {
      fetched.push({ url: String(url), init });
      return answer(String(url), init);
    },
    setTimeout: () => 0,
    console: { ...console, warn: () => {} },
    URL, URLSearchParams, Response, Blob, DecompressionStream, atob,
    __moduleUrl: `${BASE}embed.js`,
    __import: async () => ({
      default: async () => ({ memory: { buffer: { byteLength: 0 } } }),
      mount_element: () => {},
    }),
  };
  context.window = context;
  context.parent = context;
  context.globalThis = context;
  vm.createContext(context);
  const script = `(async () => {\n${SOURCE
    .replace('const BUILD = {};', `const BUILD = ${JSON.stringify(BUILD)};`)
    .replaceAll('import.meta.url', '__moduleUrl')
    .replaceAll('await import(', 'await __import(')}\nreturn { wantsBank };\n})()`;
  const inner = await vm.runInContext(script, context);
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  await flush();
  return {
    ...inner,
    context,
    listeners,
    /** What was downloaded, as paths relative to the app. */
    paths: () => fetched.map((f) => f.url.replace(BASE, '')),
    fetched,
    scrollIntoView: async () => { intersect?.(); await flush(); await flush(); },
    flush,
  };
}

test('a host element wants the bank unless it names a deck of its own', async () => {
  const { wantsBank } = await page({ hosted: true });
  assert.equal(wantsBank(element({ 'data-interview-cards': '', 'data-topic': 'http' })), true);
  for (const attr of ['data-deck', 'data-deck-script', 'deck', 'deck-script']) {
    assert.equal(wantsBank(element({ [attr]: './x.json' })), false, attr);
  }
});

test('on a host page nothing downloads before a widget nears the view; then the index and the first showing widget\'s topic part', async () => {
  const widgets = [element({ 'data-deck': './mine.json' }), element({ 'data-topic': 'databases,http' })];
  const host = await page({ hosted: true, widgets });
  assert.deepEqual(host.paths(), []);
  await host.scrollIntoView();
  assert.deepEqual(host.paths(), ['bank-1.json', 'bank-databases-1.json']);
});

test('a host page whose widgets all have decks of their own never downloads the bank', async () => {
  const host = await page({ hosted: true, widgets: [element({ deck: './a.json' }, 'INTERVIEW-CARDS'), element({ 'data-deck-script': '#d' })] });
  await host.scrollIntoView();
  assert.deepEqual(host.paths().filter((p) => p.startsWith('bank')), []);
});

test('the app\'s own page: the first known topic of ?topic= comes first, else the bank\'s first part', async () => {
  assert.deepEqual((await page({ search: '?topic=nope,async,http' })).paths(), ['bank-1.json', 'bank-async-1.json']);
  assert.deepEqual((await page({ search: '?topic=nope' })).paths(), ['bank-1.json', 'bank-http-1.json']);
  assert.deepEqual((await page({ search: '' })).paths(), ['bank-1.json', 'bank-http-1.json']);
});

test('the app\'s own page with a deck in its address, its link or its <head> downloads no part of the bank', async () => {
  assert.deepEqual((await page({ search: '?deck=decks/x.json&topic=http' })).paths(), []);
  assert.deepEqual((await page({ search: '?topic=http', metas: { 'interview-cards-deck': './mine.json' } })).paths(), []);
  const packed = deflateRawSync(Buffer.from('{"format":1}')).toString('base64url');
  assert.deepEqual((await page({ hash: `#deck=${packed}` })).paths(), []);
});

test('each file of the bank downloads once per page; a failed download is tried again when asked again', async () => {
  let fail = true;
  const own = await page({ search: '?deck=x.json', answer: (url) => (url.endsWith('bank-async-1.json') && fail ? new Response('', { status: 503 }) : new Response('part')) });
  const part = own.context.interviewCardsBankPart;
  await assert.rejects(part('bank-async-1.json'), /the server answered 503/);
  fail = false;
  assert.equal(await part('bank-async-1.json'), 'part');
  assert.equal(await part('bank-async-1.json'), 'part');
  assert.equal(await own.context.interviewCardsBank(), 'part');
  await own.context.interviewCardsBank();
  assert.deepEqual(own.paths(), ['bank-async-1.json', 'bank-async-1.json', 'bank-1.json']);
});

test('a part\'s name never leaves the build\'s folder', async () => {
  const own = await page({ search: '?deck=x.json' });
  for (const name of ['../secret.json', 'https://evil.test/x.json', 'x.js', '/bank.json', 'a/b.json']) {
    await assert.rejects(own.context.interviewCardsBankPart(name), /not a part of the bank/, name);
  }
  assert.deepEqual(own.paths(), []);
});

test('a deck shared in the link is unpacked before the app starts, with or without padding', async () => {
  const deck = '{"format":1,"id":"shared"}';
  const packed = deflateRawSync(Buffer.from(deck)).toString('base64url');
  for (const hash of [`#deck=${packed}`, `#deck=${packed}==`]) {
    const own = await page({ hash });
    assert.equal(own.context.interviewCardsSharedDeck, deck);
    assert.equal(own.context.interviewCardsSharedDeckError, undefined);
  }
});

test('a shared link that cannot be unpacked says why, in words the app shows', async () => {
  const cases = [
    ['#deck=abc$def', /^it has characters a shared deck never has/],
    ['#deck=AAAAAAAA', /^it is damaged or cut short$/],
    [`#deck=${deflateRawSync(Buffer.alloc(5 * 1024 * 1024 + 1, 0x20)).toString('base64url')}`, /^it unpacks to more than 5 MB$/],
  ];
  for (const [hash, why] of cases) {
    const own = await page({ hash });
    assert.match(own.context.interviewCardsSharedDeckError, why);
    assert.equal(own.context.interviewCardsSharedDeck, undefined);
  }
});

test('each grade gets an xAPI statement; it is posted only to a store the page names, with a learner', async () => {
  const graded = () => ({ detail: { card: 'http-cors', rating: 'Good', due: null, practice: false } });
  const quiet = await page({ search: '?deck=x.json' });
  const event = graded();
  quiet.listeners['interview-cards:graded'](event);
  assert.equal(event.detail.statement.verb.display['en-US'], 'answered');
  assert.deepEqual(JSON.parse(JSON.stringify(event.detail.statement.result.score)), { min: 0, max: 3, raw: 2, scaled: 2 / 3 });
  assert.equal(event.detail.statement.object.id, `${BASE}#card=http-cors`);
  assert.deepEqual(quiet.paths(), [], 'no store named: nothing sent');

  const noStore = await page({ search: '?deck=x.json', metas: { 'interview-cards-lrs-actor': '{"mbox":"mailto:a@b.test"}' } });
  noStore.listeners['interview-cards:graded'](graded());
  assert.deepEqual(noStore.paths(), [], 'a learner but no store: nothing sent');

  const noLearner = await page({ search: '?deck=x.json', metas: { 'interview-cards-lrs': 'https://lrs.test/xapi' } });
  noLearner.listeners['interview-cards:graded'](graded());
  assert.deepEqual(noLearner.paths(), [], 'a store but no learner: nothing sent');

  const metas = { 'interview-cards-lrs': 'https://lrs.test/xapi', 'interview-cards-lrs-actor': '{"mbox":"mailto:a@b.test"}', 'interview-cards-lrs-auth': 'Basic eA==' };
  const sending = await page({ search: '?deck=x.json', metas });
  sending.listeners['interview-cards:graded'](graded());
  await sending.flush();
  assert.deepEqual(sending.paths(), ['https://lrs.test/xapi/statements']);
  const { init } = sending.fetched[0];
  assert.equal(init.method, 'POST');
  assert.equal(init.headers['X-Experience-API-Version'], '1.0.3');
  assert.equal(init.headers.Authorization, 'Basic eA==');
  assert.deepEqual(JSON.parse(init.body).actor, { mbox: 'mailto:a@b.test' });
});
