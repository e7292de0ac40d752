//! The FSRS-6 scheduler with learning steps: worked examples of ts-fsrs's behaviour, the
//! settings a learner can change, and the properties every schedule must have. (The full
//! comparison with ts-fsrs is `tests/fsrs_reference.rs`.)

use interview_cards::core::schedule::{
    format_steps, interval_days, parse_steps, wait_minutes, Memory, Phase, Rating, Scheduler,
    Settings, Steps, StepsError, DAY_MS, DEFAULT_WEIGHTS, MINUTE_MS,
};
use Rating::{Again, Easy, Good, Hard};

/// 2022-11-29 12:30:00 UTC.
const START_MS: f64 = 1_669_725_000_000.0;

fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
    (actual - expected).abs() <= tolerance
}

/// Reviews a new card with `ratings`, each when the previous grade made it due. Checks on the
/// way that `preview` agrees with `review`, and returns every memory.
fn replay_at_due(scheduler: &Scheduler, ratings: &[Rating]) -> Vec<Memory> {
    let mut memory: Option<Memory> = None;
    let mut now = START_MS;
    let mut history = Vec::new();
    for &rating in ratings {
        let preview = scheduler.preview(memory.as_ref(), now);
        let next = scheduler.review(memory.as_ref(), rating, now);
        assert_eq!(preview[rating as usize - 1], (rating, wait_minutes(&next)));
        history.push(next);
        now = next.due;
        memory = Some(next);
    }
    history
}

// ------------------------------------------------------------------ learning steps

#[test]
fn a_new_card_steps_through_one_and_ten_minutes() {
    let scheduler = Scheduler::default();
    let waits = scheduler.preview(None, START_MS).map(|(_, m)| m);
    // Again: the first step; Hard: halfway between the first two; Good: the second step;
    // Easy: straight to day intervals (S0(Easy) = 8.2956 days at 90%: 8 days).
    assert_eq!(waits, [1, 6, 10, 8 * 1440]);
    let again = scheduler.review(None, Again, START_MS);
    assert_eq!((again.phase, again.step), (Phase::Learning, 0));
    let good = scheduler.review(None, Good, START_MS);
    assert_eq!((good.phase, good.step), (Phase::Learning, 1));
    assert_eq!(good.due, START_MS + 10.0 * MINUTE_MS);
    assert!(good.is_stepping());
    let easy = scheduler.review(None, Easy, START_MS);
    assert_eq!((easy.phase, easy.step), (Phase::Review, 0));
    assert!(!easy.is_stepping());
}

#[test]
fn good_on_the_last_step_graduates_and_again_starts_over() {
    let scheduler = Scheduler::default();
    let history = replay_at_due(&scheduler, &[Good, Good]);
    let graduated = history[1];
    assert_eq!(graduated.phase, Phase::Review);
    assert!(interval_days(&graduated) >= 1);
    let history = replay_at_due(&scheduler, &[Good, Again]);
    assert_eq!((history[1].phase, history[1].step), (Phase::Learning, 0));
    assert_eq!(wait_minutes(&history[1]), 1);
    // Learning steps are not lapses.
    assert_eq!(history[1].lapses, 0);
}

#[test]
fn forgetting_a_review_card_relearns_it_in_ten_minutes() {
    let scheduler = Scheduler::default();
    let history = replay_at_due(&scheduler, &[Easy, Again]);
    let lapsed = history[1];
    assert_eq!(
        (lapsed.phase, lapsed.step, lapsed.lapses),
        (Phase::Relearning, 0, 1)
    );
    assert_eq!(wait_minutes(&lapsed), 10);
    // Hard on the only relearning step waits 1.5 steps; Good goes back to day intervals.
    let waits = scheduler.preview(Some(&lapsed), lapsed.due).map(|(_, m)| m);
    assert_eq!(&waits[..2], &[10, 15]);
    assert!(waits[2] >= 1440 && waits[3] >= waits[2], "{waits:?}");
    // The post-lapse stability is capped: never above the stability before the lapse.
    assert!(lapsed.stability < history[0].stability);
}

