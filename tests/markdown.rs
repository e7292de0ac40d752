//! The answer Markdown subset.

use interview_cards::core::markdown::{parse, parse_inline, plain_text, Block, Inline};

fn text(s: &str) -> Inline {
    Inline::Text(s.into())
}

#[test]
fn paragraphs_split_on_blank_lines_and_join_wrapped_lines() {
    let blocks = parse("one\ntwo\n\nthree");
    assert_eq!(
        blocks,
        vec![
            Block::Paragraph(vec![text("one two")]),
            Block::Paragraph(vec![text("three")])
        ]
    );
}

#[test]
fn inline_code_and_bold() {
    assert_eq!(
        parse_inline("use `GET` for **safe** reads"),
        vec![
            text("use "),
            Inline::Code("GET".into()),
            text(" for "),
            Inline::Bold("safe".into()),
            text(" reads")
        ]
    );
}

#[test]
fn unmatched_markers_stay_literal() {
    assert_eq!(parse_inline("2 ** 3 and `x"), vec![text("2 ** 3 and `x")]);
}

#[test]
fn lists_ordered_and_unordered() {
    let blocks = parse("Intro:\n\n- a\n- b\n  continued\n\n1. first\n2. second");
    assert_eq!(
        blocks,
        vec![
            Block::Paragraph(vec![text("Intro:")]),
            Block::List {
                ordered: false,
                items: vec![vec![text("a")], vec![text("b continued")]]
            },
            Block::List {
                ordered: true,
                items: vec![vec![text("first")], vec![text("second")]]
            },
        ]
    );
}

#[test]
fn code_blocks_keep_whitespace_and_language() {
    let blocks = parse("```sql\nSELECT *\n    FROM t;\n```\nafter");
    assert_eq!(
        blocks[0],
        Block::Code {
            lang: Some("sql".into()),
            text: "SELECT *\n    FROM t;".into()
        }
    );
    assert_eq!(blocks[1], Block::Paragraph(vec![text("after")]));
}

#[test]
fn markup_is_just_text() {
    let blocks = parse("<script>alert(1)</script> **<b>x</b>**");
    assert_eq!(
        blocks,
        vec![Block::Paragraph(vec![
            text("<script>alert(1)</script> "),
            Inline::Bold("<b>x</b>".into())
        ])]
    );
}

#[test]
fn plain_text_drops_markers() {
    assert_eq!(plain_text("**a** `b`\n\n- c"), "a b\nc\n");
}
