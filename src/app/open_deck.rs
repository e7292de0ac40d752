//! Putting a deck on screen: the first one, and any opened later, at any moment.

use crate::app::state::{DeckLoad, Mode, Preset, State};
use crate::core::deck::Deck;
use crate::core::progress::{covers, merge_into};
use crate::core::store::Opened;
use std::rc::Rc;

impl State {
    /// Puts a deck on screen with its progress. The same deck id keeps the progress in
    /// memory (merged with what storage holds); another id brings its own. The queue stays
    /// on the card shown when the new deck still has it; a running mock interview ends (its
    /// questions belong to the old deck).
    pub(crate) fn apply_deck(
        &mut self,
        deck: Rc<Deck>,
        opened: Rc<Opened>,
        preset: Option<Preset>,
        now_ms: f64,
    ) {
        self.now_ms = now_ms;
        let first = self.deck_load == DeckLoad::Loading;
        let current = self.current_card().map(|c| c.id.clone());
        let same_progress = !first && deck.id == self.deck.id;
        let preset = preset.or_else(|| {
            first.then(|| {
                let (preset, warnings) = crate::app::preset::read(&self.pairs, &deck);
                self.warnings = warnings;
                preset
            })
        });
        if let Some(preset) = preset {
            self.filter = preset.filter;
            self.mode = preset.mode.unwrap_or(Mode::Session);
            self.view = preset.view.unwrap_or(self.view);
            self.theme = preset.theme.unwrap_or(self.theme);
        } else {
            // Topics the new deck does not have would leave nothing to practise.
            self.filter
                .topics
                .retain(|t| deck.topics.iter().any(|d| d.id == *t));
        }
        let mut progress = opened.progress.clone();
        progress.settle_resets(now_ms);
        if same_progress {
            if !covers(&self.progress, &progress) {
                merge_into(Rc::make_mut(&mut self.progress), &progress);
                self.touch_all();
            }
        } else {
            self.progress = Rc::new(progress);
            self.writable = opened.writable;
            self.notice = opened.notice.clone();
            self.backups.clone_from(&opened.backups);
        }
        self.deck_load = DeckLoad::Ready;
        self.parts_failed = Rc::default();
        self.index = crate::app::state::search_index(&deck);
        self.deck = deck;
        self.mock = None;
        self.only = None;
        // Undo steps point into the old deck.
        self.undo.clear();
        self.undone = None;
        self.import = None;
        self.session = crate::core::session::Session::new(Vec::new(), 0);
        self.reread();
        let keep = current.and_then(|id| self.deck.cards.iter().position(|c| c.id == id));
        self.rebuild(keep);
        if first {
            self.start_at_first_unseen();
        } else {
            self.see_current();
        }
    }

    /// Browsing resumes at the first card not yet seen (the first of the queue when all were)
    /// and shows it; a study session has its own order.
    pub(crate) fn start_at_first_unseen(&mut self) {
        if self.mode == Mode::Session {
            self.see_current();
            return;
        }
        let start = (0..self.session.len())
            .find(|&p| {
                let card = self.session.card_at(p);
                card.is_some_and(|i| !self.progress.is_seen(&self.deck.cards[i].id))
            })
            .unwrap_or(0);
        self.session.go_to(start);
        self.see_current();
    }

    /// A part of the bundled bank: its answers filled in (the search now finds them, so the
    /// queue is rebuilt when a search is on), or why it could not be had.
    pub(crate) fn bank_part(&mut self, topic: &str, text: Result<Rc<str>, String>) {
        if !self.deck.parts.iter().any(|(t, _)| t == topic) {
            return;
        }
        let part = text.and_then(|text| {
            crate::core::bank::parse_part(&text, &self.deck).map_err(|e| e.to_string())
        });
        match part {
            Ok(part) => {
                crate::core::bank::fill(Rc::make_mut(&mut self.deck), &part);
                self.index = crate::app::state::search_index(&self.deck);
                if !self.filter.text.trim().is_empty() {
                    let keep = self.current_card().and_then(|c| {
                        let id = c.id.clone();
                        self.deck.cards.iter().position(|d| d.id == id)
                    });
                    self.rebuild(keep);
                }
            }
            Err(reason) => {
                let failed = Rc::make_mut(&mut self.parts_failed);
                failed.retain(|(t, _)| t != topic);
                failed.push((topic.to_string(), reason));
            }
        }
    }
}
