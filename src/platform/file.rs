//! Files the learner picks: the first file of a file input, and its text. The size is checked
//! before a byte is read (a file over the limit is never read into memory), and a file the
//! browser cannot read is an error, never text.

use crate::core::import::ImportError;
use crate::core::progress::ProgressError;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a picked file was not read.
#[derive(Clone, Debug, PartialEq)]
pub enum Unread {
    /// Over the limit given: not read at all.
    TooLarge { bytes: usize },
    /// The browser's reason.
    Failed(String),
}

impl From<Unread> for ImportError {
    fn from(unread: Unread) -> Self {
        match unread {
            Unread::TooLarge { bytes } => ImportError::TooLarge { bytes },
            Unread::Failed(reason) => ImportError::NotRead { reason },
        }
    }
}

impl From<Unread> for ProgressError {
    fn from(unread: Unread) -> Self {
        match unread {
            Unread::TooLarge { bytes } => ProgressError::TooLarge { bytes },
            Unread::Failed(reason) => ProgressError::NotRead { reason },
        }
    }
}

/// The file picked in the input an `change` event came from; the input is cleared, so that
/// picking the same file again is a change again.
pub fn picked(event: &web_sys::Event) -> Option<web_sys::File> {
    let input = event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let file = input.files()?.get(0);
    input.set_value("");
    file
}

/// The text of `file` (UTF-8), once its size is known to be at most `limit` bytes, or why it
/// was not read.
pub async fn text(file: &web_sys::File, limit: usize) -> Result<String, Unread> {
    // Bytes on disk: text never takes fewer bytes once read (UTF-8 in, UTF-8 out).
    let bytes = file.size();
    if bytes > limit as f64 {
        return Err(Unread::TooLarge {
            bytes: bytes as usize,
        });
    }
    let unreadable = || Unread::Failed("the browser could not read it".into());
    let text = JsFuture::from(file.text()).await.map_err(|e| {
        js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .map_or_else(unreadable, Unread::Failed)
    })?;
    text.as_string().ok_or_else(unreadable)
}
