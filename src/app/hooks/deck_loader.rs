//! Loading decks: the one given at start (parsed before the first render when it is at hand)
//! and any the learner opens later. Each arrives in the reducer as `DeckLoaded`, with its
//! progress read from storage, or as `DeckFailed` with the reason. Every deck but the bank is
//! opened by the importer's chunk (`app::other_deck`).

use crate::app::action::LoadError;
use crate::app::later::{import_now, load_import};
use crate::app::state::{Action, State};
use crate::app::BUNDLED_DECK_ID;
use crate::core::bank::parse_index;
use crate::core::deck::Deck;
use crate::core::import::ImportError;
use crate::core::save::open_deck_progress;
use crate::core::store::{Notice, Opened, Store};
use crate::platform::clock::{mark, now_ms};
use crate::platform::config::DeckSource;
use crate::platform::fetch::{bank_text, FetchError};
use std::rc::Rc;
use yew::prelude::*;

/// The deck itself when it is at hand; `None` when it must be fetched (the bank, or a URL),
/// placed (a deck from a link: it may be the bank), or the code that reads it (the `import`
/// chunk) has not arrived.
pub fn parse_now(source: &DeckSource) -> Option<Result<Deck, LoadError>> {
    let result = match source {
        DeckSource::Text { text, name } => (import_now()?.parse_any)(text, name),
        DeckSource::Damaged(reason) => {
            return Some(Err(LoadError::Fetch(FetchError::SharedLink {
                reason: reason.clone(),
            })))
        }
        DeckSource::Bundled | DeckSource::Url(_) | DeckSource::Address(_) | DeckSource::Link(_) => {
            return None
        }
    };
    mark("deck-parsed");
    Some(result.map_err(LoadError::Import))
}

/// Reads a deck's saved progress (see `core::save::open_deck_progress`).
pub fn open_for(
    store: &dyn Store,
    instance: Option<&str>,
    deck: &Deck,
    source: &DeckSource,
) -> Opened {
    let name = match source {
        DeckSource::Text { name, .. } | DeckSource::Url(name) | DeckSource::Address(name) => {
            Some(name.as_str())
        }
        DeckSource::Bundled | DeckSource::Link(_) | DeckSource::Damaged(_) => None,
    };
    open_deck_progress(store, instance, deck, name, BUNDLED_DECK_ID, now_ms())
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

/// The store, and why it is only in memory (when it is).
type Storage = Rc<(Rc<dyn Store>, Option<Notice>)>;

/// Parses (or fetches, then parses) `source` and hands the result to the reducer.
fn load(
    source: DeckSource,
    dispatcher: UseReducerDispatcher<State>,
    store: Storage,
    instance: Option<String>,
) {
    if let Some(result) = parse_now(&source) {
        dispatcher.dispatch(loaded(result, &store, instance.as_deref(), &source));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let result = match &source {
            DeckSource::Bundled => {
                let result = bank_text()
                    .await
                    .map_err(LoadError::Fetch)
                    .and_then(|text| {
                        mark("deck-fetched");
                        parse_index(&text).map_err(|e| LoadError::Import(ImportError::Deck(e)))
                    });
                mark("deck-parsed");
                result
            }
            // Any other deck is opened by the code that reads decks (fetched if need be).
            other => match load_import().await {
                Ok(import) => (import.open)(other.clone()).await,
                Err(e) => Err(LoadError::Chunk(e)),
            },
        };
        dispatcher.dispatch(loaded(result, &store, instance.as_deref(), &source));
    });
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
