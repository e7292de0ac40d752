//! The practice view: filters, which cards (all or due), the card, grading and moving on.

use crate::app::state::{Action, Mode, State};
use crate::components::card::CardView;
use crate::components::filters::Filters;
use crate::components::grade::GradeButtons;
use crate::components::ids::use_ids;
use crate::core::filter::{Filter, Status};
use crate::platform::clock::now_ms;
use std::rc::Rc;
use yew::prelude::*;

/// A callback that turns its argument, and the time it fires, into an action.
pub fn send<T: 'static>(
    state: &UseReducerHandle<State>,
    make: impl Fn(T, f64) -> Action + 'static,
) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |arg| state.dispatch(make(arg, now_ms())))
}

#[derive(Properties, PartialEq)]
pub struct PracticeProps {
    pub state: UseReducerHandle<State>,
}

#[function_component(PracticeView)]
pub fn practice_view(props: &PracticeProps) -> Html {
    let ids = use_ids();
    let state = &props.state;
    let on_filter = send(state, |filter, now_ms| Action::SetFilter { filter, now_ms });
    let on_grade = send(state, |rating, now_ms| Action::Grade { rating, now_ms });
    let flip = send(state, |(), _| Action::Flip);
    let deck = &state.deck;
    let total = state.session.len();
    let flipped = state.session.is_flipped();
    let topics = Rc::new(deck.topics.clone());
    let mode_button = |mode: Mode, label: &str| {
        let current = state.mode == mode;
        let onclick = send(state, move |_: MouseEvent, now_ms| Action::SetMode {
            mode,
            now_ms,
        });
        html! {
            <button type="button" class={classes!("mode", current.then_some("current"))}
                    aria-pressed={current.to_string()} {onclick}>{label.to_string()}</button>
        }
    };
    let shuffled = state.shuffle.is_some();
    let shuffle = send(state, move |_: MouseEvent, now_ms| Action::Shuffle {
        seed: (!shuffled).then_some(now_ms as u64),
        now_ms,
    });
    let due_total = state.counts.status(Status::Due);
    let card = match state.current_card() {
        Some(card) => html! {
            <>
                <CardView card={card.clone()} topic={AttrValue::from(deck.topic_name(&card.topic).to_string())}
                          {flipped} on_flip={flip.clone()} />
                <p class="sr-only" aria-live="polite" data-testid="announcer">
                    {format!("Card {} of {total}: {}", state.session.position() + 1, card.question)}
                </p>
            </>
        },
        None => {
            let clear = on_filter.reform(|_: MouseEvent| Filter::default());
            let all = send(state, |_: MouseEvent, now_ms| Action::SetMode {
                mode: Mode::All,
                now_ms,
            });
            html! {
                <div class="empty" role="status" data-testid="empty">
                    if state.mode == Mode::Due && state.counts.total > 0 {
                        <p>{"Nothing is due for review right now."}</p>
                        <button type="button" class="primary" onclick={all}>{"Practice all cards"}</button>
                    } else {
                        <p>{"No cards match these filters."}</p>
                        <button type="button" class="primary" onclick={clear}>{"Clear filters"}</button>
                    }
                </div>
            }
        }
    };
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
            <Filters topics={topics} filter={state.filter.clone()} counts={state.counts.clone()} on_change={on_filter} />
            <div class="practice-bar">
                <div class="modes" role="group" aria-label="Which cards">
                    {mode_button(Mode::All, "Practice all")}
                    {mode_button(Mode::Due, &format!("Review due ({due_total})"))}
                </div>
                <button type="button" aria-pressed={shuffled.to_string()} onclick={shuffle}>{"Shuffle"}</button>
            </div>
            if state.only.is_some() {
                <p class="only" role="status">{"Practising the weak answers from your mock interview. Change a filter to see every card."}</p>
            }
            {card}
            if total > 0 {
                if let (true, Some(preview)) = (flipped, preview) {
                    <GradeButtons {preview} on_grade={on_grade} />
                }
                <div class="controls" role="group" aria-label="Card controls">
                    <button type="button" onclick={send(state, |_: MouseEvent, now_ms| Action::Previous { now_ms })} aria-keyshortcuts="ArrowLeft">{"Previous"}</button>
                    <button type="button" id={ids.of("primary-action")} class="primary" onclick={flip.reform(|_: MouseEvent| ())}
                            aria-pressed={flipped.to_string()}
                            aria-keyshortcuts="Space Enter">{flip_label}</button>
                    <button type="button" onclick={send(state, |_: MouseEvent, now_ms| Action::Next { now_ms })} aria-keyshortcuts="ArrowRight">{"Next"}</button>
                </div>
                <p class="position" data-testid="position">
                    {format!("{} / {}", state.session.position() + 1, total)}
                </p>
            }
            <p class="progress-summary" data-testid="seen-count">
                {format!("Seen {} of {} cards", state.seen, deck.cards.len())}
            </p>
        </>
    }
}
