#!/usr/bin/env bash
# Builds the practice page's wasm into OUT_DIR (called by scripts/post-build.mjs for every Trunk
# build, which names the files by content and writes the page's start-up around them):
#   scripts/build-app.sh OUT_DIR release   the first module (main.js, main_bg.wasm), the chunk
#                                          of the later views (split_later.wasm) and the link
#                                          module that fetches it (__wasm_split.js)
#   scripts/build-app.sh OUT_DIR debug     one module (main.js, main_bg.wasm), for trunk serve
# The release split runs between cargo and wasm-bindgen, where Trunk has no hook: cargo keeps
# the relocations (--emit-relocs), wasm-split-cli cuts the module at the split points of
# src/app/later.rs, wasm-bindgen turns the first module into main.js (keeping the function
# table the chunk fills: --keep-lld-exports), and wasm-opt shrinks each module on its own.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: scripts/build-app.sh OUT_DIR release|debug"
out=${1:?$usage}; profile=${2:?$usage}
rm -rf "$out"
mkdir -p "$out"
target=${CARGO_TARGET_DIR:-target}
opt=$(command -v wasm-opt || echo node_modules/.bin/wasm-opt)
# The features Rust's wasm32 target emits by default.
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
case $profile in
  release)
    # A target directory of its own: the relocation flag changes every dependency's build, and
    # the editor and the optimizer keep theirs in target/.
    split_target=$target/split
    CARGO_TARGET_DIR=$split_target RUSTFLAGS="-Clink-args=--emit-relocs" \
      cargo build --locked --release --quiet --target wasm32-unknown-unknown --features split --bin interview-cards
    parts=$(mktemp -d)
    trap 'rm -rf "$parts"' EXIT
    wasm-split-cli --target web "$split_target/wasm32-unknown-unknown/release/interview-cards.wasm" "$parts"
    wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$out" --out-name main "$parts/main.wasm"
    cp "$parts/__wasm_split.js" "$out/"
    for f in "$parts"/*.wasm; do
      [ "$(basename "$f")" = main.wasm ] || cp "$f" "$out/"
    done
    for f in "$out"/*.wasm; do
      "$opt" -Oz "${features[@]}" "$f" -o "$f"
    done
    ;;
  debug)
    cargo build --locked --quiet --target wasm32-unknown-unknown --bin interview-cards
    wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name main \
      "$target/wasm32-unknown-unknown/debug/interview-cards.wasm"
    ;;
  *)
    echo "$usage" >&2
    exit 2
    ;;
esac
