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

use crate::core::progress::{covers, merge_into, parse_progress, salvage, Progress, ProgressError};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt;
use std::rc::Rc;

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
    fn remove(&self, key: &str) -> Result<(), StoreError>;
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
    /// Storage was full: old review-log entries were trimmed so the save could go through.
    Trimmed { entries: usize },
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
            Self::Trimmed { entries } => format!(
                "Browser storage was full, so {entries} old review-log entries were trimmed to save your progress. Your scheduling is unaffected; export your progress to keep a full copy."
            ),
            Self::ReadOnly { reason } => format!(
                "Your saved progress was left untouched and this visit will not be saved: {reason}. Update the page to continue."
            ),
        }
    }
}

/// Progress for one deck, bound to where it is saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub progress: Progress,
    /// False when writing would destroy data this build cannot read.
    pub writable: bool,
    pub notice: Option<Notice>,
}

/// Loads a deck's progress (the progress key merged with its recent changes). Whatever
/// happens, the result is usable and nothing saved is lost.
pub fn open_progress(store: &dyn Store, key: &str, deck: &str, now_ms: f64) -> Opened {
    let mut opened = read_value(store, key, deck, now_ms);
    if matches!(opened.notice, Some(Notice::NotSaved { .. })) {
        return opened;
    }
    let recent = read_value(store, &recent_key(key), deck, now_ms);
    merge_into(&mut opened.progress, &recent.progress);
    opened.writable &= recent.writable;
    opened.notice = opened.notice.or(recent.notice);
    opened
}

/// Reads one stored value of a deck's progress; see [`open_progress`].
fn read_value(store: &dyn Store, key: &str, deck: &str, now_ms: f64) -> Opened {
    let fresh = |writable, notice| Opened {
        progress: Progress::new(deck),
        writable,
        notice,
    };
    let raw = match store.get(key) {
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
            // Copy the unreadable value aside before the key is ever written again, then keep
            // whatever parts of it can still be read.
            let backup = backup_key(key, now_ms);
            let copied = store.set(&backup, &raw).is_ok();
            let rescued = salvage(&raw, deck);
            let reason = match &rescued {
                Some(s) if s.lost_entries > 0 => format!(
                    "{e}; {} card entries were recovered and {} could not be",
                    s.progress.cards.len(),
                    s.lost_entries
                ),
                Some(s) => format!(
                    "{e}; all {} card entries were recovered",
                    s.progress.cards.len()
                ),
                None => e.to_string(),
            };
            let progress = rescued.map_or_else(|| Progress::new(deck), |s| s.progress);
            // With the original safe under the backup key, put what was rescued in its place,
            // so later saves do not find (and back up) the damaged value again.
            let writable = copied && store.set(key, &progress.to_json()).is_ok();
            Opened {
                progress,
                writable,
                notice: Some(Notice::Unreadable {
                    reason,
                    backup_key: copied.then_some(backup),
                    original: raw,
                }),
            }
        }
    }
}

/// Review-log entries newer than this are never trimmed to make room (the stats chart shows
/// 30 days); older ones beyond the last [`KEEP_PER_CARD`] of a card may be.
pub const KEEP_DAYS: f64 = 31.0;
pub const KEEP_PER_CARD: usize = 3;

/// Drops old review-log entries that scheduling does not need (the FSRS memory already holds
/// their effect). Returns how many were dropped.
pub fn compact(progress: &mut Progress, now_ms: f64) -> usize {
    let cutoff = now_ms - KEEP_DAYS * 86_400_000.0;
    let mut dropped = 0;
    for card in progress.cards.values_mut() {
        if card.log.len() <= KEEP_PER_CARD {
            continue;
        }
        let card = Rc::make_mut(card);
        let keep_from = card.log.len().saturating_sub(KEEP_PER_CARD);
        let before = card.log.len();
        let mut i = 0;
        card.log.retain(|r| {
            let keep = i >= keep_from || r.at >= cutoff;
            i += 1;
            keep
        });
        dropped += before - card.log.len();
    }
    dropped
}

/// Identifies a stored value without keeping a copy of it (megabytes, with thousands of
/// cards): its length and FNV-1a hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint(usize, u64);

impl Fingerprint {
    pub fn of(text: &str) -> Self {
        let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        Self(text.len(), hash)
    }
}

/// What a save did besides writing.
#[derive(Debug, Default, PartialEq)]
pub struct Saved {
    /// The progress key's value as a whole save left it (it holds everything then); none
    /// when the save only wrote recent changes. Pass the latest one back as `known` to skip
    /// re-reading it.
    pub written: Option<Fingerprint>,
    /// Progress another tab had saved was merged in: the caller should adopt this.
    pub merged: Option<Progress>,
    /// Old log entries trimmed to fit the storage quota.
    pub trimmed: usize,
}

fn not_saved(e: StoreError) -> Notice {
    Notice::NotSaved {
        reason: e.to_string(),
    }
}

/// What a save found stored under a key.
struct Found {
    present: bool,
    raw: Option<String>,
    /// What to merge: none when absent, equal to `known`, or beyond salvage.
    progress: Option<Progress>,
}

