//! A panic is a bug; when one happens anyway, say so on the console and in every widget on
//! the page (they share one wasm instance, which stops), instead of a silent trap.

use wasm_bindgen::JsCast;

pub const PANIC_MESSAGE: &str = "Something went wrong inside this practice widget, so it stopped. Your progress up to your last grade is saved; reload the page to continue.";

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        gloo::console::error!(format!("interview-cards: {info}"));
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        // Widgets in the page, and those in their own shadow roots on a host page.
        let mut lists: Vec<web_sys::NodeList> = document
            .query_selector_all(".app")
            .ok()
            .into_iter()
            .collect();
        for shadow in crate::platform::dom::widget_shadows() {
            lists.extend(shadow.query_selector_all(".app").ok());
        }
        let apps = lists
            .iter()
            .flat_map(|list| (0..list.length()).filter_map(|i| list.item(i)));
        for app in apps {
            let Ok(app) = app.dyn_into::<web_sys::Element>() else {
                continue;
            };
            if let Ok(note) = document.create_element("p") {
                let _ = note.set_attribute("role", "alert");
                let _ = note.set_attribute("class", "notice error");
                let _ = note.set_attribute("data-testid", "panic");
                note.set_text_content(Some(PANIC_MESSAGE));
                let _ = app.prepend_with_node_1(&note);
            }
        }
    }));
}
