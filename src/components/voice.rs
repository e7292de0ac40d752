//! "Read the question aloud" in the mock interview: the toggle, the voice picker (when the
//! browser offers several voices) and "hear it again". What is said, and when, is the
//! `use_speech` hook's; a browser without a voice gets a sentence and the interview goes on.

use crate::app::hooks::speech::{use_speech, use_voices};
use crate::core::voice::chosen;
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
    let offer = use_voices(root.clone(), props.on);
    let voices = offer.as_ref().map_or(&[][..], |o| &o.voices[..]);
    let voice = chosen(voices, props.voice.as_deref());
    use_speech(
        props.on,
        props.question.clone(),
        voice.map(|v| AttrValue::from(v.name.clone())),
        offer
            .as_ref()
            .map(|o| AttrValue::from(o.lang.clone()))
            .unwrap_or_default(),
        props.again,
    );
    let toggle = props
        .on_toggle
        .reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    let pick = props
        .on_voice
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let options = voices.iter().map(|v| {
        let selected = voice.is_some_and(|c| c.name == v.name);
        html! { <option value={v.name.clone()} {selected}>{format!("{} ({})", v.name, v.lang)}</option> }
    });
    html! {
        <div class="voice" ref={root} data-testid="voice">
            <label><input type="checkbox" checked={props.on} onchange={toggle} />{"Read the question aloud"}</label>
            if props.on {
                if voices.len() > 1 {
                    <label>{"Voice"}<select onchange={pick}>{for options}</select></label>
                }
                if voice.is_some() && props.question.is_some() {
                    <button type="button" onclick={props.on_again.reform(|_: MouseEvent| ())}>{"Hear the question again"}</button>
                }
                if offer.is_some() && voices.is_empty() {
                    <p role="status" data-testid="voice-none">{crate::words::NO_VOICE}</p>
                }
            }
        </div>
    }
}
