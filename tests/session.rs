//! Today's study session, one test per rule: the queue Anki builds (learning cards whose step
//! is up, then due reviews with new cards spread among them), the daily limits counted per
//! local day from the review log, Again and Hard coming back after their step in every mode
//! that schedules, the day's end and more new cards, filters, and the presets.

use interview_cards::app::preset::{read, to_query};
use interview_cards::app::state::{Action, HostEvent, Mode, State, View};
use interview_cards::core::filter::{Filter, Status};
use interview_cards::core::progress::Progress;
use interview_cards::core::schedule::{Memory, Phase, Rating, Scheduler, DAY_MS, MINUTE_MS};
use interview_cards::core::session::{done_on, study_queue, Done, Limits, MAX_DAILY};
use interview_cards::core::stats::local_day;

mod common;
use common::{browsing, deck, fresh, grade, holding, T0};

fn current(s: &State) -> Option<String> {
    s.current_card().map(|c| c.id.clone())
}

fn queued(s: &State) -> Vec<String> {
    s.session
        .queued()
        .iter()
        .map(|&i| s.deck.cards[i].id.clone())
        .collect()
}

fn memory(due: f64, phase: Phase) -> Memory {
    Memory {
        stability: 3.0,
        difficulty: 5.0,
        due,
        last_review: due - DAY_MS,
        reps: 1,
        lapses: 0,
        set_at: 0.0,
        phase,
        step: 0,
    }
}

// ------------------------------------------------------------------ the queue (pure core)

/// Every position, sorted as the state hands `study_queue` its pool: by due date, new cards
/// (none) first, ties in deck order.
fn by_due(memories: &[Option<Memory>]) -> Vec<usize> {
    let mut pool: Vec<usize> = (0..memories.len()).collect();
    let due = |i: usize| memories[i].map_or(0.0, |m| m.due);
    pool.sort_by(|&a, &b| due(a).total_cmp(&due(b)).then(a.cmp(&b)));
    pool
}

#[test]
fn learning_cards_whose_step_is_up_come_first_then_reviews_with_new_cards_spread_among_them() {
    let now = T0;
    // Positions 0..10: 0 and 1 new, 2..6 due reviews (6 the longest overdue), 7 learning due
    // a minute ago, 8 relearning due five minutes ago, 9 learning due later.
    let memories = [
        None,
        None,
        Some(memory(now - 1.0 * DAY_MS, Phase::Review)),
        Some(memory(now - 2.0 * DAY_MS, Phase::Review)),
        Some(memory(now - 3.0 * DAY_MS, Phase::Review)),
        Some(memory(now - 4.0 * DAY_MS, Phase::Review)),
        Some(memory(now - 5.0 * DAY_MS, Phase::Review)),
        Some(memory(now - MINUTE_MS, Phase::Learning)),
        Some(memory(now - 5.0 * MINUTE_MS, Phase::Relearning)),
        Some(memory(now + MINUTE_MS, Phase::Learning)),
    ];
    let queue = study_queue(&by_due(&memories), |i| memories[i], now, (20, 200));
    // Five reviews and two new cards: a new card after every two or three reviews.
    assert_eq!(queue, [8, 7, 6, 5, 0, 4, 3, 1, 2]);
}

#[test]
fn the_limits_cap_new_cards_and_reviews_but_never_cards_in_learning_steps() {
    let now = T0;
    let memories: Vec<Option<Memory>> = (0..12)
        .map(|i| match i {
            0..=5 => None,
            6..=9 => Some(memory(now - f64::from(i) * DAY_MS, Phase::Review)),
            _ => Some(memory(now - 1.0, Phase::Relearning)),
        })
        .collect();
    let pool = by_due(&memories);
    let queue = study_queue(&pool, |i| memories[i], now, (2, 3));
    assert_eq!(
        queue.iter().filter(|&&i| i < 6).count(),
        2,
        "new: {queue:?}"
    );
    assert_eq!(&queue[..2], [10, 11], "learning first, however many");
    let reviews: Vec<usize> = queue
        .iter()
        .copied()
        .filter(|i| (6..10).contains(i))
        .collect();
    assert_eq!(reviews, [9, 8, 7], "the three longest overdue");
    assert!(study_queue(&pool, |i| memories[i], now, (0, 0))
        .iter()
        .all(|&i| i >= 10));
}

