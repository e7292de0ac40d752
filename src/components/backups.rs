//! "Copies of damaged progress": each backup the app made of saved progress it could not
//! read, with its date and size, to download or delete.

use crate::core::store::{Backup, Store};
use crate::platform::download::download_text;
use crate::words::one_decimal;
use std::rc::Rc;
use yew::prelude::*;

pub struct BackupProps {
    pub backups: Vec<Backup>,
    /// Delete the backup under this key.
    pub on_delete: Callback<String>,
}

fn when(at: f64) -> String {
    String::from(js_sys::Date::new(&at.into()).to_locale_string("en-GB", &"{}".into()))
}

pub fn backup_list(props: &BackupProps, store: &Rc<dyn Store>) -> Html {
    if props.backups.is_empty() {
        return html! {};
    }
    let rows = props.backups.iter().map(|b| {
        let download = {
            let (key, store) = (b.key.clone(), store.clone());
            Callback::from(move |_: MouseEvent| {
                let text = store.get(&key).ok().flatten();
                if let Some(text) = text {
                    if let Err(e) = download_text("interview-cards-damaged-progress.json", &text) {
                        gloo::console::error!(format!("download failed: {e}"));
                    }
                }
            })
        };
        let key = b.key.clone();
        let delete = props.on_delete.reform(move |_: MouseEvent| key.clone());
        let label = format!("{} ({} KB)", when(b.at), one_decimal(b.bytes as u64, 1024));
        html! {
            <li>
                {label.clone()}{" "}
                <button type="button" onclick={download} aria-label={format!("Download the copy from {label}")}>{"Download"}</button>
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
