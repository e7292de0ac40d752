//! The app's single state and its reducer. Every change goes through [`State::apply`], a pure
//! function of the old state and an [`Action`] (time arrives inside the action), so every flow
//! is tested on the host.

use crate::core::deck::{Card, Deck};
use crate::core::filter::{apply, restatus, Counts, Filter, SearchIndex, Status};
use crate::core::mock::Mock;
use crate::core::order::sort_by_key;
use crate::core::progress::{
    covers, merge_into, preview_import, status_at, ImportPreview, Progress,
};
use crate::core::schedule::{Memory, Rating, Scheduler};
use crate::core::session::Session;
use crate::core::store::{compact, Notice, Opened};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::Reducible;

/// What changed in progress since the last save: filled by the reducer, emptied by the save
/// (shared, so the save sees every change even when several actions run before it).
#[derive(Debug, Default)]
pub struct Unsaved {
    pub cards: BTreeSet<String>,
    /// A change too wide to list (an import, storage that lost a write): save everything.
    pub all: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Practice,
    Mock,
    Stats,
}

impl View {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Practice => "practice",
            Self::Mock => "mock",
            Self::Stats => "stats",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Practice, Self::Mock, Self::Stats]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// Which cards practice walks through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Every card the filter leaves, due or not.
    All,
    /// Only due cards, the longest overdue first.
    Due,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Due => "due",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "all" => Some(Self::All),
            "due" => Some(Self::Due),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Flip,
    Next {
        now_ms: f64,
    },
    Previous {
        now_ms: f64,
    },
    /// Grade the flipped card and move on.
    Grade {
        rating: Rating,
        now_ms: f64,
    },
    SetFilter {
        filter: Filter,
        now_ms: f64,
    },
    SetMode {
        mode: Mode,
        now_ms: f64,
    },
    /// Shuffle the queue with this seed; `None` restores deck order.
    Shuffle {
        seed: Option<u64>,
        now_ms: f64,
    },
    ShowView(View),
    ToggleHelp,
    CloseHelp,
    StartMock {
        count: usize,
        seconds: u32,
        seed: u64,
        now_ms: f64,
    },
    MockTick {
        now_ms: f64,
    },
    MockReveal {
        now_ms: f64,
    },
    MockGrade {
        rating: Rating,
        now_ms: f64,
    },
    /// Leave a mock interview and practise the cards it found weak.
    PractiseWeak {
        now_ms: f64,
    },
    EndMock,
    /// Progress saved elsewhere (another tab, or read back while saving): merged in, never
    /// replacing what is here.
    Adopt(Progress),
    /// Something about saving the learner should know (failure, trimming).
    SaveNotice(Notice),
    /// Storage lost changes saved from here (another tab's write crossed ours): save all again.
    SaveAll,
    /// A progress file was read for import: show what it would change, or why it is refused.
    ImportRead(Result<Progress, String>),
    ConfirmImport,
    CancelImport,
    /// Hide all progress of this deck (undoable).
    Reset {
        now_ms: f64,
    },
    UndoReset {
        now_ms: f64,
    },
    DismissNotice,
}

#[derive(Clone)]
pub struct State {
    pub deck: Rc<Deck>,
    pub index: Rc<SearchIndex>,
    pub scheduler: Scheduler,
    pub filter: Filter,
    pub mode: Mode,
    pub shuffle: Option<u64>,
    /// Practice restricted to these cards (after a mock interview), on top of the filter.
    pub only: Option<Rc<Vec<usize>>>,
    pub counts: Counts,
    /// Each card's scheduler memory since the last reset, by deck position, so statuses of
    /// thousands of cards need no lookup by id.
    memories: Rc<Vec<Option<Memory>>>,
    /// Cards of the deck seen since the last reset.
    pub seen: usize,
    /// The time the counts judged statuses at.
    counted_at: f64,
    pub session: Session,
    /// Shared until changed (`Rc::make_mut`), so actions that do not touch progress (a
    /// keystroke in the search box) do not copy thousands of cards.
    pub progress: Rc<Progress>,
    /// False when saving would overwrite data this build cannot read.
    pub writable: bool,
    /// Bumped whenever `progress` changes, so the view knows when to save.
    pub revision: u64,
    pub unsaved: Rc<RefCell<Unsaved>>,
    pub notice: Option<Notice>,
    pub view: View,
    pub mock: Option<Mock>,
    pub help_open: bool,
    /// An import waiting for the learner's confirmation, with what it would change.
    pub import: Option<(Progress, ImportPreview)>,
    /// Why the last import was refused.
    pub import_error: Option<String>,
    /// A reset happened in this session and can be undone.
    pub can_undo_reset: bool,
    /// Time of the latest action: statuses ("due") are judged at this moment.
    pub now_ms: f64,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.deck, &other.deck)
            && self.filter == other.filter
            && self.mode == other.mode
            && self.shuffle == other.shuffle
            && self.only == other.only
            && self.session == other.session
            && self.revision == other.revision
            && self.notice == other.notice
            && self.view == other.view
            && self.mock == other.mock
            && self.help_open == other.help_open
            && self.import == other.import
            && self.import_error == other.import_error
            && self.can_undo_reset == other.can_undo_reset
    }
}

