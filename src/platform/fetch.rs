//! Loading a deck over the network: `fetch` turned into the body text or a [`FetchError`].

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a deck could not be fetched (the words are in `crate::words`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The request failed (network, CORS, refused by the page's policy).
    Network { url: String, reason: String },
    /// The server answered with an error status.
    Status {
        url: String,
        status: u16,
        text: String,
    },
    /// The declared body is larger than the limit.
    TooLarge { url: String },
    /// The body could not be read as text.
    Unreadable { url: String },
}

fn describe(err: wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(&err, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "the request failed".into())
}

/// The response body as text, refusing error statuses and bodies declared larger than `max`.
pub async fn fetch_text(url: &str, max: usize) -> Result<String, FetchError> {
    let unreadable = || FetchError::Unreadable { url: url.into() };
    let window = web_sys::window().ok_or_else(unreadable)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| FetchError::Network {
            url: url.into(),
            reason: describe(e),
        })?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| unreadable())?;
    if !response.ok() {
        return Err(FetchError::Status {
            url: url.into(),
            status: response.status(),
            text: response.status_text(),
        });
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| l.parse::<usize>().ok());
    if declared.is_some_and(|len| len > max) {
        return Err(FetchError::TooLarge { url: url.into() });
    }
    let text = response.text().map_err(|_| unreadable())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(unreadable)
}
