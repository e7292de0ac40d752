// Trunk post-build hook (see Trunk.toml). Runs on the staged build before it becomes dist/:
// 1. moves Trunk's inline start-up script into embed.js, so the page works under a strict
//    Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval') and so host pages can
//    load the same file to mount widgets directly;
// 2. builds the optimizer module (scripts/build-wasm.sh) and writes its worker, all named
//    by content; downloaded only when a learner asks to fit the schedule, never precached;
//    and the authoring page, editor.html, with its own module (the practice page never loads it);
// 3. writes sw.js, a service worker that caches this exact build (release builds only).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { readFile, readdir, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === 'release';
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk');

const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');
const css = html.match(/href="\.\/(app-[^"]+\.css)"/)?.[1];
if (!css) throw new Error('post-build: could not find the app\'s stylesheet in index.html');
// Release builds ship the stylesheet without comments and without the spaces around braces,
// semicolons and commas (about 0.9 KB gzip, on the first card's path); the name stays
// Trunk's (a hash of the source) and the integrity attribute follows the new text. No string
// in the stylesheet holds those characters, and selectors keep their spaces.
if (release) {
  const cssPath = join(dir, css);
  const text = (await readFile(cssPath, 'utf8'))
    .replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};,])\s*/g, '$1').replace(/;}/g, '}').trim();
  await writeFile(cssPath, text);
  const integrity = `sha384-${createHash('sha384').update(text).digest('base64')}`;
  const link = new RegExp(`(href="\\./${css.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]+(")`);
  if (!link.test(html)) throw new Error('post-build: the stylesheet\'s link has no integrity attribute');
  html = html.replace(link, `$1${integrity}$2`);
}

// The page's Content-Security-Policy (index.html's <meta>) refuses inline scripts: `trunk serve`
// writes its live-reload script inline, so it becomes a file beside the page. A release build
// must have none.
const inline = /<script(?:\s+nonce="[^"]*")?>([\s\S]*?)<\/script>/g;
if (release && inline.test(html)) throw new Error('post-build: index.html has an inline script, which its CSP refuses');
html = await (async () => {
  const bodies = [...html.matchAll(inline)].map((m) => m[1]);
  if (!bodies.length) return html;
  await writeFile(join(dir, 'trunk-autoreload.js'), bodies.join('\n'));
  return html.replace(inline, '').replace('</body>', '<script src="./trunk-autoreload.js"></script>\n</body>');
})();

// Release builds ship their JavaScript minified (terser): the glue, embed.js, sw.js, the
// optimizer's worker and the editor's glue. Debug builds keep it readable.
const shrink = async (code, module = true) => {
  if (!release) return code;
  const out = await minify(code, { module, ecma: 2020, compress: { passes: 2 }, format: { comments: false } });
  if (!out.code) throw new Error('post-build: terser returned nothing');
  return out.code;
};

// The optimizer: its wasm, its glue and the worker around them, each named by content.
const named = (stem, ext, body) => `${stem}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}${ext}`;
/** Builds a module loaded apart from the app (scripts/build-wasm.sh, into target/NAME-web):
 * its wasm, named by content, and its wasm-bindgen glue as text. */
async function buildModule(name, artifact, ...cargoArgs) {
  const out = join('target', `${name}-web`);
  execFileSync('bash', ['scripts/build-wasm.sh', out, name, artifact, ...cargoArgs], { stdio: 'inherit' });
  const wasm = await readFile(join(out, `${name}_bg.wasm`));
  return { wasm, wasmName: named(name, '_bg.wasm', wasm), glue: await readFile(join(out, `${name}.js`), 'utf8') };
}
/** The practice page's module (scripts/build-app.sh, into target/app-web), written into the
 * build named by content. A release build has the first module, the chunk of the later views and
 * the link module between them: each wasm is named by its content; the two JS files import each
 * other, so both are named by one id made from every wasm name and both texts. Returns the
 * shipped names: the glue (`js`), the first wasm, and the modules the page imports. */
