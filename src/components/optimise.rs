//! "Optimise my schedule": fits FSRS weights to the learner's own reviews (in a worker, with a
//! module fetched only then), shows how well the weights in use and the fitted ones predict
//! those reviews, and lets the learner go back to the defaults.

use crate::app::dispatch::send;
use crate::app::state::{Action, Optimise, State};
use crate::components::ids::Ids;
use crate::core::optimize::{thousandths, MIN_REVIEWS};
use yew::prelude::*;

const STAGES: [&str; 4] = [
    "Downloading the optimizer…",
    "Measuring how well the weights in use predict your grades…",
    "Fitting weights to your reviews…",
    "Measuring the fitted weights…",
];

/// How far a fit is, 0–100, over its stages (the fit itself is one step: it reports nothing
/// while it runs).
fn percent(stage: u8, done: f64) -> f64 {
    let (start, width) = match stage {
        0 => (0.0, 30.0),
        1 => (30.0, 10.0),
        2 => (40.0, 50.0),
        _ => (90.0, 10.0),
    };
    start + width * done
}

/// The panel, inside the scheduling settings (a plain function, not a component: a
/// component of its own costs the first visit several KB of Yew's generic code).
pub fn optimise_schedule(state: &UseReducerHandle<State>, ids: &Ids) -> Html {
    let (help_id, count_id) = (ids.of("fit-help"), ids.of("fit-count"));
    let reviews = state.progress.review_count();
    let enough = reviews >= MIN_REVIEWS;
    let running = matches!(state.optimise, Optimise::Running { .. });
    let fitted = state
        .progress
        .fitted
        .as_ref()
        .filter(|f| f.weights().is_some());
    let in_use = match fitted {
        Some(f) => format!("In use: weights fitted to {} of your reviews.", f.reviews),
        None => "In use: the default weights.".to_string(),
    };
    let on_fit = send(state, |_: MouseEvent, _| Action::Optimise);
    let on_default = send(state, |_: MouseEvent, now| Action::UseDefaultWeights {
        now_ms: now,
    });
    let described = if enough {
        help_id.clone()
    } else {
        format!("{help_id} {count_id}")
    };
    let outcome = match &state.optimise {
        Optimise::Idle => html! {},
        Optimise::Running { stage, done } => html! {
            <>
                <p class="hint" role="status">{STAGES[usize::from(*stage).min(3)]}</p>
                <progress max="100" value={(percent(*stage, *done).round() as u32).to_string()}
                          aria-label="Fitting your schedule" data-testid="fit-progress"></progress>
            </>
        },
        Optimise::Finished {
            before,
            after,
            reviews,
            kept,
        } => {
            let (before, after) = (thousandths(*before), thousandths(*after));
            let text = if *kept {
                format!("Done. On your {reviews} reviews, the log loss (how surprised the schedule is by your grades; lower is better) went from {before} to {after}. Your schedule now uses the fitted weights.")
            } else {
                format!("The weights in use already predict your {reviews} reviews as well or better (log loss {before}; fitted {after}), so they stay.")
            };
            html! { <p class="hint" role="status" data-testid="fit-result">{text}</p> }
        }
        Optimise::Failed(message) => html! {
            <p class="field-error" role="alert" data-testid="fit-error">{message.clone()}</p>
        },
    };
    html! {
        <div class="setting fit" data-testid="optimise">
            <p class="setting-title">{"Fit the schedule to you"}</p>
            <p class="hint" id={help_id}>{crate::words::optimiser_offer()}</p>
            <p class="hint" data-testid="fit-in-use">{in_use}</p>
            <div class="fit-actions">
                <button type="button" onclick={on_fit} disabled={!enough || running}
                        aria-describedby={described}>{"Optimise my schedule"}</button>
                if fitted.is_some() && !running {
                    <button type="button" onclick={on_default}>{"Use the default weights again"}</button>
                }
            </div>
            if !enough {
                <p class="hint" id={count_id}>{format!("You have {reviews} reviews; fitting needs {MIN_REVIEWS}.")}</p>
            }
            {outcome}
        </div>
    }
}
