//! The practice view: filters, which cards (today's study session, due cards, or all of
//! them), the card, grading and moving on, and what the session says when the day's work is
//! done.

use crate::app::dispatch::{flip as flip_card, send};
use crate::app::state::{Action, Mode, State};
use crate::components::answer::AnswerWait;
use crate::components::card::{card_view, CardProps};
use crate::components::filters::{filters, FiltersProps};
use crate::components::grade::{grade_buttons, GradeProps};
use crate::components::ids::Ids;
use crate::components::keypoints::{key_point_list, suggestion};
use crate::core::filter::{Filter, Status};
use crate::words::plural;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

pub struct PracticeProps {
    pub state: UseReducerHandle<State>,
}

/// What to say while `card`'s answer (its part of the bank) is missing.
pub fn answer_wait(state: &UseReducerHandle<State>, card: &crate::core::deck::Card) -> AnswerWait {
    match state.parts_failed.iter().find(|(t, _)| *t == card.topic) {
        Some((_, reason)) => AnswerWait::Failed(
            AttrValue::from(reason.clone()),
            send(state, |(), _| Action::RetryParts),
        ),
        None => AnswerWait::Coming,
    }
}

pub fn practice_view(props: &PracticeProps, ids: &Ids) -> Html {
    let state = &props.state;
    let on_filter = send(state, |filter, now_ms| Action::SetFilter { filter, now_ms });
    let flip = send(state, |(), _| Action::Flip);
    let total = state.session.len();
    let topics = Rc::new(state.deck.topics.clone());
    html! {
        <>
            {filters(&FiltersProps { topics, filter: state.filter.clone(), counts: state.counts.clone(), on_change: on_filter.clone(), answers_coming: !state.deck.parts.is_empty() }, ids)}
            {practice_bar(state)}
            if state.only.is_some() {
                <p class="only" role="status">{"Practising the weak answers from your mock interview. Change a filter to see every card."}</p>
            }
            {card_or_empty(state, ids, &on_filter, &flip_card(state))}
            if state.session.is_flipped() {
                {key_points(state, ids)}
            }
            if total > 0 {
                {card_controls(state, ids, &flip)}
            }
            {undo_and_due(state)}
            <p class="progress-summary" data-testid="seen-count">
                {format!("Seen {} of {} cards", state.seen, state.deck.cards.len())}
            </p>
        </>
    }
}

/// A toggle for which cards to practise; `aria-pressed` marks the current mode.
fn mode_button(state: &UseReducerHandle<State>, mode: Mode, label: Html) -> Html {
    let current = state.mode == mode;
    let onclick = send(state, move |_: MouseEvent, now_ms| Action::SetMode {
        mode,
        now_ms,
    });
    html! {
        <button type="button" class={classes!("mode", current.then_some("current"))}
                aria-pressed={current.to_string()} {onclick}>{label}</button>
    }
}

/// Mode buttons, and the less-used toggles in one menu (a disclosure: no state of its own);
/// a fresh seed each time shuffle is turned on.
fn practice_bar(state: &UseReducerHandle<State>) -> Html {
    let shuffled = state.shuffle.is_some();
    let shuffle = send(state, move |_: MouseEvent, now_ms| Action::Shuffle {
        seed: (!shuffled).then_some(now_ms as u64),
        now_ms,
    });
    let due_total = state.counts.status(Status::Due);
    let cram = state.cram;
    let toggle_cram = send(state, move |_: MouseEvent, _| Action::SetCram(!cram));
    let typing = state.type_answer;
    let toggle_typing = send(state, move |_: MouseEvent, _| {
        Action::SetTypeAnswer(!typing)
    });
    html! {
        <>
            <div class="practice-bar">
                <div class="modes" role="group" aria-label="Which cards">
                    {mode_button(state, Mode::Session, html! {"Study"})}
                    // "Review (3)" where there is no room: the word stays in its name.
                    {mode_button(state, Mode::Due, html! {<>{"Review"}<span class="wide-only">{" due"}</span>{format!(" ({due_total})")}</>})}
                    {mode_button(state, Mode::All, html! {"Practice all"})}
                </div>
                <details class="menu">
                    <summary>{"Options"}</summary>
                    <div class="menu-items" role="group" aria-label="Options">
                        <button type="button" aria-pressed={shuffled.to_string()} onclick={shuffle}>{"Shuffle"}</button>
                        <button type="button" aria-pressed={cram.to_string()} onclick={toggle_cram} data-testid="cram">{"Cram"}</button>
                        <button type="button" aria-pressed={typing.to_string()} onclick={toggle_typing} data-testid="type-toggle">{"Type answers"}</button>
                    </div>
                </details>
            </div>
            if cram {
                <p class="cram-note" role="status" data-testid="cram-note">
                    {"Cram is on: grades are kept as practice and no card's schedule changes."}
                </p>
            }
            if state.mode == Mode::All {
                <p class="mode-note" data-testid="browse-note">
                    {"Practice all walks every card in order: it does not follow the schedule or the daily limits."}
                </p>
            }
        </>
    }
}

