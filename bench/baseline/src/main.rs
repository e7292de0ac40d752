//! A minimal Yew app: one heading and one button, plus the same `first-card` performance mark
//! the real app sets once it is interactive.

use yew::prelude::*;

#[function_component(Hello)]
fn hello() -> Html {
    let count = use_state(|| 0);
    use_effect_with((), |_| {
        if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
            let _ = perf.mark("first-card");
        }
    });
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! {
        <main>
            <h1>{"Hello, world"}</h1>
            <button {onclick}>{format!("Clicked {} times", *count)}</button>
        </main>
    }
}

fn main() {
    yew::Renderer::<Hello>::new().render();
}