async function buildApp() {
  const out = join('target', 'app-web');
  execFileSync('bash', ['scripts/build-app.sh', out, release ? 'release' : 'debug'], { stdio: 'inherit' });
  const built = await readdir(out);
  let glue = await readFile(join(out, 'main.js'), 'utf8');
  let link = built.includes('__wasm_split.js') ? await readFile(join(out, '__wasm_split.js'), 'utf8') : null;
  // What each split point loads with it: code two chunks share is cut into a chunk of its own
  // (chunk_N.wasm), named here after the split points that need it (shared-import-scorm-…).
  const needs = new Map();
  for (const m of (link ?? '').matchAll(/export const __wasm_split_load_(\w+) = [\s\S]*?, \[([^\]]*)\]\)\);/g)) {
    needs.set(m[1], [...m[2].matchAll(/__chunk_(\d+)/g)].map((c) => `chunk_${c[1]}.wasm`));
  }
  if (link !== null && !needs.has('later')) throw new Error('post-build: __wasm_split.js is not shaped as expected (no later split point)');
  const users = (chunk) => [...needs].filter(([, deps]) => deps.includes(chunk)).map(([point]) => point).sort();
  const names = new Map();
  const bodies = new Map();
  for (const f of built.filter((f) => f.endsWith('.wasm'))) {
    const body = await readFile(join(out, f));
    bodies.set(f, body);
    const stem = f.startsWith('chunk_') ? ['shared', ...users(f)].join('-') : f.replace(/^split_/, '').replace(/\.wasm$/, '').replaceAll('_', '-');
    names.set(f, f === 'main_bg.wasm' ? named('interview-cards', '_bg.wasm', body) : named(stem, '.wasm', body));
  }
  const id = createHash('sha256').update([...names.values()].join(' ')).update(glue).update(link ?? '').digest('hex').slice(0, 16);
  const js = `interview-cards-${id}.js`;
  const linkName = `split-${id}.js`;
  if (link !== null) {
    // Only the ES import specifiers are renamed: the same text is also the import module name
    // baked into the wasm ("./__wasm_split.js": import1), which must stay as it is.
    const importsLink = /(from\s*)"\.\/__wasm_split\.js"/g;
    // (Once per split point.)
    if (!importsLink.test(glue)) throw new Error('post-build: main.js does not import __wasm_split.js');
    glue = glue.replace(importsLink, `$1"./${linkName}"`);
    const importsGlue = /(from\s*)"\.\/main\.js"/g;
    if ((link.match(importsGlue) ?? []).length !== 1) throw new Error('post-build: __wasm_split.js does not import main.js once');
    link = link.replace(importsGlue, `$1"./${js}"`);
    for (const [from, to] of names) {
      if (from === 'main_bg.wasm') continue;
      const literal = `"./${from}"`;
      if (!link.includes(literal)) throw new Error(`post-build: __wasm_split.js does not fetch ${from}`);
      link = link.replaceAll(literal, `"./${to}"`);
    }
    await writeFile(join(dir, linkName), await shrink(link));
  }
  await writeFile(join(dir, js), await shrink(glue));
  for (const [from, to] of names) await writeFile(join(dir, to), bodies.get(from));
  const chunks = [...names].filter(([from]) => from !== 'main_bg.wasm').map(([, to]) => to);
  // A visit fetches the later views and what they need; the rest only on demand: the chunk
  // that opens decks other than the bank, the course platform's (SCORM packages), and what
  // only those share (src/app/later.rs).
  const visit = new Set(['split_later.wasm', ...(needs.get('later') ?? [])]);
  return {
    js, wasm: names.get('main_bg.wasm'), modules: link === null ? [js] : [js, linkName], chunks,
    onDemand: [...names].filter(([from]) => from !== 'main_bg.wasm' && !visit.has(from)).map(([, to]) => to),
  };
}
const app = await buildApp();

const { wasm: optimizerWasm, wasmName: optimizerWasmName, glue: builtOptimizerGlue } = await buildModule(
  'optimizer', 'interview_cards_optimizer', '-p', 'interview-cards-optimizer');
const optimizerGlue = await shrink(builtOptimizerGlue);
const optimizerGlueName = named('optimizer', '.js', optimizerGlue);
const worker = await shrink(`// Fits FSRS weights to a learner's reviews off the page's thread. Generated by
// scripts/post-build.mjs; the fit is optimizer/src/lib.rs. Takes {cards, current, relearning}
// (typed arrays, see there); reports {stage, done} as it goes, then {result} (a Float64Array)
// or {error}.
import init, { optimise } from './${optimizerGlueName}';
const WASM = new URL('./${optimizerWasmName}', import.meta.url);
const SIZE = ${optimizerWasm.length};
async function load() {
  const offline = 'The optimizer could not be downloaded. Are you offline? Try again when connected.';
  const response = await fetch(WASM).catch(() => { throw new Error(offline); });
  if (!response.ok) throw new Error('The optimizer could not be downloaded (HTTP ' + response.status + ').');
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    postMessage({ stage: 0, done: Math.min(1, received / SIZE) });
  }
  await init({ module_or_path: await new Blob(chunks).arrayBuffer() });
}
onmessage = async (event) => {
  try {
    await load();
    const started = performance.now();
    const { cards, current, relearning } = event.data;
    const result = optimise(cards, current, relearning, (stage, done) => postMessage({ stage: stage + 1, done }));
    postMessage({ result, ms: performance.now() - started });
  } catch (e) {
    postMessage({ error: String(e && e.message ? e.message : e) });
  }
  close();
};
`);
const workerName = named('optimizer-worker', '.js', worker);

