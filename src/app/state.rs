//! The app's single state: the deck on screen, the learner's progress, the queue, the view.
//! Changes go through [`State::apply`] (in `reduce.rs`), a pure function of the old state and
//! an [`Action`]; this file holds the state and what it derives.

pub use crate::app::action::{
    Action, DeckHandle, DeckLoad, Focus, HostEvent, Mode, Optimise, ReadAloud, Theme, Undoable,
    View, UNDO_STEPS,
};
use crate::core::bank::PartFile;
use crate::core::deck::{Card, Deck};
use crate::core::filter::{apply, Counts, Filter, SearchIndex, Status};
use crate::core::mock::{Mock, DEFAULT_QUESTIONS, DEFAULT_SECONDS_PER_QUESTION};
use crate::core::order::sort_by_key;
pub use crate::core::persist::Unsaved;
use crate::core::progress::{status_at, ImportPreview, Progress, ProgressError};
use crate::core::schedule::{Memory, Scheduler, StepsError};
use crate::core::session::{done_on, study_queue, Limits, Session};
use crate::core::stats::local_day;
use crate::core::store::{progress_key, Backup, Notice, Opened};
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone)]
pub struct State {
    pub deck: Rc<Deck>,
    pub deck_load: DeckLoad,
    pub index: Rc<SearchIndex>,
    pub scheduler: Scheduler,
    /// Why the learning and the relearning steps last typed could not be read (until the
    /// field is changed again or the view is left).
    pub steps_errors: [Option<StepsError>; 2],
    pub filter: Filter,
    pub mode: Mode,
    /// The study session's daily limits (remembered per instance).
    pub limits: Limits,
    /// Whether the new-card and the review limit last typed could not be read.
    pub limit_errors: [bool; 2],
    pub shuffle: Option<u64>,
    /// Cramming: grades are practice, schedules stay as they are.
    pub cram: bool,
    /// The latest events for the host page, numbered (the hook sends each number once).
    pub host_events: Rc<Vec<(u64, HostEvent)>>,
    /// Grades per rating since the review session began (Review due mode).
    pub review_tally: [u32; 4],
    /// A text box to type the answer in before revealing it (remembered).
    pub type_answer: bool,
    /// What was typed, and for which card (deck position): another card starts empty.
    pub typed: Option<(usize, Rc<str>)>,
    /// Practice restricted to these cards (after a mock interview), on top of the filter.
    pub only: Option<Rc<Vec<usize>>>,
    pub counts: Counts,
    /// Each card's scheduler memory since the last reset, by deck position.
    pub(crate) memories: Rc<Vec<Option<Memory>>>,
    /// Each card's suspension and the instant it is buried until, by deck position.
    pub(crate) held: Rc<Vec<(bool, f64)>>,
    /// Cards of the deck seen since the last reset.
    pub seen: usize,
    /// The time the counts judged statuses at.
    pub(crate) counted_at: f64,
    pub session: Session,
    /// Shared until changed (`Rc::make_mut`), so actions that do not touch progress (a
    /// keystroke in the search box) do not copy thousands of cards.
    pub progress: Rc<Progress>,
    /// False when saving would overwrite data this build cannot read.
    pub writable: bool,
    /// Bumped whenever `progress` changes, so the persistence hook knows when to save.
    pub revision: u64,
    /// The one exception to purity: the card ids changed since the persistence hook last
    /// looked, shared so several actions between two saves add up.
    pub unsaved: Rc<RefCell<Unsaved>>,
    pub notice: Option<Notice>,
    pub view: View,
    pub theme: Theme,
    pub mock: Option<Mock>,
    /// The mock interview's set-up: questions and seconds per question.
    pub mock_setup: (usize, u32),
    /// Reading the mock interview's questions aloud.
    pub read_aloud: ReadAloud,
    pub help_open: bool,
    /// The key points ticked for the card on screen: the card (deck position) and, per point,
    /// whether it was covered. Anything else on screen starts unticked.
    pub ticked: Option<(usize, Vec<bool>)>,
    /// Grades of this visit that can be taken back, oldest first.
    pub undo: Vec<Undoable>,
    /// The grade taken back last, for screen readers and the status line.
    pub undone: Option<Undoable>,
    /// An import waiting for the learner's confirmation, with what it would change.
    pub import: Option<(Progress, ImportPreview)>,
    /// Copies of unreadable progress kept in storage, oldest first.
    pub backups: Vec<Backup>,
    /// Why the last import was refused.
    pub import_error: Option<ProgressError>,
    /// Preset parameters (URL or attributes); read against each deck as it arrives.
    pub pairs: Rc<Vec<(String, String)>>,
    /// Names this widget's own progress when several share a page.
    pub instance: Option<String>,
    /// Bad preset values, for the console.
    pub warnings: Vec<String>,
    /// Time of the latest action: statuses ("due") are judged at this moment.
    pub now_ms: f64,
    /// The learner's minutes east of UTC when the widget started ("tomorrow" for burying).
    pub offset_min: i32,
    /// Fitting the schedule to the learner, and how many fits were asked for (each starts a
    /// worker).
    pub optimise: Optimise,
    pub optimise_run: u32,
    /// The bank's parts that could not be had, and why (topic, words); tried again on
    /// `RetryParts`.
    pub parts_failed: Rc<Vec<(String, String)>>,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.deck, &other.deck)
            && self.deck_load == other.deck_load
            && self.filter == other.filter
            && self.mode == other.mode
            && self.limits == other.limits
            && self.limit_errors == other.limit_errors
            && self.shuffle == other.shuffle
            && self.cram == other.cram
            && self.host_events == other.host_events
            && self.type_answer == other.type_answer
            && self.typed == other.typed
            && self.only == other.only
            && self.session == other.session
            && self.revision == other.revision
            && self.counts == other.counts
            && self.notice == other.notice
            && self.view == other.view
            && self.theme == other.theme
            && self.scheduler == other.scheduler
            && self.steps_errors == other.steps_errors
            && self.mock == other.mock
            && self.mock_setup == other.mock_setup
            && self.read_aloud == other.read_aloud
            && self.help_open == other.help_open
            && self.ticked == other.ticked
            && self.undo == other.undo
            && self.undone == other.undone
            && self.import == other.import
            && self.import_error == other.import_error
            && self.backups == other.backups
            && self.writable == other.writable
            && self.optimise == other.optimise
            && self.optimise_run == other.optimise_run
            && self.parts_failed == other.parts_failed
            && self.now_ms.total_cmp(&other.now_ms).is_eq()
    }
}

