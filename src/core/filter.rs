//! Which cards a learner is looking at: facets (topic, difficulty, status), free-text search,
//! the count each option would leave, and the filter's form in a URL query.

use crate::core::deck::{Deck, Difficulty};
use std::collections::BTreeSet;
use std::marker::PhantomData;

pub use crate::core::search::SearchIndex;

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
    /// Taken out of practice and reviews by the learner until they take it back. Shown only
    /// when this status is chosen in the filter.
    Suspended,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::New,
        Status::Due,
        Status::Learning,
        Status::Mastered,
        Status::Suspended,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Due => "due",
            Self::Learning => "learning",
            Self::Mastered => "mastered",
            Self::Suspended => "suspended",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Due => "Due",
            Self::Learning => "Learning",
            Self::Mastered => "Mastered",
            Self::Suspended => "Suspended",
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

/// A value with a few possible cases, numbered from 0, for [`Flags`].
pub trait Flag: Copy + 'static {
    /// Every case, in order.
    const ALL: &'static [Self];
    fn position(self) -> usize;
}

impl Flag for Difficulty {
    const ALL: &'static [Self] = &Difficulty::ALL;
    fn position(self) -> usize {
        difficulty_index(self)
    }
}

impl Flag for Status {
    const ALL: &'static [Self] = &Status::ALL;
    fn position(self) -> usize {
        self.index()
    }
}

/// A set of a few cases (difficulties, statuses) as bits, iterated in the cases' order: the
/// same as a `BTreeSet` for the filter's use, at a fraction of its code in the wasm.
pub struct Flags<T> {
    bits: u32,
    of: PhantomData<T>,
}

impl<T: Flag> Flags<T> {
    /// Adds `item`; `true` when it was not in the set.
    pub fn insert(&mut self, item: T) -> bool {
        let had = self.contains(&item);
        self.bits |= 1 << item.position();
        !had
    }

    /// Takes `item` out; `true` when it was in the set.
    pub fn remove(&mut self, item: &T) -> bool {
        let had = self.contains(item);
        self.bits &= !(1 << item.position());
        had
    }

    pub fn contains(&self, item: &T) -> bool {
        self.bits & (1 << item.position()) != 0
    }

    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }

    pub fn len(&self) -> usize {
        self.bits.count_ones() as usize
    }

    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        T::ALL.iter().copied().filter(|item| self.contains(item))
    }
}

impl<T> Clone for Flags<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Flags<T> {}

impl<T> Default for Flags<T> {
    fn default() -> Self {
        Self {
            bits: 0,
            of: PhantomData,
        }
    }
}

impl<T> PartialEq for Flags<T> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}

impl<T> Eq for Flags<T> {}

impl<T: Flag + std::fmt::Debug> std::fmt::Debug for Flags<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<T: Flag> FromIterator<T> for Flags<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut set = Self::default();
        for item in items {
            set.insert(item);
        }
        set
    }
}

impl<T: Flag, const N: usize> From<[T; N]> for Flags<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

/// The learner's filter. An empty facet means "any".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub topics: BTreeSet<String>,
    pub difficulties: Flags<Difficulty>,
    pub statuses: Flags<Status>,
    pub text: String,
}

/// How many cards each option would leave, given the other facets as they are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Per topic id, in the deck's order.
    pub topics: Vec<(String, usize)>,
    pub difficulties: [usize; 3],
    pub statuses: [usize; 5],
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
        self.topics
            .iter()
            .find(|(t, _)| t == id)
            .map_or(0, |(_, n)| *n)
    }
}

/// The cards that pass the filter, in deck order, and the facet counts, in one pass over
/// the cards the text search leaves. `status_of(i)` gives card `i`'s status.
pub fn apply(
    deck: &Deck,
    index: &SearchIndex,
    filter: &Filter,
    status_of: impl Fn(usize) -> Status,
) -> (Vec<usize>, Counts) {
    let mut counts = Counts {
        topics: deck.topics.iter().map(|t| (t.id.clone(), 0)).collect(),
        ..Counts::default()
    };
    let facets = Facets::new(deck, filter);
    let found = index.search(&filter.text);
    let all = 0..deck.cards.len();
    let candidates: &mut dyn Iterator<Item = usize> = match &found {
        Some(hits) => &mut hits.iter().copied(),
        None => &mut all.into_iter(),
    };
    let mut matching = Vec::new();
    for i in candidates {
        let card = (index.topic_of[i], deck.cards[i].difficulty, status_of(i));
        if tally(&mut counts, &facets, card, true) {
            matching.push(i);
        }
    }
    (matching, counts)
}

