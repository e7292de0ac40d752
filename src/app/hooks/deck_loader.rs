//! Loading decks: the one given at start (parsed before the first render when it is at hand)
//! and any the learner opens later. Each arrives in the reducer as `DeckLoaded`, with its
//! progress read from storage, or as `DeckFailed` with the reason. A deck from the page's
//! address or link, or from another origin, is kept apart (`core::deck::Elsewhere`) unless it
//! is the bank itself, by content.

use crate::app::action::LoadError;
use crate::app::later::{import_now, load_import, Placing};
use crate::app::state::{Action, State};
use crate::app::BUNDLED_DECK_ID;
use crate::core::bank::{fill, is_bank, parse_index, parse_part};
use crate::core::deck::{Deck, Elsewhere};
use crate::core::import::{ImportError, MAX_DECK_BYTES};
use crate::core::save::open_deck_progress;
use crate::core::store::{Notice, Opened, Store};
use crate::platform::clock::{mark, now_ms};
use crate::platform::config::DeckSource;
use crate::platform::fetch::{bank_part_text, bank_text, deck_whence, fetch_text};
use std::rc::Rc;
use yew::prelude::*;

/// The deck itself when it is at hand; `None` when it must be fetched (the bank, or a URL),
/// placed (a deck from a link), or the code that reads it (the `import` chunk) has not arrived.
pub fn parse_now(source: &DeckSource) -> Option<Result<Deck, LoadError>> {
    let result = match source {
        DeckSource::Text { text, name } => (import_now()?.parse_any)(text, name),
        DeckSource::Damaged(reason) => {
            return Some(Err(LoadError::Fetch(
                crate::platform::fetch::FetchError::SharedLink {
                    reason: reason.clone(),
                },
            )))
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

/// The whole bundled bank, every part filled in; `None` when it cannot be had.
async fn whole_bank() -> Option<Deck> {
    let mut bank = parse_index(&bank_text().await.ok()?).ok()?;
    for (_, file) in bank.parts.clone() {
        let part = parse_part(&bank_part_text(&file).await.ok()?, &bank).ok()?;
        fill(&mut bank, &part);
    }
    Some(bank)
}

/// A deck from `elsewhere` (none: one this site vouches for) as it is opened: the bank itself
/// when it is the bank by content (then it shares the bank's progress), else kept apart. In the
/// importer's chunk (`app::later::Import`): the bank is compared only when a deck is opened.
pub fn place(deck: Deck, elsewhere: Option<Elsewhere>) -> Placing {
    Box::pin(async move {
        let Some(elsewhere) = elsewhere else {
            return deck;
        };
        if deck.id == BUNDLED_DECK_ID {
            if let Some(bank) = whole_bank().await.filter(|bank| is_bank(&deck, bank)) {
                return bank;
            }
        }
        deck.from_elsewhere(elsewhere)
    })
}

/// Reads deck `text` with the importer's chunk (fetched if need be), then places it.
async fn read(text: &str, name: &str, elsewhere: Option<Elsewhere>) -> Result<Deck, LoadError> {
    let import = load_import().await.map_err(LoadError::Chunk)?;
    let deck = (import.parse_any)(text, name).map_err(LoadError::Import)?;
    Ok((import.place)(deck, elsewhere).await)
}

/// Fetches a deck URL and reads it. One of the page's address is kept apart wherever it is;
/// one a host page's author gave only when it is on another origin.
async fn fetched(url: &str, from_address: bool) -> Result<Deck, LoadError> {
    let whence = deck_whence(url).map_err(LoadError::Fetch)?;
    let elsewhere = match whence {
        Elsewhere::Address(_) if !from_address => None,
        whence => Some(whence),
    };
    let text = fetch_text(url, MAX_DECK_BYTES)
        .await
        .map_err(LoadError::Fetch)?;
    read(&text, url, elsewhere).await
}

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
    if matches!(source, DeckSource::Url(_) | DeckSource::Address(_)) {
        // The code that reads decks downloads beside the deck.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = load_import().await;
        });
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
            DeckSource::Text { text, name } => read(text, name, None).await,
            DeckSource::Link(text) => read(text, "a shared link", Some(Elsewhere::Link)).await,
            DeckSource::Url(url) => fetched(url, false).await,
            DeckSource::Address(url) => fetched(url, true).await,
            // Always at hand (`parse_now`).
            DeckSource::Damaged(_) => return,
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
