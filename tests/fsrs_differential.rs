//! The scheduler against its reference, rs-fsrs 1.2.1's long-term scheduler (no short-term
//! steps, no fuzz), over random sequences of ratings at random times: every review gives the
//! same stability, difficulty, due date, and review and lapse counts. (The reference's own
//! test vectors are in `tests/schedule.rs`.)

#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Utc};
use interview_cards::core::schedule::{Memory, Rating, Scheduler, DEFAULT_WEIGHTS};
use proptest::prelude::*;

const START_MS: i64 = 1_669_725_000_000;
const DAY_MS: i64 = 86_400_000;
const MAX_DAYS: i64 = 36_500;

fn reference_rating(r: Rating) -> rs_fsrs::Rating {
    match r {
        Rating::Again => rs_fsrs::Rating::Again,
        Rating::Hard => rs_fsrs::Rating::Hard,
        Rating::Good => rs_fsrs::Rating::Good,
        Rating::Easy => rs_fsrs::Rating::Easy,
    }
}

fn at(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).expect("in range")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

fn rating() -> impl Strategy<Value = Rating> {
    prop::sample::select(vec![
        Rating::Again,
        Rating::Hard,
        Rating::Good,
        Rating::Easy,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_review_matches_rs_fsrs(
        steps in prop::collection::vec((rating(), 0i64..(120 * 24 * 60), any::<bool>()), 1..14),
    ) {
        let ours = Scheduler::default();
        let reference = rs_fsrs::FSRS::new(rs_fsrs::Parameters {
            w: DEFAULT_WEIGHTS,
            enable_short_term: false,
            enable_fuzz: false,
            ..rs_fsrs::Parameters::default()
        });
        let mut memory: Option<Memory> = None;
        let mut card = rs_fsrs::Card::new();
        let mut now = START_MS;
        for (n, (rating, minutes, at_due)) in steps.into_iter().enumerate() {
            // Either exactly when due (as a learner in review mode) or at any time after.
            now = match (&memory, at_due) {
                (Some(m), true) if (m.due as i64) >= now => m.due as i64,
                _ => now + minutes * 60_000,
            };
            let next = ours.review(memory.as_ref(), rating, now as f64);
            card = reference.next(card, at(now), reference_rating(rating)).card;
            prop_assert!(close(next.stability, card.stability), "step {n}: S {} vs {}", next.stability, card.stability);
            prop_assert!(close(next.difficulty, card.difficulty), "step {n}: D {} vs {}", next.difficulty, card.difficulty);
            // One deliberate difference: where keeping Again ≤ Hard ≤ Good ≤ Easy pushes an
            // interval past the 36,500-day maximum, the maximum wins here; rs-fsrs lets it through.
            let reference_due = card.due.timestamp_millis().min(now + MAX_DAYS * DAY_MS);
            prop_assert_eq!(next.due as i64, reference_due, "step {}: due", n);
            prop_assert_eq!(i64::from(next.reps), i64::from(card.reps), "step {}: reps", n);
            prop_assert_eq!(i64::from(next.lapses), i64::from(card.lapses), "step {}: lapses", n);
            memory = Some(next);
        }
    }
}
