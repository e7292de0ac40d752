//! One flash card: the question on the front, the answer on the back. It renders and reports
//! clicks; flipping itself is the reducer's job.

use crate::components::answer::{answer_or_wait, AnswerWait};
use crate::components::ids::Ids;
use crate::core::deck::Card;
use std::cell::Cell;
use yew::prelude::*;

pub struct CardProps {
    pub card: Card,
    pub topic: AttrValue,
    pub flipped: bool,
    /// A click on the card (`app::dispatch::flip` leaves a click that ends a selection alone).
    pub on_flip: Callback<()>,
    /// A swipe across the card: `true` to the next card (leftwards), `false` to the previous.
    pub on_swipe: Callback<bool>,
    /// What the learner typed before revealing: shown beside the model answer ("" for none).
    pub typed: AttrValue,
    /// What to say while the answer's part of the bank is missing.
    pub wait: AnswerWait,
}

thread_local! {
    /// Where a touch on the card started (one finger at a time, one card on screen at a time).
    static TOUCH_START: Cell<Option<(i32, i32)>> = const { Cell::new(None) };
}

/// How far a finger must travel sideways, in CSS pixels, for a swipe.
const SWIPE_PX: i32 = 50;

/// Swipes by touch or pen (a mouse drag selects text, as it always did): mostly sideways and
/// far enough. The browser keeps vertical moves for scrolling (`touch-action: pan-y`).
fn swipe_handlers(on_swipe: &Callback<bool>) -> (Callback<PointerEvent>, Callback<PointerEvent>) {
    let down = Callback::from(|e: PointerEvent| {
        let start = (e.pointer_type() != "mouse").then(|| (e.client_x(), e.client_y()));
        TOUCH_START.with(|s| s.set(start));
    });
    let on_swipe = on_swipe.clone();
    let up = Callback::from(move |e: PointerEvent| {
        if let Some((x, y)) = TOUCH_START.with(|s| s.take()) {
            let (dx, dy) = (e.client_x() - x, e.client_y() - y);
            if dx.abs() >= SWIPE_PX && dx.abs() > 2 * dy.abs() {
                e.prevent_default();
                on_swipe.emit(dx < 0);
            }
        }
    });
    (down, up)
}

pub fn card_view(props: &CardProps, ids: &Ids) -> Html {
    let card = &props.card;
    let (onpointerdown, onpointerup) = swipe_handlers(&props.on_swipe);
    // (Whether the click ended a selection of the card's text, which is not a flip, is the
    // callback's to judge: `app::dispatch::flip`.)
    let on_click = props.on_flip.reform(|e: MouseEvent| e.prevent_default());
    let side = if props.flipped { "back" } else { "front" };
    html! {
        <article class={classes!("card", side)} aria-labelledby={ids.of("card-question")}
                 {onpointerdown} {onpointerup}>
            // Keyed by card and side so each flip re-mounts the face and replays its animation.
            <div class="card-face" key={format!("{}-{side}", card.id)} onclick={on_click}
                 data-testid="card-face">
                <p class="card-meta">
                    <span class="topic">{props.topic.clone()}</span>
                    <span class={classes!("difficulty", card.difficulty.as_str())}>
                        {card.difficulty.label()}
                    </span>
                </p>
                <h2 id={ids.of("card-question")} class="card-question">{card.question.clone()}</h2>
                if !props.flipped {
                    <p class="card-hint" aria-hidden="true">
                        <span class="on-keys">{"Click or press Space to show the answer"}</span>
                        <span class="on-touch">{"Tap to show the answer; swipe for another card"}</span>
                    </p>
                }
            </div>
            <div class="card-answer" aria-live="polite" data-testid="answer">
                if props.flipped && props.typed.trim().is_empty() {
                    <h3 class="sr-only">{"Answer"}</h3>
                    {answer_or_wait(card, &props.wait)}
                } else if props.flipped {
                    <div class="compare" data-testid="compare">
                        <section class="typed" aria-labelledby={ids.of("typed-title")}>
                            <h3 id={ids.of("typed-title")}>{"Your answer"}</h3>
                            <p class="typed-text">{props.typed.clone()}</p>
                        </section>
                        <section class="model" aria-labelledby={ids.of("model-title")}>
                            <h3 id={ids.of("model-title")}>{"Model answer"}</h3>
                            {answer_or_wait(card, &props.wait)}
                        </section>
                    </div>
                }
            </div>
        </article>
    }
}
