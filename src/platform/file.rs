//! Files the learner picks: the first file of a file input, and its text.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The file picked in the input an `change` event came from, and its name; the input is
/// cleared, so that picking the same file again is a change again.
pub fn picked(event: &web_sys::Event) -> Option<web_sys::File> {
    let input = event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let file = input.files()?.get(0);
    input.set_value("");
    file
}

/// The text of `file` (UTF-8), or why it could not be read.
pub async fn text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(|e| {
        js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "the browser could not read it".into())
    })?;
    text.as_string()
        .ok_or_else(|| "the browser could not read it".into())
}