/// What the URL or a host element presets: filter, mode, view, instance.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preset {
    pub filter: Filter,
    pub mode: Option<Mode>,
    pub view: Option<View>,
    pub instance: Option<String>,
    pub theme: Option<Theme>,
}

/// The empty deck a widget holds while its first deck is fetched.
fn no_deck() -> Rc<Deck> {
    Rc::new(Deck {
        elsewhere: None,
        parts: Vec::new(),
        format: crate::core::deck::DECK_FORMAT,
        id: String::new(),
        title: String::new(),
        topics: Vec::new(),
        cards: Vec::new(),
    })
}

/// The search index over `deck`, lowering text with the browser's rules.
pub(crate) fn search_index(deck: &Rc<Deck>) -> Rc<SearchIndex> {
    Rc::new(SearchIndex::new(
        deck.clone(),
        crate::platform::text::lowercase,
    ))
}

impl State {
    /// A widget waiting for its deck; `pairs` are read once the deck arrives.
    pub fn waiting(pairs: Vec<(String, String)>, now_ms: f64) -> Self {
        let deck = no_deck();
        let (preset, warnings) = crate::app::preset::read(&pairs, &deck);
        Self {
            index: search_index(&deck),
            deck,
            deck_load: DeckLoad::Loading,
            scheduler: Scheduler::default(),
            steps_errors: [None, None],
            filter: preset.filter,
            mode: preset.mode.unwrap_or(Mode::Session),
            limits: Limits::default(),
            limit_errors: [false; 2],
            shuffle: None,
            cram: false,
            host_events: Rc::default(),
            review_tally: [0; 4],
            type_answer: false,
            typed: None,
            only: None,
            counts: Counts::default(),
            memories: Rc::default(),
            held: Rc::default(),
            seen: 0,
            counted_at: now_ms,
            session: Session::new(Vec::new(), 0),
            progress: Rc::new(Progress::new("")),
            writable: false,
            revision: 0,
            unsaved: Rc::default(),
            notice: None,
            view: preset.view.unwrap_or(View::Practice),
            theme: preset.theme.unwrap_or(Theme::Auto),
            mock: None,
            mock_setup: (DEFAULT_QUESTIONS, DEFAULT_SECONDS_PER_QUESTION),
            read_aloud: ReadAloud::default(),
            help_open: false,
            ticked: None,
            undo: Vec::new(),
            undone: None,
            import: None,
            import_error: None,
            backups: Vec::new(),
            pairs: Rc::new(pairs),
            instance: preset.instance,
            warnings,
            now_ms,
            offset_min: 0,
            optimise: Optimise::Idle,
            optimise_run: 0,
            parts_failed: Rc::default(),
        }
    }

