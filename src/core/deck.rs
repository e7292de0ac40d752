//! The deck model and its validation: the one gate every deck passes, bundled or user-supplied.
//! Parsing never panics; every problem becomes a [`DeckError`] that names the card and field.

use serde::{Deserialize, Serialize};

pub use crate::core::validate::{parse_deck, problems, valid_id};

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
    /// Where the deck came from when this site cannot vouch for it (shown to the learner; its
    /// progress is kept apart): see [`Elsewhere`].
    #[serde(skip)]
    pub elsewhere: Option<Elsewhere>,
    /// The bundled bank's parts that have not arrived yet: (topic id, file). Their cards have
    /// no answer until then (see `core::bank`); every other deck has none.
    #[serde(skip)]
    pub parts: Vec<crate::core::bank::PartFile>,
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

    /// The deck as loaded from `elsewhere`: named as such, and with an id no deck of this site
    /// can have (`~` is not allowed in ids), so its progress is kept apart from a local deck of
    /// the same id, the bank's included.
    pub fn from_elsewhere(mut self, elsewhere: Elsewhere) -> Deck {
        self.id = format!("{}~{}", self.id, elsewhere.id_suffix());
        self.elsewhere = Some(elsewhere);
        self
    }

    /// The id the deck itself gives (without what [`Deck::from_elsewhere`] added).
    pub fn own_id(&self) -> &str {
        self.id.split('~').next().unwrap_or(&self.id)
    }
}

/// Where a deck came from when this site cannot vouch for it. Anyone who can send a link chooses
/// what a page's address carries (`?deck=`, `#deck=`), and an origin can be shared by many sites
/// (every project of a GitHub Pages account), so such a deck is shown as coming from there and
/// saved under an id of its own: it never writes into the progress of this site's decks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    /// Carried in the link itself (`#deck=`, see `core::share`).
    Link,
    /// At an address of this page's origin (`?deck=`): the path it resolves to.
    Address(String),
    /// On another origin the site lists: that origin.
    Origin(String),
}

impl Elsewhere {
    /// What follows `~` in the saved id (documented in docs/progress-format.md; learners'
    /// progress depends on it): `link`; the path with `/` as `_` (so it starts with `_`); the
    /// origin with `://` as `-`. The three never meet. Characters an id cannot have become `-`.
    pub fn id_suffix(&self) -> String {
        let clean = |text: &str, slash: char| -> String {
            text.chars()
                .map(|c| match c {
                    '/' => slash,
                    c if c.is_ascii_alphanumeric() || c == '.' || c == '-' => c,
                    _ => '-',
                })
                .collect()
        };
        match self {
            Self::Link => "link".into(),
            Self::Address(path) => {
                let path = path.strip_prefix('/').unwrap_or(path);
                format!("_{}", clean(path, '_'))
            }
            Self::Origin(origin) => clean(&origin.replace("://", "-"), '-'),
        }
    }
}

/// Where in the deck a problem is: the card's position (1-based, as a person counts) and its id
/// when it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardRef {
    pub number: usize,
    pub id: Option<String>,
}

/// Whose field is wrong: the deck itself, one of its topics, or one of its cards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Deck,
    Topic(usize),
    Card(CardRef),
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
