//! "Your data": where progress is kept, export, import with a preview, and reset with undo.
//! Files are asked for with a `FileAction` (`app::hooks::files` reads and writes them).

use crate::app::hooks::files::FileAction;
use crate::components::ids::Ids;
use crate::core::progress::ImportPreview;
use crate::words::plural;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataProps {
    pub ids: Ids,
    pub saved_here: bool,
    pub reviews: usize,
    pub import: Option<ImportPreview>,
    pub import_error: Option<AttrValue>,
    pub can_undo_reset: bool,
    /// Export progress, import a progress file, open a deck file.
    pub on_file: Callback<FileAction>,
    /// Merge the previewed file: with its reset marks (true) or without them (false).
    pub on_import_confirm: Callback<bool>,
    pub on_import_cancel: Callback<()>,
    pub on_reset: Callback<()>,
    pub on_undo_reset: Callback<()>,
    /// Shown when the current deck is not the built-in one.
    pub on_builtin_deck: Option<Callback<()>>,
}

/// The file picked in the input a `change` event came from; the input is cleared, so picking
/// the same file again is a change again.
pub(crate) fn picked(e: &Event) -> Option<web_sys::File> {
    let input: HtmlInputElement = e.target_unchecked_into();
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// "This file resets 12 cards you practised before 3 May 2027."
fn reset_summary(p: &ImportPreview) -> String {
    let latest = p
        .resets
        .iter()
        .map(|r| r.at)
        .fold(f64::NEG_INFINITY, f64::max);
    let date = js_sys::Date::new(&latest.into());
    let options = js_sys::Object::new();
    for (k, v) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    let when = date.to_locale_date_string("en-GB", &options);
    format!(
        "This file resets {} you practised before {}: merged with its resets, their progress here is hidden (not deleted). Merge without them to keep all of yours in view.",
        plural(p.cards_reset(), "card", "cards"),
        String::from(when)
    )
}

/// What an import would change, with the choice to keep or leave out its reset marks.
fn import_preview(p: &ImportPreview, props: &DataProps) -> Html {
    html! {
        <div class="notice" role="status" data-testid="import-preview">
            <p>{format!(
                "Importing adds {} on {} ({} not seen in this browser before).",
                plural(p.new_reviews, "review", "reviews"),
                plural(p.cards_changed, "card", "cards"),
                p.new_cards)}</p>
            if p.resets.is_empty() {
                <p>{"Nothing you have here is replaced."}</p>
            } else {
                <p>{reset_summary(p)}</p>
            }
            <div class="notice-actions">
                <button type="button" class="primary" onclick={props.on_import_confirm.reform(|_: MouseEvent| true)}>
                    {if p.resets.is_empty() { "Merge into my progress" } else { "Merge, resets included" }}
                </button>
                if !p.resets.is_empty() {
                    <button type="button" onclick={props.on_import_confirm.reform(|_: MouseEvent| false)}>{"Merge, without its resets"}</button>
                }
                <button type="button" onclick={props.on_import_cancel.reform(|_: MouseEvent| ())}>{"Cancel"}</button>
            </div>
        </div>
    }
}

#[function_component(DataPanel)]
pub fn data_panel(props: &DataProps) -> Html {
    let ids = &props.ids;
    let confirming_reset = use_state(|| false);
    let pick = |make: fn(web_sys::File) -> FileAction| {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = picked(&e) {
                on_file.emit(make(file));
            }
        })
    };
    let (on_file, on_deck) = (pick(FileAction::ImportProgress), pick(FileAction::OpenDeck));
    let export = props
        .on_file
        .reform(|_: MouseEvent| FileAction::ExportProgress);
    let ask_reset = {
        let confirming = confirming_reset.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel_reset = {
        let confirming = confirming_reset.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let do_reset = {
        let confirming = confirming_reset.clone();
        let on_reset = props.on_reset.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            on_reset.emit(());
        })
    };
    html! {
        <div class="data">
            <h2 id={ids.of("data-title")}>{"Your data"}</h2>
            <p data-testid="storage-status">
                {if props.saved_here {
                    format!("Your progress ({}) is saved in this browser only.", plural(props.reviews, "review", "reviews"))
                } else {
                    format!("Your progress ({}) is not being saved: export it to keep it.", plural(props.reviews, "review", "reviews"))
                }}
            </p>
            <div class="data-actions">
                <button type="button" onclick={export}>{"Export progress"}</button>
                <label class="button" for={ids.of("import-file")}>{"Import progress…"}</label>
                <input id={ids.of("import-file")} class="sr-only" type="file" accept=".json,application/json" onchange={on_file} />
                if !*confirming_reset {
                    <button type="button" onclick={ask_reset}>{"Reset progress…"}</button>
                }
            </div>
            <h3>{"Your own deck"}</h3>
            <p>{"Practise your own cards: a deck in this app's JSON format, or a tab- or comma-separated export from Quizlet or Anki (front, back, optional tags). It stays in this page; nothing is uploaded."}</p>
            <div class="data-actions">
                <label class="button" for={ids.of("deck-file")}>{"Open a deck file…"}</label>
                <input id={ids.of("deck-file")} class="sr-only" type="file"
                       accept=".json,.tsv,.csv,.txt,application/json,text/csv,text/tab-separated-values,text/plain" onchange={on_deck} />
                if let Some(builtin) = &props.on_builtin_deck {
                    <button type="button" onclick={builtin.reform(|_: MouseEvent| ())}>{"Back to the built-in deck"}</button>
                }
            </div>
            if let Some(error) = &props.import_error {
                <p class="notice error" role="alert" data-testid="import-error">{error.clone()}</p>
            }
            if let Some(p) = &props.import {
                {import_preview(p, props)}
            }
            if *confirming_reset {
                <div class="notice" role="alertdialog" aria-labelledby={ids.of("reset-q")} data-testid="reset-confirm">
                    <p id={ids.of("reset-q")}>{"Reset all progress for this deck? Every card becomes new. "}{crate::words::RESET_UNDO_LASTS}</p>
                    <div class="notice-actions">
                        <button type="button" class="primary" onclick={do_reset}>{"Reset"}</button>
                        <button type="button" onclick={cancel_reset}>{"Cancel"}</button>
                    </div>
                </div>
            }
            if props.can_undo_reset {
                <p class="notice" role="status" data-testid="reset-undo">
                    {"Progress was reset. "}{crate::words::RESET_UNDO_LASTS}{" "}
                    <button type="button" onclick={props.on_undo_reset.reform(|_: MouseEvent| ())}>{"Undo reset"}</button>
                </p>
            }
        </div>
    }
}
