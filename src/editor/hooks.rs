//! The authoring page's effects, one hook each, as the widget's shell has them: keeping the
//! draft in storage (and noticing another tab's), reading a deck file and offering the deck as
//! one, and moving focus where a change asks. The views only render and call back.

use crate::core::deck::DeckError;
use crate::core::draft::{Draft, Field, SetAside};
use crate::core::import::{parse_any, ImportError, MAX_DECK_BYTES};
use crate::editor::fields::{focus_target, say};
use crate::editor::state::{Edit, EditorState};
use crate::editor::store::{Kept, DRAFT_KEY};
use crate::platform::dom::focus_element;
use crate::platform::download::download_text;
use crate::platform::file::text;
use std::rc::Rc;
use yew::prelude::*;

/// Where the draft is kept, as the page says it, and the author's choices when another tab
/// saved the same draft.
pub struct Keeping {
    /// What opening the draft found (a draft set aside, storage not available).
    pub opened: Option<String>,
    /// Why the latest change could not be kept.
    pub save_error: Option<String>,
    /// Another tab saved this draft: this tab saves nothing until the author chooses.
    pub other_tab: bool,
    pub load_other: Callback<()>,
    pub keep_this: Callback<()>,
    /// Changes when a draft is set aside, so the list of them is read again.
    pub asides: u32,
}

/// Keeps every change at once (unless another tab's version waits for a choice), and the draft
/// an import replaced; a failure says so, and the page keeps working.
#[hook]
pub fn use_kept(
    kept: Rc<Kept>,
    state: &UseReducerHandle<EditorState>,
    edit: Callback<Edit>,
    announce: UseStateHandle<String>,
) -> Keeping {
    let opened = use_state_eq(|| kept.notice.clone());
    let save_error = use_state_eq(|| None::<String>);
    let other_tab = use_state_eq(|| false);
    {
        let (save_error, kept) = (save_error.clone(), kept.clone());
        use_effect_with((state.draft.clone(), *other_tab), move |(d, paused)| {
            if !*paused {
                save_error.set(kept.save(d).err());
            }
        });
    }
    {
        let (save_error, kept) = (save_error.clone(), kept.clone());
        use_effect_with(state.kept.clone(), move |previous| {
            if let Some(Err(message)) = previous.as_ref().map(|p| kept.save_previous(p)) {
                save_error.set(Some(message));
            }
        });
    }
    use_other_tab(other_tab.clone());
    let load_other = {
        let (kept, other_tab, announce) = (kept.clone(), other_tab.clone(), announce.clone());
        Callback::from(move |()| match kept.reload() {
            Ok(other) => {
                edit.emit(Edit::Load(other));
                other_tab.set(false);
                say(&announce, "The other tab's version is here now.".into());
            }
            Err(message) => say(&announce, message),
        })
    };
    let asides = use_state_eq(|| 0u32);
    let keep_this = {
        let (other_tab, asides) = (other_tab.clone(), asides.clone());
        Callback::from(move |()| match kept.set_aside_stored() {
            Ok(message) => {
                other_tab.set(false);
                asides.set(*asides + 1);
                say(&announce, message);
            }
            Err(message) => say(&announce, message),
        })
    };
    Keeping {
        opened: (*opened).clone(),
        save_error: (*save_error).clone(),
        other_tab: *other_tab,
        load_other,
        keep_this,
        asides: *asides,
    }
}

/// Sets `other_tab` when another tab saves the same draft.
#[hook]
fn use_other_tab(other_tab: UseStateHandle<bool>) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            gloo::events::EventListener::new(&w, "storage", move |e| {
                let key =
                    wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(e).and_then(|e| e.key());
                if key.as_deref() == Some(DRAFT_KEY) {
                    other_tab.set(true);
                }
            })
        });
        move || drop(listener)
    });
}

