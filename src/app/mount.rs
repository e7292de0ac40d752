//! Widgets on a host page: each `data-interview-cards` element and each `<interview-cards>`
//! element gets its own app inside an open shadow root (styles isolated both ways). A custom
//! element is mounted again when its attributes change, and unmounted when it leaves the page.

use crate::app::{App, AppProps};
use crate::platform::config::from_element;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

thread_local! {
    static MOUNTED: RefCell<Vec<(web_sys::Element, yew::AppHandle<App>)>> = const { RefCell::new(Vec::new()) };
    /// Numbers the widgets of the page, for their id prefixes.
    static NEXT: Cell<usize> = const { Cell::new(0) };
}

/// A `<link rel="stylesheet">` to the widget's stylesheet.
fn stylesheet(document: &web_sys::Document, href: &str) -> Option<web_sys::Element> {
    let link = document.create_element("link").ok()?;
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", href);
    Some(link)
}

/// A container inside an open shadow root on `host` (made now, or emptied when the element has
/// one from an earlier mount), with the widget's stylesheet. `None` when the element cannot
/// hold a shadow root: the widget then mounts on it directly, with the stylesheet in the page.
fn isolated_root(
    document: &web_sys::Document,
    host: &web_sys::Element,
) -> Option<web_sys::Element> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"interviewCardsCss".into())
        .ok()
        .and_then(|v| v.as_string());
    let shadow = host.shadow_root().or_else(|| {
        host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .ok()
    });
    let Some(shadow) = shadow else {
        let linked = document
            .query_selector("link[data-interview-cards-css]")
            .ok()
            .flatten()
            .is_some();
        if let (Some(link), Some(head), false) = (
            css.and_then(|css| stylesheet(document, &css)),
            document.head(),
            linked,
        ) {
            let _ = link.set_attribute("data-interview-cards-css", "");
            let _ = head.append_child(&link);
        }
        return None;
    };
    // Emptied node by node: innerHTML is refused on pages that enforce Trusted Types.
    while let Some(child) = shadow.first_child() {
        let _ = shadow.remove_child(&child);
    }
    if let Some(link) = css.and_then(|css| stylesheet(document, &css)) {
        shadow.append_child(&link).ok()?;
    }
    let container = document.create_element("div").ok()?;
    shadow.append_child(&container).ok()?;
    Some(container)
}

/// Takes down the widget on `element`, if there is one. Its saves already under way finish.
/// Yew creates and destroys apps later, in its scheduler, destroys first: an app mounted and
/// taken down in one go would be created after its destroy and live on unseen. So the destroy
/// waits for the next task, when the app surely exists.
pub fn unmount(element: &web_sys::Element) {
    let handle = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        let at = m.iter().position(|(e, _)| e == element)?;
        Some(m.remove(at).1)
    });
    if let Some(handle) = handle {
        gloo::timers::callback::Timeout::new(0, move || handle.destroy()).forget();
    }
}

/// Mounts (or mounts afresh, with its attributes as they are now) the widget on `element`.
pub fn mount(element: web_sys::Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    unmount(&element);
    let index = NEXT.with(|n| n.replace(n.get() + 1));
    let props = AppProps {
        config: Rc::new(from_element(&element, index)),
    };
    let root = isolated_root(&document, &element).unwrap_or_else(|| element.clone());
    let handle = yew::Renderer::<App>::with_root_and_props(root, props).render();
    MOUNTED.with(|m| m.borrow_mut().push((element, handle)));
}
