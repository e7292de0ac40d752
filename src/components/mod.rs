//! View components: each renders its props and dispatches actions; none parses or persists.

pub mod aloud;
pub mod answer;
pub mod backups;
pub mod card;
pub mod data;
pub mod filters;
pub mod grade;
pub mod header;
pub mod help;
pub mod ids;
pub mod keypoints;
pub mod mock;
pub mod notice;
pub mod optimise;
pub mod panels;
pub mod practice;
pub mod settings;
pub mod stats;
pub mod voice;
