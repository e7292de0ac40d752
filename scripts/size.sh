#!/usr/bin/env bash
# Prints raw and gzip sizes of everything in dist/ that a first visit downloads, marks what the
# first card waits for, and fails when either gzip total is over its budget in
# scripts/size-budget.txt (bytes): `first-card` and `whole-visit`.
set -euo pipefail
cd "$(dirname "$0")/.."
budget() { awk -v k="$1" '$1 == k { print $2 }' scripts/size-budget.txt; }
first_budget=$(budget first-card); whole_budget=$(budget whole-visit)
[ -n "$first_budget" ] && [ -n "$whole_budget" ] || { echo "FAIL: scripts/size-budget.txt needs first-card and whole-visit" >&2; exit 1; }
if ! ls dist/*.wasm >/dev/null 2>&1 || [ ! -f dist/index.html ]; then
  echo "FAIL: no build in dist/ to measure (run trunk build --release first)" >&2
  exit 1
fi
# The first card's topic: its part of the bank comes with the index.
first_topic=$(node -e 'process.stdout.write(require("./data/deck.json").cards[0].topic)')
first_card() {
  case ${1#dist/} in
    index.html|embed.js|favicon.svg|app-*.css|interview-cards-*|split-*.js) return 0 ;;
    bank-"$first_topic"-*.json) return 0 ;;
    bank-*-*.json) return 1 ;;
    bank-*.json) return 0 ;;
  esac
  return 1
}
total_raw=0; total_gz=0; first_gz=0
printf '%-44s %10s %10s\n' "file (first visit; * before the first card)" "raw B" "gzip B"
# deck.json is the full bank for people to reuse (the app downloads the bank in parts) and
# resizer.js is for host pages: neither is part of a first visit. The .gz and .br copies are the
# same files precompressed for hosts that serve them. Downloaded only when asked, listed apart
# below and not counted: the optimizer (optimizer-*), the chunk that opens other decks
# (import-*), the course platform's chunk (scorm-*, SCORM packages only), the code only those
# two share (shared-import-scorm-*; a shared-* chunk the later views need is counted), and the
# authoring page (editor.html and editor-*), a page of its own.
while IFS= read -r f; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  mark=" "
  if first_card "$f"; then first_gz=$((first_gz + gz)); mark="*"; fi
  printf '%-44s %10d %10d\n' "$mark ${f#dist/}" "$raw" "$gz"
done < <(find dist -type f ! -name deck.json ! -name resizer.js ! -name '*.gz' ! -name '*.br' ! -name 'optimizer*' ! -name 'editor*' ! -name 'import-*' ! -name 'scorm-*' ! \( -name 'shared-*' ! -name '*-later-*' \) ! -path 'dist/.stage/*' | sort)
printf '%-44s %10d %10d\n' "  total" "$total_raw" "$total_gz"
for group in optimizer import scorm shared-import editor; do
  sum=0
  for f in dist/"$group"*; do
    case $f in *.gz|*.br) continue ;; esac
    [ -f "$f" ] || continue
    sum=$((sum + $(gzip -9 -c "$f" | wc -c)))
  done
  printf '%-44s %21d\n' "  $group, on demand (not counted)" "$sum"
done
awk -v f="$first_gz" -v fb="$first_budget" -v t="$total_gz" -v b="$whole_budget" 'BEGIN {
  printf "before the first card: gzip %d B = %.1f KB; budget %d B\n", f, f/1024, fb
  printf "whole first visit:     gzip %d B = %.1f KB; budget %d B\n", t, t/1024, b }'
status=0
if [ "$first_gz" -gt "$first_budget" ]; then echo "FAIL: what the first card waits for is over its budget" >&2; status=1; fi
if [ "$total_gz" -gt "$whole_budget" ]; then echo "FAIL: dist/ is over its size budget" >&2; status=1; fi
exit $status
