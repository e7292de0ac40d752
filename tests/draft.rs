//! The authoring page's draft: the deck file it writes, where each problem is shown, topic and
//! card ids, the stored draft, and decks packed into a link.

use interview_cards::core::deck::*;
use interview_cards::core::draft::*;
use interview_cards::core::share::{base64url, fragment};

/// A three-card deck, written as an author would.
/// The fields the draft's problems are placed beside, in order.
fn fields_of(d: &Draft) -> Vec<Field> {
    d.problems().into_iter().map(|(f, _)| f).collect()
}

fn three_cards() -> Draft {
    let mut d = Draft::new("my-deck".into());
    d.title = "SQL basics".into();
    d.set_topic_name(0, "Databases & SQL".into());
    for (q, a) in [
        (
            "What is an index?",
            "A structure that finds rows **without** a full scan.",
        ),
        (
            "What is a transaction?",
            "Work that commits or rolls back as one:\n\n- atomic\n- isolated",
        ),
        (
            "What does `EXPLAIN` show?",
            "The plan the database will use.",
        ),
    ] {
        let i = d.add_card();
        d.cards[i].question = q.into();
        d.cards[i].answer = a.into();
    }
    d.cards[0].key_points = "avoids a full scan\n\n  costs writes  \nsorted structure\n".into();
    d
}

#[test]
fn a_new_draft_asks_for_a_title_and_cards_beside_those_fields() {
    let d = Draft::new("d1".into());
    let fields = fields_of(&d);
    assert_eq!(fields, vec![Field::Deck("title"), Field::Deck("cards")]);
}

#[test]
fn a_finished_draft_exports_a_deck_the_widget_reads() {
    let d = three_cards();
    assert_eq!(d.problems(), vec![]);
    let deck = parse_deck(&d.to_json()).expect("valid deck");
    assert_eq!(deck.id, "my-deck");
    assert_eq!(deck.topics[0].id, "databases-sql");
    assert_eq!(deck.topics[0].name, "Databases & SQL");
    let ids: Vec<&str> = deck.cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["card-1", "card-2", "card-3"]);
    assert!(deck.cards.iter().all(|c| c.topic == "databases-sql"));
    // One key point per non-blank line, trimmed.
    assert_eq!(
        deck.cards[0].key_points,
        ["avoids a full scan", "costs writes", "sorted structure"]
    );
    assert!(deck.cards[1].key_points.is_empty());
}

#[test]
fn each_problem_is_placed_beside_its_field() {
    let mut d = three_cards();
    d.cards[1].answer = "   ".into();
    d.cards[2].key_points = "one\ntwo".into();
    d.add_topic(); // no name yet (its id is `topic-2` until it has one)
    d.set_topic_id(0, "not an id".into());
    let got = fields_of(&d);
    assert_eq!(
        got,
        vec![
            Field::Topic(0, "id"),
            Field::Topic(1, "name"),
            // (Card 0's topic is that unusable id: not flagged again beside every card.)
            Field::Card(1, "answer"),
            Field::Card(2, "key_points"),
        ]
    );
    d.set_topic_id(0, "sql".into());
    // Fixing them clears them.
    d.cards[1].answer = "Fixed.".into();
    d.cards[2].key_points.push_str("\nthree");
    d.set_topic_name(1, "Caching".into());
    assert_eq!(d.problems(), vec![]);
    assert_eq!(d.topics[1].id, "caching");
}

#[test]
fn a_removed_topic_flags_its_cards_and_a_duplicate_flags_the_second_topic() {
    let mut d = three_cards();
    d.add_topic();
    d.set_topic_name(1, "Databases & SQL".into());
    let fields = fields_of(&d);
    assert_eq!(fields, vec![Field::Topic(1, "id")]);
    // A third topic of the same id is named beside itself, not the second again.
    d.add_topic();
    d.set_topic_name(2, "Databases & SQL".into());
    let fields = fields_of(&d);
    assert_eq!(fields, vec![Field::Topic(1, "id"), Field::Topic(2, "id")]);
    d.remove_topic(2);
    d.remove_topic(1);
    let removed = d.remove_topic(0).unwrap();
    let fields = fields_of(&d);
    assert_eq!(
        fields,
        vec![
            Field::Card(0, "topic"),
            Field::Card(1, "topic"),
            Field::Card(2, "topic")
        ]
    );
    // Put back, it takes its cards back.
    d.restore_topic(0, removed);
    assert_eq!(d.problems(), vec![]);
}

