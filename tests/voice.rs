//! Reading mock questions aloud: choosing a voice (`core::voice`), and the reducer's part.

mod common;

use interview_cards::app::state::{Action, ReadAloud};
use interview_cards::core::voice::{chosen, offered, Voice};

fn voice(name: &str, lang: &str, default: bool, local: bool) -> Voice {
    Voice {
        name: name.into(),
        lang: lang.into(),
        default,
        local,
    }
}

fn names(voices: &[Voice]) -> Vec<String> {
    voices.iter().map(|v| v.name.clone()).collect()
}

#[test]
fn only_voices_on_this_device_are_offered() {
    let voices = [
        voice("Google UK English", "en-GB", false, false),
        voice("Daniel", "en-GB", false, true),
    ];
    assert_eq!(names(&offered(&voices, "en-GB")), ["Daniel"]);
    let remote = [voice("Google US English", "en-US", true, false)];
    assert!(offered(&remote, "en").is_empty());
    assert_eq!(chosen(&offered(&remote, "en"), None), None);
}

#[test]
fn the_page_language_comes_first_then_the_default_then_browser_order() {
    let voices = [
        voice("Anna", "de-DE", true, true),
        voice("Alex", "en-US", false, true),
        voice("Samantha", "en-US", true, true),
        voice("Daniel", "en_GB", false, true),
        voice("Karen", "en-AU", false, true),
    ];
    assert_eq!(
        names(&offered(&voices, "en-GB")),
        ["Daniel", "Samantha", "Alex", "Karen"]
    );
    assert_eq!(
        names(&offered(&voices, "EN")),
        ["Samantha", "Alex", "Daniel", "Karen"]
    );
    assert_eq!(names(&offered(&voices, "de")), ["Anna"]);
}

#[test]
fn a_page_language_without_a_voice_offers_every_voice_on_this_device() {
    let voices = [
        voice("Anna", "de-DE", false, true),
        voice("Alex", "en-US", true, true),
    ];
    assert_eq!(names(&offered(&voices, "fr-CA")), ["Alex", "Anna"]);
    assert_eq!(names(&offered(&voices, "")), ["Alex", "Anna"]);
}

#[test]
fn the_learners_choice_holds_while_it_is_offered() {
    let voices = [
        voice("Alex", "en-US", true, true),
        voice("Daniel", "en-GB", false, true),
    ];
    let offer = offered(&voices, "en-US");
    assert_eq!(
        chosen(&offer, Some("Daniel")).map(|v| &v.name[..]),
        Some("Daniel")
    );
    assert_eq!(
        chosen(&offer, Some("Gone")).map(|v| &v.name[..]),
        Some("Alex")
    );
    assert_eq!(chosen(&offer, None).map(|v| &v.name[..]), Some("Alex"));
}

#[test]
fn reading_aloud_is_off_until_turned_on_and_asks_again_on_request() {
    let s = common::fresh(5);
    assert_eq!(s.read_aloud, ReadAloud::default());
    let s = s.apply(Action::SetReadAloud(true));
    let s = s.apply(Action::ChooseVoice("Daniel".into()));
    let s = s.apply(Action::HearAgain).apply(Action::HearAgain);
    assert_eq!(
        s.read_aloud,
        ReadAloud {
            on: true,
            voice: Some("Daniel".into()),
            again: 2
        }
    );
    let s = s.apply(Action::SetReadAloud(false));
    assert!(!s.read_aloud.on);
    assert_eq!(s.read_aloud.voice.as_deref(), Some("Daniel"));
}

#[test]
fn reading_aloud_and_its_voice_are_remembered_together_per_instance() {
    use interview_cards::app::hooks::prefs::{pref_key, read_aloud_pref, remembered_read_aloud};
    use interview_cards::core::store::{MemoryStore, Store};
    let store = MemoryStore::default();
    assert_eq!(
        remembered_read_aloud(&store, Some("a")),
        ReadAloud::default()
    );
    let chosen = ReadAloud {
        on: true,
        voice: Some("Google UK English Female".into()),
        again: 3,
    };
    store
        .set(
            &pref_key(Some("a"), "read-aloud"),
            &read_aloud_pref(&chosen),
        )
        .unwrap();
    let back = remembered_read_aloud(&store, Some("a"));
    assert_eq!((back.on, back.voice), (true, chosen.voice.clone()));
    assert_eq!(back.again, 0);
    assert_eq!(remembered_read_aloud(&store, None), ReadAloud::default());
    let off = ReadAloud::default();
    store
        .set(&pref_key(None, "read-aloud"), &read_aloud_pref(&off))
        .unwrap();
    assert_eq!(remembered_read_aloud(&store, None), off);
}
