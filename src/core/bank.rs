//! The bundled bank in parts: an index with what the practice view needs of every card before
//! it is turned (id, topic, difficulty, question, tags) and the names of its parts, and one part
//! per topic with those cards' answers and key points (`scripts/post-build.mjs` writes them
//! from `data/deck.json`; the format is in `data/README.md`). The index becomes a [`Deck`]
//! whose cards have no answer yet; each part fills its cards in.

use crate::core::deck::{
    valid_id, Card, CardRef, Deck, DeckError, Difficulty, Place, Topic, DECK_FORMAT,
    MAX_ANSWER_LEN, MAX_CARDS, MAX_KEY_POINTS, MAX_KEY_POINT_LEN, MAX_QUESTION_LEN, MAX_TOPICS,
    MIN_KEY_POINTS,
};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

/// A part of the bank: its topic id and its file's name.
pub type PartFile = (String, String);

/// One card's answer and key points, from a part.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PartCard {
    pub id: String,
    pub answer: String,
    #[serde(default)]
    pub key_points: Vec<String>,
}

/// A part: its topic and its cards' answers.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Part {
    pub topic: String,
    pub cards: Vec<PartCard>,
}

#[derive(Deserialize)]
struct IndexCard {
    id: String,
    topic: String,
    difficulty: Difficulty,
    question: String,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Deserialize)]
struct IndexFile {
    format: u64,
    id: String,
    title: String,
    topics: Vec<Topic>,
    cards: Vec<IndexCard>,
    parts: BTreeMap<String, String>,
}

fn malformed(e: serde_json::Error) -> DeckError {
    DeckError::Malformed {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    }
}

fn card_ref(number: usize, id: &str) -> CardRef {
    CardRef {
        number,
        id: Some(id.to_string()),
    }
}

