//! Progress you can trust, on the host: decks replaced at any moment, imports and resets that
//! cannot hide progress, due states that follow the clock, keys decided against real state,
//! and what the reducer keeps for speed always equal to a fresh computation, for every action.

use interview_cards::app::action::LoadError;
use interview_cards::app::keys::key_action;
use interview_cards::app::state::{Action, Focus, Mode, Preset, State, Theme, View};
use interview_cards::core::bank::parse_index;
use interview_cards::core::deck::{parse_deck, Deck};
use interview_cards::core::filter::{apply, Filter, Status};
use interview_cards::core::import::ImportError;
use interview_cards::core::mock::TimerChange;
use interview_cards::core::progress::{preview_import, Progress, ProgressError};
use interview_cards::core::schedule::{Rating, Scheduler, DAY_MS};
use interview_cards::core::store::{
    backups, open_progress, progress_key, MemoryStore, Notice, Opened, Store, StoreError,
    MAX_BACKUPS,
};
use std::rc::Rc;

mod common;
use common::T0;

fn deck_of(id: &str, cards: &[&str]) -> Rc<Deck> {
    let cards: Vec<String> = cards
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let topic = if i % 2 == 0 { "a" } else { "b" };
            format!(r#"{{"id":"{c}","topic":"{topic}","difficulty":"easy","question":"Question {c}","answer":"Answer {c}"}}"#)
        })
        .collect();
    Rc::new(
        parse_deck(&format!(
            r#"{{"format":1,"id":"{id}","title":"Deck {id}","topics":[{{"id":"a","name":"A"}},{{"id":"b","name":"B"}}],"cards":[{}]}}"#,
            cards.join(",")
        ))
        .expect("valid"),
    )
}

fn many(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("c{i}")).collect()
}

use common::holding as fresh;

fn loaded(deck: Rc<Deck>, progress: Progress, now_ms: f64) -> Action {
    Action::DeckLoaded {
        deck,
        opened: Rc::new(Opened {
            progress,
            writable: true,
            notice: None,
            backups: Vec::new(),
        }),
        now_ms,
    }
}

fn question(state: &State) -> String {
    state
        .current_card()
        .map(|c| c.question.clone())
        .unwrap_or_default()
}

#[test]
fn a_deck_with_the_same_id_replaces_the_one_on_screen_and_keeps_progress() {
    let ids = many(5);
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let state = fresh(deck_of("d", &ids))
        .apply(Action::Flip)
        .apply(Action::Grade {
            rating: Rating::Good,
            now_ms: T0 + 1.0,
        });
    assert_eq!(state.progress.review_count(), 1);
    let reordered: Vec<&str> = ids.iter().rev().copied().collect();
    let progress = (*state.progress).clone();
    let state = state.apply(loaded(deck_of("d", &reordered), progress, T0 + 2.0));
    assert_eq!(state.deck.cards[0].id, "c5");
    assert_eq!(state.progress.review_count(), 1, "same id: progress kept");
    // The card shown is the card graded.
    let shown = state.current_card().unwrap().id.clone();
    let state = state.apply(Action::Flip).apply(Action::Grade {
        rating: Rating::Easy,
        now_ms: T0 + 3.0,
    });
    assert_eq!(
        state.progress.reviews(&shown).count(),
        1 + usize::from(shown == "c1")
    );
}

#[test]
fn a_smaller_deck_during_a_mock_interview_ends_it_instead_of_breaking() {
    let ids = many(40);
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let state = fresh(deck_of("d", &ids))
        .apply(Action::SetMockSetup {
            count: 10,
            seconds: 60,
        })
        .apply(Action::StartMock {
            seed: 3,
            now_ms: T0,
        })
        .apply(Action::MockReveal { now_ms: T0 + 5.0 });
    assert!(state.mock.as_ref().unwrap().cards.iter().any(|&i| i >= 3));
    let state = state.apply(loaded(
        deck_of("d", &["x", "y", "z"]),
        Progress::new("d"),
        T0 + 6.0,
    ));
    assert!(
        state.mock.is_none(),
        "the interview belonged to the old deck"
    );
    assert_eq!(state.view, View::Mock, "the learner stays where they were");
    // A grade that was on its way is ignored, not applied to another card.
    let state = state.apply(Action::MockGrade {
        rating: Rating::Again,
        now_ms: T0 + 7.0,
    });
    assert_eq!(state.progress.review_count(), 0);
    let state = state.apply(Action::ShowView(View::Practice));
    assert!(question(&state).starts_with("Question "));
    assert_eq!(state.session.len(), 3);
}

#[test]
fn another_deck_id_brings_its_own_progress_and_keeps_the_filter_topics_it_has() {
    let state = fresh(deck_of("d", &["c1", "c2"])).apply(Action::SetFilter {
        filter: Filter {
            topics: ["b".to_string()].into(),
            ..Filter::default()
        },
        now_ms: T0,
    });
    let mut theirs = Progress::new("e");
    theirs.record("x", Rating::Good, T0 - 5.0, &Scheduler::default());
    let state = state.apply(loaded(deck_of("e", &["x", "y"]), theirs, T0 + 1.0));
    assert_eq!(state.progress.deck, "e");
    assert_eq!(state.progress.review_count(), 1);
    assert_eq!(state.progress_key(), "interview-cards:e:progress");
    assert_eq!(state.session.len(), 1, "topic b is in the new deck too");
}

