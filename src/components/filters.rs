//! The filter panel: topic, difficulty and status check boxes with the count each would leave,
//! a search box and "clear filters". It only reports the new filter; the reducer applies it.

use crate::components::ids::Ids;
use crate::core::deck::{Difficulty, Topic};
use crate::core::filter::{Counts, Filter, Status};
use std::collections::BTreeSet;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub struct FiltersProps {
    pub topics: Rc<Vec<Topic>>,
    pub filter: Filter,
    pub counts: Counts,
    pub on_change: Callback<Filter>,
}

fn toggle<T: Ord + Clone>(set: &mut BTreeSet<T>, item: &T) {
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

/// One facet's check boxes. Each item is (value, id suffix, label, count, checked); a click
/// toggles the value in the facet's set, which `set` picks out of the filter.
fn facet<T: Ord + Clone + 'static>(
    props: &FiltersProps,
    ids: &Ids,
    name: &str,
    set: fn(&mut Filter) -> &mut BTreeSet<T>,
    items: impl Iterator<Item = (T, String, String, usize, bool)>,
) -> Html {
    items
        .map(|(value, key, label, count, checked)| {
            let (filter, on_change) = (props.filter.clone(), props.on_change.clone());
            let onchange = Callback::from(move |_: Event| {
                let mut next = filter.clone();
                toggle(set(&mut next), &value);
                on_change.emit(next);
            });
            option(
                ids.of(&format!("f-{name}-{key}")),
                &label,
                count,
                checked,
                onchange,
            )
        })
        .collect()
}

pub fn filters(props: &FiltersProps, ids: &Ids) -> Html {
    html! {
        <div class="filters" role="group" aria-label="Filters">
            {search_box(props, ids)}
            {facets_panel(props, ids)}
            {filter_result(props)}
        </div>
    }
}

/// Searching keeps the facets; only the text changes.
fn search_box(props: &FiltersProps, ids: &Ids) -> Html {
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
    html! {
        <div class="search">
            <label for={ids.of("f-search")}>{"Search questions and answers"}</label>
            <input id={ids.of("f-search")} type="search" value={props.filter.text.clone()}
                   oninput={on_search} autocomplete="off" spellcheck="false" />
        </div>
    }
}

/// The facets sit in a collapsed `<details>`; its summary shows how many are selected so an
/// active filter is not hidden.
fn facets_panel(props: &FiltersProps, ids: &Ids) -> Html {
    let f = &props.filter;
    let active = f.topics.len() + f.difficulties.len() + f.statuses.len();
    html! {
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
                    <ul>{topic_options(props, ids)}</ul>
                </fieldset>
                <fieldset>
                    <legend>{"Difficulty"}</legend>
                    <ul>{difficulty_options(props, ids)}</ul>
                </fieldset>
                <fieldset>
                    <legend>{"Status"}</legend>
                    <ul>{status_options(props, ids)}</ul>
                </fieldset>
            </div>
        </details>
    }
}

fn topic_options(props: &FiltersProps, ids: &Ids) -> Html {
    let f = &props.filter;
    facet(
        props,
        ids,
        "topic",
        |f| &mut f.topics,
        props.topics.iter().map(|t| {
            let (id, count) = (t.id.clone(), props.counts.topic(&t.id));
            (
                id.clone(),
                id.clone(),
                t.name.clone(),
                count,
                f.topics.contains(&id),
            )
        }),
    )
}

fn difficulty_options(props: &FiltersProps, ids: &Ids) -> Html {
    let f = &props.filter;
    facet(
        props,
        ids,
        "difficulty",
        |f| &mut f.difficulties,
        Difficulty::ALL.iter().map(|&d| {
            let checked = f.difficulties.contains(&d);
            (
                d,
                d.as_str().into(),
                d.label().into(),
                props.counts.difficulty(d),
                checked,
            )
        }),
    )
}

fn status_options(props: &FiltersProps, ids: &Ids) -> Html {
    let f = &props.filter;
    facet(
        props,
        ids,
        "status",
        |f| &mut f.statuses,
        Status::ALL.iter().map(|&s| {
            let checked = f.statuses.contains(&s);
            (
                s,
                s.as_str().into(),
                s.label().into(),
                props.counts.status(s),
                checked,
            )
        }),
    )
}

/// The match count is a live status so screen readers hear it change as filters are toggled.
fn filter_result(props: &FiltersProps) -> Html {
    let clear = props.on_change.reform(|_: MouseEvent| Filter::default());
    html! {
        <p class="filter-result">
            <span data-testid="match-count" role="status">
                {format!("{} matching card{}", props.counts.total, if props.counts.total == 1 { "" } else { "s" })}
            </span>
            if !props.filter.is_empty() {
                <button type="button" class="link" onclick={clear}>{"Clear filters"}</button>
            }
        </p>
    }
}
