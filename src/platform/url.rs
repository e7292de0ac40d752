//! The page URL as plain values: query pairs in, query pairs out. Pushing a new entry on each
//! filter change makes back/forward walk through the learner's filters.

use wasm_bindgen::JsValue;

/// The query string's decoded pairs, in order. A malformed query yields what the browser
/// could decode; it never fails.
pub fn query_pairs() -> Vec<(String, String)> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
        return Vec::new();
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    let iter = js_sys::try_iter(&params).ok().flatten();
    for entry in iter.into_iter().flatten().flatten() {
        let entry = js_sys::Array::from(&entry);
        if let (Some(k), Some(v)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
            pairs.push((k, v));
        }
    }
    pairs
}

/// Replaces the query (keeping path and hash) with `pairs`, adding a history entry when
/// `push` is set. Parameters this app does not own are kept.
pub fn set_query(pairs: &[(&str, String)], owned: &[&str], push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(search), Ok(path), Ok(hash)) =
        (location.search(), location.pathname(), location.hash())
    else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    for key in owned {
        params.delete(key);
    }
    for (k, v) in pairs {
        params.append(k, v);
    }
    let query = String::from(params.to_string());
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if url == format!("{path}{search}{hash}") {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// The folder of the page's address (what a relative link on it starts from), e.g.
/// `https://site.example/cards/` for `https://site.example/cards/editor.html?x#y`.
pub fn page_folder() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let end = href.split(['?', '#']).next().unwrap_or("");
    match end.rfind('/') {
        Some(i) => end[..=i].to_string(),
        None => "./".into(),
    }
}
