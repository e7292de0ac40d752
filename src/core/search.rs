//! Search over a deck's questions and answers, fast enough for every keystroke at 10,000
//! cards.

use crate::core::deck::Deck;
use crate::core::markdown::plain_text;
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

/// Lower-cased question and answer text of every card, built once per deck so a keystroke
/// only scans strings, and the last few searches' results, so typing one more letter (or
/// deleting one) scans only what the previous search found. The text is built on the first
/// search (or [`SearchIndex::warm`]), not before the first card is shown.
pub struct SearchIndex {
    deck: Rc<Deck>,
    haystacks: OnceCell<Vec<String>>,
    /// Each card's topic as a position in the deck's topic list.
    pub(crate) topic_of: Vec<usize>,
    recent: RefCell<Vec<Search>>,
    lowercase: Lowercase,
}

/// Lower-cases a whole text by Unicode's rules. Passed in, so the app can use the browser's
/// own tables (Rust's would add about 7 KB gzip of case tables to the wasm); host code and
/// tests pass `str::to_lowercase`.
pub type Lowercase = fn(&str) -> String;

/// A search's lowered terms and the cards it found.
type Search = (Vec<String>, Rc<Vec<usize>>);

/// How many searches [`SearchIndex`] remembers.
const REMEMBERED_SEARCHES: usize = 16;

/// Lower case, with every sigma as `σ`: whole-text lowering writes a final sigma (`ς`) at
/// the end of a word, and a search term that ends inside a word must still be found in it.
/// Key points are compared the same way.
pub(crate) fn fold(lowercase: Lowercase, text: &str) -> String {
    let lowered = lowercase(text);
    if lowered.contains('ς') {
        lowered.replace('ς', "σ")
    } else {
        lowered
    }
}

impl SearchIndex {
    pub fn new(deck: Rc<Deck>, lowercase: Lowercase) -> Self {
        let topic_of = deck
            .cards
            .iter()
            .map(|c| {
                let position = deck.topics.iter().position(|t| t.id == c.topic);
                // A deck never has cards of unknown topics (parse_deck refuses them).
                position.unwrap_or(usize::MAX)
            })
            .collect();
        Self {
            deck,
            haystacks: OnceCell::new(),
            topic_of,
            recent: RefCell::default(),
            lowercase,
        }
    }

    /// The lowering this index was made with, for other text compared the same way.
    pub fn lowercase(&self) -> Lowercase {
        self.lowercase
    }

    /// Card `i`'s topic as a position in the deck's topic list.
    pub fn topic_of(&self, i: usize) -> usize {
        self.topic_of[i]
    }

    /// Builds the searchable text now, so the first search does not wait for it.
    pub fn warm(&self) {
        self.haystacks();
    }

    fn haystacks(&self) -> &[String] {
        self.haystacks.get_or_init(|| {
            // One text for the whole deck, cards apart by NUL, lowered in one call: the
            // browser's lowering is a call out of the wasm, and 10,000 of them would cost more
            // than the lowering. A NUL inside a card becomes a space, so the pieces line up.
            let mut all = String::new();
            for c in &self.deck.cards {
                let texts = [c.question.as_str(), &plain_text(&c.answer)];
                for (i, text) in texts
                    .into_iter()
                    .chain(c.tags.iter().map(String::as_str))
                    .enumerate()
                {
                    if i > 0 {
                        all.push('\n');
                    }
                    all.extend(text.chars().map(|ch| if ch == '\0' { ' ' } else { ch }));
                }
                all.push('\0');
            }
            let all = fold(self.lowercase, &all);
            all.split_terminator('\0').map(str::to_string).collect()
        })
    }

    /// The cards whose text contains every term, in deck order; `None` when there are no
    /// terms (every card matches).
    pub fn search(&self, text: &str) -> Option<Rc<Vec<usize>>> {
        let terms: Vec<String> = text
            .split_whitespace()
            .map(|t| fold(self.lowercase, t))
            .collect();
        if terms.is_empty() {
            return None;
        }
        let mut recent = self.recent.borrow_mut();
        if let Some(at) = recent.iter().position(|(t, _)| *t == terms) {
            let hit = recent.remove(at);
            let found = hit.1.clone();
            recent.push(hit);
            return Some(found);
        }
        // A remembered search whose every term lies inside one of the new terms found a
        // superset of what the new one will: scan only that (the smallest such).
        let narrower = |old: &[String]| {
            old.iter()
                .all(|o| terms.iter().any(|t| t.contains(o.as_str())))
        };
        let haystacks = self.haystacks();
        let matches = |i: &usize| terms.iter().all(|t| haystacks[*i].contains(t.as_str()));
        let found: Vec<usize> = match recent
            .iter()
            .filter(|(old, _)| narrower(old))
            .min_by_key(|(_, hits)| hits.len())
        {
            Some((_, hits)) => hits.iter().copied().filter(matches).collect(),
            None => (0..haystacks.len()).filter(matches).collect(),
        };
        let found = Rc::new(found);
        if recent.len() == REMEMBERED_SEARCHES {
            recent.remove(0);
        }
        recent.push((terms, found.clone()));
        Some(found)
    }
}
