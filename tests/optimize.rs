//! Fitting the schedule to the learner, app side: what the optimizer is sent (counted reviews
//! only, days as the scheduler counts them), when fitted weights are kept, how they are saved
//! and merged, and that the schedule follows progress's choice wherever it comes from.

use interview_cards::app::state::{Action, Optimise};
use interview_cards::core::optimize::{
    request, thousandths, FitResult, Fitted, Score, MIN_REVIEWS,
};
use interview_cards::core::progress::{
    merge, parse_progress, salvage, CardProgress, Progress, Review,
};
use interview_cards::core::schedule::{Rating, Scheduler, DAY_MS, DEFAULT_WEIGHTS};
use std::rc::Rc;

mod common;
use common::{fresh, grade, T0};

fn review(rating: Rating, at: f64) -> Review {
    Review {
        rating,
        at,
        undone: false,
        practice: false,
    }
}

/// `cards` cards (c1…) with `each` reviews a few days apart, all Good.
fn reviewed(cards: usize, each: usize) -> Progress {
    let mut p = Progress::new("d");
    for c in 1..=cards {
        let log = (0..each)
            .map(|i| review(Rating::Good, T0 + (i * i) as f64 * 3.0 * DAY_MS))
            .collect();
        p.cards.insert(
            Rc::from(format!("c{c}").as_str()),
            Rc::new(CardProgress {
                log,
                ..CardProgress::default()
            }),
        );
    }
    p
}

fn fit_result(before: f64, after: f64, scale: f64) -> FitResult {
    let mut flat = vec![before, 0.05, after, 0.04, 350.0];
    flat.extend(DEFAULT_WEIGHTS.iter().map(|w| w * scale));
    FitResult::from_flat(&flat).unwrap()
}

#[test]
fn no_request_below_the_minimum_of_reviews() {
    let s = Scheduler::default();
    assert_eq!(MIN_REVIEWS, 400);
    assert!(request(&reviewed(79, 5), &s).is_none(), "395 reviews");
    assert!(request(&reviewed(80, 5), &s).is_some(), "400 reviews");
}

#[test]
fn the_request_holds_counted_reviews_with_calendar_days_between() {
    let mut p = reviewed(80, 5);
    // One card: a review at 23:59 and the next at 00:01 the next day is one day apart; an
    // undone grade, a cram grade and everything before a reset are not sent.
    let day = (T0 / DAY_MS).floor() * DAY_MS + 400.0 * DAY_MS;
    let mut undone = review(Rating::Again, day + 30_000.0);
    undone.undone = true;
    let mut crammed = review(Rating::Hard, day + 40_000.0);
    crammed.practice = true;
    p.cards.insert(
        Rc::from("z"),
        Rc::new(CardProgress {
            log: vec![
                review(Rating::Easy, day - 100.0 * DAY_MS),
                review(Rating::Good, day - 60_000.0),
                undone,
                crammed,
                review(Rating::Hard, day + 60_000.0),
                review(Rating::Again, day + 3.5 * DAY_MS),
            ],
            ..CardProgress::default()
        }),
    );
    p.reset(day - 50.0 * DAY_MS);
    // The reset hides every c-card's reviews too: make sure enough remain by adding more.
    for c in 1..=80 {
        let entry = Rc::make_mut(p.cards.get_mut(format!("c{c}").as_str()).unwrap());
        entry.log.extend([
            review(Rating::Good, day + 10.0 * DAY_MS),
            review(Rating::Again, day + 12.0 * DAY_MS),
            review(Rating::Good, day + 12.0 * DAY_MS + 600_000.0),
            review(Rating::Good, day + 20.0 * DAY_MS),
            review(Rating::Easy, day + 45.0 * DAY_MS),
        ]);
    }
    let scheduler = Scheduler::default();
    let sent = request(&p, &scheduler).expect("400 reviews since the reset");
    assert_eq!(sent.cards.len(), 81);
    // BTreeMap order: c1, c10, … then z last.
    assert_eq!(sent.cards[80], vec![(3, 0), (2, 1), (1, 3)]);
    assert_eq!(sent.cards[0], vec![(3, 0), (1, 2), (3, 0), (3, 8), (4, 25)]);
    assert_eq!(sent.current, DEFAULT_WEIGHTS.to_vec());
    assert_eq!(sent.relearning_steps, 1);
    // The flat form: per card its count, then rating and days.
    let flat = sent.flat_cards();
    assert_eq!(&flat[..11], &[5, 3, 0, 1, 2, 3, 0, 3, 8, 4, 25]);
    assert_eq!(&flat[flat.len() - 7..], &[3, 3, 0, 2, 1, 1, 3]);
}

