// Makes a link that carries a small deck in its fragment, so it opens for anyone with no server
// and no file: node scripts/share-link.mjs my-deck.json [https://where.the.app.is/]
// The deck (this project's JSON, or a TSV/CSV export) is compressed (deflate) and written as
// base64url after #deck=. The fragment never reaches a server. Links over 8,000 characters are
// refused (chat apps, mail and some browsers cut longer ones): share such a deck as a file.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

export const LIMIT = 8000;
const [file, base = './'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/share-link.mjs DECK_FILE [APP_URL]');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const packed = deflateRawSync(Buffer.from(text), { level: 9 }).toString('base64url');
const link = `${base}#deck=${packed}`;
if (link.length > LIMIT) {
  console.error(`share-link: this deck makes a ${link.length}-character link, over ${LIMIT}: share it as a file instead `
    + '(see README "Custom decks").');
  process.exit(1);
}
console.log(link);
