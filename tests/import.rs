//! Custom decks from files: the project's JSON, Quizlet/Anki TSV and CSV, and hostile input.

use interview_cards::core::import::{
    html_to_markdown, html_to_text, parse_any, parse_delimited, MAX_DECK_BYTES,
};

#[test]
fn a_quizlet_tsv_export_becomes_a_deck() {
    let deck = parse_any(
        "What is TCP?\tA reliable byte stream.\nWhat is UDP?\tDatagrams.\n",
        "net.tsv",
    )
    .expect("valid");
    assert_eq!(deck.id, "imported");
    assert_eq!(deck.cards.len(), 2);
    assert_eq!(deck.cards[1].question, "What is UDP?");
    assert_eq!(deck.cards[1].answer, "Datagrams.");
}

#[test]
fn an_anki_export_with_headers_and_tags() {
    let text =
        "#separator:tab\n#html:false\nFront one\tBack one\tnetworking tcp\n\nFront two\tBack two\n";
    let deck = parse_any(text, "anki.txt").unwrap();
    assert_eq!(deck.cards.len(), 2);
    assert_eq!(deck.cards[0].tags, vec!["networking", "tcp"]);
}

#[test]
fn csv_quotes_may_hold_commas_quotes_and_newlines() {
    // The header row names the columns: it is not a card.
    let text = "question,answer\n\"Why, though?\",\"Because \"\"reasons\"\",\nand more\"\n";
    let deck = parse_delimited(text, "q.csv").unwrap();
    assert_eq!(deck.cards.len(), 1);
    assert_eq!(deck.cards[0].question, "Why, though?");
    assert_eq!(deck.cards[0].answer, "Because \"reasons\",\nand more");
}

#[test]
fn a_renamed_or_grown_file_keeps_the_deck_id_and_card_ids() {
    let a = parse_any("Q1\tA1\nQ2\tA2\n", "cards.tsv").unwrap();
    let b = parse_any("Q0\tA0\nQ2\tA2\n", "cards (1).tsv").unwrap();
    assert_eq!(a.id, b.id);
    assert_eq!(a.cards[1].id, b.cards[1].id);
    assert_eq!(b.title, "Imported deck (cards (1).tsv)");
}

#[test]
fn ids_follow_the_question_so_reordering_keeps_progress() {
    let a = parse_any("Q1\tA1\nQ2\tA2\n", "d.tsv").unwrap();
    let b = parse_any("Q2\tA2 edited\nQ1\tA1\n", "d.tsv").unwrap();
    assert_eq!(a.cards[0].id, b.cards[1].id);
    assert_eq!(a.cards[1].id, b.cards[0].id);
}

#[test]
fn errors_name_the_line() {
    assert_eq!(
        parse_any("Q1\tA1\nonly a front\n", "d.tsv")
            .unwrap_err()
            .to_string(),
        "Line 2: a card needs a front and a back separated by a tab."
    );
    assert_eq!(
        parse_any("Q1\tA1\nQ2\tA2\nQ1\tagain\n", "d.tsv")
            .unwrap_err()
            .to_string(),
        "Line 3 repeats the question of line 1; each question may appear once."
    );
    assert!(parse_any("\"open,quote\n", "d.csv")
        .unwrap_err()
        .to_string()
        .contains("Line 1: a quoted field is never closed"));
    assert!(parse_any("\n\n", "d.csv")
        .unwrap_err()
        .to_string()
        .contains("no cards"));
    let long = format!("Q1\tA1\nQ2\t{}\n", "x".repeat(20_000));
    assert!(parse_any(&long, "d.tsv")
        .unwrap_err()
        .to_string()
        .starts_with("Line 2: card 2"));
}

#[test]
fn json_decks_go_through_the_same_validation() {
    let err = parse_any(
        r#"{"format": 1, "id": "x", "title": "T", "topics": [], "cards": []}"#,
        "x.json",
    )
    .unwrap_err()
    .to_string();
    assert_eq!(err, "The deck has no cards.");
    // A byte-order mark does not confuse the format detection.
    let ok = "\u{feff}{\"format\":1,\"id\":\"x\",\"title\":\"T\",\"topics\":[{\"id\":\"t\",\"name\":\"T\"}],\"cards\":[{\"id\":\"a\",\"topic\":\"t\",\"difficulty\":\"easy\",\"question\":\"q\",\"answer\":\"a\"}]}";
    assert_eq!(parse_any(ok, "x.json").unwrap().cards.len(), 1);
}

