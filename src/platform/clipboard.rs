//! Copying text to the clipboard.

use wasm_bindgen::JsCast;

/// Writes `text` to the clipboard; false when the browser refuses (no clipboard, no permission,
/// not a secure context).
pub async fn write_text(text: &str) -> bool {
    let promise = web_sys::window().and_then(|w| {
        let clipboard = js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok()?;
        let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        write
            .call1(&clipboard, &text.into())
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    match promise {
        Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        None => false,
    }
}
