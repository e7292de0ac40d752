//! "Answer aloud": record the spoken answer during a mock question, play it back beside the
//! model answer once revealed. The recording lives in this component's memory only and goes
//! with it (each question mounts a fresh one); a refused or missing microphone is said plainly.

use crate::platform::recorder::{start, RecordError, Recording};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AloudProps {
    /// The answer is shown: recording stops, playback is offered.
    pub revealed: bool,
}

enum Rec {
    Idle,
    Starting,
    Recording(Rc<Recording>),
    /// Kept to own the audio: dropping it frees the recording.
    Done {
        _audio: Rc<Recording>,
        url: String,
    },
    Failed(RecordError),
}

/// Stops `recording` and moves to its playback (or its error).
fn finish(recording: &Rc<Recording>, rec: &UseStateHandle<Rec>) {
    let (kept, rec) = (recording.clone(), rec.clone());
    recording.stop(move |result| {
        rec.set(match result {
            Ok(url) => Rec::Done { _audio: kept, url },
            Err(e) => Rec::Failed(e),
        })
    });
}

#[function_component(AnswerAloud)]
pub fn answer_aloud(props: &AloudProps) -> Html {
    let rec = use_state(|| Rec::Idle);
    {
        // Revealing stops a recording still running.
        let rec = rec.clone();
        use_effect_with(props.revealed, move |revealed| {
            if let (true, Rec::Recording(r)) = (*revealed, &*rec) {
                finish(r, &rec);
            }
        });
    }
    let record = {
        let rec = rec.clone();
        Callback::from(move |_: MouseEvent| {
            rec.set(Rec::Starting);
            let rec = rec.clone();
            wasm_bindgen_futures::spawn_local(async move {
                rec.set(match start().await {
                    Ok(r) => Rec::Recording(Rc::new(r)),
                    Err(e) => Rec::Failed(e),
                });
            });
        })
    };
    let stop = {
        let rec = rec.clone();
        Callback::from(move |_: MouseEvent| {
            if let Rec::Recording(r) = &*rec {
                finish(r, &rec);
            }
        })
    };
    let delete = {
        let rec = rec.clone();
        Callback::from(move |_: MouseEvent| rec.set(Rec::Idle))
    };
    let body = match (&*rec, props.revealed) {
        (Rec::Idle, false) => html! {
            <button type="button" onclick={record} data-testid="record">{"Record my answer"}</button>
        },
        (Rec::Starting, _) => html! { <p role="status">{"Asking for the microphone…"}</p> },
        (Rec::Recording(_), _) => html! {
            <>
                <p role="status" class="recording" data-testid="recording">{"● Recording"}</p>
                <button type="button" onclick={stop}>{"Stop recording"}</button>
            </>
        },
        (Rec::Done { url, .. }, _) => html! {
            <figure class="playback" data-testid="playback">
                <figcaption>{"Your recorded answer"}</figcaption>
                <audio controls=true src={url.clone()} />
                <button type="button" onclick={delete}>{"Delete the recording"}</button>
            </figure>
        },
        (Rec::Failed(e), _) => html! {
            <p role="alert" class="field-error" data-testid="record-error">{e.to_string()}</p>
        },
        (Rec::Idle, true) => html! {},
    };
    html! { <div class="aloud">{body}</div> }
}
