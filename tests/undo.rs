//! Taking grades back: memory, log, due date, counts and what storage holds return to what
//! they were, several steps back, and an undo survives merging with the copy saved before it.

use interview_cards::app::state::{Action, Mode, State};
use interview_cards::core::filter::Status;
use interview_cards::core::progress::{merge, parse_progress, PROGRESS_FORMAT};
use interview_cards::core::schedule::{Rating, DAY_MS};
use interview_cards::core::store::{
    open_progress, progress_key, save_progress, MemoryStore, Store,
};

mod common;
use common::{browsing, fresh, grade, T0};

/// What the learner sees of progress, whatever the log holds.
fn seen_state(s: &State) -> (usize, Vec<Option<f64>>, Vec<Status>, usize) {
    let due = s
        .deck
        .cards
        .iter()
        .map(|c| s.progress.memory(&c.id).map(|m| m.due))
        .collect();
    let statuses = (0..s.deck.cards.len()).map(|i| s.status_of(i)).collect();
    (
        s.progress.review_count(),
        due,
        statuses,
        s.counts.status(Status::Due),
    )
}

#[test]
fn several_grades_are_taken_back_in_turn() {
    let start = grade(fresh(4), Rating::Good, T0 + 1.0);
    let before_two = seen_state(&start);
    let graded = grade(
        grade(start.clone(), Rating::Again, T0 + 2.0),
        Rating::Easy,
        T0 + 3.0,
    );
    assert_eq!(graded.progress.review_count(), 3);
    let once = graded.apply(Action::Undo { now_ms: T0 + 4.0 });
    assert_eq!(once.progress.review_count(), 2);
    assert_eq!(once.current_card().unwrap().id, "c3", "the card comes back");
    assert!(once.session.is_flipped(), "answer up, ready to grade again");
    let twice = once.apply(Action::Undo { now_ms: T0 + 5.0 });
    assert_eq!(seen_state(&twice), before_two);
    assert_eq!(twice.current_card().unwrap().id, "c2");
    assert_eq!(
        twice.undo.len(),
        1,
        "the first grade can still be taken back"
    );
    let all = twice.apply(Action::Undo { now_ms: T0 + 6.0 });
    assert_eq!(all.progress.review_count(), 0);
    assert!(all
        .deck
        .cards
        .iter()
        .all(|c| all.progress.memory(&c.id).is_none()));
    // Nothing left to take back: another undo changes nothing.
    let again = all.clone().apply(Action::Undo { now_ms: T0 + 7.0 });
    assert_eq!(seen_state(&again), seen_state(&all));
}

#[test]
fn a_graded_card_comes_back_into_the_review_queue() {
    let s = grade(fresh(2), Rating::Again, T0);
    let s = s
        .apply(Action::SetMode {
            mode: Mode::Due,
            now_ms: T0 + 2.0 * DAY_MS,
        })
        .apply(Action::Tick {
            now_ms: T0 + 2.0 * DAY_MS,
        });
    assert_eq!(s.session.len(), 1);
    let before = seen_state(&s);
    let s = grade(s, Rating::Good, T0 + 2.0 * DAY_MS + 1.0);
    assert_eq!(s.session.len(), 0, "graded, it left the queue");
    let s = s.apply(Action::Undo {
        now_ms: T0 + 2.0 * DAY_MS + 2.0,
    });
    assert_eq!(s.session.len(), 1);
    assert_eq!(seen_state(&s), before);
}

#[test]
fn an_undo_saved_wins_over_the_copy_saved_before_it() {
    let store = MemoryStore::default();
    let key = progress_key(None, "d");
    let graded = grade(
        grade(fresh(3), Rating::Good, T0 + 1.0),
        Rating::Hard,
        T0 + 2.0,
    );
    save_progress(&store, &key, &graded.progress, T0 + 2.0, None).unwrap();
    let stored_before = parse_progress(&store.get(&key).unwrap().unwrap(), "d").unwrap();
    let undone = graded.apply(Action::Undo { now_ms: T0 + 3.0 });
    save_progress(&store, &key, &undone.progress, T0 + 3.0, None).unwrap();
    let reopened = open_progress(&store, &key, "d", T0 + 4.0).progress;
    assert_eq!(reopened.review_count(), 1);
    assert_eq!(
        reopened.memory("c2"),
        None,
        "c2's only grade was taken back"
    );
    assert_eq!(reopened.format, PROGRESS_FORMAT);
    // Another tab that still holds the copy from before the undo merges it back in: the undo
    // stays, either way round.
    assert_eq!(merge(&stored_before, &reopened).review_count(), 1);
    assert_eq!(merge(&reopened, &stored_before).review_count(), 1);
    assert_eq!(merge(&stored_before, &reopened).memory("c2"), None);
}

#[test]
fn an_undo_that_restores_an_earlier_memory_wins_merges_too() {
    let once = grade(fresh(1), Rating::Good, T0);
    let memory_before = once.progress.memory("c1").copied();
    let twice = grade(
        once.apply(Action::Previous {
            now_ms: T0 + DAY_MS,
        }),
        Rating::Again,
        T0 + 3.0 * DAY_MS,
    );
    let undone = twice.clone().apply(Action::Undo {
        now_ms: T0 + 3.0 * DAY_MS + 5.0,
    });
    let restored = undone.progress.memory("c1").copied();
    assert_eq!(restored.map(|m| m.due), memory_before.map(|m| m.due));
    let merged = merge(&twice.progress, &undone.progress);
    assert_eq!(
        merged.memory("c1").map(|m| m.due),
        memory_before.map(|m| m.due)
    );
}

