// What the service worker (web/sw.js) decides, run against stand-ins for the browser: which
// cache a file goes into and from, and which response a request gets (the network first for the
// page and for files whose name does not change, any cached copy for files named by content,
// offline only a complete build, optional files kept but never needed for completeness).
// The worker runs as post-build writes it: its BUILD placeholder filled in, in a `vm` context
// whose `self`, `caches` and `fetch` are the stand-ins below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import vm from 'node:vm';

const SOURCE = readFileSync(new URL('../../web/sw.js', import.meta.url), 'utf8');
// The one pattern post-build names hashed files by (and hands the worker).
const HASHED = readFileSync(new URL('../../scripts/post-build.mjs', import.meta.url), 'utf8')
  .match(/const HASHED_NAME = \/(.+)\/;/)[1];
const ORIGIN = 'https://x.test';
const SCOPE = `${ORIGIN}/app/`;
const PREFIX = 'interview-cards:/app/:';
const at = (path) => new URL(path, SCOPE).href;
const sha = (text) => createHash('sha256').update(text).digest('hex');

// One build's files: the page and embed.js keep their names across builds; the rest are named
// by content. The optimizer is optional.
const FILES = {
  './': '<!doctype html><title>app</title>',
  './embed.js': 'const BUILD = {"release":true};',
  './interview-cards-0123456789abcdef.js': 'export default 1;',
  './interview-cards-89abcdef01234567_bg.wasm': 'wasm',
  './app-0123456789abcde.css': 'body{}',
  './bank-0123456789abcdef.json': '{}',
};
const OPTIONAL = './optimizer-0123456789abcdef.js';
const BUILD = {
  version: 'v2',
  assets: Object.keys(FILES),
  digests: { './': sha(FILES['./']), './embed.js': sha(FILES['./embed.js']) },
  optional: [OPTIONAL],
  hashed: HASHED,
};
const CACHE = PREFIX + BUILD.version;
const COMPLETE = at('./__complete');

const keyOf = (request) => (typeof request === 'string' ? request : request.url);

class Cache {
  constructor() { this.entries = new Map(); }
  async match(request) { return this.entries.get(keyOf(request))?.clone(); }
  async put(request, response) { this.entries.set(keyOf(request), response); }
  has(url) { return this.entries.has(url); }
}

class CacheStorage {
  constructor() { this.caches = new Map(); }
  async open(name) {
    if (!this.caches.has(name)) this.caches.set(name, new Cache());
    return this.caches.get(name);
  }
  async keys() { return [...this.caches.keys()]; }
  async delete(name) { return this.caches.delete(name); }
  async match(request) {
    for (const cache of this.caches.values()) {
      const hit = await cache.match(request);
      if (hit) return hit;
    }
    return undefined;
  }
}

/** A worker in a fresh context. `http` is the browser's HTTP cache (what the page fetched),
 * `network` what the server would answer; `online` may be turned off. Every fetch is logged. */
function worker({ http = {}, network = {}, caches = new CacheStorage() } = {}) {
  const listeners = {};
  const env = { online: true, fetched: [], caches };
  const answer = (body) => new Response(body, { status: 200 });
  const fetch = async (request, init = {}) => {
    const url = keyOf(request);
    env.fetched.push({ url, cache: init.cache ?? 'default' });
    if (init.cache === 'only-if-cached') {
      if (url in http) return answer(http[url]);
      throw new TypeError('not in the HTTP cache');
    }
    if (!env.online) throw new TypeError('offline');
    return url in network ? answer(network[url]) : new Response('not found', { status: 404 });
  };
  const self = {
    registration: { scope: SCOPE },
    location: { origin: ORIGIN },
    addEventListener: (type, f) => { listeners[type] = f; },
    skipWaiting: async () => {},
    clients: { claim: async () => {} },
  };
  const context = vm.createContext({ self, caches, fetch, Response, Request, URL, crypto: globalThis.crypto, console });
  vm.runInContext(SOURCE.replace('const BUILD = {};', `const BUILD = ${JSON.stringify(BUILD)};`), context);
  /** Dispatches an event; returns the response it was answered with (undefined: left to the
   * browser), after everything it waits for. */
  env.dispatch = async (type, fields = {}) => {
    const waits = [];
    let responded;
    listeners[type]({ ...fields, waitUntil: (p) => waits.push(p), respondWith: (p) => { responded = p; } });
    const response = await responded;
    while (waits.length) await waits.shift();
    return response;
  };
  env.get = (path, mode = 'cors', method = 'GET') => env.dispatch('fetch', { request: { url: at(path), mode, method } });
  env.navigate = (path) => env.get(path, 'navigate');
  return env;
}

/** Every file of the build as the page fetched it (in the HTTP cache), by URL. */
const pageFetched = (overrides = {}) => Object.fromEntries(
  Object.entries({ ...FILES, ...overrides }).map(([path, body]) => [at(path), body]),
);

test('install keeps each file from the handover or the HTTP cache, never from the network', async () => {
  const sw = worker({ http: pageFetched() });
  const handover = await sw.caches.open(`${PREFIX}handover`);
  await handover.put(at('./interview-cards-89abcdef01234567_bg.wasm'), new Response('wasm'));
  await sw.dispatch('install');
  const cache = await sw.caches.open(CACHE);
  for (const path of Object.keys(FILES)) assert.ok(cache.has(at(path)), `${path} is kept`);
  assert.deepEqual(sw.fetched.filter((f) => f.cache !== 'only-if-cached'), [], 'nothing went to the network');
  assert.ok(!sw.fetched.some((f) => f.url.endsWith('_bg.wasm')), 'the wasm came from the handover');
  assert.ok(!(await sw.caches.keys()).includes(`${PREFIX}handover`), 'the handover cache is gone');
});

