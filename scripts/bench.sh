#!/usr/bin/env bash
# The benchmark (not part of the test command): builds the release app and the baseline Yew app
# with the same profile, generates a seeded 10,000-card deck with review history, then measures
# both in headless Chromium and writes BENCHMARKS.md. BENCH_RUNS=N sets the number of cold loads.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo fetch --quiet
trunk build --release --offline
(cd bench/baseline && cargo fetch --quiet && CARGO_TARGET_DIR=../../target/baseline trunk build --release --offline)
node scripts/gen-deck.mjs 10000 42 bench/out 3
node scripts/bench.mjs
