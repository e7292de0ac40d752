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
