//! The filter panel: topic, difficulty and status check boxes with the count each would leave,
//! a search box and "clear filters". It only reports the new filter; the reducer applies it.

use crate::components::ids::Ids;
use crate::core::deck::{Difficulty, Topic};
use crate::core::filter::{Counts, Filter, Flag, Flags, Status};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub struct FiltersProps {
    pub topics: Rc<Vec<Topic>>,
    pub filter: Filter,
    pub counts: Counts,
    pub on_change: Callback<Filter>,
    /// Some answers have not arrived yet (the bank's parts): a search finds questions only.
    pub answers_coming: bool,
}

/// Takes `item` out of the set, or puts it in.
fn toggle_topic(f: &mut Filter, id: &str) {
    if !f.topics.remove(id) {
        f.topics.insert(id.to_string());
    }
}

fn toggle_flag<T: Flag>(set: &mut Flags<T>, item: Option<T>) {
    if let Some(item) = item {
        if !set.remove(&item) {
            set.insert(item);
        }
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

/// One facet's check boxes. Each item is (key, label, count, checked); a click toggles the
/// key in the filter with `toggle`.
fn facet(
    props: &FiltersProps,
    ids: &Ids,
    name: &str,
    toggle: fn(&mut Filter, &str),
    items: Vec<(String, String, usize, bool)>,
) -> Html {
    items
        .into_iter()
        .map(|(key, label, count, checked)| {
            let id = ids.of(&format!("f-{name}-{key}"));
            let (filter, on_change) = (props.filter.clone(), props.on_change.clone());
            let onchange = Callback::from(move |_: Event| {
                let mut next = filter.clone();
                toggle(&mut next, &key);
                on_change.emit(next);
            });
            option(id, &label, count, checked, onchange)
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
    let note = props.answers_coming && !props.filter.text.trim().is_empty();
    html! {
        <div class="search">
            <label for={ids.of("f-search")}>{"Search questions and answers"}</label>
            <input id={ids.of("f-search")} type="search" value={props.filter.text.clone()}
                   oninput={on_search} autocomplete="off" spellcheck="false"
                   aria-describedby={note.then(|| ids.of("f-search-note"))} />
            if note {
                <p id={ids.of("f-search-note")} class="search-note" role="status" data-testid="search-note">
                    {"Answers are still loading: for now this searches the questions only."}
                </p>
            }
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
    let items = props.topics.iter().map(|t| {
        let count = props.counts.topic(&t.id);
        (
            t.id.clone(),
            t.name.clone(),
            count,
            f.topics.contains(&t.id),
        )
    });
    facet(props, ids, "topic", toggle_topic, items.collect())
}

fn difficulty_options(props: &FiltersProps, ids: &Ids) -> Html {
    let f = &props.filter;
    let items = Difficulty::ALL.iter().map(|&d| {
        let count = props.counts.difficulty(d);
        (
            d.as_str().into(),
            d.label().into(),
            count,
            f.difficulties.contains(&d),
        )
    });
    let toggle =
        |f: &mut Filter, key: &str| toggle_flag(&mut f.difficulties, Difficulty::parse(key));
    facet(props, ids, "difficulty", toggle, items.collect())
}

fn status_options(props: &FiltersProps, ids: &Ids) -> Html {
    let f = &props.filter;
    let items = Status::ALL.iter().map(|&s| {
        let count = props.counts.status(s);
        (
            s.as_str().into(),
            s.label().into(),
            count,
            f.statuses.contains(&s),
        )
    });
    let toggle = |f: &mut Filter, key: &str| toggle_flag(&mut f.statuses, Status::parse(key));
    facet(props, ids, "status", toggle, items.collect())
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
