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
node scripts/gen-deck.mjs 2000 7 bench/out
cp examples/decks/sql-basics.json bench/out/
# The peer: H5P Dialog Cards with the same 110 cards (see shared/peers/h5p-dialogcards/README.md),
# measured in the same run when that folder is beside the project.
peer=../shared/peers/h5p-dialogcards
if [ -f "$peer/h5p-content.tar.gz" ]; then
  mkdir -p bench/out/peer
  tar xzf "$peer/h5p-content.tar.gz" -C bench/out/peer
  cp "$peer/index.html" bench/out/peer/
  if [ ! -f bench/out/peer/node_modules/h5p-standalone/dist/main.bundle.js ]; then
    # Its preinstall wants yarn; nothing of it needs building.
    npm install --prefix bench/out/peer --ignore-scripts --no-audit --no-fund --no-save h5p-standalone@3.8.2
  fi
else
  echo "bench: $peer not found; measuring without the H5P peer" >&2
fi
node scripts/bench.mjs
