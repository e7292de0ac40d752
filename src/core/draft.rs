//! The deck an author is writing on the authoring page (`editor.html`): kept as the author typed
//! it, even while it is not yet a valid deck, and turned into deck JSON that the one validator
//! ([`crate::core::validate::problems`]) checks. Each problem is placed beside the field it
//! concerns ([`Field`]).

use crate::core::deck::*;
use crate::core::store::{Store, StoreError};
use crate::core::validate::problems;
use serde::{Deserialize, Serialize};

/// The version of the stored draft (`{"editor": 1, "draft": …}`).
pub const DRAFT_FORMAT: u64 = 1;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub id: String,
    pub title: String,
    pub topics: Vec<DraftTopic>,
    pub cards: Vec<DraftCard>,
    /// The number in the next new card's id (`card-<n>`), so an id is never given twice, even
    /// after a card is removed (progress is kept by card id).
    pub next_card: u32,
    /// The next topic's key.
    pub next_topic: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftTopic {
    /// Never changes: cards name their topic by it, so renaming a topic, or two topics passing
    /// through the same id while being typed, never moves a card.
    pub key: u32,
    pub id: String,
    pub name: String,
    /// The id follows the name until the author types an id of their own.
    #[serde(default)]
    pub id_auto: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftCard {
    pub id: String,
    /// Its topic's key (one no topic has once that topic is removed).
    pub topic: u32,
    pub difficulty: Difficulty,
    pub question: String,
    /// Markdown subset, as the widget renders it.
    pub answer: String,
    /// One key point per line; blank lines are not points.
    pub key_points: String,
    // Carried unchanged from an imported deck.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed_difficulty: Option<Difficulty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty_reason: Option<String>,
}

/// Which field a problem concerns, by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Deck(&'static str),
    Topic(usize, &'static str),
    Card(usize, &'static str),
    /// Not one field (only for a deck this page did not write).
    Whole,
}

/// A topic id from its name: lower-case ASCII letters and digits, other runs become one `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_string();
    out.truncate(MAX_ID_LEN);
    out.trim_end_matches('-').to_string()
}

/// The id a topic gets from its name: its slug, or `topic-<key>` for a name with no ASCII letter
/// or digit (so it is never empty).
fn auto_id(name: &str, key: u32) -> String {
    let id = slug(name);
    if id.is_empty() {
        format!("topic-{key}")
    } else {
        id
    }
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

#[derive(Serialize)]
struct OutDeck<'a> {
    format: u32,
    id: &'a str,
    title: &'a str,
    topics: Vec<Topic>,
    cards: Vec<Card>,
}

impl Draft {
    /// A new deck: one topic, no cards yet.
    pub fn new(id: String) -> Self {
        Draft {
            id,
            title: String::new(),
            topics: vec![DraftTopic {
                key: 1,
                id: "general".into(),
                name: "General".into(),
                id_auto: true,
            }],
            cards: Vec::new(),
            next_card: 1,
            next_topic: 2,
        }
    }

    /// An existing deck, to edit (an imported file).
    pub fn from_deck(deck: &Deck) -> Self {
        // Keys 1, 2, … by position; a card of a topic the deck does not list gets key 0.
        let key_of = |id: &str| {
            deck.topics
                .iter()
                .position(|t| t.id == id)
                .map_or(0, |i| i as u32 + 1)
        };
        Draft {
            id: deck.id.clone(),
            title: deck.title.clone(),
            topics: deck
                .topics
                .iter()
                .enumerate()
                .map(|(i, t)| DraftTopic {
                    key: i as u32 + 1,
                    id: t.id.clone(),
                    name: t.name.clone(),
                    id_auto: false,
                })
                .collect(),
            cards: deck
                .cards
                .iter()
                .map(|c| DraftCard {
                    id: c.id.clone(),
                    topic: key_of(&c.topic),
                    difficulty: c.difficulty,
                    question: c.question.clone(),
                    answer: c.answer.clone(),
                    key_points: c.key_points.join("\n"),
                    tags: c.tags.clone(),
                    sources: c.sources.clone(),
                    seed_difficulty: c.seed_difficulty,
                    difficulty_reason: c.difficulty_reason.clone(),
                })
                .collect(),
            next_card: deck.cards.len() as u32 + 1,
            next_topic: deck.topics.len() as u32 + 1,
        }
    }

    /// The id of the topic with `key` ("" when there is none: a problem beside the card).
    pub fn topic_id(&self, key: u32) -> &str {
        self.topics
            .iter()
            .find(|t| t.key == key)
            .map_or("", |t| t.id.as_str())
    }

    /// The deck file: this project's JSON format, as the widget reads it.
    pub fn to_json(&self) -> String {
        let out = OutDeck {
            format: DECK_FORMAT,
            id: &self.id,
            title: &self.title,
            topics: self
                .topics
                .iter()
                .map(|t| Topic {
                    id: t.id.clone(),
                    name: t.name.clone(),
                })
                .collect(),
            cards: self
                .cards
                .iter()
                .map(|c| Card {
                    id: c.id.clone(),
                    topic: self.topic_id(c.topic).to_string(),
                    difficulty: c.difficulty,
                    question: c.question.clone(),
                    answer: c.answer.clone(),
                    tags: c.tags.clone(),
                    sources: c.sources.clone(),
                    key_points: lines(&c.key_points),
                    seed_difficulty: c.seed_difficulty,
                    difficulty_reason: c.difficulty_reason.clone(),
                })
                .collect(),
        };
        serde_json::to_string_pretty(&out).unwrap_or_default()
    }

    /// Every problem the validator finds in the deck file, with the field it concerns.
    pub fn problems(&self) -> Vec<(Field, DeckError)> {
        let found = problems(&self.to_json());
        let fields: Vec<Field> = (0..found.len())
            .map(|i| self.field_of(&found[i], &found[..i]))
            .collect();
        fields.into_iter().zip(found).collect()
    }

    /// The field a problem of this draft's deck file concerns; `before` are the problems
    /// reported ahead of it (a topic id listed three times is reported twice: the n-th report
    /// names its (n + 1)-th topic).
    fn field_of(&self, e: &DeckError, before: &[DeckError]) -> Field {
        let field = |place: &Place, name: &'static str| match place {
            Place::Deck => Field::Deck(name),
            Place::Topic(n) => Field::Topic(n - 1, name),
            Place::Card(c) => Field::Card(c.number - 1, name),
        };
        match e {
            DeckError::MissingField { place, field: f }
            | DeckError::EmptyField { place, field: f }
            | DeckError::TooLong {
                place, field: f, ..
            } => field(place, f),
            DeckError::InvalidId { place, .. } => field(place, "id"),
            DeckError::UnknownTopic { card, .. } => Field::Card(card.number - 1, "topic"),
            DeckError::BadDifficulty { card, .. }
            | DeckError::DifficultyChangeUnexplained { card } => {
                Field::Card(card.number - 1, "difficulty")
            }
            DeckError::KeyPointCount { card, .. } => Field::Card(card.number - 1, "key_points"),
            DeckError::DuplicateId { second, .. } => Field::Card(second - 1, "id"),
            DeckError::DuplicateTopic { id } => self
                .topics
                .iter()
                .enumerate()
                .filter(|(_, t)| &t.id == id)
                .nth(1 + before.iter().filter(|b| *b == e).count())
                .map_or(Field::Deck("topics"), |(i, _)| Field::Topic(i, "id")),
            DeckError::NoCards => Field::Deck("cards"),
            DeckError::TooMany { what, .. } => match *what {
                "cards" => Field::Deck("cards"),
                "topics" => Field::Deck("topics"),
                _ => Field::Whole,
            },
            DeckError::Malformed { .. } | DeckError::UnsupportedFormat { .. } => Field::Whole,
        }
    }

    /// Renames topic `i`; its id follows while it is automatic. Its cards stay with it.
    pub fn set_topic_name(&mut self, i: usize, name: String) {
        if let Some(topic) = self.topics.get_mut(i) {
            if topic.id_auto {
                topic.id = auto_id(&name, topic.key);
            }
            topic.name = name;
        }
    }

    /// Gives topic `i` an id of the author's own.
    pub fn set_topic_id(&mut self, i: usize, id: String) {
        if let Some(topic) = self.topics.get_mut(i) {
            topic.id_auto = false;
            topic.id = id;
        }
    }

    /// Adds an unnamed topic and returns its position.
    pub fn add_topic(&mut self) -> usize {
        let key = self.next_key();
        self.topics.push(DraftTopic {
            key,
            id: auto_id("", key),
            name: String::new(),
            id_auto: true,
        });
        self.topics.len() - 1
    }

    fn next_key(&mut self) -> u32 {
        let mut key = self.next_topic.max(1);
        while self.topics.iter().any(|t| t.key == key) {
            key = key.saturating_add(1);
        }
        self.next_topic = key.saturating_add(1);
        key
    }

    /// Removes topic `i` and returns it (to put back); its cards keep its key and are flagged
    /// until given another topic, or until it is put back.
    pub fn remove_topic(&mut self, i: usize) -> Option<DraftTopic> {
        (i < self.topics.len()).then(|| self.topics.remove(i))
    }

    /// Puts a removed topic back at position `i` (or last).
    pub fn restore_topic(&mut self, i: usize, topic: DraftTopic) {
        self.topics.insert(i.min(self.topics.len()), topic);
    }

    /// Adds an empty card (in the last card's topic, else the first topic) and returns its
    /// position.
    pub fn add_card(&mut self) -> usize {
        let topic = self
            .cards
            .last()
            .map(|c| c.topic)
            .filter(|k| self.topics.iter().any(|t| t.key == *k))
            .or_else(|| self.topics.first().map(|t| t.key))
            .unwrap_or(0);
        // An imported deck may already use `card-<n>` ids: skip those.
        let mut n = self.next_card.max(1);
        while self.cards.iter().any(|c| c.id == format!("card-{n}")) {
            n = n.saturating_add(1);
        }
        self.next_card = n.saturating_add(1);
        self.cards.push(DraftCard {
            id: format!("card-{n}"),
            topic,
            difficulty: Difficulty::Medium,
            question: String::new(),
            answer: String::new(),
            key_points: String::new(),
            tags: Vec::new(),
            sources: Vec::new(),
            seed_difficulty: None,
            difficulty_reason: None,
        });
        self.cards.len() - 1
    }

    /// Removes card `i` and returns it (to put back).
    pub fn remove_card(&mut self, i: usize) -> Option<DraftCard> {
        (i < self.cards.len()).then(|| self.cards.remove(i))
    }

    /// Puts a removed card back at position `i` (or last).
    pub fn restore_card(&mut self, i: usize, card: DraftCard) {
        self.cards.insert(i.min(self.cards.len()), card);
    }

    /// Moves card `i` one place up (or down); false at the edge.
    pub fn move_card(&mut self, i: usize, up: bool) -> bool {
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        match j {
            Some(j) if j < self.cards.len() && i < self.cards.len() => {
                self.cards.swap(i, j);
                true
            }
            _ => false,
        }
    }

    /// The value kept in storage.
    pub fn to_stored(&self) -> String {
        #[derive(Serialize)]
        struct Stored<'a> {
            editor: u64,
            draft: &'a Draft,
        }
        serde_json::to_string(&Stored {
            editor: DRAFT_FORMAT,
            draft: self,
        })
        .unwrap_or_default()
    }
}

