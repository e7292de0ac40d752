//! Scheduling settings: the desired retention, the learning steps and the study session's
//! daily limits, with what they mean, and the error beside the field the reducer could not
//! read.

use crate::app::dispatch::send;
use crate::app::state::{Action, State};
use crate::components::ids::Ids;
use crate::components::optimise::optimise_schedule;
use crate::core::schedule::{format_steps, RETENTION_RANGE};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

pub struct SettingsProps {
    pub state: UseReducerHandle<State>,
}

/// The retentions offered: every percent in the allowed range.
fn retentions() -> impl Iterator<Item = u32> {
    let (low, high) = RETENTION_RANGE;
    (low * 100.0).round() as u32..=(high * 100.0).round() as u32
}

pub fn schedule_settings(props: &SettingsProps, ids: &Ids) -> Html {
    let state = &props.state;
    let scheduler = &state.scheduler;
    let (retention_id, learning_id, relearning_id) = (
        ids.of("retention"),
        ids.of("learning-steps"),
        ids.of("relearning-steps"),
    );
    let on_retention = send(state, |e: Event, _| {
        // Whole percents: parsing a float would link the standard library's float parser
        // (over 10 KB of tables).
        let percent = e
            .target_unchecked_into::<HtmlSelectElement>()
            .value()
            .parse::<u32>();
        // Anything unreadable is out of range: the reducer changes nothing.
        Action::SetRetention(percent.map_or(0.0, |p| f64::from(p) / 100.0))
    });
    let on_steps = |relearning: bool| {
        send(state, move |e: Event, _| Action::SetSteps {
            relearning,
            text: e.target_unchecked_into::<HtmlInputElement>().value(),
        })
    };
    let percent = (scheduler.desired_retention() * 100.0).round() as u32;
    let options = retentions().map(|p| {
        html! { <option value={p.to_string()} selected={p == percent}>{format!("{p}%")}</option> }
    });
    let [learning_error, relearning_error] =
        state.steps_errors.clone().map(|e| e.map(|e| e.to_string()));
    let field = |id: &str,
                 onchange: Callback<Event>,
                 label: &str,
                 value: String,
                 help: &str,
                 error: Option<String>| {
        let help_id = format!("{id}-help");
        let error_id = format!("{id}-error");
        let described = if error.is_some() {
            format!("{help_id} {error_id}")
        } else {
            help_id.clone()
        };
        html! {
            <div class="setting">
                <label for={id.to_string()}>{label.to_string()}</label>
                <input type="text" id={id.to_string()} value={value} {onchange}
                       spellcheck="false" autocomplete="off"
                       aria-invalid={error.is_some().to_string()} aria-describedby={described} />
                <p class="hint" id={help_id}>{help.to_string()}</p>
                if let Some(error) = error {
                    <p class="field-error" id={error_id} role="alert">{error}</p>
                }
            </div>
        }
    };
    let steps = scheduler.steps();
    let on_limit = |reviews: bool| {
        send(state, move |e: Event, _| Action::SetLimit {
            reviews,
            text: e.target_unchecked_into::<HtmlInputElement>().value(),
        })
    };
    let limit_error =
        |field: usize| state.limit_errors[field].then(|| crate::words::LIMIT_ERROR.to_string());
    let limits = state.limits;
    html! {
        <fieldset class="schedule-settings" data-testid="schedule-settings">
            <legend>{"Scheduling"}</legend>
            <div class="setting">
                <label for={retention_id.clone()}>{"Desired retention"}</label>
                <select id={retention_id.clone()} onchange={on_retention} aria-describedby={format!("{retention_id}-help")}>
                    {for options}
                </select>
                <p class="hint" id={format!("{retention_id}-help")} data-testid="retention-effect">{format!(
                    "The chance of recalling a card when it comes back. Higher means more reviews: a card you remember for 30 days at 90% comes back after {} days at {percent}%.",
                    scheduler.days_for_stability(30.0))}</p>
            </div>
            {field(&learning_id, on_steps(false), "Learning steps", format_steps(&steps.learning),
                   "Waits before a new card is on day intervals, for example 1m 10m. Again and Hard repeat the steps; leave empty for none.",
                   learning_error)}
            {field(&relearning_id, on_steps(true), "Relearning steps", format_steps(&steps.relearning),
                   "Waits after you forget a card you knew, for example 10m.", relearning_error)}
            {field(&ids.of("new-limit"), on_limit(false), "New cards a day", limits.new_cards.to_string(),
                   "New cards a study session brings in each day (Anki's default: 20).",
                   limit_error(0))}
            {field(&ids.of("review-limit"), on_limit(true), "Reviews a day", limits.reviews.to_string(),
                   "At most this many due cards a day (default 200); the rest wait for the next day.",
                   limit_error(1))}
            {optimise_schedule(state, ids)}
        </fieldset>
    }
}
