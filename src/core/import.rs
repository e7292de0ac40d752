//! Decks from other tools: tab- or comma-separated exports of Quizlet and Anki (front, back,
//! optional tags), and the one entry point that accepts any deck file a learner supplies.

use crate::core::deck::{parse_deck, Deck, DeckError, Place};

/// Why a deck file was refused; the words are in `crate::words`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    /// The file the learner picked could not be read (the browser's reason).
    NotRead {
        reason: String,
    },
    /// A JSON deck that does not validate.
    Deck(DeckError),
    /// A card of a delimited file that does not validate, at the file's line.
    DeckAtLine {
        line: usize,
        error: DeckError,
    },
    UnclosedQuote {
        line: usize,
    },
    MissingBack {
        line: usize,
        delimiter: char,
    },
    EmptyFront {
        line: usize,
    },
    RepeatedQuestion {
        line: usize,
        first: usize,
    },
    NoCards,
}

/// Larger files are refused before parsing, so a hostile file cannot freeze the tab.
pub const MAX_DECK_BYTES: usize = 5 * 1024 * 1024;

/// Reads a deck in the project's JSON format, or a TSV/CSV export. `name` (a file name or URL)
/// names the deck when the format has no title.
pub fn parse_any(text: &str, name: &str) -> Result<Deck, ImportError> {
    if text.len() > MAX_DECK_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        parse_deck(trimmed).map_err(ImportError::Deck)
    } else {
        parse_delimited(trimmed, name)
    }
}