#[test]
fn without_steps_every_grade_is_days() {
    let scheduler = Scheduler::with(
        0.9,
        Steps {
            learning: vec![],
            relearning: vec![],
        },
    );
    for (_, minutes) in scheduler.preview(None, START_MS) {
        assert!(minutes >= 1440 && minutes % 1440 == 0, "{minutes}");
    }
    let history = replay_at_due(&scheduler, &[Good, Again, Good]);
    assert!(history.iter().all(|m| m.phase == Phase::Review));
    assert_eq!(history[1].lapses, 1);
}

#[test]
fn a_memory_saved_before_learning_steps_is_on_day_intervals() {
    // Format 3 (FSRS-5, no phase, no step) reads as a review card and schedules as one.
    let old = r#"{"stab":12.5,"diff":6.1,"due":1700000000000.0,"last":1698900000000.0,"reps":4,"lapses":1}"#;
    let m: Memory = serde_json::from_str(old).unwrap();
    assert_eq!((m.phase, m.step), (Phase::Review, 0));
    let scheduler = Scheduler::default();
    let waits = scheduler.preview(Some(&m), m.due).map(|(_, w)| w);
    assert_eq!(waits[0], 10, "Again relearns");
    assert!(
        waits[1] >= 1440 && waits[1] < waits[2] && waits[2] < waits[3],
        "{waits:?}"
    );
    let good = scheduler.review(Some(&m), Good, m.due);
    assert!(good.stability > m.stability && (1.0..=10.0).contains(&good.difficulty));
    assert_eq!((good.reps, good.lapses), (5, 1));
}

// ------------------------------------------------------------------ settings

#[test]
fn steps_read_and_write_as_anki_writes_them() {
    assert_eq!(parse_steps("1m 10m"), Ok(vec![1, 10]));
    assert_eq!(parse_steps(" 30m, 1h 1d "), Ok(vec![30, 60, 1440]));
    assert_eq!(parse_steps("5"), Ok(vec![5]));
    assert_eq!(parse_steps("2H"), Ok(vec![120]));
    assert_eq!(parse_steps(""), Ok(vec![]));
    assert_eq!(
        parse_steps("1m ten"),
        Err(StepsError::NotAStep("ten".into()))
    );
    assert_eq!(parse_steps("0m"), Err(StepsError::NotAStep("0m".into())));
    assert_eq!(parse_steps("31d"), Err(StepsError::NotAStep("31d".into())));
    assert_eq!(parse_steps("3w"), Err(StepsError::NotAStep("3w".into())));
    assert_eq!(parse_steps("1 2 3 4 5 6 7 8 9"), Err(StepsError::TooMany));
    assert_eq!(format_steps(&[1, 10, 60, 90, 1440]), "1m 10m 1h 90m 1d");
    for text in ["1m 10m", "10m", "", "15m 2h 3d"] {
        assert_eq!(format_steps(&parse_steps(text).unwrap()), text);
    }
}

#[test]
fn settings_are_saved_as_text_and_unreadable_text_is_ignored() {
    let settings = Scheduler::with(
        0.85,
        Steps {
            learning: vec![2, 60],
            relearning: vec![],
        },
    )
    .settings();
    assert_eq!(settings.to_text(), "85;2m 1h;");
    assert_eq!(Settings::read("85;2m 1h;"), Some(settings));
    assert_eq!(
        Settings::read(&Settings::default().to_text()),
        Some(Settings::default())
    );
    for bad in [
        "",
        "90",
        "90;1m",
        "99;1m;1m",
        "69;1m;1m",
        "90;x;1m",
        "90;1m;1m;1m",
        "0.9;1m;1m",
    ] {
        assert_eq!(Settings::read(bad), None, "{bad:?}");
    }
}

