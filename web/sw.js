// Interview Cards offline cache. scripts/post-build.mjs writes it into each release build with
// that build's files in BUILD (and minifies it); node --check reads it as is, and
// tests/js/sw.test.mjs runs its decisions against stand-ins for the browser's caches.
// Filled in by scripts/post-build.mjs: { version, assets, digests, optional, hashed }.
const BUILD = {};
// Cache names carry the deployment's path: builds at /a/ and /b/ of one origin keep their own.
const SCOPE = new URL(self.registration.scope).pathname;
const PREFIX = 'interview-cards:' + SCOPE + ':';
const CACHE = PREFIX + BUILD.version;
// Where the page hands over what it downloaded itself (the wasm), so it is not fetched again.
const HANDOVER = PREFIX + 'handover';
const ASSETS = BUILD.assets;
// SHA-256 of each file whose name does not change with its content.
const DIGESTS = BUILD.digests;
const full = (asset) => new URL(asset, self.registration.scope).href;
const IN_BUILD = new Map(ASSETS.map((a) => [full(a), a]));
// Fetched only on demand (the optimizer), then kept like the rest; not needed to be complete.
const OPTIONAL = new Set(BUILD.optional.map(full));
const HASHED_NAME = new RegExp(BUILD.hashed);
const HASHED = (href) => HASHED_NAME.test(new URL(href).pathname);
// Set in a cache once it holds every file of its build: only such a cache serves offline, and
// only then are older builds' caches deleted.
const COMPLETE = full('./__complete');

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
async function isCurrent(asset, response) {
  if (HASHED(full(asset))) return true;
  return hex(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer())) === DIGESTS[asset];
}

async function markIfComplete() {
  const cache = await caches.open(CACHE);
  if (await cache.match(COMPLETE)) return true;
  for (const asset of ASSETS) if (!(await cache.match(full(asset)))) return false;
  await cache.put(COMPLETE, new Response('complete'));
  const keys = await caches.keys();
  await Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)));
  return true;
}

/** The cache to serve from offline: this build's when complete, else a complete older one. */
async function offlineCache() {
  for (const key of [CACHE, ...(await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE)]) {
    const cache = await caches.open(key);
    if (await cache.match(COMPLETE)) return cache;
  }
  return caches.open(CACHE);
}

// Nothing is downloaded a second time: each file comes from what the page handed over or from
// the browser's HTTP cache (only-if-cached never reaches the network), and a file whose name
// does not carry its content hash only when its digest is this build's. What is missing (a
// host sending no-store) is kept when it next passes.
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const [cache, handover] = await Promise.all([caches.open(CACHE), caches.open(HANDOVER)]);
    await Promise.all(ASSETS.map(async (asset) => {
      const request = new Request(full(asset));
      let response = await handover.match(request);
      if (!response) {
        response = await fetch(request, { cache: 'only-if-cached', mode: 'same-origin' }).catch(() => null);
      }
      if (response && response.ok && await isCurrent(asset, response)) await cache.put(request, response);
    }));
    await caches.delete(HANDOVER);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(markIfComplete().then(() => self.clients.claim()));
});

/** The network first, kept for offline; offline, the complete cache's copy. */
function networkFirst(event, key) {
  return fetch(event.request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((c) => c.put(key, copy)).then(markIfComplete));
    }
    return response;
  }).catch(() => offlineCache().then((c) => c.match(key)).then((hit) => hit || Response.error()));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Only the app's own page: other pages in this path are not the app's to keep.
    if (url.pathname === SCOPE || url.pathname === SCOPE + 'index.html') {
      event.respondWith(networkFirst(event, full('./')));
    }
    return;
  }
  url.search = '';
  if (!IN_BUILD.has(url.href) && !OPTIONAL.has(url.href)) return;
  if (!HASHED(url.href)) {
    // Same name in every build: the network first, so a new deployment is never mixed with
    // the old one.
    event.respondWith(networkFirst(event, url.href));
    return;
  }
  // Named by their content: any cached copy is the right one.
  event.respondWith(caches.match(url.href).then((hit) => hit || fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((c) => c.put(url.href, copy)).then(markIfComplete));
    }
    return response;
  })));
});
