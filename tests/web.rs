//! Browser tests (wasm-bindgen-test in headless Chromium): the localStorage adapter against the
//! real API, and mounted components.
#![cfg(target_arch = "wasm32")]

use interview_cards::app::App;
use interview_cards::components::card::{CardProps, CardView};
use interview_cards::core::deck::{Card, Difficulty};
use interview_cards::core::store::{progress_key, Store, StoreError};
use interview_cards::platform::storage::LocalStore;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// What embed.js gives a page: the bank's text, as a promise shared by every widget.
fn provide_bank() {
    let give = wasm_bindgen::closure::Closure::<dyn Fn() -> js_sys::Promise>::new(|| {
        js_sys::Promise::resolve(&wasm_bindgen::JsValue::from_str(include_str!(
            "../data/deck.json"
        )))
    });
    js_sys::Reflect::set(
        &js_sys::global(),
        &"interviewCardsBank".into(),
        give.as_ref(),
    )
    .unwrap();
    give.forget();
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

#[wasm_bindgen_test]
fn local_store_reads_back_what_it_wrote() {
    let store = LocalStore::open().expect("localStorage is available in the test browser");
    store.set("ic-test:k", "välue ✓").unwrap();
    assert_eq!(store.get("ic-test:k").unwrap().as_deref(), Some("välue ✓"));
    assert_eq!(
        local_storage().get_item("ic-test:k").unwrap().as_deref(),
        Some("välue ✓")
    );
    assert_eq!(store.get("ic-test:missing").unwrap(), None);
    local_storage().remove_item("ic-test:k").unwrap();
}

#[wasm_bindgen_test]
fn a_full_local_storage_reports_quota_exceeded() {
    let store = LocalStore::open().unwrap();
    // Far beyond any browser's per-origin localStorage quota (5–10 MB).
    let huge = "x".repeat(16 * 1024 * 1024);
    assert_eq!(
        store.set("ic-test:huge", &huge),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(store.get("ic-test:huge").unwrap(), None);
}

fn hostile_card() -> Card {
    Card {
        id: "evil".into(),
        topic: "t".into(),
        difficulty: Difficulty::Hard,
        question: "<script>window.pwned = 1</script>Why?".into(),
        answer:
            "<img src=x onerror=\"window.pwned=2\"> **<b>bold</b>**\n\n```\n  indented <i>\n```"
                .into(),
        tags: vec![],
        sources: vec![],
        key_points: vec![],
        seed_difficulty: None,
        difficulty_reason: None,
    }
}

#[wasm_bindgen_test]
async fn card_text_is_rendered_as_text_never_as_html() {
    let root = fresh_root();
    let flips = Rc::new(Cell::new(0));
    let counter = flips.clone();
    let props = CardProps {
        card: hostile_card(),
        topic: "Topic".into(),
        flipped: true,
        on_flip: Callback::from(move |_| counter.set(counter.get() + 1)),
        // A typed answer is shown beside the model answer: text too.
        typed: "<b>typed</b><script>window.pwned = 3</script>".into(),
    };
    yew::Renderer::<CardView>::with_root_and_props(root.clone(), props).render();
    settle().await;

    assert!(root.query_selector("script").unwrap().is_none());
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(root.query_selector("b").unwrap().is_none());
    let text = root.text_content().unwrap();
    assert!(
        text.contains("<script>window.pwned = 1</script>Why?"),
        "{text}"
    );
    assert!(
        text.contains("<img src=x onerror=\"window.pwned=2\">"),
        "{text}"
    );
    assert!(
        text.contains("<b>typed</b><script>window.pwned = 3</script>"),
        "{text}"
    );
    let pre = root
        .query_selector("pre code")
        .unwrap()
        .expect("a code block");
    assert_eq!(pre.text_content().unwrap(), "  indented <i>");
    assert!(
        js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into())
            .unwrap()
            .is_undefined()
    );

    let face: web_sys::HtmlElement = root
        .query_selector("[data-testid=card-face]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    face.click();
    assert_eq!(flips.get(), 1, "a click on the card asks to flip");
}

#[wasm_bindgen_test]
async fn app_flips_moves_on_and_saves_progress() {
    let key = progress_key(None, "backend-interview");
    local_storage().remove_item(&key).unwrap();
    provide_bank();
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;

    let answer = root
        .query_selector("[data-testid=answer]")
        .unwrap()
        .unwrap();
    assert_eq!(answer.child_element_count(), 0, "the answer starts hidden");
    let face: web_sys::HtmlElement = root
        .query_selector("[data-testid=card-face]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    face.click();
    settle().await;
    let answer = root
        .query_selector("[data-testid=answer]")
        .unwrap()
        .unwrap();
    assert!(
        answer.child_element_count() > 0,
        "the answer shows after a click"
    );

    let next: web_sys::HtmlElement = root
        .query_selector(".controls button:last-child")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    next.click();
    settle().await;
    let position = root
        .query_selector("[data-testid=position]")
        .unwrap()
        .unwrap();
    assert!(position.text_content().unwrap().starts_with("2 / "));

    // Saves land a little after the render: wait for both cards seen (up to a second).
    let seen = || {
        local_storage().get_item(&key).unwrap().map(|saved| {
            let saved: serde_json::Value = serde_json::from_str(&saved).unwrap();
            saved["cards"].as_object().map_or(0, |c| c.len())
        })
    };
    for _ in 0..50 {
        if seen() == Some(2) {
            break;
        }
        settle().await;
    }
    assert_eq!(seen(), Some(2), "progress saved with both cards seen");
    local_storage().remove_item(&key).unwrap();
}
