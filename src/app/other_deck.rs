//! Opening a deck that is not the bank (a picked file, an inline script, a link's, one at a
//! URL): fetched when it is at a URL, read (`core::import`), then placed: the bank itself when
//! it is the bank by content, else kept apart when it came from elsewhere
//! (`core::deck::Elsewhere`). All of it is in the importer's chunk (`app::later::Import`): only
//! a page that opens such a deck downloads it.

use crate::app::action::LoadError;
use crate::app::BUNDLED_DECK_ID;
use crate::core::bank::{fill, is_bank, parse_index, parse_part};
use crate::core::deck::{Deck, Elsewhere};
use crate::core::import::{parse_any, MAX_DECK_BYTES};
use crate::platform::config::DeckSource;
use crate::platform::fetch::{bank_part_text, bank_text, deck_whence, fetch_text, FetchError};
use std::future::Future;
use std::pin::Pin;

/// A deck being opened.
pub type Opening = Pin<Box<dyn Future<Output = Result<Deck, LoadError>>>>;

/// Opens `source` (any but the bank).
pub fn open(source: DeckSource) -> Opening {
    Box::pin(async move {
        match source {
            DeckSource::Text { text, name } => read(&text, &name, None).await,
            DeckSource::Link(text) => read(&text, "a shared link", Some(Elsewhere::Link)).await,
            DeckSource::Url(url) => fetched(&url, false).await,
            DeckSource::Address(url) => fetched(&url, true).await,
            DeckSource::Damaged(reason) => Err(LoadError::Fetch(FetchError::SharedLink { reason })),
            // The loader opens the bank itself.
            DeckSource::Bundled => Err(LoadError::Fetch(FetchError::Bank {
                reason: "it is not opened here".into(),
            })),
        }
    })
}

/// Reads deck `text`, then places it.
async fn read(text: &str, name: &str, elsewhere: Option<Elsewhere>) -> Result<Deck, LoadError> {
    let deck = parse_any(text, name).map_err(LoadError::Import)?;
    Ok(place(deck, elsewhere).await)
}

/// Fetches a deck URL and reads it. One in the page's address is kept apart wherever it is;
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

/// A deck from `elsewhere` (none: one this site vouches for) as it is opened: the bank itself
/// when it is the bank by content (then it shares the bank's progress), else kept apart.
async fn place(deck: Deck, elsewhere: Option<Elsewhere>) -> Deck {
    let Some(elsewhere) = elsewhere else {
        return deck;
    };
    if deck.id == BUNDLED_DECK_ID {
        if let Some(bank) = whole_bank().await.filter(|bank| is_bank(&deck, bank)) {
            return bank;
        }
    }
    deck.from_elsewhere(elsewhere)
}

/// The whole bundled bank, every part filled in; `None` when it cannot be had.
async fn whole_bank() -> Option<Deck> {
    let mut bank = parse_index(&bank_text().await.ok()?).ok()?;
    for (_, file) in bank.parts.clone() {
        let part = parse_part(&bank_part_text(&file).await.ok()?, &bank).ok()?;
        fill(&mut bank, &part);
    }
    Some(bank)
}
