//! Focus on the page, as plain values for the reducer and small moves for the hooks.

use wasm_bindgen::JsCast;

/// What the focused element would do with a key itself: buttons and links take Space/Enter,
/// text fields take every key. A plain value the reducer decides with (`Action::Key`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Page,
    Control,
    TextField,
}

/// What the element a key event came from would do with the key itself.
pub fn focus_of(target: Option<web_sys::EventTarget>) -> Focus {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return Focus::Page;
    };
    let text_input = el.tag_name() == "INPUT"
        && !matches!(
            el.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "file" | "button" | "submit" | "reset" | "range" | "color")
        );
    if text_input
        || matches!(el.tag_name().as_str(), "TEXTAREA" | "SELECT")
        || el.closest("[contenteditable]").ok().flatten().is_some()
    {
        Focus::TextField
    } else if matches!(el.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY" | "INPUT") {
        Focus::Control
    } else {
        Focus::Page
    }
}

/// Whether the learner has text selected on the page (a click that ends a selection is not
/// meant as a click on what it ended on).
pub fn text_selected() -> bool {
    web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_some_and(|s| !s.is_collapsed())
}

/// The shadow roots the widgets on a host page live in (none on the app's own page).
pub fn widget_shadows() -> Vec<web_sys::ShadowRoot> {
    let Some(hosts) = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector_all("[data-interview-cards], interview-cards")
            .ok()
    }) else {
        return Vec::new();
    };
    (0..hosts.length())
        .filter_map(|i| {
            hosts
                .item(i)?
                .dyn_into::<web_sys::Element>()
                .ok()?
                .shadow_root()
        })
        .collect()
}

/// The element with this id, in the page or in a widget's shadow root (ids are unique: every
/// widget prefixes its own).
pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .or_else(|| {
            widget_shadows()
                .iter()
                .find_map(|s| s.get_element_by_id(id))
        })
}

pub fn focus_element(id: &str) {
    if let Some(el) = element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// True when nothing in particular has focus (it fell back to the body, for example because
/// the focused button was removed from the page).
pub fn focus_is_lost() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .map(|d| match (d.active_element(), d.body()) {
            (None, _) => true,
            (Some(active), Some(body)) => active == *body.unchecked_ref::<web_sys::Element>(),
            _ => false,
        })
        .unwrap_or(false)
}

/// Runs `f` once the browser is idle (`requestIdleCallback`, at most a second away), or after a
/// short timeout where there is no such call (WebKit).
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeout".into(), &1000.into());
    let scheduled = match idle {
        Some(idle) => idle.call2(&window, &callback, &options).is_ok(),
        None => false,
    };
    if !scheduled {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 200);
    }
}