#[test]
fn hostile_decks_are_refused_quickly_or_kept_as_text() {
    // 50,000 cards: over the 20,000 limit.
    let many: String = (0..50_000).map(|i| format!("Q{i}\tA{i}\n")).collect();
    let started = std::time::Instant::now();
    let err = parse_any(&many, "many.tsv").unwrap_err().to_string();
    assert!(err.contains("50000 cards; the limit is 20000"), "{err}");
    assert!(
        started.elapsed().as_secs() < 5,
        "refusing must not take long"
    );
    // A 1 MB answer.
    let huge = format!("Q\t{}\n", "y".repeat(1_048_576));
    assert!(parse_any(&huge, "huge.tsv")
        .unwrap_err()
        .to_string()
        .contains("limit is 10000"));
    // A file over 5 MB is refused before parsing.
    let too_big = "z".repeat(MAX_DECK_BYTES + 1);
    assert!(parse_any(&too_big, "big.tsv")
        .unwrap_err()
        .to_string()
        .contains("the limit is 5 MB"));
    // Markup and odd unicode stay exactly as written: rendering shows them as text.
    let deck = parse_any(
        "<script>alert(1)</script>\t\u{202e}evil\u{200b} <img onerror=x>\n",
        "x.tsv",
    )
    .unwrap();
    assert_eq!(deck.cards[0].question, "<script>alert(1)</script>");
    assert_eq!(deck.cards[0].answer, "\u{202e}evil\u{200b} <img onerror=x>");
}

