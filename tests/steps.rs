//! Learning steps in the app: an Again card comes back in the same session, the clock brings
//! it, the learner's settings change what the buttons offer (and bad input changes nothing),
//! and progress saved before this format keeps its buried and suspended cards.

use interview_cards::app::state::{Action, Mode, State, View};
use interview_cards::core::filter::{Filter, Status};
use interview_cards::core::progress::{merge, parse_progress, PROGRESS_FORMAT};
use interview_cards::core::schedule::{Phase, Rating, StepsError, DAY_MS, MINUTE_MS};
use std::rc::Rc;

mod common;
use common::{fresh, grade, T0};

fn current(s: &State) -> Option<String> {
    s.current_card().map(|c| c.id.clone())
}

#[test]
fn an_again_card_comes_back_in_the_same_review_session() {
    // Two cards learnt yesterday (Easy: straight to day intervals), due today.
    let s = grade(fresh(2), Rating::Easy, T0);
    let s = grade(s, Rating::Easy, T0 + 1.0);
    let later = T0 + 20.0 * DAY_MS;
    let s = s.apply(Action::SetMode {
        mode: Mode::Due,
        now_ms: later,
    });
    assert_eq!(s.session.len(), 2);
    let forgotten = current(&s).unwrap();
    let s = grade(s, Rating::Again, later + 1.0);
    let m = *s.progress.memory(&forgotten).unwrap();
    assert_eq!((m.phase, m.lapses), (Phase::Relearning, 1));
    assert_eq!(m.due, later + 1.0 + 10.0 * MINUTE_MS);
    assert_eq!(s.session.len(), 1, "out of the queue until its step is up");
    assert_eq!(
        s.next_step_due(),
        Some(m.due),
        "the clock is told when to wake"
    );
    let s = grade(s, Rating::Good, later + 2.0);
    assert_eq!(s.session.len(), 0);
    assert_eq!(s.status_of(0), Status::Learning);
    // Nine minutes on, not yet; at ten minutes the tick brings it back.
    let s = s.apply(Action::Tick {
        now_ms: later + 9.0 * MINUTE_MS,
    });
    assert_eq!(s.session.len(), 0);
    let s = s.apply(Action::Tick { now_ms: m.due });
    assert_eq!(current(&s), Some(forgotten.clone()));
    assert_eq!(s.counts.status(Status::Due), 1);
    // Good on its one relearning step: back on day intervals, gone till another day.
    let s = grade(s, Rating::Good, m.due + 1.0);
    let after = s.progress.memory(&forgotten).unwrap();
    assert_eq!(after.phase, Phase::Review);
    assert!(after.due >= m.due + DAY_MS);
    assert_eq!(s.next_step_due(), None);
}

#[test]
fn a_new_card_steps_through_one_and_ten_minutes() {
    let s = fresh(1).apply(Action::SetMode {
        mode: Mode::Due,
        now_ms: T0,
    });
    let s = s.apply(Action::SetMode {
        mode: Mode::All,
        now_ms: T0,
    });
    let s = grade(s, Rating::Again, T0);
    assert_eq!(s.progress.memory("c1").unwrap().due, T0 + MINUTE_MS);
    let s = s.apply(Action::SetMode {
        mode: Mode::Due,
        now_ms: T0 + MINUTE_MS,
    });
    assert_eq!(current(&s).as_deref(), Some("c1"));
    let s = grade(s, Rating::Good, T0 + MINUTE_MS);
    let m = *s.progress.memory("c1").unwrap();
    assert_eq!((m.phase, m.step), (Phase::Learning, 1));
    assert_eq!(m.due, T0 + 11.0 * MINUTE_MS);
    let s = s.apply(Action::Tick { now_ms: m.due });
    let s = grade(s, Rating::Good, m.due);
    assert_eq!(s.progress.memory("c1").unwrap().phase, Phase::Review);
}