/// The current card, or an empty state offering the way out that fits why nothing is shown.
fn card_or_empty(
    state: &UseReducerHandle<State>,
    ids: &Ids,
    on_filter: &Callback<Filter>,
    flip: &Callback<()>,
) -> Html {
    let deck = &state.deck;
    let total = state.session.len();
    let flipped = state.session.is_flipped();
    match state.current_card() {
        Some(card) => html! {
            <>
                {card_view(&CardProps {
                    card: card.clone(),
                    topic: AttrValue::from(deck.topic_name(&card.topic).to_string()),
                    flipped,
                    on_flip: flip.clone(),
                    on_swipe: send(state, |next, now_ms| if next { Action::Next { now_ms } } else { Action::Previous { now_ms } }),
                    typed: if state.type_answer { AttrValue::from(state.typed_answer().to_string()) } else { AttrValue::default() },
                    wait: answer_wait(state, card),
                }, ids)}
                if state.type_answer && !flipped {
                    {type_box(state, ids)}
                }
                <p class="sr-only" aria-live="polite" data-testid="announcer">
                    {announce(state, card, total)}
                </p>
            </>
        },
        None => {
            let clear = on_filter.reform(|_: MouseEvent| Filter::default());
            let all = send(state, |_: MouseEvent, now_ms| Action::SetMode {
                mode: Mode::All,
                now_ms,
            });
            let session = state.mode == Mode::Session;
            let step = state.next_step_due_in_view();
            html! {
                <div class="empty" role="status" data-testid="empty">
                    if state.mode != Mode::All && state.counts.total > 0 {
                        <p data-testid={session.then_some("day-done")}>{nothing_left(state, step)}</p>
                        if let Some(due) = step {
                            <p data-testid="next-step">{comes_back(due - state.now_ms)}</p>
                        }
                        if !session {
                            <button type="button" class="primary" onclick={all}>{"Practice all cards"}</button>
                        } else if let Some(later) = crate::app::later::later_now() {
                            // When the next card is due and the ways to go on come with the
                            // later views (app/later.rs), fetched by the time a day is done.
                            {(later.session_end)(state)}
                        }
                    } else {
                        <p>{"No cards match these filters."}</p>
                        <button type="button" class="primary" onclick={clear}>{"Clear filters"}</button>
                    }
                </div>
            }
        }
    }
}

/// Why the review or study session shows nothing: nothing due, suspended cards asked for
/// (never studied), or the study session done for now (a card in learning steps comes back
/// later today, at `step`) or for the day.
fn nothing_left(state: &State, step: Option<f64>) -> &'static str {
    let tomorrow =
        state.day_start(crate::core::stats::local_day(state.now_ms, state.offset_min) + 1);
    match state.mode {
        Mode::Due => "Nothing is due for review right now.",
        _ if state.filter.statuses.contains(&Status::Suspended) => {
            "Suspended cards are not studied: Practice all lists them."
        }
        _ if step.is_some_and(|due| due < tomorrow) => "Nothing to study right now.",
        _ => "Today's work is done.",
    }
}