/// Reads a stored value for merging before a write. A value from a newer format stops the
/// save; an unreadable one is copied aside first and what can be salvaged is used.
fn read_for_merge(
    store: &dyn Store,
    key: &str,
    deck: &str,
    now_ms: f64,
    known: Option<Fingerprint>,
) -> Result<Found, Notice> {
    let Some(raw) = store.get(key).map_err(not_saved)? else {
        return Ok(Found {
            present: false,
            raw: None,
            progress: None,
        });
    };
    if known.is_some_and(|k| k == Fingerprint::of(&raw)) {
        return Ok(Found {
            present: true,
            raw: Some(raw),
            progress: None,
        });
    }
    match parse_progress(&raw, deck) {
        Ok(stored) => Ok(Found {
            present: true,
            raw: Some(raw),
            progress: Some(stored),
        }),
        Err(e @ ProgressError::FromTheFuture { .. }) => Err(Notice::ReadOnly {
            reason: e.to_string(),
        }),
        Err(_) => {
            store
                .set(&backup_key(key, now_ms), &raw)
                .map_err(not_saved)?;
            Ok(Found {
                present: true,
                raw: None,
                progress: salvage(&raw, deck).map(|s| s.progress),
            })
        }
    }
}

/// Saves progress without clobbering what another tab saved meanwhile: what is stored is read
/// and merged first (an unreadable stored value is copied aside, never overwritten). When the
/// quota is used up, old log entries are trimmed and the write retried once. On failure the
/// progress stays in memory and the notice says so.
///
/// This rewrites the whole progress and folds in (then removes) the recent-changes value.
/// `known` is what this caller wrote last. When the store still holds exactly that, nobody
/// else has written, and parsing and merging it (costly with thousands of cards) is skipped.
pub fn save_progress(
    store: &dyn Store,
    key: &str,
    progress: &Progress,
    now_ms: f64,
    known: Option<Fingerprint>,
) -> Result<Saved, Notice> {
    let deck = &progress.deck;
    let mut to_write = progress.clone();
    let Found {
        raw,
        progress: stored,
        ..
    } = read_for_merge(store, key, deck, now_ms, known)?;
    if let Some(stored) = &stored {
        merge_into(&mut to_write, stored);
    }
    let recent_key = recent_key(key);
    let recent = read_for_merge(store, &recent_key, deck, now_ms, None)?;
    if let Some(recent) = &recent.progress {
        merge_into(&mut to_write, recent);
    }
    let mut saved = Saved::default();
    // Nothing new for the progress key (another tab folded everything in already).
    let unchanged = stored.as_ref().is_some_and(|s| covers(s, &to_write));
    if unchanged {
        saved.written = raw.as_deref().map(Fingerprint::of);
    } else {
        // Sized from what is stored, so writing megabytes does not also copy them as it grows.
        let capacity = raw.as_ref().map_or(0, |r| r.len() + r.len() / 8);
        drop(raw);
        let mut written = to_write.to_json_with_capacity(capacity);
        match store.set(key, &written) {
            Ok(()) => {}
            Err(StoreError::QuotaExceeded) => {
                saved.trimmed = compact(&mut to_write, now_ms);
                written = to_write.to_json_with_capacity(written.len());
                store.set(key, &written).map_err(not_saved)?;
            }
            Err(e) => return Err(not_saved(e)),
        }
        saved.written = Some(Fingerprint::of(&written));
    }
    if recent.present {
        store.remove(&recent_key).map_err(not_saved)?;
    }
    if to_write != *progress {
        saved.merged = Some(to_write);
    }
    Ok(saved)
}

/// Saves after `changed` cards (and possibly the reset marks) changed. Small progress is
/// rewritten whole ([`save_progress`]); large progress only adds the changed cards to the
/// recent-changes value, read and merged first like the whole value, until that holds more
/// than [`RECENT_LIMIT`] cards and is folded in.
pub fn save_changes(
    store: &dyn Store,
    key: &str,
    progress: &Progress,
    changed: &BTreeSet<String>,
    now_ms: f64,
    known: Option<Fingerprint>,
) -> Result<Saved, Notice> {
    let weight: usize = progress.cards.values().map(|c| 1 + c.log.len()).sum();
    if weight <= WHOLE_SAVE_LIMIT {
        return save_progress(store, key, progress, now_ms, known);
    }
    let recent_key = recent_key(key);
    let stored = read_for_merge(store, &recent_key, &progress.deck, now_ms, None)?.progress;
    let stored = stored.unwrap_or_else(|| Progress::new(&progress.deck));
    let mut recent = stored.clone();
    let mut delta = Progress::new(&progress.deck);
    delta.resets.clone_from(&progress.resets);
    for id in changed {
        if let Some(card) = progress.cards.get(id.as_str()) {
            delta.cards.insert(Rc::from(id.as_str()), card.clone());
        }
    }
    merge_into(&mut recent, &delta);
    if recent.cards.len() > RECENT_LIMIT {
        return save_progress(store, key, progress, now_ms, known);
    }
    if recent != stored {
        match store.set(&recent_key, &recent.to_json()) {
            Ok(()) => {}
            // The whole save trims old log entries to make room.
            Err(StoreError::QuotaExceeded) => {
                return save_progress(store, key, progress, now_ms, known)
            }
            Err(e) => return Err(not_saved(e)),
        }
    }
    let merged = (!covers(progress, &stored)).then(|| {
        let mut merged = progress.clone();
        merge_into(&mut merged, &stored);
        merged
    });
    Ok(Saved {
        written: None,
        merged,
        trimmed: 0,
    })
}
