//! The wall clock, read once per user action and handed to the pure core as a number.

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Adds a `performance.mark` so benchmarks can time the app from navigation start.
pub fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// Minutes east of UTC for the learner's time zone now (JavaScript's `getTimezoneOffset` is
/// minutes *west*).
pub fn utc_offset_minutes() -> i32 {
    utc_offset_at(now_ms())
}

/// Minutes east of UTC for the learner's time zone at `at_ms` (daylight saving included).
pub fn utc_offset_at(at_ms: f64) -> i32 {
    -(js_sys::Date::new(&at_ms.into()).get_timezone_offset() as i32)
}