/// A part's file name as the build writes it: `bank-<topic>-<hash>.json`, nothing that leaves
/// the build's folder.
fn part_file_ok(file: &str) -> bool {
    file.ends_with(".json")
        && !file.starts_with('.')
        && file
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Reads the bank's index into a deck whose cards have no answer yet and which lists its parts
/// to come (`Deck::parts`, in topic order). Checked as a deck is (ids, topics, lengths, no
/// duplicates), and every topic with cards must name its part.
pub fn parse_index(text: &str) -> Result<Deck, DeckError> {
    let file: IndexFile = serde_json::from_str(text).map_err(malformed)?;
    if file.format != u64::from(DECK_FORMAT) {
        return Err(DeckError::UnsupportedFormat { found: file.format });
    }
    if !valid_id(&file.id) {
        return Err(DeckError::InvalidId {
            place: Place::Deck,
            id: file.id,
        });
    }
    if file.cards.is_empty() {
        return Err(DeckError::NoCards);
    }
    for (what, count, max) in [
        ("cards", file.cards.len(), MAX_CARDS),
        ("topics", file.topics.len(), MAX_TOPICS),
    ] {
        if count > max {
            return Err(DeckError::TooMany { what, count, max });
        }
    }
    let mut topics = HashSet::new();
    for topic in &file.topics {
        if !topics.insert(topic.id.as_str()) {
            return Err(DeckError::DuplicateTopic {
                id: topic.id.clone(),
            });
        }
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, card) in file.cards.iter().enumerate() {
        let number = i + 1;
        if !valid_id(&card.id) {
            return Err(DeckError::InvalidId {
                place: Place::Card(CardRef { number, id: None }),
                id: card.id.clone(),
            });
        }
        if let Some(first) = seen.insert(&card.id, number) {
            return Err(DeckError::DuplicateId {
                id: card.id.clone(),
                first,
                second: number,
            });
        }
        if !topics.contains(card.topic.as_str()) {
            return Err(DeckError::UnknownTopic {
                card: card_ref(number, &card.id),
                topic: card.topic.clone(),
            });
        }
        let place = || Place::Card(card_ref(number, &card.id));
        if card.question.trim().is_empty() {
            return Err(DeckError::EmptyField {
                place: place(),
                field: "question",
            });
        }
        if card.question.chars().count() > MAX_QUESTION_LEN {
            return Err(DeckError::TooLong {
                place: place(),
                field: "question",
                len: card.question.chars().count(),
                max: MAX_QUESTION_LEN,
            });
        }
    }
    let mut parts = Vec::new();
    for topic in &file.topics {
        let used = file.cards.iter().any(|c| c.topic == topic.id);
        match file.parts.get(&topic.id) {
            Some(name) if part_file_ok(name) => parts.push((topic.id.clone(), name.clone())),
            _ if !used => {}
            _ => {
                return Err(DeckError::MissingField {
                    place: Place::Deck,
                    field: "parts",
                })
            }
        }
    }
    let cards = file
        .cards
        .into_iter()
        .map(|c| Card {
            id: c.id,
            topic: c.topic,
            difficulty: c.difficulty,
            question: c.question,
            answer: String::new(),
            tags: c.tags,
            sources: Vec::new(),
            key_points: Vec::new(),
            seed_difficulty: None,
            difficulty_reason: None,
        })
        .collect();
    Ok(Deck {
        format: DECK_FORMAT,
        id: file.id,
        title: file.title,
        topics: file.topics,
        cards,
        elsewhere: None,
        parts,
    })
}

/// Reads a part of the bank and checks it against the deck its index made: every card is one
/// of the part's topic, with an answer and 3–6 key points (or none) of the deck's lengths.
pub fn parse_part(text: &str, deck: &Deck) -> Result<Part, DeckError> {
    let part: Part = serde_json::from_str(text).map_err(malformed)?;
    for card in &part.cards {
        let Some(number) = deck.cards.iter().position(|c| c.id == card.id) else {
            return Err(DeckError::UnknownTopic {
                card: CardRef {
                    number: 0,
                    id: Some(card.id.clone()),
                },
                topic: part.topic.clone(),
            });
        };
        let at = card_ref(number + 1, &card.id);
        if deck.cards[number].topic != part.topic {
            return Err(DeckError::UnknownTopic {
                card: at,
                topic: part.topic.clone(),
            });
        }
        if card.answer.trim().is_empty() {
            return Err(DeckError::EmptyField {
                place: Place::Card(at),
                field: "answer",
            });
        }
        let len = card.answer.chars().count();
        if len > MAX_ANSWER_LEN {
            return Err(DeckError::TooLong {
                place: Place::Card(at),
                field: "answer",
                len,
                max: MAX_ANSWER_LEN,
            });
        }
        let points = card.key_points.len();
        if points != 0 && !(MIN_KEY_POINTS..=MAX_KEY_POINTS).contains(&points)
            || card
                .key_points
                .iter()
                .any(|p| p.trim().is_empty() || p.chars().count() > MAX_KEY_POINT_LEN)
        {
            return Err(DeckError::KeyPointCount {
                card: at,
                count: points,
            });
        }
    }
    Ok(part)
}

/// Whether a card's answer is here (a bank card's arrives with its part; every other deck's
/// cards always have theirs: a deck is never valid with an empty answer).
pub fn answered(card: &Card) -> bool {
    !card.answer.is_empty()
}

/// Fills the part's cards in, and takes the part off the deck's list of those to come; returns
/// how many cards it filled.
pub fn fill(deck: &mut Deck, part: &Part) -> usize {
    deck.parts.retain(|(topic, _)| *topic != part.topic);
    let mut filled = 0;
    for given in &part.cards {
        if let Some(card) = deck.cards.iter_mut().find(|c| c.id == given.id) {
            card.answer.clone_from(&given.answer);
            card.key_points.clone_from(&given.key_points);
            filled += 1;
        }
    }
    filled
}

/// Whether `deck` is the bank itself, by its content: the same id, title and topics, and every
/// card the same (id, topic, difficulty, question, answer, tags, key points), in the same order.
/// What the build leaves out of the bank (each card's sources, the record of a changed
/// difficulty) is left out here too, so the full `deck.json` an author downloads is the bank.
/// `bank` must have all its parts filled in.
pub fn is_bank(deck: &Deck, bank: &Deck) -> bool {
    let same_card = |a: &Card, b: &Card| {
        (&a.id, &a.topic, a.difficulty, &a.question, &a.answer)
            == (&b.id, &b.topic, b.difficulty, &b.question, &b.answer)
            && a.tags == b.tags
            && a.key_points == b.key_points
    };
    bank.parts.is_empty()
        && (&deck.id, &deck.title, &deck.topics) == (&bank.id, &bank.title, &bank.topics)
        && deck.cards.len() == bank.cards.len()
        && deck
            .cards
            .iter()
            .zip(&bank.cards)
            .all(|(a, b)| same_card(a, b))
}
