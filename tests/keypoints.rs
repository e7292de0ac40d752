//! Key points after revealing: ticking them suggests a grade; the learner still chooses.

use interview_cards::app::state::{Action, Preset, State};
use interview_cards::core::deck::parse_deck;
use interview_cards::core::keypoints::{found_points, suggested_grade};
use interview_cards::core::schedule::Rating;
use interview_cards::core::store::{open_progress, progress_key, MemoryStore};
use std::rc::Rc;

#[test]
fn the_share_covered_suggests_a_grade() {
    assert_eq!(suggested_grade(0, 0), None);
    assert_eq!(suggested_grade(0, 4), Some(Rating::Again));
    assert_eq!(suggested_grade(1, 4), Some(Rating::Again));
    assert_eq!(suggested_grade(2, 4), Some(Rating::Hard));
    assert_eq!(suggested_grade(3, 4), Some(Rating::Good));
    assert_eq!(suggested_grade(4, 4), Some(Rating::Easy));
    assert_eq!(suggested_grade(1, 3), Some(Rating::Hard));
    assert_eq!(suggested_grade(2, 3), Some(Rating::Good));
    assert_eq!(
        suggested_grade(9, 3),
        Some(Rating::Easy),
        "never more than all"
    );
}

#[test]
fn ticks_belong_to_the_card_on_screen_and_only_after_revealing() {
    let deck = parse_deck(
        r#"{"format":1,"id":"d","title":"D","topics":[{"id":"t","name":"T"}],"cards":[
        {"id":"a","topic":"t","difficulty":"easy","question":"A?","answer":"A.","key_points":["one","two","three"]},
        {"id":"b","topic":"t","difficulty":"easy","question":"B?","answer":"B."}]}"#,
    )
    .unwrap();
    let store = MemoryStore::default();
    let state = State::new(
        Rc::new(deck),
        open_progress(&store, &progress_key(None, "d"), "d", 1.0),
        Preset::default(),
        1.0,
    );
    let unrevealed = state.clone().apply(Action::TickPoint { index: 0 });
    assert_eq!(unrevealed.ticked_points(), [false, false, false]);
    let ticked = state
        .apply(Action::Flip)
        .apply(Action::TickPoint { index: 0 })
        .apply(Action::TickPoint { index: 2 })
        .apply(Action::TickPoint { index: 2 })
        .apply(Action::TickPoint { index: 9 });
    assert_eq!(ticked.ticked_points(), [true, false, false]);
    let next = ticked.apply(Action::Next { now_ms: 2.0 });
    assert!(next.ticked_points().is_empty(), "card b has no key points");
    let back = next.apply(Action::Previous { now_ms: 3.0 });
    assert_eq!(back.ticked_points().len(), 3);
}

fn points(list: &[&str]) -> Vec<String> {
    list.iter().map(|p| p.to_string()).collect()
}

#[test]
fn typed_words_find_key_points_ignoring_case_accents_and_endings() {
    let p = points(&[
        "GET reads: safe, idempotent, cacheable",
        "POST creates or triggers actions; not idempotent",
        "DELETE idempotent even if a repeat returns 404",
        "Idempotency matters for retries; Idempotency-Key for POST",
    ]);
    let typed =
        "get is SAFE and idempotent, and responses can be cached. Retries need an idempotency key.";
    assert_eq!(
        found_points(&p, typed, str::to_lowercase),
        [true, false, false, true]
    );
    // Accents and case do not matter.
    let p = points(&["Café crème sécurité", "Naïve résumé"]);
    assert_eq!(
        found_points(&p, "CAFE CREME securite", str::to_lowercase),
        [true, false]
    );
    // A final sigma is a sigma: "ΦΩΣ" lowers to "φως", which a learner may type with σ (a
    // word this short must match whole, so only the sigma rule finds it).
    let greek = points(&["ΦΩΣ"]);
    assert_eq!(found_points(&greek, "φωσ", str::to_lowercase), [true]);
    assert_eq!(
        found_points(&p, "naive", str::to_lowercase),
        [false, true],
        "half of the words is enough"
    );
    // Nothing typed, nothing found; a point of filler words only is never found.
    assert_eq!(found_points(&p, "", str::to_lowercase), [false, false]);
    assert_eq!(
        found_points(&points(&["and the"]), "and the", str::to_lowercase),
        [false]
    );
    // Short fragments are not words that make a point.
    assert_eq!(
        found_points(&points(&["Horizontal scaling"]), "ho sc", str::to_lowercase),
        [false]
    );
}