/// Why a stored draft could not be read (it is then kept aside, never overwritten).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredDraftError {
    Unreadable(String),
    /// Written by a newer version of the page.
    Newer(u64),
}

/// Reads a stored draft.
pub fn read_stored(text: &str) -> Result<Draft, StoredDraftError> {
    #[derive(Deserialize)]
    struct Version {
        editor: u64,
    }
    #[derive(Deserialize)]
    struct Stored {
        draft: Draft,
    }
    let unreadable = |e: serde_json::Error| StoredDraftError::Unreadable(e.to_string());
    let version: Version = serde_json::from_str(text).map_err(unreadable)?;
    if version.editor > DRAFT_FORMAT {
        return Err(StoredDraftError::Newer(version.editor));
    }
    serde_json::from_str::<Stored>(text)
        .map(|s| s.draft)
        .map_err(unreadable)
}

/// Drafts copied aside (one that could not be read, another tab's version the author chose
/// not to load) are kept at most this many: setting one more aside removes the oldest first,
/// so they never fill the storage learners' progress shares.
pub const MAX_SET_ASIDE: usize = 3;

/// Why a draft was copied aside: the middle of its key, `<draft key>:<why>:<epoch ms>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aside {
    /// The stored draft could not be read (or a newer page wrote it).
    Unreadable,
    /// Another tab's version, set aside when the author kept this tab's.
    OtherTab,
}

