//! What the first card does not need, in wasm chunks of their own in the release build (the
//! `split` feature, `wasm_split_helpers`); every other build links them in, ready at once.
//! - `later`: the mock interview, the stats (with the chart, the scheduling settings, the
//!   optimizer's panel, the learner's data and backups) and the keyboard help, fetched at idle
//!   once the first card is on screen, or when one of them is first opened;
//! - `import`: reading a deck that is not the bundled bank, fetched when one is opened;
//! - `scorm`: a course platform's side (`app::scorm`), fetched only in a SCORM package that a
//!   platform launched.
//!
//! They take their props and dispatch `Action`s exactly as before: the reducer and the core
//! do not know what loads when. A chunk that cannot be fetched is an ordinary error, shown
//! with a way to try again (`use_later`).

use crate::app::hooks::files::{FileAction, Files};
use crate::app::other_deck::Opening;
use crate::components::help::Help;
use crate::components::ids::Ids;
use crate::components::panels::{mock_panel, stats_panel, PanelProps, StatsPanelProps};
use crate::core::deck::Deck;
use crate::core::import::{parse_any, ImportError};
use crate::platform::config::DeckSource;
use std::cell::Cell;
use std::thread::LocalKey;
use yew::prelude::*;

/// The later views, as plain functions (their types are known to the first module; their code
/// is not).
pub struct Later {
    pub mock: fn(&PanelProps, &Ids) -> Html,
    pub stats: fn(&StatsPanelProps, &Ids) -> Html,
    pub help: fn(Callback<()>, Ids) -> Html,
    /// What the study session says when the day's work is done, after its first line.
    pub session_end: fn(&UseReducerHandle<crate::app::state::State>) -> Html,
    /// What the stats view asks of the learner's files (`app::hooks::files`).
    pub files: fn(FileAction, &Files),
}

fn help_dialog(on_close: Callback<()>, ids: Ids) -> Html {
    html! { <Help {on_close} {ids} /> }
}

static LATER: Later = Later {
    mock: mock_panel,
    stats: stats_panel,
    help: help_dialog,
    session_end: crate::components::practice::session_end,
    files: crate::app::hooks::files::for_stats,
};

/// Why a chunk could not be had, in words (see `crate::words::later_failed`).
pub type LoadFailure = String;

/// Opening a deck that is not the bundled bank: reading JSON decks and Quizlet or Anki
/// exports (`core::import`), fetching one at a URL, and placing a deck from elsewhere
/// (`app::other_deck`). Few learners do, so it is a chunk of its own, fetched only when a deck
/// is opened (and then kept for offline use).
pub struct Import {
    pub parse_any: fn(&str, &str) -> Result<Deck, ImportError>,
    pub open: fn(DeckSource) -> Opening,
}

static IMPORT: Import = Import {
    parse_any,
    open: crate::app::other_deck::open,
};

use crate::app::scorm::{Scorm, SCORM};

#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(later, fallible)]
fn load_later_chunk() -> Result<&'static Later, wasm_split_helpers::SplitLoaderError> {
    Ok(&LATER)
}

#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(import, fallible)]
fn load_import_chunk() -> Result<&'static Import, wasm_split_helpers::SplitLoaderError> {
    Ok(&IMPORT)
}

#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(scorm, fallible)]
fn load_scorm_chunk() -> Result<&'static Scorm, wasm_split_helpers::SplitLoaderError> {
    Ok(&SCORM)
}

/// A chunk's entry, once it has arrived.
struct Loaded<T: 'static>(Cell<Option<&'static T>>);

thread_local! {
    /// Each chunk is loaded once per page: every widget on it shares it.
    static LATER_LOADED: Loaded<Later> = const { Loaded(Cell::new(None)) };
    static IMPORT_LOADED: Loaded<Import> = const { Loaded(Cell::new(None)) };
    static SCORM_LOADED: Loaded<Scorm> = const { Loaded(Cell::new(None)) };
}

/// A chunk's entry when it is at hand now: always in a build without the split, once the
/// chunk has arrived in one with it.
fn now<T>(slot: &'static LocalKey<Loaded<T>>, linked: &'static T) -> Option<&'static T> {
    if cfg!(feature = "split") {
        slot.with(|l| l.0.get())
    } else {
        Some(linked)
    }
}

