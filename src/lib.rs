//! Interview Cards: a zero-install flash-card widget for backend interview questions.
//!
//! `core` is pure and host-tested; `platform` adapts the browser; `app` and `components` render.

pub mod app;
pub mod components;
pub mod core;
pub mod editor;
pub mod platform;
pub mod words;
