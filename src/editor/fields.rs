//! The authoring page's fields: a labelled input with its hint and the problem beside it, the
//! ids that tie a problem to its field, and the live region that says what happened.

use crate::core::deck::DeckError;
use crate::core::draft::Field;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Where focus goes to fix a problem: its field, or the control that adds what is missing.
pub fn focus_target(field: Field) -> String {
    match field {
        Field::Deck("cards") => "add-card".into(),
        Field::Deck("topics") => "add-topic".into(),
        Field::Deck(_) | Field::Whole => "deck-title".into(),
        Field::Card(i, "id") => format!("card-{i}-question"),
        field => field_id(field),
    }
}

/// Says `text` in a live region, so that it is read out even when it repeats the last message.
pub(crate) fn say(region: &UseStateHandle<String>, text: String) {
    let text = if **region == text {
        format!("{text}\u{a0}")
    } else {
        text
    };
    region.set(text);
}

/// The id of a field's input, and of the problem shown beside it.
pub fn field_id(field: Field) -> String {
    match field {
        Field::Deck(f) => format!("deck-{f}"),
        Field::Topic(i, f) => format!("topic-{i}-{f}"),
        Field::Card(i, f) => format!("card-{i}-{f}"),
        Field::Whole => "deck-whole".into(),
    }
}

/// The problem shown beside `field`, if any: `(message, id of the message)`.
pub fn problem_of(problems: &[(Field, DeckError)], field: Field) -> Option<(String, String)> {
    problems.iter().find(|(f, _)| *f == field).map(|(_, e)| {
        (
            sentence(&e.to_string()),
            format!("{}-error", field_id(field)),
        )
    })
}

/// The validator's words start with "the deck" or "card 2" mid-sentence; here they start one.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A text input or area with its label, hint and problem.
pub fn text_field(
    field: Field,
    label: &str,
    value: &str,
    rows: Option<u32>,
    hint: Option<&str>,
    problems: &[(Field, DeckError)],
    oninput: Callback<String>,
) -> Html {
    let id = field_id(field);
    let problem = problem_of(problems, field);
    let hint_id = format!("{id}-hint");
    let described: Vec<String> = hint
        .map(|_| hint_id.clone())
        .into_iter()
        .chain(problem.as_ref().map(|(_, pid)| pid.clone()))
        .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = problem.is_some().then_some("true");
    let input = match rows {
        Some(rows) => {
            let oninput = oninput
                .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
            html! {
                <textarea id={id.clone()} rows={rows.to_string()} value={value.to_string()} {oninput}
                          aria-invalid={invalid} aria-describedby={described} />
            }
        }
        None => {
            let oninput = oninput
                .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
            html! {
                <input type="text" id={id.clone()} value={value.to_string()} {oninput}
                       spellcheck="false" autocomplete="off"
                       aria-invalid={invalid} aria-describedby={described} />
            }
        }
    };
    html! {
        <div class="field">
            <label for={id}>{label.to_string()}</label>
            {input}
            if let Some(hint) = hint {
                <p class="hint" id={hint_id}>{hint.to_string()}</p>
            }
            if let Some((message, pid)) = problem {
                <p class="field-error" id={pid}>{message}</p>
            }
        </div>
    }
}
