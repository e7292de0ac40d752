//! Start-up only. On a host page every element marked `data-interview-cards` becomes a widget
//! configured by its `data-` attributes; otherwise the app mounts into `#app` (or `<body>`),
//! configured by the page URL.

use interview_cards::app::{App, AppProps};
use interview_cards::platform::config::{from_element, from_page_url};
use std::rc::Rc;

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
            yew::Renderer::<App>::with_root_and_props(element, props).render();
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
