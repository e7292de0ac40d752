// The authoring page (editor.html): an author builds a deck by keyboard, sees the validator's
// problems beside the fields and fixed, exports it, and the widget opens the export; the draft
// survives a reload, a damaged draft is kept aside, an import can be taken back; the embed
// builder shows the draft live and writes the snippets; axe passes in light and dark.
const { test, expect } = require('@playwright/test');
const { readFileSync } = require('node:fs');
const { inflateRawSync } = require('node:zlib');
const { expectNoAxeViolations, openBare, ready, watchErrors } = require('./helpers');

const DRAFT_KEY = 'interview-cards:editor:draft';

/** Presses Tab (at most 80 times) until the element with `id` has focus. */
async function tabTo(page, id) {
  for (let i = 0; i < 80; i += 1) {
    if (await page.evaluate((id) => document.activeElement?.id === id, id)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

async function openEditor(page) {
  await openBare(page, './editor.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deck editor');
}

/** Adds a card by keyboard and types its question and answer. */
async function addCard(page, n, question, answer) {
  await tabTo(page, 'add-card');
  await page.keyboard.press('Enter');
  // The new card's question has focus.
  await expect(page.locator(`#card-${n}-question`)).toBeFocused();
  await page.keyboard.type(question);
  await tabTo(page, `card-${n}-answer`);
  await page.keyboard.type(answer);
}

test('an author builds a 3-card deck by keyboard, fixes a problem, exports it, and the widget opens it', async ({ page }) => {
  const errors = watchErrors(page);
  await openEditor(page);
  // A new draft asks for a title and cards, beside those fields.
  await expect(page.locator('#deck-title-error')).toHaveText('The deck has an empty "title".');
  await expect(page.locator('#deck-cards-error')).toHaveText('The deck has no cards.');

  await page.keyboard.press('Tab');
  await tabTo(page, 'deck-title');
  await page.keyboard.type('SQL basics');
  await expect(page.locator('#deck-title-error')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('sql-basics');
  await tabTo(page, 'topic-0-name');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Databases');
  // The topic's id follows its name.
  await expect(page.locator('#topic-0-id')).toHaveValue('databases');

  await addCard(page, 0, 'What is an index?', 'A **B-tree** that finds rows without a full scan.');
  // The answer is previewed by the widget's renderer as it is typed.
  await expect(page.getByRole('region', { name: "Preview of card 1's answer" }).locator('strong')).toHaveText('B-tree');
  // Difficulty by keyboard: type-ahead on the select.
  await tabTo(page, 'card-0-difficulty');
  await page.keyboard.press('h');
  await expect(page.locator('#card-0-difficulty')).toHaveValue('hard');

  // Two key points: the validator's problem shows beside the field, and goes once fixed.
  await tabTo(page, 'card-0-key_points');
  await page.keyboard.type('avoids a full scan');
  await page.keyboard.press('Enter');
  await page.keyboard.type('costs writes');
  const keyPoints = page.locator('#card-0-key_points');
  await expect(page.locator('#card-0-key_points-error')).toHaveText('Card 1 ("card-1") has 2 key points; give between 3 and 6, or none.');
  await expect(keyPoints).toHaveAttribute('aria-invalid', 'true');
  await expect(keyPoints).toHaveAttribute('aria-describedby', /card-0-key_points-error/);
  await expect(page.locator('#export-status')).toHaveText('1 problem to fix before export.');
  // Export is refused while it stands, and focus goes to it.
  await tabTo(page, 'export');
  await page.keyboard.press('Enter');
  await expect(keyPoints).toBeFocused();
  await expect(page.getByRole('status').first()).toHaveText(/Fix the problem marked first/);
  await page.keyboard.press('End');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('kept sorted');
  await expect(page.locator('#card-0-key_points-error')).toHaveCount(0);
  await expect(keyPoints).not.toHaveAttribute('aria-invalid', 'true');

  await addCard(page, 1, 'What is a transaction?', 'Work that commits or rolls back as one:\n\n- atomic\n- isolated');
  await expect(page.getByRole('region', { name: "Preview of card 2's answer" }).locator('li')).toHaveText(['atomic', 'isolated']);
  // As list items, with their bullets (the widget's fieldset rule lays out its own lists as rows).
  expect(await page.getByRole('region', { name: "Preview of card 2's answer" }).locator('li').first()
    .evaluate((li) => getComputedStyle(li).display)).toBe('list-item');
  await addCard(page, 2, 'What does EXPLAIN show?', 'The plan the database will use.');
  await expect(page.locator('#export-status')).toHaveText('Ready: 3 cards that the widget opens.');

  // The draft is kept: a reload brings it back.
  await page.reload();
  await expect(page.locator('#deck-title')).toHaveValue('SQL basics');
  await expect(page.locator('.editor-card')).toHaveCount(3);
  await expect(page.locator('#card-0-key_points')).toHaveValue('avoids a full scan\ncosts writes\nkept sorted');

  await page.keyboard.press('Tab');
  await tabTo(page, 'export');
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('sql-basics.json');
  const file = await download.path();
  const deck = JSON.parse(readFileSync(file, 'utf8'));
  expect(deck).toMatchObject({ format: 1, id: 'sql-basics', title: 'SQL basics', topics: [{ id: 'databases', name: 'Databases' }] });
  expect(deck.cards.map((c) => [c.id, c.topic, c.difficulty, c.question])).toEqual([
    ['card-1', 'databases', 'hard', 'What is an index?'],
    ['card-2', 'databases', 'medium', 'What is a transaction?'],
    ['card-3', 'databases', 'medium', 'What does EXPLAIN show?'],
  ]);
  expect(deck.cards[0].key_points).toEqual(['avoids a full scan', 'costs writes', 'kept sorted']);
  expect(errors).toEqual([]);

  // The widget opens the exported file.
  await openBare(page, './?view=stats');
  await ready(page);
  await page.locator('#deck-file').setInputFiles(file);
  await expect(page.locator('h1')).toHaveText('SQL basics');
  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  await expect(page.getByTestId('position')).toHaveText('1 / 3');
  await expect(page.locator('#card-question')).toHaveText('What is an index?');
});

test('an import replaces the draft, which is kept to swap back to, even after a reload; a bad file changes nothing', async ({ page }) => {
  await openEditor(page);
  await page.locator('#deck-title').fill('Mine');
  await page.getByRole('button', { name: 'Add a card' }).click();
  await page.locator('#card-0-question').fill('My own question?');

  await page.locator('#import-file').setInputFiles({ name: 'broken.tsv', mimeType: 'text/plain', buffer: Buffer.from('only a front\n') });
  await expect(page.getByRole('status').first()).toHaveText(/broken.tsv could not be imported, and your draft is unchanged: Line 1/);
  await expect(page.locator('#card-0-question')).toHaveValue('My own question?');

  // Anki's export, with its header lines and HTML, becomes cards with Markdown answers.
  await page.locator('#import-file').setInputFiles({ name: 'anki.txt', mimeType: 'text/plain',
    buffer: Buffer.from('#separator:tab\n#html:true\nWhat is TCP?\tA <b>reliable</b> stream<br>in order\nWhat is UDP?\tDatagrams\n') });
  await expect(page.locator('.editor-card')).toHaveCount(2);
  await expect(page.locator('#card-0-answer')).toHaveValue('A **reliable** stream\n\nin order');
  await expect(page.locator('#export-status')).toHaveText('Ready: 2 cards that the widget opens.');
  // The draft before the import is kept in storage: a reload still offers it.
  await page.reload();
  await expect(page.locator('.editor-card')).toHaveCount(2);
  await page.getByRole('button', { name: /^Swap with the kept draft \(“Mine”, 1 card\)/ }).click();
  await expect(page.locator('#deck-title')).toHaveValue('Mine');
  await expect(page.locator('#card-0-question')).toHaveValue('My own question?');
  // And the imported one is kept in its place.
  await expect(page.getByRole('button', { name: /^Swap with the kept draft \(“Imported deck \(anki.txt\)”, 2 cards\)/ })).toBeFocused();
});

test('a removed card or topic goes back where it was, edits made since kept; moves keep focus', async ({ page }) => {
  await openEditor(page);
  for (const q of ['First?', 'Second?', 'Third?']) {
    await page.getByRole('button', { name: 'Add a card' }).click();
    await page.locator(`#card-${(await page.locator('.editor-card').count()) - 1}-question`).fill(q);
  }
  await page.getByRole('button', { name: 'Remove card 2' }).click();
  await expect(page.locator('.editor-card')).toHaveCount(2);
  const putBack = page.getByRole('button', { name: 'Put card 2 back' });
  await expect(putBack).toBeFocused();
  await page.locator('#card-0-question').fill('First, edited after the removal?');
  await putBack.click();
  await expect.poll(() => page.locator('.editor-card textarea[id$=-question]').evaluateAll((els) => els.map((e) => e.value)))
    .toEqual(['First, edited after the removal?', 'Second?', 'Third?']);
  await expect(page.locator('#card-1-question')).toBeFocused();

  // A removed topic takes its cards back when put back.
  await page.getByRole('button', { name: 'Remove topic 1' }).click();
  await expect(page.locator('#card-0-topic-error')).toHaveText('Card 1 ("card-1") has an empty "topic".');
  await page.getByRole('button', { name: 'Put the topic “General” back' }).click();
  await expect(page.locator('#card-0-topic-error')).toHaveCount(0);
  await expect(page.locator('#topic-0-name')).toBeFocused();

  // Moving a card to the top: focus stays on a usable button of it.
  await page.getByRole('button', { name: 'Move card 2 up' }).click();
  await expect(page.locator('#card-0-question')).toHaveValue('Second?');
  await expect(page.locator('#card-0-down')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#card-1-question')).toHaveValue('Second?');
  await expect(page.locator('#card-1-down')).toBeFocused();
});

test('a damaged draft is kept aside and said so; a full storage is said so', async ({ page }) => {
  await page.goto('/__blank');
  await page.evaluate((key) => { localStorage.clear(); localStorage.setItem(key, '{"editor":1,"draft":{"title":'); }, DRAFT_KEY);
  await page.goto('./editor.html');
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('Your saved draft was not opened (it could not be read');
  const aside = await page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(`${key}:unreadable:`)), DRAFT_KEY);
  expect(aside).toHaveLength(1);
  await expect(notice).toContainText(aside[0]);
  expect(await page.evaluate((k) => localStorage.getItem(k), aside[0])).toBe('{"editor":1,"draft":{"title":');

  // Storage that refuses writes: the author is told to export.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await page.locator('#deck-title').fill('Will not fit');
  await expect(page.getByRole('alert').last()).toContainText("This browser's storage is full, so your latest changes are not kept: export the deck to keep them.");
});

test('drafts set aside are at most three, listed to download or delete, the oldest deleted first and said so', async ({ page }) => {
  await page.goto('/__blank');
  await page.evaluate(() => localStorage.clear());
  // Four damaged drafts met one after another: each is set aside.
  for (let n = 1; n <= 4; n += 1) {
    await page.goto('/__blank');
    await page.evaluate(([key, n]) => localStorage.setItem(key, `{"editor":1,"draft":{"title":"damaged ${n}"`), [DRAFT_KEY, n]);
    await page.goto('./editor.html');
    await expect(page.getByRole('alert')).toContainText('Your saved draft was not opened');
  }
  await expect(page.getByRole('alert')).toContainText('To keep at most 3, the oldest draft set aside (from');
  const asides = () => page.evaluate((key) => Object.keys(localStorage)
    .filter((k) => k.startsWith(`${key}:unreadable:`) || k.startsWith(`${key}:other-tab:`)).sort()
    .map((k) => localStorage.getItem(k)), DRAFT_KEY);
  expect(await asides()).toEqual([2, 3, 4].map((n) => `{"editor":1,"draft":{"title":"damaged ${n}"`));
  const list = page.getByRole('region', { name: 'Drafts set aside' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list.getByRole('listitem').first()).toContainText('A draft that could not be opened, set aside');
  const download = page.waitForEvent('download');
  await list.getByRole('button', { name: /^Download: / }).first().click();
  expect((await download).suggestedFilename()).toMatch(/^interview-cards-editor-draft-unreadable-\d+\.json$/);
  await list.getByRole('button', { name: /^Delete: / }).first().click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  expect(await asides()).toEqual([3, 4].map((n) => `{"editor":1,"draft":{"title":"damaged ${n}"`));
  await expectNoAxeViolations(page, 'drafts set aside');
});

test('a draft saved in another tab stops this one saving until the author chooses a version', async ({ page, context }) => {
  await openEditor(page);
  const other = await context.newPage();
  await other.goto('./editor.html');
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Deck editor');
  await page.locator('#deck-title').fill('Typed in the first tab');
  await expect(other.getByRole('alert')).toContainText('This draft was just saved in another tab');
  // Typing here now saves nothing over the first tab's version.
  await other.locator('#deck-id').fill('typed-in-the-second');
  expect(await other.evaluate((k) => JSON.parse(localStorage.getItem(k)).draft.title, DRAFT_KEY)).toBe('Typed in the first tab');
  await other.getByRole('button', { name: "Load the other tab's version" }).click();
  await expect(other.locator('#deck-title')).toHaveValue('Typed in the first tab');

  // Or this tab's version is kept, and the other one copied aside first.
  await page.locator('#deck-title').fill('The first tab again');
  await other.getByRole('button', { name: "Keep this tab's version" }).click();
  await expect(other.getByRole('status').first()).toContainText("This tab's version is kept; the other tab's is copied aside under");
  const aside = await other.evaluate((k) => Object.keys(localStorage).filter((x) => x.startsWith(`${k}:other-tab:`)), DRAFT_KEY);
  expect(aside).toHaveLength(1);
  expect(await other.evaluate((k) => JSON.parse(localStorage.getItem(k)).draft.title, aside[0])).toBe('The first tab again');
  await other.locator('#deck-id').fill('kept-from-the-second');
  await expect.poll(() => other.evaluate((k) => JSON.parse(localStorage.getItem(k)).draft.id, DRAFT_KEY)).toBe('kept-from-the-second');
});

test('the embed builder shows the draft live and writes the snippets', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openEditor(page);
  await page.locator('#deck-title').fill('Networking');
  await page.locator('#deck-id').fill('net');
  for (const [q, a] of [['What is DNS?', 'Names to addresses.'], ['What is TCP?', 'A reliable stream.']]) {
    await page.getByRole('button', { name: 'Add a card' }).click();
    const n = (await page.locator('.editor-card').count()) - 1;
    await page.locator(`#card-${n}-question`).fill(q);
    await page.locator(`#card-${n}-answer`).fill(a);
  }
  // The bank named by its cards and the source questions they cover.
  await expect(page.getByRole('combobox', { name: 'Deck', exact: true }).locator('option[value="bank"]'))
    .toHaveText('The built-in bank: 110 cards (124 questions)');
  await page.getByRole('checkbox', { name: 'Authentication, Authorization & Security' }).check();
  await expect(page.locator('#snippet-element')).toHaveValue(/topic="security"/);
  await page.getByRole('combobox', { name: 'Deck', exact: true }).selectOption('draft');
  await page.getByRole('checkbox', { name: 'General' }).check();
  await page.getByRole('checkbox', { name: 'hard' }).check();
  await page.getByLabel('Mode').selectOption('review');
  await page.getByLabel('Widget theme').selectOption('dark');

  const iframe = page.locator('#snippet-iframe');
  await expect(iframe).toHaveValue(/src="http:\/\/127\.0\.0\.1:\d+\/\?deck=\.\/net\.json&amp;topic=general&amp;difficulty=hard&amp;mode=review&amp;theme=dark&amp;layout=embed"/);
  await expect(iframe).toHaveValue(/<script src="http:\/\/127\.0\.0\.1:\d+\/resizer\.js" defer><\/script>/);
  await expect(page.locator('#snippet-mount')).toHaveValue(/<div data-interview-cards data-deck="\.\/net\.json" data-topic="general" data-difficulty="hard" data-mode="review" data-theme="dark" data-layout="embed"><\/div>/);
  await expect(page.locator('#snippet-element')).toHaveValue(/<interview-cards deck="\.\/net\.json" topic="general" difficulty="hard" mode="review" theme="dark" layout="embed"><\/interview-cards>/);
  await expect(page.locator('#snippet-scorm')).toHaveValue('scripts/scorm.sh --deck net.json --topic general --difficulty hard --mode review');
  await expect(page.locator('#snippet-link')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/#deck=[A-Za-z0-9_-]+$/);

  // The live widget shows the draft (carried in its fragment), with the chosen presets.
  await page.getByLabel('Mode').selectOption('practice');
  await page.getByRole('checkbox', { name: 'hard' }).uncheck();
  const live = page.frameLocator('iframe[title="Live preview of the widget"]');
  await expect(live.locator('#card-question')).toHaveText('What is DNS?');
  await expect(live.locator('.app')).toHaveAttribute('data-theme', 'dark');
  // An edit reaches it once the author pauses.
  await page.locator('#card-0-question').fill('What does DNS do?');
  const frame = page.locator('iframe[title="Live preview of the widget"]');
  const shownDeck = async () => {
    const src = await frame.getAttribute('src');
    return JSON.parse(inflateRawSync(Buffer.from(src.split('#deck=')[1], 'base64url')).toString());
  };
  await expect.poll(async () => (await shownDeck()).cards.map((c) => c.question)).toEqual(['What does DNS do?', 'What is TCP?']);
  // The reloaded widget shows the edited deck (where it stands in it is the widget's choice).
  await expect(live.getByTestId('position')).toHaveText(/^[12] \/ 2$/);
  await expect(live.locator('#card-question')).toHaveText(/^(What does DNS do\?|What is TCP\?)$/);

  // The share link opens the same deck in a fresh context.
  const link = await page.locator('#snippet-link').inputValue();
  const other = await page.context().browser().newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await ready(fresh);
  await expect(fresh.locator('h1')).toHaveText('Networking');
  await other.close();

  // Copy puts the snippet on the clipboard, and says so.
  await page.getByRole('button', { name: 'Copy: Custom element' }).click();
  await expect(page.getByRole('status').last()).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('#snippet-element').inputValue());
});

for (const scheme of ['light', 'dark']) {
  test(`the editor passes axe in ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openEditor(page);
    await page.getByRole('button', { name: 'Add a card' }).click();
    await page.locator('#card-0-question').fill('What is an index?');
    await page.locator('#card-0-answer').fill('A **B-tree**:\n\n- fast reads\n- `CREATE INDEX`\n\n```sql\nSELECT 1;\n```');
    await page.locator('#card-0-key_points').fill('one\ntwo');
    await expect(page.locator('#card-0-key_points-error')).toBeVisible();
    await page.getByRole('combobox', { name: 'Deck', exact: true }).selectOption('draft');
    await expectNoAxeViolations(page, `editor (${scheme})`);
    await page.getByRole('combobox', { name: 'Theme', exact: true }).selectOption(scheme === 'light' ? 'dark' : 'light');
    await expectNoAxeViolations(page, `editor (${scheme}, theme switched)`);
  });
}

test('on a 360 px screen the editor fits, with the whole bank in it', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openEditor(page);
  await page.locator('#import-file').setInputFiles('data/deck.json');
  await expect(page.locator('.editor-card')).toHaveCount(110);
  await expect(page.locator('#export-status')).toHaveText('Ready: 110 cards that the widget opens.');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('the practice page downloads nothing of the editor', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await openBare(page, './');
  await ready(page);
  expect(fetched.filter((p) => /editor/.test(p))).toEqual([]);
});
