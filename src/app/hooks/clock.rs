//! Time for the reducer: a tick each minute, when a card in learning steps falls due, and
//! whenever the tab becomes visible again (due cards change), and four ticks a second while a mock question's clock runs.

use crate::app::state::{Action, State};
use crate::platform::clock::now_ms;
use gloo::events::EventListener;
use gloo::timers::callback::{Interval, Timeout};
use yew::prelude::*;

const MINUTE_MS: u32 = 60_000;

#[hook]
pub fn use_clock(state: &UseReducerHandle<State>) {
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let tick = {
                let dispatcher = dispatcher.clone();
                Interval::new(MINUTE_MS, move || {
                    dispatcher.dispatch(Action::Tick { now_ms: now_ms() })
                })
            };
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .map(|document| {
                    EventListener::new(&document, "visibilitychange", move |_| {
                        dispatcher.dispatch(Action::Tick { now_ms: now_ms() })
                    })
                });
            move || drop((tick, visible))
        });
    }
    {
        // A card in learning steps comes back when due, not at the next minute's tick.
        let dispatcher = state.dispatcher();
        let wake = state.next_step_due().map(|due| due as u64);
        use_effect_with(wake, move |wake| {
            let timer = wake.map(|due| {
                let wait = (due as f64 - now_ms()).clamp(0.0, f64::from(MINUTE_MS) * 60.0 * 24.0);
                Timeout::new(wait as u32 + 50, move || {
                    dispatcher.dispatch(Action::Tick { now_ms: now_ms() })
                })
            });
            move || drop(timer)
        });
    }
    // Only while the clock counts down: not paused, not without a limit.
    let asking = state.mock.as_ref().is_some_and(|m| m.is_running());
    let dispatcher = state.dispatcher();
    use_effect_with(asking, move |asking| {
        let interval = asking.then(|| {
            Interval::new(250, move || {
                dispatcher.dispatch(Action::MockTick { now_ms: now_ms() })
            })
        });
        move || drop(interval)
    });
}
