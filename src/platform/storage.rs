//! The browser's localStorage behind the core's [`Store`] trait. Every failure the browser can
//! produce (storage disabled, blocked in a sandboxed iframe, quota used up) becomes a
//! [`StoreError`] value; nothing here panics.

use crate::core::store::{Store, StoreError};
use wasm_bindgen::{JsCast, JsValue};

pub struct LocalStore {
    storage: web_sys::Storage,
}

fn describe(err: &JsValue) -> String {
    if let Some(ex) = err.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", ex.name(), ex.message());
    }
    err.as_string()
        .unwrap_or_else(|| "the browser refused access".into())
}

fn is_quota_error(err: &JsValue) -> bool {
    err.dyn_ref::<web_sys::DomException>()
        .map(|ex| {
            ex.name() == "QuotaExceededError"
                || ex.name() == "NS_ERROR_DOM_QUOTA_REACHED"
                || ex.code() == 22
        })
        .unwrap_or(false)
}

impl LocalStore {
    /// Opens localStorage, or says why it cannot be used. Merely touching
    /// `window.localStorage` throws in some sandboxes, so that is caught too.
    pub fn open() -> Result<Self, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        let storage = window
            .local_storage()
            .map_err(|e| StoreError::Unavailable(describe(&e)))?
            .ok_or_else(|| StoreError::Unavailable("localStorage is missing".into()))?;
        Ok(Self { storage })
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage
            .get_item(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(|e| {
            if is_quota_error(&e) {
                StoreError::QuotaExceeded
            } else {
                StoreError::Other(describe(&e))
            }
        })
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage
            .remove_item(key)
            .map_err(|e| StoreError::Other(describe(&e)))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let n = self
            .storage
            .length()
            .map_err(|e| StoreError::Other(describe(&e)))?;
        Ok((0..n)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .collect())
    }
}