/// What the URL can preset: filter, mode and view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preset {
    pub filter: Filter,
    pub mode: Option<Mode>,
    pub view: Option<View>,
    /// Names this widget's own progress when several share a page (see `progress_key`).
    pub instance: Option<String>,
}

impl State {
    pub fn new(deck: Rc<Deck>, opened: Opened, preset: Preset, now_ms: f64) -> Self {
        let index = Rc::new(SearchIndex::new(deck.clone()));
        let mut state = Self {
            deck,
            index,
            scheduler: Scheduler::default(),
            filter: preset.filter,
            mode: preset.mode.unwrap_or(Mode::All),
            shuffle: None,
            only: None,
            counts: Counts::default(),
            memories: Rc::default(),
            counted_at: now_ms,
            seen: 0,
            session: Session::new(Vec::new(), 0),
            progress: Rc::new(opened.progress),
            writable: opened.writable,
            revision: 0,
            unsaved: Rc::default(),
            notice: opened.notice,
            view: preset.view.unwrap_or(View::Practice),
            mock: None,
            help_open: false,
            import: None,
            import_error: None,
            can_undo_reset: false,
            now_ms,
        };
        state.reread();
        state.rebuild(None);
        // Resume at the first card not yet seen.
        let start = (0..state.session.len())
            .find(|&p| {
                let card = state.session.card_at(p);
                card.is_some_and(|i| !state.progress.is_seen(&state.deck.cards[i].id))
            })
            .unwrap_or(0);
        state.session.go_to(start);
        state.see_current();
        state
    }

    pub fn current_card(&self) -> Option<&Card> {
        self.session.current().and_then(|i| self.deck.cards.get(i))
    }

    pub fn status_of(&self, index: usize) -> Status {
        status_at(self.memories[index].as_ref(), self.now_ms)
    }

    /// Reads every card's memory from progress again (after a change to many cards).
    fn remember_all(&mut self) {
        let ids = self.deck.cards.iter().map(|c| c.id.as_str());
        self.memories = Rc::new(self.progress.memories(ids));
    }

    /// The cards the filter leaves, in deck order, and the facet counts, judged at `now_ms`.
    fn filtered(&self) -> (Vec<usize>, Counts) {
        apply(&self.deck, &self.index, &self.filter, |i| self.status_of(i))
    }

    /// Recomputes counts and the queue from filter, mode, shuffle and progress, keeping the
    /// current card in view when it is still in the queue (`keep`).
    fn rebuild(&mut self, keep: Option<usize>) {
        let (mut queue, counts) = self.filtered();
        self.counts = counts;
        self.counted_at = self.now_ms;
        if let Some(only) = &self.only {
            queue.retain(|i| only.contains(i));
        }
        match self.mode {
            Mode::All => {
                if let Some(seed) = self.shuffle {
                    crate::core::random::Rng::new(seed).shuffle(&mut queue);
                }
            }
            Mode::Due => {
                queue.retain(|&i| self.status_of(i) == Status::Due);
                let due = |i: usize| self.memories[i].map_or(0.0, |m| m.due);
                sort_by_key(&mut queue, |&i| (due(i), i as u64));
            }
        }
        let start = keep
            .and_then(|card| queue.iter().position(|&i| i == card))
            .unwrap_or(0);
        let flipped =
            self.session.is_flipped() && keep.is_some_and(|k| queue.get(start) == Some(&k));
        self.session = Session::new(queue, start);
        if flipped {
            self.session.flip();
        }
    }

    /// Rebuilds the queue after a change of filter, mode, shuffle or reset, staying on the
    /// current card when it is still queued; a different card counts as seen.
    fn requeue(&mut self) {
        let keep = self.session.current();
        self.rebuild(keep);
        if self.session.current() != keep {
            self.see_current();
        }
    }

