//! One flash card: the question on the front, the answer on the back. It renders and reports
//! clicks; flipping itself is the reducer's job.

use crate::components::answer::{answer_or_wait, AnswerWait};
use crate::components::ids::Ids;
use crate::core::deck::Card;
use yew::prelude::*;

pub struct CardProps {
    pub card: Card,
    pub topic: AttrValue,
    pub flipped: bool,
    /// A click on the card (`app::dispatch::flip` leaves a click that ends a selection alone).
    pub on_flip: Callback<()>,
    /// What the learner typed before revealing: shown beside the model answer ("" for none).
    pub typed: AttrValue,
    /// What to say while the answer's part of the bank is missing.
    pub wait: AnswerWait,
}

pub fn card_view(props: &CardProps, ids: &Ids) -> Html {
    let card = &props.card;
    // (Whether the click ended a selection of the card's text, which is not a flip, is the
    // callback's to judge: `app::dispatch::flip`.)
    let on_click = props.on_flip.reform(|e: MouseEvent| e.prevent_default());
    let side = if props.flipped { "back" } else { "front" };
    html! {
        <article class={classes!("card", side)} aria-labelledby={ids.of("card-question")}>
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
                    <p class="card-hint" aria-hidden="true">{"Click or press Space to show the answer"}</p>
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
