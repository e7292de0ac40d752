//! A course platform (SCORM), when a package's bridge is on the page: once the deck is open,
//! and after every change of progress, the course platform's side (a chunk fetched only here,
//! `app::scorm`) tells the platform, and the first time hands back the platform's copy of the
//! progress, which the reducer merges in (`Action::Resume`).

use crate::app::later::load_scorm;
use crate::app::scorm::Scorm;
use crate::app::state::{Action, State};
use crate::platform::clock::now_ms;
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_scorm(state: &UseReducerHandle<State>, standalone: bool) {
    let chunk = use_state(|| None::<&'static Scorm>);
    {
        let chunk = chunk.clone();
        // Only the app's own page is a package's launch page.
        use_effect_with((), move |_| {
            if standalone && crate::platform::scorm::present() {
                wasm_bindgen_futures::spawn_local(async move {
                    match load_scorm().await {
                        Ok(scorm) => chunk.set(Some(scorm)),
                        Err(e) => gloo::console::warn!(format!(
                            "interview-cards: the course platform's side could not be loaded ({e}); progress is saved in this browser only"
                        )),
                    }
                });
            }
        });
    }
    let (scorm, ready) = (*chunk, state.has_deck());
    let progress = state.progress.clone();
    let (deck, key) = (state.deck.id.clone(), state.progress_key());
    let dispatcher = state.dispatcher();
    use_effect_with(
        (scorm.is_some(), ready, Rc::as_ptr(&progress) as usize),
        move |_| {
            if let (Some(scorm), true) = (scorm, ready) {
                if let Some(theirs) = (scorm.step)(&progress, &deck, &key) {
                    dispatcher.dispatch(Action::Resume {
                        progress: theirs,
                        now_ms: now_ms(),
                    });
                }
            }
        },
    );
}