impl Aside {
    fn word(self) -> &'static str {
        match self {
            Aside::Unreadable => "unreadable",
            Aside::OtherTab => "other-tab",
        }
    }
}

/// A draft copied aside.
#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    pub key: String,
    pub why: Aside,
    /// When (epoch ms).
    pub at: f64,
    pub bytes: usize,
}

/// The drafts set aside from `draft_key`, oldest first.
pub fn set_aside_drafts(store: &dyn Store, draft_key: &str) -> Vec<SetAside> {
    let mut found: Vec<SetAside> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|key| {
            let rest = key.strip_prefix(draft_key)?.strip_prefix(':')?;
            let (why, at) = rest.split_once(':')?;
            let why = [Aside::Unreadable, Aside::OtherTab]
                .into_iter()
                .find(|w| w.word() == why)?;
            let at = at.parse::<u64>().ok()? as f64;
            let bytes = store.get(&key).ok().flatten().map_or(0, |v| v.len());
            Some(SetAside {
                key,
                why,
                at,
                bytes,
            })
        })
        .collect();
    crate::core::order::sort_by_key(&mut found, |s| (s.at, 0));
    found
}

/// What setting a draft aside did: its key, and the oldest ones removed to make room.
#[derive(Clone, Debug, PartialEq)]
pub struct SetAsideDone {
    pub key: String,
    pub removed: Vec<SetAside>,
}

