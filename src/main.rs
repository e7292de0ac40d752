//! Start-up only. On a host page every element marked `data-interview-cards` becomes a widget
//! configured by its `data-` attributes, and `embed.js` mounts each `<interview-cards>` element
//! through [`mount_element`]; on the app's own page (`<body class="ic-page">`) the app mounts
//! into `#app`, configured by the page URL.

use interview_cards::app::mount::{mount, unmount};
use interview_cards::app::{App, AppProps};
use interview_cards::platform::config::from_page_url;
use std::rc::Rc;
use wasm_bindgen::prelude::wasm_bindgen;

/// Mounts the widget on `element` (an `<interview-cards>` element), or mounts it afresh after
/// its attributes changed.
#[wasm_bindgen]
pub fn mount_element(element: web_sys::Element) {
    mount(element);
}

/// Takes the widget off `element` (it left the page).
#[wasm_bindgen]
pub fn unmount_element(element: web_sys::Element) {
    unmount(&element);
}

fn main() {
    // Start-up stages, as performance marks for the benchmark's breakdown of the first card.
    interview_cards::platform::clock::mark("wasm-started");
    interview_cards::platform::panic::install();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let hosts = document.query_selector_all("[data-interview-cards]").ok();
    let mut hosted = 0;
    if let Some(hosts) = hosts {
        for i in 0..hosts.length() {
            if let Some(element) = hosts
                .item(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            {
                mount(element);
                hosted += 1;
            }
        }
    }
    // The app's own page says so (`<body class="ic-page">`): on any other page, with widgets
    // or without them yet, nothing of the page is taken over.
    let own_page = document
        .body()
        .and_then(|b| b.get_attribute("class"))
        .is_some_and(|c| c.split_whitespace().any(|c| c == "ic-page"));
    if hosted == 0 && own_page {
        let props = AppProps {
            config: Rc::new(from_page_url()),
        };
        match document.get_element_by_id("app") {
            Some(root) => yew::Renderer::<App>::with_root_and_props(root, props).render(),
            None => yew::Renderer::<App>::with_props(props).render(),
        };
    }
}