    /// A widget with its deck and progress at hand, the preset already read.
    pub fn new(deck: Rc<Deck>, opened: Opened, preset: Preset, now_ms: f64) -> Self {
        let mut state = Self::waiting(Vec::new(), now_ms);
        state.instance = preset.instance.clone();
        state.apply_deck(deck, Rc::new(opened), Some(preset), now_ms);
        state.sync_weights();
        state
    }

    /// Where this widget's progress for its deck is saved.
    pub fn progress_key(&self) -> String {
        progress_key(self.instance.as_deref(), &self.deck.id)
    }

    /// True once a deck is on screen.
    pub fn has_deck(&self) -> bool {
        !self.deck.cards.is_empty()
    }

    pub fn current_card(&self) -> Option<&Card> {
        self.session.current().and_then(|i| self.deck.cards.get(i))
    }

    pub fn status_of(&self, index: usize) -> Status {
        self.status_at(index, self.now_ms)
    }

    /// A card's status at `at`: suspended, or what its memory says.
    pub(crate) fn status_at(&self, index: usize, at: f64) -> Status {
        if self.held.get(index).is_some_and(|h| h.0) {
            return Status::Suspended;
        }
        status_at(self.memories.get(index).copied().flatten().as_ref(), at)
    }

    /// Buried at `at`: out of the queue until its time.
    pub(crate) fn is_buried(&self, index: usize, at: f64) -> bool {
        self.held.get(index).is_some_and(|h| h.1 > at)
    }

    /// A reset in force with nothing graded since can be undone, in this visit or a later one.
    pub fn can_undo_reset(&self) -> bool {
        self.progress.reset_at().is_finite() && self.progress.review_count() == 0
    }

    /// Which key points of the card on screen are ticked (all unticked for a card just shown).
    pub fn ticked_points(&self) -> Vec<bool> {
        let Some(card) = self.session.current() else {
            return Vec::new();
        };
        let total = self.deck.cards.get(card).map_or(0, |c| c.key_points.len());
        match &self.ticked {
            Some((c, ticks)) if *c == card && ticks.len() == total => ticks.clone(),
            _ => vec![false; total],
        }
    }

    /// When the next card in learning steps falls due (after now), of those at `positions`:
    /// not suspended, and not still buried then.
    fn next_step_due_of(&self, positions: impl Iterator<Item = usize>) -> Option<f64> {
        positions
            .filter_map(|i| {
                let m = self.memories.get(i).copied().flatten()?;
                let (suspended, buried_until) = self.held.get(i).copied().unwrap_or_default();
                (m.is_stepping() && m.due > self.now_ms && !suspended && buried_until < m.due)
                    .then_some(m.due)
            })
            .reduce(f64::min)
    }

    /// When the clock should wake the widget for a card in learning steps (any card: waking
    /// for one the view does not show costs a tick), so an Again card comes back in time.
    pub fn next_step_due(&self) -> Option<f64> {
        self.next_step_due_of(0..self.memories.len())
    }

    /// When the next card in learning steps that this view would show falls due: the filter
    /// and the cards practised after a mock interview apply.
    #[inline(never)]
    pub fn next_step_due_in_view(&self) -> Option<f64> {
        let (pool, _) = self.filtered();
        let only = self.only.clone();
        self.next_step_due_of(
            pool.into_iter()
                .filter(|i| only.as_ref().is_none_or(|only| only.contains(i))),
        )
    }