#[test]
fn fitted_weights_are_kept_only_when_usable_and_better() {
    assert!(fit_result(0.5, 0.4, 1.1).better(500, T0).is_some());
    assert!(
        fit_result(0.4, 0.4, 1.1).better(500, T0).is_none(),
        "no better"
    );
    assert!(fit_result(0.4, 0.5, 1.1).better(500, T0).is_none(), "worse");
    let mut nan = fit_result(0.5, 0.4, 1.0);
    nan.params[7] = f64::NAN;
    assert!(nan.better(500, T0).is_none(), "unusable weights");
    assert!(FitResult::from_flat(&[0.5, 0.1, 0.4, 0.1, 9.0, 1.0]).is_none());
    let kept = fit_result(0.5, 0.4, 1.1).better(500, T0).unwrap();
    assert_eq!(
        (kept.reviews, kept.log_loss, kept.at),
        (500, Some((0.5, 0.4)), T0)
    );
    assert_eq!(thousandths(0.41249), "0.412");
    assert_eq!(thousandths(1.5), "1.500");
}

#[test]
fn weights_from_edited_storage_are_not_used_but_kept() {
    let bad = Fitted {
        at: T0,
        w: vec![1.0; 20],
        reviews: 1,
        log_loss: None,
    };
    assert_eq!(bad.weights(), None);
    let mut negative = DEFAULT_WEIGHTS.to_vec();
    negative[0] = -1.0;
    assert_eq!(
        Fitted {
            w: negative,
            ..bad.clone()
        }
        .weights(),
        None
    );
    let mut p = reviewed(3, 2);
    p.fitted = Some(bad.clone());
    let s = fresh(3).apply(Action::Adopt {
        progress: p,
        now_ms: T0,
    });
    assert_eq!(*s.scheduler.weights(), DEFAULT_WEIGHTS);
    assert_eq!(s.progress.fitted, Some(bad), "kept as it was");
}

