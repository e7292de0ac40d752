//! The builder's output: the live widget, and the snippets with a button to copy each.

use crate::core::embed::Embed;
use crate::core::share::LINK_LIMIT;
use crate::platform::clipboard::write_text;
use crate::platform::dom::element_by_id;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// The widget as chosen (`src`: its address), or a word that there is nothing to show yet.
pub(super) fn live(src: Option<String>) -> Html {
    html! {
        <div class="builder-live">
            <h3>{"Live widget"}</h3>
            { match src {
                Some(src) => html! {
                    <iframe key={src.clone()} src={src} title="Live preview of the widget"
                            class="live-frame" data-interview-cards-frame="" allow="microphone"></iframe>
                },
                None => html! { <p class="hint">{"Nothing to show yet."}</p> },
            } }
        </div>
    }
}

/// Copies `text`; where the browser refuses, selects it in its box and says how to copy it.
fn copy(text: String, box_id: String, tell: Callback<String>) {
    wasm_bindgen_futures::spawn_local(async move {
        if write_text(&text).await {
            tell.emit("Copied.".into());
            return;
        }
        if let Some(area) =
            element_by_id(&box_id).and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
        {
            let _ = area.focus();
            area.select();
        }
        tell.emit("Copying was refused by the browser: the snippet is selected, press Ctrl+C (or \u{2318}C) to copy it.".into());
    });
}

fn snippet(id: &str, label: &str, text: String, rows: u32, tell: &Callback<String>) -> Html {
    let onclick = {
        let (text, id, tell) = (text.clone(), id.to_string(), tell.clone());
        Callback::from(move |_: MouseEvent| copy(text.clone(), id.clone(), tell.clone()))
    };
    html! {
        <div class="snippet">
            <label for={id.to_string()}>{label.to_string()}</label>
            <textarea id={id.to_string()} readonly=true rows={rows.to_string()} spellcheck="false" value={text} />
            <button type="button" {onclick} aria-label={format!("Copy: {label}")}>{"Copy"}</button>
        </div>
    }
}

/// Every snippet for `choice`, with the share link when the draft fits in one (`Err`: too
/// large).
pub(super) fn snippets(
    choice: &Embed,
    base: &str,
    at_address: bool,
    share: Option<Result<String, ()>>,
    tell: &Callback<String>,
) -> Html {
    html! {
        <>
            {snippet("snippet-iframe", "Iframe (any page, any platform)", choice.iframe(base), 4, tell)}
            {snippet("snippet-mount", "Direct mount (your page's own element)", choice.mount(base), 2, tell)}
            {snippet("snippet-element", "Custom element", choice.element(base), 2, tell)}
            if at_address {
                <p class="hint">{"A SCORM package is made from a deck file on your disk: download the deck, then run scripts/scorm.sh --deck with it."}</p>
            } else {
                {snippet("snippet-scorm", "SCORM package for a course platform (run in this project)", choice.scorm_command(), 1, tell)}
            }
            { match share {
                Some(Ok(link)) => snippet("snippet-link", "Share link (the deck travels in the link; no file needed)", link, 3, tell),
                Some(Err(())) => html! {
                    <p class="hint">{format!("This draft is too large to share in a link (over {LINK_LIMIT} characters): export it and share the file.")}</p>
                },
                None => html! {},
            } }
        </>
    }
}