    /// When a study session would have something again: the earliest due date (after now)
    /// of a card this view would show, or the next local day for cards waiting for tomorrow's
    /// limits (new cards, reviews over the limit), or for a burial to end.
    pub fn next_due_in_view(&self) -> Option<f64> {
        let now = self.now_ms;
        let tomorrow = self.day_start(local_day(now, self.offset_min) + 1);
        let (pool, _) = self.filtered();
        pool.into_iter()
            .filter(|i| self.only.as_ref().is_none_or(|only| only.contains(i)))
            .filter_map(|i| {
                let (suspended, buried_until) = self.held.get(i).copied().unwrap_or_default();
                let due = self
                    .memories
                    .get(i)
                    .copied()
                    .flatten()
                    .map_or(0.0, |m| m.due);
                let at = if due > now { due } else { tomorrow };
                (!suspended).then_some(at.max(buried_until))
            })
            .reduce(f64::min)
    }

    /// The instant local day `day` starts (at the learner's offset when the widget started).
    pub fn day_start(&self, day: i64) -> f64 {
        day as f64 * crate::core::schedule::DAY_MS - f64::from(self.offset_min) * 60_000.0
    }

    /// What the study session has left: new cards, cards in learning steps, reviews.
    pub fn session_left(&self) -> [usize; 3] {
        let mut left = [0; 3];
        for &i in self.session.queued() {
            let kind = match self.memories.get(i).copied().flatten() {
                None => 0,
                Some(m) if m.is_stepping() => 1,
                Some(_) => 2,
            };
            left[kind] += 1;
        }
        left
    }

    /// What the learner typed for the card on screen ("" when nothing, or for another card).
    pub fn typed_answer(&self) -> &str {
        match (&self.typed, self.session.current()) {
            (Some((card, text)), Some(current)) if *card == current => text,
            _ => "",
        }
    }

    /// The deck cards the mock interview's current question and summary refer to.
    /// The bank's parts to fetch, leaving out those that failed (until `RetryParts`): the
    /// one the card on screen needs (practice or mock interview) now, the others once the
    /// first card is shown.
    pub fn parts_to_fetch(&self) -> (Vec<PartFile>, Vec<PartFile>) {
        let on_screen = match (&self.view, &self.mock) {
            (View::Mock, Some(mock)) => mock.current().and_then(|i| self.deck.cards.get(i)),
            _ => self.current_card(),
        };
        self.deck
            .parts
            .iter()
            .filter(|(topic, _)| !self.parts_failed.iter().any(|(t, _)| t == topic))
            .cloned()
            .partition(|(topic, _)| on_screen.is_some_and(|c| c.topic == *topic))
    }

    pub fn mock_card(&self, index: usize) -> Option<&Card> {
        self.deck.cards.get(index)
    }

    /// Reads every card's memory and the seen count from progress again.
    pub(crate) fn reread(&mut self) {
        let progress = &self.progress;
        self.seen = self
            .deck
            .cards
            .iter()
            .filter(|c| progress.is_seen(&c.id))
            .count();
        let ids = self.deck.cards.iter().map(|c| c.id.as_str());
        self.memories = Rc::new(self.progress.memories(ids));
        self.held = Rc::new(
            self.deck
                .cards
                .iter()
                .map(|c| {
                    let entry = self.progress.cards.get(c.id.as_str());
                    entry.map_or((false, 0.0), |e| (e.is_suspended(), e.buried_until))
                })
                .collect(),
        );
    }

    /// The cards the filter leaves, in deck order, and the facet counts, judged at `now_ms`.
    pub(crate) fn filtered(&self) -> (Vec<usize>, Counts) {
        apply(&self.deck, &self.index, &self.filter, |i| self.status_of(i))
    }

