//! The scheduler against its reference, ts-fsrs 5.4.2 (FSRS-6, learning steps, fuzz off):
//! random rating sequences at random times, written by `scripts/fsrs-reference.mjs` running
//! ts-fsrs from npm. Every grade must give the same due date (to the millisecond), phase,
//! learning step, review and lapse counts, and the same stability and difficulty (both are
//! rounded to 8 decimals by the reference); the buttons' preview must offer the same wait.
//!
//! One deliberate departure (see `Scheduler::apply_steps`): Again on a card that a day-long
//! step left on day intervals starts relearning, where ts-fsrs skips it. That grade is checked
//! against our rule and the rest of its sequence is not compared.
//!
//! On the host it reads `tests/fixtures/fsrs-reference.json` (a fixed seed), or the file named
//! by `FSRS_REFERENCE` (scripts/test.sh writes one with a fresh random seed on every run). In
//! headless Chromium it checks the fixture with the wasm build's own floating-point functions.

use interview_cards::core::schedule::{wait_minutes, Memory, Phase, Rating, Scheduler, Steps};
use serde::Deserialize;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

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

#[cfg(not(target_arch = "wasm32"))]
fn load() -> (String, String) {
    let path = std::env::var("FSRS_REFERENCE")
        .unwrap_or_else(|_| "tests/fixtures/fsrs-reference.json".to_string());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    (path, text)
}

#[cfg(target_arch = "wasm32")]
fn load() -> (String, String) {
    let text = include_str!("fixtures/fsrs-reference.json");
    (
        "tests/fixtures/fsrs-reference.json (in wasm)".into(),
        text.into(),
    )
}

fn phase(name: &str) -> Phase {
    match name {
        "learning" => Phase::Learning,
        "review" => Phase::Review,
        "relearning" => Phase::Relearning,
        other => panic!("unknown phase {other}"),
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_grade_matches_ts_fsrs() {
    let (path, text) = load();
    let reference: Reference =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(
        reference.reference.contains("ts-fsrs v5.4.2"),
        "{}",
        reference.reference
    );
    assert!(reference.cases.len() >= 100, "too few cases in {path}");
    let (mut checked, mut departures) = (0, 0);
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
            let departs = rating == Rating::Again
                && memory.is_some_and(|m| m.phase == Phase::Review && m.step > 0)
                && !case.relearning.is_empty();
            if departs {
                // Relearning from its first step, where ts-fsrs would use the step left over.
                assert_eq!((next.phase, next.step), (Phase::Relearning, 0), "{context}");
                assert_eq!(
                    next.due,
                    at + f64::from(case.relearning[0]) * 60_000.0,
                    "{context}"
                );
                departures += 1;
                break;
            }
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
            let offered = ((due - at) / 60_000.0).round() as u32;
            assert_eq!(
                preview[rating as usize - 1],
                (rating, offered),
                "preview, {context}"
            );
            assert_eq!(wait_minutes(&next), offered, "{context}");
            memory = Some(next);
            checked += 1;
        }
    }
    assert!(checked >= 1000, "only {checked} grades in {path}");
    // Departures end a case's comparison, so they must stay rare. Over 300 random sequences
    // they number 0 to 7 (mean 2.7 over 21 seeds): a bound of 2% failed about one run in 16;
    // 5% is far beyond what chance gives and still keeps most grades compared.
    assert!(
        departures * 20 <= reference.cases.len(),
        "{departures} departures in {path}"
    );
}
