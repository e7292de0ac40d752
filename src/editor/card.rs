//! One card of the draft: its question, topic, difficulty, answer with the widget's own preview,
//! key points, and the buttons that move or remove it. A component of its own (keyed by
//! position), so a card whose fields and problems did not change is not drawn again on every
//! keystroke elsewhere.

use crate::components::answer::Answer;
use crate::core::deck::{DeckError, Difficulty};
use crate::core::draft::{DraftCard, Field};
use crate::editor::fields::{problem_of, text_field};
use crate::editor::state::{CardField, Edit};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub index: usize,
    pub count: usize,
    pub card: DraftCard,
    /// (key, what the select shows) for each topic.
    pub topics: Rc<Vec<(u32, String)>>,
    pub problems: Rc<Vec<(Field, DeckError)>>,
    pub edit: Callback<Edit>,
}

#[function_component(CardEditor)]
pub fn card_editor(p: &CardProps) -> Html {
    let i = p.index;
    let c = &p.card;
    let set = |field: CardField| p.edit.reform(move |text| Edit::Card(i, field, text));
    html! {
        <fieldset class="editor-card" id={format!("card-{i}")}>
            <legend>{format!("Card {}", i + 1)}<span class="card-id">{format!(" ({})", c.id)}</span></legend>
            if let Some((message, pid)) = problem_of(&p.problems, Field::Card(i, "id")) {
                <p class="field-error" id={pid}>{message}</p>
            }
            {text_field(Field::Card(i, "question"), "Question", &c.question, Some(2), None, &p.problems, set(CardField::Question))}
            <div class="field-row">
                {topic_select(p)}
                {difficulty_select(p)}
            </div>
            {answer_with_preview(p)}
            {text_field(Field::Card(i, "key_points"), "Key points (optional)", &c.key_points, Some(4),
                Some("One per line: 3 to 6 short phrases an interviewer listens for."),
                &p.problems, set(CardField::KeyPoints))}
            {card_actions(p)}
        </fieldset>
    }
}

/// A select with its label and the problem beside it.
fn select(
    p: &CardProps,
    what: &'static str,
    label: &str,
    onchange: Callback<Event>,
    options: Html,
) -> Html {
    let id = format!("card-{}-{what}", p.index);
    let problem = problem_of(&p.problems, Field::Card(p.index, what));
    html! {
        <div class="field">
            <label for={id.clone()}>{label.to_string()}</label>
            <select {id} {onchange}
                    aria-invalid={problem.is_some().then_some("true")}
                    aria-describedby={problem.as_ref().map(|(_, pid)| pid.clone())}>
                {options}
            </select>
            if let Some((message, pid)) = problem {
                <p class="field-error" id={pid}>{message}</p>
            }
        </div>
    }
}

fn topic_select(p: &CardProps) -> Html {
    let (i, c) = (p.index, &p.card);
    let on_topic = p.edit.reform(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Edit::Topic(i, value.parse().unwrap_or(0))
    });
    let known_topic = p.topics.iter().any(|(key, _)| *key == c.topic);
    let options = html! {
        <>
            if !known_topic {
                <option value="0" selected=true>{"— choose a topic —"}</option>
            }
            { for p.topics.iter().map(|(key, label)| html! {
                <option value={key.to_string()} selected={*key == c.topic}>{label.clone()}</option>
            }) }
        </>
    };
    select(p, "topic", "Topic", on_topic, options)
}

fn difficulty_select(p: &CardProps) -> Html {
    let (i, c) = (p.index, &p.card);
    let on_difficulty = p.edit.reform(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Edit::Difficulty(i, Difficulty::parse(&value).unwrap_or(Difficulty::Medium))
    });
    let options = html! {
        { for Difficulty::ALL.iter().map(|d| html! {
            <option value={d.as_str()} selected={*d == c.difficulty}>{d.label()}</option>
        }) }
    };
    select(p, "difficulty", "Difficulty", on_difficulty, options)
}

/// The answer's Markdown beside the widget's rendering of it.
fn answer_with_preview(p: &CardProps) -> Html {
    let (i, c) = (p.index, &p.card);
    let on_answer = p
        .edit
        .reform(move |text| Edit::Card(i, CardField::Answer, text));
    html! {
        <div class="answer-edit">
            {text_field(Field::Card(i, "answer"), "Answer (Markdown)", &c.answer, Some(6),
                Some("Paragraphs, **bold**, `code`, lists (- or 1.) and ``` code blocks."),
                &p.problems, on_answer)}
            <section class="preview" aria-label={format!("Preview of card {}'s answer", i + 1)}>
                <h4 class="preview-title" aria-hidden="true">{"Preview"}</h4>
                <div class="card-answer">
                    if c.answer.trim().is_empty() {
                        <p class="hint">{"The answer shows here as learners will see it."}</p>
                    } else {
                        <Answer source={AttrValue::from(c.answer.clone())} />
                    }
                </div>
            </section>
        </div>
    }
}

fn card_actions(p: &CardProps) -> Html {
    let (i, number) = (p.index, p.index + 1);
    let on = |edit: Edit| p.edit.reform(move |_: MouseEvent| edit.clone());
    html! {
        <div class="card-actions">
            <button type="button" id={format!("card-{i}-up")} onclick={on(Edit::MoveCard(i, true))} disabled={i == 0}
                    aria-label={format!("Move card {number} up")}>{"Move up"}</button>
            <button type="button" id={format!("card-{i}-down")} onclick={on(Edit::MoveCard(i, false))} disabled={i + 1 == p.count}
                    aria-label={format!("Move card {number} down")}>{"Move down"}</button>
            <button type="button" onclick={on(Edit::RemoveCard(i))} aria-label={format!("Remove card {number}")}>{"Remove"}</button>
        </div>
    }
}
