//! The words a learner reads: every error and notice of the core and the platform, rendered
//! once, here, into sentences a person can act on. The core only returns types.

use crate::app::action::LoadError;
use crate::core::deck::{
    CardRef, DeckError, Elsewhere, Place, DECK_FORMAT, MAX_ID_LEN, MAX_KEY_POINTS, MIN_KEY_POINTS,
};
use crate::core::import::ImportError;
use crate::core::progress::{ProgressError, MAX_PROGRESS_BYTES, PROGRESS_FORMAT};
use crate::core::schedule::{StepsError, MAX_STEPS};
use crate::core::scorm::SuspendError;
use crate::core::store::{Notice, StoreError};
use crate::platform::fetch::{FetchError, ORIGINS_META, TIMEOUT_MS};
use crate::platform::recorder::RecordError;
use std::fmt;

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable(why) => write!(f, "browser storage is not available ({why})"),
            Self::QuotaExceeded => write!(f, "browser storage is full"),
            Self::Other(why) => write!(f, "browser storage failed ({why})"),
        }
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unsupported => write!(
                f,
                "This browser, or the page showing this widget, cannot record audio: answer aloud without a recording. (A page that embeds the widget must allow the microphone.)"
            ),
            Self::Refused => write!(
                f,
                "The microphone was refused: answer aloud without a recording, or allow the microphone for this site in the browser's settings."
            ),
            Self::NoMicrophone => write!(f, "No microphone was found: answer aloud without a recording."),
            Self::Other(why) => write!(f, "Recording failed ({why}): answer aloud without a recording."),
        }
    }
}

impl fmt::Display for StepsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAStep(word) => write!(
                f,
                "\"{word}\" is not a step: write a number with m, h or d after it (for example 1m 10m 1d), each at most 30 days"
            ),
            Self::TooMany => write!(f, "at most {MAX_STEPS} steps"),
        }
    }
}

impl fmt::Display for CardRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "card {} (\"{}\")", self.number, id),
            None => write!(f, "card {}", self.number),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Deck => write!(f, "the deck"),
            Place::Topic(n) => write!(f, "topic {n}"),
            Place::Card(c) => c.fmt(f),
        }
    }
}

impl fmt::Display for DeckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DeckError::*;
        match self {
            Malformed {
                line,
                column,
                message,
            } => write!(
                f,
                "The deck file is not valid deck JSON (line {line}, column {column}): {message}."
            ),
            UnsupportedFormat { found } => write!(
                f,
                "The deck uses format version {found}, but this app reads version {DECK_FORMAT}."
            ),
            MissingField { place, field } => write!(f, "{place} has no \"{field}\"."),
            EmptyField { place, field } => write!(f, "{place} has an empty \"{field}\"."),
            TooLong {
                place,
                field,
                len,
                max,
            } => write!(
                f,
                "{place}: \"{field}\" is {len} characters long; the limit is {max}."
            ),
            InvalidId { place, id } => write!(
                f,
                "{place}: the id \"{}\" is not usable; ids are 1–{MAX_ID_LEN} characters of letters, digits, '-', '_' or '.'.",
                id.chars().take(80).collect::<String>()
            ),
            UnknownTopic { card, topic } => write!(
                f,
                "{card}: its topic \"{topic}\" is not listed in the deck's \"topics\"."
            ),
            BadDifficulty { card, value } => write!(
                f,
                "{card}: difficulty \"{value}\" is not one of easy, medium, hard."
            ),
            DuplicateId { id, first, second } => write!(
                f,
                "Cards {first} and {second} share the id \"{id}\"; every card needs its own id."
            ),
            DuplicateTopic { id } => write!(f, "The topic id \"{id}\" is listed twice."),
            TooMany { what, count, max } => {
                write!(f, "The deck has {count} {what}; the limit is {max}.")
            }
            NoCards => write!(f, "The deck has no cards."),
            KeyPointCount { card, count } => write!(
                f,
                "{card} has {count} key points; give between {MIN_KEY_POINTS} and {MAX_KEY_POINTS}, or none."
            ),
            DifficultyChangeUnexplained { card } => write!(
                f,
                "{card}: \"seed_difficulty\" and \"difficulty_reason\" go together (the label a source gave, and why it was changed)."
            ),
        }
    }
}

impl std::error::Error for DeckError {}

