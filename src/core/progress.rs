//! The learner's progress for one deck and its saved form. The format is versioned
//! ([`PROGRESS_FORMAT`]); reading never guesses: data it cannot read is reported, not dropped.
//!
//! Format history:
//! - 1: per card `last_seen` (epoch ms) and `views`.
//! - 2: adds per card `memory` (FSRS state) and `log` (every grade: rating and time).
//! - 3: a review in the log may be `undone` (the learner took the grade back); the card's
//!   memory is then the one before it. Format 2 reads as 3 unchanged; a format-2 build refuses
//!   to overwrite format 3 (it would bring undone grades back).
//! - 4: a memory may carry its learning `phase` and `step` (FSRS-6 with learning steps). Format
//!   3 reads as 4 unchanged (its memories are on day intervals); a format-3 build refuses to
//!   overwrite format 4 (it would drop the steps and schedule a learning card as a review).
//! - 5: progress may carry `fitted`, FSRS weights fitted to the learner's own reviews (see
//!   [`crate::core::optimize`]). Format 4 reads as 5 unchanged (default weights); a format-4
//!   build refuses to overwrite format 5 (it would drop the fitted weights).

use crate::core::filter::Status;
use crate::core::number;
use crate::core::optimize::Fitted;
use crate::core::schedule::{Memory, Rating, Scheduler};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::rc::Rc;

pub use crate::core::merge::{
    covers, merge, merge_into, parse_import, preview_import, without_new_resets, ImportPreview,
    ResetEffect,
};
pub use crate::core::salvage::{salvage, Salvaged};

/// The progress format version this build writes. Older versions are migrated on load; newer
/// ones are never overwritten.
pub const PROGRESS_FORMAT: u32 = 5;

/// A card counts as mastered once its memory is stable for this many days.
pub const MASTERED_STABILITY_DAYS: f64 = 21.0;

/// One grade the learner gave.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub rating: Rating,
    /// Epoch milliseconds.
    #[serde(deserialize_with = "number::f64")]
    pub at: f64,
    /// Taken back by the learner: kept (merging would bring it back otherwise), never counted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub undone: bool,
    /// Given while cramming: kept as practice, not a review; it changed no schedule.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub practice: bool,
}

impl Review {
    /// A review that counts: not taken back, not practice.
    pub fn counts(&self) -> bool {
        !self.undone && !self.practice
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CardProgress {
    /// When the card was last shown, in milliseconds since the Unix epoch.
    #[serde(default, deserialize_with = "number::f64")]
    pub last_seen: f64,
    /// How many times the card has been shown.
    #[serde(default)]
    pub views: u32,
    /// The scheduler's state after the latest grade; none before the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<Memory>,
    /// Every grade, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<Review>,
    /// Buried: out of practice until this instant (epoch ms; 0 when never buried).
    #[serde(
        default,
        skip_serializing_if = "is_zero",
        deserialize_with = "number::f64"
    )]
    pub buried_until: f64,
    /// Suspended or taken back from suspension, and when (the later switch wins a merge).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspended: Option<Switch>,
}

/// An on/off choice and when it was made, so copies agree on the latest one.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Switch {
    pub on: bool,
    #[serde(deserialize_with = "number::f64")]
    pub at: f64,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

impl CardProgress {
    pub fn is_suspended(&self) -> bool {
        self.suspended.is_some_and(|s| s.on)
    }
}

/// A reset of the deck's progress. Resetting hides, never deletes: everything at or before the
/// latest reset that was not undone is out of view. Marks are merged by union, so a reset (or
/// its undo) in one tab reaches the others without breaking the merge laws.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResetMark {
    #[serde(deserialize_with = "number::f64")]
    pub at: f64,
    #[serde(default)]
    pub undone: bool,
    /// When a device first met this mark while its `at` lay in that device's future (a clock
    /// running ahead made it): the mark hides nothing after this instant. Merged by minimum.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "number::option"
    )]
    pub settled: Option<f64>,
}