test('a file named the same in every build is kept only when it is this build\'s (its digest)', async () => {
  const sw = worker({ http: pageFetched({ './embed.js': 'const BUILD = {"an older":"build"};' }) });
  await sw.dispatch('install');
  const cache = await sw.caches.open(CACHE);
  assert.ok(!cache.has(at('./embed.js')), 'the older embed.js is not kept');
  assert.ok(cache.has(at('./')), 'the page, whose digest matches, is');
});

test('a complete build deletes older builds of its path, and only then; other paths are left alone', async () => {
  const caches = new CacheStorage();
  for (const name of [`${PREFIX}v1`, 'interview-cards:/other/:v1']) {
    (await caches.open(name)).put(at('./__complete'), new Response('complete'));
  }
  // Incomplete (embed.js missing from the HTTP cache): the older build stays.
  const withoutEmbed = pageFetched();
  delete withoutEmbed[at('./embed.js')];
  const first = worker({ http: withoutEmbed, caches });
  await first.dispatch('install');
  await first.dispatch('activate');
  assert.ok(!(await caches.open(CACHE)).has(COMPLETE));
  assert.deepEqual((await caches.keys()).sort(), [`${PREFIX}v1`, CACHE, 'interview-cards:/other/:v1'].sort());
  // embed.js passes (network first, kept): now complete, and the older build is deleted.
  const second = worker({ network: pageFetched(), caches });
  await second.get('./embed.js');
  assert.ok((await caches.open(CACHE)).has(COMPLETE));
  assert.deepEqual((await caches.keys()).sort(), [CACHE, 'interview-cards:/other/:v1'].sort());
});

test('the app\'s page: the network first, kept; offline, the complete cache\'s copy', async () => {
  const served = pageFetched({ './': '<!doctype html><title>new</title>', './index.html': '<!doctype html><title>new</title>' });
  const sw = worker({ http: pageFetched(), network: served });
  await sw.dispatch('install');
  await sw.dispatch('activate');
  assert.equal(await (await sw.navigate('./')).text(), '<!doctype html><title>new</title>');
  assert.equal(await (await sw.navigate('./index.html')).text(), '<!doctype html><title>new</title>');
  assert.equal(await (await (await sw.caches.open(CACHE)).match(at('./'))).text(), '<!doctype html><title>new</title>');
  sw.online = false;
  assert.equal(await (await sw.navigate('./?topic=http')).text(), '<!doctype html><title>new</title>');
  // Another page under the same path is not the app's to answer.
  assert.equal(await sw.navigate('./editor.html'), undefined);
});

test('offline, an incomplete build serves nothing of its own: a complete older build does', async () => {
  const caches = new CacheStorage();
  const older = await caches.open(`${PREFIX}v1`);
  await older.put(at('./'), new Response('older page'));
  await older.put(COMPLETE, new Response('complete'));
  const withoutCss = pageFetched();
  delete withoutCss[at('./app-0123456789abcde.css')];
  const sw = worker({ http: withoutCss, caches });
  await sw.dispatch('install');
  await sw.dispatch('activate');
  sw.online = false;
  assert.equal(await (await sw.navigate('./')).text(), 'older page');
  assert.equal(await (await sw.get('./embed.js')).text(), '', 'not in the complete cache: an error response');
  assert.equal((await sw.get('./embed.js')).type, 'error');
});

test('a file named by content comes from any cache without the network; one that is not goes to the network first', async () => {
  const sw = worker({ http: pageFetched(), network: pageFetched({ './embed.js': 'const BUILD = {"new":1};' }) });
  await sw.dispatch('install');
  sw.fetched.length = 0;
  assert.equal(await (await sw.get('./interview-cards-0123456789abcdef.js')).text(), 'export default 1;');
  assert.equal(await (await sw.get('./bank-0123456789abcdef.json?v=2')).text(), '{}', 'a query string is the same file');
  assert.deepEqual(sw.fetched, [], 'hashed files never reach the network once kept');
  assert.equal(await (await sw.get('./embed.js')).text(), 'const BUILD = {"new":1};');
  assert.deepEqual(sw.fetched.map((f) => f.url), [at('./embed.js')]);
});

test('what is not this build\'s passes through: deck.json, resizer.js, the editor, other origins, POST', async () => {
  const sw = worker({ http: pageFetched() });
  await sw.dispatch('install');
  for (const path of ['./deck.json', './resizer.js', './editor-0123456789abcdef.js']) {
    assert.equal(await sw.get(path), undefined, path);
  }
  assert.equal(await sw.dispatch('fetch', { request: { url: 'https://cdn.example/x-0123456789abcdef.js', mode: 'cors', method: 'GET' } }), undefined);
  assert.equal(await sw.get('./bank-0123456789abcdef.json', 'cors', 'POST'), undefined);
});

test('an optional file (the optimizer) is fetched when asked and kept; a build is complete without it', async () => {
  const sw = worker({ http: pageFetched(), network: { [at(OPTIONAL)]: 'optimizer' } });
  await sw.dispatch('install');
  await sw.dispatch('activate');
  const cache = await sw.caches.open(CACHE);
  assert.ok(cache.has(COMPLETE), 'complete without the optimizer');
  assert.ok(!cache.has(at(OPTIONAL)));
  assert.equal(await (await sw.get(OPTIONAL)).text(), 'optimizer');
  assert.ok(cache.has(at(OPTIONAL)), 'kept once used');
  sw.online = false;
  assert.equal(await (await sw.get(OPTIONAL)).text(), 'optimizer', 'and there offline');
});
