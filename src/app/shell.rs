//! `<App/>`: the shell. It holds the one reducer, wires each effect's hook to it, and renders
//! the view the state asks for. Every decision lives in the reducer or the core.

use crate::app::action::LoadError;
use crate::app::hooks::bank_parts::use_bank_parts;
use crate::app::hooks::clock::use_clock;
use crate::app::hooks::deck_loader::{open_for, parse_now, use_deck_loader};
use crate::app::hooks::files::{use_files, FileAction};
use crate::app::hooks::host_events::use_host_events;
use crate::app::hooks::keys::use_keys;
use crate::app::hooks::optimizer::use_optimizer;
use crate::app::hooks::persistence::use_persistence;
use crate::app::hooks::prefs::{
    read_aloud_pref, remembered, remembered_limits, remembered_read_aloud, remembered_schedule,
    remembered_typing, use_remember,
};
use crate::app::hooks::scorm::use_scorm;
use crate::app::hooks::url_sync::use_url_sync;
use crate::app::later::{use_later, LaterState};
use crate::app::state::{Action, DeckLoad, State, View};
use crate::components::header::{header, HeaderProps};
use crate::components::ids::Ids;
use crate::components::notice::{notice_banner, NoticeProps};
use crate::components::panels::{PanelProps, StatsPanelProps};
use crate::components::practice::{practice_view, PracticeProps};
use crate::core::store::{MemoryStore, Notice, Store};
use crate::platform::clock::{mark, now_ms};
use crate::platform::config::{Config, DeckSource};
use crate::platform::dom::{focus_element, focus_is_lost};
use crate::platform::storage::LocalStore;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

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

/// localStorage, or memory with a notice when the browser refuses it.
fn open_store() -> (Rc<dyn Store>, Option<Notice>) {
    match LocalStore::open() {
        Ok(store) => (Rc::new(store), None),
        Err(e) => (
            Rc::new(MemoryStore::default()),
            Some(Notice::NotSaved { reason: e }),
        ),
    }
}

/// The first state. A deck at hand (the bundled one, an inline one) is parsed for the very
/// first render, so the first card does not wait for a "loading" render and an effect.
fn initial_state(config: &Config, store: &dyn Store, store_notice: Option<Notice>) -> State {
    let mut pairs = config.pairs.clone();
    if config.param("theme").is_none() {
        let instance = config.param("instance");
        if let Some(theme) = remembered(store, instance) {
            pairs.push(("theme".into(), theme.as_str().into()));
        }
    }
    let now = now_ms();
    let mut state = State::waiting(pairs, now);
    if let Some(settings) = remembered_schedule(store, state.instance.as_deref()) {
        state.scheduler = crate::core::schedule::Scheduler::from_settings(&settings);
    }
    state.type_answer = remembered_typing(store, state.instance.as_deref());
    state.read_aloud = remembered_read_aloud(store, state.instance.as_deref());
    if let Some(limits) = remembered_limits(store, state.instance.as_deref()) {
        state.limits = limits;
    }
    state.offset_min = crate::platform::clock::utc_offset_minutes();
    let state = match parse_now(&config.deck) {
        Some(Ok(deck)) => {
            let mut opened = open_for(store, state.instance.as_deref(), &deck, &config.deck);
            opened.notice = store_notice.or(opened.notice);
            state.apply(Action::DeckLoaded {
                deck: Rc::new(deck),
                opened: Rc::new(opened),
                now_ms: now,
            })
        }
        Some(Err(message)) => state.apply(Action::DeckFailed(message)),
        None => state,
    };
    mark("state-ready");
    state
}

/// Marks the widget ready once the first card is on screen (benchmarks and tests wait for
/// it), then prepares search while the learner reads.
#[hook]
fn use_ready_mark(state: &UseReducerHandle<State>, root: NodeRef) {
    let index = state.index.clone();
    use_effect_with(state.has_deck(), move |has_deck| {
        if *has_deck {
            mark("first-card");
            if let Some(el) = root.cast::<web_sys::Element>() {
                let _ = el.set_attribute("data-ready", "");
            }
            Timeout::new(0, move || index.warm()).forget();
        }
    });
}

