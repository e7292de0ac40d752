// Builds a SCORM 1.2 package of the widget from the release build in dist/: imsmanifest.xml,
// the build, a launch page (scorm.html) with the SCORM bridge (web/scorm.js) and its settings.
// Run through scripts/scorm.sh, which builds dist/ first. Options:
//   --deck FILE            a deck in this project's JSON format (default: the bundled bank)
//   --topic IDS --difficulty easy,medium,hard --mode session|practice|review|mock   presets, as the
//                          URL's (comma-separated lists)
//   --complete reviewed    completed once every card was reviewed (default)
//   --complete mastered:N  completed once N % of the cards are mastered (stable 21 days or more)
//   --title TEXT           the title the platform shows (default: the deck's)
//   --commit-every S       commit to the platform at most every S seconds (default 10)
//   --out FILE             the zip (default dist-scorm/interview-cards-scorm.zip); the unpacked
//                          package is written beside it, in a folder of the zip's name
import { createHash } from 'node:crypto';
import { access, copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const fail = (message) => { console.error(`scorm: ${message}`); process.exit(1); };
const known = ['deck', 'topic', 'difficulty', 'mode', 'complete', 'title', 'commit-every', 'out', 'no-build'];
for (const a of args.filter((a) => a.startsWith('--'))) {
  if (!known.includes(a.slice(2))) fail(`unknown option ${a} (see the top of scripts/scorm.mjs)`);
}

const files = await readdir('dist').catch(() => fail('no dist/: run scripts/scorm.sh, which builds it'));
const bankFile = files.find((f) => /^bank-[0-9a-f]+\.json$/.test(f));
if (!bankFile || !files.includes('embed.js')) fail('dist/ is not a release build of this app');

// The deck: its id (the progress key) and its cards' ids (positions in the encoding).
const deckPath = option('deck');
let deck;
try {
  deck = JSON.parse(await readFile(deckPath ?? join('dist', bankFile), 'utf8'));
} catch (e) {
  fail(`${deckPath ?? bankFile} is not a JSON deck: ${e.message}`);
}
if (typeof deck.id !== 'string' || !Array.isArray(deck.cards) || !deck.cards.length
  || deck.cards.some((c) => typeof c.id !== 'string')) {
  fail(`${deckPath ?? bankFile} is not a deck in this project's format (see data/README.md)`);
}
if (deck.cards.length > 4095) fail('a deck of more than 4,095 cards does not fit the encoding');
for (const [name, field] of [['topic', 'topic'], ['difficulty', 'difficulty']]) {
  // Comma-separated, as in the URL: each value must be one some card has.
  for (const value of option(name)?.split(',') ?? []) {
    if (!deck.cards.some((c) => c[field] === value)) fail(`no card of the deck has ${name} "${value}"`);
  }
}

const complete = option('complete', 'reviewed');
const mastered = /^mastered:(\d{1,3})$/.exec(complete);
if (complete !== 'reviewed' && !(mastered && Number(mastered[1]) <= 100)) {
  fail(`--complete must be "reviewed" or "mastered:N" with N a percentage, not "${complete}"`);
}
const commitEvery = Number(option('commit-every', '10'));
if (!(commitEvery >= 0)) fail('--commit-every takes seconds');

const out = option('out', 'dist-scorm/interview-cards-scorm.zip');
if (!out.endsWith('.zip')) fail('--out must name a .zip file');
const pkg = join(dirname(out), basename(out, '.zip'));
// Only a folder this script made (or none) is replaced.
const exists = await access(pkg).then(() => true, () => false);
if (exists && !(await access(join(pkg, 'scorm.js')).then(() => true, () => false))) {
  fail(`${pkg} exists and is not a package this script made: move it, or choose another --out`);
}
await rm(pkg, { recursive: true, force: true });
await mkdir(pkg, { recursive: true });

// The build, without what a course package has no use for: precompressed copies, the service
// worker (the platform serves the files; an offline copy on its origin is not ours to make),
// the full template deck, and the authoring page.
for (const f of files) {
  if (/\.(gz|br)$/.test(f) || ['sw.js', 'deck.json', 'index.html', 'editor.html'].includes(f) || /^editor-/.test(f)) continue;
  await copyFile(join('dist', f), join(pkg, f));
}
const params = new URLSearchParams();
// The package's own deck is named by its launch page (<meta name="interview-cards-deck">), not
// by its address: a deck in an address is one anyone could have sent, shown and saved apart.
let deckFile = null;
if (deckPath) {
  deckFile = `deck-${createHash('sha256').update(JSON.stringify(deck)).digest('hex').slice(0, 16)}.json`;
  await writeFile(join(pkg, deckFile), JSON.stringify(deck));
}
for (const p of ['topic', 'difficulty', 'mode']) if (option(p)) params.set(p, option(p));
const launch = `scorm.html${params.size ? `?${params}` : ''}`;

await copyFile('web/scorm.js', join(pkg, 'scorm.js'));
await writeFile(join(pkg, 'scorm-config.js'), `// Written by scripts/scorm.mjs for this package.
window.interviewCardsScorm = ${JSON.stringify({
    deck: deck.id,
    complete: mastered ? 'mastered' : 'reviewed',
    percent: mastered ? Number(mastered[1]) : 100,
    commitEveryMs: commitEvery * 1000,
    // Positions in the suspend data: every card of the deck, in order.
    cards: deck.cards.map((c) => c.id),
    // What counts for completion and the score: the cards the presets show.
    counted: deck.cards.filter((c) => (!option('topic') || option('topic').split(',').includes(c.topic))
      && (!option('difficulty') || option('difficulty').split(',').includes(c.difficulty))).map((c) => c.id),
  })};
`);
const title = option('title', deck.title || 'Interview practice');
const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
let page = await readFile('dist/index.html', 'utf8');
page = page
  .replace(/\s*<meta name="interview-cards-offline"[^>]*>/, '')
  .replace(/<title>[^<]*<\/title>/, `<title>${escape(title)}</title>`)
  .replace(/(<script type="module" src="\.\/embed\.js"><\/script>)/,
    '<script src="./scorm-config.js"></script>\n<script src="./scorm.js"></script>\n$1')
  .replace(/(<div id="app">)/, '<p id="scorm-notice" class="scorm-notice" role="status" hidden></p>\n  $1')
  // A file, not a <style>: the page's Content-Security-Policy refuses inline styles.
  .replace('</head>', `<link rel="stylesheet" href="./scorm.css">\n${deckFile ? `<meta name="interview-cards-deck" content="./${deckFile}">\n` : ''}</head>`);
if (!page.includes('scorm.js') || !page.includes('scorm-notice')) fail('dist/index.html is not shaped as expected');
await writeFile(join(pkg, 'scorm.html'), page);
await writeFile(join(pkg, 'scorm.css'), '.scorm-notice { margin: .75rem; padding: .5rem .75rem; border: 2px solid; border-radius: .5rem; font-family: system-ui, sans-serif; }\n');

const packaged = (await readdir(pkg)).sort();
const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="interview-cards-${escape(deck.id)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="interview-cards">
    <organization identifier="interview-cards">
      <title>${escape(title)}</title>
      <item identifier="practice" identifierref="widget">
        <title>${escape(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="widget" type="webcontent" adlcp:scormtype="sco" href="${escape(launch)}">
${packaged.map((f) => `      <file href="${escape(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
await writeFile(join(pkg, 'imsmanifest.xml'), manifest);

// A zip (deflate), written here so no zip tool is needed; fixed dates, so the same input gives
// the same bytes.
const entries = (await readdir(pkg)).sort();
const local = [];
const central = [];
let offset = 0;
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
for (const name of entries) {
  const body = await readFile(join(pkg, name));
  const packed = deflateRawSync(body, { level: 9 });
  const nameBytes = Buffer.from(name, 'utf8');
  const head = Buffer.alloc(30);
  head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(0x0800, 6);
  head.writeUInt16LE(8, 8); head.writeUInt16LE(DOS_TIME, 10); head.writeUInt16LE(DOS_DATE, 12);
  head.writeUInt32LE(crc32(body), 14); head.writeUInt32LE(packed.length, 18); head.writeUInt32LE(body.length, 22);
  head.writeUInt16LE(nameBytes.length, 26); head.writeUInt16LE(0, 28);
  local.push(head, nameBytes, packed);
  const dir = Buffer.alloc(46);
  dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(20, 4); dir.writeUInt16LE(20, 6); dir.writeUInt16LE(0x0800, 8);
  dir.writeUInt16LE(8, 10); dir.writeUInt16LE(DOS_TIME, 12); dir.writeUInt16LE(DOS_DATE, 14);
  dir.writeUInt32LE(crc32(body), 16); dir.writeUInt32LE(packed.length, 20); dir.writeUInt32LE(body.length, 24);
  dir.writeUInt16LE(nameBytes.length, 28); dir.writeUInt32LE(offset, 42);
  central.push(dir, nameBytes);
  offset += 30 + nameBytes.length + packed.length;
}
const centralSize = central.reduce((n, b) => n + b.length, 0);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
end.writeUInt32LE(centralSize, 12); end.writeUInt32LE(offset, 16);
await writeFile(out, Buffer.concat([...local, ...central, end]));
console.log(`scorm: ${out} (${entries.length} files, deck "${deck.id}" with ${deck.cards.length} cards, `
  + `launch ${launch}, complete when ${mastered ? `${mastered[1]} % mastered` : 'every card is reviewed'}); unpacked in ${pkg}/`);