#[test]
fn an_import_names_the_reset_marks_it_carries_and_can_leave_them_out() {
    let mut state = fresh(deck_of("d", &["c1", "c2", "c3", "c4", "c5"]));
    for n in 0..3 {
        state = state.apply(Action::Flip).apply(Action::Grade {
            rating: Rating::Good,
            now_ms: T0 + f64::from(n),
        });
    }
    let mut file = Progress::new("d");
    file.reset(T0 + 60_000.0);
    file.record("c5", Rating::Hard, T0 + 120_000.0, &Scheduler::default());
    let preview = preview_import(&state.progress, &file);
    assert_eq!(preview.resets.len(), 1);
    assert_eq!(preview.cards_reset(), 3);
    assert_eq!(preview.new_reviews, 1);

    let read = |s: State| {
        s.apply(Action::ImportRead {
            result: Ok(file.clone()),
            now_ms: T0 + 180_000.0,
        })
    };
    let dropped = read(state.clone()).apply(Action::ConfirmImport {
        keep_resets: false,
        now_ms: T0 + 181_000.0,
    });
    assert_eq!(dropped.progress.review_count(), 4);
    assert!(dropped.progress.resets.is_empty());
    let kept = read(state).apply(Action::ConfirmImport {
        keep_resets: true,
        now_ms: T0 + 181_000.0,
    });
    assert_eq!(
        kept.progress.review_count(),
        1,
        "the file's reset hides the 3"
    );
    // Hidden, never deleted: the three reviews are still in the log, under the file's mark.
    assert_eq!(
        kept.progress
            .cards
            .values()
            .map(|c| c.log.len())
            .sum::<usize>(),
        4
    );
    assert_eq!(kept.progress.resets, file.resets);
    // The file graded after its reset, so there is nothing to take back (a reset can be
    // undone only until the next grade); leaving the marks out keeps all four in view.
    assert!(!kept.can_undo_reset());
}

#[test]
fn a_reset_mark_from_the_future_never_hides_later_grades() {
    let state = fresh(deck_of("d", &["c1", "c2"]));
    let mut file = Progress::new("d");
    file.reset(T0 + DAY_MS);
    let state = state
        .apply(Action::ImportRead {
            result: Ok(file),
            now_ms: T0 + 10.0,
        })
        .apply(Action::ConfirmImport {
            keep_resets: true,
            now_ms: T0 + 10.0,
        })
        .apply(Action::Flip)
        .apply(Action::Grade {
            rating: Rating::Good,
            now_ms: T0 + 20.0,
        });
    assert_eq!(state.progress.review_count(), 1);
    // Saved and read back on another day, the mark still hides nothing after it settled.
    let reread =
        interview_cards::core::progress::parse_progress(&state.progress.to_json(), "d").unwrap();
    assert_eq!(reread.review_count(), 1);
    // A tab that never heard of the import settles the stored mark itself.
    let mut skewed = Progress::new("d");
    skewed.reset(T0 + DAY_MS);
    assert!(skewed.settle_resets(T0));
    assert_eq!(skewed.reset_at(), T0);
    assert!(!skewed.settle_resets(T0 + 5.0), "settling is done once");
}

#[test]
fn undo_of_a_reset_works_after_a_reload() {
    let store = MemoryStore::default();
    let key = progress_key(None, "d");
    let state = fresh(deck_of("d", &["c1", "c2"]))
        .apply(Action::Flip)
        .apply(Action::Grade {
            rating: Rating::Good,
            now_ms: T0 + 1.0,
        })
        .apply(Action::Reset { now_ms: T0 + 2.0 });
    interview_cards::core::store::save_progress(&store, &key, &state.progress, T0, None).unwrap();
    let reloaded = State::new(
        deck_of("d", &["c1", "c2"]),
        open_progress(&store, &key, "d", T0 + 3.0),
        Preset::default(),
        T0 + 3.0,
    );
    assert!(reloaded.can_undo_reset());
    let undone = reloaded.apply(Action::UndoReset { now_ms: T0 + 4.0 });
    assert_eq!(undone.progress.review_count(), 1);
    assert!(!undone.can_undo_reset());
}

