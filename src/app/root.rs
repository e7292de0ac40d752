//! The root component: loads the bundled deck and saved progress once, then renders the state
//! and turns clicks, keys, timer ticks and URL changes into actions. Saving is an effect of the
//! state's revision; the URL is an effect of the filter, mode and view.

use crate::app::state::{Action, Mode, Preset, State, View};
use crate::components::card::CardView;
use crate::components::data::DataPanel;
use crate::components::filters::Filters;
use crate::components::grade::GradeButtons;
use crate::components::help::Help;
use crate::components::ids::Ids;
use crate::components::mock::MockView;
use crate::components::notice::NoticeBanner;
use crate::components::stats::StatsView;
use crate::core::deck::{parse_deck, valid_id, Deck};
use crate::core::filter::Filter;
use crate::core::import::{parse_any, MAX_DECK_BYTES};
use crate::core::mock::Phase;
use crate::core::progress::{covers, parse_import, parse_progress, Progress};
use crate::core::schedule::Rating;
use crate::core::stats;
use crate::core::store::{
    open_progress, progress_key, recent_key, save_changes, save_progress, Fingerprint, MemoryStore,
    Notice, Store,
};
use crate::platform::clock::{mark, now_ms, utc_offset_minutes};
use crate::platform::config::{Config, DeckSource};
use crate::platform::download::download_text;
use crate::platform::fetch::fetch_text;
use crate::platform::storage::LocalStore;
use crate::platform::url::{query_pairs, set_query};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::{Interval, Timeout};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The deck shipped with the app: `data/deck.json` as `build.rs` prepares it (no `sources`, no
/// whitespace). The full file is copied to `dist/deck.json`.
pub const BUNDLED_DECK: &str = include_str!(concat!(env!("OUT_DIR"), "/deck.json"));

/// The bundled deck's id (its progress key depends on it).
const BUNDLED_DECK_ID: &str = "backend-interview";

/// Query parameters this app reads and writes; others in the URL are left alone.
const OWNED_PARAMS: [&str; 6] = ["topic", "difficulty", "status", "q", "mode", "view"];

/// Query parameters the app writes to its URL.
type Query = Vec<(&'static str, String)>;

/// How long typing in the search box pauses before the URL is updated.
const URL_TYPING_PAUSE_MS: u32 = 300;
// `instance` is read but never rewritten: it names the widget, not the view.

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

/// Reads the filter, mode, view and instance from preset parameters (the page URL or a host
/// element's attributes); bad values are skipped with a console warning, never a crash.
fn preset_from_pairs(pairs: &[(String, String)], deck: &Deck) -> Preset {
    let (filter, mut warnings) = Filter::from_query(pairs, deck);
    let mut preset = Preset {
        filter,
        ..Preset::default()
    };
    for (key, value) in pairs {
        match key.as_str() {
            // "practice", "review" and "mock" are the names an embedding author would use.
            "mode" => match value.as_str() {
                "mock" => preset.view = Some(View::Mock),
                "practice" => preset.mode = Some(Mode::All),
                "review" => preset.mode = Some(Mode::Due),
                other => match Mode::parse(other) {
                    Some(m) => preset.mode = Some(m),
                    None => warnings.push(format!("ignored unknown mode {value:?}")),
                },
            },
            "view" => match View::parse(value) {
                Some(v) => preset.view = Some(v),
                None => warnings.push(format!("ignored unknown view {value:?}")),
            },
            "instance" => {
                if valid_id(value) {
                    preset.instance = Some(value.clone());
                } else {
                    warnings.push(format!("ignored malformed instance name {value:?}"));
                }
            }
            "theme" if Theme::parse(value).is_none() => {
                warnings.push(format!("ignored unknown theme {value:?}"))
            }
            "layout" if value != "embed" && value != "full" => {
                warnings.push(format!("ignored unknown layout {value:?}"))
            }
            _ => {}
        }
    }
    for w in warnings {
        gloo::console::warn!(format!("interview-cards: {w}"));
    }
    preset
}

/// Light, dark, or whatever the system prefers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    fn parse(s: &str) -> Option<Self> {
        match s {
            "auto" => Some(Self::Auto),
            "light" => Some(Self::Light),
            "dark" => Some(Self::Dark),
            _ => None,
        }
    }
    fn attr(self) -> Option<&'static str> {
        match self {
            Self::Auto => None,
            Self::Light => Some("light"),
            Self::Dark => Some("dark"),
        }
    }
    fn next(self) -> Self {
        match self {
            Self::Auto => Self::Light,
            Self::Light => Self::Dark,
            Self::Dark => Self::Auto,
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Auto => "Theme: system",
            Self::Light => "Theme: light",
            Self::Dark => "Theme: dark",
        }
    }
}

