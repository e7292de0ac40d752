//! Element ids unique to one widget: a page may hold several widgets, and ids (for labels,
//! `aria-labelledby` and focus) must not repeat. The standalone page uses no prefix.

use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ids(pub Rc<str>);

impl Ids {
    pub fn of(&self, name: &str) -> String {
        format!("{}{name}", self.0)
    }
}

/// The widget's ids, from the nearest [`Ids`] context (none: no prefix).
#[hook]
pub fn use_ids() -> Ids {
    use_context::<Ids>().unwrap_or_default()
}