/// Copies `text` aside from `draft_key` (as `<draft key>:<why>:<now>`), keeping at most
/// [`MAX_SET_ASIDE`]: the oldest go first, and more of them while storage is too full for the
/// copy. The same text already set aside is kept once.
pub fn set_aside(
    store: &dyn Store,
    draft_key: &str,
    why: Aside,
    text: &str,
    now_ms: f64,
) -> Result<SetAsideDone, StoreError> {
    let mut old = set_aside_drafts(store, draft_key);
    if let Some(same) = old
        .iter()
        .find(|s| store.get(&s.key).ok().flatten().as_deref() == Some(text))
    {
        return Ok(SetAsideDone {
            key: same.key.clone(),
            removed: Vec::new(),
        });
    }
    let key = format!("{draft_key}:{}:{}", why.word(), now_ms as u64);
    let mut removed = Vec::new();
    while old.len() >= MAX_SET_ASIDE {
        let oldest = old.remove(0);
        store.remove(&oldest.key)?;
        removed.push(oldest);
    }
    loop {
        match store.set(&key, text) {
            Ok(()) => return Ok(SetAsideDone { key, removed }),
            Err(StoreError::QuotaExceeded) if !old.is_empty() => {
                let oldest = old.remove(0);
                store.remove(&oldest.key)?;
                removed.push(oldest);
            }
            Err(e) => return Err(e),
        }
    }
}