#[test]
fn the_first_problem_is_the_one_the_widget_would_report() {
    let mut drafts = Vec::new();
    for k in 0..6 {
        let mut d = three_cards();
        match k {
            0 => d.title.clear(),
            1 => d.id = "has space".into(),
            2 => d.cards[2].question = "x".repeat(MAX_QUESTION_LEN + 1),
            3 => d.cards[0].id = "card-2".into(),
            4 => d.topics[0].name.clear(),
            _ => d.cards.clear(),
        }
        drafts.push(d);
    }
    for d in drafts {
        let problems = d.problems();
        assert_eq!(
            Some(&problems[0].1),
            parse_deck(&d.to_json()).err().as_ref(),
            "{problems:?}"
        );
        assert_ne!(problems[0].0, Field::Whole);
    }
}

fn topic_of_each_card(d: &Draft) -> Vec<String> {
    let deck: serde_json::Value = serde_json::from_str(&d.to_json()).unwrap();
    deck["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["topic"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn cards_stay_with_their_topic_whatever_its_name_or_id() {
    let mut d = three_cards();
    d.set_topic_name(0, "Storage".into());
    assert_eq!(topic_of_each_card(&d), ["storage"; 3]);
    d.set_topic_id(0, "db".into());
    assert_eq!(topic_of_each_card(&d), ["db"; 3]);
    d.set_topic_name(0, "Relational databases".into());
    assert_eq!(d.topics[0].id, "db", "a set id no longer follows the name");

    // Typing a name that passes through another topic's id moves nothing.
    let sql = d.add_topic();
    d.set_topic_name(sql, "SQL".into());
    let lite = d.add_topic();
    let i = d.add_card();
    d.cards[i].topic = d.topics[lite].key;
    d.cards[i].question = "Q?".into();
    d.cards[i].answer = "A.".into();
    for name in ["SQLite", "SQL", "SQL Server"] {
        d.set_topic_name(lite, name.into());
    }
    assert_eq!(topic_of_each_card(&d), ["db", "db", "db", "sql-server"]);
    // A name without ASCII letters or digits still gets an id.
    d.set_topic_name(lite, "数据库".into());
    assert_eq!(d.topics[lite].id, format!("topic-{}", d.topics[lite].key));
    assert_eq!(d.problems(), vec![]);

    assert_eq!(slug("  Ünïcode — and HTTP/2!  "), "n-code-and-http-2");
    assert_eq!(slug(&"a".repeat(100)).len(), MAX_ID_LEN);
}

#[test]
fn a_removed_card_goes_back_where_it_was() {
    let mut d = three_cards();
    let card = d.remove_card(1).unwrap();
    d.cards[0].question = "Edited after the removal".into();
    d.restore_card(1, card);
    assert_eq!(d.cards[1].question, "What is a transaction?");
    assert_eq!(d.cards[0].question, "Edited after the removal");
    assert!(d.remove_card(7).is_none());
}

#[test]
fn card_ids_are_never_given_twice() {
    let mut d = three_cards();
    d.remove_card(2);
    let i = d.add_card();
    assert_eq!(d.cards[i].id, "card-4");
    // An imported deck that already uses card-<n> ids.
    let deck = parse_deck(&three_cards().to_json()).unwrap();
    let mut imported = Draft::from_deck(&deck);
    imported.next_card = 2;
    let i = imported.add_card();
    assert_eq!(imported.cards[i].id, "card-4");
    assert!(imported.move_card(i, true));
    assert_eq!(imported.cards[2].id, "card-4");
    assert!(!imported.move_card(0, true));
}

#[test]
fn an_imported_deck_round_trips_through_the_draft() {
    let json = three_cards().to_json();
    let draft = Draft::from_deck(&parse_deck(&json).unwrap());
    assert_eq!(draft.to_json(), json);
    let bank = std::fs::read_to_string("data/deck.json").unwrap();
    let deck = parse_deck(&bank).unwrap();
    assert_eq!(
        parse_deck(&Draft::from_deck(&deck).to_json()).unwrap(),
        deck,
        "the bank, with its tags, sources and difficulty records, survives editing"
    );
}

#[test]
fn the_stored_draft_reads_back_and_unreadable_or_newer_ones_are_named() {
    let d = three_cards();
    assert_eq!(read_stored(&d.to_stored()), Ok(d));
    assert!(matches!(
        read_stored("{\"editor\":1,\"draft\":{\"id\":3}}"),
        Err(StoredDraftError::Unreadable(_))
    ));
    assert!(matches!(
        read_stored("not json"),
        Err(StoredDraftError::Unreadable(_))
    ));
    assert_eq!(
        read_stored("{\"editor\":2,\"draft\":{}}"),
        Err(StoredDraftError::Newer(2))
    );
}

#[test]
fn base64url_matches_rfc_4648_without_padding() {
    let cases = [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ];
    for (plain, encoded) in cases {
        assert_eq!(base64url(plain.as_bytes()), encoded);
    }
    assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
}

#[test]
fn a_fragment_inflates_back_to_the_deck() {
    let json = three_cards().to_json();
    let link = fragment(&json);
    let packed = link.strip_prefix("#deck=").unwrap();
    assert!(packed
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    // Decode base64url by hand (the inverse of the encoder above).
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bits: Vec<u8> = packed
        .chars()
        .map(|c| alphabet.find(c).unwrap() as u8)
        .collect();
    let mut bytes = Vec::new();
    for chunk in bits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            bytes.push((n >> (16 - 8 * i)) as u8);
        }
    }
    let inflated = miniz_oxide::inflate::decompress_to_vec(&bytes).unwrap();
    assert_eq!(String::from_utf8(inflated).unwrap(), json);
    assert!(link.len() < json.len());
}

