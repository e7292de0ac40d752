//! The optimizer worker: a separate wasm module (`optimizer/`) run off the page's thread,
//! downloaded only when the learner asks. Its address comes from embed.js
//! (`globalThis.interviewCardsOptimizer`), which knows this build's file names.

use crate::core::optimize::{FitResult, Request};
use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// What the worker reports.
pub enum Report {
    /// Stage (0 download, 1 measuring, 2 fitting, 3 measuring the new weights) and how far.
    Progress(u8, f64),
    Done(FitResult),
    Failed(String),
}

/// A fit under way; dropping it stops the worker.
pub struct Running {
    worker: Worker,
    _listeners: [EventListener; 2],
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

fn field(data: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Starts the worker with `request`; `tell` hears each report.
pub fn start(request: &Request, tell: impl Fn(Report) + 'static) -> Result<Running, String> {
    let url = field(&js_sys::global(), "interviewCardsOptimizer")
        .as_string()
        .ok_or_else(|| {
            "This build has no optimizer (it is added by the release build's post-build step)."
                .to_string()
        })?;
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(&url, &options)
        .map_err(|_| "The browser refused to start the optimizer.".to_string())?;
    let tell = std::rc::Rc::new(tell);
    let heard = {
        let tell = tell.clone();
        EventListener::new(&worker, "message", move |event| {
            let Some(data) = event.dyn_ref::<MessageEvent>().map(MessageEvent::data) else {
                return;
            };
            let result = field(&data, "result");
            if result.is_object() {
                let flat = js_sys::Float64Array::new(&result).to_vec();
                tell(match FitResult::from_flat(&flat) {
                    Some(result) => Report::Done(result),
                    None => Report::Failed("The optimizer's answer was unreadable.".into()),
                });
            } else if let Some(message) = field(&data, "error").as_string() {
                tell(Report::Failed(message));
            } else if let Some(stage) = field(&data, "stage").as_f64() {
                let done = field(&data, "done").as_f64().unwrap_or(0.0);
                tell(Report::Progress(stage as u8, done));
            }
        })
    };
    // A module that cannot load (offline, blocked) fails the worker itself.
    let failed = EventListener::new(&worker, "error", move |_| {
        tell(Report::Failed(
            "The optimizer could not be loaded. Are you offline? Try again when connected.".into(),
        ))
    });
    let message = js_sys::Object::new();
    let cards = js_sys::Uint32Array::from(request.flat_cards().as_slice());
    let current = js_sys::Float64Array::from(request.current.as_slice());
    for (name, value) in [
        ("cards", JsValue::from(cards)),
        ("current", current.into()),
        ("relearning", (request.relearning_steps as u32).into()),
    ] {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(name), &value);
    }
    worker
        .post_message(&message)
        .map_err(|_| "The optimizer could not be sent your reviews.".to_string())?;
    Ok(Running {
        worker,
        _listeners: [heard, failed],
    })
}