#[test]
fn retention_is_kept_within_its_range() {
    assert_eq!(Scheduler::default().desired_retention(), 0.9);
    assert_eq!(
        Scheduler::with(0.5, Steps::default()).desired_retention(),
        0.7
    );
    assert_eq!(
        Scheduler::with(0.99, Steps::default()).desired_retention(),
        0.97
    );
    assert_eq!(
        Scheduler::with(f64::NAN, Steps::default()).desired_retention(),
        0.9
    );
    assert_eq!(
        Scheduler::with(0.85, Steps::default()).desired_retention(),
        0.85
    );
}

#[test]
fn higher_retention_means_shorter_intervals() {
    let m = replay_at_due(&Scheduler::default(), &[Good, Good, Good])[2];
    let good_days = |retention: f64| {
        Scheduler::with(retention, Steps::default()).preview(Some(&m), m.due)[2].1 / 1440
    };
    let (low, mid, high) = (good_days(0.7), good_days(0.9), good_days(0.97));
    assert!(low > mid && mid > high, "{low} {mid} {high}");
}

#[test]
fn retrievability_at_the_due_date_is_the_desired_retention() {
    for retention in [0.9, 0.8, 0.95] {
        let scheduler = Scheduler::with(retention, Steps::default());
        let history = replay_at_due(&scheduler, &[Easy, Good, Good, Hard, Good, Easy, Good]);
        // A capped interval is longer than the retention asks for, so it is not checked.
        let checked = |m: &&Memory| (10..36_500).contains(&interval_days(m));
        for memory in history.iter().filter(checked) {
            // Intervals are whole days and elapsed time counts calendar days, so R is off by
            // the rounding; long intervals get close.
            let r = scheduler.retrievability(memory, memory.due);
            assert!(close(r, retention, 0.01), "R {r} at due for {memory:?}");
        }
        assert!(history.iter().filter(checked).count() >= 3);
    }
}

#[test]
fn retrievability_counts_utc_calendar_days() {
    let scheduler = Scheduler::default();
    // 23:30 UTC: half an hour later is the next calendar day.
    let late = (START_MS / DAY_MS).floor() * DAY_MS + 23.5 * 3_600_000.0;
    let m = scheduler.review(None, Easy, late);
    assert_eq!(scheduler.retrievability(&m, late + 20.0 * MINUTE_MS), 1.0);
    let next_day = scheduler.retrievability(&m, late + 40.0 * MINUTE_MS);
    assert!(next_day < 1.0);
    assert_eq!(scheduler.retrievability(&m, late + DAY_MS), next_day);
    // A clock that went backwards counts as the day of the review.
    assert_eq!(scheduler.retrievability(&m, late - 3.0 * DAY_MS), 1.0);
}

#[test]
fn several_relearning_steps_cap_the_short_term_weights() {
    // ts-fsrs caps w17 and w18 so that stepping through the relearning steps cannot make a
    // forgotten card more stable than it was: sqrt(-(ln w11 + ln(2^w13 - 1) + 0.3 w14) / n),
    // 0.49027301 for three steps (w17 = 0.5425 capped), 0.60046... for two (no cap). Good on a
    // relearning step the same day multiplies stability by S^-w19 * e^(w17 * w18).
    let growth = |w17: f64, s: f64| s.powf(-0.0658) * (w17 * 0.0912f64).exp();
    for (relearning, w17) in [
        (vec![10, 20, 30], 0.49027301),
        (vec![10, 20], 0.5425),
        (vec![10], 0.5425),
    ] {
        let scheduler = Scheduler::with(
            0.9,
            Steps {
                learning: vec![1, 10],
                relearning,
            },
        );
        let lapsed = replay_at_due(&scheduler, &[Easy, Again])[1];
        let next = scheduler.review(Some(&lapsed), Good, lapsed.due);
        let expected = lapsed.stability * growth(w17, lapsed.stability).max(1.0);
        assert!(
            close(next.stability, expected, 2e-8),
            "{} vs {expected} with w17 {w17}",
            next.stability
        );
    }
}

