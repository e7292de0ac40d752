//! The root component: loads the bundled deck and saved progress once, then renders the state
//! and turns clicks and keys into actions. Saving is an effect of the state's revision.

use crate::app::state::{Action, State};
use crate::components::card::CardView;
use crate::components::notice::NoticeBanner;
use crate::core::deck::{parse_deck, Deck, DeckError};
use crate::core::store::{open_progress, save_progress, MemoryStore, Notice, Store};
use crate::platform::clock::{mark, now_ms};
use crate::platform::storage::LocalStore;
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The deck shipped with the app; the same file is copied to `dist/deck.json`.
pub const BUNDLED_DECK: &str = include_str!("../../data/deck.json");

/// Opens localStorage, falling back to memory with a notice when the browser refuses.
fn open_store() -> (Rc<dyn Store>, Option<Notice>) {
    match LocalStore::open() {
        Ok(store) => (Rc::new(store), None),
        Err(e) => (
            Rc::new(MemoryStore::default()),
            Some(Notice::NotSaved {
                reason: e.to_string(),
            }),
        ),
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let deck = use_memo((), |_| parse_deck(BUNDLED_DECK).map(Rc::new));
    match &*deck {
        Ok(deck) => html! { <Practice deck={DeckHandle(deck.clone())} /> },
        Err(e) => html! { <DeckProblem error={e.clone()} /> },
    }
}

/// Compares decks by identity: a deck never changes once loaded, and comparing 10,000 cards
/// on every render would be waste.
#[derive(Clone)]
pub struct DeckHandle(pub Rc<Deck>);

impl PartialEq for DeckHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
struct DeckProblemProps {
    error: DeckError,
}

#[function_component(DeckProblem)]
fn deck_problem(props: &DeckProblemProps) -> Html {
    html! {
        <main class="app">
            <div class="notice error" role="alert">
                <h1>{"This deck cannot be opened"}</h1>
                <p>{props.error.to_string()}</p>
            </div>
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct PracticeProps {
    pub deck: DeckHandle,
}

/// What the focused element would do with a key itself: buttons and links take Space/Enter,
/// text fields take every key.
#[derive(PartialEq)]
enum Focus {
    Page,
    Control,
    TextField,
}

fn focus_of(target: Option<web_sys::EventTarget>) -> Focus {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return Focus::Page;
    };
    if matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.closest("[contenteditable]").ok().flatten().is_some()
    {
        Focus::TextField
    } else if matches!(el.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY") {
        Focus::Control
    } else {
        Focus::Page
    }
}

#[function_component(Practice)]
pub fn practice(props: &PracticeProps) -> Html {
    let store = use_memo((), |_| open_store());
    let state = {
        let deck = props.deck.0.clone();
        let (store, store_notice) = (store.0.clone(), store.1.clone());
        use_reducer(move || {
            let mut opened = open_progress(store.as_ref(), &deck.id, now_ms());
            if store_notice.is_some() {
                opened.notice = store_notice;
            }
            State::new(deck, opened, now_ms())
        })
    };

    // Save after every change of progress.
    {
        let store = store.0.clone();
        let dispatcher = state.dispatcher();
        let progress = state.progress.clone();
        let writable = state.writable;
        use_effect_with(state.revision, move |_| {
            if writable {
                if let Err(notice) = save_progress(store.as_ref(), &progress) {
                    dispatcher.dispatch(Action::SaveFailed(notice));
                }
            }
        });
    }

    use_effect_with((), |_| mark("first-card"));

    // Keyboard: Space/Enter flip unless a control has focus (it handles them itself); arrows
    // move unless a text field has focus.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new_with_options(
                    &window,
                    "keydown",
                    // Not passive: Space must not also scroll the page.
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        if event.ctrl_key() || event.meta_key() || event.alt_key() {
                            return;
                        }
                        let focus = focus_of(event.target());
                        if focus == Focus::TextField {
                            return;
                        }
                        let action = match event.key().as_str() {
                            " " | "Enter" if focus == Focus::Page => Action::Flip,
                            "ArrowRight" => Action::Next { now_ms: now_ms() },
                            "ArrowLeft" => Action::Previous { now_ms: now_ms() },
                            _ => return,
                        };
                        event.prevent_default();
                        dispatcher.dispatch(action);
                    },
                )
            });
            move || drop(listener)
        });
    }

    let flip = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Flip))
    };
    let next = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Next { now_ms: now_ms() }))
    };
    let previous = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Previous { now_ms: now_ms() }))
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissNotice))
    };

    let deck = &state.deck;
    let total = state.session.len();
    let card = match state.current_card() {
        Some(card) => html! {
            <CardView card={card.clone()} topic={AttrValue::from(deck.topic_name(&card.topic).to_string())}
                      flipped={state.session.is_flipped()} on_flip={flip.clone()} />
        },
        None => html! { <p>{"This deck has no cards."}</p> },
    };
    let flip_label = if state.session.is_flipped() {
        "Show question"
    } else {
        "Show answer"
    };
    html! {
        <main class="app">
            <header class="app-header">
                <h1>{deck.title.clone()}</h1>
                <p class="progress-summary" data-testid="seen-count">
                    {format!("Seen {} of {} cards", seen_in_deck(&state), total)}
                </p>
            </header>
            if let Some(notice) = state.notice.clone() {
                <NoticeBanner {notice} on_dismiss={dismiss} />
            }
            {card}
            <nav class="controls" aria-label="Card controls">
                <button type="button" onclick={previous} aria-keyshortcuts="ArrowLeft">{"Previous"}</button>
                <button type="button" class="primary" onclick={flip.reform(|_: MouseEvent| ())}
                        aria-pressed={state.session.is_flipped().to_string()}
                        aria-keyshortcuts="Space Enter">{flip_label}</button>
                <button type="button" onclick={next} aria-keyshortcuts="ArrowRight">{"Next"}</button>
            </nav>
            <p class="position" data-testid="position" aria-live="polite">
                {format!("Card {} of {}", state.session.position() + 1, total)}
            </p>
        </main>
    }
}

fn seen_in_deck(state: &State) -> usize {
    state
        .deck
        .cards
        .iter()
        .filter(|c| state.progress.is_seen(&c.id))
        .count()
}
