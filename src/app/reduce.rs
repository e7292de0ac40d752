//! The reducer: every change to [`State`] as a pure function of the old state and an
//! [`Action`], tested on the host.

use crate::app::keys::key_action;
use crate::app::state::{
    Action, DeckLoad, HostEvent, Mode, Optimise, State, Undoable, View, UNDO_STEPS,
};
use crate::core::filter::restatus;
use crate::core::keypoints::found_points;
use crate::core::mock::Mock;
use crate::core::optimize::{Fitted, MIN_REVIEWS};
use crate::core::progress::{
    covers, merge_into, preview_import, without_new_resets, Progress, ProgressError,
};
use crate::core::schedule::{parse_steps, Rating, Scheduler, DEFAULT_WEIGHTS, RETENTION_RANGE};
use crate::core::session::MAX_DAILY;
use crate::core::store::{compact, Notice};
use std::rc::Rc;
use yew::Reducible;

impl State {
    /// Grades a card and moves it to its new status in the facet counts; returns what taking
    /// the grade back needs.
    fn grade(&mut self, card: usize, rating: Rating) -> Undoable {
        let id = self.deck.cards[card].id.clone();
        let before = self.memories[card];
        let progress = Rc::make_mut(&mut self.progress);
        if self.cram {
            progress.record_practice(&id, rating, self.now_ms);
        } else {
            progress.record(&id, rating, self.now_ms, &self.scheduler);
        }
        let at = self.progress.cards[id.as_str()]
            .log
            .last()
            .map_or(self.now_ms, |r| r.at);
        self.remember(card, id.clone());
        let due = (!self.cram)
            .then(|| self.memories[card].map(|m| m.due))
            .flatten();
        self.tell_host(HostEvent::Graded {
            card: id,
            rating,
            due,
            practice: self.cram,
        });
        Undoable {
            card,
            at,
            rating,
            before,
        }
    }

    /// Queues an event for the host page (the latest few are kept).
    fn tell_host(&mut self, event: HostEvent) {
        let events = Rc::make_mut(&mut self.host_events);
        let next = events.last().map_or(1, |(n, _)| n + 1);
        events.push((next, event));
        if events.len() > 8 {
            events.remove(0);
        }
    }