#[test]
fn a_card_falls_due_in_an_open_tab_without_a_click_on_a_mode() {
    let state = fresh(deck_of("d", &["c1", "c2", "c3"]))
        .apply(Action::Flip)
        .apply(Action::Grade {
            rating: Rating::Again,
            now_ms: T0,
        });
    assert_eq!(state.counts.status(Status::Due), 0);
    let next_day = T0 + DAY_MS + 60_000.0;
    let ticked = state.clone().apply(Action::Tick { now_ms: next_day });
    assert_eq!(ticked.counts.status(Status::Due), 1);
    let moved = state.apply(Action::Next { now_ms: next_day });
    assert_eq!(moved.counts.status(Status::Due), 1);
    // In review-due mode the queue gains the card too.
    let due_mode = fresh(deck_of("d", &["c1", "c2"]))
        .apply(Action::Flip)
        .apply(Action::Grade {
            rating: Rating::Again,
            now_ms: T0,
        })
        .apply(Action::SetMode {
            mode: Mode::Due,
            now_ms: T0 + 1.0,
        });
    assert_eq!(due_mode.session.len(), 0);
    let due_mode = due_mode.apply(Action::Tick { now_ms: next_day });
    assert_eq!(due_mode.session.len(), 1);
}

#[test]
fn keys_are_decided_against_the_state_they_meet() {
    let state = fresh(deck_of("d", &["c1", "c2"]));
    let key = |s: &State, k: &str, f: Focus| key_action(s, k, f, T0);
    assert_eq!(
        key(&state, "3", Focus::Page),
        None,
        "no grade before a flip"
    );
    assert_eq!(key(&state, " ", Focus::Page), Some(Action::Flip));
    assert_eq!(
        key(&state, " ", Focus::Control),
        None,
        "a button takes Space itself"
    );
    assert_eq!(key(&state, "t", Focus::TextField), None, "typing is typing");
    assert_eq!(
        key(&state, "Escape", Focus::TextField),
        Some(Action::CloseHelp)
    );
    let flipped = state.clone().apply(Action::Flip);
    assert!(matches!(
        key(&flipped, "3", Focus::Control),
        Some(Action::Grade {
            rating: Rating::Good,
            ..
        })
    ));
    let stats = state.clone().apply(Action::ShowView(View::Stats));
    assert_eq!(key(&stats, " ", Focus::Page), None);
    let help = state.clone().apply(Action::ToggleHelp);
    assert_eq!(
        key(&help, "p", Focus::Page),
        None,
        "help takes only Esc and ?"
    );
    // The reducer decides the same way from the action.
    let graded = flipped.apply(Action::Key {
        key: "4".into(),
        focus: Focus::Page,
        now_ms: T0 + 1.0,
    });
    assert_eq!(graded.progress.review_count(), 1);
    let ignored = state.apply(Action::Key {
        key: "4".into(),
        focus: Focus::Page,
        now_ms: T0 + 1.0,
    });
    assert_eq!(ignored.progress.review_count(), 0);
}