/// When the focused control disappears (a grade button after grading), focus goes back to
/// the card's main button. Never while the first card arrives (the deck is fetched after the
/// first render): taking focus on load would scroll a host page to an embedded widget.
#[hook]
fn use_focus_recovery(state: &UseReducerHandle<State>, ids: &str) {
    let position = (state.session.position(), state.session.len(), state.view);
    let mock_position = state.mock.as_ref().map(|m| (m.position, m.is_finished()));
    let primary = format!("{ids}primary-action");
    let first = use_mut_ref(|| true);
    use_effect_with(
        (position, mock_position, state.has_deck()),
        move |(_, _, shown)| {
            if *shown && !std::mem::replace(&mut *first.borrow_mut(), false) && focus_is_lost() {
                focus_element(&primary);
            }
        },
    );
}

/// Why the deck asked for could not be opened, with the way back to the built-in one.
fn deck_error(
    state: &UseReducerHandle<State>,
    config: &Config,
    open_deck: &Callback<DeckSource>,
    heading: &'static str,
) -> Html {
    let DeckLoad::Failed(error) = &state.deck_load else {
        return html! {};
    };
    let builtin = open_deck.reform(|_: MouseEvent| DeckSource::Bundled);
    html! {
        <div class="notice error" role="alert" data-testid="deck-error">
            <@{heading}>{"This deck cannot be opened"}</@>
            <p>{error.to_string()}</p>
            if matches!(error, LoadError::Chunk(_)) && !state.has_deck() {
                <button type="button" onclick={open_deck.reform({
                    let deck = config.deck.clone();
                    move |_: MouseEvent| deck.clone()
                })}>{"Try again"}</button>
            }
            if config.deck != DeckSource::Bundled || state.has_deck() {
                <button type="button" onclick={builtin}>{"Practise the built-in deck instead"}</button>
            }
        </div>
    }
}

/// A later view that is not here yet: said while it loads, or why it could not be had, with
/// a way to try again.
fn later_pending(later: &LaterState, what: &str, retry: &Callback<()>) -> Html {
    match later {
        LaterState::Failed(reason) => html! {
            <div class="notice error" role="alert" data-testid="later-error">
                <p>{crate::words::later_failed(what, reason)}</p>
                <button type="button" onclick={retry.reform(|_: MouseEvent| ())}>{"Try again"}</button>
            </div>
        },
        _ => html! { <p class="loading" role="status">{format!("Loading {what}…")}</p> },
    }
}

/// The header, a notice if any, the current view and the help dialog.
fn views(
    state: &UseReducerHandle<State>,
    config: &Config,
    on_file: Callback<FileAction>,
    open_deck: Callback<DeckSource>,
    ids: &Ids,
    (later, retry): (&LaterState, &Callback<()>),
) -> Html {
    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(action.clone()))
    };
    let ready = match later {
        LaterState::Ready(later) => Some(later.0),
        _ => None,
    };
    let view = match (state.view, ready) {
        (View::Practice, _) => practice_view(
            &PracticeProps {
                state: state.clone(),
            },
            ids,
        ),
        (View::Mock, Some(later)) => (later.mock)(
            &PanelProps {
                state: state.clone(),
            },
            ids,
        ),
        (View::Stats, Some(later)) => (later.stats)(
            &StatsPanelProps {
                state: state.clone(),
                on_file: on_file.clone(),
                on_open_deck: open_deck,
                offset_at: crate::platform::clock::utc_offset_at,
            },
            ids,
        ),
        (View::Mock, None) => later_pending(later, "the mock interview", retry),
        (View::Stats, None) => later_pending(later, "the stats", retry),
    };
    let help = match (state.help_open, ready) {
        (false, _) => html! {},
        (true, Some(later)) => (later.help)(dispatch(Action::CloseHelp), ids.clone()),
        (true, None) => later_pending(later, "the keyboard help", retry),
    };
    html! {
        <>
            {header(&HeaderProps {
                state: state.clone(),
                standalone: config.standalone,
                embed: config.param("layout") == Some("embed"),
            })}
            if let Some(notice) = state.notice.clone() {
                {notice_banner(&NoticeProps {
                    notice,
                    on_dismiss: dispatch(Action::DismissNotice),
                    on_file,
                })}
            }
            {view}
            {help}
        </>
    }
}

