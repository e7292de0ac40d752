//! View components: each renders its props and dispatches actions; none parses or persists.

pub mod answer;
pub mod card;
pub mod notice;
