//! The widget's header: the deck title and the view tabs, help and theme buttons.

use crate::app::state::{Action, State, View};
use crate::words::deck_from;
use yew::prelude::*;

pub struct HeaderProps {
    pub state: UseReducerHandle<State>,
    pub standalone: bool,
    /// The compact layout keeps the title for screen readers only.
    pub embed: bool,
}

pub fn header(props: &HeaderProps) -> Html {
    let state = &props.state;
    let send = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
    };
    let tab = |view: View, label: &str| {
        let current = state.view == view;
        html! {
            <button type="button" class={classes!("tab", current.then_some("current"))}
                    aria-current={current.then_some("page")} onclick={send(Action::ShowView(view))}>{label.to_string()}</button>
        }
    };
    let theme = state.theme;
    html! {
        <header class="app-header">
            <h1 class={classes!(props.embed.then_some("sr-only"))}>{state.deck.title.clone()}</h1>
            if let Some(elsewhere) = &state.deck.elsewhere {
                <p class="deck-origin" data-testid="deck-origin">{deck_from(elsewhere)}</p>
            }
            <div class="tabs" role="group" aria-label="Views">
                {tab(View::Practice, "Practice")}
                {tab(View::Mock, "Mock interview")}
                {tab(View::Stats, "Stats")}
                <button type="button" class="tab" onclick={send(Action::ToggleHelp)}
                        aria-keyshortcuts="?" aria-label="Keyboard shortcuts">{"?"}</button>
                <button type="button" class="tab" onclick={send(Action::SetTheme(theme.next()))} aria-label={theme.label()}
                        title={theme.label()} data-testid="theme">{theme.icon()}</button>
            </div>
        </header>
    }
}