/// After [`nothing_left`] (in the later views' chunk): when the next card is due, and the
/// ways to go on: more new cards today, or cramming every card without touching the schedule.
pub fn session_end(state: &UseReducerHandle<State>) -> Html {
    // More new cards (false) or cram (true): one callback for both buttons.
    let go = {
        let (state, all) = (
            state.clone(),
            send(state, |(), now_ms| Action::SetMode {
                mode: Mode::All,
                now_ms,
            }),
        );
        let more = send(&state, |(), now_ms| Action::MoreNewToday { now_ms });
        Callback::from(move |cram: bool| {
            if cram {
                state.dispatch(Action::SetCram(true));
                all.emit(());
            } else {
                more.emit(());
            }
        })
    };
    html! {
        <>
            if let Some(due) = state.next_due_in_view() {
                <p data-testid="next-due">{next_due(due - state.now_ms)}</p>
            }
            if state.counts.status(Status::New) > 0 {
                // MORE_NEW of them.
                <button type="button" class="primary" onclick={go.reform(|_| false)}>{"10 more new cards today"}</button>
            }
            <button type="button" onclick={go.reform(|_| true)}>{"Cram every card (no scheduling)"}</button>
        </>
    }
}

/// "The next card is due in 5 minutes" (hours under two days, then days).
fn next_due(wait_ms: f64) -> String {
    let minutes = (wait_ms / 60_000.0).ceil().max(1.0) as usize;
    let (n, one, many) = match minutes {
        m if m < 60 => (m, "minute", "minutes"),
        m if m < 48 * 60 => (m.div_ceil(60), "hour", "hours"),
        m => (m.div_ceil(24 * 60), "day", "days"),
    };
    format!("The next card is due in {}.", plural(n, one, many))
}

/// The box to type an answer in before revealing it.
fn type_box(state: &UseReducerHandle<State>, ids: &Ids) -> Html {
    let oninput = send(state, |e: InputEvent, _| {
        Action::TypeAnswer(e.target_unchecked_into::<HtmlTextAreaElement>().value())
    });
    html! {
        <div class="type-answer">
            <label for={ids.of("typed")}>{"Your answer"}</label>
            <textarea id={ids.of("typed")} rows="4" value={state.typed_answer().to_string()} {oninput}
                      aria-describedby={ids.of("typed-help")} data-testid="typed" />
            <p class="hint" id={ids.of("typed-help")}>
                {"Type what you would say, then show the answer: the key points found in your words are ticked for you."}
            </p>
        </div>
    }
}

/// When the next card in learning steps returns, in words.
fn comes_back(wait_ms: f64) -> String {
    let minutes = (wait_ms / 60_000.0).ceil().max(1.0) as usize;
    let (wait, end) = if minutes < 60 {
        (
            plural(minutes, "minute", "minutes"),
            " — this view brings it up.",
        )
    } else {
        (plural(minutes.div_ceil(60), "hour", "hours"), ".")
    };
    format!("A card you are learning comes back in {wait}{end}")
}

/// Grades (once flipped), previous / flip / next, and the position in the session.
fn card_controls(state: &UseReducerHandle<State>, ids: &Ids, flip: &Callback<()>) -> Html {
    let on_grade = send(state, |rating, now_ms| Action::Grade { rating, now_ms });
    let total = state.session.len();
    let flipped = state.session.is_flipped();
    let flip_label = if flipped {
        "Show question"
    } else {
        "Show answer"
    };
    let preview = state.current_card().map(|c| {
        state
            .scheduler
            .preview(state.progress.memory(&c.id), state.now_ms)
    });
    html! {
        <>
            // On a phone the grades and controls stay in reach below a long answer.
            <div class="actions" data-testid="actions">
                if let (true, Some(preview)) = (flipped, preview) {
                    {grade_buttons(&GradeProps { preview, on_grade, suggested: suggestion(&state.ticked_points()), practice: state.cram })}
                }
                <div class="controls" role="group" aria-label="Card controls">
                    <button type="button" onclick={send(state, |_: MouseEvent, now_ms| Action::Previous { now_ms })} aria-keyshortcuts="ArrowLeft">
                        {"Previous"}<kbd class="key" aria-hidden="true">{"←"}</kbd>
                    </button>
                    <button type="button" id={ids.of("primary-action")} class="primary" onclick={flip.reform(|_: MouseEvent| ())}
                            aria-pressed={flipped.to_string()}
                            aria-keyshortcuts="Space Enter">{flip_label}<kbd class="key" aria-hidden="true">{"Space"}</kbd></button>
                    <button type="button" onclick={send(state, |_: MouseEvent, now_ms| Action::Next { now_ms })} aria-keyshortcuts="ArrowRight">
                        {"Next"}<kbd class="key" aria-hidden="true">{"→"}</kbd>
                    </button>
                </div>
            </div>
            <p class="position" data-testid="position">
                {format!("{} / {}", state.session.position() + 1, total)}
            </p>
        </>
    }
}

