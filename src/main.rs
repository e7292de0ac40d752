//! Start-up only. On a host page every element marked `data-interview-cards` becomes a widget
//! configured by its `data-` attributes; otherwise the app mounts into `#app` (or `<body>`),
//! configured by the page URL.

use interview_cards::app::{App, AppProps};
use interview_cards::platform::config::{from_element, from_page_url};
use std::rc::Rc;

/// A container inside an open shadow root on `host`, with the widget's stylesheet: the host
/// page's styles stay out of the widget and the widget's out of the page. `None` when the
/// element cannot have a shadow root (or has one already): the widget then mounts on it
/// directly, with the stylesheet in the page.
fn isolated_root(
    document: &web_sys::Document,
    host: &web_sys::Element,
) -> Option<web_sys::Element> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"interviewCardsCss".into())
        .ok()
        .and_then(|v| v.as_string());
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .ok();
    let Some(shadow) = shadow else {
        if let (Some(css), None) = (
            &css,
            document
                .query_selector("link[data-interview-cards-css]")
                .ok()
                .flatten(),
        ) {
            if let (Ok(link), Some(head)) = (document.create_element("link"), document.head()) {
                let _ = link.set_attribute("rel", "stylesheet");
                let _ = link.set_attribute("href", css);
                let _ = link.set_attribute("data-interview-cards-css", "");
                let _ = head.append_child(&link);
            }
        }
        return None;
    };
    if let Some(css) = css {
        let link = document.create_element("link").ok()?;
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &css);
        shadow.append_child(&link).ok()?;
    }
    let container = document.create_element("div").ok()?;
    shadow.append_child(&container).ok()?;
    Some(container)
}

fn main() {
    // Start-up stages, as performance marks for the benchmark's breakdown of the first card.
    interview_cards::platform::clock::mark("wasm-started");
    interview_cards::platform::panic::install();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let hosts = document.query_selector_all("[data-interview-cards]").ok();
    let mut mounted = 0;
    if let Some(hosts) = hosts {
        for i in 0..hosts.length() {
            let Some(element) = hosts
                .item(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            else {
                continue;
            };
            let props = AppProps {
                config: Rc::new(from_element(&element, i as usize)),
            };
            let root = isolated_root(&document, &element).unwrap_or(element);
            yew::Renderer::<App>::with_root_and_props(root, props).render();
            mounted += 1;
        }
    }
    if mounted == 0 {
        let props = AppProps {
            config: Rc::new(from_page_url()),
        };
        match document.get_element_by_id("app") {
            Some(root) => yew::Renderer::<App>::with_root_and_props(root, props).render(),
            None => yew::Renderer::<App>::with_props(props).render(),
        };
    }
}
