//! Loading decks: the one given at start (parsed before the first render when it is at hand)
//! and any the learner opens later. Each arrives in the reducer as `DeckLoaded`, with its
//! progress read from storage, or as `DeckFailed` with the reason.

use crate::app::action::LoadError;
use crate::app::later::{import_now, load_import};
use crate::app::state::{Action, State};
use crate::core::bank::parse_index;
use crate::core::deck::Deck;
use crate::core::import::{legacy_deck_id, ImportError, IMPORTED_DECK_ID, MAX_DECK_BYTES};
use crate::core::progress::merge_into;
use crate::core::store::{open_progress, progress_key, Notice, Opened, Store};
use crate::platform::clock::{mark, now_ms};
use crate::platform::config::DeckSource;
use crate::platform::fetch::{bank_text, fetch_text, foreign_origin, FetchError};
use std::rc::Rc;
use yew::prelude::*;

/// The deck itself when it is at hand; `None` when it must be fetched (the bank, or a URL), or
/// the code that reads it (the `import` chunk) has not arrived yet.
pub fn parse_now(source: &DeckSource) -> Option<Result<Deck, LoadError>> {
    let result = match source {
        DeckSource::Text { text, name } => (import_now()?.parse_any)(text, name),
        DeckSource::Damaged(reason) => {
            return Some(Err(LoadError::Fetch(FetchError::SharedLink {
                reason: reason.clone(),
            })))
        }
        DeckSource::Bundled | DeckSource::Url(_) => return None,
    };
    mark("deck-parsed");
    Some(result.map_err(LoadError::Import))
}

/// Reads a deck's saved progress. A deck imported from a delimited file also gets what
/// earlier builds saved under an id made from the file's name.
pub fn open_for(
    store: &dyn Store,
    instance: Option<&str>,
    deck: &Deck,
    source: &DeckSource,
) -> Opened {
    let now = now_ms();
    let mut opened = open_progress(store, &progress_key(instance, &deck.id), &deck.id, now);
    let name = match source {
        DeckSource::Text { name, .. } | DeckSource::Url(name) => Some(name.as_str()),
        DeckSource::Bundled | DeckSource::Damaged(_) => None,
    };
    if let Some(name) = name.filter(|_| deck.id == IMPORTED_DECK_ID) {
        let legacy = legacy_deck_id(name);
        let mut old = open_progress(store, &progress_key(instance, &legacy), &legacy, now);
        old.progress.deck = deck.id.clone();
        merge_into(&mut opened.progress, &old.progress);
    }
    opened
}

fn loaded(
    result: Result<Deck, LoadError>,
    store: &Storage,
    instance: Option<&str>,
    source: &DeckSource,
) -> Action {
    match result {
        Ok(deck) => {
            let mut opened = open_for(&*store.0, instance, &deck, source);
            opened.notice = store.1.clone().or(opened.notice);
            Action::DeckLoaded {
                deck: Rc::new(deck),
                opened: Rc::new(opened),
                now_ms: now_ms(),
            }
        }
        Err(message) => Action::DeckFailed(message),
    }
}

/// Parses (or fetches, then parses) `source` and hands the result to the reducer.
/// The store, and why it is only in memory (when it is).
type Storage = Rc<(Rc<dyn Store>, Option<Notice>)>;

fn load(
    source: DeckSource,
    dispatcher: UseReducerDispatcher<State>,
    store: Storage,
    instance: Option<String>,
) {
    match parse_now(&source) {
        Some(result) => dispatcher.dispatch(loaded(result, &store, instance.as_deref(), &source)),
        None if matches!(source, DeckSource::Text { .. }) => {
            wasm_bindgen_futures::spawn_local(async move {
                let DeckSource::Text { text, name } = &source else {
                    return;
                };
                let result = match load_import().await {
                    Ok(import) => (import.parse_any)(text, name).map_err(LoadError::Import),
                    Err(e) => Err(LoadError::Chunk(e)),
                };
                dispatcher.dispatch(loaded(result, &store, instance.as_deref(), &source));
            });
        }
        None if source == DeckSource::Bundled => {
            wasm_bindgen_futures::spawn_local(async move {
                let result = bank_text()
                    .await
                    .map_err(LoadError::Fetch)
                    .and_then(|text| {
                        mark("deck-fetched");
                        parse_index(&text).map_err(|e| LoadError::Import(ImportError::Deck(e)))
                    });
                mark("deck-parsed");
                dispatcher.dispatch(loaded(result, &store, instance.as_deref(), &source));
            });
        }
        None => {
            let DeckSource::Url(url) = source.clone() else {
                return;
            };
            // The code that reads decks downloads beside the deck.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = load_import().await;
            });
            wasm_bindgen_futures::spawn_local(async move {
                let result = match foreign_origin(&url) {
                    Err(e) => Err(LoadError::Fetch(e)),
                    Ok(origin) => match fetch_text(&url, MAX_DECK_BYTES).await {
                        Ok(text) => match load_import().await {
                            Ok(import) => (import.parse_any)(&text, &url)
                                .map(|deck| match &origin {
                                    Some(origin) => deck.from_elsewhere(origin),
                                    None => deck,
                                })
                                .map_err(LoadError::Import),
                            Err(e) => Err(LoadError::Chunk(e)),
                        },
                        Err(e) => Err(LoadError::Fetch(e)),
                    },
                };
                dispatcher.dispatch(loaded(result, &store, instance.as_deref(), &source));
            });
        }
    }
}

/// Loads `first` unless it was loaded for the first render already, and returns the way to
/// open another deck.
#[hook]
pub fn use_deck_loader(
    state: &UseReducerHandle<State>,
    store: Storage,
    first: DeckSource,
) -> Callback<DeckSource> {
    let instance = state.instance.clone();
    {
        let (dispatcher, store, instance) = (state.dispatcher(), store.clone(), instance.clone());
        let loaded_already = state.has_deck();
        use_effect_with((), move |_| {
            if !loaded_already {
                load(first, dispatcher, store, instance);
            }
        });
    }
    let dispatcher = state.dispatcher();
    Callback::from(move |next: DeckSource| {
        load(next, dispatcher.clone(), store.clone(), instance.clone())
    })
}