// The bank: data/deck.json without what the app does not show (each card's seed `sources` and
// the record of a changed difficulty) and without whitespace, in parts named by content: an
// index with what the practice view needs of every card before it is turned (id, topic,
// difficulty, question, tags) and the names of the parts, and one part per topic with its
// cards' answers and key points. Fetched by embed.js only for widgets that show it; dist/deck.json
// stays the full file, for authors. The format is in data/README.md ("The bank in parts").
const bankDeck = JSON.parse(await readFile('data/deck.json', 'utf8'));
const bankFiles = { index: null, first: null, parts: {} };
const partNames = {};
for (const topic of bankDeck.topics) {
  const cards = bankDeck.cards.filter((c) => c.topic === topic.id)
    .map((c) => ({ id: c.id, answer: c.answer, ...(c.key_points?.length ? { key_points: c.key_points } : {}) }));
  if (!cards.length) continue;
  const part = JSON.stringify({ topic: topic.id, cards });
  const name = named(`bank-${topic.id}`, '.json', part);
  await writeFile(join(dir, name), part);
  partNames[topic.id] = name;
  bankFiles.parts[topic.id] = name;
}
const index = JSON.stringify({
  format: bankDeck.format, id: bankDeck.id, title: bankDeck.title, topics: bankDeck.topics,
  cards: bankDeck.cards.map((c) => ({ id: c.id, topic: c.topic, difficulty: c.difficulty, question: c.question, ...(c.tags?.length ? { tags: c.tags } : {}) })),
  parts: partNames,
});
const indexName = named('bank', '.json', index);
await writeFile(join(dir, indexName), index);
bankFiles.index = indexName;
bankFiles.first = bankFiles.parts[bankDeck.cards[0].topic];
await writeFile(join(dir, optimizerWasmName), optimizerWasm);
await writeFile(join(dir, optimizerGlueName), optimizerGlue);
await writeFile(join(dir, workerName), worker);
const optimizerFiles = [optimizerWasmName, optimizerGlueName, workerName];

// The authoring page (editor.html): its own module, stylesheet and page, named by content; not
// part of the practice page's downloads, nor of the offline copy.
const { wasm: editorWasm, wasmName: editorWasmName, glue: builtEditorGlue } = await buildModule('editor', 'editor', '--bin', 'editor');
let editorGlue = builtEditorGlue;
if (!/__wbg_init as default/.test(editorGlue)) throw new Error('post-build: the editor\'s glue is not shaped as expected');
// The glue starts itself (no inline script: the page works under a strict CSP).
editorGlue += `\nawait __wbg_init({ module_or_path: new URL('./${editorWasmName}', import.meta.url) });\n`;
editorGlue = await shrink(editorGlue);
const editorGlueName = named('editor', '.js', editorGlue);
const editorCss = await readFile('styles/editor.css');
const editorCssName = named('editor', '.css', editorCss);
const editorPage = (await readFile('web/editor.html', 'utf8'))
  .replaceAll('{{app-css}}', css).replaceAll('{{editor-css}}', editorCssName).replaceAll('{{editor-js}}', editorGlueName);
