//! The pure core: no `web_sys`, `gloo` or `yew` here, so it all runs under host `cargo test`.

pub mod bank;
pub mod deck;
pub mod draft;
pub mod embed;
pub mod filter;
pub mod import;
pub mod keypoints;
pub mod markdown;
pub mod merge;
pub mod mock;
pub mod number;
pub mod optimize;
pub mod order;
pub mod persist;
pub mod progress;
pub mod random;
pub mod salvage;
pub mod save;
pub mod schedule;
pub mod scorm;
pub mod search;
pub mod session;
pub mod share;
pub mod stats;
pub mod store;
pub mod validate;
