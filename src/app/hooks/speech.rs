//! Reading the mock interview's question aloud: the voices this browser offers for the page's
//! language, and speaking the question when the state says so (reading on, a new question,
//! "hear it again"). The browser calls are `platform::speech`'s. Used by `components::voice`,
//! so this code loads with the mock interview, not with the first card.

use crate::core::voice::{offered, Voice};
use crate::platform::speech;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// How long to wait for a browser that lists its voices late (Chrome fires `voiceschanged`).
const VOICES_WAIT_MS: u32 = 1_500;

/// The page's language, and the voices on offer for it, in order (none: no voice to use).
#[derive(Debug, PartialEq)]
pub struct Offer {
    pub lang: String,
    pub voices: Vec<Voice>,
}

/// The voices on offer for the page around `root`, asked for once `wanted` (reading aloud is
/// on): at once when the browser has them, else when it announces them, or none after a short
/// wait. `None` while waiting.
#[hook]
pub fn use_voices(root: NodeRef, wanted: bool) -> Option<Rc<Offer>> {
    let offer = use_state(|| None);
    {
        let offer = offer.clone();
        use_effect_with(wanted, move |wanted| {
            let lang = root
                .cast::<web_sys::Element>()
                .map(|e| speech::lang_of(&e))
                .unwrap_or_default();
            let found = wanted.then(|| speech::synthesis().map(|s| (speech::voices(&s), s)));
            let set = move |voices: &[Voice]| {
                let voices = offered(voices, &lang);
                offer.set(Some(Rc::new(Offer {
                    lang: lang.clone(),
                    voices,
                })))
            };
            let mut keep = None;
            match found {
                None => {}
                Some(Some((voices, synthesis))) if voices.is_empty() => {
                    let set = Rc::new(set);
                    let listed = {
                        let (set, synthesis) = (set.clone(), synthesis.clone());
                        EventListener::new(&synthesis.clone(), "voiceschanged", move |_| {
                            let voices = speech::voices(&synthesis);
                            if !voices.is_empty() {
                                set(&voices);
                            }
                        })
                    };
                    let waited =
                        Timeout::new(VOICES_WAIT_MS, move || set(&speech::voices(&synthesis)));
                    keep = Some((listed, waited));
                }
                Some(Some((voices, _))) => set(&voices),
                Some(None) => set(&[]),
            }
            move || drop(keep)
        });
    }
    (*offer).clone()
}

/// Speaks `question` (with its place in the interview, so the same text asked again is read
/// again) in `voice` and `lang` each time the question, `again` or the voice's arrival
/// changes while `on`; turning off, or leaving, stops the speech.
#[hook]
pub fn use_speech(
    on: bool,
    question: Option<(usize, AttrValue)>,
    voice: Option<AttrValue>,
    lang: AttrValue,
    again: u32,
) {
    let place = question.as_ref().map(|q| q.0);
    use_effect_with(
        (on && voice.is_some(), place, again),
        move |(speak, _, _)| {
            let spoke = match (*speak, question, voice) {
                (true, Some((_, text)), Some(voice)) => {
                    speech::speak(&text, &lang, &voice);
                    true
                }
                _ => false,
            };
            move || {
                if spoke {
                    speech::cancel();
                }
            }
        },
    );
}
