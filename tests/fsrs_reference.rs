//! The scheduler against its reference, ts-fsrs 5.x (FSRS-6, learning steps, fuzz off): random
//! rating sequences at random times, written by `scripts/fsrs-reference.mjs` running ts-fsrs
//! from npm. Every grade must give the same due date (to the millisecond), phase, learning
//! step, review and lapse counts, and the same stability and difficulty (both are rounded to 8
//! decimals by the reference).
//!
//! Reads `tests/fixtures/fsrs-reference.json` (a fixed seed), or the file named by
//! `FSRS_REFERENCE` (scripts/test.sh writes one with a fresh random seed on every run).

#![cfg(not(target_arch = "wasm32"))]

use interview_cards::core::schedule::{wait_minutes, Memory, Phase, Rating, Scheduler, Steps};
use serde::Deserialize;

#[derive(Deserialize)]
struct Reference {
    reference: String,
    seed: u64,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    retention: f64,
    learning: Vec<u32>,
    relearning: Vec<u32>,
    reviews: Vec<Graded>,
}

/// One grade and what the reference made of it:
/// [at, rating, due, stability, difficulty, phase, step, reps, lapses].
type Graded = (f64, u8, f64, f64, f64, String, u32, u32, u32);

fn load() -> (String, Reference) {
    let path = std::env::var("FSRS_REFERENCE")
        .unwrap_or_else(|_| "tests/fixtures/fsrs-reference.json".to_string());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let reference = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    (path, reference)
}

fn phase(name: &str) -> Phase {
    match name {
        "learning" => Phase::Learning,
        "review" => Phase::Review,
        "relearning" => Phase::Relearning,
        other => panic!("unknown phase {other}"),
    }
}

#[test]
fn every_grade_matches_ts_fsrs() {
    let (path, reference) = load();
    assert!(
        reference.reference.contains("ts-fsrs"),
        "{}",
        reference.reference
    );
    assert!(reference.cases.len() >= 100, "too few cases in {path}");
    let mut checked = 0;
    for (n, case) in reference.cases.iter().enumerate() {
        let scheduler = Scheduler::with(
            case.retention,
            Steps {
                learning: case.learning.clone(),
                relearning: case.relearning.clone(),
            },
        );
        let mut memory: Option<Memory> = None;
        for (i, review) in case.reviews.iter().enumerate() {
            let (at, rating, due, stability, difficulty, ref phase_name, step, reps, lapses) =
                *review;
            let rating = Rating::from_key(rating).expect("rating 1-4");
            let preview = scheduler.preview(memory.as_ref(), at);
            let next = scheduler.review(memory.as_ref(), rating, at);
            let context = format!(
                "{path} (seed {}), case {n} review {i}: {rating:?} at {at} with retention {} and steps {:?}/{:?} after {memory:?}",
                reference.seed, case.retention, case.learning, case.relearning
            );
            assert_eq!(next.due, due, "due date, {context}");
            assert_eq!(next.phase, phase(phase_name), "phase, {context}");
            assert_eq!(next.step, step, "learning step, {context}");
            assert_eq!(
                (next.reps, next.lapses),
                (reps, lapses),
                "counts, {context}"
            );
            assert!(
                (next.stability - stability).abs() <= 2e-8,
                "stability {} vs {stability}, {context}",
                next.stability
            );
            assert!(
                (next.difficulty - difficulty).abs() <= 2e-8,
                "difficulty {} vs {difficulty}, {context}",
                next.difficulty
            );
            assert_eq!(
                preview[rating as usize - 1],
                (rating, wait_minutes(&next)),
                "preview, {context}"
            );
            memory = Some(next);
            checked += 1;
        }
    }
    assert!(checked >= 1000, "only {checked} grades in {path}");
}
