//! Reading and writing a deck's progress without ever losing it: open (merging the recent
//! changes, backing up what cannot be read), save whole or only the changed cards (read →
//! merge → write), and trim old log entries when storage is full.

use crate::core::deck::{Deck, Elsewhere};
use crate::core::import::{legacy_deck_id, IMPORTED_DECK_ID};
use crate::core::progress::{covers, merge_into, parse_progress, salvage, Progress, ProgressError};
use crate::core::store::{
    back_up, backups, progress_key, recent_key, Notice, Opened, Store, StoreError, RECENT_LIMIT,
    WHOLE_SAVE_LIMIT,
};
use std::collections::BTreeSet;
use std::rc::Rc;

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
    opened.backups = backups(store, key);
    opened
}

/// Reads one stored value of a deck's progress; see [`open_progress`].
fn read_value(store: &dyn Store, key: &str, deck: &str, now_ms: f64) -> Opened {
    let fresh = |writable, notice| Opened {
        progress: Progress::new(deck),
        writable,
        notice,
        backups: Vec::new(),
    };
    let raw = match store.get(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return fresh(true, None),
        Err(reason) => return fresh(false, Some(Notice::NotSaved { reason })),
    };
    match parse_progress(&raw, deck) {
        Ok(progress) => Opened {
            progress,
            writable: true,
            notice: None,
            backups: Vec::new(),
        },
        Err(reason @ ProgressError::FromTheFuture { .. }) => {
            fresh(false, Some(Notice::ReadOnly { reason }))
        }
        Err(reason) => {
            // Copy the unreadable value aside before the key is ever written again, then keep
            // whatever parts of it can still be read.
            let copied = back_up(store, key, &raw, now_ms).ok();
            let rescued = salvage(&raw, deck);
            let (recovered, lost) = rescued
                .as_ref()
                .map_or((0, 0), |s| (s.progress.cards.len(), s.lost_entries));
            let progress = rescued.map_or_else(|| Progress::new(deck), |s| s.progress);
            // With the original safe under the backup key, put what was rescued in its place,
            // so later saves do not find (and back up) the damaged value again.
            let writable = copied.is_some() && store.set(key, &progress.to_json()).is_ok();
            Opened {
                progress,
                writable,
                notice: Some(Notice::Unreadable {
                    key: key.to_string(),
                    reason,
                    backup_key: copied,
                    original: raw,
                    recovered,
                    lost,
                }),
                backups: Vec::new(),
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

fn not_saved(reason: StoreError) -> Notice {
    Notice::NotSaved { reason }
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
        Err(reason @ ProgressError::FromTheFuture { .. }) => Err(Notice::ReadOnly { reason }),
        Err(_) => {
            back_up(store, key, &raw, now_ms).map_err(not_saved)?;
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
    // (A damaged value, salvaged, is rewritten all the same so it is not backed up again.)
    let unchanged = raw.is_some() && stored.as_ref().is_some_and(|s| covers(s, &to_write));
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
    delta.fitted.clone_from(&progress.fitted);
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

/// Opens the progress of a deck as the loader hands it over (its id already set apart when it
/// came from elsewhere, see `core::deck::Elsewhere`), with what earlier builds kept elsewhere:
/// - a deck from a link or an address was saved under its own plain id before it got a key of
///   its own: while that key holds nothing yet, the plain id's progress is read into it (never
///   written back), except `bank_id`'s, which belongs to the bank alone;
/// - a deck imported from a delimited file (`IMPORTED_DECK_ID`) also gets what builds before 0.2
///   saved under an id made from the file's name (`file_name`).
pub fn open_deck_progress(
    store: &dyn Store,
    instance: Option<&str>,
    deck: &Deck,
    file_name: Option<&str>,
    bank_id: &str,
    now_ms: f64,
) -> Opened {
    let key = progress_key(instance, &deck.id);
    let fresh =
        matches!(store.get(&key), Ok(None)) && matches!(store.get(&recent_key(&key)), Ok(None));
    let mut opened = open_progress(store, &key, &deck.id, now_ms);
    let own = deck.own_id();
    let mut earlier = Vec::new();
    let from_page = matches!(
        deck.elsewhere,
        Some(Elsewhere::Link | Elsewhere::Address(_))
    );
    if from_page && fresh && own != bank_id {
        earlier.push(own.to_string());
    }
    if let Some(name) = file_name.filter(|_| own == IMPORTED_DECK_ID) {
        earlier.push(legacy_deck_id(name));
    }
    for id in earlier {
        let mut old = open_progress(store, &progress_key(instance, &id), &id, now_ms);
        old.progress.deck = deck.id.clone();
        merge_into(&mut opened.progress, &old.progress);
    }
    opened
}
