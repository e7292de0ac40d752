//! What a widget's views share through context: element ids unique to the widget (a page may
//! hold several widgets, and ids for labels, `aria-labelledby` and focus must not repeat; the
//! standalone page uses no prefix), and its store.

use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ids(pub Rc<str>);

impl Ids {
    pub fn of(&self, name: &str) -> String {
        format!("{}{name}", self.0)
    }
}

/// The widget's store, for the few views that read or remove a stored value themselves
/// (downloading or deleting a backup).
#[derive(Clone)]
pub struct StoreContext(pub Rc<dyn crate::core::store::Store>);

impl PartialEq for StoreContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The widget's ids, from the nearest [`Ids`] context (none: no prefix).
#[hook]
pub fn use_ids() -> Ids {
    use_context::<Ids>().unwrap_or_default()
}