#[test]
fn a_lapse_always_relearns_even_after_a_day_long_step() {
    // Learning "1m 10m 1d": Good on the 10m step graduates with step 2 left on the card (as in
    // ts-fsrs). Forgotten later, it relearns from the first relearning step; ts-fsrs would
    // look for relearning step 2, find none and skip relearning for a day interval.
    let scheduler = Scheduler::with(
        0.9,
        Steps {
            learning: vec![1, 10, 1440],
            relearning: vec![10],
        },
    );
    let history = replay_at_due(&scheduler, &[Good, Good, Again]);
    assert_eq!((history[1].phase, history[1].step), (Phase::Review, 2));
    assert_eq!(wait_minutes(&history[1]), 1440);
    assert_eq!((history[2].phase, history[2].step), (Phase::Relearning, 0));
    assert_eq!(wait_minutes(&history[2]), 10);
    // Steps shortened under a card in them: it stays on the last step rather than graduating.
    let learning = replay_at_due(&Scheduler::default(), &[Good])[0];
    assert_eq!(learning.step, 1);
    let shorter = Scheduler::with(
        0.9,
        Steps {
            learning: vec![5],
            relearning: vec![10],
        },
    );
    let again = shorter.review(Some(&learning), Again, learning.due);
    assert_eq!(
        (again.phase, again.step, wait_minutes(&again)),
        (Phase::Learning, 0, 5)
    );
}

// ------------------------------------------------------------------ properties

/// Card states to check properties on: every state along a few replays, each looked at when
/// due, a day after its last review and long after.
fn sample_states() -> Vec<(Memory, f64)> {
    let scheduler = Scheduler::default();
    let mut memories = Vec::new();
    for ratings in [
        &[
            Good, Good, Good, Good, Good, Good, Again, Again, Good, Good, Good,
        ][..],
        &[Hard, Hard, Again, Hard, Easy, Easy, Again, Good],
        &[Easy, Again, Hard, Good, Easy, Hard, Hard],
    ] {
        memories.extend(replay_at_due(&scheduler, ratings));
    }
    memories
        .into_iter()
        .flat_map(|m| {
            [
                (m, m.due),
                (m, m.last_review + DAY_MS),
                (m, m.due + 400.0 * DAY_MS),
            ]
        })
        .collect()
}

#[test]
fn better_ratings_never_wait_less() {
    let scheduler = Scheduler::default();
    let mut cases: Vec<(Option<Memory>, f64)> = vec![(None, START_MS)];
    cases.extend(sample_states().into_iter().map(|(m, now)| (Some(m), now)));
    for (memory, now) in cases {
        let preview = scheduler.preview(memory.as_ref(), now);
        assert_eq!(preview.map(|(r, _)| r), Rating::ALL);
        let w = preview.map(|(_, m)| m);
        // Again always comes back sooner than Hard; on day intervals each rating waits longer.
        assert!(
            w[0] < w[1] && w[1] <= w[2] && w[2] <= w[3],
            "{w:?} for {memory:?} at {now}"
        );
        if memory.is_some_and(|m| !m.is_stepping()) {
            assert!(w[1] < w[2] && w[2] < w[3], "{w:?} for {memory:?}");
        }
        let s = Rating::ALL.map(|r| scheduler.review(memory.as_ref(), r, now).stability);
        assert!(s[0] <= s[1] && s[1] <= s[2] && s[2] <= s[3], "{s:?}");
        if let Some(m) = memory {
            assert!(
                s[2] >= m.stability,
                "Good shrank stability: {s:?} from {m:?}"
            );
            assert!(
                s[0] <= m.stability,
                "Again grew stability: {s:?} from {m:?}"
            );
        }
    }
}

#[test]
fn difficulty_stays_between_1_and_10() {
    let scheduler = Scheduler::default();
    for rating in Rating::ALL {
        let mut memory = scheduler.review(None, rating, START_MS);
        for _ in 0..40 {
            assert!((1.0..=10.0).contains(&memory.difficulty), "{memory:?}");
            memory = scheduler.review(Some(&memory), rating, memory.due);
        }
        if rating == Again {
            // Linear damping approaches 10 without passing it.
            assert!(memory.difficulty > 9.9, "{memory:?}");
        }
    }
    for (m, now) in sample_states() {
        let d = Rating::ALL.map(|r| scheduler.review(Some(&m), r, now).difficulty);
        assert!(d[0] >= d[1] && d[1] >= d[2] && d[2] >= d[3], "{d:?}");
    }
}

