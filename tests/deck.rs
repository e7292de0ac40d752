//! Deck validation (one test per error kind) and the bundled bank's coverage of the seed lists.

use interview_cards::core::deck::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn good() -> Value {
    json!({
        "format": 1, "id": "demo", "title": "Demo deck",
        "topics": [{"id": "http", "name": "HTTP"}],
        "cards": [
            {"id": "c1", "topic": "http", "difficulty": "easy", "question": "Q1?", "answer": "A1"},
            {"id": "c2", "topic": "http", "difficulty": "hard", "question": "Q2?", "answer": "A2",
             "tags": ["x"], "sources": ["master:1.1"]}
        ]
    })
}

fn parse(v: &Value) -> Result<Deck, DeckError> {
    parse_deck(&v.to_string())
}

fn card_ref(number: usize, id: &str) -> Place {
    Place::Card(CardRef {
        number,
        id: Some(id.into()),
    })
}

#[test]
fn a_good_deck_parses() {
    let deck = parse(&good()).expect("valid");
    assert_eq!(deck.cards.len(), 2);
    assert_eq!(deck.cards[1].difficulty, Difficulty::Hard);
    assert_eq!(deck.cards[1].tags, vec!["x".to_string()]);
}

#[test]
fn malformed_json_names_line_and_column() {
    let err = parse_deck("{\n  \"format\": 1,\n  oops\n}").unwrap_err();
    match err {
        DeckError::Malformed { line, .. } => assert_eq!(line, 3),
        other => panic!("unexpected {other:?}"),
    }
    assert!(matches!(
        parse_deck("{\"format\": 1, \"cards\": 7}").unwrap_err(),
        DeckError::Malformed { .. }
    ));
}

#[test]
fn unknown_format_version() {
    let mut v = good();
    v["format"] = json!(2);
    assert_eq!(
        parse(&v).unwrap_err(),
        DeckError::UnsupportedFormat { found: 2 }
    );
    v.as_object_mut().unwrap().remove("format");
    assert_eq!(
        parse(&v).unwrap_err(),
        DeckError::MissingField {
            place: Place::Deck,
            field: "format"
        }
    );
}

#[test]
fn missing_field_names_card_and_field() {
    let mut v = good();
    v["cards"][1].as_object_mut().unwrap().remove("answer");
    let err = parse(&v).unwrap_err();
    assert_eq!(
        err,
        DeckError::MissingField {
            place: card_ref(2, "c2"),
            field: "answer"
        }
    );
    assert_eq!(err.to_string(), "card 2 (\"c2\") has no \"answer\".");
}

#[test]
fn empty_field() {
    let mut v = good();
    v["cards"][0]["question"] = json!("   ");
    assert_eq!(
        parse(&v).unwrap_err(),
        DeckError::EmptyField {
            place: card_ref(1, "c1"),
            field: "question"
        }
    );
}

#[test]
fn unknown_topic() {
    let mut v = good();
    v["cards"][1]["topic"] = json!("cooking");
    assert_eq!(
        parse(&v).unwrap_err(),
        DeckError::UnknownTopic {
            card: CardRef {
                number: 2,
                id: Some("c2".into())
            },
            topic: "cooking".into()
        }
    );
}

#[test]
fn bad_difficulty() {
    let mut v = good();
    v["cards"][0]["difficulty"] = json!("Extreme");
    let err = parse(&v).unwrap_err();
    assert!(matches!(&err, DeckError::BadDifficulty { value, .. } if value == "Extreme"));
    assert!(err.to_string().contains("card 1 (\"c1\")"));
}

#[test]
fn duplicate_ids() {
    let mut v = good();
    v["cards"][1]["id"] = json!("c1");
    assert_eq!(
        parse(&v).unwrap_err(),
        DeckError::DuplicateId {
            id: "c1".into(),
            first: 1,
            second: 2
        }
    );
}

#[test]
fn duplicate_topics() {
    let mut v = good();
    v["topics"] = json!([{"id": "http", "name": "A"}, {"id": "http", "name": "B"}]);
    assert_eq!(
        parse(&v).unwrap_err(),
        DeckError::DuplicateTopic { id: "http".into() }
    );
}

