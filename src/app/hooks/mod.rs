//! One hook per effect. Each carries out what the reducer or a core coordinator decided,
//! against the browser; none decides anything itself.

pub mod bank_parts;
pub mod clock;
pub mod deck_loader;
pub mod files;
pub mod host_events;
pub mod keys;
pub mod optimizer;
pub mod persistence;
pub mod prefs;
pub mod recorder;
pub mod scorm;
pub mod speech;
pub mod url_sync;