/// One action of every kind. The exhaustive match below stops compiling when a kind is added,
/// so a new action cannot escape the invariant test.
fn every_kind(deck: &Rc<Deck>) -> Vec<Action> {
    let (index, parts) = common::in_parts(deck);
    let mut other = Progress::new("d");
    other.record("c3", Rating::Hard, T0 + 5.0, &Scheduler::default());
    let mut import = Progress::new("d");
    import.record("c4", Rating::Easy, T0 + 6.0, &Scheduler::default());
    let mut platform = Progress::new("d");
    platform.record("c1", Rating::Good, T0 - 5.0, &Scheduler::default());
    let actions = vec![
        Action::Resume {
            progress: platform,
            now_ms: T0 + 1.0,
        },
        Action::Flip,
        Action::Grade {
            rating: Rating::Again,
            now_ms: T0 + 10.0,
        },
        Action::Next { now_ms: T0 + 20.0 },
        Action::Previous { now_ms: T0 + 30.0 },
        Action::Key {
            key: " ".into(),
            focus: Focus::Page,
            now_ms: T0 + 35.0,
        },
        Action::Key {
            key: "2".into(),
            focus: Focus::Page,
            now_ms: T0 + 36.0,
        },
        Action::TickPoint { index: 0 },
        Action::Bury {
            now_ms: T0 + 36.5,
            offset_min: 60,
        },
        Action::SetSuspended {
            on: true,
            now_ms: T0 + 36.6,
        },
        Action::Undo { now_ms: T0 + 37.0 },
        Action::Key {
            key: "2".into(),
            focus: Focus::Page,
            now_ms: T0 + 38.0,
        },
        Action::SetFilter {
            filter: Filter {
                topics: ["a".to_string()].into(),
                ..Filter::default()
            },
            now_ms: T0 + 40.0,
        },
        Action::SetMode {
            mode: Mode::Due,
            now_ms: T0 + 50.0,
        },
        Action::Tick {
            now_ms: T0 + DAY_MS,
        },
        Action::Shuffle {
            seed: Some(9),
            now_ms: T0 + DAY_MS + 1.0,
        },
        Action::SetMode {
            mode: Mode::All,
            now_ms: T0 + DAY_MS + 2.0,
        },
        Action::SetMode {
            mode: Mode::Session,
            now_ms: T0 + DAY_MS + 2.1,
        },
        Action::SetLimit {
            reviews: false,
            text: "3".into(),
        },
        Action::SetLimit {
            reviews: true,
            text: "lots".into(),
        },
        Action::Flip,
        Action::Grade {
            rating: Rating::Good,
            now_ms: T0 + DAY_MS + 2.2,
        },
        Action::MoreNewToday {
            now_ms: T0 + DAY_MS + 2.3,
        },
        Action::SetMode {
            mode: Mode::All,
            now_ms: T0 + DAY_MS + 2.4,
        },
        Action::ShowView(View::Stats),
        Action::SetTheme(Theme::Dark),
        Action::SetCram(true),
        Action::Flip,
        Action::Grade {
            rating: Rating::Hard,
            now_ms: T0 + DAY_MS + 2.5,
        },
        Action::SetCram(false),
        Action::SetTypeAnswer(true),
        Action::TypeAnswer("an answer".into()),
        Action::SetRetention(0.8),
        Action::SetSteps {
            relearning: true,
            text: "nonsense".into(),
        },
        Action::SetSteps {
            relearning: false,
            text: "2m 20m".into(),
        },
        Action::ToggleHelp,
        Action::CloseHelp,
        Action::SetMockSetup {
            count: 3,
            seconds: 60,
        },
        Action::StartMock {
            seed: 1,
            now_ms: T0 + DAY_MS + 3.0,
        },
        Action::MockTick {
            now_ms: T0 + DAY_MS + 4.0,
        },
        Action::MockTimer {
            change: TimerChange::Pause,
            now_ms: T0 + DAY_MS + 4.5,
        },
        Action::MockTimer {
            change: TimerChange::Resume,
            now_ms: T0 + DAY_MS + 4.6,
        },
        Action::MockTimer {
            change: TimerChange::Extend,
            now_ms: T0 + DAY_MS + 4.7,
        },
        Action::MockReveal {
            now_ms: T0 + DAY_MS + 5.0,
        },
        Action::MockTickPoint { index: 0 },
        Action::MockGrade {
            rating: Rating::Hard,
            now_ms: T0 + DAY_MS + 6.0,
        },
        Action::PractiseWeak {
            now_ms: T0 + DAY_MS + 7.0,
        },
        Action::StartMock {
            seed: 2,
            now_ms: T0 + DAY_MS + 8.0,
        },
        Action::EndMock,
        Action::SetReadAloud(true),
        Action::ChooseVoice("Daniel".into()),
        Action::HearAgain,
        Action::Adopt {
            progress: other,
            now_ms: T0 + DAY_MS + 9.0,
        },
        Action::SaveNotice(Notice::Trimmed { entries: 1 }),
        Action::SaveAll,
        Action::ImportRead {
            result: Ok(import),
            now_ms: T0 + DAY_MS + 10.0,
        },
        Action::ConfirmImport {
            keep_resets: true,
            now_ms: T0 + DAY_MS + 11.0,
        },
        Action::ImportRead {
            result: Err(ProgressError::OtherDeck {
                found: "other".into(),
            }),
            now_ms: T0 + DAY_MS + 12.0,
        },
        Action::CancelImport,
        Action::Reset {
            now_ms: T0 + DAY_MS + 13.0,
        },
        Action::UndoReset {
            now_ms: T0 + DAY_MS + 14.0,
        },
        Action::DismissNotice,
        Action::BackupsListed(Vec::new()),
        Action::ReplaceDamaged,
        Action::Optimise,
        Action::OptimiseProgress {
            stage: 1,
            done: 0.5,
        },
        Action::OptimiseDone {
            result: std::rc::Rc::new(
                interview_cards::core::optimize::FitResult::from_flat(&[0.5; 26]).unwrap(),
            ),
            now_ms: T0 + DAY_MS + 15.0,
        },
        Action::OptimiseFailed("offline".into()),
        Action::UseDefaultWeights {
            now_ms: T0 + DAY_MS + 16.0,
        },
        // Long enough for the Hard and Easy cards above to fall due.
        Action::Tick {
            now_ms: T0 + 40.0 * DAY_MS,
        },
        loaded(
            deck_of("d", &["c4", "c1", "c9"]),
            Progress::new("d"),
            T0 + 40.0 * DAY_MS + 15.0,
        ),
        Action::DeckFailed(LoadError::Import(ImportError::NoCards)),
        // The same deck as the bank comes: its index first, a search on, then its parts.
        loaded(
            Rc::new(parse_index(&index).expect("an index")),
            Progress::new("d"),
            T0 + 40.0 * DAY_MS + 20.0,
        ),
        Action::SetFilter {
            filter: Filter {
                text: "answer".into(),
                ..Filter::default()
            },
            now_ms: T0 + 40.0 * DAY_MS + 21.0,
        },
        Action::BankPart {
            topic: parts[1].0.clone(),
            text: Err("offline".into()),
        },
        Action::BankPart {
            topic: parts[0].0.clone(),
            text: Ok(Rc::from(parts[0].1.as_str())),
        },
        Action::RetryParts,
        Action::BankPart {
            topic: parts[1].0.clone(),
            text: Ok(Rc::from(parts[1].1.as_str())),
        },
        loaded(deck.clone(), Progress::new("d"), T0 + 41.0 * DAY_MS),
    ];
    let mut kinds: Vec<&str> = actions
        .iter()
        .map(|a| match a {
            Action::DeckLoaded { .. } => "DeckLoaded",
            Action::DeckFailed(_) => "DeckFailed",
            Action::BankPart { .. } => "BankPart",
            Action::RetryParts => "RetryParts",
            Action::Key { .. } => "Key",
            Action::Tick { .. } => "Tick",
            Action::Flip => "Flip",
            Action::Next { .. } => "Next",
            Action::Previous { .. } => "Previous",
            Action::Grade { .. } => "Grade",
            Action::Undo { .. } => "Undo",
            Action::TickPoint { .. } => "TickPoint",
            Action::Bury { .. } => "Bury",
            Action::SetSuspended { .. } => "SetSuspended",
            Action::SetFilter { .. } => "SetFilter",
            Action::SetMode { .. } => "SetMode",
            Action::SetLimit { .. } => "SetLimit",
            Action::MoreNewToday { .. } => "MoreNewToday",
            Action::Shuffle { .. } => "Shuffle",
            Action::ShowView(_) => "ShowView",
            Action::SetTheme(_) => "SetTheme",
            Action::SetCram(_) => "SetCram",
            Action::SetRetention(_) => "SetRetention",
            Action::SetSteps { .. } => "SetSteps",
            Action::SetTypeAnswer(_) => "SetTypeAnswer",
            Action::TypeAnswer(_) => "TypeAnswer",
            Action::ToggleHelp => "ToggleHelp",
            Action::CloseHelp => "CloseHelp",
            Action::SetMockSetup { .. } => "SetMockSetup",
            Action::StartMock { .. } => "StartMock",
            Action::MockTick { .. } => "MockTick",
            Action::MockReveal { .. } => "MockReveal",
            Action::MockTimer { .. } => "MockTimer",
            Action::MockTickPoint { .. } => "MockTickPoint",
            Action::MockGrade { .. } => "MockGrade",
            Action::PractiseWeak { .. } => "PractiseWeak",
            Action::EndMock => "EndMock",
            Action::SetReadAloud(_) => "SetReadAloud",
            Action::ChooseVoice(_) => "ChooseVoice",
            Action::HearAgain => "HearAgain",
            Action::Adopt { .. } => "Adopt",
            Action::Resume { .. } => "Resume",
            Action::SaveNotice(_) => "SaveNotice",
            Action::SaveAll => "SaveAll",
            Action::ImportRead { .. } => "ImportRead",
            Action::ConfirmImport { .. } => "ConfirmImport",
            Action::CancelImport => "CancelImport",
            Action::Reset { .. } => "Reset",
            Action::UndoReset { .. } => "UndoReset",
            Action::DismissNotice => "DismissNotice",
            Action::BackupsListed(_) => "BackupsListed",
            Action::ReplaceDamaged => "ReplaceDamaged",
            Action::Optimise => "Optimise",
            Action::OptimiseProgress { .. } => "OptimiseProgress",
            Action::OptimiseDone { .. } => "OptimiseDone",
            Action::OptimiseFailed(_) => "OptimiseFailed",
            Action::UseDefaultWeights { .. } => "UseDefaultWeights",
        })
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(kinds.len(), 57, "one of every kind: {kinds:?}");
    actions
}