impl ResetMark {
    /// The instant up to which this mark hides progress.
    pub fn hides_until(&self) -> f64 {
        self.settled.map_or(self.at, |s| s.min(self.at))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub format: u32,
    pub deck: String,
    /// FSRS weights fitted to this learner's reviews (written before the cards, so a write cut
    /// short keeps it); none while the defaults are in use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fitted: Option<Fitted>,
    /// Resets, oldest first (written before the cards, so a write cut short keeps every mark
    /// with any card it keeps: a lost mark would bring back what it hid).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resets: Vec<ResetMark>,
    /// Keyed by card id. Ids the deck no longer has are kept: the deck may bring them back.
    /// Ids and entries are shared, so copying progress (the reducer does, on every change)
    /// costs no more than the map itself.
    pub cards: BTreeMap<Rc<str>, Rc<CardProgress>>,
}

impl Progress {
    pub fn new(deck: &str) -> Self {
        Self {
            format: PROGRESS_FORMAT,
            deck: deck.to_string(),
            fitted: None,
            resets: Vec::new(),
            cards: BTreeMap::new(),
        }
    }

    /// Everything at or before this instant is hidden by a reset (−∞ when there is none).
    pub fn reset_at(&self) -> f64 {
        self.resets
            .iter()
            .filter(|r| !r.undone)
            .map(ResetMark::hides_until)
            .fold(f64::NEG_INFINITY, f64::max)
    }

    /// Hides all progress up to `now_ms`. Undoable with [`Progress::undo_reset`].
    pub fn reset(&mut self, now_ms: f64) {
        self.resets.push(ResetMark {
            at: now_ms,
            undone: false,
            settled: None,
        });
    }

    /// Marks dated after `now_ms` (made on a device whose clock ran ahead) are settled at
    /// `now_ms`, so they never hide a review made after this moment. True when one changed.
    pub fn settle_resets(&mut self, now_ms: f64) -> bool {
        let mut changed = false;
        for mark in &mut self.resets {
            if mark.hides_until() > now_ms {
                mark.settled = Some(now_ms);
                changed = true;
            }
        }
        changed
    }

    /// The marks in force in `self` that `other` does not have at all (a mark `other` has
    /// undone stays undone when they merge).
    pub fn resets_unknown_to(&self, other: &Progress) -> Vec<ResetMark> {
        self.resets
            .iter()
            .filter(|m| !m.undone)
            .filter(|m| !other.resets.iter().any(|r| r.at.total_cmp(&m.at).is_eq()))
            .copied()
            .collect()
    }

    /// Undoes the latest reset still in force; false when there is none.
    pub fn undo_reset(&mut self) -> bool {
        // The mark that hides the most: the one in force.
        let latest = self
            .resets
            .iter_mut()
            .filter(|r| !r.undone)
            .max_by(|a, b| a.hides_until().total_cmp(&b.hides_until()));
        match latest {
            Some(mark) => {
                mark.undone = true;
                true
            }
            None => false,
        }
    }

    /// The card's reviews since the last reset, oldest first.
    pub fn reviews(&self, card: &str) -> impl Iterator<Item = &Review> {
        let since = self.reset_at();
        self.cards
            .get(card)
            .into_iter()
            .flat_map(move |c| c.log.iter().filter(move |r| r.at > since && r.counts()))
    }

    /// Reviews of every card since the last reset.
    pub fn review_count(&self) -> usize {
        let since = self.reset_at();
        self.cards
            .values()
            .map(|c| c.log.iter().filter(|r| r.at > since && r.counts()).count())
            .sum()
    }