#[test]
fn settings_change_what_the_buttons_offer_and_bad_input_changes_nothing() {
    let s = fresh(1);
    let offered = |s: &State| s.scheduler.preview(None, T0).map(|(_, m)| m);
    assert_eq!(offered(&s), [1, 6, 10, 8 * 1440]);
    let s = s
        .apply(Action::SetRetention(0.8))
        .apply(Action::SetSteps {
            relearning: false,
            text: "5m 1h".into(),
        })
        .apply(Action::SetSteps {
            relearning: true,
            text: "15m".into(),
        });
    assert_eq!(s.steps_errors, [None, None]);
    assert_eq!(s.scheduler.desired_retention(), 0.8);
    assert_eq!(s.scheduler.steps().relearning, [15]);
    let waits = offered(&s);
    assert_eq!(&waits[..3], &[5, 33, 60]);
    assert!(
        waits[3] > 8 * 1440,
        "lower retention waits longer: {waits:?}"
    );
    // Unreadable steps change nothing and say why, beside their own field only; the other
    // settings still change meanwhile.
    let s = s
        .apply(Action::SetSteps {
            relearning: true,
            text: "soon".into(),
        })
        .apply(Action::SetRetention(0.95));
    assert_eq!(
        s.steps_errors,
        [None, Some(StepsError::NotAStep("soon".into()))]
    );
    assert_eq!(s.scheduler.steps().relearning, [15]);
    assert_eq!(s.scheduler.desired_retention(), 0.95);
    let s = s.apply(Action::SetSteps {
        relearning: false,
        text: "1m 2x".into(),
    });
    assert_eq!(s.steps_errors[0], Some(StepsError::NotAStep("2x".into())));
    assert_eq!(s.scheduler.steps().learning, [5, 60]);
    // Leaving the view drops the errors (the fields show the steps in force again).
    let s = s.apply(Action::ShowView(View::Practice));
    assert_eq!(s.steps_errors, [None, None]);
    // A retention outside 70-97% changes nothing.
    let s = s
        .apply(Action::SetRetention(0.5))
        .apply(Action::SetRetention(f64::NAN));
    assert_eq!(s.scheduler.desired_retention(), 0.95);
    // No steps at all: every grade is days.
    let s = s
        .apply(Action::SetSteps {
            relearning: false,
            text: String::new(),
        })
        .apply(Action::SetSteps {
            relearning: true,
            text: " ".into(),
        });
    assert!(offered(&s).iter().all(|&m| m >= 1440));
}

#[test]
fn the_review_view_names_only_cards_it_will_show() {
    // c1 is learning (Again), c2 is buried past its step, c3 is outside the filter. (Browsing
    // in deck order to reach c2 again.)
    let s = fresh(3).apply(Action::SetMode {
        mode: Mode::All,
        now_ms: T0,
    });
    let s = grade(s, Rating::Again, T0);
    let s = grade(s, Rating::Again, T0 + 1.0);
    let s = s.apply(Action::Previous { now_ms: T0 + 1.5 });
    assert_eq!(current(&s).as_deref(), Some("c2"));
    let s = s.apply(Action::Bury {
        now_ms: T0 + 2.0,
        offset_min: 0,
    });
    assert_eq!(
        s.next_step_due(),
        Some(T0 + MINUTE_MS),
        "c1 wakes the clock"
    );
    let s = s.apply(Action::SetFilter {
        filter: Filter {
            text: "Q2".into(),
            ..Filter::default()
        },
        now_ms: T0 + 3.0,
    });
    assert_eq!(
        s.next_step_due_in_view(),
        None,
        "c1 is filtered out, c2 buried"
    );
    let s = s.apply(Action::SetFilter {
        filter: Filter::default(),
        now_ms: T0 + 4.0,
    });
    assert_eq!(s.next_step_due_in_view(), Some(T0 + MINUTE_MS));
}

#[test]
fn a_card_in_learning_steps_is_never_mastered() {
    // Easy again and again, each when due, until it is stable for weeks; then forgotten.
    let mut s = grade(fresh(1), Rating::Easy, T0);
    for _ in 0..4 {
        let due = s.progress.memory("c1").unwrap().due;
        s = grade(s.apply(Action::Tick { now_ms: due }), Rating::Easy, due);
    }
    let m = *s.progress.memory("c1").unwrap();
    assert!(m.stability >= 21.0 && m.phase == Phase::Review, "{m:?}");
    let later = m.due + 100.0 * DAY_MS;
    let s = s.apply(Action::Tick { now_ms: later });
    let s = grade(s, Rating::Again, later);
    let lapsed = *s.progress.memory("c1").unwrap();
    assert_eq!(lapsed.phase, Phase::Relearning);
    assert_eq!(s.status_of(0), Status::Learning, "{lapsed:?}");
}

