//! Interview Cards: a zero-install flash-card widget for backend interview questions.
//!
//! `core` is pure and host-tested; `platform` adapts the browser; `app` and `components` render.

/// Talc instead of dlmalloc: smaller code on the first card's critical path, and faster.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod app;
pub mod components;
pub mod core;
pub mod editor;
pub mod platform;
pub mod words;