#[test]
fn oversized_fields() {
    let mut v = good();
    v["cards"][0]["answer"] = json!("x".repeat(MAX_ANSWER_LEN + 1));
    assert_eq!(
        parse(&v).unwrap_err(),
        DeckError::TooLong {
            place: card_ref(1, "c1"),
            field: "answer",
            len: MAX_ANSWER_LEN + 1,
            max: MAX_ANSWER_LEN
        }
    );
    let mut v = good();
    v["title"] = json!("t".repeat(MAX_TITLE_LEN + 1));
    assert!(matches!(
        parse(&v).unwrap_err(),
        DeckError::TooLong { field: "title", .. }
    ));
}

#[test]
fn invalid_ids() {
    let mut v = good();
    v["cards"][0]["id"] = json!("has space");
    let err = parse(&v).unwrap_err();
    assert!(matches!(&err, DeckError::InvalidId { id, .. } if id == "has space"));
    let mut v = good();
    v["cards"][0]["id"] = json!("x".repeat(MAX_ID_LEN + 1));
    assert!(matches!(
        parse(&v).unwrap_err(),
        DeckError::InvalidId { .. }
    ));
}

#[test]
fn too_many_cards_and_no_cards() {
    let mut v = good();
    v["cards"] = json!([]);
    assert_eq!(parse(&v).unwrap_err(), DeckError::NoCards);
    let card =
        json!({"id": "c", "topic": "http", "difficulty": "easy", "question": "q", "answer": "a"});
    v["cards"] = Value::Array(vec![card; MAX_CARDS + 1]);
    assert!(matches!(
        parse(&v).unwrap_err(),
        DeckError::TooMany { what: "cards", .. }
    ));
}

// ---- The bundled bank ----

/// Questions per topic in the 104-question master list, topic 1 to 8.
const MASTER_COUNTS: [usize; 8] = [15, 14, 16, 18, 12, 13, 8, 8];
const RMRM_COUNT: usize = 20;

/// The bank as written, with each card's seed `sources`.
fn bundled() -> Deck {
    let text = std::fs::read_to_string("data/deck.json").expect("data/deck.json");
    parse_deck(&text).unwrap_or_else(|e| panic!("bundled deck is invalid: {e}"))
}

#[test]
fn bundled_deck_covers_every_seed_question_exactly_once() {
    let deck = bundled();
    let mut expected: Vec<String> = Vec::new();
    for (t, n) in MASTER_COUNTS.iter().enumerate() {
        for q in 1..=*n {
            expected.push(format!("master:{}.{}", t + 1, q));
        }
    }
    expected.extend((1..=RMRM_COUNT).map(|n| format!("rmrm:{n}")));
    assert_eq!(expected.len(), 124);

    let mut seen: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for card in &deck.cards {
        for source in &card.sources {
            seen.entry(source.as_str())
                .or_default()
                .push(card.id.as_str());
        }
    }
    for source in &expected {
        match seen.get(source.as_str()) {
            None => panic!("{source} is on no card"),
            Some(cards) if cards.len() > 1 => panic!("{source} is on several cards: {cards:?}"),
            _ => {}
        }
    }
    let extra: Vec<_> = seen
        .keys()
        .filter(|s| !expected.iter().any(|e| e == *s))
        .collect();
    assert!(extra.is_empty(), "unknown sources: {extra:?}");
    assert!(deck.cards.iter().all(|c| !c.sources.is_empty()));
}

/// The most words an answer may have, by difficulty. A ceiling, not a target: an answer is as
/// long as its question needs, so an easy definition may stop well short of it.
fn max_words(difficulty: Difficulty) -> usize {
    match difficulty {
        Difficulty::Easy => 180,
        Difficulty::Medium => 260,
        Difficulty::Hard => 360,
    }
}

/// Fewer words than this is a stub, not an answer, whatever the difficulty.
const MIN_WORDS: usize = 40;

