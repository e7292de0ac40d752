//! Key points after revealing: ticking them suggests a grade; the learner still chooses.

use interview_cards::app::state::{Action, Preset, State};
use interview_cards::core::deck::parse_deck;
use interview_cards::core::keypoints::suggested_grade;
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
