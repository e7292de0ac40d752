//! Drafts set aside (one that could not be read, another tab's version), listed with when and
//! how large, each to download or delete. At most `MAX_SET_ASIDE` are kept; the oldest go first.

use crate::core::draft::{Aside, MAX_SET_ASIDE};
use crate::editor::store::{when, Kept};
use crate::platform::download::download_text;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SetAsideProps {
    pub kept: Rc<Kept>,
    /// Changes when a draft is set aside: the list is read again.
    pub revision: u32,
    /// Tells the author what happened.
    pub announce: Callback<String>,
}

#[function_component(SetAsideDrafts)]
pub fn set_aside_drafts(props: &SetAsideProps) -> Html {
    let list = use_state(|| props.kept.set_aside_list());
    {
        let (list, kept) = (list.clone(), props.kept.clone());
        use_effect_with(props.revision, move |_| list.set(kept.set_aside_list()));
    }
    if list.is_empty() {
        return html! {};
    }
    html! {
        <section aria-labelledby="aside-heading">
            <h2 id="aside-heading">{"Drafts set aside"}</h2>
            <p class="hint">{format!("Kept in this browser's storage, at most {MAX_SET_ASIDE}: setting another aside deletes the oldest.")}</p>
            <ul class="aside-list">
                { for list.iter().map(|s| {
                    let what = match s.why {
                        Aside::Unreadable => "A draft that could not be opened",
                        Aside::OtherTab => "Another tab's version",
                    };
                    let label = format!("{what}, set aside {} ({} KB)", when(s.at), s.bytes.div_ceil(1024));
                    let download = {
                        let (kept, key, announce) = (props.kept.clone(), s.key.clone(), props.announce.clone());
                        Callback::from(move |_: MouseEvent| {
                            let text = kept.set_aside_text(&key).unwrap_or_default();
                            let name = format!("{}.json", key.replace(':', "-"));
                            if let Err(e) = download_text(&name, &text) {
                                announce.emit(format!("The draft could not be offered for download: {e}"));
                            }
                        })
                    };
                    let delete = {
                        let (kept, key, announce, list) = (props.kept.clone(), s.key.clone(), props.announce.clone(), list.clone());
                        let label = label.clone();
                        Callback::from(move |_: MouseEvent| match kept.delete_set_aside(&key) {
                            Ok(()) => {
                                list.set(kept.set_aside_list());
                                announce.emit(format!("Deleted: {label}."));
                            }
                            Err(message) => announce.emit(message),
                        })
                    };
                    html! {
                        <li key={s.key.clone()}>
                            <span>{label.clone()}</span>
                            <button type="button" onclick={download} aria-label={format!("Download: {label}")}>{"Download"}</button>
                            <button type="button" onclick={delete} aria-label={format!("Delete: {label}")}>{"Delete"}</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
