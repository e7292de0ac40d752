//! Decks from other tools: tab- or comma-separated exports of Quizlet and Anki (front, back,
//! optional tags), and the one entry point that accepts any deck file a learner supplies.

use crate::core::deck::{parse_deck, Deck, DeckError, Place};

/// Why a deck file was refused; the words are in `crate::words`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
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

/// Splits delimited text into records, honouring double quotes ("" inside quotes is a quote;
/// quoted fields may span lines). Returns each record with the line it starts on.
fn records(text: &str, delimiter: char) -> Result<Vec<(usize, Vec<String>)>, ImportError> {
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
            '\n' => {
                fields.push(std::mem::take(&mut field));
                out.push((start_line, std::mem::take(&mut fields)));
                line += 1;
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

/// Reads a Quizlet or Anki export: one card per line, front and back separated by a tab (or a
/// comma when no line has a tab), optional third column of space-separated tags. Lines starting
/// with `#` (Anki's header lines) and empty lines are skipped.
pub fn parse_delimited(text: &str, name: &str) -> Result<Deck, ImportError> {
    let delimiter = if text.lines().any(|l| l.contains('\t')) {
        '\t'
    } else {
        ','
    };
    let mut cards = Vec::new();
    let mut lines_of = Vec::new();
    let mut seen: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for (line, fields) in records(text, delimiter)? {
        let first = fields.first().map(|f| f.trim()).unwrap_or("");
        if first.is_empty() && fields.iter().all(|f| f.trim().is_empty()) || first.starts_with('#')
        {
            continue;
        }
        if fields.len() < 2 || fields[1].trim().is_empty() {
            return Err(ImportError::MissingBack { line, delimiter });
        }
        let front = fields[0].trim();
        if front.is_empty() {
            return Err(ImportError::EmptyFront { line });
        }
        let id = id_for(front);
        if let Some(first_line) = seen.insert(id.clone(), line) {
            return Err(ImportError::RepeatedQuestion {
                line,
                first: first_line,
            });
        }
        let tags: Vec<&str> = fields
            .get(2)
            .map(|t| t.split_whitespace().collect())
            .unwrap_or_default();
        let tags: Vec<String> = tags.into_iter().map(json_string).collect();
        cards.push(format!(
            r#"{{"id":{},"topic":"imported","difficulty":"medium","question":{},"answer":{},"tags":[{}]}}"#,
            json_string(&id),
            json_string(front),
            json_string(fields[1].trim()),
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