    /// Reads a card's memory from progress again after it changed, moves the card to its new
    /// status in the facet counts and notes it for saving.
    fn remember(&mut self, card: usize, id: String) {
        let before = self.status_at(card, self.counted_at);
        let memory = self.progress.memory(&id).copied();
        Rc::make_mut(&mut self.memories)[card] = memory;
        if let Some(entry) = self.progress.cards.get(id.as_str()) {
            Rc::make_mut(&mut self.held)[card] = (entry.is_suspended(), entry.buried_until);
        }
        let after = self.status_at(card, self.counted_at);
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

    /// Buries or suspends the card on screen: it leaves the queue and the counts follow.
    fn hold(&mut self, change: impl FnOnce(&mut Progress, &str)) {
        let Some(card) = self.session.current() else {
            return;
        };
        let id = self.deck.cards[card].id.clone();
        change(Rc::make_mut(&mut self.progress), &id);
        self.remember(card, id);
        self.session.remove_current();
        self.see_current();
    }

    /// On revealing an answer the learner typed, ticks the key points it covers, unless the
    /// learner has ticked this card's points already.
    fn tick_typed_points(&mut self) {
        let (Some(card), true) = (self.session.current(), self.session.is_flipped()) else {
            return;
        };
        let typed = self.typed_answer();
        if typed.trim().is_empty() || self.ticked.as_ref().is_some_and(|(c, _)| *c == card) {
            return;
        }
        let Some(points) = self.deck.cards.get(card).map(|c| &c.key_points) else {
            return;
        };
        self.ticked = Some((card, found_points(points, typed, self.index.lowercase())));
    }

    /// New learning or relearning steps when the text reads; otherwise the steps stay and the
    /// field's error says why.
    fn set_steps(&mut self, relearning: bool, text: &str) {
        let field = usize::from(relearning);
        match parse_steps(text) {
            Ok(steps) => {
                let mut settings = self.scheduler.settings();
                if relearning {
                    settings.relearning = steps;
                } else {
                    settings.learning = steps;
                }
                self.scheduler = Scheduler::from_settings(&settings);
                self.steps_errors[field] = None;
            }
            Err(e) => self.steps_errors[field] = Some(e),
        }
    }

    /// Takes back the latest grade on the undo list.
    fn undo(&mut self) {
        let Some(step) = self.undo.pop() else {
            return;
        };
        let Some(id) = self.deck.cards.get(step.card).map(|c| c.id.clone()) else {
            return;
        };
        let now = self.now_ms;
        if Rc::make_mut(&mut self.progress).undo_review(&id, step.at, step.before, now) {
            // The review session's tally for the host page forgets the grade too.
            if self.mode != Mode::All {
                let tally = &mut self.review_tally[step.rating as usize - 1];
                *tally = tally.saturating_sub(1);
            }
            self.remember(step.card, id);
            self.session.bring_back(step.card);
            self.undone = Some(step);
        }
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

    /// Schedules with the weights progress holds: the learner's fitted ones, or the defaults
    /// (progress may change them: a fit, another tab, an import).
    pub(crate) fn sync_weights(&mut self) {
        let weights = self
            .progress
            .fitted
            .as_ref()
            .and_then(Fitted::weights)
            .unwrap_or(DEFAULT_WEIGHTS);
        if *self.scheduler.weights() != weights {
            self.scheduler = self.scheduler.with_weights(weights);
        }
    }

    pub fn apply(mut self, action: Action) -> Self {
        self.apply_action(action);
        self.sync_weights();
        self
    }

    fn apply_action(&mut self, action: Action) {
        match action {
            Action::DeckLoaded {
                deck,
                opened,
                now_ms,
            } => self.apply_deck(deck, opened, None, now_ms),
            Action::Optimise
            | Action::OptimiseProgress { .. }
            | Action::OptimiseDone { .. }
            | Action::OptimiseFailed(_)
            | Action::UseDefaultWeights { .. } => self.optimise_action(action),
            Action::DeckFailed(message) => self.deck_load = DeckLoad::Failed(message),
            Action::BankPart { topic, text } => self.bank_part(&topic, text),
            Action::RetryParts => self.parts_failed = Rc::default(),
            Action::Key { key, focus, now_ms } => {
                if let Some(action) = key_action(self, &key, focus, now_ms) {
                    self.apply_action(action);
                }
            }
            Action::SetMockSetup { .. }
            | Action::StartMock { .. }
            | Action::MockTick { .. }
            | Action::MockReveal { .. }
            | Action::MockTimer { .. }
            | Action::MockTickPoint { .. }
            | Action::MockGrade { .. }
            | Action::PractiseWeak { .. }
            | Action::EndMock
            | Action::SetReadAloud(_)
            | Action::ChooseVoice(_)
            | Action::HearAgain => self.mock_action(action),
            Action::Adopt { .. }
            | Action::Resume { .. }
            | Action::SaveNotice(_)
            | Action::SaveAll
            | Action::ImportRead { .. }
            | Action::ConfirmImport { .. }
            | Action::CancelImport
            | Action::Reset { .. }
            | Action::UndoReset { .. }
            | Action::DismissNotice
            | Action::BackupsListed(_)
            | Action::ReplaceDamaged => self.data_action(action),
            _ => self.practice_action(action),
        }
    }

    /// Fitting the schedule to the learner's reviews.
    fn optimise_action(&mut self, action: Action) {
        let running = matches!(self.optimise, Optimise::Running { .. });
        match action {
            Action::Optimise if !running && self.progress.review_count() >= MIN_REVIEWS => {
                self.optimise = Optimise::Running {
                    stage: 0,
                    done: 0.0,
                };
                self.optimise_run += 1;
            }
            Action::OptimiseProgress { stage, done } if running => {
                self.optimise = Optimise::Running {
                    stage: stage.min(3),
                    done: done.clamp(0.0, 1.0),
                };
            }
            Action::OptimiseDone { result, now_ms } if running => {
                self.advance(now_ms);
                let reviews = self.progress.review_count();
                let better = result.better(reviews, now_ms);
                let kept = better.is_some();
                if let Some(fitted) = better {
                    Rc::make_mut(&mut self.progress).fitted = Some(fitted);
                    self.touch_all();
                }
                self.optimise = Optimise::Finished {
                    before: result.before.log_loss,
                    after: result.after.log_loss,
                    reviews,
                    kept,
                };
            }
            Action::OptimiseFailed(message) if running => {
                self.optimise = Optimise::Failed(message);
            }
            Action::UseDefaultWeights { now_ms } => {
                self.advance(now_ms);
                Rc::make_mut(&mut self.progress).fitted = Some(Fitted {
                    at: now_ms,
                    w: Vec::new(),
                    reviews: 0,
                    log_loss: None,
                });
                self.touch_all();
                self.optimise = Optimise::Idle;
            }
            _ => {}
        }
    }

    /// Moving through cards, grading, filters and views.
    fn practice_action(&mut self, action: Action) {
        match action {
            Action::Tick { now_ms } => self.advance(now_ms),
            Action::Flip => {
                self.session.flip();
                self.tick_typed_points();
            }
            Action::SetTypeAnswer(on) => self.type_answer = on,
            Action::TypeAnswer(text) => {
                if let Some(card) = self.session.current() {
                    self.typed = Some((card, Rc::from(text)));
                }
            }
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
                    return;
                };
                if !self.session.is_flipped() {
                    return;
                }
                let step = self.grade(card, rating);
                self.undo.push(step);
                if self.undo.len() > UNDO_STEPS {
                    self.undo.remove(0);
                }
                self.undone = None;
                match self.mode {
                    // A graded card is no longer due: it leaves the review queue and the study
                    // session (crammed, it still is due, but this session has seen it); one in
                    // learning steps comes back when its step is up.
                    Mode::Due | Mode::Session => {
                        self.session.remove_current();
                        self.review_tally[rating as usize - 1] += 1;
                        if self.session.is_empty() {
                            let ratings = std::mem::take(&mut self.review_tally);
                            self.tell_host(HostEvent::SessionComplete {
                                mock: false,
                                ratings,
                            });
                        }
                    }
                    Mode::All => self.session.next(),
                }
                self.see_current();
            }
            Action::TickPoint { index } => {
                let (Some(card), true) = (self.session.current(), self.session.is_flipped()) else {
                    return;
                };
                let mut ticks = self.ticked_points();
                if let Some(t) = ticks.get_mut(index) {
                    *t = !*t;
                    self.ticked = Some((card, ticks));
                }
            }
            Action::Bury { now_ms, offset_min } => {
                self.advance(now_ms);
                let day = crate::core::stats::local_day(now_ms, offset_min);
                let midnight = (day + 1) as f64 * crate::core::schedule::DAY_MS
                    - f64::from(offset_min) * 60_000.0;
                self.hold(|progress, id| progress.bury(id, midnight));
            }
            Action::SetSuspended { on, now_ms } => {
                self.advance(now_ms);
                self.hold(|progress, id| progress.set_suspended(id, on, now_ms));
            }
            Action::Undo { now_ms } => {
                self.advance(now_ms);
                self.undo();
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
                self.review_tally = [0; 4];
                self.requeue();
            }
            Action::SetLimit { reviews, text } => {
                let limit = text.trim().parse::<u32>().ok().filter(|&n| n <= MAX_DAILY);
                self.limit_errors[usize::from(reviews)] = limit.is_none();
                if let Some(n) = limit {
                    if reviews {
                        self.limits.reviews = n;
                    } else {
                        self.limits.new_cards = n;
                    }
                    self.requeue();
                }
            }
            Action::MoreNewToday { now_ms } => {
                self.advance(now_ms);
                self.limits
                    .add_new(crate::core::stats::local_day(now_ms, self.offset_min));
                self.requeue();
            }
            Action::Shuffle { seed, now_ms } => {
                self.now_ms = now_ms;
                self.shuffle = seed;
                self.requeue();
            }
            Action::ShowView(view) => {
                self.view = view;
                // The settings fields show the steps and limits in force again: their errors
                // are moot.
                self.steps_errors = [None, None];
                self.limit_errors = [false; 2];
                self.help_open = false;
            }
            Action::SetTheme(theme) => self.theme = theme,
            Action::SetCram(on) => self.cram = on,
            Action::SetRetention(retention) => {
                let (low, high) = RETENTION_RANGE;
                if (low..=high).contains(&retention) {
                    let mut settings = self.scheduler.settings();
                    settings.retention = retention;
                    self.scheduler = Scheduler::from_settings(&settings);
                }
            }
            Action::SetSteps { relearning, text } => self.set_steps(relearning, &text),
            Action::ToggleHelp => self.help_open = !self.help_open,
            Action::CloseHelp => self.help_open = false,
            _ => {}
        }
    }

