//! The authoring page (`editor.html`, its own wasm module: nothing here is linked into the
//! widget). An author writes a deck (title, topics, cards with Markdown answers previewed by the
//! widget's own renderer, key points), sees the validator's problems beside the fields they
//! concern, imports TSV/CSV/JSON, exports deck JSON, and builds embed snippets around a live
//! widget. The draft is kept in localStorage at every change.

mod builder;
mod store;

use crate::components::answer::Answer;
use crate::core::deck::{DeckError, Difficulty};
use crate::core::draft::{Draft, DraftCard, DraftTopic, Field};
use crate::core::import::parse_any;
use crate::platform::dom::focus_element;
use crate::platform::download::download_text;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

pub use store::{open as open_kept, Kept};

/// What the author can change; each is one step of the draft.
pub enum Edit {
    Title(String),
    Id(String),
    TopicName(usize, String),
    TopicId(usize, String),
    AddTopic,
    RemoveTopic(usize),
    AddCard,
    RemoveCard(usize),
    MoveCard(usize, bool),
    Card(usize, CardField, String),
    /// A card's topic, by key.
    Topic(usize, u32),
    Difficulty(usize, Difficulty),
    /// A deck file replaces the draft; the draft before it is kept to swap back.
    Imported(Draft),
    /// The draft and the kept one change places.
    Swap,
    /// The last removed card or topic goes back where it was.
    PutBack,
    /// Another tab's version of the draft, loaded on request.
    Load(Draft),
}

#[derive(Clone, Copy, PartialEq)]
pub enum CardField {
    Question,
    Answer,
    KeyPoints,
}

/// The last card or topic removed, with its position.
#[derive(Clone, PartialEq)]
pub enum Removed {
    Card(usize, DraftCard),
    Topic(usize, DraftTopic),
}

#[derive(Clone, PartialEq)]
pub struct EditorState {
    pub draft: Rc<Draft>,
    /// The draft an import replaced (kept in storage too), to swap back to.
    pub kept: Option<Rc<Draft>>,
    pub removed: Option<Removed>,
    /// The field to focus after this change (a new card's question).
    pub focus: Option<String>,
}

impl Reducible for EditorState {
    type Action = Edit;

    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let mut draft = (*self.draft).clone();
        let mut kept = self.kept.clone();
        let mut removed = self.removed.clone();
        let mut focus = None;
        match edit {
            Edit::Title(t) => draft.title = t,
            Edit::Id(id) => draft.id = id,
            Edit::TopicName(i, name) => draft.set_topic_name(i, name),
            Edit::TopicId(i, id) => draft.set_topic_id(i, id),
            Edit::AddTopic => focus = Some(format!("topic-{}-name", draft.add_topic())),
            Edit::RemoveTopic(i) => {
                if let Some(topic) = draft.remove_topic(i) {
                    removed = Some(Removed::Topic(i, topic));
                    focus = Some("put-back-topic".into());
                }
            }
            Edit::AddCard => focus = Some(format!("card-{}-question", draft.add_card())),
            Edit::RemoveCard(i) => {
                if let Some(card) = draft.remove_card(i) {
                    removed = Some(Removed::Card(i, card));
                    focus = Some("put-back-card".into());
                }
            }
            Edit::MoveCard(i, up) => {
                if draft.move_card(i, up) {
                    let to = if up { i - 1 } else { i + 1 };
                    // The same button, unless the card reached the end it moved to (where that
                    // button is disabled): then the other one.
                    let at_end = if up {
                        to == 0
                    } else {
                        to + 1 == draft.cards.len()
                    };
                    let button = if up != at_end { "up" } else { "down" };
                    focus = Some(format!("card-{to}-{button}"));
                }
            }
            Edit::Card(i, field, text) => {
                if let Some(card) = draft.cards.get_mut(i) {
                    *match field {
                        CardField::Question => &mut card.question,
                        CardField::Answer => &mut card.answer,
                        CardField::KeyPoints => &mut card.key_points,
                    } = text;
                }
            }
            Edit::Topic(i, key) => {
                if let Some(card) = draft.cards.get_mut(i) {
                    card.topic = key;
                }
            }
            Edit::Difficulty(i, d) => {
                if let Some(card) = draft.cards.get_mut(i) {
                    card.difficulty = d;
                }
            }
            Edit::Imported(imported) => {
                kept = Some(self.draft.clone());
                removed = None;
                draft = imported;
            }
            Edit::Swap => {
                if let Some(other) = kept.take() {
                    kept = Some(self.draft.clone());
                    removed = None;
                    draft = (*other).clone();
                    focus = Some("swap".into());
                }
            }
            Edit::PutBack => match removed.take() {
                Some(Removed::Card(i, card)) => {
                    focus = Some(format!("card-{}-question", i.min(draft.cards.len())));
                    draft.restore_card(i, card);
                }
                Some(Removed::Topic(i, topic)) => {
                    focus = Some(format!("topic-{}-name", i.min(draft.topics.len())));
                    draft.restore_topic(i, topic);
                }
                None => {}
            },
            Edit::Load(other) => {
                removed = None;
                draft = other;
            }
        }
        Rc::new(EditorState {
            draft: Rc::new(draft),
            kept,
            removed,
            focus,
        })
    }
}