if (/\{\{/.test(editorPage)) throw new Error('post-build: web/editor.html names a file this hook does not know');
await writeFile(join(dir, editorWasmName), editorWasm);
await writeFile(join(dir, editorGlueName), editorGlue);
await writeFile(join(dir, editorCssName), editorCss);
await writeFile(join(dir, 'editor.html'), editorPage);
const editorFiles = ['editor.html', editorWasmName, editorGlueName, editorCssName];

// embed.js: web/embed.js with this build's file names.
const embedTemplate = await readFile('web/embed.js', 'utf8');
const PLACEHOLDER = 'const BUILD = {};';
if (embedTemplate.split(PLACEHOLDER).length !== 2) throw new Error(`post-build: web/embed.js must hold "${PLACEHOLDER}" once`);
const build = { release, css: `./${css}`, js: `./${app.js}`, wasm: `./${app.wasm}`, worker: `./${workerName}`, bank: bankFiles };
await writeFile(join(dir, 'embed.js'), await shrink(embedTemplate.replace(PLACEHOLDER, `const BUILD = ${JSON.stringify(build)};`)));
// The page starts embed.js, and the browser fetches the first module's code and wasm beside it
// from the start (embed.js imports one and instantiates the other).
const preloads = [
  '<script type="module" src="./embed.js"></script>',
  ...app.modules.map((f) => `<link rel="modulepreload" href="./${f}">`),
  `<link rel="preload" href="./${app.wasm}" as="fetch" type="application/wasm" crossorigin>`,
].join('\n  ');
if (!html.includes('</head>')) throw new Error('post-build: index.html has no </head>');
html = html.replace('</head>', `  ${preloads}\n</head>`);
// A release page without its comments (they are for whoever reads index.html in the source),
// Trunk's leftover of the skipped rust link, and the blank lines left behind: the page is on
// the first card's path, and this is 0.3 KB gzip of it.
if (release) {
  html = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<link data-trunk rel="rust"[^>]*>/, '').replace(/\n\s*(?=\n)/g, '');
}
await writeFile(indexPath, html);

await rm(join(dir, 'sw.js'), { force: true });
if (release) {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1).split('\\').join('/'))
    .filter((f) => !f.startsWith('.'))
    .sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(await readFile(join(dir, f)));
  const version = hash.digest('hex').slice(0, 16);
  // Only what a first visit and offline use need: not the bank's second copy (deck.json, a
  // template for authors; the app fetches the bank in parts) nor resizer.js (for host pages).
  // Nor the optimizer: downloaded only when asked, and kept then (OPTIONAL below). Nor the
  // authoring page (editor.html and its files): it is for authors, online.
  // Nor the chunk that opens other decks: fetched when one is opened, and kept then. Nor the
  // course platform's chunk (SCORM packages, which have no service worker).
  const optional = [...optimizerFiles, ...app.onDemand];
  const needed = files.filter((f) => !['deck.json', 'resizer.js', ...optional, ...editorFiles].includes(f) && !/\.(br|gz)$/.test(f));
  // The page is kept under './' (how it is navigated to), not a second time as index.html.
  const assets = ['./', ...needed.filter((f) => f !== 'index.html').map((f) => `./${f}`)];
  // Files without a content hash in their name (the page, embed.js, the icon) change between
  // builds under the same name: the worker checks them against these digests.
  const digests = {};
  // Trunk names the app's js, wasm and css with a content hash: a u64 in hex, so up to 16
  // digits (fewer when it starts with zeros); the bank and the optimizer are named the same
  // way here. One pattern, here and in the worker.
  const HASHED_NAME = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|json)$/;
  for (const f of needed.filter((f) => !HASHED_NAME.test(f))) {
    digests[`./${f}`] = createHash('sha256').update(await readFile(join(dir, f))).digest('hex');
  }
  digests['./'] = digests['./index.html'];
  delete digests['./index.html'];
  const swTemplate = await readFile('web/sw.js', 'utf8');
  if (swTemplate.split(PLACEHOLDER).length !== 2) throw new Error(`post-build: web/sw.js must hold "${PLACEHOLDER}" once`);
  const swBuild = { version, assets, digests, optional: optional.map((f) => `./${f}`), hashed: HASHED_NAME.source };
  const sw = swTemplate.replace(PLACEHOLDER, `const BUILD = ${JSON.stringify(swBuild)};`);
  await writeFile(join(dir, 'sw.js'), await shrink(sw, false));
  // Precompressed copies beside each file, for hosts that serve them (nginx gzip_static and
  // brotli_static, Netlify, most CDNs); the originals stay for the rest.
  for (const f of files) {
    const body = await readFile(join(dir, f));
    await writeFile(join(dir, `${f}.gz`), gzipSync(body, { level: 9 }));
    await writeFile(join(dir, `${f}.br`), brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  console.log(`post-build: embed.js and sw.js (${needed.length} of ${files.length} files cached, build ${version}), .gz and .br beside each`);
} else {
  console.log('post-build: embed.js (no service worker in debug builds)');
}
