//! The hand-over of a SCORM package's bridge (`web/scorm.js`): `interviewCardsScormBridge`,
//! set before the app starts when a course platform is there. It holds `launch`, what the
//! platform said (JSON text), and `receive`, which takes the strings for the platform (JSON
//! text). Strings both ways: every rule is in `core::scorm`.

use wasm_bindgen::{JsCast, JsValue};

fn bridge() -> Option<JsValue> {
    js_sys::Reflect::get(&js_sys::global(), &"interviewCardsScormBridge".into())
        .ok()
        .filter(|b| b.is_object())
}

/// A package's bridge is on the page: a course platform launched it.
pub fn present() -> bool {
    bridge().is_some()
}

/// What the platform said at launch, as the bridge's JSON text.
pub fn launch() -> Option<String> {
    js_sys::Reflect::get(&bridge()?, &"launch".into())
        .ok()?
        .as_string()
}

/// Hands the bridge what to tell the platform.
pub fn hand_back(text: &str) {
    let Some(bridge) = bridge() else {
        return;
    };
    let receive = js_sys::Reflect::get(&bridge, &"receive".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(receive) = receive {
        if let Err(e) = receive.call1(&bridge, &text.into()) {
            gloo::console::warn!("interview-cards: the SCORM bridge failed:", e);
        }
    }
}
