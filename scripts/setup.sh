#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there at the right
# version, so a second run takes seconds. Usage: scripts/setup.sh [--browser]
#   --browser  also install what the tests need and serving does not, from Debian: Chromium +
#              ChromeDriver, Firefox ESR, WebKitGTK's WebKitWebDriver with Xvfb, Hugo and Jekyll
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Splits the release wasm (scripts/build-app.sh); must match the wasm_split_helpers crate's
# layout of split points (pinned in Cargo.toml).
WASM_SPLIT_VERSION=0.2.4
# The CLI must equal the wasm-bindgen crate in Cargo.lock, or the build fails with a schema error.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
# The Rust release rust-toolchain.toml pins (with rustfmt, clippy and the wasm32 target).
RUST_VERSION=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
log() { printf '==> %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v rustup >/dev/null || die "rustup is needed (https://rustup.rs), with a stable Rust"
[ -n "$WASM_BINDGEN_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
[ -n "$RUST_VERSION" ] || die "could not read the Rust channel from rust-toolchain.toml"

# Crates with C parts (Trunk's dependencies) need a C compiler and pkg-config.
if ! command -v cc >/dev/null || ! command -v pkg-config >/dev/null; then
  log "installing a C toolchain and pkg-config"
  apt_install build-essential pkg-config
fi

# The pinned release: already there, or the installed stable when it is that release (made
# known under the release's name, nothing downloaded), or installed by rustup. Asked with
# +stable: in this directory rustup refuses to run anything until the pinned one exists.
# (`rustup toolchain link` refuses names that look like releases, hence the symlink.)
if ! rustup toolchain list | grep -q "^$RUST_VERSION-"; then
  if rustc +stable --version 2>/dev/null | grep -qF "rustc $RUST_VERSION "; then
    host=$(rustc +stable -vV | sed -n 's/^host: //p')
    [ -n "$host" ] || die "could not read the host triple from rustc"
    log "using the installed stable Rust as $RUST_VERSION"
    ln -s "$(rustc +stable --print sysroot)" "${RUSTUP_HOME:-$HOME/.rustup}/toolchains/$RUST_VERSION-$host"
  else
    log "installing Rust $RUST_VERSION"
    rustup toolchain install "$RUST_VERSION" --profile minimal -c rustfmt -c clippy -t wasm32-unknown-unknown
  fi
fi
# In this directory rustc must now be the pinned release; otherwise say so plainly.
rustc --version | grep -qF "rustc $RUST_VERSION " ||
  die "rustc here is $(rustc --version), not the pinned $RUST_VERSION (see rust-toolchain.toml)"
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qF "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qF "$WASM_BINDGEN_VERSION" ||
   ! command -v wasm-bindgen-test-runner >/dev/null; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # --locked, with scripts/locks/wasm-bindgen-cli-<version>.lock: the CLI's own lock file pins
  # webpki-roots 1.0.11, which the registry no longer offers ("failed to select a version for
  # webpki-roots = ^1.0.10 (locked to 1.0.11)", tried 2026-12-07); ours is that file with
  # webpki-roots at 1.0.10 (`cargo update -p webpki-roots --precise 1.0.10`), nothing else.
  lock="scripts/locks/wasm-bindgen-cli-$WASM_BINDGEN_VERSION.lock"
  [ -f "$lock" ] || die "$lock is missing: make it from the CLI's own Cargo.lock (see above)"
  work=$(mktemp -d)
  # Cargo fetches the CLI's source the usual way (registry, checksum) through a throwaway
  # package that depends on it.
  mkdir -p "$work/fetch/src"
  printf '[package]\nname = "fetch-cli"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\nwasm-bindgen-cli = "=%s"\n' \
    "$WASM_BINDGEN_VERSION" > "$work/fetch/Cargo.toml"
  : > "$work/fetch/src/lib.rs"
  (cd "$work/fetch" && cargo fetch --quiet)
  src=$(find "${CARGO_HOME:-$HOME/.cargo}/registry/src" -maxdepth 2 -type d -name "wasm-bindgen-cli-$WASM_BINDGEN_VERSION" | head -1)
  [ -n "$src" ] || die "the wasm-bindgen-cli $WASM_BINDGEN_VERSION source was not fetched"
  cp -r "$src" "$work/cli"
  cp "$lock" "$work/cli/Cargo.lock"
  cargo install --locked --force --path "$work/cli"
  rm -rf "$work"
fi

# (The CLI has no --version: cargo's list of what it installed tells.)
if ! command -v wasm-split-cli >/dev/null ||
   ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "installing wasm-split-cli $WASM_SPLIT_VERSION (about a minute)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# npm packages: Playwright, axe-core and binaryen's wasm-opt. Browsers come from Debian, never
# from Playwright's download.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Debian's chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
  # The smoke suite in the other engines (tests/engines/): Firefox ESR, and WebKitGTK's
  # WebDriver with its MiniBrowser (libwebkit2gtk), which needs an X display: Xvfb.
  missing=()
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  # The recipe sites are built with the real Hugo and Jekyll (scripts/build-recipes.sh).
  command -v hugo >/dev/null || missing+=(hugo)
  command -v jekyll >/dev/null || missing+=(jekyll)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian's ${missing[*]}"
    apt_install "${missing[@]}"
  fi
fi
log "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $WASM_SPLIT_VERSION, wasm-opt $(wasm-opt --version | awk '{print $3}')"
