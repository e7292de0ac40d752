//! The deck model and its validation: the one gate every deck passes, bundled or user-supplied.
//! Parsing never panics; every problem becomes a [`DeckError`] that names the card and field.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The deck format version this build reads and writes.
pub const DECK_FORMAT: u32 = 1;

/// Limits that keep a hostile or mistaken deck from freezing the tab.
pub const MAX_CARDS: usize = 20_000;
pub const MAX_TOPICS: usize = 200;
pub const MAX_ID_LEN: usize = 64;
pub const MAX_TITLE_LEN: usize = 200;
pub const MAX_QUESTION_LEN: usize = 1_000;
pub const MAX_ANSWER_LEN: usize = 10_000;
pub const MAX_TAGS: usize = 12;
pub const MAX_TAG_LEN: usize = 40;
/// Key points: the short phrases an interviewer listens for (optional; 3–6 when present).
pub const MIN_KEY_POINTS: usize = 3;
pub const MAX_KEY_POINTS: usize = 6;
pub const MAX_KEY_POINT_LEN: usize = 80;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "easy" => Some(Self::Easy),
            "medium" => Some(Self::Medium),
            "hard" => Some(Self::Hard),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Easy => "easy",
            Self::Medium => "medium",
            Self::Hard => "hard",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Easy => "Easy",
            Self::Medium => "Medium",
            Self::Hard => "Hard",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// Stable forever: saved progress is keyed by it.
    pub id: String,
    pub topic: String,
    pub difficulty: Difficulty,
    pub question: String,
    /// Markdown subset, see [`crate::core::markdown`].
    pub answer: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// What an interviewer listens for in an answer: 3–6 short phrases, or none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_points: Vec<String>,
    /// Where the deck's author changed the difficulty a source gave: that label, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed_difficulty: Option<Difficulty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty_reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deck {
    pub format: u32,
    pub id: String,
    pub title: String,
    pub topics: Vec<Topic>,
    pub cards: Vec<Card>,
}

impl Deck {
    pub fn topic_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.topics
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.as_str())
            .unwrap_or(id)
    }

    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }
}

/// Where in the deck a problem is: the card's position (1-based, as a person counts) and its id
/// when it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardRef {
    pub number: usize,
    pub id: Option<String>,
}

impl fmt::Display for CardRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "card {} (\"{}\")", self.number, id),
            None => write!(f, "card {}", self.number),
        }
    }
}

