// End-to-end tests drive Debian's Chromium against the release build in dist/.
const { defineConfig } = require('@playwright/test');

const port = 4173;
module.exports = defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    // Service workers would hide requests from page.route and keep state between loads; the
    // offline test turns them on for its own context.
    serviceWorkers: 'block',
    // No flip animation: axe must not measure colours mid-fade. (The CSS honours this setting.)
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    // dist-recipes/: the recipe sites Hugo and Jekyll built (scripts/build-recipes.sh).
    command: `node tests/e2e/serve.mjs ${port} /=dist /some/deep/path/=dist /strict/=dist@csp /examples/=examples /built-recipes/=dist-recipes`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