// ------------------------------------------------------------------ counting per local day

#[test]
fn what_was_studied_is_counted_per_local_day_from_the_review_log() {
    let scheduler = Scheduler::default();
    // The learner is two hours east of UTC: local midnight is 22:00 UTC.
    let offset = 120;
    let midnight = (local_day(T0, offset) as f64) * DAY_MS - 120.0 * MINUTE_MS;
    let today = local_day(T0, offset);
    let mut p = Progress::new("d");
    // Started yesterday (local 23:30), reviewed again today: a review today.
    p.record("a", Rating::Good, midnight - 30.0 * MINUTE_MS, &scheduler);
    p.record("a", Rating::Good, midnight + 30.0 * MINUTE_MS, &scheduler);
    p.record("a", Rating::Again, midnight + 40.0 * MINUTE_MS, &scheduler);
    // Started today (00:10 local, still yesterday in UTC): new today, however many grades.
    p.record("b", Rating::Again, midnight + 10.0 * MINUTE_MS, &scheduler);
    p.record("b", Rating::Good, midnight + 11.0 * MINUTE_MS, &scheduler);
    // Only practised (cram) today, or graded and taken back: nothing studied.
    p.record_practice("c", Rating::Good, midnight + 60.0 * MINUTE_MS);
    p.record("d", Rating::Good, midnight + 70.0 * MINUTE_MS, &scheduler);
    assert!(p.undo_review(
        "d",
        midnight + 70.0 * MINUTE_MS,
        None,
        midnight + 71.0 * MINUTE_MS
    ));
    // Started the day before yesterday, not reviewed today.
    p.record("e", Rating::Good, midnight - 1.5 * DAY_MS, &scheduler);
    assert_eq!(
        done_on(&p, today, offset),
        Done {
            new_cards: 1,
            reviews: 1
        }
    );
    assert_eq!(
        done_on(&p, today - 1, offset),
        Done {
            new_cards: 1,
            reviews: 0
        },
        "yesterday: a started"
    );
    // In UTC the same grades fall otherwise: b started on the UTC day before a's review.
    assert_eq!(done_on(&p, local_day(T0, 0), 0).new_cards, 0);
    // A reset hides what came before it.
    p.reset(midnight + 80.0 * MINUTE_MS);
    assert_eq!(done_on(&p, today, offset), Done::default());
}

#[test]
fn the_limits_are_remembered_as_text_and_unreadable_text_is_the_defaults() {
    let limits = Limits {
        new_cards: 5,
        reviews: 50,
        ..Limits::default()
    };
    assert_eq!(limits.to_text(), "5;50;0;0");
    assert_eq!(Limits::read("5;50;0;0"), Some(limits));
    assert_eq!(Limits::read("5;50"), Some(limits));
    let mut more = limits;
    more.add_new(20_000);
    more.add_new(20_000);
    assert_eq!(more.to_text(), "5;50;20;20000");
    assert_eq!(Limits::read(&more.to_text()), Some(more));
    assert_eq!(more.left(20_000, Done::default()), (25, 50));
    assert_eq!(
        more.left(20_001, Done::default()),
        (5, 50),
        "for that day only"
    );
    more.add_new(20_001);
    assert_eq!(
        more.left(20_001, Done::default()),
        (15, 50),
        "a new day starts over"
    );
    for bad in [
        "",
        "20",
        "x;200",
        "20;200;10",
        "20;200;10;x",
        "1;2;3;4;5",
        "10000;1",
        "-1;5",
    ] {
        assert_eq!(Limits::read(bad), None, "{bad:?}");
    }
    assert_eq!(
        Limits::default().to_text(),
        "20;200;0;0",
        "Anki's defaults: 20 new cards and 200 reviews a day"
    );
}

