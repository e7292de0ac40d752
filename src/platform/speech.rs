//! Reading text aloud with the Web Speech API's `speechSynthesis`, on this device: the
//! browser's voices as plain values, the page's language, and speaking with a voice chosen by
//! name. A browser without speech synthesis has no voices; nothing here throws.

use crate::core::voice::Voice;
use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

/// The browser's `speechSynthesis`, when it has one (and `SpeechSynthesisUtterance` with it).
pub fn synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let has_utterance = js_sys::Reflect::get(&window, &"SpeechSynthesisUtterance".into())
        .is_ok_and(|u| u.is_function());
    let synthesis = js_sys::Reflect::get(&window, &"speechSynthesis".into()).ok()?;
    (has_utterance && synthesis.is_object()).then(|| synthesis.unchecked_into())
}

fn browser_voices(synthesis: &SpeechSynthesis) -> Vec<SpeechSynthesisVoice> {
    synthesis
        .get_voices()
        .iter()
        .map(|v| v.unchecked_into::<SpeechSynthesisVoice>())
        .collect()
}

/// The voices the browser has now (often none until it fires `voiceschanged`).
pub fn voices(synthesis: &SpeechSynthesis) -> Vec<Voice> {
    browser_voices(synthesis)
        .iter()
        .map(|v| Voice {
            name: v.name(),
            lang: v.lang(),
            default: v.default(),
            local: v.local_service(),
        })
        .collect()
}

/// The language an element is shown in: the nearest `lang` attribute around it, crossing
/// shadow roots to their hosts (a widget mounted in a page takes the page's); "" for none.
pub fn lang_of(element: &web_sys::Element) -> String {
    let mut at = Some(element.clone());
    while let Some(element) = at {
        if let Ok(Some(found)) = element.closest("[lang]") {
            return found.get_attribute("lang").unwrap_or_default();
        }
        at = element
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .map(|root| root.host());
    }
    String::new()
}

/// Says `text` in `lang` with the voice named `voice`, after stopping anything still being
/// said. Without that voice (gone since it was listed) nothing is said: the browser's own
/// pick might send the text to a server.
pub fn speak(text: &str, lang: &str, voice: &str) {
    let Some(synthesis) = synthesis() else {
        return;
    };
    synthesis.cancel();
    let Some(voice) = browser_voices(&synthesis)
        .into_iter()
        .find(|v| v.name() == voice)
    else {
        return;
    };
    if let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) {
        if !lang.is_empty() {
            utterance.set_lang(lang);
        }
        utterance.set_voice(Some(&voice));
        synthesis.speak(&utterance);
    }
}

/// Stops whatever is being said.
pub fn cancel() {
    if let Some(synthesis) = synthesis() {
        synthesis.cancel();
    }
}