    /// Takes back the grade given to `card` at `at`: the review stays in the log marked
    /// undone, and the card's memory returns to `before` (its memory before that grade), set
    /// at `now_ms` so merging prefers it. With no memory before, the card's memory is void (see
    /// [`Progress::memory`]). False when there is no such review.
    pub fn undo_review(
        &mut self,
        card: &str,
        at: f64,
        before: Option<Memory>,
        now_ms: f64,
    ) -> bool {
        let Some(entry) = self.cards.get_mut(card) else {
            return false;
        };
        let entry = Rc::make_mut(entry);
        let Some(review) = entry.log.iter_mut().find(|r| r.at == at && !r.undone) else {
            return false;
        };
        review.undone = true;
        if let Some(before) = before {
            entry.memory = Some(Memory {
                set_at: now_ms.max(at + 1.0),
                ..before
            });
        }
        true
    }

    pub fn mark_seen(&mut self, card: &str, now_ms: f64) {
        let entry = Rc::make_mut(self.cards.entry(Rc::from(card)).or_default());
        entry.last_seen = entry.last_seen.max(now_ms);
        entry.views = entry.views.saturating_add(1);
    }

    /// Grades a card: schedules it and appends the review to its log. A review is never
    /// dated before the card's latest one (a clock behind another tab's or device's): it gets
    /// the next millisecond, so the memory it makes is the newest and the log stays in order.
    pub fn record(&mut self, card: &str, rating: Rating, now_ms: f64, scheduler: &Scheduler) {
        let now_ms = self.next_log_time(card, now_ms);
        let memory = scheduler.review(self.memory(card), rating, now_ms);
        let entry = Rc::make_mut(self.cards.entry(Rc::from(card)).or_default());
        entry.memory = Some(memory);
        entry.log.push(Review {
            rating,
            at: now_ms,
            undone: false,
            practice: false,
        });
    }

    /// A grade given while cramming: logged as practice; the card's schedule is untouched.
    pub fn record_practice(&mut self, card: &str, rating: Rating, now_ms: f64) {
        let now_ms = self.next_log_time(card, now_ms);
        let entry = Rc::make_mut(self.cards.entry(Rc::from(card)).or_default());
        entry.log.push(Review {
            rating,
            at: now_ms,
            undone: false,
            practice: true,
        });
    }

    /// `now_ms`, or just after the card's latest log entry when a clock ran behind.
    fn next_log_time(&self, card: &str, now_ms: f64) -> f64 {
        let latest = self
            .cards
            .get(card)
            .and_then(|c| c.log.last())
            .map_or(f64::NEG_INFINITY, |r| r.at);
        if now_ms > latest {
            now_ms
        } else {
            latest + 1.0
        }
    }

    /// The scheduler's memory of the card since the last reset.
    /// A memory made by a grade that was taken back is void: the card is as before that grade.
    pub fn memory(&self, card: &str) -> Option<&Memory> {
        let since = self.reset_at();
        self.cards
            .get(card)
            .and_then(|c| c.memory.as_ref().filter(|m| in_force(c, m, since)))
    }

    /// Where the card stands at `now_ms`.
    pub fn status(&self, card: &str, now_ms: f64) -> Status {
        if self.is_suspended(card) {
            return Status::Suspended;
        }
        status_at(self.memory(card), now_ms)
    }

    pub fn is_suspended(&self, card: &str) -> bool {
        self.cards.get(card).is_some_and(|c| c.is_suspended())
    }

    /// Suspends the card (out of practice and reviews until taken back) or takes it back.
    pub fn set_suspended(&mut self, card: &str, on: bool, now_ms: f64) {
        let entry = Rc::make_mut(self.cards.entry(Rc::from(card)).or_default());
        let at = entry.suspended.map_or(now_ms, |s| now_ms.max(s.at + 1.0));
        entry.suspended = Some(Switch { on, at });
    }

    /// Buries the card: out of practice until `until_ms`.
    pub fn bury(&mut self, card: &str, until_ms: f64) {
        let entry = Rc::make_mut(self.cards.entry(Rc::from(card)).or_default());
        entry.buried_until = entry.buried_until.max(until_ms);
    }

