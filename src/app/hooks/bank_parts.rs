//! Fetches the bundled bank's parts the state asks for (`State::parts_to_fetch`): the card on
//! screen's at once, the others when the browser is idle after the first card, each once at a
//! time; each arrives in the reducer as `Action::BankPart`.

use crate::app::state::{Action, State};
use crate::platform::dom::when_idle;
use crate::platform::fetch::{bank_part_text, FetchError};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_bank_parts(state: &UseReducerHandle<State>) {
    let in_flight = use_mut_ref(Vec::<String>::new);
    let (now, later) = state.parts_to_fetch();
    let dispatcher = state.dispatcher();
    use_effect_with((now, later), move |(now, later)| {
        let fetch = {
            let in_flight = in_flight.clone();
            move |(topic, file): (String, String)| start(&in_flight, &dispatcher, topic, file)
        };
        for part in now.iter().cloned() {
            fetch(part);
        }
        if !later.is_empty() {
            let later = later.clone();
            when_idle(move || later.into_iter().for_each(fetch));
        }
    });
}

fn start(
    in_flight: &Rc<RefCell<Vec<String>>>,
    dispatcher: &UseReducerDispatcher<State>,
    topic: String,
    file: String,
) {
    if in_flight.borrow().contains(&topic) {
        return;
    }
    in_flight.borrow_mut().push(topic.clone());
    let (in_flight, dispatcher) = (in_flight.clone(), dispatcher.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let text = bank_part_text(&file)
            .await
            .map(Rc::from)
            .map_err(|e| match e {
                // The bare reason ("the server answered 503"): the card says the rest.
                FetchError::Bank { reason } => reason,
                other => other.to_string(),
            });
        in_flight.borrow_mut().retain(|t| *t != topic);
        dispatcher.dispatch(Action::BankPart { topic, text });
    });
}
