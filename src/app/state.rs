//! The app's single state and its reducer. Every change goes through [`State::apply`], a pure
//! function of the old state and an [`Action`], so it is tested on the host.

use crate::core::deck::{Card, Deck};
use crate::core::progress::Progress;
use crate::core::session::Session;
use crate::core::store::{Notice, Opened};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Flip,
    Next {
        now_ms: f64,
    },
    Previous {
        now_ms: f64,
    },
    /// Saving failed; the progress stays in memory and the learner is told.
    SaveFailed(Notice),
    DismissNotice,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub deck: Rc<Deck>,
    pub session: Session,
    pub progress: Progress,
    /// False when saving would overwrite data this build cannot read.
    pub writable: bool,
    /// Bumped whenever `progress` changes, so the view knows when to save.
    pub revision: u64,
    pub notice: Option<Notice>,
}

impl State {
    /// A session over every card of the deck, resuming at the first card not yet seen.
    pub fn new(deck: Rc<Deck>, opened: Opened, now_ms: f64) -> Self {
        let queue: Vec<usize> = (0..deck.cards.len()).collect();
        let start = deck
            .cards
            .iter()
            .position(|c| !opened.progress.is_seen(&c.id))
            .unwrap_or(0);
        let mut state = Self {
            deck,
            session: Session::new(queue, start),
            progress: opened.progress,
            writable: opened.writable,
            revision: 0,
            notice: opened.notice,
        };
        state.see_current(now_ms);
        state
    }

    pub fn current_card(&self) -> Option<&Card> {
        self.session.current().and_then(|i| self.deck.cards.get(i))
    }

    fn see_current(&mut self, now_ms: f64) {
        if let Some(id) = self.current_card().map(|c| c.id.clone()) {
            self.progress.mark_seen(&id, now_ms);
            self.revision += 1;
        }
    }

    pub fn apply(mut self, action: Action) -> Self {
        match action {
            Action::Flip => self.session.flip(),
            Action::Next { now_ms } => {
                self.session.next();
                self.see_current(now_ms);
            }
            Action::Previous { now_ms } => {
                self.session.previous();
                self.see_current(now_ms);
            }
            Action::SaveFailed(notice) => self.notice = Some(notice),
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