/// What is wrong with an answer's length for its difficulty, if anything.
fn length_problem(difficulty: Difficulty, answer: &str) -> Option<String> {
    let words = answer.split_whitespace().count();
    let max = max_words(difficulty);
    if words > max {
        Some(format!(
            "{words} words, over the {} ceiling of {max}",
            difficulty.as_str()
        ))
    } else if words < MIN_WORDS {
        Some(format!("{words} words, a stub (at least {MIN_WORDS})"))
    } else {
        None
    }
}

#[test]
fn the_length_bands_are_ceilings_with_a_floor_for_stubs() {
    let words = |n: usize| vec!["word"; n].join(" ");
    assert_eq!(length_problem(Difficulty::Easy, &words(180)), None);
    assert_eq!(
        length_problem(Difficulty::Easy, &words(45)),
        None,
        "short is fine"
    );
    assert!(length_problem(Difficulty::Easy, &words(181)).is_some());
    assert_eq!(length_problem(Difficulty::Medium, &words(260)), None);
    assert!(length_problem(Difficulty::Medium, &words(261)).is_some());
    assert_eq!(length_problem(Difficulty::Hard, &words(360)), None);
    assert!(length_problem(Difficulty::Hard, &words(361)).is_some());
    assert!(length_problem(Difficulty::Hard, &words(MIN_WORDS - 1)).is_some());
    assert!(length_problem(Difficulty::Easy, "").is_some());
}

#[test]
fn bundled_answers_stay_under_their_ceiling_and_carry_no_authoring_notes() {
    for card in bundled().cards {
        if let Some(problem) = length_problem(card.difficulty, &card.answer) {
            panic!("{} ({}): {problem}", card.id, card.difficulty.as_str());
        }
        let lower = card.answer.to_lowercase();
        for phrase in [
            "interviewers listen for",
            "bonus:",
            "todo",
            "lorem",
            "note to self",
        ] {
            assert!(!lower.contains(phrase), "{}: contains {phrase:?}", card.id);
        }
    }
}

#[test]
fn every_bundled_card_has_key_points_an_interviewer_listens_for() {
    for card in bundled().cards {
        assert!(
            (MIN_KEY_POINTS..=MAX_KEY_POINTS).contains(&card.key_points.len()),
            "{}: {} key points",
            card.id,
            card.key_points.len()
        );
        for point in &card.key_points {
            assert!(
                !point.trim().is_empty() && point.chars().count() <= MAX_KEY_POINT_LEN,
                "{}: {point:?}",
                card.id
            );
        }
    }
}

/// The design cards close with the follow-up questions an interviewer is likely to ask next,
/// each answered on its own line: a bare question the bank answers nowhere teaches nothing.
#[test]
fn every_follow_up_in_the_bank_has_an_answer() {
    let mut cards_with_follow_ups = 0;
    for card in bundled().cards {
        let Some((_, rest)) = card.answer.split_once("**Follow-ups to expect:**") else {
            continue;
        };
        cards_with_follow_ups += 1;
        let items: Vec<&str> = rest
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("- "))
            .collect();
        assert!(
            !items.is_empty(),
            "{}: follow-ups heading, no questions",
            card.id
        );
        for item in items {
            let answer = item.split_once('?').map_or("", |(_, answer)| answer);
            assert!(
                answer.split_whitespace().count() >= 5,
                "{}: the follow-up {item:?} has no answer",
                card.id
            );
        }
    }
    assert!(
        cards_with_follow_ups >= 14,
        "only {cards_with_follow_ups} cards close with follow-ups"
    );
}

