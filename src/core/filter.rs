//! Which cards a learner is looking at: facets (topic, difficulty, status), free-text search,
//! the count each option would leave, and the filter's form in a URL query.

use crate::core::deck::{Deck, Difficulty};
use crate::core::markdown::plain_text;
use std::collections::{BTreeMap, BTreeSet};

/// Where a card stands for this learner. Exactly one applies to each card at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Never graded.
    New,
    /// Graded before and due for review now.
    Due,
    /// Graded, not due, not yet remembered for long.
    Learning,
    /// Graded, not due, and stable for three weeks or more.
    Mastered,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::New, Status::Due, Status::Learning, Status::Mastered];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Due => "due",
            Self::Learning => "learning",
            Self::Mastered => "mastered",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Due => "Due",
            Self::Learning => "Learning",
            Self::Mastered => "Mastered",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    fn index(self) -> usize {
        self as usize
    }
}

fn difficulty_index(d: Difficulty) -> usize {
    d as usize
}

/// The learner's filter. An empty facet means "any".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub topics: BTreeSet<String>,
    pub difficulties: BTreeSet<Difficulty>,
    pub statuses: BTreeSet<Status>,
    pub text: String,
}

/// Lower-cased question and answer text of every card, built once per deck so a keystroke
/// only scans strings.
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    pub fn new(deck: &Deck) -> Self {
        Self {
            haystacks: deck
                .cards
                .iter()
                .map(|c| {
                    let mut s = c.question.to_lowercase();
                    s.push('\n');
                    s.push_str(&plain_text(&c.answer).to_lowercase());
                    for tag in &c.tags {
                        s.push('\n');
                        s.push_str(&tag.to_lowercase());
                    }
                    s
                })
                .collect(),
        }
    }

    fn matches(&self, index: usize, terms: &[String]) -> bool {
        let hay = &self.haystacks[index];
        terms.iter().all(|t| hay.contains(t.as_str()))
    }
}

fn terms(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_lowercase).collect()
}

/// How many cards each option would leave, given the other facets as they are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub topics: BTreeMap<String, usize>,
    pub difficulties: [usize; 3],
    pub statuses: [usize; 4],
    /// Cards matching the whole filter.
    pub total: usize,
}

impl Counts {
    pub fn difficulty(&self, d: Difficulty) -> usize {
        self.difficulties[difficulty_index(d)]
    }
    pub fn status(&self, s: Status) -> usize {
        self.statuses[s.index()]
    }
    pub fn topic(&self, id: &str) -> usize {
        self.topics.get(id).copied().unwrap_or(0)
    }
}

/// The cards that pass the filter, in deck order, and the facet counts, in one pass.
/// `status_of(i)` gives card `i`'s status.
pub fn apply(
    deck: &Deck,
    index: &SearchIndex,
    filter: &Filter,
    status_of: impl Fn(usize) -> Status,
) -> (Vec<usize>, Counts) {
    let terms = terms(&filter.text);
    let mut counts = Counts::default();
    for t in &deck.topics {
        counts.topics.insert(t.id.clone(), 0);
    }
    let mut matching = Vec::new();
    for (i, card) in deck.cards.iter().enumerate() {
        let status = status_of(i);
        let by_topic = filter.topics.is_empty() || filter.topics.contains(&card.topic);
        let by_difficulty =
            filter.difficulties.is_empty() || filter.difficulties.contains(&card.difficulty);
        let by_status = filter.statuses.is_empty() || filter.statuses.contains(&status);
        let by_text = terms.is_empty() || index.matches(i, &terms);
        if !by_text {
            continue;
        }
        // An option's count assumes that option chosen and every other facet as it is.
        if by_difficulty && by_status {
            *counts.topics.entry(card.topic.clone()).or_default() += 1;
        }
        if by_topic && by_status {
            counts.difficulties[difficulty_index(card.difficulty)] += 1;
        }
        if by_topic && by_difficulty {
            counts.statuses[status.index()] += 1;
        }
        if by_topic && by_difficulty && by_status {
            matching.push(i);
        }
    }
    counts.total = matching.len();
    (matching, counts)
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
            && self.difficulties.is_empty()
            && self.statuses.is_empty()
            && self.text.trim().is_empty()
    }

    /// The filter as query parameters, in a fixed order so equal filters give equal URLs.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let join = |items: Vec<&str>| items.join(",");
        if !self.topics.is_empty() {
            out.push((
                "topic",
                join(self.topics.iter().map(String::as_str).collect()),
            ));
        }
        if !self.difficulties.is_empty() {
            out.push((
                "difficulty",
                join(self.difficulties.iter().map(|d| d.as_str()).collect()),
            ));
        }
        if !self.statuses.is_empty() {
            out.push((
                "status",
                join(self.statuses.iter().map(|s| s.as_str()).collect()),
            ));
        }
        if !self.text.trim().is_empty() {
            out.push(("q", self.text.trim().to_string()));
        }
        out
    }

    /// Reads a filter from already-decoded query pairs. Anything unknown or malformed is
    /// skipped and described in the returned warnings; it never fails.
    pub fn from_query(pairs: &[(String, String)], deck: &Deck) -> (Filter, Vec<String>) {
        const MAX_QUERY_TEXT: usize = 200;
        let mut filter = Filter::default();
        let mut warnings = Vec::new();
        for (key, value) in pairs {
            let values = || value.split(',').map(str::trim).filter(|v| !v.is_empty());
            match key.as_str() {
                "topic" => add_values(&mut filter.topics, values(), "topic", &mut warnings, |v| {
                    deck.topics.iter().any(|t| t.id == v).then(|| v.to_string())
                }),
                "difficulty" => add_values(
                    &mut filter.difficulties,
                    values(),
                    "difficulty",
                    &mut warnings,
                    Difficulty::parse,
                ),
                "status" => add_values(
                    &mut filter.statuses,
                    values(),
                    "status",
                    &mut warnings,
                    Status::parse,
                ),
                "q" => {
                    filter.text = value.chars().take(MAX_QUERY_TEXT).collect();
                }
                _ => {}
            }
        }
        (filter, warnings)
    }
}

/// Adds every value `parse` accepts to `set`; each one it refuses becomes a warning.
fn add_values<'a, T: Ord>(
    set: &mut BTreeSet<T>,
    values: impl Iterator<Item = &'a str>,
    what: &str,
    warnings: &mut Vec<String>,
    parse: impl Fn(&str) -> Option<T>,
) {
    for v in values {
        match parse(v) {
            Some(item) => {
                set.insert(item);
            }
            None => warnings.push(format!("ignored unknown {what} {v:?}")),
        }
    }
}
