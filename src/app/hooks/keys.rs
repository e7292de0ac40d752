//! Keyboard shortcuts: on its own page the app takes keys from the whole window; on a host
//! page only from inside the widget. The key, the focus it met and the time go to the reducer
//! as `Action::Key`; the listener is renewed with each state, so it asks the state the key
//! will meet whether the key is ours (and so whether the browser must not act on it too).

use crate::app::keys::key_action;
use crate::app::state::{Action, Focus, State};
use crate::platform::clock::now_ms;
use crate::platform::dom::{focus_element, focus_of};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[hook]
pub fn use_keys(state: &UseReducerHandle<State>, root: NodeRef, standalone: bool, ids: String) {
    let handle = state.clone();
    use_effect_with(state.clone(), move |_| {
        let target: Option<web_sys::EventTarget> = if standalone {
            web_sys::window().map(Into::into)
        } else {
            root.cast::<web_sys::Element>().map(Into::into)
        };
        let listener = target.map(|target| {
            EventListener::new_with_options(
                &target,
                "keydown",
                // Not passive: Space must not also scroll the page.
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let command = event.ctrl_key() || event.meta_key();
                    // Ctrl+Z / Cmd+Z is undo, as everywhere; other modified keys are not ours.
                    let key = match (command, event.key().as_str()) {
                        (true, "z" | "Z") if !event.shift_key() && !event.alt_key() => "u".into(),
                        (false, _) if !event.alt_key() => event.key(),
                        _ => return,
                    };
                    let focus = focus_of(event.target());
                    // In a text field Ctrl+Z undoes typing, not a grade.
                    if command && focus == Focus::TextField {
                        return;
                    }
                    if key == "/" && focus != Focus::TextField {
                        event.prevent_default();
                        focus_element(&format!("{ids}f-search"));
                        return;
                    }
                    let now_ms = now_ms();
                    if key_action(&handle, &key, focus, now_ms).is_some() {
                        event.prevent_default();
                        handle.dispatch(Action::Key { key, focus, now_ms });
                    }
                },
            )
        });
        move || drop(listener)
    });
}
