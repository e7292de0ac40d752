//! "Read the question aloud" in the mock interview: the toggle, the voice picker (when the
//! browser offers several voices) and "hear it again". What is said, and when, is the
//! `use_speech` hook's; a browser without a voice gets a sentence and the interview goes on.

use crate::app::hooks::speech::{use_speech, use_voices, Voices};
use crate::core::voice::{chosen, offered};
use crate::platform::speech::lang_of;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VoiceProps {
    pub on: bool,
    /// The learner's choice of voice, by name.
    pub voice: Option<AttrValue>,
    /// The question on screen and its place in the interview; `None` while setting up.
    pub question: Option<(usize, AttrValue)>,
    /// Bumped to hear the question again.
    pub again: u32,
    pub on_toggle: Callback<bool>,
    pub on_voice: Callback<String>,
    pub on_again: Callback<()>,
}

#[function_component(QuestionVoice)]
pub fn question_voice(props: &VoiceProps) -> Html {
    let root = use_node_ref();
    let voices = use_voices(props.on);
    // The page's language, read once the row is in the page (it is the same afterwards).
    let lang = use_state(String::new);
    {
        let (root, lang) = (root.clone(), lang.clone());
        use_effect_with((), move |_| {
            if let Some(el) = root.cast::<web_sys::Element>() {
                lang.set(lang_of(&el));
            }
        });
    }
    let list = match &voices {
        Voices::Some(list) => offered(list, &lang),
        _ => Vec::new(),
    };
    let voice = chosen(&list, props.voice.as_deref());
    use_speech(
        root.clone(),
        props.on,
        props.question.clone(),
        voice.map(|v| AttrValue::from(v.name.clone())),
        props.again,
    );
    let toggle = props
        .on_toggle
        .reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    let pick = props
        .on_voice
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let no_voice = props.on
        && (voices == Voices::None || matches!(voices, Voices::Some(_)) && list.is_empty());
    html! {
        <div class="voice" ref={root} data-testid="voice">
            <label class="check">
                <input type="checkbox" checked={props.on} onchange={toggle} />
                {"Read the question aloud"}
            </label>
            if props.on && list.len() > 1 {
                <label class="voice-pick">
                    <span>{"Voice"}</span>
                    <select onchange={pick}>
                        {for list.iter().map(|v| html! {
                            <option value={v.name.clone()} selected={voice.is_some_and(|c| c.name == v.name)}>
                                {format!("{} ({})", v.name, v.lang)}
                            </option>
                        })}
                    </select>
                </label>
            }
            if props.on && voice.is_some() && props.question.is_some() {
                <button type="button" onclick={props.on_again.reform(|_: MouseEvent| ())}>
                    {"Hear the question again"}
                </button>
            }
            if no_voice {
                <p class="hint" role="status" data-testid="voice-none">{crate::words::NO_VOICE}</p>
            }
        </div>
    }
}
