//! The learner's progress for one deck and its saved form. The format is versioned
//! ([`PROGRESS_FORMAT`]); reading never guesses: data it cannot read is reported, not dropped.
//!
//! Format history:
//! - 1: per card `last_seen` (epoch ms) and `views`.
//! - 2: adds per card `memory` (FSRS state) and `log` (every grade: rating and time).

use crate::core::filter::Status;
use crate::core::order::sort_by_key;
use crate::core::schedule::{Memory, Rating, Scheduler};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

/// The progress format version this build writes. Older versions are migrated on load; newer
/// ones are never overwritten.
pub const PROGRESS_FORMAT: u32 = 2;

/// A card counts as mastered once its memory is stable for this many days.
pub const MASTERED_STABILITY_DAYS: f64 = 21.0;

/// One grade the learner gave.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub rating: Rating,
    /// Epoch milliseconds.
    pub at: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CardProgress {
    /// When the card was last shown, in milliseconds since the Unix epoch.
    #[serde(default)]
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
}

/// A reset of the deck's progress. Resetting hides, never deletes: everything at or before the
/// latest reset that was not undone is out of view. Marks are merged by union, so a reset (or
/// its undo) in one tab reaches the others without breaking the merge laws.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResetMark {
    pub at: f64,
    #[serde(default)]
    pub undone: bool,
    /// When a device first met this mark while its `at` lay in that device's future (a clock
    /// running ahead made it): the mark hides nothing after this instant. Merged by minimum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    /// Keyed by card id. Ids the deck no longer has are kept: the deck may bring them back.
    /// Ids and entries are shared, so copying progress (the reducer does, on every change)
    /// costs no more than the map itself.
    pub cards: BTreeMap<Rc<str>, Rc<CardProgress>>,
    /// Resets, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resets: Vec<ResetMark>,
}

impl Progress {
    pub fn new(deck: &str) -> Self {
        Self {
            format: PROGRESS_FORMAT,
            deck: deck.to_string(),
            cards: BTreeMap::new(),
            resets: Vec::new(),
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

    /// The marks of `self` that `other` does not have (or has undone), in force here.
    pub fn resets_unknown_to(&self, other: &Progress) -> Vec<ResetMark> {
        self.resets
            .iter()
            .filter(|m| !m.undone)
            .filter(|m| {
                !other
                    .resets
                    .iter()
                    .any(|r| r.at.total_cmp(&m.at).is_eq() && r.undone == m.undone)
            })
            .copied()
            .collect()
    }

    /// Undoes the latest reset still in force; false when there is none.
    pub fn undo_reset(&mut self) -> bool {
        let latest = self
            .resets
            .iter_mut()
            .filter(|r| !r.undone)
            .max_by(|a, b| a.at.total_cmp(&b.at));
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
            .flat_map(move |c| c.log.iter().filter(move |r| r.at > since))
    }

    /// Reviews of every card since the last reset.
    pub fn review_count(&self) -> usize {
        let since = self.reset_at();
        self.cards
            .values()
            .map(|c| c.log.iter().filter(|r| r.at > since).count())
            .sum()
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
        let latest = self
            .cards
            .get(card)
            .and_then(|c| c.log.last())
            .map_or(f64::NEG_INFINITY, |r| r.at);
        let now_ms = if now_ms > latest {
            now_ms
        } else {
            latest + 1.0
        };
        let memory = scheduler.review(self.memory(card), rating, now_ms);
        let entry = Rc::make_mut(self.cards.entry(Rc::from(card)).or_default());
        entry.memory = Some(memory);
        entry.log.push(Review { rating, at: now_ms });
    }

    /// The scheduler's memory of the card since the last reset.
    pub fn memory(&self, card: &str) -> Option<&Memory> {
        let since = self.reset_at();
        self.cards
            .get(card)
            .and_then(|c| c.memory.as_ref())
            .filter(|m| m.last_review > since)
    }

    /// Where the card stands at `now_ms`.
    pub fn status(&self, card: &str, now_ms: f64) -> Status {
        status_at(self.memory(card), now_ms)
    }

    /// The memory of each of these cards since the last reset, in their order (the reset is
    /// looked up once).
    pub fn memories<'a>(&self, cards: impl Iterator<Item = &'a str>) -> Vec<Option<Memory>> {
        let since = self.reset_at();
        cards
            .map(|card| {
                let memory = self.cards.get(card).and_then(|c| c.memory);
                memory.filter(|m| m.last_review > since)
            })
            .collect()
    }
}

/// Where a card with this memory (none before its first grade) stands at `now_ms`.
pub fn status_at(memory: Option<&Memory>, now_ms: f64) -> Status {
    match memory {
        None => Status::New,
        Some(m) if m.due <= now_ms => Status::Due,
        Some(m) if m.stability >= MASTERED_STABILITY_DAYS => Status::Mastered,
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
}

impl fmt::Display for ProgressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable { reason } => write!(f, "saved progress could not be read ({reason})"),
            Self::FromTheFuture { found } => write!(
                f,
                "saved progress uses format {found}, newer than this app's {PROGRESS_FORMAT}"
            ),
            Self::OtherDeck { found } => {
                write!(f, "saved progress belongs to another deck (\"{found}\")")
            }
        }
    }
}

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

