//! Fitting the schedule to the learner: what the optimizer module (`optimizer/`, a separate wasm
//! run in a web worker and downloaded only when asked) is sent, what it answers, and the fitted
//! weights kept with progress.

use crate::core::number;
use crate::core::progress::Progress;
use crate::core::schedule::{Scheduler, DAY_MS};
use serde::{Deserialize, Serialize};

// The worker is sent and answers plain arrays of numbers: serde for these shapes would cost
// the first visit several KB for a feature most visits never use.

/// Fitting needs at least this many reviews (as in Anki's first FSRS releases): fewer say too
/// little about one learner's memory to beat weights fitted to many.
pub const MIN_REVIEWS: usize = 400;

/// Weights fitted to the learner's reviews, or a return to the defaults (empty `w`). Copies of
/// progress agree on the latest (`at`); a tie keeps the larger weights, so merging stays
/// order-free.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fitted {
    /// When the learner chose these weights (epoch ms).
    #[serde(deserialize_with = "number::f64")]
    pub at: f64,
    /// The 21 FSRS-6 weights; empty for the defaults.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "number::list"
    )]
    pub w: Vec<f64>,
    /// How many reviews they were fitted to.
    #[serde(default)]
    pub reviews: u32,
    /// Log loss on those reviews with the weights in use before, and with these.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "number::option_pair"
    )]
    pub log_loss: Option<(f64, f64)>,
}

impl Fitted {
    /// The weights to schedule with: `None` for the defaults, and for weights this build
    /// cannot use (edited storage: not 21 finite numbers, or initial stabilities not
    /// positive). Unusable weights are kept as they are, never rewritten.
    pub fn weights(&self) -> Option<[f64; 21]> {
        let w: [f64; 21] = self.w.as_slice().try_into().ok()?;
        (w.iter().all(|x| x.is_finite()) && w[..4].iter().all(|&s| s > 0.0) && w[20] > 0.0)
            .then_some(w)
    }

    /// The later of two choices (ties: the larger weights, compared value by value).
    pub fn latest<'a>(a: &'a Fitted, b: &'a Fitted) -> &'a Fitted {
        let order = a.at.total_cmp(&b.at).then_with(|| {
            a.w.iter()
                .zip(&b.w)
                .map(|(x, y)| x.total_cmp(y))
                .find(|o| o.is_ne())
                .unwrap_or_else(|| a.w.len().cmp(&b.w.len()))
        });
        if order.is_lt() {
            b
        } else {
            a
        }
    }
}

/// The merged choice of two copies.
pub fn merge_fitted(a: Option<&Fitted>, b: Option<&Fitted>) -> Option<Fitted> {
    match (a, b) {
        (Some(a), Some(b)) => Some(Fitted::latest(a, b).clone()),
        (a, b) => a.or(b).cloned(),
    }
}

/// What the optimizer module is sent.
#[derive(Debug, PartialEq)]
pub struct Request {
    /// Per card with two reviews or more, its counted reviews since the last reset, oldest
    /// first: rating 1–4 and whole UTC calendar days since the previous review (0 for the
    /// first), the days the scheduler counts.
    pub cards: Vec<Vec<(u8, u32)>>,
    /// The weights in use now.
    pub current: Vec<f64>,
    pub relearning_steps: usize,
}

impl Request {
    /// The cards as one array: per card its number of reviews, then rating and days for each.
    pub fn flat_cards(&self) -> Vec<u32> {
        let mut flat = Vec::new();
        for card in &self.cards {
            flat.push(card.len() as u32);
            for &(rating, days) in card {
                flat.extend([u32::from(rating), days]);
            }
        }
        flat
    }
}

/// The request for this progress and scheduler; `None` with fewer than [`MIN_REVIEWS`]
/// reviews.
pub fn request(progress: &Progress, scheduler: &Scheduler) -> Option<Request> {
    if progress.review_count() < MIN_REVIEWS {
        return None;
    }
    let cards = progress
        .cards
        .keys()
        .map(|id| {
            let mut previous: Option<f64> = None;
            progress
                .reviews(id)
                .map(|r| {
                    let day = (r.at / DAY_MS).floor();
                    let days = previous.map_or(0.0, |p| (day - p).max(0.0));
                    previous = Some(day);
                    (r.rating as u8, days as u32)
                })
                .collect::<Vec<_>>()
        })
        .filter(|reviews| reviews.len() > 1)
        .collect();
    Some(Request {
        cards,
        current: scheduler.weights().to_vec(),
        relearning_steps: scheduler.steps().relearning.len().max(1),
    })
}

/// How well a set of weights predicts the learner's recall (lower is better).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    pub log_loss: f64,
    pub rmse: f64,
}

/// What the optimizer module answers.
#[derive(Clone, Debug, PartialEq)]
pub struct FitResult {
    pub params: Vec<f64>,
    pub before: Score,
    pub after: Score,
    /// Reviews it learned from (each card's reviews after its first).
    pub items: usize,
}

impl FitResult {
    /// Read from the module's flat answer: log loss and RMSE before, the same after, the
    /// number of items, then the 21 weights. `None` for anything else.
    pub fn from_flat(flat: &[f64]) -> Option<FitResult> {
        let [before, before_rmse, after, after_rmse, items, params @ ..] = flat else {
            return None;
        };
        (params.len() == 21).then(|| FitResult {
            params: params.to_vec(),
            before: Score {
                log_loss: *before,
                rmse: *before_rmse,
            },
            after: Score {
                log_loss: *after,
                rmse: *after_rmse,
            },
            items: *items as usize,
        })
    }

    /// The weights to keep, when they are usable and predict this learner's recall better than
    /// the ones in use; `None` keeps the weights in use.
    pub fn better(&self, reviews: usize, now_ms: f64) -> Option<Fitted> {
        let fitted = Fitted {
            at: now_ms,
            w: self.params.clone(),
            reviews: u32::try_from(reviews).unwrap_or(u32::MAX),
            log_loss: Some((self.before.log_loss, self.after.log_loss)),
        };
        (fitted.weights().is_some() && self.after.log_loss < self.before.log_loss).then_some(fitted)
    }
}

/// Writes a loss as "0.412" (three decimals, without the float formatter's code).
pub fn thousandths(x: f64) -> String {
    let n = (x.max(0.0) * 1000.0).round() as u64;
    format!("{}.{:03}", n / 1000, n % 1000)
}
