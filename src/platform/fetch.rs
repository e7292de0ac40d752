//! Loading a deck over the network: `fetch` turned into the body text or a [`FetchError`].
//! Other origins only when the deploying page lists them; the size limit holds while the body
//! streams in; a server that never answers times out; an HTML page is not taken for a deck.

use crate::core::deck::Elsewhere;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How long a deck may take to arrive.
pub const TIMEOUT_MS: u32 = 15_000;

/// The `<meta name=...>` in which a deploying site lists the other origins decks may come from.
pub const ORIGINS_META: &str = "interview-cards-deck-origins";

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
    /// The body is larger than the limit (declared, or counted as it arrived).
    TooLarge { url: String },
    /// The body could not be read as text.
    Unreadable { url: String },
    /// Another origin, not listed by the site.
    NotAllowed { url: String, origin: String },
    /// No answer in time.
    TimedOut { url: String },
    /// The server sent a web page (an error page with status 200, a login page).
    WebPage { url: String },
    /// The bundled bank (a file beside the app) could not be had.
    Bank { reason: String },
    /// A deck shared in the link's fragment could not be unpacked.
    SharedLink { reason: String },
}

fn describe(err: wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(&err, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "the request failed".into())
}

/// Whether a deck from `origin` may be loaded by a page of `page_origin` that lists
/// `allowed` (origins, as in the meta tag: exact matches; a trailing slash is ignored).
pub fn origin_allowed(origin: &str, page_origin: &str, allowed: &str) -> bool {
    origin == page_origin
        || allowed
            .split(|c: char| c.is_whitespace() || c == ',')
            .map(|a| a.trim_end_matches('/'))
            .any(|a| !a.is_empty() && a.eq_ignore_ascii_case(origin))
}

/// `url` resolved as `fetch` resolves it: against the document's base URL.
fn resolve(url: &str) -> Result<web_sys::Url, wasm_bindgen::JsValue> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    web_sys::Url::new_with_base(url, &base)
}

/// Where a deck URL resolved against the page points: an address of the page's own origin (its
/// path), or another origin the page lists; any other origin is refused before it is asked.
pub fn deck_whence(url: &str) -> Result<Elsewhere, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Unreadable { url: url.into() })?;
    let document = window.document();
    let resolved = resolve(url).map_err(|e| FetchError::Network {
        url: url.into(),
        reason: describe(e),
    })?;
    let origin = resolved.origin();
    let page = window.location().origin().unwrap_or_default();
    if origin == page {
        return Ok(Elsewhere::Address(resolved.pathname()));
    }
    let allowed = document
        .and_then(|d| d.head())
        .and_then(|h| {
            h.query_selector(&format!("meta[name='{ORIGINS_META}']"))
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default();
    if origin_allowed(&origin, &page, &allowed) {
        Ok(Elsewhere::Origin(origin))
    } else {
        Err(FetchError::NotAllowed {
            url: url.into(),
            origin,
        })
    }
}

/// Whether a body is a web page rather than a deck: its type says HTML, or it starts like one.
pub fn looks_like_html(content_type: &str, body: &str) -> bool {
    let start: String = body
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    content_type.to_ascii_lowercase().contains("text/html")
        || start.starts_with("<!doctype html")
        || start.starts_with("<html")
}

/// The response body as text, refusing error statuses, bodies over `max` bytes (declared or
/// counted while streaming), web pages, and answers slower than [`TIMEOUT_MS`].
pub async fn fetch_text(url: &str, max: usize) -> Result<String, FetchError> {
    let unreadable = || FetchError::Unreadable { url: url.into() };
    let window = web_sys::window().ok_or_else(unreadable)?;
    let controller = web_sys::AbortController::new().map_err(|_| unreadable())?;
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let _timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Timeout::new(TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let failed = |e: wasm_bindgen::JsValue| {
        if timed_out.get() {
            FetchError::TimedOut { url: url.into() }
        } else {
            FetchError::Network {
                url: url.into(),
                reason: describe(e),
            }
        }
    };
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(failed)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| unreadable())?;
    // A redirect must not carry the request to another origin than the one checked.
    if response.redirected() {
        let asked = resolve(url).map(|u| u.origin()).ok();
        let landed = web_sys::Url::new(&response.url()).map(|u| u.origin()).ok();
        if asked != landed {
            return Err(FetchError::NotAllowed {
                url: url.into(),
                origin: landed.unwrap_or_default(),
            });
        }
    }
    if !response.ok() {
        return Err(FetchError::Status {
            url: url.into(),
            status: response.status(),
            text: response.status_text(),
        });
    }
    let headers = response.headers();
    let header = |name: &str| headers.get(name).ok().flatten().unwrap_or_default();
    if header("content-length")
        .parse::<usize>()
        .is_ok_and(|len| len > max)
    {
        return Err(FetchError::TooLarge { url: url.into() });
    }
    let bytes = read_body(&response, max, url, &failed).await?;
    let text = String::from_utf8(bytes).map_err(|_| unreadable())?;
    if looks_like_html(&header("content-type"), &text) {
        return Err(FetchError::WebPage { url: url.into() });
    }
    Ok(text)
}

/// Reads the body chunk by chunk, stopping (and cancelling the download) past `max` bytes.
async fn read_body(
    response: &web_sys::Response,
    max: usize,
    url: &str,
    failed: &dyn Fn(wasm_bindgen::JsValue) -> FetchError,
) -> Result<Vec<u8>, FetchError> {
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body
        .get_reader()
        .dyn_into()
        .map_err(|_| FetchError::Unreadable { url: url.into() })?;
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(failed)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).unwrap_or_default();
        let array = js_sys::Uint8Array::new(&value);
        if bytes.len() + array.length() as usize > max {
            let _ = reader.cancel();
            return Err(FetchError::TooLarge { url: url.into() });
        }
        bytes.extend_from_slice(&array.to_vec());
    }
}

/// The bundled bank's text. embed.js fetches it once per page and shares the promise between
/// widgets (`globalThis.interviewCardsBank()`); a page that shows only other decks never asks.
pub async fn bank_text() -> Result<String, FetchError> {
    from_embed("interviewCardsBank", None).await
}

/// A part of the bundled bank (one topic's answers), by the file name its index gives; fetched
/// by embed.js like the index (the first card's part is on its way already).
pub async fn bank_part_text(file: &str) -> Result<String, FetchError> {
    from_embed("interviewCardsBankPart", Some(file)).await
}

/// The text a download embed.js makes gives (its function `name`, called with `file`).
async fn from_embed(name: &str, file: Option<&str>) -> Result<String, FetchError> {
    let failed = |reason: String| FetchError::Bank { reason };
    let start = js_sys::Reflect::get(&js_sys::global(), &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| failed("this page did not start the widget with embed.js".into()))?;
    let promise = match file {
        Some(file) => start.call1(&wasm_bindgen::JsValue::NULL, &file.into()),
        None => start.call0(&wasm_bindgen::JsValue::NULL),
    }
    .map_err(|e| failed(describe(e)))?;
    let text = JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map_err(|e| failed(describe(e)))?;
    text.as_string()
        .ok_or_else(|| failed("it is not text".into()))
}

/// Tells embed.js that what the widget fetches after its first card has arrived (it then lets
/// the service worker keep the build). Said once per page; a page without embed.js ignores it.
pub fn settled() {
    if let Ok(f) = js_sys::Reflect::get(&js_sys::global(), &"interviewCardsSettled".into()) {
        if let Ok(f) = f.dyn_into::<js_sys::Function>() {
            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
        }
    }
}