#[test]
fn what_the_reducer_keeps_for_speed_equals_a_fresh_computation_after_every_kind_of_action() {
    let names = many(12);
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let deck = deck_of("d", &names);
    let mut state = fresh(deck.clone());
    for action in every_kind(&deck) {
        let label = format!("{action:?}");
        state = state.apply(action);
        let statuses: Vec<Status> = state
            .deck
            .cards
            .iter()
            .map(|c| state.progress.status(&c.id, state.now_ms))
            .collect();
        for (i, fresh) in statuses.iter().enumerate() {
            assert_eq!(state.status_of(i), *fresh, "card {i} after {label}");
        }
        let (_, counts) = apply(&state.deck, &state.index, &state.filter, |i| statuses[i]);
        assert_eq!(state.counts, counts, "facet counts after {label}");
        let seen = state
            .deck
            .cards
            .iter()
            .filter(|c| state.progress.is_seen(&c.id))
            .count();
        assert_eq!(state.seen, seen, "seen count after {label}");
        if let Some(i) = state.session.current() {
            assert!(
                i < state.deck.cards.len(),
                "queue points past the deck after {label}"
            );
        }
    }
}

/// Memory with a byte quota, like a browser's storage.
#[derive(Default)]
struct Quota {
    inner: MemoryStore,
    limit: usize,
}

