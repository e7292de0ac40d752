// The strict Content-Security-Policy the app must run under: sent as a header for /strict/ by
// serve.mjs, and carried by index.html itself as a <meta> (without frame-ancestors, which a
// <meta> cannot carry). `media-src blob:` plays back an answer recorded in a mock interview.
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; connect-src 'self'; worker-src 'self'; media-src 'self' blob:; frame-ancestors 'self'; "
  + "base-uri 'none'; form-action 'none'";

/** A policy as a sorted list of its directives, each with its sources sorted. */
const directives = (policy) => policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0])
  .map(([name, ...sources]) => [name, ...sources.sort()].join(' ')).sort();

module.exports = { STRICT_CSP, directives };