fn preset_to_query(state: &State) -> Query {
    let mut q = state.filter.to_query();
    if state.mode != Mode::All {
        q.push(("mode", state.mode.as_str().to_string()));
    }
    if state.view != View::Practice {
        q.push(("view", state.view.as_str().to_string()));
    }
    q
}

/// How the widget starts; compared by identity (a config never changes once mounted).
#[derive(Properties, Clone, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub config: Rc<Config>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.config, &other.config)
    }
}

#[derive(Clone, PartialEq)]
enum Loaded {
    Loading,
    Ready(DeckHandle),
    Failed(String),
}

fn load_now(source: &DeckSource) -> Option<Loaded> {
    let result = match source {
        DeckSource::Bundled => parse_deck(BUNDLED_DECK).map_err(|e| e.to_string()),
        DeckSource::Text { text, name } => parse_any(text, name),
        DeckSource::Url(_) => return None,
    };
    mark("deck-parsed");
    Some(Loaded::from(result))
}

impl From<Result<Deck, String>> for Loaded {
    fn from(result: Result<Deck, String>) -> Self {
        match result {
            Ok(deck) => Loaded::Ready(DeckHandle(Rc::new(deck))),
            Err(message) => Loaded::Failed(message),
        }
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = props.config.clone();
    let source = use_state(|| config.deck.clone());
    // A deck at hand (the bundled one, an inline one) is parsed for the very first render, so
    // the first card does not wait for a "loading" render and an effect.
    let first = use_mut_ref(|| true);
    let loaded = {
        let deck = config.deck.clone();
        use_state(move || load_now(&deck).unwrap_or(Loaded::Loading))
    };
    {
        let loaded = loaded.clone();
        use_effect_with((*source).clone(), move |source| {
            // The first deck, unless it is fetched, was read for the first render already.
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            if first && !matches!(source, DeckSource::Url(_)) {
                return;
            }
            match load_now(source) {
                Some(now) => loaded.set(now),
                None => {
                    loaded.set(Loaded::Loading);
                    if let DeckSource::Url(url) = source.clone() {
                        wasm_bindgen_futures::spawn_local(async move {
                            let result = fetch_text(&url, MAX_DECK_BYTES)
                                .await
                                .and_then(|text| parse_any(&text, &url));
                            loaded.set(Loaded::from(result));
                        });
                    }
                }
            }
        });
    }
    let on_open_deck = {
        let source = source.clone();
        Callback::from(move |next: DeckSource| source.set(next))
    };
    let body = match &*loaded {
        Loaded::Loading => html! { <p class="loading" role="status">{"Loading the deck…"}</p> },
        Loaded::Ready(deck) => html! {
            <Widget key={deck.0.id.clone()} deck={deck.clone()} config={props.config.clone()} {on_open_deck} />
        },
        Loaded::Failed(message) => {
            let builtin = on_open_deck.reform(|_: MouseEvent| DeckSource::Bundled);
            let (tag, heading) = if config.standalone {
                ("main", "h1")
            } else {
                ("section", "h2")
            };
            html! {
                <@{tag} class="app" aria-label="Interview practice">
                    <div class="notice error" role="alert" data-testid="deck-error">
                        <@{heading}>{"This deck cannot be opened"}</@>
                        <p>{message.clone()}</p>
                        if *source != DeckSource::Bundled {
                            <button type="button" onclick={builtin}>{"Practise the built-in deck instead"}</button>
                        }
                    </div>
                </@>
            }
        }
    };
    html! {
        <ContextProvider<Ids> context={Ids(Rc::from(config.ids.as_str()))}>
            {body}
        </ContextProvider<Ids>>
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
pub struct WidgetProps {
    pub deck: DeckHandle,
    pub config: Rc<Config>,
    /// Switch to another deck (a file the learner picked, or back to the built-in one).
    pub on_open_deck: Callback<DeckSource>,
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
    let text_input = el.tag_name() == "INPUT"
        && !matches!(
            el.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "file" | "button" | "submit" | "reset" | "range" | "color")
        );
    if text_input
        || matches!(el.tag_name().as_str(), "TEXTAREA" | "SELECT")
        || el.closest("[contenteditable]").ok().flatten().is_some()
    {
        Focus::TextField
    } else if matches!(el.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY" | "INPUT") {
        Focus::Control
    } else {
        Focus::Page
    }
}

fn focus_element(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// True when nothing in particular has focus (it fell back to the body, for example because
/// the focused button was removed from the page).
fn focus_is_lost() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .map(|d| match (d.active_element(), d.body()) {
            (None, _) => true,
            (Some(active), Some(body)) => active == *body.unchecked_ref::<web_sys::Element>(),
            _ => false,
        })
        .unwrap_or(false)
}

/// The view a key acts on, mirrored outside the reducer for the window's key listener.
#[derive(Clone, Copy, PartialEq)]
struct KeyContext {
    view: View,
    mock_asking: bool,
    mock_revealed: bool,
    help_open: bool,
}

fn key_action(key: &str, ctx: KeyContext, focus: &Focus) -> Option<Action> {
    let now_ms = now_ms();
    if ctx.help_open {
        return matches!(key, "Escape" | "?").then_some(Action::CloseHelp);
    }
    let rating = match key {
        "1" => Some(Rating::Again),
        "2" => Some(Rating::Hard),
        "3" => Some(Rating::Good),
        "4" => Some(Rating::Easy),
        _ => None,
    };
    match (key, ctx.view) {
        ("?", _) => Some(Action::ToggleHelp),
        ("p", _) => Some(Action::ShowView(View::Practice)),
        ("m", _) => Some(Action::ShowView(View::Mock)),
        ("t", _) => Some(Action::ShowView(View::Stats)),
        (" " | "Enter", View::Practice) if *focus == Focus::Page => Some(Action::Flip),
        (" " | "Enter", View::Mock) if *focus == Focus::Page && ctx.mock_asking => {
            Some(Action::MockReveal { now_ms })
        }
        ("ArrowRight", View::Practice) => Some(Action::Next { now_ms }),
        ("ArrowLeft", View::Practice) => Some(Action::Previous { now_ms }),
        (_, View::Practice) => rating.map(|rating| Action::Grade { rating, now_ms }),
        (_, View::Mock) if ctx.mock_revealed => {
            rating.map(|rating| Action::MockGrade { rating, now_ms })
        }
        _ => None,
    }
}

#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let store = use_memo((), |_| open_store());
    let preset = {
        let (deck, config) = (props.deck.0.clone(), props.config.clone());
        use_memo((), move |_| preset_from_pairs(&config.pairs, &deck))
    };
    let key: Rc<str> = {
        let (deck, instance) = (props.deck.0.id.clone(), preset.instance.clone());
        (*use_memo((), move |_| -> Rc<str> {
            Rc::from(progress_key(instance.as_deref(), &deck))
        }))
        .clone()
    };
    let state = {
        let deck = props.deck.0.clone();
        let (store, store_notice) = (store.0.clone(), store.1.clone());
        let (preset, key) = ((*preset).clone(), key.clone());
        use_reducer(move || {
            let now = now_ms();
            let mut opened = open_progress(store.as_ref(), &key, &deck.id, now);
            if store_notice.is_some() {
                opened.notice = store_notice;
            }
            let state = State::new(deck, opened, preset, now);
            mark("state-ready");
            state
        })
    };

    // What this widget put into the recent-changes value since the last whole save, to notice
    // when another tab's write crossed ours and dropped it.
    let mine = {
        let deck = props.deck.0.id.clone();
        use_mut_ref(move || Progress::new(&deck))
    };

    // Save after every change of progress.
    {
        let store = store.0.clone();
        let dispatcher = state.dispatcher();
        // An Rc clone: the effect reads this render's progress without copying it.
        let progress = state.progress.clone();
        let (writable, unsaved) = (state.writable, state.unsaved.clone());
        let (key, mine) = (key.clone(), mine.clone());
        let last_written = use_mut_ref(|| None::<Fingerprint>);
        use_effect_with(state.revision, move |_| {
            if !writable {
                return;
            }
            let pending = std::mem::take(&mut *unsaved.borrow_mut());
            let known = *last_written.borrow();
            let result = if pending.all {
                save_progress(store.as_ref(), &key, &progress, now_ms(), known)
            } else {
                save_changes(
                    store.as_ref(),
                    &key,
                    &progress,
                    &pending.cards,
                    now_ms(),
                    known,
                )
            };
            match result {
                Ok(saved) => {
                    let mut mine = mine.borrow_mut();
                    if let Some(written) = saved.written {
                        // A whole save: everything is in the progress key.
                        *last_written.borrow_mut() = Some(written);
                        mine.cards.clear();
                    } else {
                        for id in &pending.cards {
                            if let Some(card) = progress.cards.get(id.as_str()) {
                                mine.cards.insert(Rc::from(id.as_str()), card.clone());
                            }
                        }
                    }
                    if saved.trimmed > 0 {
                        dispatcher.dispatch(Action::SaveNotice(Notice::Trimmed {
                            entries: saved.trimmed,
                        }));
                    }
                    if let Some(merged) = saved.merged {
                        dispatcher.dispatch(Action::Adopt(merged));
                    }
                }
                Err(notice) => {
                    // Keep the changes for the next attempt.
                    let mut unsaved = unsaved.borrow_mut();
                    unsaved.all |= pending.all;
                    unsaved.cards.extend(pending.cards);
                    dispatcher.dispatch(Action::SaveNotice(notice));
                }
            }
        });
    }

    // Another tab saved: merge its progress in. If its write to the recent-changes value
    // dropped what this widget had put there, save everything again.
    {
        let dispatcher = state.dispatcher();
        let deck_id = props.deck.0.id.clone();
        let key = key.clone();
        let recent = recent_key(&key);
        let mine = mine.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "storage", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    let Some(changed) = event.key() else {
                        return;
                    };
                    if changed != *key && changed != recent {
                        return;
                    }
                    let incoming = event
                        .new_value()
                        .and_then(|raw| parse_progress(&raw, &deck_id).ok());
                    if changed == recent {
                        let empty = Progress::new(&deck_id);
                        if !covers(incoming.as_ref().unwrap_or(&empty), &mine.borrow()) {
                            dispatcher.dispatch(Action::SaveAll);
                        }
                    }
                    if let Some(progress) = incoming {
                        dispatcher.dispatch(Action::Adopt(progress));
                    }
                })
            });
            move || drop(listener)
        });
    }

    let theme = {
        let initial = props
            .config
            .param("theme")
            .and_then(Theme::parse)
            .unwrap_or(Theme::Auto);
        use_state(move || initial)
    };
    let standalone = props.config.standalone;
    // Keep the URL in step (on the app's own page only; a host page's URL is not ours): a new
    // history entry per facet, mode or view change; typing in the search box replaces the
    // entry instead of flooding history, once typing pauses (rewriting the URL costs about a
    // millisecond, too much for every keystroke).
    let pending_url = use_mut_ref(|| None::<(Query, Timeout)>);
    {
        let query = preset_to_query(&state);
        let text = state.filter.text.clone();
        let last_text = use_mut_ref(|| None::<String>);
        let pending = pending_url.clone();
        use_effect_with(query, move |query| {
            if !standalone {
                return;
            }
            let mut last = last_text.borrow_mut();
            let typed = last.as_ref().is_some_and(|t| *t != text);
            if typed {
                let (query, slot) = (query.clone(), pending.clone());
                let timeout = Timeout::new(URL_TYPING_PAUSE_MS, move || {
                    if let Some((query, _)) = slot.borrow_mut().take() {
                        set_query(&query, &OWNED_PARAMS, false);
                    }
                });
                *pending.borrow_mut() = Some((query, timeout));
            } else {
                // The entry being left keeps the search as last typed.
                if let Some((typed, _)) = pending.borrow_mut().take() {
                    set_query(&typed, &OWNED_PARAMS, false);
                }
                set_query(query, &OWNED_PARAMS, last.is_some());
            }
            *last = Some(text);
        });
    }

    // Back/forward: the URL is the truth, so read it again.
    {
        let dispatcher = state.dispatcher();
        let deck = props.deck.0.clone();
        let pending = pending_url.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().filter(|_| standalone).map(|window| {
                EventListener::new(&window, "popstate", move |_| {
                    // A search not yet written to the URL must not overwrite the entry the
                    // learner went to.
                    pending.borrow_mut().take();
                    let preset = preset_from_pairs(&query_pairs(), &deck);
                    let now_ms = now_ms();
                    dispatcher.dispatch(Action::SetFilter {
                        filter: preset.filter,
                        now_ms,
                    });
                    dispatcher.dispatch(Action::SetMode {
                        mode: preset.mode.unwrap_or(Mode::All),
                        now_ms,
                    });
                    dispatcher.dispatch(Action::ShowView(preset.view.unwrap_or(View::Practice)));
                })
            });
            move || drop(listener)
        });
    }

    // Keyboard shortcuts, read against the latest view.
    let key_context = KeyContext {
        view: state.view,
        mock_asking: matches!(
            state.mock.as_ref().map(|m| &m.phase),
            Some(Phase::Asking { .. })
        ),
        mock_revealed: matches!(
            state.mock.as_ref().map(|m| &m.phase),
            Some(Phase::Revealed { .. })
        ),
        help_open: state.help_open,
    };
    let key_context_cell = use_mut_ref(|| Cell::new(key_context));
    key_context_cell.borrow().set(key_context);
    // On its own page the app takes keys from the whole window; on a host page only from
    // inside the widget, so two widgets (or the host) never react to each other's keys.
    let root = use_node_ref();
    {
        let dispatcher = state.dispatcher();
        let ctx = key_context_cell.clone();
        let ids = props.config.ids.clone();
        let root = root.clone();
        use_effect_with((), move |_| {
            let target: Option<web_sys::EventTarget> = if standalone {
                web_sys::window().map(Into::into)
            } else {
                root.cast::<web_sys::Element>().map(Into::into)
            };
            let listener = target.map(|target| {
                EventListener::new_with_options(
                    &target,
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
                            if event.key() == "Escape" {
                                dispatcher.dispatch(Action::CloseHelp);
                            }
                            return;
                        }
                        if event.key() == "/" {
                            event.prevent_default();
                            focus_element(&format!("{ids}f-search"));
                            return;
                        }
                        let Some(action) = key_action(&event.key(), ctx.borrow().get(), &focus)
                        else {
                            return;
                        };
                        event.prevent_default();
                        dispatcher.dispatch(action);
                    },
                )
            });
            move || drop(listener)
        });
    }

    // Declared after the key listener so that, once the mark exists, the keys work too
    // (effects run in declaration order). Benchmarks and tests wait for it.
    {
        let root = root.clone();
        let index = state.index.clone();
        use_effect_with((), move |_| {
            mark("first-card");
            if let Some(el) = root.cast::<web_sys::Element>() {
                let _ = el.set_attribute("data-ready", "");
            }
            // With the card on screen, prepare search (lower-cased text of every card) while
            // the learner reads it.
            Timeout::new(0, move || index.warm()).forget();
        });
    }

    // The mock interview's clock ticks only while a question is being asked.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(key_context.mock_asking, move |asking| {
            let interval = asking.then(|| {
                Interval::new(250, move || {
                    dispatcher.dispatch(Action::MockTick { now_ms: now_ms() })
                })
            });
            move || drop(interval)
        });
    }

    // When the focused control disappears (a grade button after grading), put focus back on
    // the card's main button instead of leaving it on the page body. Never on the first render:
    // taking focus on load would scroll a host page to an embedded widget.
    {
        let position = (state.session.position(), state.session.len(), state.view);
        let mock_position = state.mock.as_ref().map(|m| (m.position, m.is_finished()));
        let primary = format!("{}primary-action", props.config.ids);
        let first = use_mut_ref(|| true);
        use_effect_with((position, mock_position), move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if focus_is_lost() {
                focus_element(&primary);
            }
        });
    }

    let on_filter = send(&state, |filter, now_ms| Action::SetFilter {
        filter,
        now_ms,
    });
    let on_grade = send(&state, |rating, now_ms| Action::Grade { rating, now_ms });
    let flip = send(&state, |(), _| Action::Flip);
    let dismiss = send(&state, |(), _| Action::DismissNotice);
    let show = |view: View| send(&state, move |_: MouseEvent, _| Action::ShowView(view));
    let help = send(&state, |_: MouseEvent, _| Action::ToggleHelp);
    let close_help = send(&state, |(), _| Action::CloseHelp);

    let export = {
        let state = state.clone();
        Callback::from(move |_| {
            let name = format!("interview-cards-{}-progress.json", state.deck.id);
            if let Err(e) = download_text(&name, &state.progress.to_json()) {
                gloo::console::error!(format!("export failed: {e}"));
            }
        })
    };
    let deck = &state.deck;
    let tab = |view: View, label: &str| {
        let current = state.view == view;
        html! {
            <button type="button" class={classes!("tab", current.then_some("current"))}
                    aria-current={current.then_some("page")} onclick={show(view)}>{label.to_string()}</button>
        }
    };
    let body = match state.view {
        View::Practice => practice_body(&props.config.ids, &state, on_filter, on_grade, flip),
        View::Mock => {
            let on_start = send(&state, |(count, seconds), now_ms| Action::StartMock {
                count,
                seconds,
                seed: now_ms as u64,
                now_ms,
            });
            let on_reveal = send(&state, |(), now_ms| Action::MockReveal { now_ms });
            let on_mock_grade = send(&state, |rating, now_ms| Action::MockGrade {
                rating,
                now_ms,
            });
            let on_weak = send(&state, |(), now_ms| Action::PractiseWeak { now_ms });
            let on_end = send(&state, |(), _| Action::EndMock);
            let preview = state
                .mock
                .as_ref()
                .and_then(|m| m.current())
                .map(|i| {
                    state
                        .scheduler
                        .preview(state.progress.memory(&deck.cards[i].id), now_ms())
                })
                .unwrap_or_else(|| state.scheduler.preview(None, now_ms()));
            html! {
                <MockView deck={props.deck.clone()} mock={state.mock.clone()}
                          pool_size={state.counts.total} now_ms={now_ms()} {preview}
                          {on_start} {on_reveal} on_grade={on_mock_grade}
                          on_practise_weak={on_weak} {on_end} />
            }
        }
        View::Stats => {
            let s = stats::compute(deck, &state.progress, now_ms(), utc_offset_minutes());
            let deck_id = deck.id.clone();
            let on_import_text = send(&state, move |text: String, _| {
                Action::ImportRead(parse_import(&text, &deck_id))
            });
            let on_reset = send(&state, |(), now_ms| Action::Reset { now_ms });
            let on_undo_reset = send(&state, |(), now_ms| Action::UndoReset { now_ms });
            html! {
                <>
                    <StatsView stats={Rc::new(s)} />
                    <DataPanel saved_here={state.writable && !matches!(state.notice, Some(Notice::NotSaved { .. }))}
                               reviews={state.progress.review_count()}
                               import={state.import.as_ref().map(|(_, p)| p.clone())}
                               import_error={state.import_error.clone().map(AttrValue::from)}
                               can_undo_reset={state.can_undo_reset}
                               on_export={export.clone()} {on_import_text}
                               on_import_confirm={send(&state, |(), _| Action::ConfirmImport)}
                               on_import_cancel={send(&state, |(), _| Action::CancelImport)}
                               {on_reset} {on_undo_reset}
                               on_deck_file={props.on_open_deck.reform(|(text, name)| DeckSource::Text { text, name })}
                               on_builtin_deck={(props.deck.0.id != BUNDLED_DECK_ID).then(|| props.on_open_deck.reform(|_| DeckSource::Bundled))} />
                </>
            }
        }
    };
    let embed = props.config.param("layout") == Some("embed");
    let toggle_theme = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| theme.set(theme.next()))
    };
    // A host page gets a labelled region, not a second <main> landmark.
    let tag = if standalone { "main" } else { "section" };
    // Several widgets may share a page (even with one deck): the number keeps names unique.
    // Labelled, so that in an iframe it stays distinct from the host page's own <main>.
    let label = if standalone {
        deck.title.clone()
    } else {
        let n = props
            .config
            .ids
            .trim_start_matches("ic")
            .trim_end_matches('-');
        format!("Interview practice {n}: {}", deck.title)
    };
    html! {
        <@{tag} class={classes!("app", embed.then_some("embed"))} ref={root} aria-label={label}
                data-theme={theme.attr()}>
            <header class="app-header">
                // The compact layout keeps the title for screen readers only.
                <h1 class={classes!(embed.then_some("sr-only"))}>{deck.title.clone()}</h1>
                <div class="tabs" role="group" aria-label="Views">
                    {tab(View::Practice, "Practice")}
                    {tab(View::Mock, "Mock interview")}
                    {tab(View::Stats, "Stats")}
                    <button type="button" class="tab" onclick={help}
                            aria-keyshortcuts="?" aria-label="Keyboard shortcuts">{"?"}</button>
                    <button type="button" class="tab" onclick={toggle_theme} aria-label={theme.label()}
                            title={theme.label()} data-testid="theme">{match *theme { Theme::Auto => "◐", Theme::Light => "☀", Theme::Dark => "☾" }}</button>
                </div>
            </header>
            if let Some(notice) = state.notice.clone() {
                <NoticeBanner {notice} on_dismiss={dismiss} on_export={export.clone()} />
            }
            {body}
            if state.help_open {
                <Help on_close={close_help} />
            }
        </@>
    }
}