#[test]
fn format_3_progress_reads_as_the_current_format_keeping_everything() {
    // As the build before learning steps wrote it (buried and suspended cards, format 3).
    let v3 = r#"{"format":3,"deck":"d","cards":{"c1":{"last_seen":5,"views":1,"log":[{"rating":"Good","at":5}],"memory":{"stab":3,"diff":5,"due":9,"last":5,"reps":1,"lapses":0},"suspended":{"on":true,"at":6}},"c2":{"last_seen":7,"views":1,"buried_until":99}}}"#;
    let p = parse_progress(v3, "d").unwrap();
    assert_eq!(p.format, PROGRESS_FORMAT);
    assert!(p.is_suspended("c1"));
    assert_eq!(p.cards["c2"].buried_until, 99.0);
    assert_eq!(p.memory("c1").unwrap().phase, Phase::Review);
    let json = p.to_json();
    assert!(
        json.starts_with(&format!(r#"{{"format":{PROGRESS_FORMAT},"#)),
        "{json}"
    );
    assert_eq!(parse_progress(&json, "d").unwrap(), p);
}

#[test]
fn merging_memories_that_differ_only_in_their_step_gives_one_answer() {
    // Two devices with different step settings graded the same card at the same instant.
    let a = grade(fresh(1), Rating::Good, T0).progress;
    let mut b = (*a).clone();
    let entry = Rc::make_mut(b.cards.get_mut("c1").unwrap());
    let m = entry.memory.as_mut().unwrap();
    assert_eq!((m.phase, m.step), (Phase::Learning, 1));
    m.phase = Phase::Review;
    m.step = 0;
    let (ab, ba) = (merge(&a, &b), merge(&b, &a));
    assert_eq!(ab, ba, "merge is commutative");
}

#[test]
fn the_host_hears_of_each_grade_and_of_a_finished_review_session() {
    use interview_cards::app::state::HostEvent;
    let s = grade(fresh(2), Rating::Easy, T0);
    let due = s.progress.memory("c1").unwrap().due;
    assert_eq!(
        s.host_events.last().map(|(_, e)| e.clone()),
        Some(HostEvent::Graded {
            card: "c1".into(),
            rating: Rating::Easy,
            due: Some(due),
            practice: false
        })
    );
    let s = grade(s, Rating::Easy, T0 + 1.0);
    // Both cards graded Easy: the study session has nothing left and says so.
    assert_eq!(
        s.host_events.last().map(|(_, e)| e.clone()),
        Some(HostEvent::SessionComplete {
            mock: false,
            ratings: [0, 0, 0, 2]
        })
    );
    let later = T0 + 30.0 * DAY_MS;
    let s = s.apply(Action::SetMode {
        mode: Mode::Due,
        now_ms: later,
    });
    let s = grade(s, Rating::Good, later + 1.0);
    let s = grade(s, Rating::Again, later + 2.0);
    let events: Vec<HostEvent> = s.host_events.iter().map(|(_, e)| e.clone()).collect();
    assert_eq!(events.len(), 6);
    assert_eq!(
        events[5],
        HostEvent::SessionComplete {
            mock: false,
            ratings: [1, 0, 1, 0]
        }
    );
    let numbers: Vec<u64> = s.host_events.iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
    // Crammed grades are practice, with no due date.
    let crammed = grade(
        s.apply(Action::SetMode {
            mode: Mode::All,
            now_ms: later + 3.0,
        })
        .apply(Action::SetCram(true)),
        Rating::Hard,
        later + 4.0,
    );
    assert!(matches!(
        crammed.host_events.last().map(|(_, e)| e),
        Some(HostEvent::Graded {
            practice: true,
            due: None,
            ..
        })
    ));
}

#[test]
fn a_grade_taken_back_is_not_counted_in_the_finished_session() {
    use interview_cards::app::state::HostEvent;
    let s = grade(fresh(2), Rating::Easy, T0);
    let s = grade(s, Rating::Easy, T0 + 1.0);
    let later = T0 + 30.0 * DAY_MS;
    let s = s.apply(Action::SetMode {
        mode: Mode::Due,
        now_ms: later,
    });
    let s = grade(s, Rating::Hard, later + 1.0);
    // The undone card shows again, answer up: graded again at once.
    let s = s.apply(Action::Undo {
        now_ms: later + 2.0,
    });
    let s = s.apply(Action::Grade {
        rating: Rating::Good,
        now_ms: later + 3.0,
    });
    let s = grade(s, Rating::Good, later + 4.0);
    assert_eq!(
        s.host_events.last().map(|(_, e)| e.clone()),
        Some(HostEvent::SessionComplete {
            mock: false,
            ratings: [0, 0, 2, 0]
        })
    );
}
