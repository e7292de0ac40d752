//! Reading the mock interview's question aloud: the voices this browser offers, and speaking
//! the question when the state says so (reading on, a new question, "hear it again"). The
//! browser calls are `platform::speech`'s. Used by `components::voice`, so this code loads with
//! the mock interview, not with the first card.

use crate::core::voice::Voice;
use crate::platform::speech;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// How long to wait for a browser that lists its voices late (Chrome fires `voiceschanged`).
const VOICES_WAIT_MS: u32 = 1_500;

/// The voices this browser has.
#[derive(Clone, Debug, PartialEq)]
pub enum Voices {
    /// Not asked yet, or still arriving.
    Waiting,
    /// None, or no speech synthesis at all.
    None,
    Some(Rc<Vec<Voice>>),
}

/// The browser's voices, asked for once `wanted` (reading aloud is on): at once when it has
/// them, else when it announces them, or none after a short wait.
#[hook]
pub fn use_voices(wanted: bool) -> Voices {
    let voices = use_state(|| Voices::Waiting);
    {
        let voices = voices.clone();
        use_effect_with(wanted, move |wanted| {
            let mut keep = None;
            if *wanted && *voices == Voices::Waiting {
                match speech::synthesis() {
                    None => voices.set(Voices::None),
                    Some(synthesis) => {
                        let found = speech::voices(&synthesis);
                        if found.is_empty() {
                            let listed = {
                                let (voices, synthesis) = (voices.clone(), synthesis.clone());
                                EventListener::new(&synthesis.clone(), "voiceschanged", move |_| {
                                    let found = speech::voices(&synthesis);
                                    if !found.is_empty() {
                                        voices.set(Voices::Some(Rc::new(found)));
                                    }
                                })
                            };
                            let waited = {
                                let voices = voices.clone();
                                Timeout::new(VOICES_WAIT_MS, move || {
                                    let found = speech::voices(&synthesis);
                                    voices.set(if found.is_empty() {
                                        Voices::None
                                    } else {
                                        Voices::Some(Rc::new(found))
                                    });
                                })
                            };
                            keep = Some((listed, waited));
                        } else {
                            voices.set(Voices::Some(Rc::new(found)));
                        }
                    }
                }
            }
            move || drop(keep)
        });
    }
    (*voices).clone()
}

/// What to read aloud, and when: `question` is the question on screen (with its place in the
/// interview, so that the same text asked again is read again); it is spoken in `voice` each
/// time the question, `again` or `voice`'s arrival changes while `on`; turning off, or
/// leaving, stops the speech. `root` places the widget in the page, for the page's language.
#[hook]
pub fn use_speech(
    root: NodeRef,
    on: bool,
    question: Option<(usize, AttrValue)>,
    voice: Option<AttrValue>,
    again: u32,
) {
    let has_voice = voice.is_some();
    let place = question.as_ref().map(|q| q.0);
    use_effect_with((on && has_voice, place, again), move |(speak, _, _)| {
        let spoke = match (*speak, question, voice) {
            (true, Some((_, text)), Some(voice)) => {
                let lang = root
                    .cast::<web_sys::Element>()
                    .map(|e| speech::lang_of(&e))
                    .unwrap_or_default();
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
    });
}
