//! Browser tests (wasm-bindgen-test in headless Chromium): the localStorage adapter against the
//! real API, and mounted components.
#![cfg(target_arch = "wasm32")]

use interview_cards::app::App;
use interview_cards::components::answer::AnswerWait;
use interview_cards::components::card::{card_view, CardProps};
use interview_cards::components::ids::Ids;
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

mod common;

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// What embed.js gives a page: the bank in parts (its index, and each part by file name), as
/// promises.
fn provide_bank() {
    let deck = interview_cards::core::deck::parse_deck(include_str!("../data/deck.json")).unwrap();
    let (index, parts) = common::in_parts(&deck);
    let give = wasm_bindgen::closure::Closure::<dyn Fn() -> js_sys::Promise>::new(move || {
        js_sys::Promise::resolve(&wasm_bindgen::JsValue::from_str(&index))
    });
    let part = wasm_bindgen::closure::Closure::<dyn Fn(String) -> js_sys::Promise>::new(
        move |file: String| match parts
            .iter()
            .find(|(t, _)| file == format!("bank-{t}-0123456789abcdef.json"))
        {
            Some((_, text)) => js_sys::Promise::resolve(&wasm_bindgen::JsValue::from_str(text)),
            None => js_sys::Promise::reject(&wasm_bindgen::JsValue::from_str("no such part")),
        },
    );
    for (name, f) in [
        ("interviewCardsBank", give.as_ref()),
        ("interviewCardsBankPart", part.as_ref()),
    ] {
        js_sys::Reflect::set(&js_sys::global(), &name.into(), f).unwrap();
    }
    give.forget();
    part.forget();
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

/// Waits (up to five seconds, in steps) until `selector` matches in `root`: the deck arrives
/// asynchronously, later on a loaded machine.
async fn shown(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    for _ in 0..250 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        settle().await;
    }
    panic!("{selector} never appeared");
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

/// The card view with a counter of the flips it asks for.
#[derive(Properties, PartialEq)]
struct FlipCounter {
    flips: Rc<Cell<u32>>,
}

#[function_component(HostileCard)]
fn hostile_card_view(props: &FlipCounter) -> Html {
    let counter = props.flips.clone();
    let props = CardProps {
        card: hostile_card(),
        topic: "Topic".into(),
        flipped: true,
        on_flip: Callback::from(move |_| counter.set(counter.get() + 1)),
        on_swipe: Callback::noop(),
        // A typed answer is shown beside the model answer: text too.
        typed: "<b>typed</b><script>window.pwned = 3</script>".into(),
        wait: AnswerWait::Coming,
    };
    card_view(&props, &Ids::default())
}

#[wasm_bindgen_test]
async fn card_text_is_rendered_as_text_never_as_html() {
    let root = fresh_root();
    let flips = Rc::new(Cell::new(0));
    let props = FlipCounter {
        flips: flips.clone(),
    };
    yew::Renderer::<HostileCard>::with_root_and_props(root.clone(), props).render();
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
    let answer = shown(&root, "[data-testid=answer]").await;
    assert_eq!(answer.child_element_count(), 0, "the answer starts hidden");
    let face: web_sys::HtmlElement = root
        .query_selector("[data-testid=card-face]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    face.click();
    // The answer itself (its part of the bank arrives right after the index), not the line
    // that says it is on its way.
    let answer = shown(&root, "[data-testid=answer] ol, [data-testid=answer] p").await;
    assert!(
        answer
            .closest("[data-testid=answer-missing]")
            .unwrap()
            .is_none(),
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

/// Saved progress reads back bit for bit through the browser's parseFloat (core::number),
/// for numbers that need all 17 digits, the extremes and random bit patterns.
#[wasm_bindgen_test]
fn saved_numbers_read_back_bit_for_bit_in_the_browser() {
    use interview_cards::core::number;
    use interview_cards::core::progress::{parse_progress, CardProgress, Progress};
    use interview_cards::core::schedule::Memory;

    let mut values = vec![
        0.1 + 0.2,
        1.0 / 3.0,
        2.0_f64.sqrt(),
        f64::MIN_POSITIVE,
        f64::MIN_POSITIVE / 3.0, // subnormal
        5e-324,
        f64::MAX,
        -f64::MAX,
        1e21,
        1e-7,
        1_733_600_000_123.0,
        9_007_199_254_740_993.0,
        -0.0,
        0.0,
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    while values.len() < 2_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let v = f64::from_bits(x);
        if v.is_finite() {
            values.push(v);
        }
    }
    for v in &values {
        for text in [format!("{v:?}"), format!("{v:e}")] {
            let read = number::read(&text).unwrap_or(f64::NAN);
            assert_eq!(read.to_bits(), v.to_bits(), "{text}");
        }
    }
    assert_eq!(number::read("1e400"), None, "out of range is not a number");
    assert_eq!(number::read("\"1\""), None);

    let mut progress = Progress::new("deck");
    for (i, pair) in values.chunks(2).enumerate() {
        let memory = Memory {
            stability: pair[0],
            difficulty: pair[1],
            due: pair[1],
            last_review: pair[0],
            reps: 1,
            lapses: 0,
            set_at: 0.0,
            phase: Default::default(),
            step: 0,
        };
        let card = CardProgress {
            last_seen: pair[0],
            memory: Some(memory),
            ..CardProgress::default()
        };
        progress.cards.insert(format!("c{i}").into(), Rc::new(card));
    }
    let read = parse_progress(&progress.to_json(), "deck").expect("reads back");
    for (id, card) in &progress.cards {
        let (a, b) = (card.memory.unwrap(), read.cards[id].memory.unwrap());
        assert_eq!(
            [
                a.stability,
                a.difficulty,
                a.due,
                a.last_review,
                card.last_seen
            ]
            .map(f64::to_bits),
            [
                b.stability,
                b.difficulty,
                b.due,
                b.last_review,
                read.cards[id].last_seen
            ]
            .map(f64::to_bits),
            "{id}"
        );
    }
}

/// A save waits for its Web Lock, but not forever: Firefox has been seen keeping a lock held for
/// a page that was left for minutes, and a save queued behind it would never run (and the
/// grade be lost when the tab closes). After a short wait the work runs without the lock (the
/// save merges what is stored, and the coordinator repairs a crossed write).
#[wasm_bindgen_test]
async fn work_waiting_for_a_lock_that_is_never_released_still_runs() {
    let name = "ic-test:stuck-lock";
    // Another holder that never lets go.
    let hold = js_sys::Function::new_no_args(&format!(
        "navigator.locks.request('{name}', () => new Promise(() => {{}})); return true;"
    ));
    hold.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    settle().await;
    let ran = Rc::new(Cell::new(0));
    let counter = ran.clone();
    interview_cards::platform::locks::with_lock(name, move || counter.set(counter.get() + 1));
    settle().await;
    assert_eq!(ran.get(), 0, "the lock is held: the work waits first");
    yew::platform::time::sleep(Duration::from_millis(
        u64::from(interview_cards::platform::locks::LOCK_WAIT_MS) + 500,
    ))
    .await;
    assert_eq!(ran.get(), 1, "the work ran once without the lock");
}

#[wasm_bindgen_test]
async fn work_under_a_free_lock_runs_once_at_once() {
    let ran = Rc::new(Cell::new(0));
    let counter = ran.clone();
    interview_cards::platform::locks::with_lock("ic-test:free-lock", move || {
        counter.set(counter.get() + 1)
    });
    settle().await;
    assert_eq!(ran.get(), 1);
    yew::platform::time::sleep(Duration::from_millis(
        u64::from(interview_cards::platform::locks::LOCK_WAIT_MS) + 500,
    ))
    .await;
    assert_eq!(ran.get(), 1, "the timeout does not run it again");
}

/// The language a question is read aloud in: the nearest `lang` around the widget, also from
/// inside a shadow root (a direct mount takes its host page's).
#[wasm_bindgen_test]
fn the_page_language_is_found_across_a_shadow_root() {
    use interview_cards::platform::speech::lang_of;
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    host.set_attribute("lang", "de-CH").unwrap();
    let mount = document.create_element("section").unwrap();
    host.append_child(&mount).unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let shadow = mount
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let inside = document.create_element("p").unwrap();
    shadow.append_child(&inside).unwrap();
    assert_eq!(lang_of(&inside), "de-CH");
    inside.set_attribute("lang", "fr").unwrap();
    assert_eq!(lang_of(&inside), "fr");
    host.remove();
}

/// A picked file over its limit is refused before a byte is read: its text is never asked for
/// and the answer says how large it is; at the limit it is read.
#[wasm_bindgen_test]
async fn a_picked_file_is_measured_before_it_is_read() {
    use interview_cards::platform::file::{text, Unread};
    use std::cell::Cell;
    use wasm_bindgen::closure::Closure;
    let file = |bytes: usize| {
        let parts = js_sys::Array::of1(&"x".repeat(bytes).into());
        web_sys::File::new_with_str_sequence(&parts, "cards.tsv").unwrap()
    };
    // A file whose text, if asked for, says so (and is still read as usual).
    let asked = Rc::new(Cell::new(false));
    let watched = |f: web_sys::File| {
        let asked = asked.clone();
        let real = js_sys::Reflect::get(&f, &"text".into()).unwrap();
        let real: js_sys::Function = real.into();
        let target = f.clone();
        let spy = Closure::<dyn Fn() -> wasm_bindgen::JsValue>::new(move || {
            asked.set(true);
            real.call0(&target).unwrap()
        });
        js_sys::Reflect::set(&f, &"text".into(), spy.as_ref()).unwrap();
        spy.forget();
        f
    };
    assert_eq!(
        text(&watched(file(1025)), 1024).await,
        Err(Unread::TooLarge { bytes: 1025 })
    );
    assert!(
        !asked.get(),
        "the text of a file over the limit was asked for"
    );
    assert_eq!(text(&watched(file(1024)), 1024).await, Ok("x".repeat(1024)));
    assert!(
        asked.get(),
        "the file at the limit was read through its text"
    );
}
