//! Prepares the bank the app carries inside its wasm: `data/deck.json` without what the app
//! does not show (each card's `sources`, which tie it to the seed documents for the tests, and
//! the record of a changed difficulty) and without whitespace; `dist/deck.json` stays the full
//! file. The key points stay (about 10.6 KB gzip): fetching them separately was measured and
//! costs more in all (a second gzip stream, the fetch code), since a first visit downloads them
//! anyway (the service worker precaches every file).

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=data/deck.json");
    let text = fs::read_to_string("data/deck.json").expect("data/deck.json is readable");
    let mut deck: serde_json::Value = serde_json::from_str(&text).expect("data/deck.json is JSON");
    if let Some(cards) = deck.get_mut("cards").and_then(|c| c.as_array_mut()) {
        for card in cards {
            if let Some(card) = card.as_object_mut() {
                for field in ["sources", "seed_difficulty", "difficulty_reason"] {
                    card.remove(field);
                }
            }
        }
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("deck.json");
    fs::write(out, deck.to_string()).expect("OUT_DIR is writable");
}
