// Smoke journeys (journeys.mjs) in Firefox and WebKit against the release build in dist/.
// Usage: node tests/engines/run.mjs [firefox] [webkit]    (both when none is named)
// Prints one line per journey, a screenshot of each failure under test-results/engines/, and
// `<engine>: N passed, N failed`; exits non-zero when any journey failed.
import { mkdirSync } from 'node:fs';
import { journeys, serve } from './journeys.mjs';

const PORT = 4290; // the app (dist/ at /, examples/ at /examples/)
const OFFLINE_PORT = 4291; // a second origin, for the service worker's journey alone
const WEBDRIVER_PORT = 4292;

const engines = {
  firefox: () => import('./firefox.mjs').then((m) => m.launch()),
  webkit: () => import('./webkit.mjs').then((m) => m.launch({ port: WEBDRIVER_PORT })),
};
const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(engines);
for (const name of names) if (!engines[name]) throw new Error(`unknown engine ${name} (firefox, webkit)`);
const only = process.env.JOURNEY ? new RegExp(process.env.JOURNEY) : null;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const server = await serve(PORT, '/=dist', '/examples/=examples');
let failedAll = 0;
try {
  for (const name of names) {
    const started = Date.now();
    let passed = 0;
    let failed = 0;
    let d;
    try {
      d = await engines[name]();
    } catch (e) {
      console.log(`FAIL ${name}: the browser did not start: ${e.message}`);
      failedAll += 1;
      continue;
    }
    console.log(`${name}: ${d.version} (started in ${seconds(Date.now() - started)})`);
    for (const [title, run] of journeys) {
      if (only && !only.test(title)) continue;
      const t0 = Date.now();
      d.errors();
      try {
        await run(d, { base: `http://127.0.0.1:${PORT}`, offlinePort: OFFLINE_PORT });
        const errors = d.errors();
        if (errors.length) throw new Error(`errors in the page's console:\n    ${errors.map((e) => JSON.stringify(e)).join('\n    ')}`);
        passed += 1;
        console.log(`  ok   ${title} (${seconds(Date.now() - t0)})`);
      } catch (e) {
        failed += 1;
        // (Less Firefox's own stack, which BiDi errors carry: chrome:// and resource:// lines.)
        const lines = String(e.message).split('\n')
          .map((l) => l.replace(/\s*\S*@(chrome|resource):\/\/\S*/g, '')).filter((l) => l.trim());
        console.log(`  FAIL ${title} (${seconds(Date.now() - t0)})\n    ${lines.join('\n    ')}`);
        mkdirSync('test-results/engines', { recursive: true });
        const shot = `test-results/engines/${name}-${title.replace(/\W+/g, '-')}.png`;
        await d.screenshot(shot).then(() => console.log(`    screenshot: ${shot}`), () => {});
      }
    }
    await d.close();
    console.log(`${name}: ${passed} passed, ${failed} failed (${seconds(Date.now() - started)})`);
    failedAll += failed;
  }
} finally {
  await server.stop();
}
process.exit(failedAll ? 1 : 0);
