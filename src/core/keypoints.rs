//! Key points: the phrases an interviewer listens for. After revealing the answer the learner
//! ticks the ones they covered; the share ticked suggests a grade (the learner still chooses).

use crate::core::schedule::Rating;
use crate::core::search::{fold as fold_case, Lowercase};

/// The grade a share of key points covered suggests: none or under a third Again, under two
/// thirds Hard, most Good, all Easy. `None` when the card has no key points.
pub fn suggested_grade(ticked: usize, total: usize) -> Option<Rating> {
    if total == 0 {
        return None;
    }
    let ticked = ticked.min(total);
    Some(if ticked == total {
        Rating::Easy
    } else if ticked * 3 >= total * 2 {
        Rating::Good
    } else if ticked * 3 >= total {
        Rating::Hard
    } else {
        Rating::Again
    })
}

/// Which key points a typed answer covers: a point counts when at least half of its words
/// that carry meaning (three letters or more, not a filler word) are in the text. Words are
/// compared ignoring case and accents, and loosely (a shared stem: "cached" finds "cacheable",
/// "idempotency" finds "idempotent"). A suggestion only: the learner ticks and unticks.
pub fn found_points(points: &[String], typed: &str, lowercase: Lowercase) -> Vec<bool> {
    let words_of = |text: &str| words(&fold_case(lowercase, text));
    let typed = words_of(typed);
    points
        .iter()
        .map(|point| {
            let wanted: Vec<String> = words_of(point)
                .into_iter()
                .filter(|w| w.chars().count() >= 3 && !FILLER.contains(&w.as_str()))
                .collect();
            let found = wanted
                .iter()
                .filter(|w| typed.iter().any(|t| same_word(w, t)))
                .count();
            !wanted.is_empty() && found * 2 >= wanted.len()
        })
        .collect()
}

/// Words too common to show that a point was made.
const FILLER: [&str; 24] = [
    "the", "and", "for", "with", "then", "than", "from", "its", "are", "not", "any", "can", "via",
    "per", "but", "into", "each", "one", "two", "that", "this", "when", "only", "all",
];

/// The words of lower-cased text: letters and digits, accents removed.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        match fold(c) {
            Some(base) => word.push_str(base),
            // Any other letter outside ASCII counts as a letter: asking Unicode which ones
            // are would link its tables into the wasm for no practical gain here.
            None if c.is_ascii_alphanumeric() || (!c.is_ascii() && !c.is_whitespace()) => {
                word.push(c)
            }
            None => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The letter without its accent, for the accented Latin letters.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => "u",
        'ý' | 'ÿ' => "y",
        'ś' | 'š' => "s",
        'ź' | 'ż' | 'ž' => "z",
        'ł' => "l",
        'ß' => "ss",
        _ => return None,
    })
}

/// The same word up to its ending: equal, or sharing a start that leaves at most three letters
/// of the shorter one (and at least four letters in all).
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    shared >= 4 && shared + 3 >= shorter
}
