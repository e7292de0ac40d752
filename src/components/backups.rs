//! "Copies of damaged progress": each backup the app made of saved progress it could not
//! read, with its date and size, to save as a file or delete (`app::hooks::files` does both).

use crate::app::hooks::files::FileAction;
use crate::core::store::Backup;
use crate::words::one_decimal;
use yew::prelude::*;

pub struct BackupProps {
    pub backups: Vec<Backup>,
    /// Asks for a backup as a file, or for its deletion.
    pub on_file: Callback<FileAction>,
}

fn when(at: f64) -> String {
    String::from(js_sys::Date::new(&at.into()).to_locale_string("en-GB", &"{}".into()))
}

pub fn backup_list(props: &BackupProps) -> Html {
    if props.backups.is_empty() {
        return html! {};
    }
    let rows = props.backups.iter().map(|b| {
        let ask = |make: fn(String) -> FileAction| {
            let key = b.key.clone();
            props.on_file.reform(move |_: MouseEvent| make(key.clone()))
        };
        let (keep, delete) = (ask(FileAction::DownloadBackup), ask(FileAction::DeleteBackup));
        let label = format!("{} ({} KB)", when(b.at), one_decimal(b.bytes as u64, 1024));
        html! {
            <li>
                {label.clone()}{" "}
                <button type="button" onclick={keep} aria-label={format!("Download the copy from {label}")}>{"Download"}</button>
                <button type="button" onclick={delete} aria-label={format!("Delete the copy from {label}")}>{"Delete"}</button>
            </li>
        }
    });
    html! {
        <div class="backups" data-testid="backups">
            <h3>{"Copies of damaged progress"}</h3>
            <p>{"Saved progress that could not be read was copied here before anything replaced it. What could be read is already part of your progress."}</p>
            <ul>{for rows}</ul>
        </div>
    }
}
