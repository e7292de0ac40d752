//! The builder's choices, as plain view functions: the deck (the bank, the draft, or a file at
//! an address), topics and difficulty, mode and theme, layout and progress name.

use super::{Choosing, Source};
use crate::core::deck::valid_id;
use crate::core::draft::Draft;
use crate::core::embed::{bank_label, Embed};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// A callback that changes the embed with what it is given.
fn change<T: 'static>(c: &Choosing, f: impl Fn(&mut Embed, T) + 'static) -> Callback<T> {
    let embed = c.embed.clone();
    Callback::from(move |value| {
        let mut next = (*embed).clone();
        f(&mut next, value);
        embed.set(next);
    })
}

fn select_value(e: Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

pub(super) fn choices(
    c: &Choosing,
    topics: &[(String, String)],
    choice: &Embed,
    draft: &Draft,
    valid: bool,
) -> Html {
    html! {
        <div class="builder-choices">
            {deck_field(c, draft, valid)}
            {list_fields(c, topics, choice)}
            {mode_and_theme(c, choice)}
            {layout_and_name(c, choice)}
        </div>
    }
}

fn deck_field(c: &Choosing, draft: &Draft, valid: bool) -> Html {
    let on_source = {
        let source = c.source.clone();
        Callback::from(move |e: Event| {
            source.set(match select_value(e).as_str() {
                "draft" => Source::Draft,
                "address" => Source::Address,
                _ => Source::Bank,
            })
        })
    };
    let on_address = {
        let address = c.address.clone();
        Callback::from(move |e: InputEvent| {
            address.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let source = *c.source;
    html! {
        <>
            <div class="field">
                <label for="embed-deck">{"Deck"}</label>
                <select id="embed-deck" onchange={on_source}>
                    <option value="bank" selected={source == Source::Bank}>{bank_label()}</option>
                    <option value="draft" selected={source == Source::Draft}>{"This draft"}</option>
                    <option value="address" selected={source == Source::Address}>{"A deck file at an address"}</option>
                </select>
                if source == Source::Draft {
                    <p class="hint">{format!("Export the draft as {}.json. The iframe loads it from beside the widget's files; a direct mount and the custom element from beside your page.", draft.id)}</p>
                    if !valid {
                        <p class="field-error">{"The draft has problems to fix (marked above) before it can be shown here."}</p>
                    }
                }
            </div>
            if source == Source::Address {
                <div class="field">
                    <label for="embed-address">{"Deck address"}</label>
                    <input type="url" id="embed-address" value={(*c.address).clone()} oninput={on_address}
                           aria-describedby="embed-address-hint" autocomplete="off" />
                    <p class="hint" id="embed-address-hint">{"This site's own (./my-deck.json) or another origin the site lists (README, \u{201c}Decks from other sites\u{201d})."}</p>
                </div>
            }
        </>
    }
}

/// A box for `value` in one of the embed's lists (topics, difficulties), ticked when it is in.
fn list_box(
    c: &Choosing,
    list: fn(&mut Embed) -> &mut Vec<String>,
    value: &str,
    on: bool,
    label: String,
) -> Html {
    let value = value.to_string();
    let onchange = change(c, move |embed, e: Event| {
        let values = list(embed);
        values.retain(|v| *v != value);
        if e.target_unchecked_into::<HtmlInputElement>().checked() {
            values.push(value.clone());
        }
    });
    html! {
        <label class="check">
            <input type="checkbox" checked={on} {onchange} />
            {label}
        </label>
    }
}

fn list_fields(c: &Choosing, topics: &[(String, String)], choice: &Embed) -> Html {
    html! {
        <>
            if !topics.is_empty() {
                <fieldset>
                    <legend>{"Topics (none ticked: all)"}</legend>
                    { for topics.iter().map(|(id, name)| {
                        let label = if name.trim().is_empty() { id.clone() } else { name.clone() };
                        list_box(c, |e| &mut e.topics, id, choice.topics.contains(id), label)
                    }) }
                </fieldset>
            }
            <fieldset>
                <legend>{"Difficulty (none ticked: all)"}</legend>
                { for ["easy", "medium", "hard"].iter().map(|d| {
                    let on = choice.difficulties.iter().any(|x| x == d);
                    list_box(c, |e| &mut e.difficulties, d, on, d.to_string())
                }) }
            </fieldset>
        </>
    }
}

fn mode_and_theme(c: &Choosing, choice: &Embed) -> Html {
    let on_mode = change(c, |e, ev: Event| e.mode = select_value(ev));
    let on_theme = change(c, |e, ev: Event| e.theme = select_value(ev));
    html! {
        <div class="field-row">
            <div class="field">
                <label for="embed-mode">{"Mode"}</label>
                <select id="embed-mode" onchange={on_mode}>
                    <option value="session" selected={choice.mode == "session"}>{"Study session (today's cards)"}</option>
                    <option value="practice" selected={choice.mode == "practice"}>{"Practice all (every card in order)"}</option>
                    <option value="review" selected={choice.mode == "review"}>{"Review (due cards)"}</option>
                    <option value="mock" selected={choice.mode == "mock"}>{"Mock interview"}</option>
                </select>
            </div>
            <div class="field">
                <label for="embed-theme">{"Widget theme"}</label>
                <select id="embed-theme" onchange={on_theme}>
                    <option value="auto" selected={choice.theme == "auto"}>{"The reader's system"}</option>
                    <option value="light" selected={choice.theme == "light"}>{"Light"}</option>
                    <option value="dark" selected={choice.theme == "dark"}>{"Dark"}</option>
                </select>
            </div>
        </div>
    }
}

fn layout_and_name(c: &Choosing, choice: &Embed) -> Html {
    let on_compact = change(c, |e, ev: Event| {
        e.compact = ev.target_unchecked_into::<HtmlInputElement>().checked()
    });
    let on_instance = change(c, |e, ev: InputEvent| {
        e.instance = ev.target_unchecked_into::<HtmlInputElement>().value()
    });
    // The rule the widget applies to an instance name (`app/preset.rs`).
    let instance_ok = choice.instance.is_empty() || valid_id(&choice.instance);
    html! {
        <>
            <label class="check">
                <input type="checkbox" checked={choice.compact} onchange={on_compact} />
                {"Compact layout (no title, filters folded)"}
            </label>
            <div class="field">
                <label for="embed-instance">{"Progress name (optional)"}</label>
                <input type="text" id="embed-instance" value={choice.instance.clone()} oninput={on_instance}
                       aria-describedby={if instance_ok { "embed-instance-hint" } else { "embed-instance-hint embed-instance-error" }}
                       aria-invalid={(!instance_ok).then_some("true")}
                       spellcheck="false" autocomplete="off" />
                <p class="hint" id="embed-instance-hint">{"Gives this widget progress of its own (letters, digits, - _ .), for two widgets of one deck on a site."}</p>
                if !instance_ok {
                    <p class="field-error" id="embed-instance-error">{"Use up to 64 letters, digits, '-', '_' or '.': the widget ignores any other name."}</p>
                }
            </div>
        </>
    }
}
