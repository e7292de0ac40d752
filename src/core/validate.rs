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
    let raw = read_raw(json)?;
    check(raw, 1).map_err(|mut errors| errors.swap_remove(0))
}

/// Every problem of a deck, in the order `parse_deck` meets them (its error is the first), each
/// card's first problem included: what an editor shows beside the fields. Empty when it is valid.
pub fn problems(json: &str) -> Vec<DeckError> {
    match read_raw(json) {
        Ok(raw) => check(raw, usize::MAX).err().unwrap_or_default(),
        Err(e) => vec![e],
    }
}

fn read_raw(json: &str) -> Result<RawDeck, DeckError> {
    serde_json::from_str(json).map_err(|e| DeckError::Malformed {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// Problems found so far; full once `limit` are found (the caller stops there).
struct Problems {
    found: Vec<DeckError>,
    limit: usize,
}

impl Problems {
    /// Keeps `result`'s error; `Err` (with all found) once the limit is reached.
    fn keep<T>(&mut self, result: Result<T, DeckError>) -> Result<Option<T>, Vec<DeckError>> {
        match result {
            Ok(value) => Ok(Some(value)),
            Err(e) => {
                self.found.push(e);
                if self.found.len() >= self.limit {
                    Err(std::mem::take(&mut self.found))
                } else {
                    Ok(None)
                }
            }
        }
    }
}

/// Checks every field; stops after `limit` problems.
fn check(raw: RawDeck, limit: usize) -> Result<Deck, Vec<DeckError>> {
    let mut p = Problems {
        found: Vec::new(),
        limit,
    };
    let format = raw.format.ok_or(DeckError::MissingField {
        place: Place::Deck,
        field: "format",
    });
    if let Some(format) = p.keep(format)? {
        if format != u64::from(DECK_FORMAT) {
            p.keep::<()>(Err(DeckError::UnsupportedFormat { found: format }))?;
        }
    }
    let id = p.keep(required_id(raw.id, &Place::Deck))?;
    let title = p.keep(required(raw.title, &Place::Deck, "title", MAX_TITLE_LEN))?;
    let (topics, topic_ids) = check_topics(raw.topics, &mut p)?;
    let raw_cards = p.keep(raw.cards.ok_or(DeckError::MissingField {
        place: Place::Deck,
        field: "cards",
    }))?;
    let mut cards = Vec::new();
    if let Some(raw_cards) = raw_cards {
        if raw_cards.is_empty() {
            p.keep::<()>(Err(DeckError::NoCards))?;
        }
        if raw_cards.len() > MAX_CARDS {
            p.keep::<()>(Err(DeckError::TooMany {
                what: "cards",
                count: raw_cards.len(),
                max: MAX_CARDS,
            }))?;
        }
        cards.reserve(raw_cards.len());
        let mut seen = BTreeMap::new();
        for (i, c) in raw_cards.into_iter().enumerate() {
            if let Some(card) = p.keep(validate_card(c, i + 1, &topic_ids, &mut seen))? {
                cards.push(card);
            }
        }
    }
    match (id, title) {
        (Some(id), Some(title)) if p.found.is_empty() => Ok(Deck {
            origin: None,
            format: DECK_FORMAT,
            id,
            title,
            topics,
            cards,
        }),
        _ => Err(p.found),
    }
}

fn check_topics(
    raw: Option<Vec<RawTopic>>,
    p: &mut Problems,
) -> Result<(Vec<Topic>, BTreeSet<String>), Vec<DeckError>> {
    let mut topics = Vec::new();
    let mut topic_ids = BTreeSet::new();
    let Some(raw_topics) = p.keep(raw.ok_or(DeckError::MissingField {
        place: Place::Deck,
        field: "topics",
    }))?
    else {
        return Ok((topics, topic_ids));
    };
    if raw_topics.len() > MAX_TOPICS {
        p.keep::<()>(Err(DeckError::TooMany {
            what: "topics",
            count: raw_topics.len(),
            max: MAX_TOPICS,
        }))?;
    }
    for (i, t) in raw_topics.into_iter().enumerate() {
        let place = Place::Topic(i + 1);
        let tid = p.keep(required_id(t.id, &place))?;
        let name = p.keep(required(t.name, &place, "name", MAX_TITLE_LEN))?;
        if let Some(tid) = tid {
            if !topic_ids.insert(tid.clone()) {
                p.keep::<()>(Err(DeckError::DuplicateTopic { id: tid }))?;
            } else if let Some(name) = name {
                topics.push(Topic { id: tid, name });
            }
        }
    }
    Ok((topics, topic_ids))
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
