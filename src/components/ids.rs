//! Element ids unique to the widget (a page may hold several widgets, and ids for labels,
//! `aria-labelledby` and focus must not repeat; the standalone page uses no prefix): passed to
//! the view functions and the few components below them.

use std::rc::Rc;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ids(pub Rc<str>);

impl Ids {
    pub fn of(&self, name: &str) -> String {
        format!("{}{name}", self.0)
    }
}