/// A callback that turns its argument, and the time it fires, into an action.
fn send<T: 'static>(
    state: &UseReducerHandle<State>,
    make: impl Fn(T, f64) -> Action + 'static,
) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |arg| state.dispatch(make(arg, now_ms())))
}

fn practice_body(
    ids: &str,
    state: &UseReducerHandle<State>,
    on_filter: Callback<Filter>,
    on_grade: Callback<Rating>,
    flip: Callback<()>,
) -> Html {
    let deck = &state.deck;
    let total = state.session.len();
    let flipped = state.session.is_flipped();
    let topics = Rc::new(deck.topics.clone());
    let mode_button = |mode: Mode, label: &str| {
        let current = state.mode == mode;
        let onclick = send(state, move |_: MouseEvent, now_ms| Action::SetMode {
            mode,
            now_ms,
        });
        html! {
            <button type="button" class={classes!("mode", current.then_some("current"))}
                    aria-pressed={current.to_string()} {onclick}>{label.to_string()}</button>
        }
    };
    let shuffled = state.shuffle.is_some();
    let shuffle = send(state, move |_: MouseEvent, now_ms| Action::Shuffle {
        seed: (!shuffled).then_some(now_ms as u64),
        now_ms,
    });
    let due_total = state.counts.status(crate::core::filter::Status::Due);
    let card = match state.current_card() {
        Some(card) => html! {
            <>
                <CardView card={card.clone()} topic={AttrValue::from(deck.topic_name(&card.topic).to_string())}
                          {flipped} on_flip={flip.clone()} />
                <p class="sr-only" aria-live="polite" data-testid="announcer">
                    {format!("Card {} of {total}: {}", state.session.position() + 1, card.question)}
                </p>
            </>
        },
        None => {
            let clear = on_filter.reform(|_: MouseEvent| Filter::default());
            let all = send(state, |_: MouseEvent, now_ms| Action::SetMode {
                mode: Mode::All,
                now_ms,
            });
            html! {
                <div class="empty" role="status" data-testid="empty">
                    if state.mode == Mode::Due && state.counts.total > 0 {
                        <p>{"Nothing is due for review right now."}</p>
                        <button type="button" class="primary" onclick={all}>{"Practice all cards"}</button>
                    } else {
                        <p>{"No cards match these filters."}</p>
                        <button type="button" class="primary" onclick={clear}>{"Clear filters"}</button>
                    }
                </div>
            }
        }
    };
    let flip_label = if flipped {
        "Show question"
    } else {
        "Show answer"
    };
    let preview = state.current_card().map(|c| {
        state
            .scheduler
            .preview(state.progress.memory(&c.id), now_ms())
    });
    html! {
        <>
            <Filters topics={topics} filter={state.filter.clone()} counts={state.counts.clone()} on_change={on_filter} />
            <div class="practice-bar">
                <div class="modes" role="group" aria-label="Which cards">
                    {mode_button(Mode::All, "Practice all")}
                    {mode_button(Mode::Due, &format!("Review due ({due_total})"))}
                </div>
                <button type="button" aria-pressed={shuffled.to_string()} onclick={shuffle}>{"Shuffle"}</button>
            </div>
            if state.only.is_some() {
                <p class="only" role="status">{"Practising the weak answers from your mock interview. Change a filter to see every card."}</p>
            }
            {card}
            if total > 0 {
                if let (true, Some(preview)) = (flipped, preview) {
                    <GradeButtons {preview} on_grade={on_grade} />
                }
                <div class="controls" role="group" aria-label="Card controls">
                    <button type="button" onclick={send(state, |_: MouseEvent, now_ms| Action::Previous { now_ms })} aria-keyshortcuts="ArrowLeft">{"Previous"}</button>
                    <button type="button" id={format!("{ids}primary-action")} class="primary" onclick={flip.reform(|_: MouseEvent| ())}
                            aria-pressed={flipped.to_string()}
                            aria-keyshortcuts="Space Enter">{flip_label}</button>
                    <button type="button" onclick={send(state, |_: MouseEvent, now_ms| Action::Next { now_ms })} aria-keyshortcuts="ArrowRight">{"Next"}</button>
                </div>
                <p class="position" data-testid="position">
                    {format!("{} / {}", state.session.position() + 1, total)}
                </p>
            }
            <p class="progress-summary" data-testid="seen-count">
                {format!("Seen {} of {} cards", state.seen, deck.cards.len())}
            </p>
        </>
    }
}
