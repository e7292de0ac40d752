//! Numbers for the stats view: per topic and difficulty (seen, mastered, due), today's reviews,
//! the streak, and reviews per day for the last 30 days, all in the learner's local days.

use crate::core::deck::{Deck, Difficulty};
use crate::core::filter::Status;
use crate::core::progress::Progress;
use crate::core::search::SearchIndex;

const DAY_MS: f64 = 86_400_000.0;
pub const CHART_DAYS: usize = 30;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub cards: usize,
    pub seen: usize,
    pub mastered: usize,
    pub due: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stats {
    /// Deck topic order: (topic id, name, tally).
    pub by_topic: Vec<(String, String, Tally)>,
    pub by_difficulty: [(Difficulty, Tally); 3],
    pub overall: Tally,
    pub reviews_today: usize,
    /// Consecutive local days with at least one review, up to today (or yesterday, while today
    /// has none yet).
    pub streak: u32,
    /// Reviews per local day, oldest first, the last entry being today: (days ago, count).
    pub per_day: Vec<(usize, usize)>,
    /// Today's local day number (days since 1 January 1970), for the chart's dates.
    pub today: i64,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A local day number as the chart labels it: "14 Feb" (the civil calendar from day numbers,
/// as in Howard Hinnant's `civil_from_days`).
pub fn day_label(day: i64) -> String {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    format!("{d} {}", MONTHS[(m - 1) as usize])
}

/// The local day number of an instant. `utc_offset_minutes` is minutes east of UTC
/// (the negation of JavaScript's `getTimezoneOffset()`).
pub fn local_day(at_ms: f64, utc_offset_minutes: i32) -> i64 {
    ((at_ms + f64::from(utc_offset_minutes) * 60_000.0) / DAY_MS).floor() as i64
}

/// `index` is the search index over `deck` (it knows each card's topic position). `offset_at`
/// gives the learner's offset east of UTC, in minutes, at an instant: each review
/// falls on the local day of its own moment, so days stay right across daylight-saving changes.
pub fn compute(
    deck: &Deck,
    index: &SearchIndex,
    progress: &Progress,
    now_ms: f64,
    offset_at: &dyn Fn(f64) -> i32,
) -> Stats {
    let mut by_topic: Vec<(String, String, Tally)> = deck
        .topics
        .iter()
        .map(|t| (t.id.clone(), t.name.clone(), Tally::default()))
        .collect();
    let mut by_difficulty = Difficulty::ALL.map(|d| (d, Tally::default()));
    let mut overall = Tally::default();
    for (i, card) in deck.cards.iter().enumerate() {
        let seen = progress.is_seen(&card.id);
        let status = progress.status(&card.id, now_ms);
        let slots = [
            by_topic.get_mut(index.topic_of(i)).map(|t| &mut t.2),
            Some(&mut by_difficulty[card.difficulty as usize].1),
            Some(&mut overall),
        ];
        for tally in slots.into_iter().flatten() {
            tally.cards += 1;
            tally.seen += usize::from(seen);
            tally.mastered += usize::from(status == Status::Mastered);
            tally.due += usize::from(status == Status::Due);
        }
    }

    let today = local_day(now_ms, offset_at(now_ms));
    // Reviews per local day, by days before today. Days after today are never asked for, and
    // a streak cannot be longer than there are reviews, so older days need no place either.
    let days_ago: Vec<i64> = deck
        .cards
        .iter()
        .flat_map(|card| progress.reviews(&card.id))
        .map(|review| today.saturating_sub(local_day(review.at, offset_at(review.at))))
        .filter(|&ago| ago >= 0)
        .collect();
    let places = days_ago.iter().max().map_or(0, |&m| m.saturating_add(1));
    let places = places.min((days_ago.len() + CHART_DAYS + 1) as i64);
    let mut by_day = vec![0usize; places as usize];
    for ago in days_ago.into_iter().filter(|&ago| ago < places) {
        by_day[ago as usize] += 1;
    }
    let count = |ago: usize| by_day.get(ago).copied().unwrap_or(0);
    let mut streak = 0;
    let mut ago = usize::from(count(0) == 0);
    while count(ago) > 0 {
        streak += 1;
        ago += 1;
    }
    let per_day = (0..CHART_DAYS).rev().map(|ago| (ago, count(ago))).collect();
    Stats {
        by_topic,
        by_difficulty,
        overall,
        reviews_today: count(0),
        streak,
        per_day,
        today,
    }
}
