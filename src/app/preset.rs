//! Presets: what the page URL or a host element's attributes ask a widget to start with, and
//! the part of the state the URL mirrors. Pure: bad values become warnings, never errors.

use crate::app::state::{Mode, Preset, State, Theme, View};
use crate::core::deck::{valid_id, Deck};
use crate::core::filter::Filter;

/// Query parameters the app reads and writes on its own page; others are left alone.
pub const OWNED_PARAMS: [&str; 6] = ["topic", "difficulty", "status", "q", "mode", "view"];

/// Query parameters the app writes to its URL.
pub type Query = Vec<(&'static str, String)>;

/// Reads the preset parameters against `deck` (topics must exist in it).
pub fn read(pairs: &[(String, String)], deck: &Deck) -> (Preset, Vec<String>) {
    let (filter, mut warnings) = Filter::from_query(pairs, deck);
    let mut preset = Preset {
        filter,
        ..Preset::default()
    };
    for (key, value) in pairs {
        match key.as_str() {
            // "practice", "review" and "mock" are the names an embedding author would use
            // (older links too: "practice" is browsing every card, as it always was); the
            // study session is the default, and "session".
            "mode" => match value.as_str() {
                "mock" => preset.view = Some(View::Mock),
                "practice" => preset.mode = Some(Mode::All),
                "review" => preset.mode = Some(Mode::Due),
                other => match Mode::parse(other) {
                    Some(m) => preset.mode = Some(m),
                    None => warnings.push(format!("ignored unknown mode \"{value}\"")),
                },
            },
            "view" => match View::parse(value) {
                Some(v) => preset.view = Some(v),
                None => warnings.push(format!("ignored unknown view \"{value}\"")),
            },
            "instance" => {
                if valid_id(value) {
                    preset.instance = Some(value.clone());
                } else {
                    warnings.push(format!("ignored malformed instance name \"{value}\""));
                }
            }
            "theme" => match Theme::parse(value) {
                Some(t) => preset.theme = Some(t),
                None => warnings.push(format!("ignored unknown theme \"{value}\"")),
            },
            "events" if value != "parent" => {
                warnings.push(format!("ignored unknown events target \"{value}\""))
            }
            "layout" if value != "embed" && value != "full" => {
                warnings.push(format!("ignored unknown layout \"{value}\""))
            }
            _ => {}
        }
    }
    // A deck still loading has no topics to check a topic preset against.
    if deck.cards.is_empty() {
        warnings.retain(|w| !w.starts_with("ignored unknown topic"));
    }
    (preset, warnings)
}

/// The filter, mode and view as query parameters.
pub fn to_query(state: &State) -> Query {
    let mut q = state.filter.to_query();
    if state.mode != Mode::Session {
        q.push(("mode", state.mode.as_str().to_string()));
    }
    if state.view != View::Practice {
        q.push(("view", state.view.as_str().to_string()));
    }
    q
}
