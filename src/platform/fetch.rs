//! Loading a deck over the network: `fetch` turned into a plain `Result<String, String>`.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn describe(err: wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(&err, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "the request failed".into())
}

/// The response body as text, refusing error statuses and bodies declared larger than `max`.
pub async fn fetch_text(url: &str, max: usize) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("The deck at {url} could not be loaded: {}.", describe(e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("The deck at {url} could not be loaded."))?;
    if !response.ok() {
        return Err(format!(
            "The deck at {url} could not be loaded: the server answered {} {}.",
            response.status(),
            response.status_text()
        ));
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| l.parse::<usize>().ok());
    if declared.is_some_and(|len| len > max) {
        return Err(format!(
            "The deck at {url} is larger than the 5 MB limit; it was not loaded."
        ));
    }
    let text = response
        .text()
        .map_err(|_| format!("The deck at {url} could not be read."))?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| format!("The deck at {url} could not be read as text."))
}