/// The later views, when at hand now.
pub fn later_now() -> Option<&'static Later> {
    now(&LATER_LOADED, &LATER)
}

/// The deck importer, when at hand now.
pub fn import_now() -> Option<&'static Import> {
    now(&IMPORT_LOADED, &IMPORT)
}

/// The course platform's side, when at hand now.
pub fn scorm_now() -> Option<&'static Scorm> {
    now(&SCORM_LOADED, &SCORM)
}

/// Keeps a chunk's entry once it has arrived.
#[cfg(feature = "split")]
async fn fetched<T>(
    slot: &'static LocalKey<Loaded<T>>,
    fetch: impl std::future::Future<Output = Result<&'static T, wasm_split_helpers::SplitLoaderError>>,
) -> Result<&'static T, LoadFailure> {
    let entry = fetch.await.map_err(|e| e.to_string())?;
    slot.with(|l| l.0.set(Some(entry)));
    Ok(entry)
}

/// Fetches the later views' chunk (or finds it fetched). A failed fetch is not remembered:
/// the next call tries again.
pub async fn load_later() -> Result<&'static Later, LoadFailure> {
    if let Some(later) = later_now() {
        return Ok(later);
    }
    #[cfg(feature = "split")]
    return fetched(&LATER_LOADED, load_later_chunk()).await;
    #[cfg(not(feature = "split"))]
    unreachable!("without the split the views are linked in")
}

/// Fetches the importer's chunk (or finds it fetched), as [`load_later`] does.
pub async fn load_import() -> Result<&'static Import, LoadFailure> {
    if let Some(import) = import_now() {
        return Ok(import);
    }
    #[cfg(feature = "split")]
    return fetched(&IMPORT_LOADED, load_import_chunk()).await;
    #[cfg(not(feature = "split"))]
    unreachable!("without the split the importer is linked in")
}

/// Fetches the course platform's side (or finds it fetched), as [`load_later`] does.
pub async fn load_scorm() -> Result<&'static Scorm, LoadFailure> {
    if let Some(scorm) = scorm_now() {
        return Ok(scorm);
    }
    #[cfg(feature = "split")]
    return fetched(&SCORM_LOADED, load_scorm_chunk()).await;
    #[cfg(not(feature = "split"))]
    unreachable!("without the split the course platform's side is linked in")
}

/// Where the later views stand for one widget.
#[derive(Clone, PartialEq)]
pub enum LaterState {
    Ready(LaterRef),
    Loading,
    Failed(LoadFailure),
}

/// The views, compared by identity (there is only one set).
#[derive(Clone, Copy)]
pub struct LaterRef(pub &'static Later);

impl PartialEq for LaterRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// The later views for this widget: fetched when `wanted` (a later view or the help is open),
/// and at idle once `prefetch` is true (the first card is on screen), so that a click on them
/// rarely waits. Returns their state and a callback that tries a failed fetch again.
#[hook]
pub fn use_later(wanted: bool, prefetch: bool) -> (LaterState, Callback<()>) {
    let state = use_state(|| match later_now() {
        Some(later) => LaterState::Ready(LaterRef(later)),
        None => LaterState::Loading,
    });
    // Bumped to try again after a failure.
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        let ready = matches!(*state, LaterState::Ready(_));
        let failed = matches!(*state, LaterState::Failed(_));
        // Wanted now: fetch at once; only prefetching: when the browser is idle. A failure is
        // shown only when a later view was asked for; a failed prefetch waits for that.
        let go = !ready && (wanted && !failed || prefetch && !wanted);
        use_effect_with((go, wanted, *attempt), move |(go, wanted, _)| {
            if *go {
                let wanted = *wanted;
                let run = move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        match load_later().await {
                            Ok(later) => state.set(LaterState::Ready(LaterRef(later))),
                            Err(e) if wanted => state.set(LaterState::Failed(e)),
                            Err(_) => {}
                        }
                    })
                };
                if wanted {
                    run();
                } else {
                    crate::platform::dom::when_idle(run);
                }
            }
        });
    }
    let retry = {
        let (state, attempt) = (state.clone(), attempt.clone());
        Callback::from(move |_| {
            state.set(LaterState::Loading);
            attempt.set(*attempt + 1);
        })
    };
    ((*state).clone(), retry)
}