// ------------------------------------------------------------------ the session (reducer)

#[test]
fn a_fresh_learner_opens_the_study_session_and_it_stops_after_twenty_new_cards() {
    let s = fresh(30);
    assert_eq!(s.mode, Mode::Session, "the session is opened by default");
    assert_eq!(s.session.len(), 20);
    assert_eq!(s.session_left(), [20, 0, 0]);
    let mut s = s;
    for n in 0..20 {
        s = grade(s, Rating::Easy, T0 + f64::from(n));
    }
    assert!(s.session.is_empty(), "the day's new cards are done");
    assert_eq!(
        s.host_events.last().map(|(_, e)| e.clone()),
        Some(HostEvent::SessionComplete {
            mock: false,
            ratings: [0, 0, 0, 20]
        })
    );
    assert_eq!(s.counts.status(Status::New), 10, "ten wait for tomorrow");
    // The next card: the new ones at the next local midnight (before the Easy cards' days).
    let midnight = (local_day(T0, 0) + 1) as f64 * DAY_MS;
    assert_eq!(s.next_due_in_view(), Some(midnight));
    assert_eq!(s.next_step_due_in_view(), None, "nothing comes back today");
    // Still done after a reload the same day: the count comes from the review log.
    let reloaded = holding(s.deck.clone());
    let reloaded = reloaded.apply(Action::Adopt {
        progress: (*s.progress).clone(),
        now_ms: T0 + 100.0,
    });
    assert!(reloaded.session.is_empty());
}

#[test]
fn a_new_local_day_brings_new_cards_and_the_reviews_that_fell_due() {
    let mut s = fresh(25);
    for n in 0..20 {
        s = grade(s, Rating::Good, T0 + f64::from(n));
    }
    // Every card graded Good is in its second learning step; ten minutes on they are back.
    let s = s.apply(Action::Tick {
        now_ms: T0 + 11.0 * MINUTE_MS,
    });
    assert_eq!(s.session_left(), [0, 20, 0]);
    let mut s = s;
    for n in 0..20 {
        s = grade(s, Rating::Good, T0 + 12.0 * MINUTE_MS + f64::from(n));
    }
    assert!(s.session.is_empty());
    // The next morning: five new cards left in the deck, and yesterday's cards due.
    let morning = T0 + DAY_MS;
    let due = s.progress.memory("c1").unwrap().due;
    let s = s.apply(Action::Tick {
        now_ms: morning.max(due),
    });
    let [new, learning, review] = s.session_left();
    assert_eq!((new, learning), (5, 0));
    assert!(review > 0, "yesterday's cards are due again");
}

#[test]
fn again_and_hard_bring_a_card_back_in_the_session_after_its_step() {
    let s = fresh(10);
    let s = grade(s, Rating::Again, T0);
    assert_eq!(s.progress.memory("c1").unwrap().due, T0 + MINUTE_MS);
    let s = grade(s, Rating::Hard, T0 + 1_000.0);
    let hard_due = s.progress.memory("c2").unwrap().due;
    assert_eq!(
        hard_due,
        T0 + 1_000.0 + 6.0 * MINUTE_MS,
        "Hard repeats the step"
    );
    assert!(
        !queued(&s).contains(&"c1".to_string()),
        "out until its step is up"
    );
    let s = grade(s, Rating::Good, T0 + 2_000.0);
    assert_eq!(current(&s).as_deref(), Some("c4"));
    // The clock wakes the widget at the step: c1 comes right after the card on screen.
    assert_eq!(s.next_step_due(), Some(T0 + MINUTE_MS));
    let s = s.apply(Action::Tick {
        now_ms: T0 + MINUTE_MS,
    });
    assert_eq!(&queued(&s)[..2], ["c4", "c1"]);
    let s = grade(s, Rating::Good, T0 + MINUTE_MS + 1.0);
    assert_eq!(current(&s).as_deref(), Some("c1"));
    let s = grade(s, Rating::Good, T0 + MINUTE_MS + 2.0);
    // Six minutes on, the Hard card.
    let s = s.apply(Action::Tick { now_ms: hard_due });
    assert_eq!(current(&s).as_deref(), Some("c5"));
    let s = grade(s, Rating::Good, hard_due + 1.0);
    assert_eq!(current(&s).as_deref(), Some("c2"));
}

