//! Combining copies of one deck's progress (two tabs, two devices, an imported file) without
//! ever losing a review, and what an import would change before it is merged.

use crate::core::optimize::merge_fitted;
use crate::core::order::sort_by_key;
use crate::core::progress::{
    parse_progress, CardProgress, Progress, ProgressError, ResetMark, Review, Switch,
    MAX_PROGRESS_BYTES, PROGRESS_FORMAT,
};
use crate::core::schedule::Memory;
use std::rc::Rc;

/// A total order on memories, so merging picks the same one whichever side it starts from:
/// the one set last wins (by a review, or by an undo restoring an earlier memory); equal times
/// fall back to the other fields.
fn memory_key(m: &Memory) -> [f64; 9] {
    [
        // A memory restored by an undo was set after the grade it replaces.
        m.last_review.max(m.set_at),
        m.last_review,
        f64::from(m.reps),
        m.due,
        m.stability,
        m.difficulty,
        f64::from(m.lapses),
        // Copies made under different step settings can differ only here.
        m.phase as u8 as f64,
        f64::from(m.step),
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

/// The switch made last wins; at the same instant, "on" (the safer way to err: the learner
/// sees the card listed as suspended and can take it back).
fn later_switch(a: Option<Switch>, b: Option<Switch>) -> Option<Switch> {
    match (a, b) {
        (Some(x), Some(y)) => Some(match x.at.total_cmp(&y.at) {
            std::cmp::Ordering::Greater => x,
            std::cmp::Ordering::Less => y,
            std::cmp::Ordering::Equal => {
                if x.on {
                    x
                } else {
                    y
                }
            }
        }),
        (x, y) => x.or(y),
    }
}

fn merge_card(a: &CardProgress, b: &CardProgress) -> CardProgress {
    let mut log: Vec<Review> = a.log.iter().chain(b.log.iter()).copied().collect();
    sort_by_key(&mut log, |r| (r.at, r.rating as u64));
    // One review seen twice is one review, undone if either copy was.
    log.dedup_by(|later, kept| {
        let same = later.at.total_cmp(&kept.at).is_eq() && later.rating == kept.rating;
        if same {
            kept.undone |= later.undone;
        }
        same
    });
    CardProgress {
        last_seen: a.last_seen.max(b.last_seen),
        views: a.views.max(b.views),
        memory: newer_memory(a.memory, b.memory),
        log,
        buried_until: a.buried_until.max(b.buried_until),
        suspended: later_switch(a.suspended, b.suspended),
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
    into.fitted = merge_fitted(into.fitted.as_ref(), other.fitted.as_ref());
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
    }) && merge_fitted(progress.fitted.as_ref(), other.fitted.as_ref()) == progress.fitted
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
        // Reviews only (not practice, not undone, not hidden by a reset). Merging folds
        // duplicate entries of damaged data together: never below zero.
        new_reviews: merged.review_count().saturating_sub(current.review_count()),
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
pub fn parse_import(text: &str, deck: &str) -> Result<Progress, ProgressError> {
    if text.len() > MAX_PROGRESS_BYTES {
        return Err(ProgressError::TooLarge { bytes: text.len() });
    }
    parse_progress(text, deck)
}
