//! The filter panel: topic, difficulty and status check boxes with the count each would leave,
//! a search box and "clear filters". It only reports the new filter; the reducer applies it.

use crate::components::ids::use_ids;
use crate::core::deck::{Difficulty, Topic};
use crate::core::filter::{Counts, Filter, Status};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub topics: Rc<Vec<Topic>>,
    pub filter: Filter,
    pub counts: Counts,
    pub on_change: Callback<Filter>,
}

fn toggle<T: Ord + Clone>(set: &mut std::collections::BTreeSet<T>, item: &T) {
    if !set.remove(item) {
        set.insert(item.clone());
    }
}

/// One check box with its label and count. `id` must be unique on the page.
fn option(id: String, label: &str, count: usize, checked: bool, onchange: Callback<Event>) -> Html {
    html! {
        <li>
            <input type="checkbox" id={id.clone()} {checked} {onchange} />
            <label for={id}>{label}<span class="count">{format!(" ({count})")}</span></label>
        </li>
    }
}

#[function_component(Filters)]
pub fn filters(props: &FiltersProps) -> Html {
    let ids = use_ids();
    let change = |edit: Rc<dyn Fn(&mut Filter)>| {
        let filter = props.filter.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |_: Event| {
            let mut next = filter.clone();
            edit(&mut next);
            on_change.emit(next);
        })
    };
    let topics: Html = props
        .topics
        .iter()
        .map(|t| {
            let id = t.id.clone();
            option(
                ids.of(&format!("f-topic-{}", t.id)),
                &t.name,
                props.counts.topic(&t.id),
                props.filter.topics.contains(&t.id),
                change(Rc::new(move |f| toggle(&mut f.topics, &id))),
            )
        })
        .collect();
    let difficulties: Html = Difficulty::ALL
        .iter()
        .map(|&d| {
            option(
                ids.of(&format!("f-difficulty-{}", d.as_str())),
                d.label(),
                props.counts.difficulty(d),
                props.filter.difficulties.contains(&d),
                change(Rc::new(move |f| toggle(&mut f.difficulties, &d))),
            )
        })
        .collect();
    let statuses: Html = Status::ALL
        .iter()
        .map(|&s| {
            option(
                ids.of(&format!("f-status-{}", s.as_str())),
                s.label(),
                props.counts.status(s),
                props.filter.statuses.contains(&s),
                change(Rc::new(move |f| toggle(&mut f.statuses, &s))),
            )
        })
        .collect();
    let on_search = {
        let filter = props.filter.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_change.emit(Filter {
                text: input.value(),
                ..filter.clone()
            });
        })
    };
    let clear = props.on_change.reform(|_: MouseEvent| Filter::default());
    let f = &props.filter;
    let active = f.topics.len() + f.difficulties.len() + f.statuses.len();
    html! {
        <div class="filters" role="group" aria-label="Filters">
            <div class="search">
                <label for={ids.of("f-search")}>{"Search questions and answers"}</label>
                <input id={ids.of("f-search")} type="search" value={props.filter.text.clone()}
                       oninput={on_search} autocomplete="off" spellcheck="false" />
            </div>
            <details class="facets">
                <summary>
                    {"Filter by topic, difficulty, status"}
                    if active > 0 {
                        <span class="active-count">{format!(" · {active} selected")}</span>
                    }
                </summary>
                <div class="facet-groups">
                    <fieldset>
                        <legend>{"Topic"}</legend>
                        <ul>{topics}</ul>
                    </fieldset>
                    <fieldset>
                        <legend>{"Difficulty"}</legend>
                        <ul>{difficulties}</ul>
                    </fieldset>
                    <fieldset>
                        <legend>{"Status"}</legend>
                        <ul>{statuses}</ul>
                    </fieldset>
                </div>
            </details>
            <p class="filter-result">
                <span data-testid="match-count" role="status">
                    {format!("{} matching card{}", props.counts.total, if props.counts.total == 1 { "" } else { "s" })}
                </span>
                if !props.filter.is_empty() {
                    <button type="button" class="link" onclick={clear}>{"Clear filters"}</button>
                }
            </p>
        </div>
    }
}