#[test]
fn in_practice_all_an_again_card_comes_back_after_its_step_and_browsing_goes_on_in_order() {
    let s = grade(browsing(12), Rating::Again, T0);
    // Ten minutes on and eight more grades: it came back after its step, once.
    let mut s = s;
    let mut shown = Vec::new();
    for n in 0..9 {
        let at = T0 + 10.0 * MINUTE_MS + f64::from(n);
        shown.push(current(&s).unwrap());
        s = grade(s, Rating::Good, at);
    }
    assert_eq!(
        shown,
        ["c2", "c1", "c3", "c4", "c5", "c6", "c7", "c8", "c9"]
    );
    assert_eq!(s.session.len(), 12, "browsing keeps every card");
    // Cram schedules nothing: a crammed Again card does not come back.
    let s = s.apply(Action::SetCram(true));
    let s = grade(s, Rating::Again, T0 + 15.0 * MINUTE_MS);
    let s = s.apply(Action::Tick {
        now_ms: T0 + 16.0 * MINUTE_MS,
    });
    assert_eq!(current(&s).as_deref(), Some("c11"));
    assert_eq!(s.progress.memory("c10"), None);
    // Several steps up at once come next in deck order.
    let s = s.apply(Action::Tick {
        now_ms: T0 + 30.0 * MINUTE_MS,
    });
    let p = s.session.position();
    assert_eq!(&queued(&s)[p..][..4], ["c11", "c1", "c2", "c3"]);
}

#[test]
fn the_review_limit_holds_back_due_reviews_until_the_next_day() {
    let mut s = fresh(6);
    for n in 0..6 {
        s = grade(s, Rating::Easy, T0 + f64::from(n));
    }
    let s = s.apply(Action::SetLimit {
        reviews: true,
        text: " 4 ".into(),
    });
    assert_eq!(s.limits.reviews, 4);
    let later = T0 + 60.0 * DAY_MS;
    let mut s = s.apply(Action::Tick { now_ms: later });
    assert_eq!(s.session_left(), [0, 0, 4]);
    for n in 0..4 {
        s = grade(s, Rating::Good, later + f64::from(n));
    }
    assert!(s.session.is_empty());
    assert_eq!(
        s.counts.status(Status::Due),
        2,
        "two due, held for tomorrow"
    );
    let tomorrow = (local_day(later, 0) + 1) as f64 * DAY_MS;
    assert_eq!(s.next_due_in_view(), Some(tomorrow));
}

#[test]
fn more_new_cards_today_adds_ten_for_today_only() {
    let s = fresh(40).apply(Action::SetLimit {
        reviews: false,
        text: "2".into(),
    });
    let s = grade(grade(s, Rating::Easy, T0), Rating::Easy, T0 + 1.0);
    assert!(s.session.is_empty());
    let s = s.apply(Action::MoreNewToday { now_ms: T0 + 2.0 });
    assert_eq!(s.session_left(), [10, 0, 0]);
    let s = s.apply(Action::MoreNewToday { now_ms: T0 + 3.0 });
    assert_eq!(s.session_left(), [20, 0, 0]);
    let s = s.apply(Action::Tick {
        now_ms: T0 + DAY_MS,
    });
    assert_eq!(s.session_left()[0], 2, "the next day: the limit as set");
}

