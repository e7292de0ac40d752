//! How views turn what the learner does into actions: with the time it happened (`send`), and
//! a click on the card that flips it unless the learner is selecting its text (`flip`). What
//! these read of the browser (the clock, the selection) is read here, not in the views.

use crate::app::state::{Action, State};
use crate::platform::clock::now_ms;
use crate::platform::dom::text_selected;
use yew::prelude::*;

/// A callback that turns its argument, and the time it fires, into an action.
pub fn send<T: 'static>(
    state: &UseReducerHandle<State>,
    make: impl Fn(T, f64) -> Action + 'static,
) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |arg| state.dispatch(make(arg, now_ms())))
}

/// Flips the card, except when a click ends a selection of its text (people select words on
/// the card without meaning to flip it back).
pub fn flip(state: &UseReducerHandle<State>) -> Callback<()> {
    let state = state.clone();
    Callback::from(move |()| {
        if !text_selected() {
            state.dispatch(Action::Flip);
        }
    })
}