/// Whose field is wrong: the deck itself, one of its topics, or one of its cards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Deck,
    Topic(usize),
    Card(CardRef),
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

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeckError {
    /// Not JSON, or JSON of the wrong shape (a number where text belongs, ...).
    Malformed {
        line: usize,
        column: usize,
        message: String,
    },
    UnsupportedFormat {
        found: u64,
    },
    MissingField {
        place: Place,
        field: &'static str,
    },
    EmptyField {
        place: Place,
        field: &'static str,
    },
    TooLong {
        place: Place,
        field: &'static str,
        len: usize,
        max: usize,
    },
    InvalidId {
        place: Place,
        id: String,
    },
    UnknownTopic {
        card: CardRef,
        topic: String,
    },
    BadDifficulty {
        card: CardRef,
        value: String,
    },
    DuplicateId {
        id: String,
        first: usize,
        second: usize,
    },
    DuplicateTopic {
        id: String,
    },
    TooMany {
        what: &'static str,
        count: usize,
        max: usize,
    },
    NoCards,
    /// `key_points` present but fewer than [`MIN_KEY_POINTS`] or more than [`MAX_KEY_POINTS`].
    KeyPointCount {
        card: CardRef,
        count: usize,
    },
    /// `seed_difficulty` without the `difficulty_reason` that explains the change, or the other
    /// way round.
    DifficultyChangeUnexplained {
        card: CardRef,
    },
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

// The loose shape we read first, so a missing or mistyped field becomes a precise error
// instead of serde's generic one.
#[derive(Deserialize)]
struct RawDeck {
    format: Option<u64>,
    id: Option<String>,
    title: Option<String>,
    topics: Option<Vec<RawTopic>>,
    cards: Option<Vec<RawCard>>,
}

#[derive(Deserialize)]
struct RawTopic {
    id: Option<String>,
    name: Option<String>,
}

#[derive(Deserialize)]
struct RawCard {
    id: Option<String>,
    topic: Option<String>,
    difficulty: Option<String>,
    question: Option<String>,
    answer: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    key_points: Vec<String>,
    seed_difficulty: Option<String>,
    difficulty_reason: Option<String>,
}

/// Whether `id` is usable as a deck, topic or card id (and so inside a storage key).
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn required(
    value: Option<String>,
    place: &Place,
    field: &'static str,
    max: usize,
) -> Result<String, DeckError> {
    let value = value.ok_or_else(|| DeckError::MissingField {
        place: place.clone(),
        field,
    })?;
    if value.trim().is_empty() {
        return Err(DeckError::EmptyField {
            place: place.clone(),
            field,
        });
    }
    let len = value.chars().count();
    if len > max {
        return Err(DeckError::TooLong {
            place: place.clone(),
            field,
            len,
            max,
        });
    }
    Ok(value)
}

fn required_id(value: Option<String>, place: &Place) -> Result<String, DeckError> {
    let id = required(value, place, "id", usize::MAX)?;
    if !valid_id(&id) {
        return Err(DeckError::InvalidId {
            place: place.clone(),
            id,
        });
    }
    Ok(id)
}

/// Checks a card's key points: none, or 3–6 phrases of 1–80 characters.
fn key_points(
    points: Vec<String>,
    place: &Place,
    card: &CardRef,
) -> Result<Vec<String>, DeckError> {
    if !points.is_empty() && !(MIN_KEY_POINTS..=MAX_KEY_POINTS).contains(&points.len()) {
        return Err(DeckError::KeyPointCount {
            card: card.clone(),
            count: points.len(),
        });
    }
    points
        .into_iter()
        .map(|p| required(Some(p), place, "key_points", MAX_KEY_POINT_LEN))
        .collect()
}

/// Parses and validates a deck in the project's JSON format.
pub fn parse_deck(json: &str) -> Result<Deck, DeckError> {
    let raw: RawDeck = serde_json::from_str(json).map_err(|e| DeckError::Malformed {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    validate(raw)
}

fn validate(raw: RawDeck) -> Result<Deck, DeckError> {
    let format = raw.format.ok_or(DeckError::MissingField {
        place: Place::Deck,
        field: "format",
    })?;
    if format != u64::from(DECK_FORMAT) {
        return Err(DeckError::UnsupportedFormat { found: format });
    }
    let id = required_id(raw.id, &Place::Deck)?;
    let title = required(raw.title, &Place::Deck, "title", MAX_TITLE_LEN)?;

    let raw_topics = raw.topics.ok_or(DeckError::MissingField {
        place: Place::Deck,
        field: "topics",
    })?;
    if raw_topics.len() > MAX_TOPICS {
        return Err(DeckError::TooMany {
            what: "topics",
            count: raw_topics.len(),
            max: MAX_TOPICS,
        });
    }
    let mut topics = Vec::with_capacity(raw_topics.len());
    let mut topic_ids = BTreeSet::new();
    for (i, t) in raw_topics.into_iter().enumerate() {
        let place = Place::Topic(i + 1);
        let tid = required_id(t.id, &place)?;
        let name = required(t.name, &place, "name", MAX_TITLE_LEN)?;
        if !topic_ids.insert(tid.clone()) {
            return Err(DeckError::DuplicateTopic { id: tid });
        }
        topics.push(Topic { id: tid, name });
    }

    let raw_cards = raw.cards.ok_or(DeckError::MissingField {
        place: Place::Deck,
        field: "cards",
    })?;
    if raw_cards.is_empty() {
        return Err(DeckError::NoCards);
    }
    if raw_cards.len() > MAX_CARDS {
        return Err(DeckError::TooMany {
            what: "cards",
            count: raw_cards.len(),
            max: MAX_CARDS,
        });
    }
    let mut cards = Vec::with_capacity(raw_cards.len());
    let mut seen = BTreeMap::new();
    for (i, c) in raw_cards.into_iter().enumerate() {
        let number = i + 1;
        let place = Place::Card(CardRef {
            number,
            id: c.id.clone().filter(|id| valid_id(id)),
        });
        let card_id = required_id(c.id, &place)?;
        let card_ref = CardRef {
            number,
            id: Some(card_id.clone()),
        };
        if let Some(first) = seen.insert(card_id.clone(), number) {
            return Err(DeckError::DuplicateId {
                id: card_id,
                first,
                second: number,
            });
        }
        let topic = required(c.topic, &place, "topic", MAX_ID_LEN)?;
        if !topic_ids.contains(&topic) {
            return Err(DeckError::UnknownTopic {
                card: card_ref,
                topic,
            });
        }
        let difficulty_text = required(c.difficulty, &place, "difficulty", MAX_ID_LEN)?;
        let difficulty =
            Difficulty::parse(&difficulty_text).ok_or_else(|| DeckError::BadDifficulty {
                card: card_ref.clone(),
                value: difficulty_text,
            })?;
        let question = required(c.question, &place, "question", MAX_QUESTION_LEN)?;
        let answer = required(c.answer, &place, "answer", MAX_ANSWER_LEN)?;
        if c.tags.len() > MAX_TAGS {
            return Err(DeckError::TooMany {
                what: "tags on one card",
                count: c.tags.len(),
                max: MAX_TAGS,
            });
        }
        for tag in &c.tags {
            let len = tag.chars().count();
            if len > MAX_TAG_LEN {
                return Err(DeckError::TooLong {
                    place,
                    field: "tags",
                    len,
                    max: MAX_TAG_LEN,
                });
            }
        }
        let key_points = key_points(c.key_points, &place, &card_ref)?;
        let seed_difficulty = match c.seed_difficulty {
            None => None,
            Some(value) => Some(Difficulty::parse(&value).ok_or(DeckError::BadDifficulty {
                card: card_ref.clone(),
                value,
            })?),
        };
        let difficulty_reason = c
            .difficulty_reason
            .map(|r| required(Some(r), &place, "difficulty_reason", MAX_QUESTION_LEN))
            .transpose()?;
        if seed_difficulty.is_some() != difficulty_reason.is_some() {
            return Err(DeckError::DifficultyChangeUnexplained { card: card_ref });
        }
        cards.push(Card {
            id: card_id,
            topic,
            difficulty,
            question,
            answer,
            tags: c.tags,
            sources: c.sources,
            key_points,
            seed_difficulty,
            difficulty_reason,
        });
    }
    Ok(Deck {
        format: DECK_FORMAT,
        id,
        title,
        topics,
        cards,
    })
}
