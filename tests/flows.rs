//! Practice flows through the reducer: grading and scheduling, review-due mode, filters,
//! shuffle, the mock interview, stats and the progress migration — all on the host.

use interview_cards::app::state::{Action, Mode, State, View};
use interview_cards::core::deck::{parse_deck, Deck, Difficulty};
use interview_cards::core::filter::{Filter, Status};
use interview_cards::core::mock::Phase;
use interview_cards::core::progress::{parse_progress, PROGRESS_FORMAT};
use interview_cards::core::schedule::{Rating, DAY_MS};
use interview_cards::core::stats;
use std::rc::Rc;

mod common;
use common::{holding, T0};

/// Cards c1..cN; odd ones in topic a, even ones in topic b; difficulty cycles easy/medium/hard.
fn deck(n: usize) -> Rc<Deck> {
    let diffs = ["easy", "medium", "hard"];
    let cards: Vec<String> = (1..=n)
        .map(|i| {
            let topic = if i % 2 == 1 { "a" } else { "b" };
            let d = diffs[(i - 1) % 3];
            format!(r#"{{"id":"c{i}","topic":"{topic}","difficulty":"{d}","question":"Question {i}","answer":"Answer {i}"}}"#)
        })
        .collect();
    Rc::new(
        parse_deck(&format!(
            r#"{{"format":1,"id":"d","title":"D","topics":[{{"id":"a","name":"A"}},{{"id":"b","name":"B"}}],"cards":[{}]}}"#,
            cards.join(",")
        ))
        .expect("valid"),
    )
}

fn fresh(n: usize) -> State {
    holding(deck(n))
}

fn current(state: &State) -> &str {
    state.current_card().map(|c| c.id.as_str()).unwrap_or("-")
}

fn grade(state: State, rating: Rating, at: f64) -> State {
    state
        .apply(Action::Flip)
        .apply(Action::Grade { rating, now_ms: at })
}

#[test]
fn grading_needs_a_flip_then_schedules_logs_and_moves_on() {
    let state = fresh(3);
    let unflipped = state.clone().apply(Action::Grade {
        rating: Rating::Good,
        now_ms: T0,
    });
    assert!(
        unflipped.progress.memory("c1").is_none(),
        "no grade before the answer is seen"
    );

    let state = grade(state, Rating::Good, T0 + 1.0);
    let c1 = &state.progress.cards["c1"];
    assert_eq!(c1.log.len(), 1);
    assert_eq!(c1.log[0].rating, Rating::Good);
    let memory = c1.memory.expect("scheduled");
    assert!(memory.due > T0 + 1.0, "a Good card comes back later");
    assert_eq!(current(&state), "c2");
    assert!(!state.session.is_flipped());
    assert_eq!(state.progress.status("c1", T0 + 2.0), Status::Learning);
    assert_eq!(state.counts.status(Status::New), 2);
}

#[test]
fn review_due_shows_only_due_cards_oldest_first_and_grading_removes_them() {
    let mut state = fresh(4);
    // Grade c1..c3 at different times; c4 stays new.
    for (i, at) in [T0, T0 - 3.0 * DAY_MS, T0 - 1.0 * DAY_MS]
        .into_iter()
        .enumerate()
    {
        state.now_ms = at;
        state = grade(state, [Rating::Again, Rating::Again, Rating::Again][i], at);
    }
    // A month later every graded card is due, the earliest due first.
    let later = T0 + 30.0 * DAY_MS;
    let state = state.apply(Action::SetMode {
        mode: Mode::Due,
        now_ms: later,
    });
    let order: Vec<String> = (0..state.session.len())
        .map(|p| {
            state.deck.cards[state.session.card_at(p).unwrap()]
                .id
                .clone()
        })
        .collect();
    assert_eq!(order, vec!["c2", "c3", "c1"]);
    assert_eq!(current(&state), "c2");

    let state = grade(state, Rating::Good, later);
    assert_eq!(state.session.len(), 2, "a graded card leaves the due queue");
    assert_eq!(current(&state), "c3");

    let state = state.apply(Action::SetMode {
        mode: Mode::All,
        now_ms: later,
    });
    assert_eq!(state.session.len(), 4, "practice all ignores due dates");
}

#[test]
fn an_empty_due_queue_is_empty_not_broken() {
    let state = fresh(2).apply(Action::SetMode {
        mode: Mode::Due,
        now_ms: T0,
    });
    assert!(state.session.is_empty());
    assert!(state.current_card().is_none());
    let state = state.apply(Action::Flip).apply(Action::Next { now_ms: T0 });
    assert!(state.current_card().is_none());
}

#[test]
fn filters_rebuild_the_queue_and_keep_the_current_card_when_they_can() {
    let state = fresh(6)
        .apply(Action::Next { now_ms: T0 })
        .apply(Action::Next { now_ms: T0 });
    assert_eq!(current(&state), "c3");
    let mut filter = Filter::default();
    filter.topics.insert("a".into());
    let state = state.apply(Action::SetFilter {
        filter: filter.clone(),
        now_ms: T0,
    });
    assert_eq!(state.session.len(), 3);
    assert_eq!(current(&state), "c3", "c3 is in topic a, so it stays");
    assert_eq!(state.counts.topic("b"), 3);

    filter.difficulties.insert(Difficulty::Easy);
    let state = state.apply(Action::SetFilter { filter, now_ms: T0 });
    assert_eq!(current(&state), "c1", "c3 is medium: the queue starts over");
    assert_eq!(state.counts.total, 1);
}

#[test]
fn shuffle_is_a_seeded_permutation_and_can_be_undone() {
    // Shuffle orders Practice all (the browse mode); the study session has its own order.
    let state = fresh(20).apply(Action::SetMode {
        mode: Mode::All,
        now_ms: T0,
    });
    let order = |s: &State| -> Vec<usize> {
        (0..s.session.len())
            .map(|p| s.session.card_at(p).unwrap())
            .collect()
    };
    let shuffled = state.clone().apply(Action::Shuffle {
        seed: Some(42),
        now_ms: T0,
    });
    let again = state.clone().apply(Action::Shuffle {
        seed: Some(42),
        now_ms: T0,
    });
    assert_eq!(order(&shuffled), order(&again), "same seed, same order");
    assert_ne!(order(&shuffled), (0..20).collect::<Vec<_>>());
    let mut sorted = order(&shuffled);
    sorted.sort();
    assert_eq!(sorted, (0..20).collect::<Vec<_>>());
    let back = shuffled.apply(Action::Shuffle {
        seed: None,
        now_ms: T0,
    });
    assert_eq!(order(&back), (0..20).collect::<Vec<_>>());
}

#[test]
fn a_mock_interview_runs_times_out_summarises_and_leads_to_the_weak_cards() {
    let mut filter = Filter::default();
    filter.topics.insert("b".into());
    let state = fresh(10)
        .apply(Action::SetFilter { filter, now_ms: T0 })
        .apply(Action::SetMockSetup {
            count: 3,
            seconds: 120,
        })
        .apply(Action::StartMock {
            seed: 7,
            now_ms: T0,
        });
    assert_eq!(state.view, View::Mock);
    let mock = state.mock.clone().unwrap();
    assert_eq!(mock.cards.len(), 3);
    assert!(
        mock.cards.iter().all(|&i| state.deck.cards[i].topic == "b"),
        "questions come from the filter"
    );
    assert_eq!(mock.remaining_ms(T0 + 30_000.0), Some(90_000.0));

    // Question 1: revealed after 45 s, graded Again.
    let state = state
        .apply(Action::MockGrade {
            rating: Rating::Good,
            now_ms: T0 + 1.0,
        })
        .apply(Action::MockTick {
            now_ms: T0 + 10_000.0,
        });
    assert!(
        matches!(state.mock.as_ref().unwrap().phase, Phase::Asking { .. }),
        "no grade before the reveal, no reveal before time is up"
    );
    let state = state
        .apply(Action::MockReveal {
            now_ms: T0 + 45_000.0,
        })
        .apply(Action::MockGrade {
            rating: Rating::Again,
            now_ms: T0 + 50_000.0,
        });
    // Question 2: the clock runs out.
    let state = state.apply(Action::MockTick {
        now_ms: T0 + 50_000.0 + 120_000.0,
    });
    assert_eq!(
        state.mock.as_ref().unwrap().phase,
        Phase::Revealed {
            used_ms: 120_000.0,
            timed_out: true
        }
    );
    let state = state.apply(Action::MockGrade {
        rating: Rating::Hard,
        now_ms: T0 + 200_000.0,
    });
    // Question 3: quick and easy.
    let state = state
        .apply(Action::MockReveal {
            now_ms: T0 + 210_000.0,
        })
        .apply(Action::MockGrade {
            rating: Rating::Easy,
            now_ms: T0 + 211_000.0,
        });
    let mock = state.mock.clone().unwrap();
    assert!(mock.is_finished());
    let summary: Vec<(Rating, f64, bool)> = mock
        .results
        .iter()
        .map(|r| (r.rating, r.used_ms, r.timed_out))
        .collect();
    assert_eq!(
        summary,
        vec![
            (Rating::Again, 45_000.0, false),
            (Rating::Hard, 120_000.0, true),
            (Rating::Easy, 10_000.0, false)
        ]
    );
    // Every mock grade is a real review.
    for r in &mock.results {
        assert_eq!(
            state.progress.cards[state.deck.cards[r.card].id.as_str()]
                .log
                .len(),
            1
        );
    }

    let weak = mock.weak_cards();
    assert_eq!(weak.len(), 2);
    let state = state.apply(Action::PractiseWeak {
        now_ms: T0 + 212_000.0,
    });
    assert_eq!(state.view, View::Practice);
    assert!(state.mock.is_none());
    assert_eq!(state.session.len(), 2);
    assert!(weak.contains(&state.session.current().unwrap()));
}

#[test]
fn a_mock_interview_never_asks_more_questions_than_the_filter_has() {
    let filter = Filter {
        text: "Question 7".into(),
        ..Filter::default()
    };
    let state = fresh(10)
        .apply(Action::SetFilter { filter, now_ms: T0 })
        .apply(Action::SetMockSetup {
            count: 5,
            seconds: 60,
        })
        .apply(Action::StartMock {
            seed: 1,
            now_ms: T0,
        });
    assert_eq!(state.mock.unwrap().cards.len(), 1);
}

#[test]
fn the_charts_dates_follow_the_civil_calendar() {
    assert_eq!(stats::day_label(0), "1 Jan");
    assert_eq!(stats::day_label(-1), "31 Dec");
    // 2027-03-15 and the day 29 before it; 2024-02-29, a leap day.
    assert_eq!(stats::day_label(20_892), "15 Mar");
    assert_eq!(stats::day_label(20_892 - 29), "14 Feb");
    assert_eq!(stats::day_label(19_782), "29 Feb");
    assert_eq!(stats::day_label(19_783), "1 Mar");
}

#[test]
fn stats_count_per_topic_and_difficulty_today_streak_and_days() {
    // Local time zone two hours east of UTC.
    let offset = 120;
    let day = |d: f64| T0 + d * DAY_MS;
    // Browsing in deck order: four grades on c1..c4 (the study session would bring the
    // learning card back first).
    let mut state = fresh(6).apply(Action::SetMode {
        mode: Mode::All,
        now_ms: T0,
    });
    for (at, rating) in [
        (day(-2.0), Rating::Good),
        (day(-1.0), Rating::Good),
        (day(0.0), Rating::Easy),
        (day(0.0) + 1.0, Rating::Again),
    ] {
        state.now_ms = at;
        state = grade(state, rating, at);
    }
    let s = stats::compute(
        &state.deck,
        &state.index,
        &state.progress,
        day(0.0) + 2.0,
        &|_| offset,
    );
    assert_eq!(s.reviews_today, 2);
    assert_eq!(s.streak, 3);
    assert_eq!(s.per_day.len(), 30);
    assert_eq!(s.per_day.last(), Some(&(0, 2)));
    assert_eq!(s.per_day[27], (2, 1));
    assert_eq!(s.today, stats::local_day(day(0.0) + 2.0, offset));
    assert_eq!(s.overall.cards, 6);
    assert_eq!(s.overall.seen, 5, "four graded plus the one now on screen");
    let a = &s.by_topic[0].2;
    assert_eq!((a.cards, a.seen), (3, 3));
    assert_eq!(s.by_difficulty[0].1.cards, 2);
    // The Again card is due again within the day; nothing is mastered yet.
    assert_eq!(s.overall.mastered, 0);

    // Two days with no review break the streak.
    let s = stats::compute(
        &state.deck,
        &state.index,
        &state.progress,
        day(2.5),
        &|_| offset,
    );
    assert_eq!((s.reviews_today, s.streak), (0, 0));

    // Reviews stamped far in the past or the future (a clock gone wrong, edited storage)
    // count on no day shown and make no streak. Each on a card of its own: a card's log never
    // goes back in time, so a review recorded after another is moved after it.
    let mut progress = interview_cards::core::progress::Progress::new(&state.deck.id);
    for (card, at) in [day(3.0), -1e300, 1e300, f64::MAX].into_iter().enumerate() {
        let id = state.deck.cards[card].id.clone();
        progress.record(&id, Rating::Good, at, &state.scheduler);
    }
    assert_eq!(progress.review_count(), 4);
    let s = stats::compute(
        &state.deck,
        &state.index,
        &progress,
        day(0.0) + 2.0,
        &|_| offset,
    );
    assert_eq!((s.reviews_today, s.streak), (0, 0));
    assert_eq!(s.per_day.iter().map(|d| d.1).sum::<usize>(), 0);
}

#[test]
fn progress_format_1_is_migrated_keeping_what_was_seen() {
    let v1 = r#"{"format":1,"deck":"d","cards":{"c1":{"last_seen":5.0,"views":2}}}"#;
    let p = parse_progress(v1, "d").expect("migrates");
    assert_eq!(p.format, PROGRESS_FORMAT);
    assert_eq!(p.cards["c1"].views, 2);
    assert!(p.cards["c1"].log.is_empty());
    assert!(p
        .to_json()
        .contains(&format!("\"format\":{PROGRESS_FORMAT}")));
}

/// WCAG 2.2.1: the question clock can be paused, extended and turned off, and a run can start
/// with no limit at all.
#[test]
fn the_mock_clock_pauses_extends_and_turns_off() {
    use interview_cards::core::mock::{Mock, TimerChange, EXTEND_MS};
    let mut mock = Mock::start(&[0, 1, 2], 3, 60, 1, T0);
    assert!(mock.is_running());
    // Paused at 10 s for 100 s: still 50 s left, and the clock does not run out meanwhile.
    mock.change_timer(TimerChange::Pause, T0 + 10_000.0);
    assert!(mock.is_paused() && !mock.is_running());
    mock.tick(T0 + 100_000.0);
    assert_eq!(mock.remaining_ms(T0 + 110_000.0), Some(50_000.0));
    mock.change_timer(TimerChange::Resume, T0 + 110_000.0);
    assert_eq!(mock.remaining_ms(T0 + 120_000.0), Some(40_000.0));
    // One more minute for this question only.
    mock.change_timer(TimerChange::Extend, T0 + 120_000.0);
    assert_eq!(
        mock.remaining_ms(T0 + 120_000.0),
        Some(40_000.0 + EXTEND_MS)
    );
    mock.tick(T0 + 159_000.0);
    assert!(
        matches!(mock.phase, Phase::Asking { .. }),
        "extended: not yet out"
    );
    mock.tick(T0 + 220_000.0);
    assert_eq!(
        mock.phase,
        Phase::Revealed {
            used_ms: 120_000.0,
            timed_out: true
        }
    );
    // The next question has the plain limit again; turned off, the clock never runs out.
    mock.grade(Rating::Good, T0 + 221_000.0);
    assert_eq!(mock.remaining_ms(T0 + 221_000.0), Some(60_000.0));
    mock.change_timer(TimerChange::Off, T0 + 222_000.0);
    assert_eq!(mock.remaining_ms(T0 + 222_000.0), None);
    assert!(!mock.is_running());
    mock.tick(T0 + 10.0 * DAY_MS);
    assert!(matches!(mock.phase, Phase::Asking { .. }));
    mock.reveal(T0 + 300_000.0);
    assert_eq!(
        mock.phase,
        Phase::Revealed {
            used_ms: 79_000.0,
            timed_out: false
        }
    );
    // And for every later question.
    mock.grade(Rating::Good, T0 + 301_000.0);
    assert_eq!(mock.remaining_ms(T0 + 400_000.0), None);
    // A run set up with no limit.
    let unlimited = Mock::start(&[0], 1, 0, 1, T0);
    assert_eq!(unlimited.remaining_ms(T0), None);
    assert!(!unlimited.is_running());
}

#[test]
fn a_mock_question_keeps_the_key_points_ticked_for_the_summary() {
    use interview_cards::core::mock::Mock;
    let mut mock = Mock::start(&[0, 1], 2, 60, 1, T0);
    mock.toggle_point(0, 3);
    assert!(mock.ticked.is_empty(), "nothing to tick before the reveal");
    mock.reveal(T0 + 1_000.0);
    mock.toggle_point(1, 3);
    mock.toggle_point(2, 3);
    mock.toggle_point(2, 3);
    mock.toggle_point(7, 3);
    assert_eq!(mock.ticked, [false, true, false]);
    mock.grade(Rating::Hard, T0 + 2_000.0);
    assert!(mock.ticked.is_empty(), "the next question starts unticked");
    mock.reveal(T0 + 3_000.0);
    mock.grade(Rating::Good, T0 + 4_000.0);
    let covered: Vec<Vec<bool>> = mock.results.iter().map(|r| r.covered.clone()).collect();
    assert_eq!(covered, [vec![false, true, false], vec![]]);
}