mod embed_builder {
    use interview_cards::core::embed::*;

    #[test]
    fn the_bank_topics_offered_are_the_banks() {
        let bank: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string("data/deck.json").unwrap()).unwrap();
        let topics: Vec<(String, String)> = bank["topics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["id"].as_str().unwrap().into(),
                    t["name"].as_str().unwrap().into(),
                )
            })
            .collect();
        let offered: Vec<(String, String)> = BANK_TOPICS
            .iter()
            .map(|(id, name)| (id.to_string(), name.to_string()))
            .collect();
        assert_eq!(offered, topics);
    }

    #[test]
    fn the_bank_is_described_by_its_cards_and_the_questions_they_cover() {
        let bank: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string("data/deck.json").unwrap()).unwrap();
        let cards = bank["cards"].as_array().unwrap();
        let mut sources: Vec<&str> = cards
            .iter()
            .flat_map(|c| c["sources"].as_array().unwrap())
            .map(|s| s.as_str().unwrap())
            .collect();
        sources.sort_unstable();
        sources.dedup();
        assert_eq!(
            bank_label(),
            format!(
                "The built-in bank: {} cards ({} questions)",
                cards.len(),
                sources.len()
            )
        );
    }

    #[test]
    fn defaults_make_bare_snippets() {
        let e = Embed {
            compact: false,
            ..Embed::default()
        };
        assert_eq!(e.query(), "");
        assert_eq!(
            e.element("https://h/p/"),
            "<interview-cards></interview-cards>\n<script type=\"module\" src=\"https://h/p/embed.js\"></script>"
        );
        assert_eq!(e.scorm_command(), "scripts/scorm.sh");
    }

    #[test]
    fn the_study_session_is_the_default_mode_and_practice_all_is_written_out() {
        // "practice" once was the default and left out; it now means every card in order.
        let e = Embed {
            mode: "practice".into(),
            compact: false,
            ..Embed::default()
        };
        assert_eq!(Embed::default().mode, "session");
        assert_eq!(e.query(), "?mode=practice");
        assert_eq!(e.scorm_command(), "scripts/scorm.sh --mode practice");
    }

    #[test]
    fn hostile_values_are_escaped_in_every_snippet() {
        let e = Embed {
            deck: DeckChoice::File("./a b\"&<x>.json".into()),
            topics: vec!["http".into(), "api".into()],
            instance: "it's".into(),
            ..Embed::default()
        };
        assert_eq!(
            e.query(),
            "?deck=./a%20b%22%26%3Cx%3E.json&topic=http,api&layout=embed&instance=it%27s"
        );
        let iframe = e.iframe("https://h/");
        assert!(iframe.contains("src=\"https://h/?deck=./a%20b%22%26%3Cx%3E.json&amp;topic=http,api&amp;layout=embed&amp;instance=it%27s\""));
        assert!(e
            .mount("https://h/")
            .contains(" data-deck=\"./a b&quot;&amp;&lt;x&gt;.json\" data-topic=\"http,api\""));
        assert!(e.element("https://h/").contains(" instance=\"it's\""));
        assert_eq!(
            e.scorm_command(),
            "scripts/scorm.sh --deck 'a b\"&<x>.json' --topic http,api"
        );
        let quoted = Embed {
            deck: DeckChoice::File("o'clock.json".into()),
            ..Embed::default()
        };
        assert_eq!(
            quoted.scorm_command(),
            "scripts/scorm.sh --deck 'o'\\''clock.json'"
        );
    }
}

