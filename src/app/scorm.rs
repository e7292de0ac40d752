//! The widget's side of a course platform (SCORM 1.2), in a chunk of its own in the release
//! build (`later.rs`), fetched only when a package's bridge is on the page: it reads what
//! `web/scorm.js` handed over at launch, joins the platform's copy of the progress to this
//! browser's once (`core::scorm` decides how), and after every change of progress hands the
//! bridge the strings for the platform (JSON), with what the learner reads in `words`.

use crate::core::progress::{merge, Progress};
use crate::core::scorm::{self, Launch, SuspendError};
use crate::platform::scorm::{hand_back, launch};
use crate::words;
use serde::Serialize;
use std::cell::RefCell;

/// The chunk's entry.
pub struct Scorm {
    /// After a change of progress of the deck `deck` (saved under `key`): tells the platform,
    /// and returns the platform's copy to merge in, the first time only.
    pub step: fn(progress: &Progress, deck: &str, key: &str) -> Option<Progress>,
}

pub static SCORM: Scorm = Scorm { step };

/// This visit with the platform.
#[derive(Default)]
struct Visit {
    launch: Option<Launch>,
    /// The platform's copy has been read (or found unusable).
    resumed: bool,
    /// It could not be used, and why: it is left there as it is.
    unusable: Option<SuspendError>,
}

thread_local! {
    static VISIT: RefCell<Visit> = RefCell::default();
}

fn step(progress: &Progress, deck: &str, key: &str) -> Option<Progress> {
    VISIT.with(|visit| {
        let mut visit = visit.borrow_mut();
        if visit.launch.is_none() {
            visit.launch = launch().and_then(|text| Launch::parse(&text));
        }
        let launch = visit.launch.clone().filter(|l| l.deck == deck)?;
        let mut theirs = None;
        if !std::mem::replace(&mut visit.resumed, true) && launch.refused.is_none() {
            if let Some(kept) = launch.suspend_data.as_deref().filter(|t| !t.is_empty()) {
                match scorm::restore(kept, &launch, progress) {
                    Ok(copy) => theirs = Some(copy),
                    Err(e) => visit.unusable = Some(e),
                }
            }
        }
        let merged = theirs.as_ref().map(|t| merge(progress, t));
        let now = merged.as_ref().unwrap_or(progress);
        hand_back(&report(now, &launch, visit.unusable.as_ref(), key));
        theirs
    })
}

/// What `web/scorm.js` receives. `set`: the CMI elements to set, in order; `notice`: what to
/// show the learner; the rest is for diagnostics and tests.
#[derive(Serialize)]
struct Handed<'a> {
    set: Vec<(&'static str, String)>,
    notice: Option<String>,
    status: &'static str,
    score: u32,
    length: usize,
    dropped_cards: usize,
    dropped_reviews: usize,
    kept_platform_data: bool,
    key: &'a str,
}

/// The strings for the platform for this progress.
fn report(
    progress: &Progress,
    launch: &Launch,
    unusable: Option<&SuspendError>,
    key: &str,
) -> String {
    let r = scorm::report(progress, launch, unusable.is_some());
    let mut handed = Handed {
        set: Vec::new(),
        notice: None,
        status: r.status,
        score: r.score,
        length: 0,
        dropped_cards: 0,
        dropped_reviews: 0,
        kept_platform_data: unusable.is_some(),
        key,
    };
    if let Some(code) = &launch.refused {
        handed.notice = Some(words::scorm_refused(code));
        return json(&handed);
    }
    if let Some(encoded) = r.suspend {
        handed.length = encoded.text.len();
        handed.dropped_cards = encoded.dropped_cards;
        handed.dropped_reviews = encoded.dropped_reviews;
        if encoded.dropped_cards > 0 {
            handed.notice = Some(words::scorm_too_large(encoded.dropped_cards));
        }
        handed.set.push(("cmi.suspend_data", encoded.text));
    }
    if let Some(error) = unusable {
        handed.notice = Some(words::scorm_unusable(error));
    }
    handed.set.extend([
        ("cmi.core.lesson_status", r.status.to_string()),
        ("cmi.core.score.min", "0".to_string()),
        ("cmi.core.score.max", "100".to_string()),
        ("cmi.core.score.raw", r.score.to_string()),
    ]);
    json(&handed)
}

fn json(handed: &Handed) -> String {
    serde_json::to_string(handed).unwrap_or_default()
}
