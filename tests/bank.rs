//! The bank in parts (`core::bank`): the index becomes a deck without answers that lists its
//! parts, each part fills its topic's cards in and is checked against the index, and the
//! reducer fetches, fills, searches and retries as the parts arrive.

mod common;

use common::{holding, in_parts, T0};
use interview_cards::app::state::{Action, Preset, State, View};
use interview_cards::core::bank::{answered, fill, parse_index, parse_part};
use interview_cards::core::deck::{parse_deck, DeckError};
use interview_cards::core::filter::Filter;
use interview_cards::core::store::{open_progress, progress_key, MemoryStore};
use std::rc::Rc;

fn bank() -> interview_cards::core::deck::Deck {
    parse_deck(&std::fs::read_to_string("data/deck.json").expect("the bank")).expect("valid")
}

#[test]
fn the_banks_index_lists_every_card_without_answers_and_every_topics_part() {
    let full = bank();
    let (index, parts) = in_parts(&full);
    let deck = parse_index(&index).expect("the index reads");
    assert_eq!(deck.cards.len(), full.cards.len());
    for (a, b) in deck.cards.iter().zip(&full.cards) {
        assert_eq!(
            (&a.id, &a.topic, a.difficulty, &a.question),
            (&b.id, &b.topic, b.difficulty, &b.question)
        );
        assert!(!answered(a), "{} has no answer before its part", a.id);
    }
    let topics: Vec<&str> = deck.parts.iter().map(|(t, _)| t.as_str()).collect();
    let expected: Vec<&str> = full.topics.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(topics, expected, "one part per topic, in the deck's order");
    // Every part fills its cards in; once all are in, the deck is the bank (less its authors'
    // records) and lists no part to come.
    let mut filled = deck.clone();
    for (_, text) in &parts {
        let part = parse_part(text, &filled).expect("a part reads");
        assert_eq!(fill(&mut filled, &part), part.cards.len());
    }
    assert!(filled.parts.is_empty());
    for (a, b) in filled.cards.iter().zip(&full.cards) {
        assert_eq!(
            (&a.answer, &a.key_points),
            (&b.answer, &b.key_points),
            "{}",
            a.id
        );
    }
}

#[test]
fn a_part_that_does_not_match_its_index_is_refused() {
    let (index, parts) = in_parts(&bank());
    let deck = parse_index(&index).unwrap();
    let (topic, text) = &parts[0];
    let good: serde_json::Value = serde_json::from_str(text).unwrap();
    let with = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut part = good.clone();
        change(&mut part);
        parse_part(&part.to_string(), &deck)
    };
    let first = good["cards"][0]["id"].as_str().unwrap().to_string();
    // A card the index does not have, or of another topic.
    assert!(matches!(
        with(&|p| p["cards"][0]["id"] = "nobody".into()),
        Err(DeckError::UnknownTopic { .. })
    ));
    assert!(matches!(
        with(&|p| p["topic"] = "devops".into()),
        Err(DeckError::UnknownTopic { .. })
    ));
    // An empty answer, or two key points.
    assert!(matches!(
        with(&|p| p["cards"][0]["answer"] = " ".into()),
        Err(DeckError::EmptyField {
            field: "answer",
            ..
        })
    ));
    assert!(matches!(
        with(&|p| p["cards"][0]["key_points"] = serde_json::json!(["one", "two"])),
        Err(DeckError::KeyPointCount { count: 2, .. })
    ));
    // Not JSON at all.
    assert!(matches!(
        parse_part("<html>", &deck),
        Err(DeckError::Malformed { .. })
    ));
    assert!(
        parse_part(text, &deck).is_ok(),
        "the part of {topic} itself ({first}) reads"
    );
}

#[test]
fn an_index_that_names_no_part_for_a_topic_or_a_path_outside_the_build_is_refused() {
    let (index, _) = in_parts(&bank());
    let mut value: serde_json::Value = serde_json::from_str(&index).unwrap();
    value["parts"].as_object_mut().unwrap().remove("http");
    assert!(matches!(
        parse_index(&value.to_string()),
        Err(DeckError::MissingField { field: "parts", .. })
    ));
    let mut value: serde_json::Value = serde_json::from_str(&index).unwrap();
    value["parts"]["http"] = "../../elsewhere/x.json".into();
    assert!(parse_index(&value.to_string()).is_err());
    let mut value: serde_json::Value = serde_json::from_str(&index).unwrap();
    value["cards"][3]["id"] = value["cards"][2]["id"].clone();
    assert!(matches!(
        parse_index(&value.to_string()),
        Err(DeckError::DuplicateId { .. })
    ));
}

/// A widget holding the bank's index, with no progress.
fn waiting_for_parts() -> (State, Vec<(String, String)>) {
    let (index, parts) = in_parts(&bank());
    let deck = Rc::new(parse_index(&index).unwrap());
    (holding(deck), parts)
}

fn part(parts: &[(String, String)], topic: &str) -> Action {
    let (_, text) = parts.iter().find(|(t, _)| t == topic).expect("a part");
    Action::BankPart {
        topic: topic.into(),
        text: Ok(Rc::from(text.as_str())),
    }
}

fn search(state: State, text: &str) -> State {
    state.apply(Action::SetFilter {
        filter: Filter {
            text: text.into(),
            ..Filter::default()
        },
        now_ms: T0,
    })
}

