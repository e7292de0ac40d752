//! Keeping progress in a key-value store without ever losing it. The store is a trait so the
//! browser's localStorage, an in-memory fallback and test doubles are interchangeable.
//!
//! Storage keys (chosen once; saved progress depends on them):
//! - `interview-cards:<deck-id>:progress` — the deck's progress, JSON, see [`crate::core::progress`];
//! - `interview-cards:<deck-id>:progress:backup:<epoch-ms>` — a saved value that could not be
//!   read, copied aside byte for byte before anything new is written.

use crate::core::progress::{parse_progress, Progress, ProgressError};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

pub const KEY_PREFIX: &str = "interview-cards";

pub fn progress_key(deck: &str) -> String {
    format!("{KEY_PREFIX}:{deck}:progress")
}

pub fn backup_key(deck: &str, now_ms: f64) -> String {
    format!("{}:backup:{}", progress_key(deck), now_ms as u64)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is disabled, blocked (sandboxed iframe, privacy settings) or missing.
    Unavailable(String),
    /// The browser refused the write because the origin's quota is used up.
    QuotaExceeded,
    Other(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable(why) => write!(f, "browser storage is not available ({why})"),
            Self::QuotaExceeded => write!(f, "browser storage is full"),
            Self::Other(why) => write!(f, "browser storage failed ({why})"),
        }
    }
}

pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
}

/// Keeps everything in memory: the fallback when the browser's storage cannot be used, and the
/// test double.
#[derive(Default)]
pub struct MemoryStore {
    pub items: RefCell<BTreeMap<String, String>>,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.items.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.items
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }
}

/// Something the learner should know about their saved progress.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Nothing will be saved: progress lives in memory for this visit only.
    NotSaved { reason: String },
    /// The saved value could not be read; it was copied aside (or, if even that failed, is
    /// still in place untouched) and can be downloaded.
    Unreadable {
        reason: String,
        backup_key: Option<String>,
        original: String,
    },
    /// Saved by a newer app; it is left as it is and this visit is not saved.
    ReadOnly { reason: String },
}

impl Notice {
    pub fn message(&self) -> String {
        match self {
            Self::NotSaved { reason } => format!(
                "Your progress will not be kept after this visit: {reason}."
            ),
            Self::Unreadable {
                reason, backup_key, ..
            } => match backup_key {
                Some(key) => format!(
                    "Your saved progress could not be read, so this visit starts fresh. The original was kept under the storage key \"{key}\": {reason}."
                ),
                None => format!(
                    "Your saved progress could not be read and could not be copied aside, so it was left untouched and this visit will not be saved: {reason}."
                ),
            },
            Self::ReadOnly { reason } => format!(
                "Your saved progress was left untouched and this visit will not be saved: {reason}. Update the page to continue."
            ),
        }
    }
}

/// Progress for one deck, bound to where it is saved.
pub struct Opened {
    pub progress: Progress,
    /// False when writing would destroy data this build cannot read.
    pub writable: bool,
    pub notice: Option<Notice>,
}

/// Loads a deck's progress. Whatever happens, the result is usable and nothing saved is lost.
pub fn open_progress(store: &dyn Store, deck: &str, now_ms: f64) -> Opened {
    let key = progress_key(deck);
    let fresh = |writable, notice| Opened {
        progress: Progress::new(deck),
        writable,
        notice,
    };
    let raw = match store.get(&key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return fresh(true, None),
        Err(e) => {
            return fresh(
                false,
                Some(Notice::NotSaved {
                    reason: e.to_string(),
                }),
            )
        }
    };
    match parse_progress(&raw, deck) {
        Ok(progress) => Opened {
            progress,
            writable: true,
            notice: None,
        },
        Err(e @ ProgressError::FromTheFuture { .. }) => fresh(
            false,
            Some(Notice::ReadOnly {
                reason: e.to_string(),
            }),
        ),
        Err(e) => {
            // Copy the unreadable value aside before the key is ever written again.
            let backup = backup_key(deck, now_ms);
            let copied = store.set(&backup, &raw).is_ok();
            fresh(
                copied,
                Some(Notice::Unreadable {
                    reason: e.to_string(),
                    backup_key: copied.then_some(backup),
                    original: raw,
                }),
            )
        }
    }
}

/// Saves progress; on failure returns the notice to show (the progress stays in memory).
pub fn save_progress(store: &dyn Store, progress: &Progress) -> Result<(), Notice> {
    store
        .set(&progress_key(&progress.deck), &progress.to_json())
        .map_err(|e| Notice::NotSaved {
            reason: e.to_string(),
        })
}