#[test]
fn key_points_are_validated() {
    let mut v = good();
    v["cards"][0]["key_points"] = json!(["one", "two"]);
    assert_eq!(
        parse(&v).unwrap_err(),
        DeckError::KeyPointCount {
            card: CardRef {
                number: 1,
                id: Some("c1".into())
            },
            count: 2
        }
    );
    v["cards"][0]["key_points"] = json!(["1", "2", "3", "4", "5", "6", "7"]);
    assert!(matches!(
        parse(&v).unwrap_err(),
        DeckError::KeyPointCount { count: 7, .. }
    ));
    v["cards"][0]["key_points"] = json!(["one", "  ", "three"]);
    assert_eq!(
        parse(&v).unwrap_err(),
        DeckError::EmptyField {
            place: card_ref(1, "c1"),
            field: "key_points"
        }
    );
    v["cards"][0]["key_points"] = json!(["one", "two", "x".repeat(81)]);
    assert!(matches!(
        parse(&v).unwrap_err(),
        DeckError::TooLong {
            field: "key_points",
            len: 81,
            max: 80,
            ..
        }
    ));
    v["cards"][0]["key_points"] = json!(["one", "two", "three"]);
    assert_eq!(parse(&v).unwrap().cards[0].key_points.len(), 3);
    // Optional: a custom deck without them is fine.
    v["cards"][0].as_object_mut().unwrap().remove("key_points");
    assert!(parse(&v).unwrap().cards[0].key_points.is_empty());
}

#[test]
fn a_changed_difficulty_records_the_source_label_and_why() {
    let mut v = good();
    v["cards"][0]["seed_difficulty"] = json!("hard");
    assert!(matches!(
        parse(&v).unwrap_err(),
        DeckError::DifficultyChangeUnexplained { .. }
    ));
    v["cards"][0]["difficulty_reason"] = json!("It asks for a definition.");
    let card = &parse(&v).unwrap().cards[0];
    assert_eq!(card.seed_difficulty, Some(Difficulty::Hard));
    v["cards"][0]["seed_difficulty"] = json!("extreme");
    assert!(matches!(
        parse(&v).unwrap_err(),
        DeckError::BadDifficulty { .. }
    ));
}

/// The master list, kept under `tests/fixtures/` so the wording check never skips.
const MASTER_LIST: &str = include_str!("fixtures/seed-master-list.txt");

/// Each master-list question: its source id, its wording and the seed's difficulty label.
fn master_questions() -> Vec<(String, String, Difficulty)> {
    let mut topic = 0;
    let mut out = Vec::new();
    for line in MASTER_LIST.lines() {
        if let Some(rest) = line.strip_prefix("## **Topic ") {
            topic = rest
                .split(':')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            continue;
        }
        let Some((num, rest)) = line.split_once(". ") else {
            continue;
        };
        let Ok(num) = num.parse::<usize>() else {
            continue;
        };
        let Some((question, label)) = rest.rsplit_once(" _(") else {
            continue;
        };
        let label = label.trim_end_matches(")_").to_lowercase();
        let difficulty = Difficulty::parse(&label).unwrap_or_else(|| panic!("label {label}"));
        out.push((
            format!("master:{topic}.{num}"),
            question.to_string(),
            difficulty,
        ));
    }
    assert_eq!(out.len(), 104, "the master list has 104 questions");
    out
}

/// Length and FNV-1a (64 bits) of a text.
fn fingerprint(text: &str) -> (usize, u64) {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (text.len(), hash)
}

/// The seed lists' fixtures are the team's lists. CI has no copy of the team's (it sits beside
/// the repository on the team's machines, `../shared/seeds/`), so every run checks each
/// fixture against the fingerprint of the team's list, recorded when they were last compared
/// byte for byte (2026-12-08); where the team's copy is at hand, against it too, and the
/// recorded fingerprint against it, so a changed team list cannot go unnoticed there.
#[test]
fn the_fixtures_are_the_team_seed_lists() {
    let lists = [
        (
            "master list",
            MASTER_LIST,
            "../shared/seeds/000_a335e17a40a1bfbb.txt",
            (7070, 0xaf8f_3d5b_7dcb_64a8),
        ),
        (
            "second list",
            SHORT_LIST,
            "../shared/seeds/004_a3c1338a8d24dc67.txt",
            (8837, 0xe633_cb48_8d8d_fa5e),
        ),
    ];
    for (name, fixture, team, recorded) in lists {
        assert_eq!(
            fingerprint(fixture),
            recorded,
            "the {name}'s fixture is not the team's list it was copied from"
        );
        if let Ok(shared) = std::fs::read_to_string(team) {
            assert_eq!(shared, fixture, "the {name}'s fixture is out of date");
            assert_eq!(fingerprint(&shared), recorded, "the team's {name} changed");
        }
    }
}