#[test]
fn the_card_on_screen_asks_for_its_part_first_and_the_others_follow() {
    let (state, parts) = waiting_for_parts();
    let first = state.current_card().unwrap().topic.clone();
    let (now, later) = state.parts_to_fetch();
    assert_eq!(
        now.iter().map(|(t, _)| t.clone()).collect::<Vec<_>>(),
        vec![first.clone()]
    );
    assert_eq!(later.len(), parts.len() - 1);
    let state = state.apply(part(&parts, &first));
    assert!(answered(state.current_card().unwrap()));
    let (now, later) = state.parts_to_fetch();
    assert!(now.is_empty() && later.len() == parts.len() - 1);
}

#[test]
fn a_search_finds_answers_once_their_part_has_arrived_and_keeps_the_card_on_screen() {
    let (state, parts) = waiting_for_parts();
    // "Lua" is in an API answer (the rate limiter) and in no question.
    let word = "lua";
    let state = search(state, word);
    assert_eq!(state.session.len(), 0, "no question says {word}");
    let state = state.apply(part(&parts, "api"));
    assert!(
        !state.session.is_empty(),
        "the API answers are searched once here"
    );
    assert!(state
        .current_card()
        .unwrap()
        .answer
        .to_lowercase()
        .contains(word));
    // Another part arriving keeps the learner on the same card.
    let on_screen = state.current_card().unwrap().id.clone();
    let state = state.apply(part(&parts, "devops"));
    assert_eq!(state.current_card().unwrap().id, on_screen);
}

#[test]
fn a_part_that_fails_is_said_and_left_alone_until_the_learner_tries_again() {
    let (state, parts) = waiting_for_parts();
    let failed = state.clone().apply(Action::BankPart {
        topic: "http".into(),
        text: Err("offline".into()),
    });
    assert_eq!(
        failed.parts_failed.as_slice(),
        &[("http".to_string(), "offline".to_string())]
    );
    let (now, later) = failed.parts_to_fetch();
    assert!(
        !now.iter().chain(&later).any(|(t, _)| t == "http"),
        "not fetched again by itself"
    );
    // A damaged part fails the same way, with the reason.
    let damaged = state.apply(Action::BankPart {
        topic: "api".into(),
        text: Ok(Rc::from(
            "{\"topic\":\"api\",\"cards\":[{\"id\":\"nobody\",\"answer\":\"x\"}]}",
        )),
    });
    assert_eq!(damaged.parts_failed.len(), 1);
    assert!(
        damaged.deck.parts.iter().any(|(t, _)| t == "api"),
        "still to come"
    );
    let retried = failed.apply(Action::RetryParts);
    assert!(retried.parts_failed.is_empty());
    let (now, _) = retried.parts_to_fetch();
    assert!(now.iter().any(|(t, _)| t == "http"));
    let done = retried.apply(part(&parts, "http"));
    assert!(done.parts_failed.is_empty() && !done.deck.parts.iter().any(|(t, _)| t == "http"));
}

#[test]
fn a_part_for_a_deck_no_longer_on_screen_changes_nothing() {
    let (state, parts) = waiting_for_parts();
    let other = common::deck(3);
    let store = MemoryStore::default();
    let opened = open_progress(&store, &progress_key(None, &other.id), &other.id, T0);
    let state = state.apply(Action::DeckLoaded {
        deck: other,
        opened: Rc::new(opened),
        now_ms: T0,
    });
    let before = state.clone();
    let after = state.apply(part(&parts, "http"));
    assert!(after == before);
}

#[test]
fn a_mock_interview_asks_for_the_part_of_its_question() {
    let (state, _) = waiting_for_parts();
    let state = State::new(
        state.deck.clone(),
        open_progress(&MemoryStore::default(), "k", &state.deck.id, T0),
        Preset::default(),
        T0,
    )
    .apply(Action::ShowView(View::Mock))
    .apply(Action::StartMock {
        seed: 7,
        now_ms: T0,
    });
    let mock = state.mock.as_ref().unwrap();
    let topic = &state.deck.cards[mock.current().unwrap()].topic;
    let (now, _) = state.parts_to_fetch();
    assert_eq!(now.len(), 1);
    assert_eq!(&now[0].0, topic);
}

/// The bank as the app puts it together: the index with every part filled in.
fn whole_bank() -> interview_cards::core::deck::Deck {
    let (index, parts) = in_parts(&bank());
    let mut deck = parse_index(&index).unwrap();
    for (_, text) in &parts {
        let part = parse_part(text, &deck).unwrap();
        fill(&mut deck, &part);
    }
    deck
}

#[test]
fn the_bank_at_an_address_is_the_bank_by_content_and_anything_else_with_its_id_is_not() {
    use interview_cards::core::bank::is_bank;
    let bank = whole_bank();
    // data/deck.json (dist/deck.json), with the authors' records the build leaves out.
    assert!(is_bank(&crate::bank(), &bank));
    let changed = |f: &dyn Fn(&mut interview_cards::core::deck::Deck)| {
        let mut deck = crate::bank();
        f(&mut deck);
        is_bank(&deck, &bank)
    };
    assert!(!changed(&|d| d.cards[3].answer.push('!')));
    assert!(!changed(&|d| d.cards[0].question.push('?')));
    assert!(!changed(&|d| {
        d.cards[5].key_points.pop();
    }));
    assert!(!changed(&|d| d.cards.truncate(3)));
    assert!(!changed(&|d| d.cards.swap(0, 1)));
    assert!(!changed(&|d| d.title.push('!')));
    assert!(!changed(&|d| d.id.push('x')));
    assert!(!changed(&|d| d.topics[0].name.push('!')));
    // Not before every part is in.
    let (index, _) = in_parts(&crate::bank());
    assert!(!is_bank(&crate::bank(), &parse_index(&index).unwrap()));
}