#[test]
fn progress_saves_and_reads_the_weights_in_format_5_and_reads_format_4() {
    let mut p = reviewed(2, 2);
    p.fitted = fit_result(0.5, 0.4, 1.1).better(4, T0);
    let json = p.to_json();
    assert!(
        json.starts_with(r#"{"format":5,"deck":"d","fitted":{"at":"#),
        "{json}"
    );
    assert_eq!(parse_progress(&json, "d").unwrap(), p);
    // A write cut short after the weights keeps them.
    let cut = &json[..json.len() - 20];
    assert_eq!(salvage(cut, "d").unwrap().progress.fitted, p.fitted);
    let four = json.replacen(r#""format":5"#, r#""format":4"#, 1);
    let four = four.replacen(
        &json[json.find(r#""fitted""#).unwrap()..json.find(r#""cards""#).unwrap()],
        "",
        1,
    );
    let read = parse_progress(&four, "d").unwrap();
    assert_eq!((read.format, read.fitted), (5, None));
}

#[test]
fn merging_keeps_the_latest_choice() {
    let mut a = reviewed(1, 2);
    let mut b = a.clone();
    a.fitted = fit_result(0.5, 0.4, 1.1).better(400, T0);
    b.fitted = Some(Fitted {
        at: T0 + 1.0,
        w: Vec::new(),
        reviews: 0,
        log_loss: None,
    });
    assert_eq!(
        merge(&a, &b).fitted,
        b.fitted,
        "the later return to defaults"
    );
    assert_eq!(merge(&b, &a).fitted, b.fitted);
    let mut c = a.clone();
    c.fitted = fit_result(0.5, 0.3, 1.2).better(400, T0 + 2.0);
    assert_eq!(merge(&b, &c).fitted, c.fitted);
}

#[test]
fn a_fit_runs_through_the_reducer_and_the_schedule_follows_progress() {
    let s = fresh(3).apply(Action::Adopt {
        progress: reviewed(3, 140),
        now_ms: T0,
    });
    assert_eq!(s.progress.review_count(), 420);
    let s = s.apply(Action::Optimise);
    assert_eq!(s.optimise_run, 1);
    assert!(matches!(s.optimise, Optimise::Running { stage: 0, .. }));
    // A second ask while running starts nothing.
    let s = s.apply(Action::Optimise);
    assert_eq!(s.optimise_run, 1);
    let s = s.apply(Action::OptimiseProgress {
        stage: 2,
        done: 0.5,
    });
    assert_eq!(
        s.optimise,
        Optimise::Running {
            stage: 2,
            done: 0.5
        }
    );
    let result = fit_result(0.5, 0.4, 1.1);
    let before = s.scheduler.preview(None, T0);
    let s = s.apply(Action::OptimiseDone {
        result: Rc::new(result.clone()),
        now_ms: T0 + 5.0,
    });
    assert_eq!(
        s.optimise,
        Optimise::Finished {
            before: 0.5,
            after: 0.4,
            reviews: 420,
            kept: true
        }
    );
    assert_eq!(s.scheduler.weights().to_vec(), result.params);
    assert_ne!(
        s.scheduler.preview(None, T0),
        before,
        "new cards' waits follow"
    );
    assert!(s.unsaved.borrow().all, "the choice is saved");
    // A grade uses them: a new card's first Good starts at the fitted w2.
    let graded = grade(s.clone(), Rating::Good, T0 + 6.0);
    let first = graded.current_card().map(|c| c.id.clone());
    let memory = graded
        .progress
        .cards
        .values()
        .find_map(|c| c.memory)
        .expect("a memory");
    assert!(
        (memory.stability - DEFAULT_WEIGHTS[2] * 1.1).abs() < 1e-9,
        "{memory:?} {first:?}"
    );
    // Settings changed afterwards keep the fitted weights.
    let s = s.apply(Action::SetRetention(0.85));
    assert_eq!(s.scheduler.weights().to_vec(), result.params);
    // Another tab going back to the defaults later: this tab follows.
    let mut elsewhere = (*s.progress).clone();
    elsewhere.fitted = Some(Fitted {
        at: T0 + 9.0,
        w: Vec::new(),
        reviews: 0,
        log_loss: None,
    });
    let s = s.apply(Action::Adopt {
        progress: elsewhere,
        now_ms: T0 + 10.0,
    });
    assert_eq!(*s.scheduler.weights(), DEFAULT_WEIGHTS);
    // A worse fit is reported and not used.
    let s = s.apply(Action::Optimise).apply(Action::OptimiseDone {
        result: Rc::new(fit_result(0.4, 0.45, 1.1)),
        now_ms: T0 + 20.0,
    });
    assert!(matches!(s.optimise, Optimise::Finished { kept: false, .. }));
    assert_eq!(*s.scheduler.weights(), DEFAULT_WEIGHTS);
    // And a failure is shown, then a new fit can start.
    let s = s
        .apply(Action::Optimise)
        .apply(Action::OptimiseFailed("offline".into()));
    assert_eq!(s.optimise, Optimise::Failed("offline".into()));
    assert_eq!(s.apply(Action::Optimise).optimise_run, 4);
}

#[test]
fn too_few_reviews_start_no_fit() {
    let s = fresh(3).apply(Action::Optimise);
    assert_eq!((s.optimise_run, s.optimise.clone()), (0, Optimise::Idle));
    // Reports that arrive with no fit running change nothing.
    let s = s.apply(Action::OptimiseDone {
        result: Rc::new(fit_result(0.5, 0.4, 1.1)),
        now_ms: T0,
    });
    assert_eq!(s.progress.fitted, None);
    let _ = Score {
        log_loss: 0.0,
        rmse: 0.0,
    };
}
