#!/usr/bin/env bash
# Builds a SCORM 1.2 package for course platforms: dist-scorm/interview-cards-scorm.zip, from a
# fresh release build (skipped with --no-build). Options (deck, presets, completion rule, title):
# see scripts/scorm.mjs, or README.md "Course platforms (SCORM)".
# Example: scripts/scorm.sh --deck my-deck.json --topic sql --complete mastered:80
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if [[ " $* " != *" --no-build "* ]]; then
  scripts/setup.sh
  trunk build --release --offline
fi
mkdir -p dist-scorm
exec node scripts/scorm.mjs "$@"