/// The filter's facets as flags by position, so checking a card compares no strings.
struct Facets {
    topics: Vec<bool>,
    difficulties: [bool; 3],
    statuses: [bool; 5],
}

impl Facets {
    fn new(deck: &Deck, filter: &Filter) -> Self {
        let any = |chosen: bool, empty: bool| chosen || empty;
        Self {
            topics: deck
                .topics
                .iter()
                .map(|t| any(filter.topics.contains(&t.id), filter.topics.is_empty()))
                .collect(),
            difficulties: Difficulty::ALL.map(|d| {
                any(
                    filter.difficulties.contains(&d),
                    filter.difficulties.is_empty(),
                )
            }),
            // No status chosen means every status but Suspended: a suspended card is out of
            // practice until the learner asks for it.
            statuses: Status::ALL.map(|s| {
                any(
                    filter.statuses.contains(&s),
                    filter.statuses.is_empty() && s != Status::Suspended,
                )
            }),
        }
    }
}

/// Adds (or takes away) one card's part in the counts; true when it passes every facet.
/// A card is its topic's position, its difficulty and its status.
fn tally(
    counts: &mut Counts,
    facets: &Facets,
    (topic, difficulty, status): (usize, Difficulty, Status),
    add: bool,
) -> bool {
    let step = |n: &mut usize| *n = if add { *n + 1 } else { n.saturating_sub(1) };
    let by_topic = facets.topics.get(topic).copied().unwrap_or(false);
    let by_difficulty = facets.difficulties[difficulty_index(difficulty)];
    let by_status = facets.statuses[status.index()];
    // An option's count assumes that option chosen and every other facet as it is.
    if by_difficulty && by_status {
        if let Some((_, n)) = counts.topics.get_mut(topic) {
            step(n);
        }
    }
    if by_topic && by_status {
        step(&mut counts.difficulties[difficulty_index(difficulty)]);
    }
    if by_topic && by_difficulty {
        step(&mut counts.statuses[status.index()]);
    }
    let passes = by_topic && by_difficulty && by_status;
    if passes {
        step(&mut counts.total);
    }
    passes
}

/// Updates counts made by [`apply`] with this filter after card `i`'s status changed from
/// `from` to `to` (a grade), without going through the whole deck again.
pub fn restatus(
    counts: &mut Counts,
    deck: &Deck,
    index: &SearchIndex,
    filter: &Filter,
    i: usize,
    from: Status,
    to: Status,
) {
    let searched = index.search(&filter.text);
    if from == to || searched.is_some_and(|hits| hits.binary_search(&i).is_err()) {
        return;
    }
    let facets = Facets::new(deck, filter);
    let (topic, difficulty) = (index.topic_of[i], deck.cards[i].difficulty);
    tally(counts, &facets, (topic, difficulty, from), false);
    tally(counts, &facets, (topic, difficulty, to), true);
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
                "topic" => add_values(values(), "topic", &mut warnings, |v| {
                    let known = deck.topics.iter().any(|t| t.id == v);
                    known.then(|| filter.topics.insert(v.to_string()))
                }),
                "difficulty" => add_values(values(), "difficulty", &mut warnings, |v| {
                    Difficulty::parse(v).map(|d| filter.difficulties.insert(d))
                }),
                "status" => add_values(values(), "status", &mut warnings, |v| {
                    Status::parse(v).map(|s| filter.statuses.insert(s))
                }),
                "q" => {
                    filter.text = value.chars().take(MAX_QUERY_TEXT).collect();
                }
                _ => {}
            }
        }
        (filter, warnings)
    }
}

/// Offers every value to `add`; each one it refuses (`None`) becomes a warning.
fn add_values<'a>(
    values: impl Iterator<Item = &'a str>,
    what: &str,
    warnings: &mut Vec<String>,
    mut add: impl FnMut(&str) -> Option<bool>,
) {
    for v in values {
        if add(v).is_none() {
            warnings.push(format!("ignored unknown {what} \"{v}\""));
        }
    }
}
