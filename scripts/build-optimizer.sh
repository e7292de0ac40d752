#!/usr/bin/env bash
# Builds the optimizer module (optimizer/: the fsrs crate's optimizer) for the web into OUT_DIR:
# optimizer.js (wasm-bindgen glue) and optimizer_bg.wasm (wasm-opt -Oz). Called by
# scripts/post-build.mjs for every Trunk build (always the release profile: a debug fit would
# be slow); scripts/post-build.mjs names the files by content and writes the worker around them.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/build-optimizer.sh OUT_DIR}
mkdir -p "$out"
cargo build --locked --release --quiet -p interview-cards-optimizer --target wasm32-unknown-unknown
target=${CARGO_TARGET_DIR:-target}
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name optimizer \
  "$target/wasm32-unknown-unknown/release/interview_cards_optimizer.wasm"
opt=$(command -v wasm-opt || echo node_modules/.bin/wasm-opt)
# The features Rust's wasm32 target emits by default, as for the app.
"$opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/optimizer_bg.wasm" -o "$out/optimizer_bg.wasm"
