//! Fits FSRS-6 parameters to one learner's reviews with the `fsrs` crate's optimizer.
//!
//! Built to its own wasm module and run in a web worker (`web/optimizer-worker.js`), downloaded
//! only when the learner asks ("Optimise my schedule"); never part of the first visit. The app
//! sends each card's counted reviews (see `interview_cards::core::optimize`); this module turns
//! them into the crate's training items, measures how well the parameters in use predict them,
//! fits new ones and measures those the same way, so the learner sees both figures.

use fsrs::{compute_parameters, ComputeParametersInput, FSRSItem, FSRSReview, FSRS};

/// What the app sends.
#[derive(Debug)]
pub struct Request {
    /// Per card, its reviews oldest first: `[rating 1–4, whole days since the previous review]`
    /// (the first review's days are ignored).
    pub cards: Vec<Vec<(u32, u32)>>,
    /// The parameters in use now (21 values; empty for the defaults).
    pub current: Vec<f32>,
    /// How many relearning steps the learner's settings have.
    pub relearning_steps: usize,
}

/// How well a set of parameters predicts the learner's recall (lower is better for both).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    pub log_loss: f32,
    pub rmse: f32,
}

/// What the worker sends back.
#[derive(Debug)]
pub struct Fit {
    pub params: Vec<f32>,
    pub before: Score,
    pub after: Score,
    /// Training items: one per review after a card's first.
    pub items: usize,
}

/// The stages reported while fitting: measuring the parameters in use, fitting, measuring the
/// new ones. The fit itself reports no finer progress (the crate offers none that a
/// single-threaded caller can observe while it runs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Stage {
    MeasureCurrent = 0,
    Fit = 1,
    MeasureNew = 2,
}

/// One training item per review after each card's first, with the card's index as its id.
pub fn items(cards: &[Vec<(u32, u32)>]) -> Result<(Vec<FSRSItem>, Vec<i64>), String> {
    let mut items = Vec::new();
    let mut ids = Vec::new();
    for (card, reviews) in cards.iter().enumerate() {
        if let Some(&(rating, _)) = reviews.iter().find(|(r, _)| !(1..=4).contains(r)) {
            return Err(format!("card {card} has a rating of {rating}, not 1 to 4"));
        }
        let reviews: Vec<FSRSReview> = reviews
            .iter()
            .enumerate()
            .map(|(i, &(rating, days))| FSRSReview {
                rating,
                delta_t: if i == 0 { 0 } else { days },
            })
            .collect();
        for end in 2..=reviews.len() {
            items.push(FSRSItem {
                reviews: reviews[..end].to_vec(),
            });
            ids.push(card as i64);
        }
    }
    Ok((items, ids))
}

fn score(
    params: &[f32],
    items: &[FSRSItem],
    ids: &[i64],
    mut tell: impl FnMut(f64),
) -> Result<Score, String> {
    let model = FSRS::new(params).map_err(|e| format!("parameters not usable: {e:?}"))?;
    let evaluation = model
        .evaluate_with_card_ids(items.to_vec(), ids.to_vec(), |p| {
            tell(p.current as f64 / p.total.max(1) as f64);
            true
        })
        .map_err(|e| format!("could not measure the fit: {e:?}"))?;
    Ok(Score {
        log_loss: evaluation.log_loss,
        rmse: evaluation.rmse_bins,
    })
}

/// Measures the parameters in use, fits new ones and measures them; `progress(stage, done)`
/// is called as each stage moves (`done` from 0 to 1).
pub fn fit(request: &Request, mut progress: impl FnMut(Stage, f64)) -> Result<Fit, String> {
    let (items, ids) = items(&request.cards)?;
    if items.is_empty() {
        return Err("no card has been reviewed twice yet".into());
    }
    let before = score(&request.current, &items, &ids, |d| {
        progress(Stage::MeasureCurrent, d)
    })?;
    progress(Stage::Fit, 0.0);
    let params = compute_parameters(ComputeParametersInput {
        train_set: items.clone(),
        card_ids: Some(ids.clone()),
        progress: None,
        enable_short_term: true,
        num_relearning_steps: Some(request.relearning_steps),
        training_config: None,
    })
    .map_err(|e| format!("the fit failed: {e:?}"))?;
    progress(Stage::Fit, 1.0);
    let after = score(&params, &items, &ids, |d| progress(Stage::MeasureNew, d))?;
    Ok(Fit {
        params,
        before,
        after,
        items: items.len(),
    })
}

/// Cards as the app sends them, one flat array: per card its number of reviews, then rating
/// and days for each review.
pub fn unflatten(flat: &[u32]) -> Result<Vec<Vec<(u32, u32)>>, String> {
    let mut cards = Vec::new();
    let mut rest = flat;
    while let Some((&count, tail)) = rest.split_first() {
        let len = count as usize * 2;
        if tail.len() < len {
            return Err("the reviews sent were cut short".into());
        }
        cards.push(tail[..len].chunks(2).map(|p| (p[0], p[1])).collect());
        rest = &tail[len..];
    }
    Ok(cards)
}

/// The fit as the app reads it, one flat array: log loss and RMSE before, the same after, the
/// number of items, then the 21 weights.
pub fn flatten(fit: &Fit) -> Vec<f64> {
    [
        fit.before.log_loss,
        fit.before.rmse,
        fit.after.log_loss,
        fit.after.rmse,
    ]
    .iter()
    .map(|&x| f64::from(x))
    .chain([fit.items as f64])
    .chain(fit.params.iter().map(|&w| f64::from(w)))
    .collect()
}

/// The worker's entry point (see `flatten` and `unflatten` for the arrays); an error is a
/// message for the learner. `progress` is called with `(stage, done)`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn optimise(
    cards: &[u32],
    current: &[f64],
    relearning_steps: u32,
    progress: &js_sys::Function,
) -> Result<Vec<f64>, String> {
    let request = Request {
        cards: unflatten(cards)?,
        current: current.iter().map(|&w| w as f32).collect(),
        relearning_steps: relearning_steps.max(1) as usize,
    };
    let fit = fit(&request, |stage, done| {
        let _ = progress.call2(
            &wasm_bindgen::JsValue::NULL,
            &(stage as u32).into(),
            &done.into(),
        );
    })?;
    Ok(flatten(&fit))
}
