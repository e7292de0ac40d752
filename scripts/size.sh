#!/usr/bin/env bash
# Prints raw and gzip sizes of everything in dist/ that a first visit downloads, and fails when
# the gzip total is over the budget in scripts/size-budget.txt (bytes).
set -euo pipefail
cd "$(dirname "$0")/.."
budget=$(grep -v '^#' scripts/size-budget.txt | tr -d '[:space:]')
if ! ls dist/*.wasm >/dev/null 2>&1 || [ ! -f dist/index.html ]; then
  echo "FAIL: no build in dist/ to measure (run trunk build --release first)" >&2
  exit 1
fi
total_raw=0; total_gz=0
printf '%-40s %10s %10s\n' "file (first visit)" "raw B" "gzip B"
# deck.json is the full bank for people to reuse (the app downloads bank-<hash>.json) and
# resizer.js is for host pages: neither is part of a first visit. The .gz and .br copies are the
# same files precompressed for hosts that serve them. The optimizer (optimizer-*) downloads only
# when a learner asks to fit the schedule: listed apart below, not counted. The authoring page
# (editor.html and editor-*) is a page of its own, listed apart too.
while IFS= read -r f; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-40s %10d %10d\n' "${f#dist/}" "$raw" "$gz"
done < <(find dist -type f ! -name deck.json ! -name resizer.js ! -name '*.gz' ! -name '*.br' ! -name 'optimizer*' ! -name 'editor*' ! -path 'dist/.stage/*' | sort)
printf '%-40s %10d %10d\n' "total" "$total_raw" "$total_gz"
on_demand=0
for f in dist/optimizer*; do
  case $f in *.gz|*.br) continue ;; esac
  [ -f "$f" ] || continue
  gz=$(gzip -9 -c "$f" | wc -c); on_demand=$((on_demand + gz))
  printf '%-40s %10d %10d  (on demand)\n' "${f#dist/}" "$(stat -c %s "$f")" "$gz"
done
printf '%-40s %21d\n' "optimizer, on demand (not counted)" "$on_demand"
editor=0
for f in dist/editor*; do
  case $f in *.gz|*.br) continue ;; esac
  [ -f "$f" ] || continue
  editor=$((editor + $(gzip -9 -c "$f" | wc -c)))
done
printf '%-40s %21d\n' "authoring page, its own (not counted)" "$editor"
awk -v t="$total_gz" -v b="$budget" 'BEGIN { printf "gzip total %d B = %.1f KB; budget %d B\n", t, t/1024, b }'
if [ "$total_gz" -gt "$budget" ]; then
  echo "FAIL: dist/ is over its size budget" >&2
  exit 1
fi