/// Each fixture in tests/fixtures/imports yields exactly the cards listed for it.
#[test]
fn real_exports_read_as_their_authors_meant() {
    let dir = std::path::Path::new("tests/fixtures/imports");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let mut failures = Vec::new();
    for (file, cards) in expected.as_object().unwrap() {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let got = match parse_any(&text, file) {
            Ok(deck) => serde_json::Value::Array(
                deck.cards
                    .iter()
                    .map(|c| {
                        serde_json::json!({ "question": c.question, "answer": c.answer, "tags": c.tags })
                    })
                    .collect(),
            ),
            Err(e) => serde_json::Value::String(e.to_string()),
        };
        if &got != cards {
            failures.push(format!("{file}:\n  expected {cards}\n  got      {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn anki_html_becomes_the_markdown_subset_and_nothing_else_is_lost() {
    assert_eq!(
        html_to_markdown("<ol><li>one</li><li>two &#8212; &#x2192; &lt;3</li></ol>after"),
        "1. one\n2. two \u{2014} \u{2192} <3\n\nafter"
    );
    assert_eq!(
        html_to_markdown("Code:<pre>fn main() {<br>    run();<br>}</pre>done"),
        "Code:\n\n```\nfn main() {\n    run();\n}\n```\n\ndone"
    );
    // Unknown markup stays visible as text (the app never renders HTML).
    assert_eq!(
        html_to_markdown("<script>alert(1)</script><a href=\"x\">link</a> &bogus; 5 < 6"),
        "<script>alert(1)</script><a href=\"x\">link</a> &bogus; 5 < 6"
    );
    assert_eq!(
        html_to_text("Two<br>lines, <b>bold</b>&nbsp;too"),
        "Two lines, bold too"
    );
    // An HTML Anki file: a question with a line break reads as one line.
    let deck = parse_any(
        "#html:true\nWhy<br>now?\tBecause<br><br><br>then\n",
        "a.txt",
    )
    .unwrap();
    assert_eq!(deck.cards[0].question, "Why now?");
    assert_eq!(deck.cards[0].answer, "Because\n\nthen");
}

#[test]
fn only_the_first_row_can_be_a_header_and_only_with_both_names() {
    let deck = parse_any("Front,Back\nterm,definition\n", "x.csv").unwrap();
    assert_eq!(deck.cards.len(), 1, "a later row is a card");
    assert_eq!(deck.cards[0].question, "term");
    let deck = parse_any("question,What is it?\nQ2,A2\n", "y.csv").unwrap();
    assert_eq!(deck.cards.len(), 2);
}

/// An Anki HTML export of `cards` cards whose answers have a bare `&` every few words, before
/// text whose characters take two bytes (the 12th byte after the `&` falls inside one), and
/// no `;` anywhere: the input that made the entity scan read the rest of the field for each
/// `&`.
fn ampersands_before_multibyte_text(cards: usize, answer_chars: usize) -> String {
    let words = "R&  Дмитрий Иванов ";
    let per = words.chars().count();
    let answer = words.repeat(answer_chars / per);
    let mut text = String::from("#separator:tab\n#html:true\n");
    for i in 0..cards {
        text.push_str(&format!("Question {i}\t{answer}\n"));
    }
    text
}

/// Runs `f` on another thread and fails if it takes longer than `bound`: a generous bound
/// (the linear scan takes under half a second in a debug build on a shared 2-core machine; the
/// quadratic one took 40 s for a 5 MB field in a release build), and the test ends at the bound
/// instead of waiting for a quadratic scan to finish.
fn within<T: Send + 'static>(
    bound: std::time::Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(bound)
        .unwrap_or_else(|_| panic!("still importing after {bound:?}: the scan is not linear"))
}

#[test]
fn a_5_mb_anki_html_export_imports_in_seconds() {
    // 300 cards of answers of 9,900 characters (17 KB each): just under the 5 MB limit.
    let text = ampersands_before_multibyte_text(300, 9_900);
    assert!(
        text.len() > 4_900_000 && text.len() <= MAX_DECK_BYTES,
        "{}",
        text.len()
    );
    let deck = within(std::time::Duration::from_secs(10), move || {
        parse_any(&text, "anki.txt")
    })
    .expect("imports");
    assert_eq!(deck.cards.len(), 300);
    assert!(deck.cards[0].answer.starts_with("R&  Дмитрий"));
}

#[test]
fn a_5_mb_anki_html_field_is_refused_in_seconds() {
    // One answer of 5 MB: refused as too long, after it was read, once.
    let text = ampersands_before_multibyte_text(1, 3_000_000);
    assert!(
        text.len() > 4_900_000 && text.len() <= MAX_DECK_BYTES,
        "{}",
        text.len()
    );
    let result = within(std::time::Duration::from_secs(10), move || {
        parse_any(&text, "anki.txt").map(|d| d.cards.len())
    });
    assert!(result.is_err(), "{result:?}");
}

/// The figure for `scripts/bench-import.sh` (run with `--release --ignored --nocapture`).
#[test]
#[ignore]
fn benchmark_a_5_mb_anki_html_export() {
    for (what, text) in [
        (
            "300 answers of 9,900 characters",
            ampersands_before_multibyte_text(300, 9_900),
        ),
        (
            "one answer of 5 MB",
            ampersands_before_multibyte_text(1, 3_000_000),
        ),
    ] {
        let started = std::time::Instant::now();
        let result = parse_any(&text, "anki.txt");
        println!(
            "{:.1} MB Anki HTML export, {what} (a bare & before two-byte text): {} in {:.2} s",
            text.len() as f64 / 1e6,
            match result {
                Ok(deck) => format!("{} cards imported", deck.cards.len()),
                Err(_) => "refused".to_string(),
            },
            started.elapsed().as_secs_f64()
        );
    }
}

#[test]
fn a_missing_back_names_the_separator_the_file_uses() {
    let named = |text: &str| parse_any(text, "d.txt").unwrap_err().to_string();
    assert_eq!(
        named("#separator:semicolon\nQ1;A1\nonly a front\n"),
        "Line 3: a card needs a front and a back separated by a semicolon."
    );
    assert_eq!(
        named("Q1,A1\nonly a front\n"),
        "Line 2: a card needs a front and a back separated by a comma."
    );
    assert_eq!(
        named("#separator:pipe\nQ1|A1\nonly a front\n"),
        "Line 3: a card needs a front and a back separated by a \"|\"."
    );
}

#[test]
fn a_one_card_file_with_a_semicolon_in_it_is_one_card() {
    // Quizlet's semicolon between cards only when every piece is a card: here the semicolon
    // is the author's, inside the answer.
    let deck = parse_any(
        "What does ACID stand for?\tAtomicity, consistency; isolation, durability\n",
        "one.tsv",
    )
    .expect("one card");
    assert_eq!(deck.cards.len(), 1);
    assert_eq!(
        deck.cards[0].answer,
        "Atomicity, consistency; isolation, durability"
    );
    let deck = parse_any("Why; really?,Because; that is why\n", "one.csv").expect("one card");
    assert_eq!(deck.cards.len(), 1);
    assert_eq!(deck.cards[0].question, "Why; really?");
    // Quizlet's own export still splits at each semicolon.
    let deck = parse_any("t1\td1;t2\td2;t3\td3", "q.txt").unwrap();
    assert_eq!(deck.cards.len(), 3);
}