/// Importing a deck file (it replaces the draft, which is kept to swap back to) and exporting
/// the draft as deck JSON (only a deck the widget opens: otherwise focus goes to the first
/// problem). Each says what came of it in the live region.
#[hook]
pub fn use_deck_files(
    edit: Callback<Edit>,
    announce: UseStateHandle<String>,
    draft: Rc<Draft>,
    problems: Rc<Vec<(Field, DeckError)>>,
) -> (Callback<web_sys::File>, Callback<()>) {
    let on_import = {
        let announce = announce.clone();
        Callback::from(move |file: web_sys::File| {
            let (edit, announce) = (edit.clone(), announce.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let read = match text(&file, MAX_DECK_BYTES).await {
                    Ok(text) => parse_any(&text, &name),
                    Err(unread) => Err(unread.into()),
                };
                imported(&name, read, &edit, &announce);
            });
        })
    };
    let on_export = Callback::from(move |()| {
        if let Some((field, _)) = problems.first() {
            say(&announce, match problems.len() {
                1 => "Fix the problem marked first: a deck the widget cannot open is not exported.".into(),
                n => format!("Fix the {n} problems marked first: a deck the widget cannot open is not exported."),
            });
            focus_element(&focus_target(*field));
            return;
        }
        let name = format!("{}.json", draft.id);
        match download_text(&name, &draft.to_json()) {
            Ok(()) => say(&announce, format!("Exported {name}.")),
            Err(e) => say(
                &announce,
                format!("The file could not be offered for download: {e}"),
            ),
        }
    });
    (on_import, on_export)
}

/// A deck file's text read: the draft it becomes, or why not.
fn imported(
    name: &str,
    read: Result<crate::core::deck::Deck, ImportError>,
    edit: &Callback<Edit>,
    announce: &UseStateHandle<String>,
) {
    match read {
        Ok(deck) => {
            say(
                announce,
                format!(
                    "Imported {name}: {}. The draft you had before is kept: swap back to it below.",
                    crate::words::plural(deck.cards.len(), "card", "cards")
                ),
            );
            edit.emit(Edit::Imported(Draft::from_deck(&deck)));
        }
        Err(e) => say(
            announce,
            format!("{name} could not be imported, and your draft is unchanged: {e}"),
        ),
    }
}

/// Moves focus to the field a change asks for (a new card's question, a button that moved).
#[hook]
pub fn use_focus_after(state: &UseReducerHandle<EditorState>) {
    let focus = state.focus.clone();
    use_effect_with(state.clone(), move |_| {
        if let Some(id) = focus {
            focus_element(&id);
        }
    });
}

/// What the author asks of a draft set aside.
#[derive(Clone, Copy)]
pub enum AsideAct {
    Download,
    Delete,
}

/// The drafts set aside, and the way to download or delete one (by key, with its label for
/// what is said).
pub struct SetAsides {
    pub list: Rc<Vec<SetAside>>,
    pub act: Callback<(AsideAct, String, String)>,
}

/// Reads the drafts set aside, again whenever `revision` changes (a draft was set aside), and
/// carries out a download or a delete, saying what came of it.
#[hook]
pub fn use_set_aside(kept: Rc<Kept>, revision: u32, announce: Callback<String>) -> SetAsides {
    let list = use_state(|| Rc::new(kept.set_aside_list()));
    {
        let (list, kept) = (list.clone(), kept.clone());
        use_effect_with(revision, move |_| list.set(Rc::new(kept.set_aside_list())));
    }
    let act = {
        let list = list.clone();
        Callback::from(
            move |(act, key, label): (AsideAct, String, String)| match act {
                AsideAct::Download => {
                    let text = kept.set_aside_text(&key).unwrap_or_default();
                    let name = format!("{}.json", key.replace(':', "-"));
                    if let Err(e) = download_text(&name, &text) {
                        announce.emit(format!("The draft could not be offered for download: {e}"));
                    }
                }
                AsideAct::Delete => match kept.delete_set_aside(&key) {
                    Ok(()) => {
                        list.set(Rc::new(kept.set_aside_list()));
                        announce.emit(format!("Deleted: {label}."));
                    }
                    Err(message) => announce.emit(message),
                },
            },
        )
    };
    SetAsides {
        list: (*list).clone(),
        act,
    }
}