/// Drafts set aside are capped: a fourth removes the oldest (said in what it returns), the list
/// comes oldest first, the same text is kept once, and a full storage gives up older ones for
/// the new copy.
#[test]
fn drafts_set_aside_are_capped_oldest_first() {
    use interview_cards::core::store::{MemoryStore, Store, StoreError};
    const KEY: &str = "interview-cards:editor:draft";
    let store = MemoryStore::default();
    store.set(KEY, "the draft").unwrap();
    store.set(&format!("{KEY}:before-import"), "swap").unwrap();
    let mut removed = Vec::new();
    for n in 1..=5u32 {
        let why = if n % 2 == 0 {
            Aside::OtherTab
        } else {
            Aside::Unreadable
        };
        let done = set_aside(
            &store,
            KEY,
            why,
            &format!("version {n}"),
            f64::from(n) * 1000.0,
        )
        .unwrap();
        assert_eq!(
            done.key,
            format!(
                "{KEY}:{}:{}",
                if n % 2 == 0 {
                    "other-tab"
                } else {
                    "unreadable"
                },
                n * 1000
            )
        );
        removed.extend(done.removed);
    }
    let kept = set_aside_drafts(&store, KEY);
    assert_eq!(kept.len(), MAX_SET_ASIDE);
    assert_eq!(
        kept.iter().map(|s| s.at).collect::<Vec<_>>(),
        [3000.0, 4000.0, 5000.0]
    );
    assert_eq!(kept[1].why, Aside::OtherTab);
    assert_eq!(kept[0].bytes, "version 3".len());
    assert_eq!(
        removed.iter().map(|s| s.at).collect::<Vec<_>>(),
        [1000.0, 2000.0]
    );
    assert_eq!(store.get(&format!("{KEY}:unreadable:1000")).unwrap(), None);
    // The draft itself and the one to swap back to are not set-aside drafts, and stay.
    assert_eq!(store.get(KEY).unwrap().as_deref(), Some("the draft"));
    assert!(store
        .get(&format!("{KEY}:before-import"))
        .unwrap()
        .is_some());
    // The same text again: kept once.
    let again = set_aside(&store, KEY, Aside::Unreadable, "version 5", 9000.0).unwrap();
    assert_eq!(
        (again.key, again.removed),
        (format!("{KEY}:unreadable:5000"), vec![])
    );

    /// Storage with room for `room` set-aside drafts.
    struct Full {
        inner: MemoryStore,
        room: usize,
    }
    impl Store for Full {
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
            if set_aside_drafts(&self.inner, KEY).len() >= self.room && key.contains(":unreadable:")
            {
                return Err(StoreError::QuotaExceeded);
            }
            self.inner.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), StoreError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            self.inner.keys()
        }
    }
    let full = Full {
        inner: MemoryStore::default(),
        room: 1,
    };
    full.inner.set(&format!("{KEY}:other-tab:1"), "a").unwrap();
    full.inner.set(&format!("{KEY}:other-tab:2"), "b").unwrap();
    let done = set_aside(&full, KEY, Aside::Unreadable, "c", 3.0).unwrap();
    assert_eq!(done.removed.len(), 2);
    assert_eq!(set_aside_drafts(&full, KEY).len(), 1);
}
