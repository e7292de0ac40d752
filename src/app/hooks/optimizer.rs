//! Runs a fit when the reducer asks for one (`State::optimise_run` moves on): builds the
//! request from progress, starts the optimizer worker and turns its reports into actions.

use crate::app::state::{Action, State};
use crate::core::optimize::request;
use crate::platform::clock::now_ms;
use crate::platform::optimizer::{start, Report};
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_optimizer(state: &UseReducerHandle<State>) {
    let state = state.clone();
    use_effect_with(state.optimise_run, move |run| {
        let running = (*run > 0).then(|| {
            let dispatcher = state.dispatcher();
            let Some(request) = request(&state.progress, &state.scheduler) else {
                dispatcher.dispatch(Action::OptimiseFailed(
                    "Not enough reviews to fit to.".into(),
                ));
                return None;
            };
            let tell = {
                let dispatcher = dispatcher.clone();
                move |report| {
                    dispatcher.dispatch(match report {
                        Report::Progress(stage, done) => Action::OptimiseProgress { stage, done },
                        Report::Done(result) => Action::OptimiseDone {
                            result: Rc::new(result),
                            now_ms: now_ms(),
                        },
                        Report::Failed(message) => Action::OptimiseFailed(message),
                    })
                }
            };
            match start(&request, tell) {
                Ok(running) => Some(running),
                Err(message) => {
                    dispatcher.dispatch(Action::OptimiseFailed(message));
                    None
                }
            }
        });
        move || drop(running)
    });
}
