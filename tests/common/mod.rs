//! What the reducer tests share: a small deck of `n` cards (ids c1…cn, one topic), a widget
//! holding a deck with no progress yet, and grading the card on screen.
// Each test crate uses part of this.
#![allow(dead_code)]

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

/// A widget holding `deck`, with no progress yet, at [`T0`].
pub fn holding(deck: Rc<Deck>) -> State {
    let store = MemoryStore::default();
    let opened = open_progress(&store, &progress_key(None, &deck.id), &deck.id, T0);
    State::new(deck, opened, Preset::default(), T0)
}

pub fn fresh(n: usize) -> State {
    holding(deck(n))
}

/// [`fresh`], browsing every card in deck order (Practice all) instead of the study session.
pub fn browsing(n: usize) -> State {
    fresh(n).apply(Action::SetMode {
        mode: interview_cards::app::state::Mode::All,
        now_ms: T0,
    })
}

/// Flips the card on screen and grades it.
pub fn grade(s: State, rating: Rating, at: f64) -> State {
    s.apply(Action::Flip)
        .apply(Action::Grade { rating, now_ms: at })
}

/// `deck` in the bank's parts, as scripts/post-build.mjs writes them: the index text (with
/// part files named `bank-<topic>-0123456789abcdef.json`) and each topic's part text.
pub fn in_parts(deck: &Deck) -> (String, Vec<(String, String)>) {
    use serde_json::json;
    let parts: Vec<(String, String)> = deck
        .topics
        .iter()
        .filter(|t| deck.cards.iter().any(|c| c.topic == t.id))
        .map(|t| {
            let cards: Vec<_> = deck
                .cards
                .iter()
                .filter(|c| c.topic == t.id)
                .map(|c| json!({ "id": c.id, "answer": c.answer, "key_points": c.key_points }))
                .collect();
            (
                t.id.clone(),
                json!({ "topic": t.id, "cards": cards }).to_string(),
            )
        })
        .collect();
    let cards: Vec<_> = deck
        .cards
        .iter()
        .map(|c| json!({ "id": c.id, "topic": c.topic, "difficulty": c.difficulty, "question": c.question, "tags": c.tags }))
        .collect();
    let files: serde_json::Map<String, serde_json::Value> = parts
        .iter()
        .map(|(t, _)| (t.clone(), json!(format!("bank-{t}-0123456789abcdef.json"))))
        .collect();
    let index = json!({ "format": 1, "id": deck.id, "title": deck.title, "topics": deck.topics, "cards": cards, "parts": files });
    (index.to_string(), parts)
}
