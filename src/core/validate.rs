//! The one gate every deck passes, bundled or user-supplied: the loose shape read first, then
//! each field checked, so every problem becomes a [`DeckError`] naming the card and field.

use crate::core::deck::*;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

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

    let (topics, topic_ids) = validate_topics(raw.topics)?;
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
        let card = validate_card(c, number, &topic_ids, &mut seen)?;
        cards.push(card);
    }
    Ok(Deck {
        elsewhere: None,
        parts: Vec::new(),
        format: DECK_FORMAT,
        id,
        title,
        topics,
        cards,
    })
}

fn validate_topics(
    raw: Option<Vec<RawTopic>>,
) -> Result<(Vec<Topic>, BTreeSet<String>), DeckError> {
    let raw_topics = raw.ok_or(DeckError::MissingField {
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

    Ok((topics, topic_ids))
}

/// Every problem of a deck, in the order `parse_deck` meets them (its error is the first; a test
/// checks it), each card's first problem included: what the authoring page shows beside the
/// fields. Empty when the deck is valid. (Kept apart from `parse_deck`, which stops at the first
/// problem, so the widget does not carry this code.)
pub fn problems(json: &str) -> Vec<DeckError> {
    let raw: RawDeck = match serde_json::from_str(json) {
        Ok(raw) => raw,
        Err(e) => {
            return vec![DeckError::Malformed {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            }]
        }
    };
    let mut found = Vec::new();
    match raw.format {
        None => found.push(DeckError::MissingField {
            place: Place::Deck,
            field: "format",
        }),
        Some(f) if f != u64::from(DECK_FORMAT) => {
            found.push(DeckError::UnsupportedFormat { found: f })
        }
        Some(_) => {}
    }
    found.extend(required_id(raw.id, &Place::Deck).err());
    found.extend(required(raw.title, &Place::Deck, "title", MAX_TITLE_LEN).err());
    let mut topic_ids = BTreeSet::new();
    match raw.topics {
        None => found.push(DeckError::MissingField {
            place: Place::Deck,
            field: "topics",
        }),
        Some(topics) => {
            if topics.len() > MAX_TOPICS {
                found.push(DeckError::TooMany {
                    what: "topics",
                    count: topics.len(),
                    max: MAX_TOPICS,
                });
            }
            for (i, t) in topics.into_iter().enumerate() {
                let place = Place::Topic(i + 1);
                // An unusable id is still the one its cards name: they are not flagged for it.
                let raw = t.id.clone();
                let id = required_id(t.id, &place)
                    .map_err(|e| {
                        found.push(e);
                        topic_ids.extend(raw);
                    })
                    .ok();
                found.extend(required(t.name, &place, "name", MAX_TITLE_LEN).err());
                if let Some(id) = id.filter(|id| !topic_ids.insert(id.clone())) {
                    found.push(DeckError::DuplicateTopic { id });
                }
            }
        }
    }
    match raw.cards {
        None => found.push(DeckError::MissingField {
            place: Place::Deck,
            field: "cards",
        }),
        Some(cards) => {
            if cards.is_empty() {
                found.push(DeckError::NoCards);
            }
            if cards.len() > MAX_CARDS {
                found.push(DeckError::TooMany {
                    what: "cards",
                    count: cards.len(),
                    max: MAX_CARDS,
                });
            }
            let mut seen = BTreeMap::new();
            for (i, c) in cards.into_iter().enumerate() {
                found.extend(validate_card(c, i + 1, &topic_ids, &mut seen).err());
            }
        }
    }
    found
}

/// Checks card `number` of the deck; `seen` holds the ids of the cards before it.
fn validate_card(
    c: RawCard,
    number: usize,
    topic_ids: &BTreeSet<String>,
    seen: &mut BTreeMap<String, usize>,
) -> Result<Card, DeckError> {
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
    Ok(Card {
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
    })
}
