//! The URL mirrors the filter, mode and view on the app's own page (a host page's URL is not
//! ours): a history entry per facet, mode or view change; typing replaces the entry once it
//! pauses (rewriting the URL costs about a millisecond, too much for every keystroke).
//! Back/forward reads the URL again.

use crate::app::preset::{read, to_query, Query, OWNED_PARAMS};
use crate::app::state::{Action, Mode, State, View};
use crate::platform::clock::now_ms;
use crate::platform::url::{query_pairs, set_query};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

const URL_TYPING_PAUSE_MS: u32 = 300;

#[hook]
pub fn use_url_sync(state: &UseReducerHandle<State>, standalone: bool) {
    let pending = use_mut_ref(|| None::<(Query, Timeout)>);
    {
        let query = to_query(state);
        let text = state.filter.text.clone();
        let last_text = use_mut_ref(|| None::<String>);
        let pending = pending.clone();
        let ready = state.has_deck();
        use_effect_with(query, move |query| {
            if !standalone || !ready {
                return;
            }
            let mut last = last_text.borrow_mut();
            let typed = last.as_ref().is_some_and(|t| *t != text);
            if typed {
                let (query, slot) = (query.clone(), pending.clone());
                let timeout = Timeout::new(URL_TYPING_PAUSE_MS, move || {
                    if let Some((query, _)) = slot.borrow_mut().take() {
                        set_query(&query, &OWNED_PARAMS, false);
                    }
                });
                *pending.borrow_mut() = Some((query, timeout));
            } else {
                // The entry being left keeps the search as last typed.
                if let Some((typed, _)) = pending.borrow_mut().take() {
                    set_query(&typed, &OWNED_PARAMS, false);
                }
                set_query(query, &OWNED_PARAMS, last.is_some());
            }
            *last = Some(text);
        });
    }
    let dispatcher = state.dispatcher();
    let deck = state.deck.clone();
    use_effect_with(crate::app::state::DeckHandle(deck.clone()), move |_| {
        let listener = web_sys::window().filter(|_| standalone).map(|window| {
            EventListener::new(&window, "popstate", move |_| {
                // A search not yet written to the URL must not overwrite the entry the
                // learner went to.
                pending.borrow_mut().take();
                let (preset, _) = read(&query_pairs(), &deck);
                let now_ms = now_ms();
                dispatcher.dispatch(Action::SetFilter {
                    filter: preset.filter,
                    now_ms,
                });
                dispatcher.dispatch(Action::SetMode {
                    mode: preset.mode.unwrap_or(Mode::Session),
                    now_ms,
                });
                dispatcher.dispatch(Action::ShowView(preset.view.unwrap_or(View::Practice)));
            })
        });
        move || drop(listener)
    });
}
