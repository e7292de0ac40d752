//! How a widget was asked to start: from the page URL (the app's own page) or from a host
//! element's `data-` attributes (a direct mount). Reads the browser into plain values; what
//! they mean is decided by the app and the core.

use crate::platform::url::query_pairs;
use wasm_bindgen::JsCast;

#[derive(Clone, Debug, Default, PartialEq)]
pub enum DeckSource {
    #[default]
    Bundled,
    /// Fetched from a URL (relative to the page, or http/https) that the host page's author
    /// gave (`data-deck`, `deck`).
    Url(String),
    /// Fetched from a URL in the page's own address (`?deck=`): whoever sent the link chose it,
    /// so the deck is shown as one from an address and kept apart (`core::deck::Elsewhere`).
    Address(String),
    /// Deck text already at hand: an inline `<script type="application/json">` or a picked file.
    Text { text: String, name: String },
    /// A deck shared in the page's URL fragment (`#deck=`, unpacked by embed.js): its text. Kept
    /// apart like [`DeckSource::Address`].
    Link(String),
    /// A deck shared in the URL fragment that could not be unpacked, and why.
    Damaged(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Preset parameters (topic, difficulty, status, q, mode, view, instance, theme, layout).
    pub pairs: Vec<(String, String)>,
    pub deck: DeckSource,
    /// The app owns the page: it may use the URL, window-wide keys and a `<main>` landmark.
    pub standalone: bool,
    /// Prefix for element ids, unique per widget on the page.
    pub ids: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            pairs: Vec::new(),
            deck: DeckSource::Bundled,
            standalone: true,
            ids: String::new(),
        }
    }
}

impl Config {
    pub fn param(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Only same-origin relative paths and http(s) URLs are fetched; anything else is refused.
pub fn acceptable_deck_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return true;
    }
    // No scheme: a relative path ("decks/x.json", "./x.json", "/x.json").
    !lower.is_empty() && !lower.contains(':') && !lower.starts_with("//")
}

/// The deck a `deck` parameter names: `as_source` makes it one of the page's address or one a
/// host page's author gave.
fn deck_from_url_param(value: Option<&str>, as_source: fn(String) -> DeckSource) -> DeckSource {
    match value {
        Some(url) if acceptable_deck_url(url) => as_source(url.trim().to_string()),
        Some(url) => {
            gloo::console::warn!(format!(
                "interview-cards: ignored deck URL \"{url}\": only http(s) and relative URLs are loaded"
            ));
            DeckSource::Bundled
        }
        None => DeckSource::Bundled,
    }
}

/// A deck shared in the page's URL fragment (`#deck=…`), which embed.js unpacks before the app
/// starts: its text, or why it could not be read.
fn shared_deck() -> Option<DeckSource> {
    let global = js_sys::global();
    let get = |name: &str| {
        js_sys::Reflect::get(&global, &name.into())
            .ok()?
            .as_string()
    };
    if let Some(reason) = get("interviewCardsSharedDeckError") {
        return Some(DeckSource::Damaged(reason));
    }
    get("interviewCardsSharedDeck").map(DeckSource::Link)
}

/// The `<meta name=...>` in which a page names its own deck, when it is not the bank (the SCORM
/// package's launch page does): trusted as the page's, like a host element's `data-deck`.
pub const DECK_META: &str = "interview-cards-deck";

/// The deck the page's `<head>` names ([`DECK_META`]).
fn page_deck() -> Option<String> {
    web_sys::window()?
        .document()?
        .head()?
        .query_selector(&format!("meta[name='{DECK_META}']"))
        .ok()??
        .get_attribute("content")
}

/// The app's own page: everything from the query string; the deck from its link (`#deck=`),
/// its address (`?deck=`), the page itself ([`DECK_META`]), or the bank.
pub fn from_page_url() -> Config {
    let pairs = query_pairs();
    let address = pairs
        .iter()
        .rev()
        .find(|(k, _)| k == "deck")
        .map(|(_, v)| v.as_str());
    let deck = shared_deck().unwrap_or_else(|| match address {
        Some(_) => deck_from_url_param(address, DeckSource::Address),
        None => deck_from_url_param(page_deck().as_deref(), DeckSource::Url),
    });
    Config {
        pairs,
        deck,
        standalone: true,
        ids: String::new(),
    }
}

/// A host element `<div data-interview-cards data-topic="http" data-deck="...">` or
/// `<interview-cards topic="http" deck="...">`: every `data-` attribute but the marker (and,
/// on `<interview-cards>`, every attribute but the standard ones) becomes a parameter (`data-deck-script="#id"` names an
/// inline `<script type="application/json">` or `text/tab-separated-values` holding the deck).
pub fn from_element(element: &web_sys::Element, index: usize) -> Config {
    let mut pairs = Vec::new();
    // `<interview-cards topic="http">` takes plain attributes too; a marked element only its
    // `data-` ones.
    let custom = element.tag_name().eq_ignore_ascii_case("interview-cards");
    let names = element.get_attribute_names();
    for name in names.iter().filter_map(|n| n.as_string()) {
        let key = match name.strip_prefix("data-") {
            Some("interview-cards") => continue,
            Some(key) => key,
            None if custom
                && !matches!(
                    name.as_str(),
                    "id" | "class" | "style" | "hidden" | "slot" | "tabindex" | "title"
                ) =>
            {
                name.as_str()
            }
            None => continue,
        };
        if let Some(value) = element.get_attribute(&name) {
            pairs.push((key.to_string(), value));
        }
    }
    let find = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let deck = match (find("deck-script"), find("deck")) {
        (Some(selector), _) => {
            let text = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector(&selector).ok().flatten())
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                .and_then(|el| el.text_content());
            match text {
                Some(text) => DeckSource::Text {
                    text,
                    name: selector.trim_start_matches('#').to_string(),
                },
                None => {
                    gloo::console::warn!(format!(
                        "interview-cards: no element matches data-deck-script=\"{selector}\"; using the built-in deck"
                    ));
                    DeckSource::Bundled
                }
            }
        }
        (None, url) => deck_from_url_param(url.as_deref(), DeckSource::Url),
    };
    Config {
        pairs,
        deck,
        standalone: false,
        ids: format!("ic{}-", index + 1),
    }
}
