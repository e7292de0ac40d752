// Synthetic review histories for fitting the schedule: a learner whose memory follows a known
// forgetting curve (not FSRS's default weights), reviewing on a plain schedule. Deterministic
// for a seed. Used by optimise.spec.js and scripts/bench-optimizer.mjs.
const DAY = 86_400_000;

/** A seeded generator (mulberry32): numbers in [0, 1). */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * About `reviews` reviews spread over `ids` (every card reviewed the same number of times),
 * ending before `end` (epoch ms). Returns { [id]: [{ rating, at }] } with ratings as the app
 * saves them.
 */
function synthReviews(ids, reviews, seed = 7, end = Date.UTC(2027, 5, 1)) {
  const next = random(seed);
  const names = ['Again', 'Hard', 'Good', 'Easy'];
  const perCard = Math.max(2, Math.round(reviews / ids.length));
  const out = {};
  for (const id of ids) {
    // This learner forgets faster than FSRS's defaults expect, and recovers slowly.
    let stability = 0.4 + next() * 1.2;
    let at = end - 400 * DAY + Math.floor(next() * 30) * DAY;
    const log = [{ rating: 'Good', at }];
    for (let i = 1; i < perCard; i += 1) {
      const days = Math.max(1, Math.round(stability * (0.8 + next() * 1.6)));
      at += days * DAY + Math.floor(next() * 3_600_000);
      const recall = Math.pow(1 + days / (9 * stability), -1);
      const remembered = next() < recall;
      const rating = remembered ? (next() < 0.15 ? 2 : next() < 0.9 ? 3 : 4) : 1;
      stability = remembered ? stability * (1.6 + next()) : Math.max(0.3, stability * 0.4);
      log.push({ rating: names[rating - 1], at });
    }
    out[id] = log;
  }
  return out;
}

/** Saved progress (format 5) holding these histories; with `memories`, each card also has a
 * plausible memory after its last review. */
function progressWith(deck, histories, memories = false) {
  const cards = {};
  let n = 0;
  for (const [id, log] of Object.entries(histories)) {
    const last = log[log.length - 1].at;
    cards[id] = { last_seen: last, views: log.length, log };
    if (memories) {
      n += 1;
      const stab = 0.5 + (n * 7.3) % 60;
      cards[id].memory = { stab, diff: 1 + (n * 3.1) % 9, due: last + Math.round(stab) * DAY, last,
        reps: log.length, lapses: log.filter((r) => r.rating === 'Again').length };
    }
  }
  return { format: 5, deck, cards };
}

module.exports = { synthReviews, progressWith, random, DAY };
