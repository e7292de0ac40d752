//! The authoring page's sections, as plain view functions: the header with the theme, what the
//! page says about where the draft is kept, the deck's title and id, its topics, its cards, and
//! import and export. Each renders from the state and calls back; none has an effect.

use crate::core::deck::DeckError;
use crate::core::draft::Field;
use crate::editor::card::CardEditor;
use crate::editor::fields::{problem_of, text_field};
use crate::editor::hooks::Keeping;
use crate::editor::state::{Edit, EditorState, Removed};
use crate::words::plural;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The validator's problems, each beside its field.
pub type Problems = Rc<Vec<(Field, DeckError)>>;

/// A problem that belongs to the deck or a list, not one field.
fn problem_line(problems: &Problems, field: Field) -> Html {
    match problem_of(problems, field) {
        Some((message, pid)) => html! { <p class="field-error" id={pid}>{message}</p> },
        None => html! {},
    }
}

pub fn page_header(theme: &UseStateHandle<String>) -> Html {
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |e: Event| {
            theme.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    html! {
        <header class="app-header">
            <h1>{"Deck editor"}</h1>
            <div class="field theme-field">
                <label for="editor-theme">{"Theme"}</label>
                <select id="editor-theme" onchange={on_theme}>
                    <option value="auto" selected={**theme == "auto"}>{"System"}</option>
                    <option value="light" selected={**theme == "light"}>{"Light"}</option>
                    <option value="dark" selected={**theme == "dark"}>{"Dark"}</option>
                </select>
            </div>
        </header>
    }
}

/// What the page says about where the draft is kept, and the live region.
pub fn notices(keeping: &Keeping, announce: &str) -> Html {
    let on = |f: &Callback<()>| f.reform(|_: MouseEvent| ());
    html! {
        <>
            if let Some(message) = keeping.opened.clone() {
                <p class="notice" role="alert">{message}</p>
            }
            if let Some(message) = keeping.save_error.clone() {
                <p class="notice" role="alert">{message}</p>
            }
            if keeping.other_tab {
                <div class="notice" role="alert">
                    <p>{"This draft was just saved in another tab. This tab has stopped saving until you choose which version to keep."}</p>
                    <div class="notice-actions">
                        <button type="button" onclick={on(&keeping.load_other)}>{"Load the other tab's version"}</button>
                        <button type="button" onclick={on(&keeping.keep_this)}>{"Keep this tab's version"}</button>
                    </div>
                </div>
            }
            <p class="sr-only" role="status" aria-live="polite">{announce.to_string()}</p>
        </>
    }
}

pub fn deck_section(state: &EditorState, problems: &Problems, edit: &Callback<Edit>) -> Html {
    let draft = &state.draft;
    html! {
        <section aria-labelledby="deck-heading">
            <h2 id="deck-heading">{"Deck"}</h2>
            {text_field(Field::Deck("title"), "Title", &draft.title, None, None, problems, edit.reform(Edit::Title))}
            {text_field(Field::Deck("id"), "Deck id", &draft.id, None,
                Some("Learners' progress is saved under this id: keep it once the deck is in use."),
                problems, edit.reform(Edit::Id))}
            {problem_line(problems, Field::Whole)}
        </section>
    }
}

/// "Put card 3 back", "Put the topic “Caching” back": the last removed card or topic.
fn put_back_label(state: &EditorState, card: bool) -> Option<String> {
    match &state.removed {
        Some(Removed::Card(i, _)) if card => Some(format!("Put card {} back", i + 1)),
        Some(Removed::Topic(i, t)) if !card => Some(if t.name.trim().is_empty() {
            format!("Put topic {} back", i + 1)
        } else {
            format!("Put the topic \u{201c}{}\u{201d} back", t.name)
        }),
        _ => None,
    }
}

pub fn topics_section(state: &EditorState, problems: &Problems, edit: &Callback<Edit>) -> Html {
    let topic = |(i, t): (usize, &crate::core::draft::DraftTopic)| {
        let remove = edit.reform(move |_: MouseEvent| Edit::RemoveTopic(i));
        html! {
            <li key={i}>
                <fieldset>
                    <legend>{format!("Topic {}", i + 1)}</legend>
                    <div class="field-row">
                        {text_field(Field::Topic(i, "name"), "Name", &t.name, None, None, problems,
                            edit.reform(move |name| Edit::TopicName(i, name)))}
                        {text_field(Field::Topic(i, "id"), "Id (in links: ?topic=…)", &t.id, None, None, problems,
                            edit.reform(move |id| Edit::TopicId(i, id)))}
                    </div>
                    <button type="button" onclick={remove}
                            aria-label={format!("Remove topic {}", i + 1)}>{"Remove"}</button>
                </fieldset>
            </li>
        }
    };
    html! {
        <section aria-labelledby="topics-heading">
            <h2 id="topics-heading">{"Topics"}</h2>
            {problem_line(problems, Field::Deck("topics"))}
            <ol class="topic-list">{ for state.draft.topics.iter().enumerate().map(topic) }</ol>
            if let Some(label) = put_back_label(state, false) {
                <button type="button" id="put-back-topic" onclick={edit.reform(|_: MouseEvent| Edit::PutBack)}>{label}</button>
            }
            <button type="button" id="add-topic" onclick={edit.reform(|_: MouseEvent| Edit::AddTopic)}>{"Add a topic"}</button>
        </section>
    }
}

/// Each card's own problems, so a problem elsewhere does not redraw it.
fn problems_by_card(problems: &Problems, count: usize) -> Vec<Problems> {
    let mut by_card: Vec<Problems> = vec![Rc::default(); count];
    for (field, error) in problems.iter() {
        if let Field::Card(i, _) = field {
            if let Some(slot) = by_card.get_mut(*i) {
                Rc::make_mut(slot).push((*field, error.clone()));
            }
        }
    }
    by_card
}

pub fn cards_section(state: &EditorState, problems: &Problems, edit: &Callback<Edit>) -> Html {
    let draft = &state.draft;
    let count = draft.cards.len();
    let topics: Rc<Vec<(u32, String)>> = Rc::new(
        draft
            .topics
            .iter()
            .map(|t| {
                let label = if t.name.trim().is_empty() {
                    &t.id
                } else {
                    &t.name
                };
                (t.key, label.clone())
            })
            .collect(),
    );
    html! {
        <section aria-labelledby="cards-heading">
            <h2 id="cards-heading">{format!("Cards ({count})")}</h2>
            {problem_line(problems, Field::Deck("cards"))}
            // Keyed by position: ids could repeat in an edited draft (a problem shown beside them).
            { for draft.cards.iter().zip(problems_by_card(problems, count)).enumerate().map(|(i, (c, problems))| html! {
                <CardEditor key={i} index={i} count={count} card={c.clone()}
                            topics={topics.clone()} {problems} edit={edit.clone()} />
            }) }
            if let Some(label) = put_back_label(state, true) {
                <button type="button" id="put-back-card" onclick={edit.reform(|_: MouseEvent| Edit::PutBack)}>{label}</button>
            }
            <button type="button" id="add-card" class="primary" onclick={edit.reform(|_: MouseEvent| Edit::AddCard)}>{"Add a card"}</button>
        </section>
    }
}

/// "Swap with the kept draft (“Networking”, 12 cards): …", when an import replaced one.
fn kept_label(state: &EditorState) -> Option<String> {
    state.kept.as_ref().map(|k| {
        let title = if k.title.trim().is_empty() {
            "untitled"
        } else {
            k.title.as_str()
        };
        format!(
            "Swap with the kept draft (\u{201c}{title}\u{201d}, {}): this one is kept in its place",
            plural(k.cards.len(), "card", "cards")
        )
    })
}

pub fn files_section(
    state: &EditorState,
    problems: &Problems,
    edit: &Callback<Edit>,
    (on_import, on_export): (&Callback<web_sys::File>, &Callback<()>),
) -> Html {
    let on_file = on_import.reform(|file| file);
    let on_change = Callback::from(move |e: Event| {
        if let Some(file) = crate::components::data::picked(&e) {
            on_file.emit(file);
        }
    });
    let count = state.draft.cards.len();
    html! {
        <section aria-labelledby="files-heading">
            <h2 id="files-heading">{"Import and export"}</h2>
            <div class="field">
                <label for="import-file">{"Import a deck file (JSON, or TSV/CSV from Anki or Quizlet): it replaces the draft, which is kept to swap back to"}</label>
                <input type="file" id="import-file" accept=".json,.tsv,.csv,.txt,application/json,text/plain,text/csv,text/tab-separated-values" onchange={on_change} />
            </div>
            if let Some(label) = kept_label(state) {
                <p><button type="button" id="swap" onclick={edit.reform(|_: MouseEvent| Edit::Swap)}>{label}</button></p>
            }
            <p id="export-status" class={if problems.is_empty() { "hint" } else { "field-error" }}>
                { if problems.is_empty() {
                    format!("Ready: {} that the widget opens.", plural(count, "card", "cards"))
                } else {
                    format!("{} to fix before export.", plural(problems.len(), "problem", "problems"))
                } }
            </p>
            <button type="button" id="export" class="primary" onclick={on_export.reform(|_: MouseEvent| ())} aria-describedby="export-status">{"Export deck JSON"}</button>
        </section>
    }
}
