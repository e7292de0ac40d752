#!/usr/bin/env bash
# Installs what is missing, then serves the app on http://127.0.0.1:8080/ with live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo fetch --quiet
echo "==> serving on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops)"
exec trunk serve --offline --address 127.0.0.1 --port "${PORT:-8080}"