#[test]
fn format_2_progress_reads_as_the_current_format() {
    let v2 = r#"{"format":2,"deck":"d","cards":{"c1":{"last_seen":5,"views":1,"log":[{"rating":"Good","at":5}],"memory":{"stab":3,"diff":5,"due":9,"last":5,"reps":1,"lapses":0}}}}"#;
    let p = parse_progress(v2, "d").unwrap();
    assert_eq!(p.format, PROGRESS_FORMAT);
    assert_eq!(p.review_count(), 1);
    assert!(p
        .to_json()
        .starts_with(&format!(r#"{{"format":{PROGRESS_FORMAT},"#)));
}

#[test]
fn cramming_keeps_grades_as_practice_and_changes_no_schedule() {
    // Browsing every card (Practice all), where cram is offered when the day is done.
    let s = grade(browsing(3), Rating::Good, T0);
    let schedule = |s: &State| {
        s.deck
            .cards
            .iter()
            .map(|c| s.progress.memory(&c.id).copied())
            .collect::<Vec<_>>()
    };
    let before = schedule(&s);
    let s = s.apply(Action::SetCram(true));
    let s = grade(
        s.apply(Action::Previous { now_ms: T0 + 1.0 }),
        Rating::Again,
        T0 + 2.0,
    );
    let s = grade(s, Rating::Easy, T0 + 3.0);
    assert_eq!(schedule(&s), before, "no memory, no due date changed");
    assert_eq!(s.progress.review_count(), 1, "practice is not a review");
    let practice: Vec<_> = s
        .progress
        .cards
        .values()
        .flat_map(|c| c.log.iter())
        .filter(|r| r.practice)
        .map(|r| r.rating)
        .collect();
    assert_eq!(practice, [Rating::Again, Rating::Easy]);
    // A crammed grade can be taken back too, and then the schedule is still the same.
    let s = s.apply(Action::Undo { now_ms: T0 + 4.0 });
    assert_eq!(
        schedule(&s)
            .iter()
            .map(|m| m.map(|m| m.due))
            .collect::<Vec<_>>(),
        before.iter().map(|m| m.map(|m| m.due)).collect::<Vec<_>>()
    );
    // Off again, grades schedule as usual (the card taken back is on screen, answer up).
    let s = s.apply(Action::SetCram(false)).apply(Action::Grade {
        rating: Rating::Good,
        now_ms: T0 + 5.0,
    });
    assert_eq!(s.progress.review_count(), 2);
}

#[test]
fn a_buried_card_is_back_the_next_local_day() {
    let s = fresh(3);
    let first = s.current_card().unwrap().id.clone();
    // 22:00 UTC with the learner at UTC+1: local 23:00; tomorrow starts in an hour.
    let evening = (T0 / DAY_MS).floor() * DAY_MS + 22.0 * 3_600_000.0;
    let s = s.apply(Action::Bury {
        now_ms: evening,
        offset_min: 60,
    });
    assert_eq!(s.session.len(), 2);
    assert!(s.current_card().unwrap().id != first);
    let later_tonight = s.clone().apply(Action::Tick {
        now_ms: evening + 30.0 * 60_000.0,
    });
    assert_eq!(later_tonight.session.len(), 2, "still today");
    let tomorrow = s.apply(Action::Tick {
        now_ms: evening + 61.0 * 60_000.0,
    });
    assert_eq!(tomorrow.session.len(), 3, "back after local midnight");
}

#[test]
fn a_suspended_card_leaves_practice_and_reviews_until_taken_back() {
    use interview_cards::core::filter::Filter;
    // Browsing, to go back to the card just graded.
    let s = grade(browsing(3), Rating::Again, T0);
    let s = s.apply(Action::Previous { now_ms: T0 + 1.0 });
    let id = s.current_card().unwrap().id.clone();
    let s = s.apply(Action::SetSuspended {
        on: true,
        now_ms: T0 + 2.0,
    });
    assert_eq!(s.session.len(), 2);
    assert_eq!(s.counts.status(Status::Suspended), 1);
    assert_eq!(s.counts.total, 2, "not among the cards practised");
    // Due tomorrow, but suspended: not in the review queue.
    let due = s.clone().apply(Action::SetMode {
        mode: Mode::Due,
        now_ms: T0 + 2.0 * DAY_MS,
    });
    assert_eq!(due.session.len(), 0);
    // The Suspended facet lists it, and taking it back returns it to practice.
    let listed = s.apply(Action::SetFilter {
        filter: Filter {
            statuses: [Status::Suspended].into(),
            ..Filter::default()
        },
        now_ms: T0 + 3.0,
    });
    assert_eq!(listed.current_card().unwrap().id, id);
    let back = listed
        .apply(Action::SetSuspended {
            on: false,
            now_ms: T0 + 4.0,
        })
        .apply(Action::SetFilter {
            filter: Filter::default(),
            now_ms: T0 + 5.0,
        });
    assert_eq!(back.session.len(), 3);
    assert!(!back.progress.is_suspended(&id));
}
