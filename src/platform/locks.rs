//! The Web Locks API: one tab at a time runs a read → merge → write of a key, so two tabs'
//! saves never cross. Where the browser lacks it (or refuses it), the work runs at once.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Work = Box<dyn FnOnce()>;

/// Runs `work` holding the exclusive lock `name` (released when `work` returns), or right
/// away when locks are unavailable. `work` runs exactly once either way.
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
