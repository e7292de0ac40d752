//! The key points of a revealed answer, to tick the ones covered, with the grade the share
//! ticked suggests. Used by practice and by the mock interview.

use crate::components::ids::Ids;
use crate::core::keypoints::suggested_grade;
use crate::core::schedule::Rating;
use yew::prelude::*;

/// The grade the ticks suggest, once at least one is ticked.
pub fn suggestion(ticks: &[bool]) -> Option<Rating> {
    let ticked = ticks.iter().filter(|t| **t).count();
    (ticked > 0)
        .then(|| suggested_grade(ticked, ticks.len()))
        .flatten()
}

/// The list; nothing for a card without key points. `name` keeps element ids apart.
pub fn key_point_list(
    ids: &Ids,
    name: &str,
    points: &[String],
    ticks: &[bool],
    on_toggle: &Callback<usize>,
) -> Html {
    if points.is_empty() {
        return html! {};
    }
    let ticked = ticks.iter().filter(|t| **t).count();
    let items = points.iter().enumerate().map(|(i, point)| {
        let id = ids.of(&format!("{name}-{i}"));
        let onchange = on_toggle.reform(move |_: Event| i);
        let on = ticks.get(i).copied().unwrap_or(false);
        html! {
            <li>
                <input type="checkbox" id={id.clone()} checked={on} {onchange} />
                <label for={id}>{point.clone()}</label>
            </li>
        }
    });
    let title = ids.of(&format!("{name}-title"));
    html! {
        <section class="key-points" aria-labelledby={title.clone()} data-testid="key-points">
            <h3 id={title}>{"Key points: tick the ones you covered"}</h3>
            <ul>{for items}</ul>
            <p class="suggestion" aria-live="polite" data-testid="suggestion">
                {match suggestion(ticks) {
                    Some(r) => format!("{ticked} of {} covered: {} suggested. The grade is yours to choose.", points.len(), r.label()),
                    None => String::new(),
                }}
            </p>
        </section>
    }
}
