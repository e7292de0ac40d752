//! Text by the browser's rules.

/// Lower-cases by the browser's Unicode tables (`String.prototype.toLowerCase`): Rust's own
/// would add about 7 KB gzip of case tables to the wasm. Rust's on the host, for tests.
pub fn lowercase(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_lowercase()
    }
}
