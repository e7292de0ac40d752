//! The application: state and actions, the reducer, presets and keys (all pure), the hooks
//! that carry out effects, and the `<App/>` shell.

pub mod action;
pub mod dispatch;
pub mod hooks;
pub mod keys;
pub mod later;
pub mod mount;
pub mod open_deck;
pub mod other_deck;
pub mod preset;
pub mod reduce;
pub mod scorm;
pub mod shell;
pub mod state;

pub use shell::{App, AppProps};

/// The bundled deck's id (its progress key depends on it).
pub const BUNDLED_DECK_ID: &str = "backend-interview";
