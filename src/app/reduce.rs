//! The reducer: every change to [`State`] as a pure function of the old state and an
//! [`Action`], tested on the host.

use crate::app::keys::key_action;
use crate::app::state::{Action, DeckLoad, Mode, Preset, State, View};
use crate::core::deck::Deck;
use crate::core::filter::{restatus, SearchIndex};
use crate::core::mock::Mock;
use crate::core::progress::{
    covers, merge_into, preview_import, status_at, without_new_resets, Progress,
};
use crate::core::schedule::Rating;
use crate::core::store::{compact, Notice, Opened};
use std::rc::Rc;
use yew::Reducible;

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
            self.mode = preset.mode.unwrap_or(Mode::All);
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
            *self.unsaved.borrow_mut() = Default::default();
        }
        self.deck_load = DeckLoad::Ready;
        self.index = Rc::new(SearchIndex::new(deck.clone()));
        self.deck = deck;
        self.mock = None;
        self.only = None;
        self.import = None;
        self.session = crate::core::session::Session::new(Vec::new(), 0);
        self.reread();
        let keep = current.and_then(|id| self.deck.cards.iter().position(|c| c.id == id));
        self.rebuild(keep);
        if first {
            // Resume at the first card not yet seen.
            let start = (0..self.session.len())
                .find(|&p| {
                    let card = self.session.card_at(p);
                    card.is_some_and(|i| !self.progress.is_seen(&self.deck.cards[i].id))
                })
                .unwrap_or(0);
            self.session.go_to(start);
        }
        self.see_current();
    }

    /// Grades a card and moves it to its new status in the facet counts.
    fn grade(&mut self, card: usize, rating: Rating) {
        let id = self.deck.cards[card].id.clone();
        let before = status_at(self.memories[card].as_ref(), self.counted_at);
        Rc::make_mut(&mut self.progress).record(&id, rating, self.now_ms, &self.scheduler);
        let memory = self.progress.memory(&id).copied();
        Rc::make_mut(&mut self.memories)[card] = memory;
        let after = status_at(memory.as_ref(), self.counted_at);
        restatus(
            &mut self.counts,
            &self.deck,
            &self.index,
            &self.filter,
            card,
            before,
            after,
        );
        self.touch(id);
    }

    /// Merges progress from elsewhere; true when it brought something new.
    fn adopt(&mut self, mut incoming: Progress) -> bool {
        incoming.settle_resets(self.now_ms);
        if covers(&self.progress, &incoming) {
            return false;
        }
        merge_into(Rc::make_mut(&mut self.progress), &incoming);
        self.revision += 1;
        self.reread();
        self.requeue();
        true
    }

    pub fn apply(mut self, action: Action) -> Self {
        match action {
            Action::DeckLoaded {
                deck,
                opened,
                now_ms,
            } => self.apply_deck(deck, opened, None, now_ms),
            Action::DeckFailed(message) => self.deck_load = DeckLoad::Failed(message),
            Action::Key { key, focus, now_ms } => {
                if let Some(action) = key_action(&self, &key, focus, now_ms) {
                    return self.apply(action);
                }
            }
            Action::Tick { now_ms } => self.advance(now_ms),
            Action::Flip => self.session.flip(),
            Action::Next { now_ms } => {
                self.advance(now_ms);
                self.session.next();
                self.see_current();
            }
            Action::Previous { now_ms } => {
                self.advance(now_ms);
                self.session.previous();
                self.see_current();
            }
            Action::Grade { rating, now_ms } => {
                self.advance(now_ms);
                let Some(card) = self.session.current() else {
                    return self;
                };
                if !self.session.is_flipped() {
                    return self;
                }
                self.grade(card, rating);
                match self.mode {
                    // A graded card is no longer due: it leaves the review queue.
                    Mode::Due => self.session.remove_current(),
                    Mode::All => self.session.next(),
                }
                self.see_current();
            }
            Action::SetFilter { filter, now_ms } => {
                self.now_ms = now_ms;
                self.filter = filter;
                self.only = None;
                self.requeue();
            }
            Action::SetMode { mode, now_ms } => {
                self.now_ms = now_ms;
                self.mode = mode;
                self.requeue();
            }
            Action::Shuffle { seed, now_ms } => {
                self.now_ms = now_ms;
                self.shuffle = seed;
                self.requeue();
            }
            Action::ShowView(view) => {
                self.view = view;
                self.help_open = false;
            }
            Action::SetTheme(theme) => self.theme = theme,
            Action::ToggleHelp => self.help_open = !self.help_open,
            Action::CloseHelp => self.help_open = false,
            Action::SetMockSetup { count, seconds } => self.mock_setup = (count, seconds),
            Action::StartMock { seed, now_ms } => {
                self.advance(now_ms);
                let (pool, _) = self.filtered();
                let (count, seconds) = self.mock_setup;
                self.mock = Some(Mock::start(&pool, count, seconds, seed, now_ms));
                self.view = View::Mock;
            }
            Action::MockTick { now_ms } => {
                self.now_ms = now_ms;
                if let Some(mock) = &mut self.mock {
                    mock.tick(now_ms);
                }
            }
            Action::MockReveal { now_ms } => {
                self.now_ms = now_ms;
                if let Some(mock) = &mut self.mock {
                    mock.reveal(now_ms);
                }
            }
            Action::MockGrade { rating, now_ms } => {
                self.advance(now_ms);
                let graded = self.mock.as_mut().and_then(|m| m.grade(rating, now_ms));
                if let Some(card) = graded.filter(|&c| c < self.deck.cards.len()) {
                    self.grade(card, rating);
                    self.mark_seen(self.deck.cards[card].id.clone());
                }
            }
            Action::PractiseWeak { now_ms } => {
                self.now_ms = now_ms;
                let weak = self.mock.take().map(|m| m.weak_cards()).unwrap_or_default();
                self.only = Some(Rc::new(weak));
                self.mode = Mode::All;
                self.view = View::Practice;
                self.rebuild(None);
                self.see_current();
            }
            Action::EndMock => self.mock = None,
            Action::Adopt { progress, now_ms } => {
                self.now_ms = now_ms;
                self.adopt(progress);
            }
            Action::SaveNotice(notice) => {
                if let Notice::Trimmed { .. } = notice {
                    // Storage kept only the trimmed log; so does memory, or every later save
                    // would bring the old entries back and run into the quota again.
                    compact(Rc::make_mut(&mut self.progress), self.now_ms);
                }
                self.notice = Some(notice);
            }
            Action::ImportRead { result, now_ms } => {
                self.now_ms = now_ms;
                match result {
                    Ok(mut incoming) => {
                        incoming.settle_resets(now_ms);
                        let preview = preview_import(&self.progress, &incoming);
                        self.import = Some((incoming, preview));
                        self.import_error = None;
                    }
                    Err(message) => {
                        self.import = None;
                        self.import_error = Some(message);
                    }
                }
            }
            Action::ConfirmImport {
                keep_resets,
                now_ms,
            } => {
                self.now_ms = now_ms;
                if let Some((incoming, _)) = self.import.take() {
                    let incoming = if keep_resets {
                        incoming
                    } else {
                        without_new_resets(&incoming, &self.progress)
                    };
                    self.adopt(incoming);
                    self.touch_all();
                }
            }
            Action::CancelImport => {
                self.import = None;
                self.import_error = None;
            }
            Action::Reset { now_ms } => {
                self.now_ms = now_ms;
                Rc::make_mut(&mut self.progress).reset(now_ms);
                self.touch_all();
                self.reread();
                self.requeue();
            }
            Action::UndoReset { now_ms } => {
                self.now_ms = now_ms;
                if Rc::make_mut(&mut self.progress).undo_reset() {
                    self.touch_all();
                }
                self.reread();
                self.requeue();
            }
            Action::SaveAll => self.touch_all(),
            Action::DismissNotice => self.notice = None,
        }
        self
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).apply(action))
    }
}
