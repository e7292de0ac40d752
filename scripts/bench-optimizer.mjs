// Times the optimizer module (dist/optimizer-*, built by `trunk build --release`) fitting FSRS
// weights to 1,000 and 10,000 synthetic reviews, in Node (the V8 engine of Chromium), and prints
// the module's gzip size. Run by hand: node scripts/bench-optimizer.mjs [runs]
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { synthReviews } = require('../tests/e2e/reviews.js');
const runs = Number(process.argv[2] ?? 5);
const dist = resolve('dist');
const files = await readdir(dist);
const glue = files.find((f) => /^optimizer-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^optimizer-[0-9a-f]+_bg\.wasm$/.test(f));
const worker = files.find((f) => /^optimizer-worker-[0-9a-f]+\.js$/.test(f));
if (!glue || !wasm || !worker) throw new Error('no optimizer in dist/: run trunk build --release first');
const { default: init, optimise } = await import(pathToFileURL(join(dist, glue)).href);
await init({ module_or_path: await readFile(join(dist, wasm)) });

const gz = (f) => gzipSync(require('node:fs').readFileSync(join(dist, f)), { level: 9 }).length;
console.log(`optimizer module: ${wasm} ${gz(wasm)} B gzip, ${glue} ${gz(glue)} B, ${worker} ${gz(worker)} B; total ${gz(wasm) + gz(glue) + gz(worker)} B gzip`);

const DAY = 86_400_000;
/** The flat array the app sends (see src/core/optimize.rs). */
function flat(histories) {
  const out = [];
  for (const log of Object.values(histories)) {
    out.push(log.length);
    let previous = null;
    for (const r of log) {
      const day = Math.floor(r.at / DAY);
      out.push(['Again', 'Hard', 'Good', 'Easy'].indexOf(r.rating) + 1, previous === null ? 0 : day - previous);
      previous = day;
    }
  }
  return new Uint32Array(out);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const reviews of [1_000, 10_000]) {
  const ids = Array.from({ length: Math.round(reviews / 8) }, (_, i) => `card-${i}`);
  const cards = flat(synthReviews(ids, reviews, 11));
  const times = [];
  let result;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    result = optimise(cards, new Float64Array(), 1, () => {});
    times.push(performance.now() - started);
  }
  const [before, , after, , items] = result;
  console.log(`${reviews} reviews (${items} items): fit median ${median(times).toFixed(0)} ms over ${runs} runs `
    + `[${times.map((t) => t.toFixed(0)).join(', ')}]; log loss ${before.toFixed(3)} -> ${after.toFixed(3)}`);
}
