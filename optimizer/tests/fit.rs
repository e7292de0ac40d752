//! The optimizer on a learner whose memory follows a known curve (not FSRS's default weights):
//! the fitted weights predict that learner's grades better than the defaults, and the arrays
//! the app exchanges with the worker read back as they were written.

use interview_cards_optimizer::{fit, flatten, items, unflatten, Request, Stage};

/// A small deterministic generator (SplitMix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `cards` cards of `each` reviews: rating and days since the previous review.
fn learner(cards: usize, each: usize, seed: u64) -> Vec<Vec<(u32, u32)>> {
    let mut rng = Rng(seed);
    (0..cards)
        .map(|_| {
            let mut stability = 0.4 + rng.next() * 1.2;
            let mut reviews = vec![(3, 0)];
            for _ in 1..each {
                let days = (stability * (0.8 + rng.next() * 1.6)).round().max(1.0);
                let recalled = rng.next() < 1.0 / (1.0 + days / (9.0 * stability));
                let rating = if recalled {
                    if rng.next() < 0.15 {
                        2
                    } else {
                        3
                    }
                } else {
                    1
                };
                stability = if recalled {
                    stability * (1.6 + rng.next())
                } else {
                    (stability * 0.4).max(0.3)
                };
                reviews.push((rating, days as u32));
            }
            reviews
        })
        .collect()
}

#[test]
fn fitted_weights_predict_this_learner_better_than_the_defaults() {
    let cards = learner(150, 8, 5);
    let mut stages = Vec::new();
    let result = fit(
        &Request {
            cards: cards.clone(),
            current: Vec::new(),
            relearning_steps: 1,
        },
        |stage, done| {
            assert!((0.0..=1.0).contains(&done));
            stages.push(stage);
        },
    )
    .unwrap();
    assert_eq!(result.items, 150 * 7);
    assert_eq!(result.params.len(), 21);
    assert!(result.params.iter().all(|w| w.is_finite()));
    assert!(
        result.after.log_loss < result.before.log_loss - 0.01,
        "{:?} -> {:?}",
        result.before,
        result.after
    );
    assert!(result.after.rmse < result.before.rmse);
    // Every stage was reported, in order.
    stages.dedup();
    assert_eq!(
        stages,
        vec![Stage::MeasureCurrent, Stage::Fit, Stage::MeasureNew]
    );
    // Starting from the fitted weights, a second fit has little left to gain.
    let again = fit(
        &Request {
            cards,
            current: result.params.clone(),
            relearning_steps: 1,
        },
        |_, _| {},
    )
    .unwrap();
    assert!((again.before.log_loss - result.after.log_loss).abs() < 1e-6);
}

#[test]
fn the_exchanged_arrays_read_back() {
    let cards = vec![vec![(3, 0), (1, 4)], vec![(4, 0)], vec![]];
    let flat: Vec<u32> = vec![2, 3, 0, 1, 4, 1, 4, 0, 0];
    assert_eq!(unflatten(&flat).unwrap(), cards);
    assert!(unflatten(&[3, 3, 0]).is_err(), "cut short");
    let (made, ids) = items(&cards).unwrap();
    assert_eq!((made.len(), ids), (1, vec![0]));
    assert!(items(&[vec![(5, 0), (3, 1)]]).is_err(), "a rating of 5");
    assert!(fit(
        &Request {
            cards: vec![vec![(3, 0)]],
            current: Vec::new(),
            relearning_steps: 1
        },
        |_, _| {}
    )
    .is_err());
    let result = fit(
        &Request {
            cards: learner(20, 4, 1),
            current: Vec::new(),
            relearning_steps: 1,
        },
        |_, _| {},
    )
    .unwrap();
    let flat = flatten(&result);
    assert_eq!(flat.len(), 26);
    assert_eq!(flat[4], result.items as f64);
    assert_eq!(flat[5], f64::from(result.params[0]));
}
