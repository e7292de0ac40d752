//! The mock-interview view: set-up (how many questions, time per question), the timed run with
//! a visible countdown, and the summary that leads to practising the weak cards.

use crate::app::action::ReadAloud;
use crate::components::aloud::AnswerAloud;
use crate::components::answer::{answer_or_wait, AnswerWait};
use crate::components::grade::{grade_buttons, GradeProps};
use crate::components::ids::Ids;
use crate::components::keypoints::{key_point_list, suggestion};
use crate::components::voice::QuestionVoice;
use crate::core::deck::{Card, Deck};
use crate::core::mock::{
    Mock, Phase, TimerChange, DEFAULT_QUESTIONS, DEFAULT_SECONDS_PER_QUESTION, WARN_MS,
};
use crate::core::schedule::Rating;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

pub struct MockProps {
    pub deck: crate::app::state::DeckHandle,
    pub mock: Option<Mock>,
    /// Questions and seconds per question, as set up.
    pub setup: (usize, u32),
    pub on_setup: Callback<(usize, u32)>,
    /// Cards the current filter leaves (the pool questions are drawn from).
    pub pool_size: usize,
    pub now_ms: f64,
    /// Intervals each grade would give the current question.
    pub preview: [(Rating, u32); 4],
    pub on_start: Callback<()>,
    pub on_reveal: Callback<()>,
    pub on_timer: Callback<TimerChange>,
    pub on_tick_point: Callback<usize>,
    pub on_grade: Callback<Rating>,
    pub on_practise_weak: Callback<()>,
    pub on_end: Callback<()>,
    /// What to say while the question's answer is missing (its part of the bank).
    pub answer_wait: AnswerWait,
    pub read_aloud: ReadAloud,
    pub on_read_aloud: Callback<bool>,
    pub on_voice: Callback<String>,
    pub on_hear_again: Callback<()>,
}

/// "Read the question aloud", with `question` on screen (none while setting up).
fn voice_row(props: &MockProps, question: Option<(usize, AttrValue)>) -> Html {
    let r = &props.read_aloud;
    html! {
        <QuestionVoice on={r.on} voice={r.voice.clone().map(AttrValue::from)} {question} again={r.again}
                       on_toggle={props.on_read_aloud.clone()} on_voice={props.on_voice.clone()}
                       on_again={props.on_hear_again.clone()} />
    }
}