    /// Recomputes counts and the queue, keeping `keep` (a deck position) in view when it is
    /// still queued.
    pub(crate) fn rebuild(&mut self, keep: Option<usize>) {
        let (mut queue, counts) = self.filtered();
        self.counts = counts;
        self.counted_at = self.now_ms;
        if let Some(only) = &self.only {
            queue.retain(|i| only.contains(i));
        }
        let now = self.now_ms;
        queue.retain(|&i| !self.is_buried(i, now));
        match self.mode {
            Mode::All => {
                if let Some(seed) = self.shuffle {
                    crate::core::random::Rng::new(seed).shuffle(&mut queue);
                }
            }
            Mode::Due | Mode::Session => {
                if self.mode == Mode::Due {
                    queue.retain(|&i| self.status_of(i) == Status::Due);
                }
                // Longest overdue first; new cards (no due date) first, in deck order.
                let due = |i: usize| self.memories[i].map_or(0.0, |m| m.due);
                sort_by_key(&mut queue, |&i| (due(i), i as u64));
                if self.mode == Mode::Session {
                    queue.retain(|&i| !self.held[i].0);
                    let day = local_day(now, self.offset_min);
                    let done = done_on(&self.progress, day, self.offset_min);
                    let left = self.limits.left(day, done);
                    queue = study_queue(&queue, |i| self.memories[i], now, left);
                    // The card on screen stays first: what came due meanwhile follows it.
                    if let Some(at) = keep.and_then(|card| queue.iter().position(|&i| i == card)) {
                        crate::core::session::move_to(&mut queue, at, 0);
                    }
                }
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

    /// Rebuilds the queue, staying on the current card when it is still queued; a different
    /// card counts as seen.
    pub(crate) fn requeue(&mut self) {
        let keep = self.session.current();
        self.rebuild(keep);
        if self.session.current() != keep {
            self.see_current();
        }
    }

    pub(crate) fn refresh_counts(&mut self) {
        self.counts = self.filtered().1;
        self.counted_at = self.now_ms;
    }

    /// Moves the clock to `now_ms`. Cards that fell due since the counts were taken change
    /// the counts (and the review queue) at once, not at the next click on a mode.
    pub(crate) fn advance(&mut self, now_ms: f64) {
        self.now_ms = now_ms;
        let (from, to) = (self.counted_at.min(now_ms), self.counted_at.max(now_ms));
        let crossed = |m: &Memory| m.due > from && m.due <= to;
        let any_crossed = self.memories.iter().flatten().any(crossed);
        let unburied = self.held.iter().any(|h| h.1 > from && h.1 <= to);
        // A new local day brings the study session new limits.
        let new_day = self.mode == Mode::Session
            && local_day(from, self.offset_min) != local_day(to, self.offset_min);
        if any_crossed || unburied || new_day {
            // The queue depends on statuses in the session and review modes and under a
            // status filter, and on which cards are buried.
            if unburied || new_day || self.mode != Mode::All || !self.filter.statuses.is_empty() {
                self.requeue();
            } else {
                self.refresh_counts();
            }
        }
        if self.mode == Mode::All && any_crossed {
            // Browsing in order: the cards whose learning step came up come next, in deck
            // order.
            for card in (0..self.memories.len()).rev() {
                if self.memories[card].is_some_and(|m| m.is_stepping() && crossed(&m)) {
                    self.session.put_next(card);
                }
            }
        }
    }

    /// A card comes into view: counted as seen, with an empty answer box and nothing ticked.
    pub(crate) fn see_current(&mut self) {
        self.typed = None;
        self.ticked = None;
        if let Some(id) = self.current_card().map(|c| c.id.clone()) {
            self.mark_seen(id);
        }
    }

    pub(crate) fn mark_seen(&mut self, id: String) {
        let was_seen = self.progress.is_seen(&id);
        Rc::make_mut(&mut self.progress).mark_seen(&id, self.now_ms);
        if !was_seen && self.progress.is_seen(&id) {
            self.seen += 1;
        }
        self.touch(id);
    }

    /// Notes that a card's progress changed, for the next save.
    pub(crate) fn touch(&mut self, id: String) {
        self.unsaved.borrow_mut().cards.insert(id);
        self.revision += 1;
    }

    /// Notes a change too wide to list (reset, import, adopted progress): save everything.
    pub(crate) fn touch_all(&mut self) {
        self.unsaved.borrow_mut().all = true;
        self.revision += 1;
    }
}