#[test]
fn intervals_never_exceed_the_maximum() {
    for maximum in [1, 2, 30, 100, 36_500] {
        let scheduler = Scheduler::new(DEFAULT_WEIGHTS, 0.9, maximum, Steps::default());
        assert_eq!(scheduler.maximum_interval(), maximum);
        let mut memory = scheduler.review(None, Easy, START_MS);
        let mut longest = 0;
        for _ in 0..60 {
            for (rating, minutes) in scheduler.preview(Some(&memory), memory.due) {
                if rating != Again {
                    assert!(
                        minutes / 1440 <= maximum + 2,
                        "{minutes} min > {maximum} days"
                    );
                }
                longest = longest.max(minutes / 1440);
            }
            memory = scheduler.review(Some(&memory), Easy, memory.due);
        }
        assert!(interval_days(&memory) <= maximum + 2);
        assert!(longest >= maximum, "the cap was reached");
    }
    assert_eq!(Scheduler::default().maximum_interval(), 36_500);
}

#[test]
fn a_review_counts_and_dates_itself() {
    let scheduler = Scheduler::default();
    for (rating, minutes) in scheduler.preview(None, START_MS) {
        let m = scheduler.review(None, rating, START_MS);
        assert_eq!((m.reps, m.lapses), (1, 0), "{rating:?}");
        assert_eq!(m.last_review, START_MS);
        assert_eq!(m.due, START_MS + f64::from(minutes) * MINUTE_MS);
    }
}

#[test]
fn unusable_saved_memory_starts_over() {
    let scheduler = Scheduler::default();
    let good = scheduler.review(None, Good, START_MS);
    for stability in [f64::NAN, 0.0, -3.0, f64::INFINITY] {
        let broken = Memory { stability, ..good };
        let next = scheduler.review(Some(&broken), Good, good.due);
        let fresh = scheduler.review(None, Good, good.due);
        assert_eq!(
            (next.stability, next.difficulty),
            (fresh.stability, fresh.difficulty)
        );
        assert_eq!(next.due, fresh.due);
        assert_eq!(next.reps, 2, "the count of reviews is kept");
    }
}

#[test]
fn ratings_keys_and_labels() {
    assert_eq!(Rating::ALL, [Again, Hard, Good, Easy]);
    for (i, rating) in Rating::ALL.into_iter().enumerate() {
        let key = i as u8 + 1;
        assert_eq!(Rating::from_key(key), Some(rating));
        assert_eq!(rating as u8, key);
    }
    assert_eq!(Rating::from_key(0), None);
    assert_eq!(Rating::from_key(5), None);
    assert_eq!(
        Rating::ALL.map(Rating::label),
        ["Again", "Hard", "Good", "Easy"]
    );
}

#[test]
fn memory_saved_form_is_stable() {
    let m = Memory {
        stability: 3.5,
        difficulty: 5.25,
        due: 1_700_000_000_000.0,
        last_review: 1_699_000_000_000.0,
        reps: 2,
        lapses: 1,
        set_at: 0.0,
        phase: Phase::Review,
        step: 0,
    };
    let json = serde_json::to_string(&m).unwrap();
    assert_eq!(
        json,
        r#"{"stab":3.5,"diff":5.25,"due":1700000000000.0,"last":1699000000000.0,"reps":2,"lapses":1}"#
    );
    assert_eq!(serde_json::from_str::<Memory>(&json).unwrap(), m);
    let stepping = Memory {
        phase: Phase::Relearning,
        step: 1,
        ..m
    };
    let json = serde_json::to_string(&stepping).unwrap();
    assert!(
        json.ends_with(r#""lapses":1,"phase":"relearning","step":1}"#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<Memory>(&json).unwrap(), stepping);
    assert_eq!(serde_json::to_string(&Good).unwrap(), r#""Good""#);
}
