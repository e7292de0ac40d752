// A tiny static server on 127.0.0.1 for the end-to-end tests.
// Usage: node tests/e2e/serve.mjs <port> <mount>... where a mount is
//   /url/prefix/=directory        serve directory under that prefix
//   /url/prefix/=directory@csp    the same, with a strict Content-Security-Policy header
//   /url/prefix/=directory@nostore  the same, every file sent with Cache-Control: no-store
//   /url/prefix/=directory@gzip   the same, bodies sent gzip-compressed (level 9) to a client
//                                 that accepts it, as a production host sends them
// GET /__hits gives how many times each path was served (and starts counting afresh); GET
// /__bytes the body bytes sent per path, as sent (compressed where they were), and starts afresh
// (not with ?keep).
// Serving dist/ under a deep prefix proves it needs no rebuild to move; @csp proves it runs
// without inline scripts.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import csp from './csp.cjs';

export const { STRICT_CSP } = csp;

const [port = '4173', ...specs] = process.argv.slice(2);
const mounts = specs.map((spec) => {
  const [prefix, target] = spec.split('=');
  const [dir, flag] = target.split('@');
  return { prefix, root: resolve(dir), csp: flag === 'csp', nostore: flag === 'nostore', gzip: flag === 'gzip' };
}).sort((a, b) => b.prefix.length - a.prefix.length);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.tsv': 'text/tab-separated-values', '.csv': 'text/csv', '.png': 'image/png',
};

let streamSent = 0;
let hits = {};
let bytes = {};
const gzipped = new Map();
const compressible = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.tsv', '.csv', '.ttf', '.otf', '.txt']);
createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  // A page of this origin that runs no widget: tests set up storage from it.
  if (url.pathname === '/__blank') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><html lang="en"><head><title>blank</title><link rel="icon" href="data:,"></head><body></body></html>');
    return;
  }
  // A deck that never ends: 1 MB chunks with no Content-Length, up to 20 MB. Only a limit
  // counted while reading can stop it; how far it got is at /__stream-sent.
  if (url.pathname === '/__stream-large') {
    streamSent = 0;
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    res.write('{"format":1,"id":"big","title":"Big","topics":[],"cards":[]}');
    for (let i = 0; i < 20 && !res.destroyed; i++) {
      await new Promise((resolve) => res.write(chunk, resolve));
      streamSent += chunk.length;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    res.end();
    return;
  }
  if (url.pathname === '/__hits') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(hits));
    hits = {};
    return;
  }
  if (url.pathname === '/__bytes') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(bytes));
    if (!url.searchParams.has('keep')) bytes = {};
    return;
  }
  if (url.pathname === '/__stream-sent') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end(String(streamSent));
    return;
  }
  const mount = mounts.find((m) => url.pathname.startsWith(m.prefix));
  if (!mount) { res.writeHead(404).end('not found'); return; }
  const path = normalize(decodeURIComponent(url.pathname.slice(mount.prefix.length)));
  if (path.startsWith('..')) { res.writeHead(400).end(); return; }
  let file = join(mount.root, path);
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    let body = await readFile(file);
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (mount.csp) headers['content-security-policy'] = STRICT_CSP;
    if (mount.nostore) headers['cache-control'] = 'no-store';
    if (mount.gzip && compressible.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const key = `${file}:${body.length}`;
      if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
      body = gzipped.get(key);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'Accept-Encoding';
    }
    hits[url.pathname] = (hits[url.pathname] ?? 0) + 1;
    bytes[url.pathname] = (bytes[url.pathname] ?? 0) + body.length;
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(Number(port), '127.0.0.1', () => console.log(`serving on http://127.0.0.1:${port}: ${specs.join(' ')}`));
