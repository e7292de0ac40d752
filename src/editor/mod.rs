//! The authoring page (`editor.html`, its own wasm module: nothing here is linked into the
//! widget). An author writes a deck (title, topics, cards with Markdown answers previewed by the
//! widget's own renderer, key points), sees the validator's problems beside the fields they
//! concern, imports TSV/CSV/JSON, exports deck JSON, and builds embed snippets around a live
//! widget. The draft is kept in localStorage at every change.

mod aside;
mod builder;
mod card;
mod fields;
mod hooks;
mod state;
pub(crate) mod store;
mod views;

use crate::editor::hooks::{use_deck_files, use_focus_after, use_kept, use_set_aside};
use crate::editor::state::{Edit, EditorState};
use crate::editor::views::{
    cards_section, deck_section, files_section, notices, page_header, topics_section, Problems,
};
use std::rc::Rc;
use yew::prelude::*;

pub use store::{open as open_kept, Kept};

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The draft found in storage (or a new one) and what to tell the author about storage.
    pub kept: Rc<Kept>,
}

/// The page: one reducer, one line per hook, and its sections (as the widget's shell is).
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let state = use_reducer(|| EditorState {
        draft: Rc::new(props.kept.draft.clone()),
        kept: props.kept.previous().map(Rc::new),
        removed: None,
        focus: None,
    });
    let announce = use_state(String::new);
    let theme = use_state(|| "auto".to_string());
    let draft = state.draft.clone();
    let problems: Problems = (*use_memo(draft.clone(), |d| Rc::new(d.problems()))).clone();
    // One callback for the page's life, so a card whose fields and problems did not change is
    // not drawn again on every keystroke (with thousands of cards, that was most of the wait).
    let edit: Callback<Edit> = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |e: Edit| dispatcher.dispatch(e))
        }))
        .clone()
    };
    let keeping = use_kept(props.kept.clone(), &state, edit.clone(), announce.clone());
    let files = use_deck_files(
        edit.clone(),
        announce.clone(),
        draft.clone(),
        problems.clone(),
    );
    use_focus_after(&state);
    let say_aside = {
        let announce = announce.clone();
        Callback::from(move |m| fields::say(&announce, m))
    };
    let asides = use_set_aside(props.kept.clone(), keeping.asides, say_aside);
    html! {
        <main class="app editor" data-theme={(*theme != "auto").then(|| (*theme).clone())}>
            {page_header(&theme)}
            <p class="intro">{"Write a deck for the practice widget, check it, export it as a file, and build the snippet that embeds it. "}
                {"Your draft is kept in this browser as you type; nothing is sent anywhere."}</p>
            {notices(&keeping, &announce)}
            {deck_section(&state, &problems, &edit)}
            {topics_section(&state, &problems, &edit)}
            {cards_section(&state, &problems, &edit)}
            {files_section(&state, &problems, &edit, (&files.0, &files.1))}
            {aside::set_aside_drafts(&asides)}
            <builder::Builder draft={draft} valid={problems.is_empty()} />
        </main>
    }
}
