// The recipes in examples/recipes/: each page, as its platform serves it with the snippet in
// place, shows a card from the release build and passes axe. The Hugo and Jekyll pages are what
// those tools built from the recipe's shortcode and include (scripts/build-recipes.sh, into
// dist-recipes/, served at /built-recipes/); the others are written by hand.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const { expectNoAxeViolations, watchErrors } = require('./helpers');

const direct = [
  ['/examples/recipes/plain.html', 'Performance, Caching & Optimization'],
  ['/examples/recipes/wordpress.html', 'Databases – SQL & NoSQL'],
  ['/built-recipes/hugo/posts/databases/', 'Databases – SQL & NoSQL'],
  ['/built-recipes/jekyll/api-practice/', 'REST API Design & API Architecture'],
  ['/examples/recipes/docusaurus.html', 'Authentication, Authorization & Security'],
];

// Each built page, and the recipe and site files it was built from.
const built = [
  ['dist-recipes/hugo/posts/databases/index.html', ['examples/recipes/hugo', 'examples/recipes/hugo-site']],
  ['dist-recipes/jekyll/api-practice/index.html', ['examples/recipes/jekyll', 'examples/recipes/jekyll-site']],
];

test('the Hugo and Jekyll pages were built from the recipes as they are now', () => {
  const newest = (path) => fs.statSync(path).isDirectory()
    ? Math.max(...fs.readdirSync(path).map((f) => newest(`${path}/${f}`)))
    : fs.statSync(path).mtimeMs;
  for (const [page, sources] of built) {
    expect(fs.existsSync(page), `${page} is missing: run scripts/build-recipes.sh`).toBe(true);
    for (const source of sources) {
      expect(newest(source), `${source} changed after ${page} was built: run scripts/build-recipes.sh`)
        .toBeLessThanOrEqual(fs.statSync(page).mtimeMs);
    }
  }
});

for (const [path, topic] of direct) {
  test(`recipe ${path}: a card from the right topic, and no axe violations`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(path);
    const widget = page.locator('interview-cards');
    await expect(widget.locator('.app[data-ready]')).toBeAttached();
    await expect(widget.locator('.card-meta .topic')).toHaveText(topic);
    await widget.getByRole('button', { name: 'Show answer' }).click();
    await expect(widget.getByTestId('answer')).not.toBeEmpty();
    await expectNoAxeViolations(page, path);
    expect(errors).toEqual([]);
  });
}

test('recipe moodle.html: the iframe in an HTML block is sized by the page\'s H5P resizer', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/examples/recipes/moodle.html');
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.app[data-ready]')).toBeAttached();
  await expect(frame.locator('.card-meta .topic')).toHaveText('Async Processing, Queues & Background Jobs');
  await expect.poll(async () => (await page.locator('iframe').boundingBox()).height).toBeGreaterThan(400);
  await expectNoAxeViolations(page, 'moodle.html');
  expect(errors).toEqual([]);
});

test('the WordPress and Moodle pages hold their recipes\' snippets exactly as written', () => {
  const read = (f) => fs.readFileSync(`examples/recipes/${f}`, 'utf8');
  const norm = (s) => s.replace(/https:\/\/HOST\/PATH\//g, '../../').replace(/\s+/g, ' ').trim();
  expect(norm(read('wordpress.html'))).toContain(norm(read('wordpress-block.html')));
  expect(norm(read('moodle.html'))).toContain(norm(read('moodle-block.html')));
});