#[test]
fn an_unreadable_limit_changes_nothing_and_says_so_beside_its_field() {
    let s = fresh(3);
    for bad in ["", "many", "-3", "2.5", &(MAX_DAILY + 1).to_string()] {
        let t = s.clone().apply(Action::SetLimit {
            reviews: false,
            text: bad.to_string(),
        });
        assert_eq!(t.limits, Limits::default(), "{bad:?}");
        assert_eq!(t.limit_errors, [true, false], "{bad:?}");
    }
    let t = s
        .apply(Action::SetLimit {
            reviews: true,
            text: "x".into(),
        })
        .apply(Action::SetLimit {
            reviews: false,
            text: "0".into(),
        });
    assert_eq!(t.limit_errors, [false, true]);
    assert_eq!(t.limits.new_cards, 0);
    assert!(
        t.session.is_empty(),
        "no new cards a day: nothing new to study"
    );
    assert_eq!(
        t.apply(Action::ShowView(View::Practice)).limit_errors,
        [false; 2],
        "leaving the settings shows the limits in force"
    );
}

#[test]
fn the_filters_apply_to_the_session_and_held_cards_stay_out() {
    let s = fresh(10).apply(Action::SetFilter {
        filter: Filter {
            text: "Q1".into(),
            ..Filter::default()
        },
        now_ms: T0,
    });
    assert_eq!(queued(&s), ["c1", "c10"]);
    let s = s.apply(Action::SetFilter {
        filter: Filter::default(),
        now_ms: T0 + 1.0,
    });
    // Buried and suspended cards are not studied, even under the Suspended facet.
    let s = s
        .apply(Action::Bury {
            now_ms: T0 + 2.0,
            offset_min: 0,
        })
        .apply(Action::SetSuspended {
            on: true,
            now_ms: T0 + 3.0,
        });
    assert_eq!(s.session.len(), 8);
    let s = s.apply(Action::SetFilter {
        filter: Filter {
            statuses: [Status::Suspended].into(),
            ..Filter::default()
        },
        now_ms: T0 + 4.0,
    });
    assert!(s.session.is_empty());
    assert_eq!(s.counts.total, 1);
}

#[test]
fn a_grade_taken_back_in_the_session_returns_the_card_and_the_new_card_count() {
    let s = fresh(30);
    let s = grade(s, Rating::Easy, T0);
    assert_eq!(s.session_left(), [19, 0, 0]);
    let s = s.apply(Action::Undo { now_ms: T0 + 1.0 });
    assert_eq!(current(&s).as_deref(), Some("c1"));
    assert!(s.session.is_flipped(), "answer up, to grade again");
    assert_eq!(s.session_left(), [20, 0, 0]);
    let s = s.apply(Action::Tick {
        now_ms: T0 + 2.0 * MINUTE_MS,
    });
    assert_eq!(s.session.len(), 20, "still twenty new today");
}

#[test]
fn the_mode_preset_keeps_old_links_working_and_names_the_session() {
    let d = deck(3);
    let mode = |value: &str| read(&[("mode".to_string(), value.to_string())], &d).0.mode;
    assert_eq!(mode("session"), Some(Mode::Session));
    assert_eq!(
        mode("practice"),
        Some(Mode::All),
        "old links: browse every card"
    );
    assert_eq!(mode("all"), Some(Mode::All));
    assert_eq!(mode("review"), Some(Mode::Due));
    assert_eq!(mode("due"), Some(Mode::Due));
    assert_eq!(read(&[], &d).0.mode, None, "none: the session");
    let s = fresh(3);
    assert!(!to_query(&s).iter().any(|(k, _)| *k == "mode"));
    let s = s.apply(Action::SetMode {
        mode: Mode::All,
        now_ms: T0,
    });
    assert!(to_query(&s).contains(&("mode", "all".to_string())));
}

#[test]
fn the_limit_error_names_the_range_the_reducer_accepts() {
    assert!(interview_cards::words::LIMIT_ERROR.ends_with(&format!("from 0 to {MAX_DAILY}")));
}
