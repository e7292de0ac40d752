//! The persistence coordinator: every decision about saving one deck's progress. It owns what
//! this tab wrote, what is waiting to be written, and when another tab's write means saving
//! again; the browser hook only hands it the store, the clock and storage events, and carries
//! out what it returns. Host-tested against store doubles that interleave several tabs.

use crate::core::progress::{covers, merge_into, parse_progress, Progress};
use crate::core::store::{
    compact, recent_key, save_changes, save_progress, Fingerprint, Notice, Store,
};
use std::collections::BTreeSet;
use std::rc::Rc;

/// What changed in progress since the last save: filled by the reducer, handed over to the
/// coordinator after each change.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Unsaved {
    pub cards: BTreeSet<String>,
    /// A change too wide to list (an import, a reset, storage that lost a write): save all.
    pub all: bool,
}

impl Unsaved {
    pub fn is_empty(&self) -> bool {
        !self.all && self.cards.is_empty()
    }
    pub fn absorb(&mut self, other: Unsaved) {
        self.all |= other.all;
        self.cards.extend(other.cards);
    }
}

/// What the caller must do after a save or a storage event.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    /// Progress found in storage that this tab lacked: merge it into the state.
    pub adopt: Option<Progress>,
    /// Tell the learner (saving failed, storage was full).
    pub notice: Option<Notice>,
    /// Save again, everything (another tab's write dropped some of what this tab saved).
    pub save_again: bool,
}

pub struct Persistence {
    key: String,
    recent: String,
    deck: String,
    /// The progress key's value as this tab's last whole save left it.
    written: Option<Fingerprint>,
    /// What this tab put into the recent-changes value since its last whole save.
    mine: Progress,
    /// Everything this tab has saved; a later write by anyone that drops part of it is
    /// repaired by saving again.
    saved: Rc<Progress>,
    pending: Unsaved,
}

impl Persistence {
    pub fn new(key: &str, deck: &str) -> Self {
        Self {
            key: key.to_string(),
            recent: recent_key(key),
            deck: deck.to_string(),
            written: None,
            mine: Progress::new(deck),
            saved: Rc::new(Progress::new(deck)),
            pending: Unsaved::default(),
        }
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    /// Changes the reducer reported; saved by the next [`Persistence::save`].
    pub fn note(&mut self, changes: Unsaved) {
        self.pending.absorb(changes);
    }

    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Reads → merges → writes what is pending (whole, or only the changed cards of large
    /// progress). On failure the changes stay pending for the next attempt.
    pub fn save(&mut self, store: &dyn Store, progress: &Rc<Progress>, now_ms: f64) -> Outcome {
        if self.pending.is_empty() || progress.deck != self.deck {
            return Outcome::default();
        }
        let pending = std::mem::take(&mut self.pending);
        let result = if pending.all {
            save_progress(store, &self.key, progress, now_ms, self.written)
        } else {
            save_changes(
                store,
                &self.key,
                progress,
                &pending.cards,
                now_ms,
                self.written,
            )
        };
        match result {
            Ok(saved) => {
                if let Some(written) = saved.written {
                    self.written = Some(written);
                    self.mine = Progress::new(&self.deck);
                } else {
                    for id in &pending.cards {
                        if let Some(card) = progress.cards.get(id.as_str()) {
                            self.mine.cards.insert(Rc::from(id.as_str()), card.clone());
                        }
                    }
                    self.mine.resets.clone_from(&progress.resets);
                    self.mine.fitted.clone_from(&progress.fitted);
                }
                self.saved = progress.clone();
                if saved.trimmed > 0 {
                    // Storage keeps only the trimmed log; expecting more would save forever.
                    compact(Rc::make_mut(&mut self.saved), now_ms);
                }
                Outcome {
                    adopt: saved.merged,
                    notice: (saved.trimmed > 0).then_some(Notice::Trimmed {
                        entries: saved.trimmed,
                    }),
                    save_again: false,
                }
            }
            Err(notice) => {
                self.pending.absorb(pending);
                Outcome {
                    notice: Some(notice),
                    ..Outcome::default()
                }
            }
        }
    }

    /// Another tab wrote `changed` (its new value, or `None` when removed). Returns what to
    /// merge, and asks for a whole save when that write left storage without something this
    /// tab had saved (two writes crossed).
    pub fn heard(&mut self, store: &dyn Store, changed: &str, new_value: Option<&str>) -> Outcome {
        if changed != self.key && changed != self.recent {
            return Outcome::default();
        }
        let incoming = new_value.and_then(|raw| parse_progress(raw, &self.deck).ok());
        let lost = if changed == self.recent && new_value.is_some() {
            let empty = Progress::new(&self.deck);
            !covers(incoming.as_ref().unwrap_or(&empty), &self.mine)
        } else if changed == self.recent {
            // Removed: another tab folded it into the progress key, which must hold it now.
            let main = store.get(&self.key).ok().flatten();
            let main = main.and_then(|raw| parse_progress(&raw, &self.deck).ok());
            !covers(
                &main.unwrap_or_else(|| Progress::new(&self.deck)),
                &self.mine,
            )
        } else {
            // The progress key changed: all this tab saved must be in it or the recent value.
            // (Unreadable values are left to the save, which backs them up first.)
            let mut both = incoming
                .clone()
                .unwrap_or_else(|| Progress::new(&self.deck));
            let recent = store.get(&self.recent).ok().flatten();
            if let Some(recent) = recent.and_then(|r| parse_progress(&r, &self.deck).ok()) {
                merge_into(&mut both, &recent);
            }
            !covers(&both, &self.saved)
        };
        if lost {
            self.pending.all = true;
        }
        Outcome {
            adopt: incoming,
            notice: None,
            save_again: lost,
        }
    }
}
