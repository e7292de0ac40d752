//! The Web Locks API: one tab at a time runs a read → merge → write of a key, so two tabs'
//! saves never cross. Where the browser lacks it (or refuses it), the work runs at once; where
//! the lock is not granted within [`LOCK_WAIT_MS`], it runs without it (Firefox has been seen
//! keeping a lock held for minutes for a page that was left: a save queued behind it would never
//! run). Saving without the lock is what a browser without locks does: every save merges what
//! is stored, and a tab whose reviews a crossed write dropped saves them again.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Work = Box<dyn FnOnce()>;

/// How long a save waits for its lock before it runs without it. A save holds the lock for
/// milliseconds; Firefox has been seen keeping a lock held for minutes for a page that was left.
pub const LOCK_WAIT_MS: u32 = 3_000;

/// Runs `work` holding the exclusive lock `name` (released when `work` returns), right away
/// when locks are unavailable, or without the lock when it is not granted in time. `work` runs
/// exactly once whichever comes first.
pub fn with_lock(name: &str, work: impl FnOnce() + 'static) {
    let slot: Rc<RefCell<Option<Work>>> = Rc::new(RefCell::new(Some(Box::new(work))));
    let run = {
        let slot = slot.clone();
        move || {
            let work = slot.borrow_mut().take();
            if let Some(work) = work {
                work();
            }
        }
    };
    let request = || -> Option<js_sys::Promise> {
        let window: JsValue = web_sys::window()?.into();
        let navigator = js_sys::Reflect::get(&window, &"navigator".into()).ok()?;
        let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok()?;
        let request: js_sys::Function = js_sys::Reflect::get(&locks, &"request".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let granted = {
            let run = run.clone();
            Closure::once_into_js(move |_lock: JsValue| run())
        };
        request
            .call2(&locks, &JsValue::from_str(name), &granted)
            .ok()?
            .dyn_into()
            .ok()
    };
    match request() {
        Some(promise) => {
            // Not granted in time: run without it (a later grant then finds nothing to run).
            if let Some(window) = web_sys::window() {
                let late = run.clone();
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    Closure::once_into_js(late).unchecked_ref(),
                    LOCK_WAIT_MS as i32,
                );
            }
            // A refused lock (an opaque origin, say) must not lose the save.
            // Freed by the browser once called (no closure kept per save).
            let refused = Closure::once_into_js(move |_err: JsValue| run());
            let catch = js_sys::Reflect::get(&promise, &"catch".into())
                .ok()
                .and_then(|c| c.dyn_into::<js_sys::Function>().ok());
            if let Some(catch) = catch {
                let _ = catch.call1(&promise, &refused);
            }
        }
        None => run(),
    }
}
