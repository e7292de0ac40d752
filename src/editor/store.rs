//! The draft in localStorage: read once at start, written at every change. A value that cannot be
//! read is never overwritten: it is copied aside first, and the author is told where it is.

use crate::core::draft::{
    read_stored, set_aside, set_aside_drafts, Aside, Draft, SetAside, StoredDraftError,
    MAX_SET_ASIDE,
};
use crate::core::store::{Store, StoreError};
use crate::platform::storage::LocalStore;

pub const DRAFT_KEY: &str = "interview-cards:editor:draft";
/// The draft an import replaced, kept to swap back to.
pub const PREVIOUS_KEY: &str = "interview-cards:editor:draft:before-import";

/// The draft to start from, what to tell the author about where it is kept, and the storage.
pub struct Kept {
    pub draft: Draft,
    pub notice: Option<String>,
    store: Option<LocalStore>,
}

impl PartialEq for Kept {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

fn new_id() -> String {
    // A deck id no other draft of this author is likely to have: the time, in base 36.
    let mut n = js_sys::Date::now() as u64;
    let mut digits = Vec::new();
    while n > 0 {
        digits.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
    }
    format!("deck-{}", digits.iter().rev().collect::<String>())
}

fn off(reason: &str) -> String {
    format!(
        "This browser does not let the page keep your draft ({reason}): export the deck before you leave the page."
    )
}

/// A new draft that is not kept (storage cannot be used, or holds what must not be overwritten).
fn not_kept(notice: String) -> Kept {
    Kept {
        draft: Draft::new(new_id()),
        notice: Some(notice),
        store: None,
    }
}

/// Reads the kept draft, or starts one.
pub fn open() -> Kept {
    let store = match LocalStore::open() {
        Ok(store) => store,
        Err(e) => return not_kept(off(&e.to_string())),
    };
    let (draft, notice) = match store.get(DRAFT_KEY) {
        Ok(None) => (Draft::new(new_id()), None),
        Ok(Some(text)) => match read_stored(&text) {
            Ok(draft) => (draft, None),
            Err(e) => {
                let why = match e {
                    StoredDraftError::Unreadable(reason) => {
                        format!("it could not be read: {reason}")
                    }
                    StoredDraftError::Newer(v) => {
                        format!("a newer version of this page wrote it (version {v})")
                    }
                };
                match set_aside(&store, DRAFT_KEY, Aside::Unreadable, &text, js_sys::Date::now()) {
                    Ok(done) => (
                        Draft::new(new_id()),
                        Some(format!("Your saved draft was not opened ({why}). It is kept unchanged in this browser's storage under \u{201c}{}\u{201d} (listed under Drafts set aside); a new draft was started.{}", done.key, removed_note(&done.removed))),
                    ),
                    // Nowhere to keep it aside: leave it where it is and keep nothing new.
                    Err(err) => return not_kept(format!("Your saved draft was not opened ({why}), and it could not be copied aside ({err}), so it is left as it was and this new draft is not kept: export it before you leave.")),
                }
            }
        },
        Err(e) => return not_kept(off(&e.to_string())),
    };
    Kept {
        draft,
        notice,
        store: Some(store),
    }
}

impl Kept {
    /// The draft an import replaced, if one is kept and readable.
    pub fn previous(&self) -> Option<Draft> {
        let text = self.store.as_ref()?.get(PREVIOUS_KEY).ok()??;
        read_stored(&text).ok()
    }

    /// Keeps the draft an import replaced.
    pub fn save_previous(&self, draft: &Draft) -> Result<(), String> {
        let Some(store) = &self.store else {
            return Ok(());
        };
        store
            .set(PREVIOUS_KEY, &draft.to_stored())
            .map_err(|e| format!("The draft before the import could not be kept ({e}): export it (swap to it, then export) before you leave."))
    }

    /// What storage holds for the draft now (another tab's version), as text.
    fn stored_text(&self) -> Result<(&LocalStore, Option<String>), String> {
        let store = self
            .store
            .as_ref()
            .ok_or("This browser's storage cannot be used here.")?;
        let text = store
            .get(DRAFT_KEY)
            .map_err(|e| format!("The other tab's version could not be read ({e})."))?;
        Ok((store, text))
    }

    /// The draft as another tab last saved it.
    pub fn reload(&self) -> Result<Draft, String> {
        let text = self
            .stored_text()?
            .1
            .ok_or("The other tab's version is no longer there (was the draft cleared?).")?;
        read_stored(&text).map_err(|_| {
            "The other tab's version could not be read: reload this page to keep it aside and see why.".to_string()
        })
    }

    /// Copies what storage holds for the draft aside (before this tab saves over it) and says
    /// so: under which key, and which older drafts set aside made room.
    pub fn set_aside_stored(&self) -> Result<String, String> {
        let (store, text) = self.stored_text()?;
        let text = text.unwrap_or_default();
        let done = set_aside(store, DRAFT_KEY, Aside::OtherTab, &text, js_sys::Date::now())
            .map_err(|e| format!("The other tab's version could not be copied aside ({e}), so this tab keeps waiting: export this version instead."))?;
        Ok(format!(
            "This tab's version is kept; the other tab's is copied aside under \u{201c}{}\u{201d} (listed under Drafts set aside).{}",
            done.key,
            removed_note(&done.removed)
        ))
    }

    /// The drafts set aside, oldest first.
    pub fn set_aside_list(&self) -> Vec<SetAside> {
        self.store
            .as_ref()
            .map_or_else(Vec::new, |s| set_aside_drafts(s, DRAFT_KEY))
    }

    /// A draft set aside, as stored.
    pub fn set_aside_text(&self, key: &str) -> Option<String> {
        self.store.as_ref()?.get(key).ok()?
    }

    /// Deletes a draft set aside.
    pub fn delete_set_aside(&self, key: &str) -> Result<(), String> {
        let store = self
            .store
            .as_ref()
            .ok_or("This browser's storage cannot be used here.")?;
        store
            .remove(key)
            .map_err(|e| format!("It could not be deleted ({e})."))
    }

    /// Keeps `draft`; says why not when it cannot.
    pub fn save(&self, draft: &Draft) -> Result<(), String> {
        let Some(store) = &self.store else {
            return Ok(()); // The notice already says the draft is not kept.
        };
        store.set(DRAFT_KEY, &draft.to_stored()).map_err(|e| match e {
            StoreError::QuotaExceeded => "This browser's storage is full, so your latest changes are not kept: export the deck to keep them.".to_string(),
            other => format!("Your latest changes could not be kept ({other}): export the deck to keep them."),
        })
    }
}

/// When a draft set aside, as the author's browser writes dates and times.
pub fn when(at: f64) -> String {
    String::from(js_sys::Date::new(&at.into()).to_locale_string("en-GB", &js_sys::Object::new()))
}

/// What the author is told when drafts set aside made room for a new one.
fn removed_note(removed: &[SetAside]) -> String {
    match removed {
        [] => String::new(),
        [one] => format!(
            " To keep at most {MAX_SET_ASIDE}, the oldest draft set aside (from {}) was deleted.",
            when(one.at)
        ),
        many => format!(
            " To keep at most {MAX_SET_ASIDE}, the {} oldest drafts set aside were deleted.",
            many.len()
        ),
    }
}
