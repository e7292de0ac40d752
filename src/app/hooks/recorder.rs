//! Recording an answer aloud in a mock interview (`components::aloud` shows it): the microphone
//! is asked for when the learner asks, recording stops when the answer is revealed (or on
//! request), and the recording stays in memory only, until deleted or until the question goes
//! (the view that uses this hook goes with it, and the recording with the hook).

use crate::platform::recorder::{start, RecordError, Recording};
use std::rc::Rc;
use yew::prelude::*;

/// What the learner can ask.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AloudAction {
    Record,
    Stop,
    Delete,
}

/// Where the recording stands, as the view shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Aloud {
    Idle,
    /// The microphone has been asked for.
    Starting,
    Recording,
    /// Recorded: the address of its audio, to play back.
    Done(String),
    Failed(RecordError),
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

/// The recording for one question, and the way to ask for it; `revealed` (the answer is shown)
/// stops a recording still running.
#[hook]
pub fn use_aloud(revealed: bool) -> (Aloud, Callback<AloudAction>) {
    let rec = use_state(|| Rec::Idle);
    {
        let rec = rec.clone();
        use_effect_with(revealed, move |revealed| {
            if let (true, Rec::Recording(r)) = (*revealed, &*rec) {
                finish(r, &rec);
            }
        });
    }
    let ask = {
        let rec = rec.clone();
        Callback::from(move |action| match (action, &*rec) {
            (AloudAction::Record, _) => {
                rec.set(Rec::Starting);
                let rec = rec.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    rec.set(match start().await {
                        Ok(r) => Rec::Recording(Rc::new(r)),
                        Err(e) => Rec::Failed(e),
                    });
                });
            }
            (AloudAction::Stop, Rec::Recording(r)) => finish(r, &rec),
            (AloudAction::Stop, _) => {}
            (AloudAction::Delete, _) => rec.set(Rec::Idle),
        })
    };
    let shown = match &*rec {
        Rec::Idle => Aloud::Idle,
        Rec::Starting => Aloud::Starting,
        Rec::Recording(_) => Aloud::Recording,
        Rec::Done { url, .. } => Aloud::Done(url.clone()),
        Rec::Failed(e) => Aloud::Failed(e.clone()),
    };
    (shown, ask)
}
