//! Files the learner picks: the size is checked before a byte is read (a file over the limit is
//! never read into memory), and a file the browser cannot read is an error, never text.

use gloo::file::callbacks::{read_as_text, FileReader};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Why a picked file was not read.
#[derive(Clone, Debug, PartialEq)]
pub enum Unread {
    /// Over the limit given: not read at all.
    TooLarge { bytes: usize },
    /// The browser's reason.
    Failed(String),
}

/// Reads the first file of a file input as text, once its size is known to be at most `limit`
/// bytes, then clears the input (so picking the same file again reads it again). `done` gets
/// the text or why there is none, and the file's name. The reader is kept in `slot` until it
/// calls back.
pub fn read_picked_file(
    e: &Event,
    limit: usize,
    slot: &Rc<RefCell<Option<FileReader>>>,
    done: Callback<(Result<String, Unread>, String)>,
) {
    let input: HtmlInputElement = e.target_unchecked_into();
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    read_file(file, limit, slot, done);
}

/// [`read_picked_file`] for a file at hand.
pub fn read_file(
    file: web_sys::File,
    limit: usize,
    slot: &Rc<RefCell<Option<FileReader>>>,
    done: Callback<(Result<String, Unread>, String)>,
) {
    let name = file.name();
    // Bytes on disk: text never takes fewer bytes once read (UTF-8 in, UTF-8 out).
    let bytes = file.size();
    if bytes > limit as f64 {
        done.emit((
            Err(Unread::TooLarge {
                bytes: bytes as usize,
            }),
            name,
        ));
        return;
    }
    let task = read_as_text(&gloo::file::File::from(file), move |text| {
        done.emit((text.map_err(|e| Unread::Failed(e.to_string())), name));
    });
    *slot.borrow_mut() = Some(task);
}