/// A total order on memories, so merging picks the same one whichever side it starts from:
/// the later review wins; equal times fall back to the other fields.
fn memory_key(m: &Memory) -> [f64; 6] {
    [
        m.last_review,
        f64::from(m.reps),
        m.due,
        m.stability,
        m.difficulty,
        f64::from(m.lapses),
    ]
}

fn newer_memory(a: Option<Memory>, b: Option<Memory>) -> Option<Memory> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (ka, kb) = (memory_key(&a), memory_key(&b));
            let order = ka
                .iter()
                .zip(kb.iter())
                .map(|(x, y)| x.total_cmp(y))
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal);
            Some(if order.is_ge() { a } else { b })
        }
        (a, b) => a.or(b),
    }
}

fn merge_card(a: &CardProgress, b: &CardProgress) -> CardProgress {
    let mut log: Vec<Review> = a.log.iter().chain(b.log.iter()).copied().collect();
    sort_by_key(&mut log, |r| (r.at, r.rating as u64));
    log.dedup_by(|x, y| x.at.total_cmp(&y.at).is_eq() && x.rating == y.rating);
    CardProgress {
        last_seen: a.last_seen.max(b.last_seen),
        views: a.views.max(b.views),
        memory: newer_memory(a.memory, b.memory),
        log,
    }
}

/// Combines two copies of the same deck's progress (two tabs, or an imported file): per card
/// the newest review's memory wins and the review logs are united, so no review is ever lost.
/// Commutative, associative and idempotent, so copies converge however they meet.
pub fn merge(a: &Progress, b: &Progress) -> Progress {
    let mut merged = a.clone();
    merge_into(&mut merged, b);
    merged
}

/// [`merge`] in place: `into` becomes `merge(into, other)`, touching only `other`'s cards, so
/// folding a few changed cards into a large progress costs only those cards.
pub fn merge_into(into: &mut Progress, other: &Progress) {
    for (id, theirs) in &other.cards {
        match into.cards.get_mut(id) {
            Some(ours) => {
                let merged = merge_card(ours, theirs);
                if merged != **ours {
                    *ours = Rc::new(merged);
                }
            }
            None => {
                into.cards.insert(id.clone(), theirs.clone());
            }
        }
    }
    let mut resets: Vec<ResetMark> = Vec::new();
    for mark in into.resets.iter().chain(other.resets.iter()) {
        match resets.iter_mut().find(|r| r.at.total_cmp(&mark.at).is_eq()) {
            Some(r) => {
                r.undone |= mark.undone;
                r.settled = earliest(r.settled, mark.settled);
            }
            None => resets.push(*mark),
        }
    }
    sort_by_key(&mut resets, |r| (r.at, 0));
    into.resets = resets;
    into.format = PROGRESS_FORMAT;
}

