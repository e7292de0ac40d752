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
        let Ok(apps) = document.query_selector_all(".app") else {
            return;
        };
        for i in 0..apps.length() {
            let Some(app) = apps
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
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