impl fmt::Display for ProgressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable { reason } => write!(f, "saved progress could not be read ({reason})"),
            Self::FromTheFuture { found } => write!(
                f,
                "saved progress uses format {found}, newer than this app's {PROGRESS_FORMAT}"
            ),
            Self::OtherDeck { found } => {
                write!(f, "saved progress belongs to another deck (\"{found}\")")
            }
            Self::TooLarge { bytes } => write!(
                f,
                "the file is {} MB; progress files are at most {} MB",
                one_decimal(*bytes as u64, 1_048_576),
                MAX_PROGRESS_BYTES / 1_048_576
            ),
            Self::NotRead { reason } => write!(f, "the file could not be read ({reason})"),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { bytes } => write!(
                f,
                "The deck file is {} MB; the limit is 5 MB.",
                one_decimal(*bytes as u64, 1_048_576)
            ),
            Self::NotRead { reason } => write!(
                f,
                "The deck file could not be read ({reason}). Try saving it again, or pick another."
            ),
            Self::Deck(e) => e.fmt(f),
            Self::DeckAtLine { line, error } => write!(f, "Line {line}: {error}"),
            Self::UnclosedQuote { line } => write!(
                f,
                "Line {line}: a quoted field is never closed (a \" is missing)."
            ),
            Self::MissingBack { line, delimiter } => {
                let named = match delimiter {
                    '\t' => "tab".to_string(),
                    ',' => "comma".to_string(),
                    ';' => "semicolon".to_string(),
                    ' ' => "space".to_string(),
                    other => format!("\"{other}\""),
                };
                write!(
                    f,
                    "Line {line}: a card needs a front and a back separated by a {named}."
                )
            }
            Self::EmptyFront { line } => write!(f, "Line {line}: the front (question) is empty."),
            Self::RepeatedQuestion { line, first } => write!(
                f,
                "Line {line} repeats the question of line {first}; each question may appear once."
            ),
            Self::NoCards => write!(
                f,
                "The file has no cards: expected lines of front and back separated by a tab or a comma."
            ),
        }
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Network { url, reason } => {
                write!(f, "The deck at {url} could not be loaded: {reason}.")
            }
            Self::Bank { reason } => {
                write!(f, "The built-in questions could not be loaded: {reason}.")
            }
            Self::SharedLink { reason } => write!(
                f,
                "The deck in this link cannot be opened: {reason}. Ask for the link again, or for the deck as a file."
            ),
            Self::Status { url, status, text } => write!(
                f,
                "The deck at {url} could not be loaded: the server answered {status} {text}."
            ),
            Self::TooLarge { url } => write!(
                f,
                "The deck at {url} is larger than the 5 MB limit; it was not loaded."
            ),
            Self::Unreadable { url } => write!(f, "The deck at {url} could not be read as text."),
            Self::NotAllowed { url, origin } => write!(
                f,
                "The deck at {url} comes from {origin}, which this site does not load decks from. (A site lists the origins it trusts in a <meta name=\"{ORIGINS_META}\"> tag.)"
            ),
            Self::TimedOut { url } => write!(
                f,
                "The deck at {url} did not arrive within {} seconds: the server may be down. Try again later.",
                TIMEOUT_MS / 1000
            ),
            Self::WebPage { url } => write!(
                f,
                "The address {url} gave a web page, not a deck: check the link."
            ),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Import(e) => e.fmt(f),
            Self::Fetch(e) => e.fmt(f),
            Self::Chunk(reason) => f.write_str(&later_failed("the code that opens decks", reason)),
        }
    }
}

/// Why an imported progress file was refused; nothing was changed.
pub fn import_refusal(error: &ProgressError, deck: &str) -> String {
    match error {
        ProgressError::Unreadable { reason } => {
            format!("This file is not Interview Cards progress ({reason}). Nothing was changed.")
        }
        ProgressError::OtherDeck { found } => format!(
            "This file holds progress for the deck \"{found}\", not \"{deck}\". Nothing was changed."
        ),
        e @ (ProgressError::FromTheFuture { .. }
        | ProgressError::TooLarge { .. }
        | ProgressError::NotRead { .. }) => {
            format!("This file cannot be imported: {e}. Nothing was changed.")
        }
    }
}

