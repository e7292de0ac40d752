//! The embed builder: deck, presets, theme and layout chosen with plain controls, the widget
//! itself shown live (this site's `index.html` in an iframe, a draft carried in its `#deck=`
//! fragment), and the snippets to copy.

use crate::core::deck::valid_id;
use crate::core::draft::Draft;
use crate::core::embed::{bank_label, DeckChoice, Embed, BANK_TOPICS};
use crate::core::share::{fragment, LINK_LIMIT};
use crate::platform::dom::element_by_id;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Source {
    Bank,
    Draft,
    Address,
}

#[derive(Properties, PartialEq)]
pub struct BuilderProps {
    pub draft: Rc<Draft>,
    /// Whether the draft is a deck the widget opens.
    pub valid: bool,
}

/// Where the widget's files are: beside this page.
fn base() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let end = href.split(['?', '#']).next().unwrap_or("");
    match end.rfind('/') {
        Some(i) => end[..=i].to_string(),
        None => "./".into(),
    }
}

/// Copies `text`; where the browser refuses, selects it in its box and says how to copy it.
fn copy(text: String, box_id: String, tell: Callback<String>) {
    let selected = move |tell: &Callback<String>| {
        if let Some(area) =
            element_by_id(&box_id).and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
        {
            let _ = area.focus();
            area.select();
        }
        tell.emit("Copying was refused by the browser: the snippet is selected, press Ctrl+C (or \u{2318}C) to copy it.".into());
    };
    let promise = web_sys::window().and_then(|w| {
        let clipboard = js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok()?;
        let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        write
            .call1(&clipboard, &text.into())
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    match promise {
        Some(promise) => wasm_bindgen_futures::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => tell.emit("Copied.".into()),
                Err(_) => selected(&tell),
            }
        }),
        None => selected(&tell),
    }
}

fn snippet(id: &str, label: &str, text: String, rows: u32, tell: &Callback<String>) -> Html {
    let onclick = {
        let (text, id, tell) = (text.clone(), id.to_string(), tell.clone());
        Callback::from(move |_: MouseEvent| copy(text.clone(), id.clone(), tell.clone()))
    };
    html! {
        <div class="snippet">
            <label for={id.to_string()}>{label.to_string()}</label>
            <textarea id={id.to_string()} readonly=true rows={rows.to_string()} spellcheck="false" value={text} />
            <button type="button" {onclick} aria-label={format!("Copy: {label}")}>{"Copy"}</button>
        </div>
    }
}

