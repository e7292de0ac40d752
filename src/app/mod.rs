//! The application shell: state, reducer and the root component.

pub mod root;
pub mod state;

pub use root::{App, AppProps, BUNDLED_DECK};