impl Store for Quota {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let others: usize = self
            .inner
            .keys()?
            .iter()
            .filter(|k| *k != key)
            .map(|k| k.len() + self.inner.get(k).ok().flatten().map_or(0, |v| v.len()))
            .sum();
        if others + key.len() + value.len() > self.limit {
            return Err(StoreError::QuotaExceeded);
        }
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

#[test]
fn backups_of_damaged_progress_are_capped_listed_and_never_block_saving() {
    let store = Quota {
        limit: 3_300,
        ..Quota::default()
    };
    let key = progress_key(None, "d");
    for n in 0..5 {
        store
            .set(
                &key,
                &format!(
                    "{{\"format\":2,\"deck\":\"d\",\"cards\":{{\"c{n}\":{{\"views\":\"bad\"}}"
                ),
            )
            .unwrap();
        let opened = open_progress(&store, &key, "d", T0 + f64::from(n));
        assert!(opened.writable, "visit {n} can save");
        assert!(
            opened.backups.len() <= MAX_BACKUPS,
            "visit {n}: {:?}",
            opened.backups
        );
        assert_eq!(opened.backups.last().map(|b| b.at), Some(T0 + f64::from(n)));
    }
    // Storage nearly full of backups: a new damaged value still gets its copy, by dropping the
    // oldest backups, and this visit still saves.
    let big = format!(
        "{{\"format\":2,\"deck\":\"d\",\"cards\":{{\"x\":{}",
        "9".repeat(1_500)
    );
    store.set(&key, &big).unwrap();
    let opened = open_progress(&store, &key, "d", T0 + 10.0);
    assert!(opened.writable);
    let listed = backups(&store, &key);
    assert_eq!(listed.last().map(|b| b.bytes), Some(big.len()));
    assert!(
        listed.len() < MAX_BACKUPS,
        "older copies made room: {listed:?}"
    );
}

#[test]
fn a_partly_recovered_value_is_described_as_such() {
    let store = MemoryStore::default();
    let key = progress_key(None, "d");
    store
        .set(
            &key,
            r#"{"format":2,"deck":"d","cards":{"a":{"views":1},"b":{"views":"x"}}}"#,
        )
        .unwrap();
    let opened = open_progress(&store, &key, "d", T0);
    let notice = opened.notice.expect("told");
    assert!(matches!(
        notice,
        Notice::Unreadable {
            recovered: 1,
            lost: 1,
            ..
        }
    ));
    let words = interview_cards::words::notice_message(&notice);
    assert!(
        words.contains("1 card entries were recovered and kept; 1 could not be read"),
        "{words}"
    );
    assert!(!words.contains("starts fresh"), "{words}");
}

#[test]
fn stats_put_each_review_on_its_own_local_day_across_a_daylight_saving_change() {
    use interview_cards::core::stats;
    // A zone at UTC+1 that moves to UTC+2 at 01:00 UTC on day 1 (as Europe does in spring).
    let day0 = 1_774_915_200_000.0; // a UTC midnight
    let switch = day0 + DAY_MS + 3_600_000.0;
    let offset = |at: f64| if at < switch { 60 } else { 120 };
    let mut state = fresh(deck_of("d", &["c1", "c2"]));
    // 23:30 local on day 0 (22:30 UTC, before the change).
    state = state.apply(Action::Flip).apply(Action::Grade {
        rating: Rating::Good,
        now_ms: day0 + 22.5 * 3_600_000.0,
    });
    // Seen on day 2 at 00:30 local (22:30 UTC on day 1, after the change).
    let now = day0 + DAY_MS + 22.5 * 3_600_000.0;
    let s = stats::compute(&state.deck, &state.index, &state.progress, now, &offset);
    assert_eq!(s.reviews_today, 0);
    let two_days_ago = s.per_day.iter().find(|(ago, _)| *ago == 2).map(|d| d.1);
    assert_eq!(two_days_ago, Some(1), "the review was two local days ago");
    // Judged with today's offset alone it would land on yesterday.
    let naive = stats::compute(&state.deck, &state.index, &state.progress, now, &|_| 120);
    assert_eq!(
        naive.per_day.iter().find(|(ago, _)| *ago == 1).map(|d| d.1),
        Some(1)
    );
}

#[test]
fn progress_of_another_deck_is_never_merged_into_the_deck_on_screen() {
    let mut theirs = Progress::new("other");
    theirs.record("c1", Rating::Good, T0, &Scheduler::default());
    let state = fresh(deck_of("d", &["c1", "c2"]));
    let adopted = state.clone().apply(Action::Adopt {
        progress: theirs.clone(),
        now_ms: T0 + 1.0,
    });
    assert_eq!(adopted.progress.review_count(), 0);
    // A file read for the deck open when it was picked, arriving after a switch.
    let read = state.apply(Action::ImportRead {
        result: Ok(theirs),
        now_ms: T0 + 2.0,
    });
    assert!(read.import.is_none());
    assert!(matches!(
        read.import_error,
        Some(ProgressError::OtherDeck { .. })
    ));
}

#[test]
fn damaged_values_keep_their_reset_marks_and_duplicates_never_underflow_a_preview() {
    let raw = r#"{"format":2,"deck":"d","cards":{"a":{"views":1},"b":{"views":"x"}},"resets":[{"at":5},{"at":"bad"}]}"#;
    let saved = interview_cards::core::progress::salvage(raw, "d").expect("salvaged");
    assert_eq!(saved.progress.resets.len(), 1, "the readable mark is kept");
    // Stored data with a review written twice (damage): the preview counts, never panics.
    let mut current = Progress::new("d");
    current.record("a", Rating::Good, 10.0, &Scheduler::default());
    let mut twice = (*current.cards["a"]).clone();
    twice.log.push(twice.log[0]);
    current.cards.insert(Rc::from("a"), Rc::new(twice));
    let preview = preview_import(&current, &Progress::new("d"));
    assert_eq!(preview.new_reviews, 0);
}

#[test]
fn undo_of_a_reset_takes_back_the_mark_in_force() {
    let mut p = Progress::new("d");
    p.reset(T0); // the learner's own reset
    let mut imported = Progress::new("d");
    imported.reset(T0 + 5.0 * DAY_MS); // from a device running ahead
    imported.settle_resets(T0 + DAY_MS);
    interview_cards::core::progress::merge_into(&mut p, &imported);
    assert_eq!(p.reset_at(), T0 + DAY_MS);
    assert!(p.undo_reset());
    assert_eq!(
        p.reset_at(),
        T0,
        "the settled mark hid the most, so it went first"
    );
}

#[test]
fn the_same_damaged_value_is_backed_up_once() {
    let store = MemoryStore::default();
    let key = progress_key(None, "d");
    store.set(&key, "{broken").unwrap();
    let first = interview_cards::core::store::back_up(&store, &key, "{broken", T0).unwrap();
    let second = interview_cards::core::store::back_up(&store, &key, "{broken", T0 + 1.0).unwrap();
    assert_eq!(first, second);
    assert_eq!(backups(&store, &key).len(), 1);
}

#[test]
fn under_a_status_filter_the_queue_follows_the_clock_too() {
    let state = fresh(deck_of("d", &["c1", "c2", "c3"]))
        .apply(Action::Flip)
        .apply(Action::Grade {
            rating: Rating::Good,
            now_ms: T0,
        })
        .apply(Action::SetFilter {
            filter: Filter {
                statuses: [Status::Due].into(),
                ..Filter::default()
            },
            now_ms: T0 + 1.0,
        });
    assert_eq!(state.session.len(), 0);
    let later = state.apply(Action::Tick {
        now_ms: T0 + 30.0 * DAY_MS,
    });
    assert_eq!(
        later.session.len(),
        1,
        "the card that fell due joins the queue"
    );
}

#[test]
fn a_coordinator_never_saves_another_decks_progress_under_its_key() {
    let store = MemoryStore::default();
    let key = progress_key(None, "d");
    let mut coordinator = interview_cards::core::persist::Persistence::new(&key, "d");
    coordinator.note(interview_cards::core::persist::Unsaved {
        cards: Default::default(),
        all: true,
    });
    let mut other = Progress::new("e");
    other.record("x", Rating::Good, T0, &Scheduler::default());
    coordinator.save(&store, &Rc::new(other), T0);
    assert_eq!(store.get(&key).unwrap(), None);
    assert!(coordinator.has_pending(), "kept for the right progress");
}

#[test]
fn saved_numbers_are_read_exactly_and_anything_else_is_refused() {
    use interview_cards::core::number::read;
    use interview_cards::core::progress::{parse_progress, ProgressError};
    // Numbers that a reader rounding twice gets wrong in the last bit.
    for v in [
        0.1 + 0.2,
        2.0_f64.sqrt(),
        1.0 / 3.0,
        5e-324,
        f64::MAX,
        123_456.789_012_345_67,
    ] {
        assert_eq!(read(&format!("{v:?}")).map(f64::to_bits), Some(v.to_bits()));
    }
    assert_eq!(read("-0").map(f64::to_bits), Some((-0.0_f64).to_bits()));
    assert_eq!(read("17"), Some(17.0));
    for not_a_number in ["1e400", "\"1\"", "null", "true", "[1]", ""] {
        assert_eq!(read(not_a_number), None, "{not_a_number}");
    }
    let card = |stab: &str| {
        format!(
            r#"{{"format":5,"deck":"d","cards":{{"c":{{"last_seen":1,"views":1,"memory":{{"stab":{stab},"diff":5,"due":0,"last":0,"reps":1,"lapses":0}}}}}}}}"#
        )
    };
    let read_back = parse_progress(&card("3.0000000000000004"), "d").expect("valid");
    assert_eq!(
        read_back.cards["c"].memory.unwrap().stability,
        3.000_000_000_000_000_4
    );
    for bad in ["\"3\"", "1e999", "{}"] {
        match parse_progress(&card(bad), "d") {
            Err(ProgressError::Unreadable { reason }) => {
                assert!(reason.contains("line 1"), "{reason}")
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
}

/// Every number saved in progress reads back bit for bit. The values are ones serde_json's
/// own reader gets wrong in the last bit (checked first, so the test means something): a field
/// read without `core::number` fails here, even though tests run on the host.
#[test]
fn every_saved_number_reads_back_bit_for_bit() {
    use interview_cards::core::optimize::Fitted;
    use interview_cards::core::progress::{
        parse_progress, CardProgress, ResetMark, Review, Switch,
    };
    use interview_cards::core::schedule::{Memory, Phase};

    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut hard = Vec::new();
    // About one number in five is hard for serde_json; a bounded search, so a serde_json that
    // reads them all exactly fails here instead of searching for ever.
    for _ in 0..10_000 {
        if hard.len() == 40 {
            break;
        }
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        // Positive, finite, of the size saved fields have (up to about 1e13).
        let v = f64::from_bits(x >> 12 | 0x3FF0_0000_0000_0000) * 1e3;
        let naive: f64 = serde_json::from_str(&format!("{v:?}")).expect("a number");
        if naive.to_bits() != v.to_bits() {
            hard.push(v);
        }
    }
    assert_eq!(
        hard.len(),
        40,
        "serde_json now reads these numbers exactly: find harder ones, or question core::number"
    );
    let mut next = hard.iter().copied().cycle();
    let mut n = || next.next().unwrap();
    let mut progress = Progress::new("d");
    progress.fitted = Some(Fitted {
        at: n(),
        w: (0..21).map(|_| n()).collect(),
        reviews: 500,
        log_loss: Some((n(), n())),
    });
    progress.resets = vec![ResetMark {
        at: n(),
        undone: false,
        settled: Some(n()),
    }];
    let card = CardProgress {
        last_seen: n(),
        views: 1,
        memory: Some(Memory {
            stability: n(),
            difficulty: n(),
            due: n(),
            last_review: n(),
            reps: 1,
            lapses: 0,
            set_at: n(),
            phase: Phase::Learning,
            step: 1,
        }),
        log: vec![Review {
            rating: Rating::Good,
            at: n(),
            undone: false,
            practice: false,
        }],
        buried_until: n(),
        suspended: Some(Switch { on: true, at: n() }),
    };
    progress.cards.insert("c".into(), Rc::new(card));
    let json = progress.to_json();
    let read = parse_progress(&json, "d").expect("reads back");
    // Debug prints each f64 in its shortest exact form: equal texts, equal bits.
    assert_eq!(format!("{read:?}"), format!("{progress:?}"), "{json}");
    assert_eq!(read, progress);
}

/// A course platform's copy of the progress joins this browser's and is saved; practice starts
/// at the first card not yet seen when the card on screen was practised elsewhere and nothing
/// was graded yet, and stays where the learner is otherwise.
#[test]
fn progress_a_course_platform_kept_is_merged_saved_and_practice_resumes_after_it() {
    let scheduler = Scheduler::default();
    let mut platform = Progress::new("d");
    for (i, id) in ["c1", "c2"].into_iter().enumerate() {
        platform.mark_seen(id, T0 - 1_000.0);
        platform.record(id, Rating::Good, T0 - 900.0 + i as f64, &scheduler);
    }
    let studying = fresh(deck_of("d", &["c1", "c2", "c3", "c4"]));
    // In a study session the platform's reviews leave the day's new cards: c3 is next.
    let session = studying.clone().apply(Action::Resume {
        progress: platform.clone(),
        now_ms: T0 + 10.0,
    });
    assert_eq!(session.current_card().unwrap().id, "c3");
    // Browsing (Practice all) resumes at the first card not yet seen.
    let state = studying.apply(Action::SetMode {
        mode: Mode::All,
        now_ms: T0,
    });
    assert_eq!(state.current_card().unwrap().id, "c1");
    let resumed = state.clone().apply(Action::Resume {
        progress: platform.clone(),
        now_ms: T0 + 10.0,
    });
    assert_eq!(resumed.progress.review_count(), 2);
    assert!(resumed.unsaved.borrow().all, "saved here");
    assert_eq!(resumed.current_card().unwrap().id, "c3");
    // Reading the same copy again changes nothing.
    let again = resumed.clone().apply(Action::Resume {
        progress: platform.clone(),
        now_ms: T0 + 11.0,
    });
    assert_eq!(again.progress, resumed.progress);
    // A learner who already graded here stays where they are.
    let begun = state
        .apply(Action::Flip)
        .apply(Action::Grade {
            rating: Rating::Easy,
            now_ms: T0 + 5.0,
        })
        .apply(Action::Resume {
            progress: platform,
            now_ms: T0 + 10.0,
        });
    assert_eq!(begun.progress.review_count(), 3);
    assert_eq!(begun.current_card().unwrap().id, "c2");
}

#[test]
fn an_import_preview_counts_reviews_not_practice_or_undone_grades() {
    let current = Progress::new("d");
    let mut file = Progress::new("d");
    let scheduler = Scheduler::default();
    file.record("c1", Rating::Good, T0, &scheduler);
    file.record_practice("c2", Rating::Again, T0 + 1.0);
    file.record("c3", Rating::Hard, T0 + 2.0, &scheduler);
    assert!(file.undo_review("c3", T0 + 2.0, None, T0 + 3.0));
    let preview = preview_import(&current, &file);
    assert_eq!(
        preview.new_reviews, 1,
        "one review; practice and undone grades are not reviews"
    );
}