    /// The memory of each of these cards since the last reset, in their order (the reset is
    /// looked up once).
    pub fn memories<'a>(&self, cards: impl Iterator<Item = &'a str>) -> Vec<Option<Memory>> {
        let since = self.reset_at();
        cards
            .map(|card| {
                let entry = self.cards.get(card)?;
                entry.memory.filter(|m| in_force(entry, m, since))
            })
            .collect()
    }
}

/// Whether a card's memory counts: made after the last reset, by a grade not taken back.
fn in_force(card: &CardProgress, memory: &Memory, since: f64) -> bool {
    memory.last_review > since
        && !card
            .log
            .iter()
            .any(|r| r.undone && r.at.total_cmp(&memory.last_review).is_eq())
}

/// Where a card with this memory (none before its first grade) stands at `now_ms`.
pub fn status_at(memory: Option<&Memory>, now_ms: f64) -> Status {
    match memory {
        None => Status::New,
        Some(m) if m.due <= now_ms => Status::Due,
        // A card in learning steps is being learnt, however stable it once was.
        Some(m) if m.stability >= MASTERED_STABILITY_DAYS && !m.is_stepping() => Status::Mastered,
        Some(_) => Status::Learning,
    }
}

impl Progress {
    pub fn is_seen(&self, card: &str) -> bool {
        let since = self.reset_at();
        self.cards.get(card).is_some_and(|c| c.last_seen > since)
    }

    pub fn seen_count(&self) -> usize {
        let since = self.reset_at();
        self.cards.values().filter(|c| c.last_seen > since).count()
    }

    pub fn to_json(&self) -> String {
        self.to_json_with_capacity(0)
    }

    /// [`Progress::to_json`] into a buffer of this size to begin with.
    pub fn to_json_with_capacity(&self, capacity: usize) -> String {
        let mut out = Vec::with_capacity(capacity);
        // Serialising plain maps, strings and numbers cannot fail, and gives UTF-8.
        let _ = serde_json::to_writer(&mut out, self);
        String::from_utf8(out).unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProgressError {
    /// Not JSON, or not the shape of saved progress.
    Unreadable { reason: String },
    /// Written by a newer version of the app; this build must not overwrite it.
    FromTheFuture { found: u64 },
    /// Valid progress, but for another deck.
    OtherDeck { found: String },
    /// A progress file over [`MAX_PROGRESS_BYTES`]: refused before it is read.
    TooLarge { bytes: usize },
    /// A progress file the browser could not read (its reason).
    NotRead { reason: String },
}

/// Progress files over this size are refused before a byte is read: about seven times what
/// 10,000 cards with their review history take (2.9 MB), and more than a browser keeps in
/// storage for a site (5 to 10 MB), so no file this app wrote is refused.
pub const MAX_PROGRESS_BYTES: usize = 20 * 1024 * 1024;

#[derive(Deserialize)]
struct Versioned {
    format: Option<u64>,
}

/// Reads saved progress for `deck`.
pub fn parse_progress(json: &str, deck: &str) -> Result<Progress, ProgressError> {
    let versioned: Versioned =
        serde_json::from_str(json).map_err(|e| ProgressError::Unreadable {
            reason: e.to_string(),
        })?;
    let format = versioned.format.ok_or_else(|| ProgressError::Unreadable {
        reason: "no format version".into(),
    })?;
    if format > u64::from(PROGRESS_FORMAT) {
        return Err(ProgressError::FromTheFuture { found: format });
    }
    if format == 0 {
        return Err(ProgressError::Unreadable {
            reason: "format version 0 does not exist".into(),
        });
    }
    // Format 1 is format 2 without memories and logs, which default to empty: reading it into
    // today's shape is the whole migration.
    let mut progress: Progress =
        serde_json::from_str(json).map_err(|e| ProgressError::Unreadable {
            reason: e.to_string(),
        })?;
    progress.format = PROGRESS_FORMAT;
    if progress.deck != deck {
        return Err(ProgressError::OtherDeck {
            found: progress.deck,
        });
    }
    Ok(progress)
}
