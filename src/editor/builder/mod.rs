//! The embed builder: deck, presets, theme and layout chosen with plain controls, the widget
//! itself shown live (this site's `index.html` in an iframe, a draft carried in its `#deck=`
//! fragment), and the snippets to copy. This file holds the choices and what follows from them;
//! `choices.rs` and `snippets.rs` render them.

mod choices;
mod snippets;

use crate::core::draft::Draft;
use crate::core::embed::{DeckChoice, Embed, BANK_TOPICS};
use crate::core::share::{fragment, LINK_LIMIT};
use crate::platform::url::page_folder;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
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

/// What the author chose: which deck, its address (for one at an address), and the presets.
#[derive(Clone)]
struct Choosing {
    source: UseStateHandle<Source>,
    address: UseStateHandle<String>,
    embed: UseStateHandle<Embed>,
}

/// The topics offered for the chosen deck: (id, name).
fn offered_topics(source: Source, draft: &Draft) -> Vec<(String, String)> {
    match source {
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
    }
}

/// The embed as chosen, with only the topics offered for this deck (ticks made for another
/// deck stay remembered, unused).
fn chosen(c: &Choosing, draft: &Draft, topics: &[(String, String)]) -> Embed {
    let mut choice = (*c.embed).clone();
    choice.deck = match *c.source {
        Source::Bank => DeckChoice::Bank,
        Source::Draft => DeckChoice::File(format!("./{}.json", draft.id)),
        Source::Address => DeckChoice::File(c.address.trim().to_string()),
    };
    choice
        .topics
        .retain(|t| topics.iter().any(|(id, _)| id == t));
    choice
}

/// The live widget's address: the draft travels in the fragment (never to a server), with its
/// own progress name so trying it out does not mix with the learners' deck of the same id.
fn live_src(c: &Choosing, choice: &Embed, valid: bool, packed: Option<&str>) -> Option<String> {
    let mut live = choice.clone();
    match *c.source {
        Source::Draft if !valid => None,
        Source::Draft => {
            live.deck = DeckChoice::Bank;
            if live.instance.is_empty() {
                live.instance = "editor-preview".into();
            }
            Some(format!("./{}{}", live.query(), packed.unwrap_or_default()))
        }
        Source::Address if c.address.trim().is_empty() => None,
        _ => Some(format!("./{}", live.query())),
    }
}

/// `value`, once it has stayed the same for `ms` (the live widget follows the choices once the
/// author pauses, not at every key).
#[hook]
fn use_settled(value: Option<String>, ms: u32) -> Option<String> {
    let shown = use_state(|| value.clone());
    {
        let shown = shown.clone();
        use_effect_with(value, move |value| {
            let value = value.clone();
            let timer = Timeout::new(ms, move || shown.set(value));
            move || drop(timer)
        });
    }
    (*shown).clone()
}

#[function_component(Builder)]
pub fn builder(props: &BuilderProps) -> Html {
    let c = Choosing {
        source: use_state(|| Source::Bank),
        address: use_state(String::new),
        embed: use_state(Embed::default),
    };
    let told = use_state(String::new);
    let tell = {
        let told = told.clone();
        Callback::from(move |s: String| super::fields::say(&told, s))
    };
    let topics = offered_topics(*c.source, &props.draft);
    let choice = chosen(&c, &props.draft, &topics);
    // Packing the draft (deflate) is the costly step: once per change of the draft.
    let packed = use_memo(
        (
            *c.source == Source::Draft && props.valid,
            props.draft.clone(),
        ),
        |(on, draft)| on.then(|| fragment(&draft.to_json())),
    );
    let shown = use_settled(live_src(&c, &choice, props.valid, packed.as_deref()), 600);
    let base = page_folder();
    let share = packed.as_ref().as_ref().map(|packed| {
        let link = format!("{base}{packed}");
        (link.len() <= LINK_LIMIT).then_some(link).ok_or(())
    });
    html! {
        <section aria-labelledby="builder-heading" class="builder">
            <h2 id="builder-heading">{"Embed builder"}</h2>
            <div class="builder-grid">
                {choices::choices(&c, &topics, &choice, &props.draft, props.valid)}
                {snippets::live(shown)}
            </div>
            <h3>{"Snippets"}</h3>
            <p class="sr-only" role="status" aria-live="polite">{(*told).clone()}</p>
            {snippets::snippets(&choice, &base, *c.source == Source::Address, share, &tell)}
        </section>
    }
}
