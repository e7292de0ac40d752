//! The authoring page's state and its one reducer (pure): the draft, the draft an import
//! replaced, the last card or topic removed, and which field to focus after a change.

use crate::core::deck::Difficulty;
use crate::core::draft::{Draft, DraftCard, DraftTopic};
use std::rc::Rc;
use yew::prelude::*;

/// What the author can change; each is one step of the draft.
#[derive(Clone)]
pub enum Edit {
    Title(String),
    Id(String),
    TopicName(usize, String),
    TopicId(usize, String),
    AddTopic,
    RemoveTopic(usize),
    AddCard,
    RemoveCard(usize),
    MoveCard(usize, bool),
    Card(usize, CardField, String),
    /// A card's topic, by key.
    Topic(usize, u32),
    Difficulty(usize, Difficulty),
    /// A deck file replaces the draft; the draft before it is kept to swap back.
    Imported(Draft),
    /// The draft and the kept one change places.
    Swap,
    /// The last removed card or topic goes back where it was.
    PutBack,
    /// Another tab's version of the draft, loaded on request.
    Load(Draft),
}

#[derive(Clone, Copy, PartialEq)]
pub enum CardField {
    Question,
    Answer,
    KeyPoints,
}

/// The last card or topic removed, with its position.
#[derive(Clone, PartialEq)]
pub enum Removed {
    Card(usize, DraftCard),
    Topic(usize, DraftTopic),
}

#[derive(Clone, PartialEq)]
pub struct EditorState {
    pub draft: Rc<Draft>,
    /// The draft an import replaced (kept in storage too), to swap back to.
    pub kept: Option<Rc<Draft>>,
    pub removed: Option<Removed>,
    /// The field to focus after this change (a new card's question).
    pub focus: Option<String>,
}

impl Reducible for EditorState {
    type Action = Edit;

    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let mut draft = (*self.draft).clone();
        let mut kept = self.kept.clone();
        let mut removed = self.removed.clone();
        let mut focus = None;
        match edit {
            Edit::Title(t) => draft.title = t,
            Edit::Id(id) => draft.id = id,
            Edit::TopicName(i, name) => draft.set_topic_name(i, name),
            Edit::TopicId(i, id) => draft.set_topic_id(i, id),
            Edit::AddTopic => focus = Some(format!("topic-{}-name", draft.add_topic())),
            Edit::RemoveTopic(i) => {
                if let Some(topic) = draft.remove_topic(i) {
                    removed = Some(Removed::Topic(i, topic));
                    focus = Some("put-back-topic".into());
                }
            }
            Edit::AddCard => focus = Some(format!("card-{}-question", draft.add_card())),
            Edit::RemoveCard(i) => {
                if let Some(card) = draft.remove_card(i) {
                    removed = Some(Removed::Card(i, card));
                    focus = Some("put-back-card".into());
                }
            }
            Edit::MoveCard(i, up) => focus = move_card(&mut draft, i, up),
            Edit::Card(i, field, text) => {
                if let Some(card) = draft.cards.get_mut(i) {
                    *match field {
                        CardField::Question => &mut card.question,
                        CardField::Answer => &mut card.answer,
                        CardField::KeyPoints => &mut card.key_points,
                    } = text;
                }
            }
            Edit::Topic(i, key) => {
                if let Some(card) = draft.cards.get_mut(i) {
                    card.topic = key;
                }
            }
            Edit::Difficulty(i, d) => {
                if let Some(card) = draft.cards.get_mut(i) {
                    card.difficulty = d;
                }
            }
            Edit::Imported(imported) => {
                kept = Some(self.draft.clone());
                removed = None;
                draft = imported;
            }
            Edit::Swap => {
                if let Some(other) = kept.take() {
                    kept = Some(self.draft.clone());
                    removed = None;
                    draft = (*other).clone();
                    focus = Some("swap".into());
                }
            }
            Edit::PutBack => focus = removed.take().and_then(|r| put_back(&mut draft, r)),
            Edit::Load(other) => {
                removed = None;
                draft = other;
            }
        }
        Rc::new(EditorState {
            draft: Rc::new(draft),
            kept,
            removed,
            focus,
        })
    }
}

/// Moves card `i` up or down; the control to focus after, if it moved: the same button, unless
/// the card reached the end it moved to (where that button is disabled): then the other one.
fn move_card(draft: &mut Draft, i: usize, up: bool) -> Option<String> {
    if !draft.move_card(i, up) {
        return None;
    }
    let to = if up { i - 1 } else { i + 1 };
    let at_end = if up {
        to == 0
    } else {
        to + 1 == draft.cards.len()
    };
    let button = if up != at_end { "up" } else { "down" };
    Some(format!("card-{to}-{button}"))
}

/// Puts the last removed card or topic back where it was; the field to focus after.
fn put_back(draft: &mut Draft, removed: Removed) -> Option<String> {
    match removed {
        Removed::Card(i, card) => {
            let focus = format!("card-{}-question", i.min(draft.cards.len()));
            draft.restore_card(i, card);
            Some(focus)
        }
        Removed::Topic(i, topic) => {
            let focus = format!("topic-{}-name", i.min(draft.topics.len()));
            draft.restore_topic(i, topic);
            Some(focus)
        }
    }
}