    fn refresh_counts(&mut self) {
        self.counts = self.filtered().1;
        self.counted_at = self.now_ms;
    }

    fn see_current(&mut self) {
        if let Some(id) = self.current_card().map(|c| c.id.clone()) {
            self.mark_seen(id);
        }
    }

    fn mark_seen(&mut self, id: String) {
        let was_seen = self.progress.is_seen(&id);
        Rc::make_mut(&mut self.progress).mark_seen(&id, self.now_ms);
        if !was_seen && self.progress.is_seen(&id) {
            self.seen += 1;
        }
        self.touch(id);
    }

    /// Reads what the state keeps per card (memories, the seen count) from progress again,
    /// after a change to many cards.
    fn reread(&mut self) {
        let progress = &self.progress;
        self.seen = self
            .deck
            .cards
            .iter()
            .filter(|c| progress.is_seen(&c.id))
            .count();
        self.remember_all();
    }

    /// Notes that a card's progress changed, for the next save.
    fn touch(&mut self, id: String) {
        self.unsaved.borrow_mut().cards.insert(id);
        self.revision += 1;
    }

    /// Grades a card and moves it to its new status in the facet counts.
    fn grade(&mut self, card: usize, rating: Rating) {
        let id = self.deck.cards[card].id.clone();
        // As the counts judged it, and as they will from now on.
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

    pub fn apply(mut self, action: Action) -> Self {
        match action {
            Action::Flip => self.session.flip(),
            Action::Next { now_ms } => {
                self.now_ms = now_ms;
                self.session.next();
                self.see_current();
            }
            Action::Previous { now_ms } => {
                self.now_ms = now_ms;
                self.session.previous();
                self.see_current();
            }
            Action::Grade { rating, now_ms } => {
                self.now_ms = now_ms;
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
            Action::ToggleHelp => self.help_open = !self.help_open,
            Action::CloseHelp => self.help_open = false,
            Action::StartMock {
                count,
                seconds,
                seed,
                now_ms,
            } => {
                self.now_ms = now_ms;
                let (pool, _) = self.filtered();
                self.mock = Some(Mock::start(&pool, count, seconds, seed, now_ms));
                self.view = View::Mock;
            }
            Action::MockTick { now_ms } => {
                if let Some(mock) = &mut self.mock {
                    mock.tick(now_ms);
                }
            }
            Action::MockReveal { now_ms } => {
                if let Some(mock) = &mut self.mock {
                    mock.reveal(now_ms);
                }
            }
            Action::MockGrade { rating, now_ms } => {
                self.now_ms = now_ms;
                let graded = self.mock.as_mut().and_then(|m| m.grade(rating, now_ms));
                if let Some(card) = graded {
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
            Action::EndMock => {
                self.mock = None;
            }
            Action::Adopt(incoming) => {
                if !covers(&self.progress, &incoming) {
                    merge_into(Rc::make_mut(&mut self.progress), &incoming);
                    self.revision += 1;
                    self.reread();
                    self.refresh_counts();
                }
            }
            Action::SaveNotice(notice) => {
                if let Notice::Trimmed { .. } = notice {
                    // Storage kept only the trimmed log; so does memory, or every later save
                    // would bring the old entries back and run into the quota again.
                    compact(Rc::make_mut(&mut self.progress), self.now_ms);
                }
                self.notice = Some(notice);
            }
            Action::SaveAll => {
                self.unsaved.borrow_mut().all = true;
                self.revision += 1;
            }
            Action::ImportRead(Ok(incoming)) => {
                let preview = preview_import(&self.progress, &incoming);
                self.import = Some((incoming, preview));
                self.import_error = None;
            }
            Action::ImportRead(Err(message)) => {
                self.import = None;
                self.import_error = Some(message);
            }
            Action::ConfirmImport => {
                if let Some((incoming, _)) = self.import.take() {
                    self.unsaved.borrow_mut().all = true;
                    self = self.apply(Action::Adopt(incoming));
                }
            }
            Action::CancelImport => {
                self.import = None;
                self.import_error = None;
            }
            Action::Reset { now_ms } => {
                self.now_ms = now_ms;
                Rc::make_mut(&mut self.progress).reset(now_ms);
                self.can_undo_reset = true;
                self.revision += 1;
                self.reread();
                self.requeue();
            }
            Action::UndoReset { now_ms } => {
                self.now_ms = now_ms;
                if Rc::make_mut(&mut self.progress).undo_reset() {
                    self.revision += 1;
                }
                self.can_undo_reset = false;
                self.reread();
                self.requeue();
            }
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
