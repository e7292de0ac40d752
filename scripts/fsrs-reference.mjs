// Runs ts-fsrs (the reference FSRS-6 implementation, from npm) over random rating sequences at
// random times and writes what it schedules after every grade, as JSON on stdout.
// tests/fsrs_reference.rs replays the same grades through the Rust scheduler and compares.
//
//   node scripts/fsrs-reference.mjs [seed] [sequences] > file.json
//
// The committed fixture tests/fixtures/fsrs-reference.json, the pass/fail gate, is seed 20261210,
// 200 sequences (chosen because 3 of them reach the scheduler's one departure from ts-fsrs, so
// the gate checks that rule too); scripts/test.sh also explores a fresh random seed on every
// run, reporting what it finds without failing on it.
import { createEmptyCard, fsrs, FSRSVersion, State } from 'ts-fsrs';

const seed = Number(process.argv[2] ?? 20261210) >>> 0;
const sequences = Number(process.argv[3] ?? 200);

// mulberry32: small, seeded, the same on every machine.
let state = seed;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (xs) => xs[int(0, xs.length - 1)];

// Step settings: Anki's defaults, none, a step of a day or more, and several relearning steps
// (ts-fsrs then caps w17 and w18).
const STEP_SETS = [
  [[1, 10], [10]],
  [[1, 10], [10]],
  [[], []],
  [[5], [10, 60, 1440]],
  [[1, 10, 60], [10, 20]],
  [[2880], []],
  [[15], [1440]],
];
const PHASE = { [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' };
const MINUTE = 60_000;
const DAY = 86_400_000;

const cases = [];
for (let c = 0; c < sequences; c++) {
  const retention = int(70, 97) / 100;
  const [learning, relearning] = pick(STEP_SETS);
  const scheduler = fsrs({
    request_retention: retention,
    enable_fuzz: false,
    enable_short_term: true,
    learning_steps: learning.map((m) => `${m}m`),
    relearning_steps: relearning.map((m) => `${m}m`),
  });
  let now = Date.UTC(2024, 0, 1) + int(0, 3 * 365) * DAY + int(0, DAY - 1);
  let card = createEmptyCard(new Date(now));
  const reviews = [];
  const count = int(1, 24);
  for (let r = 0; r < count; r++) {
    if (r > 0) {
      const due = card.due.getTime();
      const roll = random();
      if (roll < 0.4) now = Math.max(now, due) + int(0, 90) * MINUTE;
      else if (roll < 0.65) now += int(0, 180) * MINUTE + int(0, 59_999);
      else if (roll < 0.9) now += int(0, 60) * DAY + int(0, DAY - 1);
      else now += int(100, 900) * DAY;
    }
    const rating = int(1, 4);
    card = scheduler.next(card, new Date(now), rating).card;
    reviews.push([now, rating, card.due.getTime(), card.stability, card.difficulty,
      PHASE[card.state], card.learning_steps, card.reps, card.lapses]);
  }
  cases.push({ retention, learning, relearning, reviews });
}

process.stdout.write(JSON.stringify({ reference: `ts-fsrs ${FSRSVersion}`, seed, cases }) + '\n');