/// Where focus goes to fix a problem: its field, or the control that adds what is missing.
fn focus_target(field: Field) -> String {
    match field {
        Field::Deck("cards") => "add-card".into(),
        Field::Deck("topics") => "add-topic".into(),
        Field::Deck(_) | Field::Whole => "deck-title".into(),
        Field::Card(i, "id") => format!("card-{i}-question"),
        field => field_id(field),
    }
}

/// Says `text` in a live region, so that it is read out even when it repeats the last message.
pub(crate) fn say(region: &UseStateHandle<String>, text: String) {
    let text = if **region == text {
        format!("{text}\u{a0}")
    } else {
        text
    };
    region.set(text);
}

/// The id of a field's input, and of the problem shown beside it.
pub fn field_id(field: Field) -> String {
    match field {
        Field::Deck(f) => format!("deck-{f}"),
        Field::Topic(i, f) => format!("topic-{i}-{f}"),
        Field::Card(i, f) => format!("card-{i}-{f}"),
        Field::Whole => "deck-whole".into(),
    }
}

/// The problem shown beside `field`, if any: `(message, id of the message)`.
fn problem_of(problems: &[(Field, DeckError)], field: Field) -> Option<(String, String)> {
    problems.iter().find(|(f, _)| *f == field).map(|(_, e)| {
        (
            sentence(&e.to_string()),
            format!("{}-error", field_id(field)),
        )
    })
}

