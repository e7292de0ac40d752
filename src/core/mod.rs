//! The pure core: no `web_sys`, `gloo` or `yew` here, so it all runs under host `cargo test`.

pub mod deck;
pub mod filter;
pub mod markdown;
pub mod progress;
pub mod session;
pub mod store;
