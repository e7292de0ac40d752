//! A polite banner telling the learner something about their saved progress.

use crate::core::store::Notice;
use crate::platform::download::download_text;
use crate::words::notice_message;
use yew::prelude::*;

pub struct NoticeProps {
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
    /// Download the progress kept in memory: the way out when it cannot be saved.
    pub on_export: Callback<()>,
    /// Replace a damaged value that could not be copied aside (after downloading it).
    pub on_replace: Callback<String>,
}

pub fn notice_banner(props: &NoticeProps) -> Html {
    let download = match &props.notice {
        Notice::Unreadable { original, .. } => {
            let original = original.clone();
            let onclick = Callback::from(move |_| {
                if let Err(e) = download_text("interview-cards-unreadable-progress.json", &original)
                {
                    gloo::console::error!(format!("download failed: {e}"));
                }
            });
            html! { <button type="button" {onclick}>{"Download the original"}</button> }
        }
        Notice::NotSaved { .. } | Notice::ReadOnly { .. } | Notice::Trimmed { .. } => {
            let onclick = props.on_export.reform(|_: MouseEvent| ());
            html! { <button type="button" {onclick}>{"Export progress"}</button> }
        }
    };
    // A damaged value that could not be copied aside would keep every visit unsaved: once the
    // learner has downloaded it, they may let this visit replace it.
    let replace = match &props.notice {
        Notice::Unreadable {
            key,
            backup_key: None,
            ..
        } => {
            let key = key.clone();
            let onclick = props.on_replace.reform(move |_: MouseEvent| key.clone());
            html! { <button type="button" {onclick}>{"I have the original: replace it"}</button> }
        }
        _ => html! {},
    };
    let on_dismiss = props.on_dismiss.reform(|_| ());
    html! {
        <div class="notice" role="status" data-testid="notice">
            <p>{notice_message(&props.notice)}</p>
            <div class="notice-actions">
                {download}
                {replace}
                <button type="button" onclick={on_dismiss}>{"Dismiss"}</button>
            </div>
        </div>
    }
}
