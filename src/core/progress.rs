//! The learner's progress for one deck and its saved form. The format is versioned
//! ([`PROGRESS_FORMAT`]); reading never guesses: data it cannot read is reported, not dropped.
//!
//! Format history:
//! - 1: per card `last_seen` (epoch ms) and `views`.
//! - 2: adds per card `memory` (FSRS state) and `log` (every grade: rating and time).

use crate::core::filter::Status;
use crate::core::schedule::{Memory, Rating, Scheduler};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub format: u32,
    pub deck: String,
    /// Keyed by card id. Ids the deck no longer has are kept: the deck may bring them back.
    pub cards: BTreeMap<String, CardProgress>,
}

impl Progress {
    pub fn new(deck: &str) -> Self {
        Self {
            format: PROGRESS_FORMAT,
            deck: deck.to_string(),
            cards: BTreeMap::new(),
        }
    }

    pub fn mark_seen(&mut self, card: &str, now_ms: f64) {
        let entry = self.cards.entry(card.to_string()).or_default();
        entry.last_seen = entry.last_seen.max(now_ms);
        entry.views = entry.views.saturating_add(1);
    }

    /// Grades a card: schedules it and appends the review to its log.
    pub fn record(&mut self, card: &str, rating: Rating, now_ms: f64, scheduler: &Scheduler) {
        let entry = self.cards.entry(card.to_string()).or_default();
        entry.memory = Some(scheduler.review(entry.memory.as_ref(), rating, now_ms));
        entry.log.push(Review { rating, at: now_ms });
    }

    pub fn memory(&self, card: &str) -> Option<&Memory> {
        self.cards.get(card).and_then(|c| c.memory.as_ref())
    }

    /// Where the card stands at `now_ms`.
    pub fn status(&self, card: &str, now_ms: f64) -> Status {
        match self.memory(card) {
            None => Status::New,
            Some(m) if m.due <= now_ms => Status::Due,
            Some(m) if m.stability >= MASTERED_STABILITY_DAYS => Status::Mastered,
            Some(_) => Status::Learning,
        }
    }

    pub fn is_seen(&self, card: &str) -> bool {
        self.cards.contains_key(card)
    }

    pub fn seen_count(&self) -> usize {
        self.cards.len()
    }

    pub fn to_json(&self) -> String {
        // Serialising plain maps, strings and numbers cannot fail.
        serde_json::to_string(self).unwrap_or_default()
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
