//! The pure core: no `web_sys`, `gloo` or `yew` here, so it all runs under host `cargo test`.

pub mod deck;
pub mod filter;
pub mod import;
pub mod markdown;
pub mod mock;
pub mod order;
pub mod persist;
pub mod progress;
pub mod random;
pub mod schedule;
pub mod session;
pub mod stats;
pub mod store;
