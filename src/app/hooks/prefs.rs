//! The learner's preferences, remembered in storage across reloads, one set per widget
//! instance: the theme (a `theme` preset on the page or element wins), the scheduling settings,
//! the study session's daily limits, whether to type answers, and reading mock questions aloud
//! (with which voice). A preference that cannot be read is as if never set.

use crate::app::state::{ReadAloud, Theme};
use crate::core::schedule::Settings;
use crate::core::session::Limits;
use crate::core::store::{Store, KEY_PREFIX};
use std::rc::Rc;
use yew::prelude::*;

/// Where preference `name` is kept.
pub fn pref_key(instance: Option<&str>, name: &str) -> String {
    match instance {
        Some(instance) => format!("{KEY_PREFIX}:{instance}:{name}"),
        None => format!("{KEY_PREFIX}:{name}"),
    }
}

fn read(store: &dyn Store, instance: Option<&str>, name: &str) -> Option<String> {
    store.get(&pref_key(instance, name)).ok().flatten()
}

pub fn remembered(store: &dyn Store, instance: Option<&str>) -> Option<Theme> {
    read(store, instance, "theme").and_then(|t| Theme::parse(&t))
}

pub fn remembered_schedule(store: &dyn Store, instance: Option<&str>) -> Option<Settings> {
    read(store, instance, "schedule").and_then(|t| Settings::read(&t))
}

pub fn remembered_limits(store: &dyn Store, instance: Option<&str>) -> Option<Limits> {
    read(store, instance, "limits").and_then(|t| Limits::read(&t))
}

pub fn remembered_typing(store: &dyn Store, instance: Option<&str>) -> bool {
    read(store, instance, "type-answer").as_deref() == Some("on")
}

/// Reading mock questions aloud, and the voice chosen for it, kept together as "on Daniel"
/// (or "off", or "on" with no voice chosen).
pub fn remembered_read_aloud(store: &dyn Store, instance: Option<&str>) -> ReadAloud {
    let kept = read(store, instance, "read-aloud").unwrap_or_default();
    let (on, voice) = kept.split_once(' ').unwrap_or((&kept, ""));
    ReadAloud {
        on: on == "on",
        voice: (!voice.is_empty()).then(|| voice.to_string()),
        again: 0,
    }
}

/// How [`remembered_read_aloud`] reads it back.
pub fn read_aloud_pref(r: &ReadAloud) -> String {
    format!(
        "{} {}",
        if r.on { "on" } else { "off" },
        r.voice.as_deref().unwrap_or("")
    )
}

/// Writes preference `name` whenever its value changes (not on the first render: nothing was
/// picked yet). A preference that cannot be kept is no reason to bother the learner.
#[hook]
pub fn use_remember(
    store: Rc<dyn Store>,
    instance: Option<String>,
    name: &'static str,
    value: String,
) {
    let first = use_mut_ref(|| true);
    use_effect_with(value, move |value| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            let _ = store.set(&pref_key(instance.as_deref(), name), value);
        }
    });
}
