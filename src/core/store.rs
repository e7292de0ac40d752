//! Keeping progress in a key-value store without ever losing it. The store is a trait so the
//! browser's localStorage, an in-memory fallback and test doubles are interchangeable.
//!
//! Storage keys (chosen once; saved progress depends on them):
//! - `interview-cards:<deck-id>:progress` — the deck's progress, JSON, see [`crate::core::progress`];
//! - `interview-cards:<instance>:<deck-id>:progress` — the same for a named widget instance, when
//!   a page embeds several widgets that must keep separate progress;
//! - `<progress key>:recent` — for large progress only: the cards changed since the progress
//!   key was last rewritten, in the same format. The deck's progress is the merge of the two;
//!   a save writes only this small value until it holds [`RECENT_LIMIT`] cards, then folds it
//!   into the progress key and removes it;
//! - `<key>:backup:<epoch-ms>` — a saved value that could not be read, copied aside byte for
//!   byte before anything new is written.

use crate::core::progress::{Progress, ProgressError};
use std::cell::RefCell;

pub use crate::core::save::{
    compact, open_progress, save_changes, save_progress, Fingerprint, Saved, KEEP_DAYS,
    KEEP_PER_CARD,
};

pub const KEY_PREFIX: &str = "interview-cards";

/// The key of a deck's progress; `instance` separates widgets sharing a page and a deck.
/// Deck ids and instance names are restricted to `[A-Za-z0-9._-]`, so keys cannot collide.
pub fn progress_key(instance: Option<&str>, deck: &str) -> String {
    match instance {
        Some(instance) => format!("{KEY_PREFIX}:{instance}:{deck}:progress"),
        None => format!("{KEY_PREFIX}:{deck}:progress"),
    }
}

/// The key of the recent changes of a large progress (see the module docs).
pub fn recent_key(key: &str) -> String {
    format!("{key}:recent")
}

/// Progress of up to this many cards plus log entries is rewritten whole on every save (a
/// few dozen KB, well under a millisecond); larger progress saves only what changed.
pub const WHOLE_SAVE_LIMIT: usize = 2000;

/// The recent-changes value is folded into the progress key once it holds more cards.
pub const RECENT_LIMIT: usize = 64;

pub fn backup_key(key: &str, now_ms: f64) -> String {
    format!("{key}:backup:{}", now_ms as u64)
}

/// Backups kept per deck: making a new one removes the oldest beyond this many, so copies of
/// damaged data can never fill storage and leave progress unsaved for good.
pub const MAX_BACKUPS: usize = 3;

/// A copy of saved progress that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub key: String,
    /// When it was made (epoch ms).
    pub at: f64,
    pub bytes: usize,
}

/// The backups of a deck's progress (of its progress key and its recent value), oldest first.
pub fn backups(store: &dyn Store, key: &str) -> Vec<Backup> {
    let prefixes = [
        format!("{key}:backup:"),
        format!("{}:backup:", recent_key(key)),
    ];
    let mut found: Vec<Backup> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|k| {
            let at = prefixes
                .iter()
                .find_map(|p| k.strip_prefix(p.as_str()))?
                .parse::<u64>()
                .ok()? as f64;
            let bytes = store.get(&k).ok().flatten().map_or(0, |v| v.len());
            Some(Backup { key: k, at, bytes })
        })
        .collect();
    crate::core::order::sort_by_key(&mut found, |b| (b.at, 0));
    found
}

/// Copies an unreadable stored value of `key` aside; returns the backup's key. Older backups
/// beyond [`MAX_BACKUPS`] go first, and more of them while storage is too full for the copy.
pub fn back_up(store: &dyn Store, key: &str, raw: &str, now_ms: f64) -> Result<String, StoreError> {
    let deck_key = key.strip_suffix(":recent").unwrap_or(key);
    let mut old = backups(store, deck_key);
    // The same damaged value met again (another tab, a later save) is kept once.
    if let Some(same) = old
        .iter()
        .find(|b| store.get(&b.key).ok().flatten().as_deref() == Some(raw))
    {
        return Ok(same.key.clone());
    }
    while old.len() >= MAX_BACKUPS {
        store.remove(&old.remove(0).key)?;
    }
    let backup = backup_key(key, now_ms);
    loop {
        match store.set(&backup, raw) {
            Ok(()) => return Ok(backup),
            Err(StoreError::QuotaExceeded) if !old.is_empty() => {
                store.remove(&old.remove(0).key)?;
            }
            Err(e) => return Err(e),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is disabled, blocked (sandboxed iframe, privacy settings) or missing.
    Unavailable(String),
    /// The browser refused the write because the origin's quota is used up.
    QuotaExceeded,
    Other(String),
}

pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key held (to find backups). A store that cannot list says it holds none.
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(Vec::new())
    }
}

/// Keeps everything in memory: the fallback when the browser's storage cannot be used, and the
/// test double. A handful of keys, so a list (a map type of its own would cost wasm size).
#[derive(Default)]
pub struct MemoryStore {
    items: RefCell<Vec<(String, String)>>,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let items = self.items.borrow();
        Ok(items.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.remove(key)?;
        self.items
            .borrow_mut()
            .push((key.to_string(), value.to_string()));
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.items.borrow_mut().retain(|(k, _)| k != key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.items.borrow().iter().map(|(k, _)| k.clone()).collect())
    }
}

/// Something the learner should know about their saved progress.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Nothing will be saved: progress lives in memory for this visit only.
    NotSaved { reason: StoreError },
    /// The saved value could not be read; it was copied aside (or, if even that failed, is
    /// still in place untouched) and can be downloaded.
    Unreadable {
        /// Where the damaged value is stored.
        key: String,
        reason: ProgressError,
        backup_key: Option<String>,
        original: String,
        /// Card entries read from the damaged value and kept.
        recovered: usize,
        /// Card entries that could not be read (they stay in the backup).
        lost: usize,
    },
    /// Saved by a newer app; it is left as it is and this visit is not saved.
    ReadOnly { reason: ProgressError },
    /// Storage was full: old review-log entries were trimmed so the save could go through.
    Trimmed { entries: usize },
}

/// Progress for one deck, bound to where it is saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub progress: Progress,
    /// False when writing would destroy data this build cannot read.
    pub writable: bool,
    pub notice: Option<Notice>,
    /// Copies of unreadable data kept for this deck, oldest first.
    pub backups: Vec<Backup>,
}
