//! Filtering: each facet, combinations, search, the per-option counts and the URL form.

use interview_cards::core::deck::{parse_deck, Deck, Difficulty};
use interview_cards::core::filter::{apply, Filter, SearchIndex, Status};

/// Six cards: topics a/b, all three difficulties, and a status per card.
fn deck() -> Deck {
    let cards = [
        (
            "a1",
            "a",
            "easy",
            "What is HTTP?",
            "A **protocol** for `GET`.",
        ),
        (
            "a2",
            "a",
            "medium",
            "What is TLS?",
            "Encryption in transit.",
        ),
        (
            "a3",
            "a",
            "hard",
            "Design a chat backend",
            "WebSockets and fan-out.",
        ),
        (
            "b1",
            "b",
            "easy",
            "What is an index?",
            "A B-tree that avoids scans.",
        ),
        (
            "b2",
            "b",
            "medium",
            "What is sharding?",
            "Splitting data by key.",
        ),
        (
            "b3",
            "b",
            "hard",
            "Prevent deadlocks",
            "Lock in a fixed order.",
        ),
    ];
    let cards: Vec<String> = cards
        .iter()
        .map(|(id, t, d, q, a)| {
            format!(r#"{{"id":"{id}","topic":"{t}","difficulty":"{d}","question":"{q}","answer":"{a}","tags":["tag-{id}"]}}"#)
        })
        .collect();
    parse_deck(&format!(
        r#"{{"format":1,"id":"d","title":"D","topics":[{{"id":"a","name":"A"}},{{"id":"b","name":"B"}},{{"id":"c","name":"C"}}],"cards":[{}]}}"#,
        cards.join(",")
    ))
    .expect("valid")
}

const STATUSES: [Status; 6] = [
    Status::New,
    Status::Due,
    Status::Learning,
    Status::Mastered,
    Status::New,
    Status::Due,
];

fn run(filter: &Filter) -> (Vec<&'static str>, interview_cards::core::filter::Counts) {
    let deck = deck();
    let index = SearchIndex::new(std::rc::Rc::new(deck.clone()), str::to_lowercase);
    let (ids, counts) = apply(&deck, &index, filter, |i| STATUSES[i]);
    let names = ["a1", "a2", "a3", "b1", "b2", "b3"];
    (ids.into_iter().map(|i| names[i]).collect(), counts)
}

#[test]
fn an_empty_filter_keeps_everything_and_counts_every_option() {
    let (ids, counts) = run(&Filter::default());
    assert_eq!(ids.len(), 6);
    assert_eq!(counts.total, 6);
    assert_eq!(
        (counts.topic("a"), counts.topic("b"), counts.topic("c")),
        (3, 3, 0)
    );
    assert_eq!(counts.difficulties, [2, 2, 2]);
    assert_eq!(counts.statuses, [2, 2, 1, 1, 0]);
}

#[test]
fn several_topics_at_once() {
    let mut f = Filter::default();
    f.topics.insert("a".into());
    assert_eq!(run(&f).0, vec!["a1", "a2", "a3"]);
    f.topics.insert("b".into());
    assert_eq!(run(&f).0.len(), 6);
}

#[test]
fn by_difficulty() {
    let mut f = Filter::default();
    f.difficulties.insert(Difficulty::Hard);
    assert_eq!(run(&f).0, vec!["a3", "b3"]);
}

#[test]
fn by_status() {
    let mut f = Filter::default();
    f.statuses.insert(Status::Due);
    assert_eq!(run(&f).0, vec!["a2", "b3"]);
    f.statuses.insert(Status::Mastered);
    assert_eq!(run(&f).0, vec!["a2", "b1", "b3"]);
}

#[test]
fn search_looks_in_question_answer_and_tags_case_insensitively_with_every_word() {
    let mut f = Filter {
        text: "  b-TREE ".into(),
        ..Filter::default()
    };
    assert_eq!(run(&f).0, vec!["b1"]);
    f.text = "what is".into();
    assert_eq!(run(&f).0, vec!["a1", "a2", "b1", "b2"]);
    f.text = "what sharding".into();
    assert_eq!(run(&f).0, vec!["b2"]);
    // Markdown markers are not part of the text: "**protocol**" matches "protocol for".
    f.text = "protocol for get".into();
    assert_eq!(run(&f).0, vec!["a1"]);
    f.text = "tag-b3".into();
    assert_eq!(run(&f).0, vec!["b3"]);
    f.text = "nothing-like-this".into();
    let (ids, counts) = run(&f);
    assert!(ids.is_empty());
    assert_eq!(counts.total, 0);
    assert_eq!(counts.difficulties, [0, 0, 0]);
}

#[test]
fn combinations_and_counts_assume_the_other_facets() {
    let mut f = Filter::default();
    f.topics.insert("a".into());
    f.difficulties.insert(Difficulty::Easy);
    f.difficulties.insert(Difficulty::Medium);
    let (ids, counts) = run(&f);
    assert_eq!(ids, vec!["a1", "a2"]);
    assert_eq!(counts.total, 2);
    // Topic counts keep the difficulty choice: b has one easy and one medium card.
    assert_eq!((counts.topic("a"), counts.topic("b")), (2, 2));
    // Difficulty counts keep the topic choice: topic a has one card of each.
    assert_eq!(counts.difficulties, [1, 1, 1]);
    // Status counts keep both: a1 is new, a2 is due.
    assert_eq!(counts.statuses, [1, 1, 0, 0, 0]);

    f.statuses.insert(Status::Learning);
    let (ids, counts) = run(&f);
    assert!(ids.is_empty(), "a3 is learning but hard");
    assert_eq!(counts.difficulty(Difficulty::Hard), 1);
}

#[test]
fn the_query_form_round_trips() {
    let deck = deck();
    let mut f = Filter::default();
    f.topics.insert("b".into());
    f.topics.insert("a".into());
    f.difficulties.insert(Difficulty::Hard);
    f.statuses.insert(Status::Due);
    f.text = "dead locks".into();
    let query = f.to_query();
    assert_eq!(
        query,
        vec![
            ("topic", "a,b".to_string()),
            ("difficulty", "hard".to_string()),
            ("status", "due".to_string()),
            ("q", "dead locks".to_string())
        ]
    );
    let pairs: Vec<(String, String)> = query.into_iter().map(|(k, v)| (k.into(), v)).collect();
    let (back, warnings) = Filter::from_query(&pairs, &deck);
    assert_eq!(back, f);
    assert!(warnings.is_empty());
    assert!(Filter::default().to_query().is_empty());
}

#[test]
fn a_hostile_query_is_ignored_with_warnings() {
    let deck = deck();
    let pairs: Vec<(String, String)> = [
        ("topic", "a,<script>,,zzz"),
        ("difficulty", "extreme"),
        ("status", "due,whatever"),
        ("q", &"x".repeat(10_000)),
        ("unknown", "1"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let (f, warnings) = Filter::from_query(&pairs, &deck);
    assert_eq!(f.topics.iter().collect::<Vec<_>>(), vec!["a"]);
    assert!(f.difficulties.is_empty());
    assert_eq!(f.statuses.iter().collect::<Vec<_>>(), vec![Status::Due]);
    assert_eq!(f.text.len(), 200);
    assert_eq!(warnings.len(), 4, "{warnings:?}");
}

#[test]
fn typing_and_deleting_reuse_earlier_searches_and_find_exactly_what_a_fresh_search_finds() {
    let deck = deck();
    let shared = SearchIndex::new(std::rc::Rc::new(deck.clone()), str::to_lowercase);
    let typed = [
        "w",
        "wh",
        "wha",
        "what",
        "what ",
        "what i",
        "what is",
        "what is h",
        "what is ht",
        "what is h",
        "what is",
        "what",
        "wha",
        "b",
        "b-",
        "b-t",
        "b-tree",
        "b",
        "",
        "tag",
        "tag-a",
        "tag-a1",
        "TAG-A",
        "a",
        "an",
        "an ",
        "an in",
        "an index",
        "scan",
        "scans",
        "s",
    ];
    for text in typed {
        let fresh = SearchIndex::new(std::rc::Rc::new(deck.clone()), str::to_lowercase);
        assert_eq!(shared.search(text), fresh.search(text), "{text:?}");
    }
    assert_eq!(shared.search("what is").as_deref(), Some(&vec![0, 1, 3, 4]));
    assert_eq!(shared.search("  "), None, "no terms: every card");
}

#[test]
fn a_grade_moves_one_card_in_the_counts_exactly_as_a_full_recount_would() {
    let deck = deck();
    let index = SearchIndex::new(std::rc::Rc::new(deck.clone()), str::to_lowercase);
    let filters = [
        Filter::default(),
        Filter {
            topics: ["a".to_string()].into(),
            ..Filter::default()
        },
        Filter {
            statuses: [Status::Due].into(),
            difficulties: [Difficulty::Easy].into(),
            ..Filter::default()
        },
        Filter {
            text: "what".into(),
            ..Filter::default()
        },
    ];
    for filter in &filters {
        for (card, &from) in STATUSES.iter().enumerate() {
            for to in Status::ALL {
                let (_, mut counts) = apply(&deck, &index, filter, |i| STATUSES[i]);
                interview_cards::core::filter::restatus(
                    &mut counts,
                    &deck,
                    &index,
                    filter,
                    card,
                    from,
                    to,
                );
                let after = |i: usize| if i == card { to } else { STATUSES[i] };
                let (_, recount) = apply(&deck, &index, filter, after);
                assert_eq!(
                    counts, recount,
                    "{filter:?}, card {card} {from:?} -> {to:?}"
                );
            }
        }
    }
}

#[test]
fn search_lowers_the_whole_deck_at_once_and_still_finds_each_card() {
    // The app lowers the deck in one call (the browser's toLowerCase) with cards apart by NUL.
    // A NUL inside a card must not shift the cards after it; Σ lowers to a final ς at the end
    // of a word, and a term that stops inside a word ("ΟΔΟΣ" of "ΟΔΟΣΑ") must still match.
    let deck = parse_deck(
        r#"{"format":1,"id":"d","title":"D","topics":[{"id":"a","name":"A"}],"cards":[
        {"id":"c1","topic":"a","difficulty":"easy","question":"Null\u0000byte","answer":"ÉCOLE"},
        {"id":"c2","topic":"a","difficulty":"easy","question":"ΟΔΟΣ","answer":"Straße"},
        {"id":"c3","topic":"a","difficulty":"easy","question":"ΟΔΟΣΑ","answer":"ДОМ"}]}"#,
    )
    .expect("valid");
    let index = SearchIndex::new(std::rc::Rc::new(deck), str::to_lowercase);
    let found = |text: &str| index.search(text).map(|ids| ids.to_vec());
    assert_eq!(found("école"), Some(vec![0]));
    assert_eq!(found("null byte"), Some(vec![0]));
    assert_eq!(found("straße"), Some(vec![1]));
    assert_eq!(found("дом"), Some(vec![2]));
    assert_eq!(found("οδος"), Some(vec![1, 2]));
    assert_eq!(found("ΟΔΟΣ"), Some(vec![1, 2]));
    assert_eq!(found("οδοσα"), Some(vec![2]));
}

#[test]
fn flag_sets_behave_as_ordered_sets() {
    use interview_cards::core::filter::Flags;
    let mut set = Flags::<Status>::default();
    assert!(set.is_empty());
    assert!(set.insert(Status::Suspended));
    assert!(set.insert(Status::New));
    assert!(!set.insert(Status::New), "already there");
    assert_eq!(set.len(), 2);
    assert_eq!(
        set.iter().collect::<Vec<_>>(),
        [Status::New, Status::Suspended]
    );
    assert_eq!(format!("{set:?}"), "{New, Suspended}");
    assert!(set.remove(&Status::New));
    assert!(!set.remove(&Status::New), "already gone");
    assert!(!set.contains(&Status::New) && set.contains(&Status::Suspended));
    let same: Flags<Status> = [Status::Suspended].into();
    assert_eq!(set, same);
    let every: Flags<Difficulty> = Difficulty::ALL.into_iter().rev().collect();
    assert_eq!(every.iter().collect::<Vec<_>>(), Difficulty::ALL);
}
