//! A polite banner telling the learner something about their saved progress.

use crate::app::hooks::files::FileAction;
use crate::core::store::Notice;
use crate::words::notice_message;
use yew::prelude::*;

pub struct NoticeProps {
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
    /// The progress kept in memory as a file (the way out when it cannot be saved), the damaged
    /// original as a file, or replacing a damaged value that could not be copied aside.
    pub on_file: Callback<FileAction>,
}

pub fn notice_banner(props: &NoticeProps) -> Html {
    let ask = |action: FileAction| props.on_file.reform(move |_: MouseEvent| action.clone());
    let keep = match &props.notice {
        Notice::Unreadable { .. } => {
            html! { <button type="button" onclick={ask(FileAction::DownloadOriginal)}>{"Download the original"}</button> }
        }
        Notice::NotSaved { .. } | Notice::ReadOnly { .. } | Notice::Trimmed { .. } => {
            html! { <button type="button" onclick={ask(FileAction::ExportProgress)}>{"Export progress"}</button> }
        }
    };
    // A damaged value that could not be copied aside would keep every visit unsaved: once the
    // learner has a copy of it, they may let this visit replace it.
    let replace = match &props.notice {
        Notice::Unreadable {
            key,
            backup_key: None,
            ..
        } => {
            let onclick = ask(FileAction::ReplaceDamaged(key.clone()));
            html! { <button type="button" {onclick}>{"I have the original: replace it"}</button> }
        }
        _ => html! {},
    };
    let on_dismiss = props.on_dismiss.reform(|_| ());
    html! {
        <div class="notice" role="status" data-testid="notice">
            <p>{notice_message(&props.notice)}</p>
            <div class="notice-actions">
                {keep}
                {replace}
                <button type="button" onclick={on_dismiss}>{"Dismiss"}</button>
            </div>
        </div>
    }
}
