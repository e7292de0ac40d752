//! The keyboard shortcut list, opened with `?`.

use crate::components::ids::Ids;
use yew::prelude::*;

pub const SHORTCUTS: [(&str, &str); 12] = [
    (
        "Space or Enter",
        "Flip the card (reveal in a mock interview)",
    ),
    ("1 2 3 4", "Grade: Again, Hard, Good, Easy"),
    (
        "u, Ctrl+Z",
        "Take back the last grade (several times for earlier ones)",
    ),
    ("b", "Bury the card until tomorrow"),
    ("s", "Suspend the card (or take it back)"),
    ("→ / ←", "Next / previous card"),
    ("/", "Search"),
    ("p", "Practice view"),
    ("m", "Mock interview view"),
    ("t", "Stats view"),
    ("?", "Show or hide this help"),
    ("Esc", "Close this help"),
];

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub on_close: Callback<()>,
    pub ids: Ids,
}

#[function_component(Help)]
pub fn help(props: &HelpProps) -> Html {
    let ids = &props.ids;
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with((), move |_| {
            if let Some(el) = close_ref.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let rows: Html = SHORTCUTS
        .iter()
        .map(|(keys, what)| html! { <tr><th scope="row"><kbd>{*keys}</kbd></th><td>{*what}</td></tr> })
        .collect();
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    // Keep keyboard focus inside the modal dialog: its only control is the Close button.
    let trap = {
        let close_ref = close_ref.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Tab" {
                e.prevent_default();
                if let Some(el) = close_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        })
    };
    html! {
        <div class="dialog-backdrop">
            <div class="dialog" role="dialog" aria-modal="true" onkeydown={trap} aria-labelledby={ids.of("help-title")} data-testid="help">
                <h2 id={ids.of("help-title")}>{"Keyboard shortcuts"}</h2>
                <table>
                    <thead><tr><th scope="col">{"Key"}</th><th scope="col">{"Does"}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <button type="button" ref={close_ref} onclick={on_close}>{"Close"}</button>
            </div>
        </div>
    }
}