/// A host page gets a labelled region, not a second <main> landmark. Several widgets may
/// share a page (even with one deck): the number keeps names unique.
fn region_label(state: &State, config: &Config) -> String {
    if !state.has_deck() {
        "Interview practice".to_string()
    } else if config.standalone {
        state.deck.title.clone()
    } else {
        let n = config.ids.trim_start_matches("ic").trim_end_matches('-');
        format!("Interview practice {n}: {}", state.deck.title)
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = props.config.clone();
    let store = use_memo((), |_| open_store());
    let state = {
        let (config, store) = (config.clone(), store.clone());
        use_reducer(move || initial_state(&config, store.0.as_ref(), store.1.clone()))
    };
    let open_deck = use_deck_loader(&state, store.clone(), config.deck.clone());
    let on_file = use_files(&state, store.0.clone(), open_deck.clone());
    use_persistence(&state, store.0.clone());
    use_scorm(&state, config.standalone);
    use_url_sync(&state, config.standalone);
    let root = use_node_ref();
    use_keys(&state, root.clone(), config.standalone, config.ids.clone());
    use_clock(&state);
    use_optimizer(&state);
    let (prefs, instance) = (store.0.clone(), state.instance.clone());
    use_remember(
        prefs.clone(),
        instance.clone(),
        "theme",
        state.theme.as_str().into(),
    );
    let schedule = state.scheduler.settings().to_text();
    use_remember(prefs.clone(), instance.clone(), "schedule", schedule);
    let limits = state.limits.to_text();
    use_remember(prefs.clone(), instance.clone(), "limits", limits);
    let typing = if state.type_answer { "on" } else { "off" };
    use_remember(
        prefs.clone(),
        instance.clone(),
        "type-answer",
        typing.into(),
    );
    let aloud = read_aloud_pref(&state.read_aloud);
    use_remember(prefs, instance, "read-aloud", aloud);
    use_ready_mark(&state, root.clone());
    // Only the app's own page posts to a parent window: a widget mounted on a host page leaves
    // that page's frame alone.
    let to_parent = config.standalone && config.param("events") == Some("parent");
    use_host_events(&state, root.clone(), to_parent);
    use_focus_recovery(&state, &config.ids);
    let later = use_later(
        state.view != View::Practice || state.help_open,
        state.has_deck(),
    );
    use_bank_parts(&state);
    {
        // Everything fetched after the first card is here: the page may now keep the build
        // for offline use (embed.js starts the service worker).
        let settled = matches!(later.0, LaterState::Ready(_)) && state.deck.parts.is_empty();
        use_effect_with(settled && state.has_deck(), |settled| {
            if *settled {
                crate::platform::fetch::settled();
            }
        });
    }
    {
        let warnings = state.warnings.clone();
        use_effect_with(warnings, |warnings| {
            for w in warnings {
                gloo::console::warn!(format!("interview-cards: {w}"));
            }
        });
    }

    let (tag, heading) = if config.standalone {
        ("main", "h1")
    } else {
        ("section", "h2")
    };
    let ids = Ids(Rc::from(config.ids.as_str()));
    let failed = deck_error(&state, &config, &open_deck, heading);
    let body = if state.has_deck() {
        views(
            &state,
            &config,
            on_file,
            open_deck,
            &ids,
            (&later.0, &later.1),
        )
    } else if state.deck_load == DeckLoad::Loading {
        html! { <p class="loading" role="status">{"Loading the deck…"}</p> }
    } else {
        html! {}
    };
    let label = region_label(&state, &config);
    let embed = config.param("layout") == Some("embed");
    html! {
        <@{tag} class={classes!("app", embed.then_some("embed"))} ref={root} aria-label={label}
                data-theme={state.theme.attr()}>
            {failed}
            {body}
        </@>
    }
}