fn clock(ms: f64) -> String {
    let secs = (ms / 1000.0).ceil() as u64;
    format!("{}:{:02}", secs / 60, secs % 60)
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

pub fn mock_view(props: &MockProps, ids: &Ids) -> Html {
    match &props.mock {
        None => setup_view(props, ids),
        Some(mock) if mock.is_finished() => summary_view(props, ids, mock),
        Some(mock) => question_view(props, ids, mock),
    }
}

/// Before a run: choose how many questions and how long each may take.
fn setup_view(props: &MockProps, ids: &Ids) -> Html {
    let (count, seconds) = props.setup;
    let on_count = props.on_setup.reform(move |e: Event| {
        (
            select_value(&e).parse().unwrap_or(DEFAULT_QUESTIONS),
            seconds,
        )
    });
    let on_seconds = props.on_setup.reform(move |e: Event| {
        (
            count,
            select_value(&e)
                .parse()
                .unwrap_or(DEFAULT_SECONDS_PER_QUESTION),
        )
    });
    let start = props.on_start.reform(|_: MouseEvent| ());
    let counts = [3usize, 5, 10, 15, 20].map(|n| {
        html! { <option value={n.to_string()} selected={n == count}>{n}</option> }
    });
    let times = [
        (0u32, "No time limit"),
        (60, "1 minute"),
        (120, "2 minutes"),
        (180, "3 minutes"),
        (300, "5 minutes"),
    ]
    .map(|(s, label)| {
        html! { <option value={s.to_string()} selected={s == seconds}>{label}</option> }
    });
    html! {
        <div class="mock setup">
            <h2 id={ids.of("mock-title")}>{"Mock interview"}</h2>
            <p>{format!(
                "Questions are drawn at random from the {} cards your filters leave. Answer each one aloud before the clock runs out, then reveal the model answer and grade yourself.",
                props.pool_size)}</p>
            <div class="mock-options">
                <label for={ids.of("mock-count")}>{"Questions"}</label>
                <select id={ids.of("mock-count")} onchange={on_count}>{for counts}</select>
                <label for={ids.of("mock-time")}>{"Time per question"}</label>
                <select id={ids.of("mock-time")} onchange={on_seconds}>{for times}</select>
            </div>
            {voice_row(props, None)}
            <button type="button" class="primary" onclick={start} disabled={props.pool_size == 0}>
                {"Start the interview"}
            </button>
            if props.pool_size == 0 {
                <p role="status">{"No cards match your filters; clear them to start."}</p>
            }
        </div>
    }
}

/// The key points of `card` not ticked as covered, or why there are none to list.
fn missed(card: &Card, covered: &[bool]) -> Html {
    if card.key_points.is_empty() {
        return html! { {"—"} };
    }
    let missed: Vec<&String> = card
        .key_points
        .iter()
        .enumerate()
        .filter(|(i, _)| !covered.get(*i).copied().unwrap_or(false))
        .map(|(_, p)| p)
        .collect();
    if missed.is_empty() {
        return html! { {"None: all covered"} };
    }
    html! { <ul class="missed">{for missed.into_iter().map(|p| html! { <li>{p.clone()}</li> })}</ul> }
}

/// After the last question: every grade, time and key point missed, and a way into the weak
/// cards.
fn summary_view(props: &MockProps, ids: &Ids, mock: &Mock) -> Html {
    let deck: &Rc<Deck> = &props.deck.0;
    let on_end = props.on_end.reform(|_: MouseEvent| ());
    let rows: Html = mock
        .results
        .iter()
        .filter_map(|r| deck.cards.get(r.card).map(|card| (r, card)))
        .map(|(r, card)| {
            html! {
                <tr>
                    <th scope="row">{card.question.clone()}</th>
                    <td>{r.rating.label()}</td>
                    <td>{clock(r.used_ms)}{if r.timed_out { " (time ran out)" } else { "" }}</td>
                    <td>{missed(card, &r.covered)}</td>
                </tr>
            }
        })
        .collect();
    let weak = mock.weak_cards().len();
    let practise = props.on_practise_weak.reform(|_: MouseEvent| ());
    html! {
        <div class="mock summary">
            <h2 id={ids.of("mock-title")} tabindex="-1">{"Interview summary"}</h2>
            <table data-testid="mock-summary">
                <thead><tr><th scope="col">{"Question"}</th><th scope="col">{"Grade"}</th><th scope="col">{"Time used"}</th><th scope="col">{"Key points missed"}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <div class="controls">
                if weak > 0 {
                    <button type="button" id={ids.of("primary-action")} class="primary" onclick={practise}>
                        {format!("Practise the {weak} weak one{}", if weak == 1 { "" } else { "s" })}
                    </button>
                } else {
                    <p>{"No weak answers: every question was graded Good or Easy."}</p>
                }
                <button type="button" onclick={on_end}>{"New interview"}</button>
            </div>
        </div>
    }
}

/// During a run: the current card, with the phase-specific part from [`question_body`].
fn question_view(props: &MockProps, ids: &Ids, mock: &Mock) -> Html {
    let deck: &Rc<Deck> = &props.deck.0;
    let Some(card) = mock.current().and_then(|i| deck.cards.get(i)) else {
        return html! {};
    };
    let on_end = props.on_end.reform(|_: MouseEvent| ());
    let progress = format!("Question {} of {}", mock.position + 1, mock.cards.len());
    html! {
        <div class="mock running">
            <p class="mock-progress">{progress}</p>
            <article class="card">
                <div class="card-face">
                    <p class="card-meta"><span class="topic">{deck.topic_name(&card.topic).to_string()}</span></p>
                    <h2 id={ids.of("mock-question")} class="card-question">{card.question.clone()}</h2>
                </div>
                {voice_row(props, Some((mock.position, AttrValue::from(card.question.clone()))))}
                // Keyed by question: each one records afresh, and the last recording goes.
                <AnswerAloud key={format!("aloud-{}", mock.position)}
                             revealed={matches!(mock.phase, Phase::Revealed { .. })} />
                {question_body(props, ids, mock, card)}
            </article>
            <button type="button" class="link" onclick={on_end}>{"End the interview"}</button>
        </div>
    }
}

/// The countdown with its controls (pause or resume, one more minute, no limit), and a
/// warning, announced once, when little time is left.
fn timer(props: &MockProps, mock: &Mock) -> Html {
    let Some(remaining) = mock.remaining_ms(props.now_ms) else {
        return html! { <p class="countdown" data-testid="countdown">{"No time limit"}</p> };
    };
    let change = |c: TimerChange| props.on_timer.reform(move |_: MouseEvent| c);
    let paused = mock.is_paused();
    html! {
        <>
            <p class="countdown" data-testid="countdown" role="timer" aria-live="off">
                <span class="sr-only">{"Time left: "}</span>{clock(remaining)}
                if paused { {" (paused)"} }
            </p>
            <div class="timer-controls" role="group" aria-label="Question clock">
                if paused {
                    <button type="button" onclick={change(TimerChange::Resume)}>{"Resume the clock"}</button>
                } else {
                    <button type="button" onclick={change(TimerChange::Pause)}>{"Pause the clock"}</button>
                }
                <button type="button" onclick={change(TimerChange::Extend)}>{"+1 minute"}</button>
                <button type="button" onclick={change(TimerChange::Off)}>{"No time limit"}</button>
            </div>
            <p class="timer-warning" aria-live="polite" data-testid="timer-warning">
                if remaining <= WARN_MS && !paused {
                    {"Less than 20 seconds left: press +1 minute for more time, or No time limit."}
                }
            </p>
        </>
    }
}

/// While asking, the countdown and "reveal"; once revealed, the answer and the grades.
fn question_body(props: &MockProps, ids: &Ids, mock: &Mock, card: &Card) -> Html {
    match mock.phase {
        Phase::Asking { .. } => {
            let reveal = props.on_reveal.reform(|_: MouseEvent| ());
            html! {
                <>
                    {timer(props, mock)}
                    <button type="button" id={ids.of("primary-action")} class="primary" onclick={reveal} aria-keyshortcuts="Space Enter">
                        {"Reveal the answer"}
                    </button>
                </>
            }
        }
        Phase::Revealed { used_ms, timed_out } => {
            html! {
                <>
                    <p class="used" role="status">
                        {if timed_out { "Time is up.".to_string() } else { format!("You took {}.", clock(used_ms)) }}
                    </p>
                    <div class="card-answer">
                        <h3 class="sr-only">{"Answer"}</h3>
                        {answer_or_wait(card, &props.answer_wait)}
                    </div>
                    {key_point_list(ids, "mkp", &card.key_points, &mock.ticked, &props.on_tick_point)}
                    {grade_buttons(&GradeProps {
                        preview: props.preview,
                        on_grade: props.on_grade.clone(),
                        suggested: suggestion(&mock.ticked),
                        practice: false,
                    })}
                </>
            }
        }
        Phase::Finished => html! {},
    }
}
