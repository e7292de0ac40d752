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
