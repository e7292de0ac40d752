// Seeded generator of large decks (and matching progress) for benchmarks and tests: the same
// seed always gives the same files, so nothing large is committed.
// Usage: node scripts/gen-deck.mjs <cards> <seed> <out-dir> [reviews-per-card]
// Writes <out-dir>/deck-<cards>.json and, when reviews-per-card > 0, progress-<cards>.json
// (the value to put under interview-cards:<deck-id>:progress).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [cards = '10000', seed = '42', out = 'bench/out', reviews = '0'] = process.argv.slice(2);
const n = Number(cards);
let state = Number(seed) >>> 0;
const random = () => { // mulberry32
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const words = ('cache queue index shard replica token session cookie header latency throughput ' +
  'partition consensus lock deadlock retry backoff idempotent webhook gateway proxy balancer ' +
  'schema migration tenant stream offset consumer producer broker container cluster pod ' +
  'certificate handshake cipher hash salt bucket window quota metric trace span log alert').split(' ');
const sentence = (len) => Array.from({ length: len }, () => pick(words)).join(' ');
const topics = ['http', 'api', 'security', 'databases', 'performance', 'architecture', 'async', 'devops'];

const deck = {
  format: 1,
  id: `generated-${n}`,
  title: `Generated deck (${n} cards, seed ${seed})`,
  topics: topics.map((id) => ({ id, name: id[0].toUpperCase() + id.slice(1) })),
  cards: Array.from({ length: n }, (_, i) => ({
    id: `g-${i}`,
    topic: pick(topics),
    difficulty: pick(['easy', 'medium', 'hard']),
    question: `Question ${i}: how does the ${sentence(3)} affect ${sentence(2)}?`,
    answer: `${sentence(14)}.\n\n- **${pick(words)}**: ${sentence(6)}\n- \`${pick(words)}\`: ${sentence(6)}`,
    tags: [pick(words), pick(words)],
  })),
};
await mkdir(out, { recursive: true });
await writeFile(join(out, `deck-${n}.json`), JSON.stringify(deck));

const perCard = Number(reviews);
if (perCard > 0) {
  const now = Date.parse('2026-11-01T00:00:00Z');
  const day = 86400000;
  const progress = { format: 2, deck: deck.id, cards: {} };
  for (const card of deck.cards) {
    const log = Array.from({ length: perCard }, (_, k) => ({
      rating: pick(['Again', 'Hard', 'Good', 'Easy']),
      at: now - (perCard - k) * 3 * day - Math.floor(random() * day),
    }));
    const last = log[log.length - 1].at;
    progress.cards[card.id] = {
      last_seen: last, views: perCard, log,
      memory: { stab: 1 + random() * 60, diff: 1 + random() * 9, due: last + Math.floor(random() * 20) * day, last, reps: perCard, lapses: 0 },
    };
  }
  await writeFile(join(out, `progress-${n}.json`), JSON.stringify(progress));
}
console.log(`wrote ${join(out, `deck-${n}.json`)}${perCard > 0 ? ` and progress-${n}.json` : ''}`);