#[test]
fn a_typed_answer_ticks_its_points_on_reveal_and_the_learner_still_decides() {
    let deck = parse_deck(
        r#"{"format":1,"id":"d","title":"D","topics":[{"id":"t","name":"T"}],"cards":[
        {"id":"a","topic":"t","difficulty":"easy","question":"A?","answer":"A.","key_points":["Stateless requests","Sticky sessions avoided","Tokens like JWT"]},
        {"id":"b","topic":"t","difficulty":"easy","question":"B?","answer":"B.","key_points":["one thing","two things","three things"]}]}"#,
    )
    .unwrap();
    let store = MemoryStore::default();
    let state = State::new(
        Rc::new(deck),
        open_progress(&store, &progress_key(None, "d"), "d", 1.0),
        Preset::default(),
        1.0,
    )
    .apply(Action::SetTypeAnswer(true))
    .apply(Action::TypeAnswer(
        "Each request is stateless; use a JWT token.".into(),
    ));
    assert_eq!(
        state.typed_answer(),
        "Each request is stateless; use a JWT token."
    );
    let revealed = state.apply(Action::Flip);
    assert_eq!(revealed.ticked_points(), [true, false, true]);
    // The learner unticks one; flipping back and again keeps their choice.
    let changed = revealed
        .apply(Action::TickPoint { index: 2 })
        .apply(Action::Flip)
        .apply(Action::Flip);
    assert_eq!(changed.ticked_points(), [true, false, false]);
    // The next card starts with an empty box and nothing ticked.
    let next = changed.apply(Action::Next { now_ms: 2.0 });
    assert_eq!(next.typed_answer(), "");
    let next = next.apply(Action::Flip);
    assert_eq!(next.ticked_points(), [false, false, false]);
}

/// The bank's key points are what an interviewer listens for, and each is stated in its card's
/// answer: typing the model answer finds every one, so a point the answer lost is caught here.
#[test]
fn every_key_point_of_the_bank_is_found_in_its_own_answer() {
    let text = std::fs::read_to_string("data/deck.json").expect("data/deck.json");
    let deck = parse_deck(&text).expect("the bank parses");
    let mut missing = Vec::new();
    for card in &deck.cards {
        let found = found_points(&card.key_points, &card.answer, str::to_lowercase);
        for (point, found) in card.key_points.iter().zip(found) {
            if !found {
                missing.push(format!("{}: {point:?}", card.id));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "key points their answer does not state:\n{}",
        missing.join("\n")
    );
}

/// tests/e2e/steps.spec.js types this answer on the first DevOps card and expects its first and
/// fourth key points ticked out of six; checked here too, because the bank changes more often
/// than the browser suite runs.
#[test]
fn the_typed_answer_the_browser_test_uses_still_ticks_the_points_it_expects() {
    let text = std::fs::read_to_string("data/deck.json").expect("data/deck.json");
    let deck = parse_deck(&text).expect("the bank parses");
    let card = deck
        .cards
        .iter()
        .find(|c| c.topic == "devops")
        .expect("a DevOps card");
    let typed = "CI means merging frequently with an automated build and tests on each push. Build the artifact once and promote it everywhere.";
    assert_eq!(
        found_points(&card.key_points, typed, str::to_lowercase),
        [true, false, false, true, false, false],
        "{}",
        card.id
    );
}
