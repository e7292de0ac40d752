//! Reading text aloud with the Web Speech API's `speechSynthesis`, on this device: the
//! browser's voices as plain values, the page's language, and speaking with a voice chosen by
//! name. A browser without speech synthesis has no voices; nothing here throws.

use crate::core::voice::Voice;
use js_sys::Reflect;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

/// The browser's `speechSynthesis`, when it has one (and `SpeechSynthesisUtterance` with it).
pub fn synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let has_utterance =
        Reflect::get(&window, &"SpeechSynthesisUtterance".into()).is_ok_and(|u| u.is_function());
    let synthesis = Reflect::get(&window, &"speechSynthesis".into()).ok()?;
    (has_utterance && synthesis.is_object()).then(|| synthesis.unchecked_into())
}

/// A property of a browser object (read through `Reflect`, which the app links anyway, rather
/// than one import per getter).
fn field(of: &JsValue, name: &str) -> JsValue {
    Reflect::get(of, &name.into()).unwrap_or_default()
}

/// The voices the browser has now (often none until it fires `voiceschanged`).
pub fn voices(synthesis: &SpeechSynthesis) -> Vec<Voice> {
    synthesis
        .get_voices()
        .iter()
        .map(|v| Voice {
            name: field(&v, "name").as_string().unwrap_or_default(),
            lang: field(&v, "lang").as_string().unwrap_or_default(),
            default: field(&v, "default").is_truthy(),
            local: field(&v, "localService").is_truthy(),
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
    let Some(voice) = synthesis
        .get_voices()
        .iter()
        .find(|v| field(v, "name").as_string().as_deref() == Some(voice))
    else {
        return;
    };
    if let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) {
        if !lang.is_empty() {
            let _ = Reflect::set(&utterance, &"lang".into(), &lang.into());
        }
        let _ = Reflect::set(&utterance, &"voice".into(), &voice);
        synthesis.speak(&utterance);
    }
}

/// Stops whatever is being said.
pub fn cancel() {
    if let Some(synthesis) = synthesis() {
        synthesis.cancel();
    }
}
