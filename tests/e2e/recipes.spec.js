// The recipes in examples/recipes/: each page, as its platform serves it with the snippet in
// place, shows a card from the release build and passes axe.
const { test, expect } = require('@playwright/test');
const { expectNoAxeViolations, watchErrors } = require('./helpers');

const direct = [
  ['plain.html', 'Performance, Caching & Optimization'],
  ['wordpress.html', 'Databases – SQL & NoSQL'],
  ['hugo.html', 'Databases – SQL & NoSQL'],
  ['jekyll.html', 'REST API Design & API Architecture'],
  ['docusaurus.html', 'Authentication, Authorization & Security'],
];

for (const [page_, topic] of direct) {
  test(`recipe ${page_}: a card from the right topic, and no axe violations`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`/examples/recipes/${page_}`);
    const widget = page.locator('interview-cards');
    await expect(widget.locator('.app[data-ready]')).toBeAttached();
    await expect(widget.locator('.card-meta .topic')).toHaveText(topic);
    await widget.getByRole('button', { name: 'Show answer' }).click();
    await expect(widget.getByTestId('answer')).not.toBeEmpty();
    await expectNoAxeViolations(page, page_);
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
  const fs = require('node:fs');
  const read = (f) => fs.readFileSync(`examples/recipes/${f}`, 'utf8');
  const norm = (s) => s.replace(/https:\/\/HOST\/PATH\//g, '../../').replace(/\s+/g, ' ').trim();
  expect(norm(read('wordpress.html'))).toContain(norm(read('wordpress-block.html')));
  expect(norm(read('moodle.html'))).toContain(norm(read('moodle-block.html')));
});
