#!/usr/bin/env bash
# Prints how long importing a 5 MB Anki HTML export takes (release build): answers with a bare
# & before two-byte text, the input that made the entity scan quadratic (issue 25). Not part of
# the tests; tests/import.rs holds the bounded checks. Measured 2026-12-08 on the 2-core build
# machine: 0.08 s for 300 answers of 9,900 characters, 0.10 s to refuse one answer of 5 MB
# (before the fix: 1.26 s and 40.74 s).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo test --release --locked --quiet --test import benchmark_a_5_mb_anki_html_export -- --ignored --nocapture 2>&1 |
  grep 'MB Anki HTML export'
