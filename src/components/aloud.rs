//! "Answer aloud": record the spoken answer during a mock question, play it back beside the
//! model answer once revealed. The recording (`app::hooks::recorder`) lives in this component's
//! memory only and goes with it (each question mounts a fresh one); a refused or missing
//! microphone is said plainly.

use crate::app::hooks::recorder::{use_aloud, Aloud, AloudAction};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AloudProps {
    /// The answer is shown: recording stops, playback is offered.
    pub revealed: bool,
}

#[function_component(AnswerAloud)]
pub fn answer_aloud(props: &AloudProps) -> Html {
    let (rec, ask) = use_aloud(props.revealed);
    let on = |action: AloudAction| ask.reform(move |_: MouseEvent| action);
    let body = match (&rec, props.revealed) {
        (Aloud::Idle, false) => html! {
            <button type="button" onclick={on(AloudAction::Record)} data-testid="record">{"Record my answer"}</button>
        },
        (Aloud::Starting, _) => html! { <p role="status">{"Asking for the microphone…"}</p> },
        (Aloud::Recording, _) => html! {
            <>
                <p role="status" class="recording" data-testid="recording">{"● Recording"}</p>
                <button type="button" onclick={on(AloudAction::Stop)}>{"Stop recording"}</button>
            </>
        },
        (Aloud::Done(url), _) => html! {
            <figure class="playback" data-testid="playback">
                <figcaption>{"Your recorded answer"}</figcaption>
                <audio controls=true src={url.clone()} />
                <button type="button" onclick={on(AloudAction::Delete)}>{"Delete the recording"}</button>
            </figure>
        },
        (Aloud::Failed(e), _) => html! {
            <p role="alert" class="field-error" data-testid="record-error">{e.to_string()}</p>
        },
        (Aloud::Idle, true) => html! {},
    };
    html! { <div class="aloud">{body}</div> }
}