#[test]
fn master_cards_keep_the_seed_difficulty_unless_a_reason_is_recorded() {
    let deck = bundled();
    for (source, _, seed) in master_questions() {
        let card = deck
            .cards
            .iter()
            .find(|c| c.sources.first() == Some(&source))
            .or_else(|| deck.cards.iter().find(|c| c.sources.contains(&source)))
            .unwrap_or_else(|| panic!("{source} missing"));
        if card.sources.first() != Some(&source) {
            continue; // the card's difficulty follows its first source
        }
        if card.difficulty != seed {
            assert_eq!(
                card.seed_difficulty,
                Some(seed),
                "{}: difficulty changed from the seed's without a record",
                card.id
            );
            assert!(card.difficulty_reason.is_some(), "{}", card.id);
        }
    }
}

#[test]
fn bundled_master_questions_keep_the_seed_wording() {
    let deck = bundled();
    for (source, question, _) in master_questions() {
        let card = deck
            .cards
            .iter()
            .find(|c| c.sources.contains(&source))
            .unwrap_or_else(|| panic!("{source} missing"));
        assert_eq!(card.question, question, "{source} wording changed");
    }
}

/// The second list, with short answers, kept under `tests/fixtures/` like the master list.
const SHORT_LIST: &str = include_str!("fixtures/seed-short-answers.txt");

/// Each question of the second list: its source id, its wording and its level as a difficulty
/// (beginner is easy, intermediate medium, advanced hard).
fn short_list_questions() -> Vec<(String, String, Difficulty)> {
    let lines: Vec<&str> = SHORT_LIST
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        let level = match pair[1] {
            "beginner" => Difficulty::Easy,
            "intermediate" => Difficulty::Medium,
            "advanced" => Difficulty::Hard,
            _ => continue,
        };
        let Some((num, question)) = pair[0].split_once(". ") else {
            continue;
        };
        let Ok(num) = num.parse::<usize>() else {
            continue;
        };
        out.push((format!("rmrm:{num}"), question.to_string(), level));
    }
    assert_eq!(
        out.len(),
        RMRM_COUNT,
        "the second list has {RMRM_COUNT} questions"
    );
    out
}

/// A card asked only by the second list keeps its wording and its level (unless a reason is
/// recorded); a card both lists ask keeps the master list's wording, checked above.
#[test]
fn second_list_questions_keep_their_wording_and_level() {
    let deck = bundled();
    for (source, question, level) in short_list_questions() {
        let card = deck
            .cards
            .iter()
            .find(|c| c.sources.contains(&source))
            .unwrap_or_else(|| panic!("{source} missing"));
        if card.sources.first() != Some(&source) {
            assert!(
                card.sources[0].starts_with("master:"),
                "{}: {source} shares a card whose first source is not the master list",
                card.id
            );
            continue;
        }
        assert_eq!(card.question, question, "{source} wording changed");
        if card.difficulty != level {
            assert_eq!(
                card.seed_difficulty,
                Some(level),
                "{}: difficulty changed from the seed's level without a record",
                card.id
            );
            assert!(card.difficulty_reason.is_some(), "{}", card.id);
        }
    }
}

