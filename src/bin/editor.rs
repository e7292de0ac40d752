//! The authoring page's start-up (`editor.html`): a module of its own, so none of the editor is
//! downloaded by the practice page.

use interview_cards::editor::{open_kept, Editor, EditorProps};
use std::rc::Rc;

fn main() {
    interview_cards::platform::panic::install();
    let props = EditorProps {
        kept: Rc::new(open_kept()),
    };
    match web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("editor"))
    {
        Some(root) => yew::Renderer::<Editor>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<Editor>::with_props(props).render(),
    };
}