/// What a notice about saved progress says.
pub fn notice_message(notice: &Notice) -> String {
    match notice {
        Notice::NotSaved { reason } => {
            format!("Your progress will not be kept after this visit: {reason}.")
        }
        Notice::Unreadable {
            reason,
            backup_key,
            recovered,
            lost,
            ..
        } => {
            let kept = match (recovered, lost) {
                (0, _) => "Nothing in it could be read, so this deck starts fresh".to_string(),
                (r, 0) => format!("All {r} card entries in it were recovered and kept"),
                (r, l) => format!("{r} card entries were recovered and kept; {l} could not be read"),
            };
            match backup_key {
                Some(key) => format!(
                    "Your saved progress was damaged ({reason}). {kept}. The original is kept under the storage key \"{key}\" and can be downloaded from here or from Stats → Your data."
                ),
                None => format!(
                    "Your saved progress was damaged ({reason}) and could not be copied aside, so it was left untouched and this visit is not saved. {kept}. Download the original, then let this visit replace it."
                ),
            }
        }
        Notice::Trimmed { entries } => format!(
            "Browser storage was full, so {entries} old review-log entries were trimmed to save your progress. Your scheduling is unaffected; export your progress to keep a full copy."
        ),
        Notice::ReadOnly { reason } => format!(
            "Your saved progress was left untouched and this visit will not be saved: {reason}. Update the page to continue."
        ),
    }
}

/// A course platform (SCORM) that refused to start the activity, with its error code.
pub fn scorm_refused(code: &str) -> String {
    format!(
        "Your course platform did not accept this activity (SCORM error {code}). Your progress is \
         still saved in this browser, but it is not reported to the course."
    )
}

/// The progress a course platform kept could not be used; it is left there untouched.
pub fn scorm_unusable(error: &SuspendError) -> String {
    let why = match error {
        SuspendError::NotThisFormat => "it is not in this package's format",
        SuspendError::OtherDeck => "it was saved for another version of this deck",
        SuspendError::Newer => "it was saved by a newer version of this package",
    };
    format!(
        "The progress your course platform kept could not be used ({why}); it is left as it \
         was there, and this browser's is used."
    )
}

/// A deck whose memories do not all fit the platform's 4,096 characters.
pub fn scorm_too_large(cards: usize) -> String {
    let whose = if cards == 1 {
        "1 card's".to_string()
    } else {
        format!("{cards} cards'")
    };
    format!(
        "This deck is too large for the course platform to keep all of it: {whose} progress is \
         kept only in this browser."
    )
}

/// How long a reset can be undone (`State::can_undo_reset`: until a review is logged).
pub const RESET_UNDO_LASTS: &str =
    "You can undo it until you grade a card (grades in Cram aside), also after a reload.";

/// Why a daily limit typed in the scheduling settings changed nothing (the range is
/// `core::session::MAX_DAILY`'s).
pub const LIMIT_ERROR: &str = "write a whole number from 0 to 9999";

/// `n / unit` with one decimal ("2.4"), in integers: formatting a float would link the
/// standard library's float printer (about 4 KB gzip) into the wasm.
pub fn one_decimal(n: u64, unit: u64) -> String {
    let tenths = (n.saturating_mul(10) + unit / 2) / unit.max(1);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// "1 card", "3 cards".
/// What "Optimise my schedule" offers, and what it costs.
pub fn optimiser_offer() -> String {
    format!(
        "The schedule starts from weights fitted to many learners. With at least {} reviews it can fit them to your memory, here in this browser: nothing is sent anywhere. The optimizer (about 100 KB) downloads only when you ask.",
        crate::core::optimize::MIN_REVIEWS
    )
}

/// Where a deck on screen came from, when this site cannot vouch for it.
pub fn deck_from(elsewhere: &Elsewhere) -> String {
    let apart = "its progress is kept apart from this site's decks.";
    match elsewhere {
        Elsewhere::Link => format!("A deck from a link: {apart}"),
        Elsewhere::Address(path) => format!("A deck from the address {path}: {apart}"),
        Elsewhere::Origin(origin) => format!("A deck from {origin}, not from this site."),
    }
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A part of the app fetched after the first card (`what`: "the stats") that could not be had.
pub fn later_failed(what: &str, reason: &str) -> String {
    format!(
        "{} could not be loaded ({reason}). Are you offline, or was the site updated since this \
         page opened? Try again, or reload the page.",
        capitalised(what)
    )
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// Said when "Read the question aloud" is on and the browser has no voice on this device.
pub const NO_VOICE: &str = "This browser has no voice on this device to read the question aloud: \
     read it on screen. (Voices that would send the text to a server are not used.)";