#[test]
fn a_deck_from_elsewhere_gets_an_id_no_local_deck_can_have() {
    use interview_cards::core::deck::parse_deck;
    let deck = parse_deck(
        r#"{"format":1,"id":"backend-interview","title":"T","topics":[{"id":"t","name":"T"}],"cards":[{"id":"a","topic":"t","difficulty":"easy","question":"Q","answer":"A"}]}"#,
    )
    .unwrap();
    let origin = |o: &str| Elsewhere::Origin(o.into());
    let foreign = deck
        .clone()
        .from_elsewhere(origin("https://decks.example.org:8443"));
    // The key of a deck from a listed origin is what earlier builds gave it.
    assert_eq!(foreign.id, "backend-interview~https-decks.example.org-8443");
    // The scheme counts: http and https copies of a site are different origins.
    let plain = deck
        .clone()
        .from_elsewhere(origin("http://decks.example.org:8443"));
    assert_ne!(plain.id, foreign.id);
    assert_eq!(
        foreign.elsewhere,
        Some(origin("https://decks.example.org:8443"))
    );
    assert_eq!(deck.elsewhere, None);
    assert_eq!(foreign.own_id(), "backend-interview");
    // A deck from a link, and from an address of this origin (by its path), each have their
    // own; none of the three kinds can meet another.
    let link = deck.clone().from_elsewhere(Elsewhere::Link);
    assert_eq!(link.id, "backend-interview~link");
    let address = |p: &str| deck.clone().from_elsewhere(Elsewhere::Address(p.into())).id;
    assert_eq!(
        address("/other-project/deck.json"),
        "backend-interview~_other-project_deck.json"
    );
    assert_ne!(address("/a-b/c.json"), address("/a/b-c.json"));
    assert_ne!(address("/https-decks.example.org-8443"), foreign.id);
    assert_ne!(address("/link"), link.id);
    assert_eq!(
        address("/x/d%C3%A9ck.json"),
        "backend-interview~_x_d-C3-A9ck.json"
    );
    // `~` is not allowed in a deck's own id, so no local deck can share the foreign one's key.
    let local = parse_deck(
        r#"{"format":1,"id":"backend-interview~decks.example.org-8443","title":"T","topics":[{"id":"t","name":"T"}],"cards":[{"id":"a","topic":"t","difficulty":"easy","question":"Q","answer":"A"}]}"#,
    );
    assert!(local.is_err());
}

#[test]
fn only_the_page_origin_and_listed_origins_may_serve_decks() {
    use interview_cards::platform::fetch::{looks_like_html, origin_allowed};
    let page = "https://blog.example";
    assert!(origin_allowed(page, page, ""));
    assert!(!origin_allowed("https://evil.example", page, ""));
    assert!(origin_allowed(
        "https://decks.example",
        page,
        "https://cdn.example, https://decks.example/"
    ));
    assert!(!origin_allowed(
        "https://decks.example.evil",
        page,
        "https://decks.example"
    ));
    assert!(!origin_allowed(
        "http://decks.example",
        page,
        "https://decks.example"
    ));
    assert!(looks_like_html("text/html; charset=utf-8", "{}"));
    assert!(looks_like_html(
        "application/octet-stream",
        "\n  <!DOCTYPE html><html>"
    ));
    assert!(looks_like_html("", "<HTML><body>"));
    assert!(!looks_like_html("application/json", "{\"format\":1}"));
    assert!(!looks_like_html(
        "text/tab-separated-values",
        "question\tanswer"
    ));
}

#[test]
fn problems_lists_every_card_and_starts_with_parse_decks_error() {
    let mut cases = Vec::new();
    for edit in [
        |v: &mut Value| v["format"] = json!(9),
        |v: &mut Value| {
            v["topics"] = json!([{"id": "http", "name": ""}, {"id": "http", "name": "x"}])
        },
        |v: &mut Value| v["topics"] = json!([{"id": "bad id", "name": ""}]),
        |v: &mut Value| {
            v.as_object_mut().unwrap().remove("topics");
        },
        |v: &mut Value| v["cards"][1]["id"] = json!("c1"),
        |v: &mut Value| v["cards"] = json!([]),
        |v: &mut Value| v["title"] = json!(7),
    ] {
        let mut v = good();
        edit(&mut v);
        cases.push(v);
    }
    for v in &cases {
        let all = problems(&v.to_string());
        assert_eq!(Some(&all[0]), parse(v).err().as_ref(), "{v}");
    }
    assert!(problems(&good().to_string()).is_empty());
    let mut v = good();
    v["cards"][0]["answer"] = json!("");
    v["cards"][1]["difficulty"] = json!("impossible");
    assert_eq!(problems(&v.to_string()).len(), 2, "one problem per card");
}