/// What a screen reader hears when the card changes: its place and question, after a note
/// that a grade was taken back when that is why it is back.
fn announce(state: &State, card: &crate::core::deck::Card, total: usize) -> String {
    let place = format!(
        "Card {} of {total}: {}",
        state.session.position() + 1,
        card.question
    );
    match state.undone {
        Some(step) if state.session.current() == Some(step.card) => {
            format!("Grade {} taken back. {place}", step.rating.label())
        }
        _ => place,
    }
}

/// How often a card must be forgotten to count as a leech (as in Anki).
const LEECH_LAPSES: u32 = 8;

/// Taking back the latest grade (also when the review queue is empty after it), burying or
/// suspending the card on screen, and how many due cards a review session has left.
fn undo_and_due(state: &UseReducerHandle<State>) -> Html {
    let undo = send(state, |_: MouseEvent, now_ms| Action::Undo { now_ms });
    let due_left = (state.mode == Mode::Due).then(|| state.session.len());

    let current = state.session.current();
    let suspended = current.is_some_and(|c| state.status_of(c) == Status::Suspended);
    let lapses = state
        .current_card()
        .and_then(|card| state.progress.memory(&card.id))
        .map_or(0, |m| m.lapses);
    let offset_min = state.offset_min;
    let bury = send(state, move |_: MouseEvent, now_ms| Action::Bury {
        now_ms,
        offset_min,
    });
    let suspend = send(state, move |_: MouseEvent, now_ms| Action::SetSuspended {
        on: !suspended,
        now_ms,
    });
    html! {
        <div class="after-grade">
            if lapses >= LEECH_LAPSES && !suspended {
                <p class="leech" role="status" data-testid="leech">
                    {format!("A leech: forgotten {lapses} times. Suspending it and rewriting the card often helps.")}
                </p>
            }
            if let Some(last) = state.undo.last() {
                <button type="button" class="undo" onclick={undo} aria-keyshortcuts="u Control+Z Meta+Z"
                        data-testid="undo">
                    {format!("Undo {} grade", last.rating.label())}<kbd class="key" aria-hidden="true">{"u"}</kbd>
                </button>
            }
            if current.is_some() {
                if !suspended {
                    <button type="button" onclick={bury} aria-keyshortcuts="b" data-testid="bury">
                        {"Bury until tomorrow"}<kbd class="key" aria-hidden="true">{"b"}</kbd>
                    </button>
                }
                <button type="button" onclick={suspend} aria-keyshortcuts="s" data-testid="suspend">
                    {if suspended { "Unsuspend" } else { "Suspend" }}<kbd class="key" aria-hidden="true">{"s"}</kbd>
                </button>
            }
            if let Some(left) = due_left {
                <p class="due-left" data-testid="due-left">
                    {format!("{left} due left")}
                </p>
            }
            if let (Mode::Session, Some(_)) = (state.mode, current) {
                <p class="due-left" data-testid="session-left">
                    {session_left(state)}
                </p>
            }
        </div>
    }
}

/// What today's study session has left, as Anki counts it.
fn session_left(state: &State) -> String {
    let [new, learning, review] = state.session_left();
    format!("Left today: {new} new, {learning} learning, {review} to review")
}

/// After revealing: the points an interviewer listens for, to tick the ones covered, and the
/// grade that suggests.
fn key_points(state: &UseReducerHandle<State>, ids: &Ids) -> Html {
    let Some(card) = state.current_card() else {
        return html! {};
    };
    let on_toggle = send(state, |index, _| Action::TickPoint { index });
    key_point_list(
        ids,
        "kp",
        &card.key_points,
        &state.ticked_points(),
        &on_toggle,
    )
}