/// Splits delimited text into records (ended by a new line, or by `row` when that is another
/// character: Quizlet's semicolon), honouring double quotes ("" inside quotes is a quote;
/// quoted fields may span lines). Returns each record with the line it starts on.
fn records(
    text: &str,
    delimiter: char,
    row: char,
) -> Result<Vec<(usize, Vec<String>)>, ImportError> {
    let mut out = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start_line = 1;
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            c if c == delimiter => {
                fields.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {}
            c if c == row || c == '\n' => {
                fields.push(std::mem::take(&mut field));
                out.push((start_line, std::mem::take(&mut fields)));
                if c == '\n' {
                    line += 1;
                }
                start_line = line;
                at_field_start = true;
            }
            _ => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if quoted {
        return Err(ImportError::UnclosedQuote { line: start_line });
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        out.push((start_line, fields));
    }
    Ok(out)
}

/// A stable card id from the question text (FNV-1a), so re-importing an edited or reordered
/// export keeps each card's progress.
fn id_for(front: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in front.trim().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("c-{hash:016x}")
}

/// The id of every deck imported from a TSV/CSV file. Progress is keyed by deck id and card
/// id; card ids come from the question text ([`id_for`]), so one shared deck id lets progress
/// follow the cards whatever the file is called ("cards.tsv", "cards (1).tsv") and however
/// many cards it gains or loses. Two different files share a key only for questions they share.
pub const IMPORTED_DECK_ID: &str = "imported";

/// The deck id builds before 0.2 gave an imported file (from its name), so that progress saved
/// under it is found again and merged into [`IMPORTED_DECK_ID`]'s.
pub fn legacy_deck_id(name: &str) -> String {
    let stem = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .split(['.', '?', '#'])
        .next()
        .unwrap_or("");
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .take(48)
        .collect();
    let id = id.trim_matches('-');
    if id.is_empty() {
        "imported".into()
    } else {
        format!("imported-{id}")
    }
}

/// How a delimited file is laid out: from Anki's header lines where it has them, else guessed.
struct Layout {
    delimiter: char,
    /// Between records: a new line, or Quizlet's semicolon.
    row: char,
    /// `#html:true`: fields are HTML.
    html: bool,
    /// 0-based columns that are not the card's fields: Anki's guid, notetype and deck columns.
    skip: Vec<usize>,
    /// 0-based tags column (`#tags column:`), else the third field.
    tags: Option<usize>,
}

/// Anki's header lines (`#separator:tab`, `#html:true`, `#tags column:3`, …) at the top of
/// the file; unknown ones are ignored. Returns the layout and the text after them.
fn layout(text: &str) -> Layout {
    let mut separator = None;
    let mut html = false;
    let mut skip = Vec::new();
    let mut tags = None;
    for line in text.lines() {
        let Some((key, value)) = line.strip_prefix('#').and_then(|l| l.split_once(':')) else {
            break;
        };
        let value = value.trim();
        let column = || {
            value
                .parse::<usize>()
                .ok()
                .filter(|&c| c > 0)
                .map(|c| c - 1)
        };
        match key.trim().to_ascii_lowercase().as_str() {
            "separator" => {
                separator = match value.to_ascii_lowercase().as_str() {
                    "tab" => Some('\t'),
                    "comma" => Some(','),
                    "semicolon" => Some(';'),
                    "space" => Some(' '),
                    "pipe" => Some('|'),
                    "colon" => Some(':'),
                    _ => value.chars().next().filter(|_| value.chars().count() == 1),
                }
            }
            "html" => html = value.eq_ignore_ascii_case("true"),
            "tags column" => tags = column(),
            "guid column" | "notetype column" | "deck column" => skip.extend(column()),
            _ => {}
        }
    }
    let body = || text.lines().filter(|l| !l.starts_with('#'));
    let delimiter = separator.unwrap_or_else(|| {
        if body().any(|l| l.contains('\t')) {
            '\t'
        } else {
            ','
        }
    });
    // Quizlet's "semicolon between cards" puts the whole deck on one line, each piece a card
    // with its separator; a piece without one means the semicolon is the author's (one card
    // whose text has a semicolon).
    let mut lines = body().filter(|l| !l.trim().is_empty());
    let quizlet = match (lines.next(), lines.next()) {
        (Some(line), None) if separator.is_none() && line.contains(';') => line
            .split(';')
            .filter(|piece| !piece.trim().is_empty())
            .all(|piece| piece.contains(delimiter)),
        _ => false,
    };
    let row = if quizlet { ';' } else { '\n' };
    Layout {
        delimiter,
        row,
        html,
        skip,
        tags,
    }
}

/// A header row naming the columns, as spreadsheets and some exports write it.
fn is_header_row(front: &str, back: &str) -> bool {
    // ASCII case only: Unicode's case tables would cost the first visit kilobytes.
    let (front, back) = (front.trim(), back.trim());
    [
        ("question", "answer"),
        ("front", "back"),
        ("term", "definition"),
    ]
    .iter()
    .any(|(f, b)| front.eq_ignore_ascii_case(f) && back.eq_ignore_ascii_case(b))
}

/// Reads a Quizlet or Anki export: one card per line (or per semicolon, as Quizlet can write
/// it), front and back separated by a tab (or a comma when no line has a tab, or what Anki's
/// `#separator:` says), an optional column of space-separated tags. Anki's header lines set the
/// separator, HTML (turned into the answer Markdown subset, see [`html_to_markdown`]) and which
/// columns hold the note's id, type, deck and tags. A first row naming the columns
/// (`question,answer`, `front,back`, `term,definition`) is not a card. Other lines starting
/// with `#` and empty lines are skipped.
pub fn parse_delimited(text: &str, name: &str) -> Result<Deck, ImportError> {
    let layout = layout(text);
    let delimiter = layout.delimiter;
    let mut cards = Vec::new();
    let mut lines_of = Vec::new();
    let mut seen: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    let mut first_record = true;
    for (line, fields) in records(text, delimiter, layout.row)? {
        let first = fields.first().map(|f| f.trim()).unwrap_or("");
        if first.is_empty() && fields.iter().all(|f| f.trim().is_empty()) || first.starts_with('#')
        {
            continue;
        }
        let mut tags_field = layout.tags.and_then(|c| fields.get(c)).map(String::as_str);
        let mut own = fields
            .iter()
            .enumerate()
            .filter(|(i, _)| !layout.skip.contains(i) && Some(*i) != layout.tags)
            .map(|(_, f)| f.as_str());
        let (front, back) = (own.next().unwrap_or(""), own.next().unwrap_or(""));
        if layout.tags.is_none() {
            tags_field = own.next();
        }
        if std::mem::replace(&mut first_record, false) && is_header_row(front, back) {
            continue;
        }
        let (front, back) = if layout.html {
            (html_to_text(front), html_to_markdown(back))
        } else {
            (front.trim().to_string(), back.trim().to_string())
        };
        if back.is_empty() {
            return Err(ImportError::MissingBack { line, delimiter });
        }
        if front.is_empty() {
            return Err(ImportError::EmptyFront { line });
        }
        let id = id_for(&front);
        if let Some(first_line) = seen.insert(id.clone(), line) {
            return Err(ImportError::RepeatedQuestion {
                line,
                first: first_line,
            });
        }
        let tags: Vec<String> = tags_field
            .map(|t| t.split_whitespace().map(json_string).collect())
            .unwrap_or_default();
        cards.push(format!(
            r#"{{"id":{},"topic":"imported","difficulty":"medium","question":{},"answer":{},"tags":[{}]}}"#,
            json_string(&id),
            json_string(&front),
            json_string(&back),
            tags.join(",")
        ));
        lines_of.push(line);
    }
    if cards.is_empty() {
        return Err(ImportError::NoCards);
    }
    let title = format!(
        "Imported deck ({})",
        name.rsplit('/').next().unwrap_or(name)
    );
    let json = format!(
        r#"{{"format":1,"id":{},"title":{},"topics":[{{"id":"imported","name":"Imported"}}],"cards":[{}]}}"#,
        json_string(IMPORTED_DECK_ID),
        json_string(&title.chars().take(200).collect::<String>()),
        cards.join(",")
    );
    parse_deck(&json).map_err(|error| {
        // Point at the file's line rather than the card's position.
        let card = match &error {
            DeckError::TooLong {
                place: Place::Card(c),
                ..
            }
            | DeckError::MissingField {
                place: Place::Card(c),
                ..
            }
            | DeckError::EmptyField {
                place: Place::Card(c),
                ..
            } => Some(c.number),
            _ => None,
        };
        match card.and_then(|n| lines_of.get(n - 1)) {
            Some(&line) => ImportError::DeckAtLine { line, error },
            None => ImportError::Deck(error),
        }
    })
}

/// `text` as a JSON string literal (quoted and escaped).
fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// An HTML entity at the start of `text` (`&nbsp;`, `&amp;`, `&#39;`, `&#x2014;` …): the text
/// it stands for and its length. Only the first 12 bytes are looked at (every entity read
/// fits), cut back to a character boundary: never the rest of the text, so a field with many
/// bare `&` is read once (issue 25: when the 12th byte fell inside a character, the whole rest
/// was searched for a `;`, quadratic on a large field).
fn entity(text: &str) -> Option<(char, usize)> {
    let mut window = text.len().min(12);
    while !text.is_char_boundary(window) {
        window -= 1;
    }
    let end = text[..window].find(';')?;
    let name = &text[1..end];
    let ch = match name {
        "nbsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code).filter(|c| *c != '\0')?
        }
    };
    Some((ch, end + 1))
}

