//! The four self-grading buttons shown after a flip, each with the interval it would schedule.

use crate::core::schedule::Rating;
use yew::prelude::*;

pub struct GradeProps {
    /// Each rating with the minutes until the card would come back.
    pub preview: [(Rating, u32); 4],
    pub on_grade: Callback<Rating>,
    /// The grade the key points ticked suggest, marked on its button.
    pub suggested: Option<Rating>,
    /// Cramming: the grade changes no schedule, so no interval is shown.
    pub practice: bool,
}

/// A wait in minutes as the buttons show it: minutes and hours within the day, then days,
/// months, years.
pub fn wait_label(minutes: u32) -> String {
    match minutes {
        0 => "now".into(),
        m if m < 60 => format!("{m} min"),
        m if m < 1440 => format!("{} h", (m + 30) / 60),
        m => match (m + 720) / 1440 {
            1 => "1 day".into(),
            d if d < 60 => format!("{d} days"),
            d if d < 730 => format!("{} months", d / 30),
            d => format!("{} years", d / 365),
        },
    }
}

pub fn grade_buttons(props: &GradeProps) -> Html {
    let practice = props.practice;
    let buttons: Html = props
        .preview
        .iter()
        .enumerate()
        .map(|(i, &(rating, wait))| {
            let on_grade = props.on_grade.clone();
            let onclick = Callback::from(move |_: MouseEvent| on_grade.emit(rating));
            let key = (i + 1).to_string();
            let suggested = props.suggested == Some(rating);
            let hint = if suggested { ", suggested by your key points" } else { "" };
            html! {
                <button type="button" class={classes!("grade", rating.class(), suggested.then_some("suggested"))}
                        {onclick} aria-keyshortcuts={key.clone()}
                        aria-label={if practice { format!("{} (key {key}), practice only{hint}", rating.label()) } else { format!("{} (key {key}), next review in {}{hint}", rating.label(), wait_label(wait)) }}>
                    <span class="grade-name">{rating.label()}<kbd class="key" aria-hidden="true">{key.clone()}</kbd></span>
                    <span class="grade-next" aria-hidden="true">{if practice { "practice".to_string() } else { wait_label(wait) }}</span>
                </button>
            }
        })
        .collect();
    html! {
        <div class="grades" role="group" aria-label="How well did you know it?">
            {buttons}
        </div>
    }
}