    /// The mock interview.
    fn mock_action(&mut self, action: Action) {
        match action {
            Action::SetMockSetup { count, seconds } => self.mock_setup = (count, seconds),
            Action::StartMock { seed, now_ms } => {
                self.advance(now_ms);
                let (pool, _) = self.filtered();
                let (count, seconds) = self.mock_setup;
                self.mock = Some(Mock::start(&pool, count, seconds, seed, now_ms));
                self.view = View::Mock;
            }
            Action::MockTick { now_ms } => {
                self.advance(now_ms);
                if let Some(mock) = &mut self.mock {
                    mock.tick(now_ms);
                }
            }
            Action::MockTickPoint { index } => {
                if let Some(mock) = &mut self.mock {
                    let total = mock
                        .current()
                        .and_then(|c| self.deck.cards.get(c))
                        .map_or(0, |c| c.key_points.len());
                    mock.toggle_point(index, total);
                }
            }
            Action::MockTimer { change, now_ms } => {
                self.advance(now_ms);
                if let Some(mock) = &mut self.mock {
                    mock.change_timer(change, now_ms);
                }
            }
            Action::MockReveal { now_ms } => {
                self.advance(now_ms);
                if let Some(mock) = &mut self.mock {
                    mock.reveal(now_ms);
                }
            }
            Action::MockGrade { rating, now_ms } => {
                self.advance(now_ms);
                let graded = self.mock.as_mut().and_then(|m| m.grade(rating, now_ms));
                if let Some(card) = graded.filter(|&c| c < self.deck.cards.len()) {
                    // Seen first: grading makes the card's entry, and a card with an entry
                    // would already count as seen (the seen count would miss it).
                    self.mark_seen(self.deck.cards[card].id.clone());
                    self.grade(card, rating);
                }
                if let Some(mock) = self
                    .mock
                    .as_ref()
                    .filter(|m| m.is_finished() && graded.is_some())
                {
                    let mut ratings = [0; 4];
                    for r in &mock.results {
                        ratings[r.rating as usize - 1] += 1;
                    }
                    self.tell_host(HostEvent::SessionComplete {
                        mock: true,
                        ratings,
                    });
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
            Action::SetReadAloud(on) => self.read_aloud.on = on,
            Action::ChooseVoice(name) => self.read_aloud.voice = Some(name),
            Action::HearAgain => self.read_aloud.again = self.read_aloud.again.wrapping_add(1),
            _ => {}
        }
    }

    /// Saved progress: other tabs, storage notices, import, reset, backups.
    fn data_action(&mut self, action: Action) {
        match action {
            Action::Adopt { progress, now_ms } => {
                self.advance(now_ms);
                // Progress of the deck that was open before a switch has no place here.
                if progress.deck == self.deck.id {
                    self.adopt(progress);
                }
            }
            Action::Resume { progress, now_ms } => {
                self.advance(now_ms);
                if progress.deck != self.deck.id {
                    return;
                }
                let practised = |id: &str| {
                    progress
                        .cards
                        .get(id)
                        .is_some_and(|c| !c.log.is_empty() || c.memory.is_some())
                };
                let restart = self.undo.is_empty()
                    && !self.session.is_flipped()
                    && self.current_card().is_some_and(|c| practised(&c.id));
                self.adopt(progress);
                self.touch_all();
                if restart {
                    self.start_at_first_unseen();
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
            Action::ImportRead { result, now_ms } => {
                self.advance(now_ms);
                match result {
                    // Read for the deck that was open when the file was picked.
                    Ok(incoming) if incoming.deck != self.deck.id => {
                        self.import = None;
                        self.import_error = Some(ProgressError::OtherDeck {
                            found: incoming.deck,
                        });
                    }
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
                self.advance(now_ms);
                if let Some((incoming, _)) =
                    self.import.take().filter(|(p, _)| p.deck == self.deck.id)
                {
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
                // Grades before a reset are out of view: nothing to take back.
                self.undo.clear();
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
            Action::BackupsListed(backups) => self.backups = backups,
            Action::ReplaceDamaged => {
                self.writable = true;
                self.notice = None;
                self.touch_all();
            }
            _ => {}
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).apply(action))
    }
}
