//! Renders the answer Markdown subset as Yew nodes. Every piece of deck text becomes a text
//! node, never HTML, so a deck cannot inject markup or script.

use crate::core::markdown::{parse, Block, Inline};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnswerProps {
    pub source: AttrValue,
}

fn inline(spans: &[Inline]) -> Html {
    spans
        .iter()
        .map(|span| match span {
            Inline::Text(t) => html! { {t.clone()} },
            Inline::Code(t) => html! { <code>{t.clone()}</code> },
            Inline::Bold(t) => html! { <strong>{t.clone()}</strong> },
        })
        .collect()
}

#[function_component(Answer)]
pub fn answer(props: &AnswerProps) -> Html {
    let blocks = use_memo(props.source.clone(), |source| parse(source));
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(spans) => html! { <p>{inline(spans)}</p> },
            Block::List { ordered, items } => {
                let items: Html = items
                    .iter()
                    .map(|i| html! { <li>{inline(i)}</li> })
                    .collect();
                if *ordered {
                    html! { <ol>{items}</ol> }
                } else {
                    html! { <ul>{items}</ul> }
                }
            }
            Block::Code { lang, text } => html! {
                // tabindex lets keyboard users scroll a wide code block.
                <pre tabindex="0" data-lang={lang.clone()}><code>{text.clone()}</code></pre>
            },
        })
        .collect()
}

/// Why a card's answer is not on screen: its part of the bank is on its way, or could not be
/// had (why, and the way to try again).
#[derive(Clone, PartialEq)]
pub enum AnswerWait {
    Coming,
    Failed(AttrValue, Callback<()>),
}

/// The card's answer, or, while its part of the bank is missing, what is happening.
pub fn answer_or_wait(card: &crate::core::deck::Card, wait: &AnswerWait) -> Html {
    if crate::core::bank::answered(card) {
        return html! { <Answer source={AttrValue::from(card.answer.clone())} /> };
    }
    match wait {
        AnswerWait::Coming => html! {
            <p class="loading" role="status" data-testid="answer-missing">{"The answer is on its way…"}</p>
        },
        AnswerWait::Failed(reason, retry) => html! {
            <div class="notice error" role="alert" data-testid="answer-missing">
                <p>{crate::words::later_failed("this answer", reason)}</p>
                <button type="button" onclick={retry.reform(|_: MouseEvent| ())}>{"Try again"}</button>
            </div>
        },
    }
}
