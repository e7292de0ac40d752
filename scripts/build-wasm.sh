#!/usr/bin/env bash
# Builds one of the modules loaded apart from the app for the web, always with the release
# profile, into OUT_DIR as NAME.js (wasm-bindgen glue) and NAME_bg.wasm (wasm-opt -Oz):
#   scripts/build-wasm.sh OUT_DIR optimizer interview_cards_optimizer -p interview-cards-optimizer
#   scripts/build-wasm.sh OUT_DIR editor editor --bin editor
# (the optimizer: the fsrs crate's fit, downloaded on "Optimise my schedule"; the editor: the
# authoring page's code). Called by scripts/post-build.mjs for every Trunk build, which names
# the files by content.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: scripts/build-wasm.sh OUT_DIR NAME ARTIFACT CARGO_ARGS..."
out=${1:?$usage}; name=${2:?$usage}; artifact=${3:?$usage}
shift 3
mkdir -p "$out"
cargo build --locked --release --quiet --target wasm32-unknown-unknown "$@"
target=${CARGO_TARGET_DIR:-target}
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$name" \
  "$target/wasm32-unknown-unknown/release/$artifact.wasm"
opt=$(command -v wasm-opt || echo node_modules/.bin/wasm-opt)
# The features Rust's wasm32 target emits by default, as for the app.
"$opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