fn earliest(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// True when merging `other` into `progress` would change nothing: `progress` already holds
/// every review, memory and reset mark of `other`. Costs only `other`'s cards.
pub fn covers(progress: &Progress, other: &Progress) -> bool {
    other.cards.iter().all(|(id, theirs)| {
        progress
            .cards
            .get(id)
            .is_some_and(|ours| merge_card(ours, theirs) == **ours)
    }) && other.resets.iter().all(|mark| {
        progress.resets.iter().any(|r| {
            r.at.total_cmp(&mark.at).is_eq()
                && (r.undone || !mark.undone)
                && earliest(r.settled, mark.settled) == r.settled
        })
    })
}

/// What could be rescued from saved progress that does not parse as a whole.
#[derive(Clone, Debug, PartialEq)]
pub struct Salvaged {
    pub progress: Progress,
    /// Card entries that could not be read and were left behind (they stay in the backup).
    pub lost_entries: usize,
}

/// Rescues the readable card entries of damaged progress: entries of the wrong shape inside
/// valid JSON, or the complete entries before the point where a write was cut off.
/// Returns `None` when nothing of this deck's progress can be recognised.
pub fn salvage(raw: &str, deck: &str) -> Option<Salvaged> {
    use serde_json::value::RawValue;
    /// Saved progress read loosely: each part is kept as raw JSON and read on its own.
    #[derive(Deserialize)]
    struct Loose<'a> {
        #[serde(borrow)]
        deck: Option<&'a RawValue>,
        #[serde(borrow)]
        format: Option<&'a RawValue>,
        #[serde(borrow)]
        cards: Option<BTreeMap<String, &'a RawValue>>,
    }
    let read = |text: &str| -> Option<Salvaged> {
        let loose: Loose = serde_json::from_str(text).ok()?;
        let part = |v: Option<&RawValue>| v.map(|v| v.get().to_string());
        let found_deck = part(loose.deck).and_then(|d| serde_json::from_str::<String>(&d).ok());
        if found_deck.as_deref() != Some(deck) {
            return None;
        }
        let format = part(loose.format).and_then(|f| serde_json::from_str::<u64>(&f).ok());
        if format.is_some_and(|f| f > u64::from(PROGRESS_FORMAT)) {
            return None;
        }
        let mut progress = Progress::new(deck);
        let mut lost_entries = 0;
        for (id, entry) in loose.cards? {
            match serde_json::from_str::<CardProgress>(entry.get()) {
                Ok(card) => {
                    progress.cards.insert(Rc::from(id.as_str()), Rc::new(card));
                }
                Err(_) => lost_entries += 1,
            }
        }
        Some(Salvaged {
            progress,
            lost_entries,
        })
    };
    read(raw).or_else(|| {
        // A truncated write: close the JSON after one of the last complete card entries.
        raw.rmatch_indices("},\"")
            .take(20)
            .find_map(|(i, _)| read(&format!("{}}}}}", &raw[..=i])))
    })
}

/// What merging an imported file would change, shown before anything is changed.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// Reviews in the file that are not here yet.
    pub new_reviews: usize,
    /// Cards whose progress the merge changes.
    pub cards_changed: usize,
    /// Cards the file knows that this copy has never recorded.
    pub new_cards: usize,
    /// The file's reset marks this copy does not have that would hide something here.
    pub resets: Vec<ResetEffect>,
}

/// One reset mark of an imported file: when it was made and how many cards graded here
/// before it (and visible now) it would reset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ResetEffect {
    pub at: f64,
    pub cards: usize,
}

impl ImportPreview {
    /// Cards the file's resets would hide, counted once per card.
    pub fn cards_reset(&self) -> usize {
        self.resets.iter().map(|r| r.cards).max().unwrap_or(0)
    }
}

pub fn preview_import(current: &Progress, incoming: &Progress) -> ImportPreview {
    let merged = merge(current, &without_new_resets(incoming, current));
    let count = |p: &Progress| p.cards.values().map(|c| c.log.len()).sum::<usize>();
    let since = current.reset_at();
    let resets = incoming
        .resets_unknown_to(current)
        .into_iter()
        .map(|mark| ResetEffect {
            at: mark.hides_until(),
            cards: current
                .cards
                .values()
                .filter(|c| {
                    c.log
                        .iter()
                        .any(|r| r.at > since && r.at <= mark.hides_until())
                })
                .count(),
        })
        .filter(|r| r.at > since && r.cards > 0)
        .collect();
    ImportPreview {
        new_reviews: count(&merged) - count(current),
        cards_changed: merged
            .cards
            .iter()
            .filter(|(id, c)| current.cards.get(*id) != Some(c))
            .count(),
        new_cards: merged
            .cards
            .keys()
            .filter(|id| !current.cards.contains_key(*id))
            .count(),
        resets,
    }
}

/// `incoming` without the reset marks `current` does not have: an import that keeps every
/// review visible here.
pub fn without_new_resets(incoming: &Progress, current: &Progress) -> Progress {
    let mut kept = incoming.clone();
    let new = incoming.resets_unknown_to(current);
    kept.resets
        .retain(|m| !new.iter().any(|n| n.at.total_cmp(&m.at).is_eq()));
    kept
}

/// Reads a progress file the learner picked to import. Unlike stored progress, nothing is
/// salvaged: a file that is not wholly this deck's progress is refused and changes nothing.
pub fn parse_import(text: &str, deck: &str) -> Result<Progress, String> {
    parse_progress(text, deck).map_err(|e| match e {
        ProgressError::Unreadable { reason } => {
            format!("This file is not Interview Cards progress ({reason}). Nothing was changed.")
        }
        ProgressError::OtherDeck { found } => format!(
            "This file holds progress for the deck \"{found}\", not \"{deck}\". Nothing was changed."
        ),
        e @ ProgressError::FromTheFuture { .. } => {
            format!("This file cannot be read: {e}. Nothing was changed.")
        }
    })
}
