//! A polite banner telling the learner something about their saved progress.

use crate::core::store::Notice;
use crate::platform::download::download_text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
    /// Download the progress kept in memory: the way out when it cannot be saved.
    pub on_export: Callback<()>,
}

#[function_component(NoticeBanner)]
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
    let on_dismiss = props.on_dismiss.reform(|_| ());
    html! {
        <div class="notice" role="status" data-testid="notice">
            <p>{props.notice.message()}</p>
            <div class="notice-actions">
                {download}
                <button type="button" onclick={on_dismiss}>{"Dismiss"}</button>
            </div>
        </div>
    }
}