/// Turns the HTML Anki exports into the answer Markdown subset: `<br>`, `<div>` and `<p>` into
/// paragraphs, `<b>`/`<strong>` into **bold**, `<code>` into `code`, `<ul>`/`<ol>` items into
/// list lines, `<pre>` into a fenced block, entities into their characters. Styling tags
/// (`<span>`, `<font>`, `<i>`, `<em>`, `<u>`: the subset has no italics) keep their words.
/// Any other tag (`<img>`, `<a>`, `<script>` …) stays as visible text: nothing is dropped,
/// and nothing is ever run (the app renders text only).
pub fn html_to_markdown(html: &str) -> String {
    convert(html, true)
}

/// The same for a question (plain text): markup gives words only.
pub fn html_to_text(html: &str) -> String {
    let text = convert(html, false);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn convert(html: &str, markdown: bool) -> String {
    let mut out = String::new();
    let mut lists: Vec<(bool, u32)> = Vec::new();
    let mut in_pre = false;
    let mut rest = html;
    let paragraph = |out: &mut String| {
        let kept = out.trim_end_matches([' ', '\n']).len();
        out.truncate(kept);
        if !out.is_empty() {
            out.push_str("\n\n");
        }
    };
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('&') {
            match entity(rest) {
                Some((ch, len)) => {
                    out.push(ch);
                    rest = &rest[len..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        let Some(end) = rest.find('>') else {
            break;
        };
        let inner = rest[1..end].trim();
        let closing = inner.starts_with('/');
        let tag: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let mark = |out: &mut String, m: &str| {
            if markdown {
                out.push_str(m);
            }
        };
        match (tag.as_str(), closing) {
            ("br", _) if in_pre => out.push('\n'),
            ("br", _) => paragraph(&mut out),
            ("div" | "p", _) if !in_pre => paragraph(&mut out),
            ("b" | "strong", _) => mark(&mut out, "**"),
            ("code", _) if !in_pre => mark(&mut out, "`"),
            ("i" | "em" | "u" | "span" | "font" | "div" | "p" | "code", _) => {}
            ("ul" | "ol", false) => {
                paragraph(&mut out);
                lists.push((tag == "ol", 0));
            }
            ("ul" | "ol", true) => {
                lists.pop();
                paragraph(&mut out);
            }
            ("li", false) => {
                let kept = out.trim_end_matches([' ', '\n']).len();
                out.truncate(kept);
                if !out.is_empty() {
                    out.push('\n');
                }
                if let Some((ordered, n)) = lists.last_mut() {
                    *n += 1;
                    if markdown {
                        if *ordered {
                            out.push_str(&format!("{n}. "));
                        } else {
                            out.push_str("- ");
                        }
                    }
                }
            }
            ("li", true) => out.push(' '),
            ("pre", false) if markdown => {
                paragraph(&mut out);
                out.push_str("```\n");
                in_pre = true;
            }
            ("pre", true) if markdown => {
                let kept = out.trim_end_matches('\n').len();
                out.truncate(kept);
                out.push_str("\n```\n\n");
                in_pre = false;
            }
            ("pre", _) => out.push(' '),
            _ => {
                // Not markup this app knows: shown as it was written.
                out.push_str(&rest[..=end]);
            }
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    let mut text = lines.join("\n");
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    text.trim().to_string()
}
