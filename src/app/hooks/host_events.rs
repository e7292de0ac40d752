//! Tells the host page what happened: each [`HostEvent`] the reducer queued becomes a DOM
//! `CustomEvent` that bubbles from the widget to its mount element and the document, and, when
//! the widget is framed and the page asked for it (`events=parent`), a `postMessage` to the
//! parent window. Card ids and grades only; nothing is sent anywhere else.

use crate::app::state::{HostEvent, State};
use wasm_bindgen::JsValue;
use yew::prelude::*;

fn set(object: &js_sys::Object, key: &str, value: impl Into<JsValue>) {
    let _ = js_sys::Reflect::set(object, &key.into(), &value.into());
}

/// The event's name and its detail, as plain JS values.
fn describe(event: &HostEvent) -> (&'static str, js_sys::Object) {
    let detail = js_sys::Object::new();
    match event {
        HostEvent::Graded {
            card,
            rating,
            due,
            practice,
        } => {
            set(&detail, "card", card.as_str());
            set(&detail, "rating", rating.label());
            let due: JsValue = match due {
                Some(ms) => js_sys::Date::new(&JsValue::from_f64(*ms))
                    .to_iso_string()
                    .into(),
                None => JsValue::NULL,
            };
            set(&detail, "due", due);
            set(&detail, "practice", *practice);
            ("interview-cards:graded", detail)
        }
        HostEvent::SessionComplete { mock, ratings } => {
            set(&detail, "kind", if *mock { "mock" } else { "review" });
            for (name, n) in ["again", "hard", "good", "easy"].iter().zip(ratings) {
                set(&detail, name, *n);
            }
            set(&detail, "total", ratings.iter().sum::<u32>());
            ("interview-cards:session-complete", detail)
        }
    }
}

#[hook]
pub fn use_host_events(state: &UseReducerHandle<State>, root: NodeRef, to_parent: bool) {
    // Events queued before this widget was on screen are not news.
    let sent = use_mut_ref(|| state.host_events.last().map_or(0, |(n, _)| *n));
    use_effect_with(state.host_events.clone(), move |events| {
        let window = web_sys::window();
        let parent = window
            .as_ref()
            .and_then(|w| w.parent().ok().flatten())
            .filter(|p| to_parent && window.as_ref().is_some_and(|w| !js_sys::Object::is(p, w)));
        for (n, event) in events.iter().filter(|(n, _)| *n > *sent.borrow()) {
            *sent.borrow_mut() = *n;
            let (name, detail) = describe(event);
            if let Some(el) = root.cast::<web_sys::Element>() {
                let init = web_sys::CustomEventInit::new();
                init.set_bubbles(true);
                init.set_composed(true);
                init.set_detail(&detail);
                if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
                    let _ = el.dispatch_event(&event);
                }
            }
            if let Some(parent) = &parent {
                let message = js_sys::Object::new();
                set(&message, "type", name);
                set(&message, "detail", detail);
                let _ = parent.post_message(&message, "*");
            }
        }
    });
}