#[function_component(Builder)]
pub fn builder(props: &BuilderProps) -> Html {
    let source = use_state(|| Source::Bank);
    let address = use_state(String::new);
    let embed = use_state(Embed::default);
    let told = use_state(String::new);
    let tell = {
        let told = told.clone();
        Callback::from(move |s: String| super::say(&told, s))
    };
    let draft = &props.draft;
    let file_name = format!("{}.json", draft.id);
    let topics: Vec<(String, String)> = match *source {
        Source::Bank => BANK_TOPICS
            .iter()
            .map(|(id, name)| (id.to_string(), name.to_string()))
            .collect(),
        Source::Draft => draft
            .topics
            .iter()
            .filter(|t| !t.id.is_empty())
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect(),
        Source::Address => Vec::new(),
    };

    let mut choice = (*embed).clone();
    choice.deck = match *source {
        Source::Bank => DeckChoice::Bank,
        Source::Draft => DeckChoice::File(format!("./{file_name}")),
        Source::Address => DeckChoice::File(address.trim().to_string()),
    };
    // Only topics offered for this deck go into the snippets and the live widget (ticks made
    // for another deck stay remembered, unused).
    choice
        .topics
        .retain(|t| topics.iter().any(|(id, _)| id == t));
    let base = base();
    // Packing the draft (deflate) is the costly step: once per change of the draft.
    let packed = use_memo(
        (*source == Source::Draft && props.valid, draft.clone()),
        |(on, draft)| on.then(|| fragment(&draft.to_json())),
    );
    // The live widget: the draft travels in the fragment (never to a server), with its own
    // progress so trying it out does not mix with the learners' deck of the same id.
    let mut live = choice.clone();
    let preview = match *source {
        Source::Draft if !props.valid => None,
        Source::Draft => {
            live.deck = DeckChoice::Bank;
            if live.instance.is_empty() {
                live.instance = "editor-preview".into();
            }
            Some(format!(
                "./{}{}",
                live.query(),
                packed.as_deref().unwrap_or_default()
            ))
        }
        Source::Address if address.trim().is_empty() => None,
        _ => Some(format!("./{}", live.query())),
    };
    // Follows the choices once the author pauses, not at every key.
    let shown = use_state(|| preview.clone());
    {
        let shown = shown.clone();
        use_effect_with(preview.clone(), move |preview| {
            let preview = preview.clone();
            let timer = Timeout::new(600, move || shown.set(preview));
            move || drop(timer)
        });
    }

    let on_source = {
        let source = source.clone();
        Callback::from(move |e: Event| {
            source.set(
                match e
                    .target_unchecked_into::<HtmlSelectElement>()
                    .value()
                    .as_str()
                {
                    "draft" => Source::Draft,
                    "address" => Source::Address,
                    _ => Source::Bank,
                },
            )
        })
    };
    let on_address = {
        let address = address.clone();
        Callback::from(move |e: InputEvent| {
            address.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let change = |f: fn(&mut Embed, String)| {
        let embed = embed.clone();
        move |value: String| {
            let mut next = (*embed).clone();
            f(&mut next, value);
            embed.set(next);
        }
    };
    let select_value = |f: fn(&mut Embed, String)| {
        let change = change(f);
        Callback::from(move |e: Event| {
            change(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let list_toggle = |list: fn(&mut Embed) -> &mut Vec<String>, value: String| {
        let embed = embed.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next = (*embed).clone();
            let values = list(&mut next);
            values.retain(|v| *v != value);
            if on {
                values.push(value.clone());
            }
            embed.set(next);
        })
    };
    let on_compact = {
        let embed = embed.clone();
        Callback::from(move |e: Event| {
            let mut next = (*embed).clone();
            next.compact = e.target_unchecked_into::<HtmlInputElement>().checked();
            embed.set(next);
        })
    };
    let on_instance = {
        let change = change(|e, v| e.instance = v);
        Callback::from(move |e: InputEvent| {
            change(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };

    // The rule the widget applies to an instance name (`app/preset.rs`).
    let instance_ok = choice.instance.is_empty() || valid_id(&choice.instance);
    let share = packed.as_ref().as_ref().map(|packed| {
        let link = format!("{base}{packed}");
        (link.len() <= LINK_LIMIT).then_some(link).ok_or(())
    });

    html! {
        <section aria-labelledby="builder-heading" class="builder">
            <h2 id="builder-heading">{"Embed builder"}</h2>
            <div class="builder-grid">
                <div class="builder-choices">
                    <div class="field">
                        <label for="embed-deck">{"Deck"}</label>
                        <select id="embed-deck" onchange={on_source}>
                            <option value="bank" selected={*source == Source::Bank}>{bank_label()}</option>
                            <option value="draft" selected={*source == Source::Draft}>{"This draft"}</option>
                            <option value="address" selected={*source == Source::Address}>{"A deck file at an address"}</option>
                        </select>
                        if *source == Source::Draft {
                            <p class="hint">{format!("Export the draft as {file_name}. The iframe loads it from beside the widget's files; a direct mount and the custom element from beside your page.")}</p>
                            if !props.valid {
                                <p class="field-error">{"The draft has problems to fix (marked above) before it can be shown here."}</p>
                            }
                        }
                    </div>
                    if *source == Source::Address {
                        <div class="field">
                            <label for="embed-address">{"Deck address"}</label>
                            <input type="url" id="embed-address" value={(*address).clone()} oninput={on_address}
                                   aria-describedby="embed-address-hint" autocomplete="off" />
                            <p class="hint" id="embed-address-hint">{"This site's own (./my-deck.json) or another origin the site lists (README, \u{201c}Decks from other sites\u{201d})."}</p>
                        </div>
                    }
                    if !topics.is_empty() {
                        <fieldset>
                            <legend>{"Topics (none ticked: all)"}</legend>
                            { for topics.iter().map(|(id, name)| html! {
                                <label class="check">
                                    <input type="checkbox" checked={choice.topics.contains(id)}
                                           onchange={list_toggle(|e| &mut e.topics, id.clone())} />
                                    {if name.trim().is_empty() { id.clone() } else { name.clone() }}
                                </label>
                            }) }
                        </fieldset>
                    }
                    <fieldset>
                        <legend>{"Difficulty (none ticked: all)"}</legend>
                        { for ["easy", "medium", "hard"].iter().map(|d| html! {
                            <label class="check">
                                <input type="checkbox" checked={choice.difficulties.iter().any(|x| x == d)}
                                       onchange={list_toggle(|e| &mut e.difficulties, d.to_string())} />
                                {d.to_string()}
                            </label>
                        }) }
                    </fieldset>
                    <div class="field-row">
                        <div class="field">
                            <label for="embed-mode">{"Mode"}</label>
                            <select id="embed-mode" onchange={select_value(|e, v| e.mode = v)}>
                                <option value="session" selected={choice.mode == "session"}>{"Study session (today's cards)"}</option>
                                <option value="practice" selected={choice.mode == "practice"}>{"Practice all (every card in order)"}</option>
                                <option value="review" selected={choice.mode == "review"}>{"Review (due cards)"}</option>
                                <option value="mock" selected={choice.mode == "mock"}>{"Mock interview"}</option>
                            </select>
                        </div>
                        <div class="field">
                            <label for="embed-theme">{"Widget theme"}</label>
                            <select id="embed-theme" onchange={select_value(|e, v| e.theme = v)}>
                                <option value="auto" selected={choice.theme == "auto"}>{"The reader's system"}</option>
                                <option value="light" selected={choice.theme == "light"}>{"Light"}</option>
                                <option value="dark" selected={choice.theme == "dark"}>{"Dark"}</option>
                            </select>
                        </div>
                    </div>
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
                </div>
                <div class="builder-live">
                    <h3>{"Live widget"}</h3>
                    { match (*shown).clone() {
                        Some(src) => html! {
                            <iframe key={src.clone()} src={src} title="Live preview of the widget"
                                    class="live-frame" data-interview-cards-frame="" allow="microphone"></iframe>
                        },
                        None => html! { <p class="hint">{"Nothing to show yet."}</p> },
                    } }
                </div>
            </div>
            <h3>{"Snippets"}</h3>
            <p class="sr-only" role="status" aria-live="polite">{(*told).clone()}</p>
            {snippet("snippet-iframe", "Iframe (any page, any platform)", choice.iframe(&base), 4, &tell)}
            {snippet("snippet-mount", "Direct mount (your page's own element)", choice.mount(&base), 2, &tell)}
            {snippet("snippet-element", "Custom element", choice.element(&base), 2, &tell)}
            if *source == Source::Address {
                <p class="hint">{"A SCORM package is made from a deck file on your disk: download the deck, then run scripts/scorm.sh --deck with it."}</p>
            } else {
                {snippet("snippet-scorm", "SCORM package for a course platform (run in this project)", choice.scorm_command(), 1, &tell)}
            }
            { match share {
                Some(Ok(link)) => snippet("snippet-link", "Share link (the deck travels in the link; no file needed)", link, 3, &tell),
                Some(Err(())) => html! {
                    <p class="hint">{format!("This draft is too large to share in a link (over {LINK_LIMIT} characters): export it and share the file.")}</p>
                },
                None => html! {},
            } }
        </section>
    }
}
