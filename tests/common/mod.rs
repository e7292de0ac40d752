//! What the reducer tests share: a small deck of `n` cards (ids c1…cn, one topic), a widget
//! holding it with no progress yet, and grading the card on screen.

use interview_cards::app::state::{Action, Preset, State};
use interview_cards::core::deck::{parse_deck, Deck};
use interview_cards::core::schedule::Rating;
use interview_cards::core::store::{open_progress, progress_key, MemoryStore};
use std::rc::Rc;

pub const T0: f64 = 1_800_000_000_000.0;

pub fn deck(n: usize) -> Rc<Deck> {
    let cards: Vec<String> = (1..=n)
        .map(|i| format!(r#"{{"id":"c{i}","topic":"t","difficulty":"easy","question":"Q{i}","answer":"A{i}"}}"#))
        .collect();
    Rc::new(
        parse_deck(&format!(
            r#"{{"format":1,"id":"d","title":"D","topics":[{{"id":"t","name":"T"}}],"cards":[{}]}}"#,
            cards.join(",")
        ))
        .unwrap(),
    )
}

pub fn fresh(n: usize) -> State {
    let store = MemoryStore::default();
    State::new(
        deck(n),
        open_progress(&store, &progress_key(None, "d"), "d", T0),
        Preset::default(),
        T0,
    )
}

/// Flips the card on screen and grades it.
pub fn grade(s: State, rating: Rating, at: f64) -> State {
    s.apply(Action::Flip)
        .apply(Action::Grade { rating, now_ms: at })
}
