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
}

/// A search's lowered terms and the cards it found.
type Search = (Vec<String>, Rc<Vec<usize>>);

/// How many searches [`SearchIndex`] remembers.
const REMEMBERED_SEARCHES: usize = 16;

/// Lower case, one character at a time, so a prefix of a word lowers to a prefix of the
/// lowered word (which whole-string lowering does not promise, e.g. for a final sigma).
fn lower(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

impl SearchIndex {
    pub fn new(deck: Rc<Deck>) -> Self {
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
        }
    }

    /// Builds the searchable text now, so the first search does not wait for it.
    pub fn warm(&self) {
        self.haystacks();
    }

    fn haystacks(&self) -> &[String] {
        self.haystacks.get_or_init(|| {
            self.deck
                .cards
                .iter()
                .map(|c| {
                    let mut s = lower(&c.question);
                    s.push('\n');
                    s.push_str(&lower(&plain_text(&c.answer)));
                    for tag in &c.tags {
                        s.push('\n');
                        s.push_str(&lower(tag));
                    }
                    s
                })
                .collect()
        })
    }

    /// The cards whose text contains every term, in deck order; `None` when there are no
    /// terms (every card matches).
    pub fn search(&self, text: &str) -> Option<Rc<Vec<usize>>> {
        let terms: Vec<String> = text.split_whitespace().map(lower).collect();
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
