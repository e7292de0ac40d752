//! Reading JSON numbers into `f64`, bit for bit, without serde_json's `float_roundtrip`.
//!
//! Saved FSRS memories must read back exactly as written. serde_json reads exactly only with
//! its `float_roundtrip` feature, which links 8.9 KB gzip of big-number code and tables into
//! the wasm. The browser already has a correctly rounded reader (`parseFloat`), so the fields
//! below take the number's text from serde_json (already checked against JSON's grammar) and
//! convert it there. This is the core's one call into JavaScript, and only on wasm: on the
//! host (tests) Rust's `str::parse` reads the same text to the same bits.

use serde::de::{Deserialize, Deserializer, Error, Unexpected};
use serde_json::value::RawValue;

/// The `f64` a JSON number's text stands for; `None` for anything but a finite number.
pub fn read(text: &str) -> Option<f64> {
    if !text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        return None;
    }
    #[cfg(target_arch = "wasm32")]
    let value = js_sys::Number::parse_float(text);
    #[cfg(not(target_arch = "wasm32"))]
    let value = text.parse::<f64>().unwrap_or(f64::NAN);
    value.is_finite().then_some(value)
}

fn number<'de, D: Deserializer<'de>>(raw: &RawValue) -> Result<f64, D::Error> {
    read(raw.get())
        .ok_or_else(|| D::Error::invalid_value(Unexpected::Other(raw.get()), &"a finite number"))
}

/// `#[serde(deserialize_with = "number::f64")]`
pub fn f64<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    number::<D>(<&RawValue>::deserialize(d)?)
}

/// `#[serde(default, deserialize_with = "number::option")]`: `null` is `None`.
pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    match <Option<&RawValue>>::deserialize(d)? {
        Some(raw) => number::<D>(raw).map(Some),
        None => Ok(None),
    }
}

/// `#[serde(default, deserialize_with = "number::list")]`
pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f64>, D::Error> {
    <Vec<&RawValue>>::deserialize(d)?
        .into_iter()
        .map(number::<D>)
        .collect()
}

/// `#[serde(default, deserialize_with = "number::option_pair")]`
pub fn option_pair<'de, D: Deserializer<'de>>(d: D) -> Result<Option<(f64, f64)>, D::Error> {
    match <Option<(&RawValue, &RawValue)>>::deserialize(d)? {
        Some((a, b)) => Ok(Some((number::<D>(a)?, number::<D>(b)?))),
        None => Ok(None),
    }
}
