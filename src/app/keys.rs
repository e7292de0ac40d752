//! Keyboard shortcuts, decided against the state the key meets (no copy of it elsewhere).

use crate::app::state::{Action, Focus, State, View};
use crate::core::mock::Phase;
use crate::core::schedule::Rating;

/// What `key` does in `state` with `focus` where it was pressed; `None`: nothing (the browser
/// keeps the key).
pub fn key_action(state: &State, key: &str, focus: Focus, now_ms: f64) -> Option<Action> {
    if focus == Focus::TextField {
        return (key == "Escape").then_some(Action::CloseHelp);
    }
    if state.help_open {
        return matches!(key, "Escape" | "?").then_some(Action::CloseHelp);
    }
    let phase = state.mock.as_ref().map(|m| &m.phase);
    let asking = matches!(phase, Some(Phase::Asking { .. }));
    let revealed = matches!(phase, Some(Phase::Revealed { .. }));
    let rating = match key {
        "1" => Some(Rating::Again),
        "2" => Some(Rating::Hard),
        "3" => Some(Rating::Good),
        "4" => Some(Rating::Easy),
        _ => None,
    };
    let on_page = focus == Focus::Page;
    match (key, state.view) {
        ("?", _) => Some(Action::ToggleHelp),
        ("p", _) => Some(Action::ShowView(View::Practice)),
        ("m", _) => Some(Action::ShowView(View::Mock)),
        ("t", _) => Some(Action::ShowView(View::Stats)),
        (" " | "Enter", View::Practice) if on_page && state.current_card().is_some() => {
            Some(Action::Flip)
        }
        (" " | "Enter", View::Mock) if on_page && asking => Some(Action::MockReveal { now_ms }),
        ("ArrowRight", View::Practice) => Some(Action::Next { now_ms }),
        ("ArrowLeft", View::Practice) => Some(Action::Previous { now_ms }),
        ("u", View::Practice) if !state.undo.is_empty() => Some(Action::Undo { now_ms }),
        ("b", View::Practice) if state.current_card().is_some() => Some(Action::Bury {
            now_ms,
            offset_min: state.offset_min,
        }),
        ("s", View::Practice) => state.session.current().map(|card| Action::SetSuspended {
            on: state.status_of(card) != crate::core::filter::Status::Suspended,
            now_ms,
        }),
        (_, View::Practice) if state.session.is_flipped() => {
            rating.map(|rating| Action::Grade { rating, now_ms })
        }
        (_, View::Mock) if revealed => rating.map(|rating| Action::MockGrade { rating, now_ms }),
        _ => None,
    }
}