/// The validator's words start with "the deck" or "card 2" mid-sentence; here they start one.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A text input or area with its label, hint and problem.
fn text_field(
    field: Field,
    label: &str,
    value: &str,
    rows: Option<u32>,
    hint: Option<&str>,
    problems: &[(Field, DeckError)],
    oninput: Callback<String>,
) -> Html {
    let id = field_id(field);
    let problem = problem_of(problems, field);
    let hint_id = format!("{id}-hint");
    let described: Vec<String> = hint
        .map(|_| hint_id.clone())
        .into_iter()
        .chain(problem.as_ref().map(|(_, pid)| pid.clone()))
        .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = problem.is_some().then_some("true");
    let input = match rows {
        Some(rows) => {
            let oninput = oninput
                .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
            html! {
                <textarea id={id.clone()} rows={rows.to_string()} value={value.to_string()} {oninput}
                          aria-invalid={invalid} aria-describedby={described} />
            }
        }
        None => {
            let oninput = oninput
                .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
            html! {
                <input type="text" id={id.clone()} value={value.to_string()} {oninput}
                       spellcheck="false" autocomplete="off"
                       aria-invalid={invalid} aria-describedby={described} />
            }
        }
    };
    html! {
        <div class="field">
            <label for={id}>{label.to_string()}</label>
            {input}
            if let Some(hint) = hint {
                <p class="hint" id={hint_id}>{hint.to_string()}</p>
            }
            if let Some((message, pid)) = problem {
                <p class="field-error" id={pid}>{message}</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    index: usize,
    count: usize,
    card: DraftCard,
    /// (key, what the select shows) for each topic.
    topics: Rc<Vec<(u32, String)>>,
    problems: Rc<Vec<(Field, DeckError)>>,
    edit: Callback<Edit>,
}

#[function_component(CardEditor)]
fn card_editor(p: &CardProps) -> Html {
    let i = p.index;
    let c = &p.card;
    let set = |field: CardField| p.edit.reform(move |text| Edit::Card(i, field, text));
    let topic_field = Field::Card(i, "topic");
    let topic_problem = problem_of(&p.problems, topic_field);
    let on_topic = p.edit.reform(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Edit::Topic(i, value.parse().unwrap_or(0))
    });
    let on_difficulty = p.edit.reform(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Edit::Difficulty(i, Difficulty::parse(&value).unwrap_or(Difficulty::Medium))
    });
    let known_topic = p.topics.iter().any(|(key, _)| *key == c.topic);
    let difficulty_problem = problem_of(&p.problems, Field::Card(i, "difficulty"));
    let id_problem = problem_of(&p.problems, Field::Card(i, "id"));
    let number = i + 1;
    let edit = p.edit.clone();
    let up = edit.reform(move |_: MouseEvent| Edit::MoveCard(i, true));
    let down = edit.reform(move |_: MouseEvent| Edit::MoveCard(i, false));
    let remove = edit.reform(move |_: MouseEvent| Edit::RemoveCard(i));
    html! {
        <fieldset class="editor-card" id={format!("card-{i}")}>
            <legend>{format!("Card {number}")}<span class="card-id">{format!(" ({})", c.id)}</span></legend>
            if let Some((message, pid)) = id_problem {
                <p class="field-error" id={pid}>{message}</p>
            }
            {text_field(Field::Card(i, "question"), "Question", &c.question, Some(2), None, &p.problems, set(CardField::Question))}
            <div class="field-row">
                <div class="field">
                    <label for={format!("card-{i}-topic")}>{"Topic"}</label>
                    <select id={format!("card-{i}-topic")} onchange={on_topic}
                            aria-invalid={topic_problem.is_some().then_some("true")}
                            aria-describedby={topic_problem.as_ref().map(|(_, pid)| pid.clone())}>
                        if !known_topic {
                            <option value="0" selected=true>{"— choose a topic —"}</option>
                        }
                        { for p.topics.iter().map(|(key, label)| html! {
                            <option value={key.to_string()} selected={*key == c.topic}>{label.clone()}</option>
                        }) }
                    </select>
                    if let Some((message, pid)) = topic_problem {
                        <p class="field-error" id={pid}>{message}</p>
                    }
                </div>
                <div class="field">
                    <label for={format!("card-{i}-difficulty")}>{"Difficulty"}</label>
                    <select id={format!("card-{i}-difficulty")} onchange={on_difficulty}
                            aria-invalid={difficulty_problem.is_some().then_some("true")}
                            aria-describedby={difficulty_problem.as_ref().map(|(_, pid)| pid.clone())}>
                        { for Difficulty::ALL.iter().map(|d| html! {
                            <option value={d.as_str()} selected={*d == c.difficulty}>{d.label()}</option>
                        }) }
                    </select>
                    if let Some((message, pid)) = difficulty_problem {
                        <p class="field-error" id={pid}>{message}</p>
                    }
                </div>
            </div>
            <div class="answer-edit">
                {text_field(Field::Card(i, "answer"), "Answer (Markdown)", &c.answer, Some(6),
                    Some("Paragraphs, **bold**, `code`, lists (- or 1.) and ``` code blocks."),
                    &p.problems, set(CardField::Answer))}
                <section class="preview" aria-label={format!("Preview of card {number}'s answer")}>
                    <h4 class="preview-title" aria-hidden="true">{"Preview"}</h4>
                    <div class="card-answer">
                        if c.answer.trim().is_empty() {
                            <p class="hint">{"The answer shows here as learners will see it."}</p>
                        } else {
                            <Answer source={AttrValue::from(c.answer.clone())} />
                        }
                    </div>
                </section>
            </div>
            {text_field(Field::Card(i, "key_points"), "Key points (optional)", &c.key_points, Some(4),
                Some("One per line: 3 to 6 short phrases an interviewer listens for."),
                &p.problems, set(CardField::KeyPoints))}
            <div class="card-actions">
                <button type="button" id={format!("card-{i}-up")} onclick={up} disabled={i == 0}
                        aria-label={format!("Move card {number} up")}>{"Move up"}</button>
                <button type="button" id={format!("card-{i}-down")} onclick={down} disabled={i + 1 == p.count}
                        aria-label={format!("Move card {number} down")}>{"Move down"}</button>
                <button type="button" onclick={remove} aria-label={format!("Remove card {number}")}>{"Remove"}</button>
            </div>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The draft found in storage (or a new one) and what to tell the author about storage.
    pub kept: Rc<Kept>,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let state = use_reducer(|| EditorState {
        draft: Rc::new(props.kept.draft.clone()),
        kept: props.kept.previous().map(Rc::new),
        removed: None,
        focus: None,
    });
    // What the page says about where the draft is kept: from opening it, and from saving.
    let opened = use_state_eq(|| props.kept.notice.clone());
    let save_error = use_state_eq(|| None::<String>);
    // Set when another tab saved this draft: this tab saves nothing until the author chooses.
    let other_tab = use_state_eq(|| false);
    let announce = use_state(String::new);
    let theme = use_state(|| "auto".to_string());
    let draft = state.draft.clone();
    let problems = use_memo(draft.clone(), |d| Rc::new(d.problems()));
    let problems: Rc<Vec<(Field, DeckError)>> = (*problems).clone();

    // Every change is kept at once (unless another tab's version is waiting for a choice); a
    // failure says so, and the page keeps working.
    {
        let save_error = save_error.clone();
        let kept = props.kept.clone();
        let paused = *other_tab;
        use_effect_with((draft.clone(), paused), move |(d, paused)| {
            if !*paused {
                save_error.set(kept.save(d).err());
            }
        });
    }
    {
        let kept = props.kept.clone();
        let save_error = save_error.clone();
        use_effect_with(state.kept.clone(), move |previous| {
            if let Some(previous) = previous {
                if let Err(message) = kept.save_previous(previous) {
                    save_error.set(Some(message));
                }
            }
        });
    }
    // Another tab saving the same draft: stop saving here until the author chooses a version.
    {
        let other_tab = other_tab.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "storage", move |e| {
                    let key = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(e)
                        .and_then(|e| e.key());
                    if key.as_deref() == Some(store::DRAFT_KEY) {
                        other_tab.set(true);
                    }
                })
            });
            move || drop(listener)
        });
    }
    {
        let focus = state.focus.clone();
        use_effect_with(state.clone(), move |_| {
            if let Some(id) = focus {
                focus_element(&id);
            }
        });
    }

    // One callback for the page's life, so a card whose fields and problems did not change is
    // not drawn again on every keystroke (with thousands of cards, that was most of the wait).
    let edit: Callback<Edit> = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |e: Edit| dispatcher.dispatch(e))
        }))
        .clone()
    };
    let topics: Rc<Vec<(u32, String)>> = Rc::new(
        draft
            .topics
            .iter()
            .map(|t| {
                let label = if t.name.trim().is_empty() {
                    t.id.clone()
                } else {
                    t.name.clone()
                };
                (t.key, label)
            })
            .collect(),
    );

    let on_import = {
        let edit = edit.clone();
        let announce = announce.clone();
        Callback::from(move |e: Event| {
            let edit = edit.clone();
            let announce = announce.clone();
            let Some(file) = crate::components::data::picked(&e) else {
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let text = crate::platform::file::text(&file)
                    .await
                    .unwrap_or_else(|e| format!("unreadable file: {e}"));
                {
                    match parse_any(&text, &name) {
                        Ok(deck) => {
                            say(&announce, format!(
                                "Imported {name}: {}. The draft you had before is kept: swap back to it below.",
                                crate::words::plural(deck.cards.len(), "card", "cards")
                            ));
                            edit.emit(Edit::Imported(Draft::from_deck(&deck)));
                        }
                        Err(e) => say(
                            &announce,
                            format!(
                                "{name} could not be imported, and your draft is unchanged: {e}"
                            ),
                        ),
                    }
                }
            });
        })
    };
    let on_export = {
        let draft = draft.clone();
        let problems = problems.clone();
        let announce = announce.clone();
        Callback::from(move |_: MouseEvent| {
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
        })
    };
    let swap = edit.reform(|_: MouseEvent| Edit::Swap);
    let put_back = edit.reform(|_: MouseEvent| Edit::PutBack);
    let load_other = {
        let (kept, edit, other_tab, announce) = (
            props.kept.clone(),
            edit.clone(),
            other_tab.clone(),
            announce.clone(),
        );
        Callback::from(move |_: MouseEvent| match kept.reload() {
            Ok(other) => {
                edit.emit(Edit::Load(other));
                other_tab.set(false);
                say(&announce, "The other tab's version is here now.".into());
            }
            Err(message) => say(&announce, message),
        })
    };
    let keep_this = {
        let (kept, other_tab, announce) = (props.kept.clone(), other_tab.clone(), announce.clone());
        Callback::from(move |_: MouseEvent| match kept.set_aside_stored() {
            Ok(aside) => {
                other_tab.set(false);
                say(&announce, format!("This tab's version is kept; the other tab's is copied aside under \u{201c}{aside}\u{201d}."));
            }
            Err(message) => say(&announce, message),
        })
    };
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |e: Event| {
            theme.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let put_back_label = |what: &str| match &state.removed {
        Some(Removed::Card(i, _)) if what == "card" => Some(format!("Put card {} back", i + 1)),
        Some(Removed::Topic(i, t)) if what == "topic" => Some(if t.name.trim().is_empty() {
            format!("Put topic {} back", i + 1)
        } else {
            format!("Put the topic \u{201c}{}\u{201d} back", t.name)
        }),
        _ => None,
    };
    let kept_label = state.kept.as_ref().map(|k| {
        let title = if k.title.trim().is_empty() {
            "untitled"
        } else {
            k.title.as_str()
        };
        format!(
            "Swap with the kept draft (\u{201c}{title}\u{201d}, {}): this one is kept in its place",
            crate::words::plural(k.cards.len(), "card", "cards")
        )
    });
    let deck_problem = problem_of(&problems, Field::Deck("cards"));
    let topics_problem = problem_of(&problems, Field::Deck("topics"));
    let whole_problem = problem_of(&problems, Field::Whole);
    let count = draft.cards.len();
    // Each card gets only its own problems, so a problem elsewhere does not redraw it.
    let none: Rc<Vec<(Field, DeckError)>> = Rc::default();
    let mut card_problems = vec![none; count];
    for (field, error) in problems.iter() {
        if let Field::Card(i, _) = field {
            if let Some(slot) = card_problems.get_mut(*i) {
                Rc::make_mut(slot).push((*field, error.clone()));
            }
        }
    }

    html! {
        <main class="app editor" data-theme={(*theme != "auto").then(|| (*theme).clone())}>
            <header class="app-header">
                <h1>{"Deck editor"}</h1>
                <div class="field theme-field">
                    <label for="editor-theme">{"Theme"}</label>
                    <select id="editor-theme" onchange={on_theme}>
                        <option value="auto" selected={*theme == "auto"}>{"System"}</option>
                        <option value="light" selected={*theme == "light"}>{"Light"}</option>
                        <option value="dark" selected={*theme == "dark"}>{"Dark"}</option>
                    </select>
                </div>
            </header>
            <p class="intro">{"Write a deck for the practice widget, check it, export it as a file, and build the snippet that embeds it. "}
                {"Your draft is kept in this browser as you type; nothing is sent anywhere."}</p>
            if let Some(message) = (*opened).clone() {
                <p class="notice" role="alert">{message}</p>
            }
            if let Some(message) = (*save_error).clone() {
                <p class="notice" role="alert">{message}</p>
            }
            if *other_tab {
                <div class="notice" role="alert">
                    <p>{"This draft was just saved in another tab. This tab has stopped saving until you choose which version to keep."}</p>
                    <div class="notice-actions">
                        <button type="button" onclick={load_other}>{"Load the other tab's version"}</button>
                        <button type="button" onclick={keep_this}>{"Keep this tab's version"}</button>
                    </div>
                </div>
            }
            <p class="sr-only" role="status" aria-live="polite">{(*announce).clone()}</p>

            <section aria-labelledby="deck-heading">
                <h2 id="deck-heading">{"Deck"}</h2>
                {text_field(Field::Deck("title"), "Title", &draft.title, None, None, &problems, edit.reform(Edit::Title))}
                {text_field(Field::Deck("id"), "Deck id", &draft.id, None,
                    Some("Learners' progress is saved under this id: keep it once the deck is in use."),
                    &problems, edit.reform(Edit::Id))}
                if let Some((message, pid)) = whole_problem {
                    <p class="field-error" id={pid}>{message}</p>
                }
            </section>

            <section aria-labelledby="topics-heading">
                <h2 id="topics-heading">{"Topics"}</h2>
                if let Some((message, pid)) = topics_problem {
                    <p class="field-error" id={pid}>{message}</p>
                }
                <ol class="topic-list">
                    { for draft.topics.iter().enumerate().map(|(i, t)| {
                        let remove = edit.reform(move |_: MouseEvent| Edit::RemoveTopic(i));
                        html! {
                            <li key={i}>
                                <fieldset>
                                    <legend>{format!("Topic {}", i + 1)}</legend>
                                    <div class="field-row">
                                        {text_field(Field::Topic(i, "name"), "Name", &t.name, None, None, &problems,
                                            edit.reform(move |name| Edit::TopicName(i, name)))}
                                        {text_field(Field::Topic(i, "id"), "Id (in links: ?topic=…)", &t.id, None, None, &problems,
                                            edit.reform(move |id| Edit::TopicId(i, id)))}
                                    </div>
                                    <button type="button" onclick={remove}
                                            aria-label={format!("Remove topic {}", i + 1)}>{"Remove"}</button>
                                </fieldset>
                            </li>
                        }
                    }) }
                </ol>
                if let Some(label) = put_back_label("topic") {
                    <button type="button" id="put-back-topic" onclick={put_back.clone()}>{label}</button>
                }
                <button type="button" id="add-topic" onclick={edit.reform(|_: MouseEvent| Edit::AddTopic)}>{"Add a topic"}</button>
            </section>

            <section aria-labelledby="cards-heading">
                <h2 id="cards-heading">{format!("Cards ({count})")}</h2>
                if let Some((message, pid)) = deck_problem {
                    <p class="field-error" id={pid}>{message}</p>
                }
                // Keyed by position: ids could repeat in an edited draft (a problem shown beside them).
                { for draft.cards.iter().zip(card_problems).enumerate().map(|(i, (c, problems))| html! {
                    <CardEditor key={i} index={i} count={count} card={c.clone()}
                                topics={topics.clone()} {problems} edit={edit.clone()} />
                }) }
                if let Some(label) = put_back_label("card") {
                    <button type="button" id="put-back-card" onclick={put_back}>{label}</button>
                }
                <button type="button" id="add-card" class="primary" onclick={edit.reform(|_: MouseEvent| Edit::AddCard)}>{"Add a card"}</button>
            </section>

            <section aria-labelledby="files-heading">
                <h2 id="files-heading">{"Import and export"}</h2>
                <div class="field">
                    <label for="import-file">{"Import a deck file (JSON, or TSV/CSV from Anki or Quizlet): it replaces the draft, which is kept to swap back to"}</label>
                    <input type="file" id="import-file" accept=".json,.tsv,.csv,.txt,application/json,text/plain,text/csv,text/tab-separated-values" onchange={on_import} />
                </div>
                if let Some(label) = kept_label {
                    <p><button type="button" id="swap" onclick={swap}>{label}</button></p>
                }
                <p id="export-status" class={if problems.is_empty() { "hint" } else { "field-error" }}>
                    { if problems.is_empty() {
                        format!("Ready: {} that the widget opens.", crate::words::plural(count, "card", "cards"))
                    } else {
                        format!("{} to fix before export.", crate::words::plural(problems.len(), "problem", "problems"))
                    } }
                </p>
                <button type="button" id="export" class="primary" onclick={on_export} aria-describedby="export-status">{"Export deck JSON"}</button>
            </section>

            <builder::Builder draft={draft.clone()} valid={problems.is_empty()} />
        </main>
    }
}
