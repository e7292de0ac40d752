//! The browser edge: small adapters that turn browser APIs into plain values for the core.

pub mod clipboard;
pub mod clock;
pub mod config;
pub mod dom;
pub mod download;
pub mod fetch;
pub mod file;
pub mod locks;
pub mod optimizer;
pub mod panic;
pub mod recorder;
pub mod scorm;
pub mod speech;
pub mod storage;
pub mod text;
pub mod url;
