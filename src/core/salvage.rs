//! Rescuing what can be read of damaged saved progress: entries of the wrong shape inside
//! valid JSON, or the complete entries before the point where a write was cut off.

use crate::core::optimize::Fitted;
use crate::core::progress::{CardProgress, Progress, ResetMark, PROGRESS_FORMAT};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::rc::Rc;

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
        #[serde(borrow, default)]
        resets: Vec<&'a RawValue>,
        #[serde(borrow, default)]
        fitted: Option<&'a RawValue>,
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
        // Reset marks too, each on its own: dropping one would bring back what it hid.
        progress.resets = loose
            .resets
            .iter()
            .filter_map(|m| serde_json::from_str::<ResetMark>(m.get()).ok())
            .collect();
        progress.fitted = loose
            .fitted
            .and_then(|f| serde_json::from_str::<Fitted>(f.get()).ok());
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
