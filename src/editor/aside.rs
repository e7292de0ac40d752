//! Drafts set aside (one that could not be read, another tab's version), listed with when and
//! how large, each to download or delete (`hooks::use_set_aside` does both). At most
//! `MAX_SET_ASIDE` are kept; the oldest go first.

use crate::core::draft::{Aside, MAX_SET_ASIDE};
use crate::editor::hooks::{AsideAct, SetAsides};
use crate::editor::store::when;
use yew::prelude::*;

pub fn set_aside_drafts(asides: &SetAsides) -> Html {
    if asides.list.is_empty() {
        return html! {};
    }
    html! {
        <section aria-labelledby="aside-heading">
            <h2 id="aside-heading">{"Drafts set aside"}</h2>
            <p class="hint">{format!("Kept in this browser's storage, at most {MAX_SET_ASIDE}: setting another aside deletes the oldest.")}</p>
            <ul class="aside-list">
                { for asides.list.iter().map(|s| {
                    let what = match s.why {
                        Aside::Unreadable => "A draft that could not be opened",
                        Aside::OtherTab => "Another tab's version",
                    };
                    let label = format!("{what}, set aside {} ({} KB)", when(s.at), s.bytes.div_ceil(1024));
                    let on = |act: AsideAct| {
                        let (key, label) = (s.key.clone(), label.clone());
                        asides.act.reform(move |_: MouseEvent| (act, key.clone(), label.clone()))
                    };
                    html! {
                        <li key={s.key.clone()}>
                            <span>{label.clone()}</span>
                            <button type="button" onclick={on(AsideAct::Download)} aria-label={format!("Download: {label}")}>{"Download"}</button>
                            <button type="button" onclick={on(AsideAct::Delete)} aria-label={format!("Delete: {label}")}>{"Delete"}</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
