//! The learner's files and the copies kept for them: exporting progress, handing back a damaged
//! value or a backup, deleting a backup, letting this visit replace a damaged value, and reading
//! a file the learner picked (progress to import, a deck to open). Views ask with a
//! [`FileAction`]; this hook carries it out against storage, the file and the download, and
//! tells the reducer (or the deck loader) what came of it. What only the stats view asks
//! (backups, picked files) is carried out by code in the later views' chunk, with that view
//! (`app::later::Later::files`).

use crate::app::action::LoadError;
use crate::app::later::later_now;
use crate::app::state::{Action, State};
use crate::core::import::MAX_DECK_BYTES;
use crate::core::progress::{parse_import, MAX_PROGRESS_BYTES};
use crate::core::store::{backups, Notice, Store};
use crate::platform::clock::now_ms;
use crate::platform::config::DeckSource;
use crate::platform::download::download_text;
use crate::platform::file::text;
use std::rc::Rc;
use yew::prelude::*;

/// What a view asks of the learner's files.
#[derive(Clone, Debug, PartialEq)]
pub enum FileAction {
    /// Download the progress on screen (the way out when it cannot be saved).
    ExportProgress,
    /// Download the damaged value the notice is about.
    DownloadOriginal,
    /// The learner has the damaged original: this visit may replace the value under this key
    /// (only while it still holds exactly that value: another tab may have written since).
    ReplaceDamaged(String),
    /// Download the backup under this key.
    DownloadBackup(String),
    /// Delete the backup under this key.
    DeleteBackup(String),
    /// Read the progress file the learner picked, for an import (shown as a preview first).
    ImportProgress(web_sys::File),
    /// Read the deck file the learner picked, and open it.
    OpenDeck(web_sys::File),
}

/// What carrying out a [`FileAction`] needs: the state, the storage, and the deck loader.
pub struct Files {
    state: UseReducerHandle<State>,
    store: Rc<dyn Store>,
    open_deck: Callback<DeckSource>,
}

/// The way views ask for a [`FileAction`].
#[hook]
pub fn use_files(
    state: &UseReducerHandle<State>,
    store: Rc<dyn Store>,
    open_deck: Callback<DeckSource>,
) -> Callback<FileAction> {
    let files = Files {
        state: state.clone(),
        store,
        open_deck,
    };
    Callback::from(move |action| run(action, &files))
}

fn offer(name: &str, text: &str) {
    if let Err(e) = download_text(name, text) {
        gloo::console::error!(format!("download failed: {e}"));
    }
}

fn run(action: FileAction, files: &Files) {
    let Files { state, store, .. } = files;
    match action {
        FileAction::ExportProgress => offer(
            &format!("interview-cards-{}-progress.json", state.deck.id),
            &state.progress.to_json(),
        ),
        FileAction::DownloadOriginal => {
            if let Some(Notice::Unreadable { original, .. }) = &state.notice {
                offer("interview-cards-unreadable-progress.json", original);
            }
        }
        FileAction::ReplaceDamaged(key) => {
            let Some(Notice::Unreadable { original, .. }) = &state.notice else {
                return;
            };
            let still = store.get(&key).ok().flatten().as_ref() == Some(original);
            if !still || store.remove(&key).is_ok() {
                state.dispatch(Action::ReplaceDamaged);
            }
        }
        // Asked only by the stats view, whose chunk is here when it asks.
        other => {
            if let Some(later) = later_now() {
                (later.files)(other, files);
            }
        }
    }
}

/// What the stats view asks of files (in the later views' chunk, see the module's docs).
pub fn for_stats(action: FileAction, files: &Files) {
    let Files {
        state,
        store,
        open_deck,
    } = files;
    match action {
        FileAction::DownloadBackup(key) => {
            if let Ok(Some(text)) = store.get(&key) {
                offer("interview-cards-damaged-progress.json", &text);
            }
        }
        FileAction::DeleteBackup(key) => {
            let _ = store.remove(&key);
            state.dispatch(Action::BackupsListed(backups(
                &**store,
                &state.progress_key(),
            )));
        }
        FileAction::ImportProgress(file) => {
            let (dispatcher, deck) = (state.dispatcher(), state.deck.id.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = match text(&file, MAX_PROGRESS_BYTES).await {
                    Ok(text) => parse_import(&text, &deck),
                    Err(unread) => Err(unread.into()),
                };
                dispatcher.dispatch(Action::ImportRead {
                    result,
                    now_ms: now_ms(),
                });
            });
        }
        FileAction::OpenDeck(file) => {
            let (open_deck, dispatcher) = (open_deck.clone(), state.dispatcher());
            wasm_bindgen_futures::spawn_local(async move {
                match text(&file, MAX_DECK_BYTES).await {
                    Ok(text) => open_deck.emit(DeckSource::Text {
                        text,
                        name: file.name(),
                    }),
                    Err(unread) => {
                        dispatcher.dispatch(Action::DeckFailed(LoadError::Import(unread.into())))
                    }
                }
            });
        }
        // The shell's own (see `run`).
        FileAction::ExportProgress
        | FileAction::DownloadOriginal
        | FileAction::ReplaceDamaged(_) => run(action, files),
    }
}
