//! The theme the learner picked and their scheduling settings, remembered in storage across
//! reloads (a `theme` preset on the page or element wins).

use crate::app::state::Theme;
use crate::core::schedule::Settings;
use crate::core::store::{Store, KEY_PREFIX};
use std::rc::Rc;
use yew::prelude::*;

/// Where the picked theme is kept: one per widget instance.
pub fn theme_key(instance: Option<&str>) -> String {
    match instance {
        Some(instance) => format!("{KEY_PREFIX}:{instance}:theme"),
        None => format!("{KEY_PREFIX}:theme"),
    }
}

pub fn remembered(store: &dyn Store, instance: Option<&str>) -> Option<Theme> {
    store
        .get(&theme_key(instance))
        .ok()
        .flatten()
        .and_then(|t| Theme::parse(&t))
}

/// Writes the theme whenever it changes (not on the first render: nothing was picked yet).
#[hook]
pub fn use_remember_theme(store: Rc<dyn Store>, instance: Option<String>, theme: Theme) {
    let first = use_mut_ref(|| true);
    use_effect_with(theme, move |theme| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            // A theme that cannot be kept is no reason to bother the learner.
            let _ = store.set(&theme_key(instance.as_deref()), theme.as_str());
        }
    });
}

/// Where the scheduling settings are kept: one per widget instance.
pub fn schedule_key(instance: Option<&str>) -> String {
    match instance {
        Some(instance) => format!("{KEY_PREFIX}:{instance}:schedule"),
        None => format!("{KEY_PREFIX}:schedule"),
    }
}

/// The settings saved earlier; `None` (the defaults) when there are none or they are not
/// readable as settings.
pub fn remembered_schedule(store: &dyn Store, instance: Option<&str>) -> Option<Settings> {
    store
        .get(&schedule_key(instance))
        .ok()
        .flatten()
        .and_then(|t| Settings::read(&t))
}

/// Writes the scheduling settings whenever they change (not on the first render).
#[hook]
pub fn use_remember_schedule(store: Rc<dyn Store>, instance: Option<String>, settings: Settings) {
    let first = use_mut_ref(|| true);
    use_effect_with(settings, move |settings| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            let _ = store.set(&schedule_key(instance.as_deref()), &settings.to_text());
        }
    });
}
