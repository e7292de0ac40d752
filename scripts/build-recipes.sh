#!/usr/bin/env bash
# Builds the Hugo and Jekyll recipe sites with the real tools, into dist-recipes/hugo/ and
# dist-recipes/jekyll/, for the end-to-end suite (tests/e2e/recipes.spec.js serves them beside
# the release build). Each site (examples/recipes/hugo-site/, jekyll-site/) has one post that
# uses the recipe's shortcode or include exactly as it is in examples/recipes/.
# Needs Debian's hugo and jekyll (scripts/setup.sh --browser installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$PWD/dist-recipes
recipes=$PWD/examples/recipes
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Hugo: the recipe folder is the site's theme (hugo.toml: themesDir "..", theme "hugo"), so
# the shortcode is read where it is. Nothing is written into the source folder: no build lock,
# the cache and resources/ in the work folder.
HUGO_RESOURCEDIR="$work/hugo-resources" hugo --quiet --source "$recipes/hugo-site" --destination "$out/hugo" --noBuildLock \
  --cacheDir "$work/hugo-cache" --cleanDestinationDir

# Jekyll reads includes only from inside its source folder: build a copy of the site with the
# recipe's _includes/ copied in unchanged. No disk cache, no files left in the repository.
cp -r "$recipes/jekyll-site" "$work/jekyll"
cp -r "$recipes/jekyll/_includes" "$work/jekyll/_includes"
jekyll build --quiet --disable-disk-cache --source "$work/jekyll" --destination "$out/jekyll"

# The built post must hold the recipe's element and script, and no unrendered template tag.
check() {
  local page=$1 element=$2
  [ -f "$page" ] || { echo "build-recipes: $page was not built" >&2; exit 1; }
  grep -qF "$element" "$page" || { echo "build-recipes: $page lacks $element" >&2; exit 1; }
  grep -qF '<script type="module" src="/embed.js"></script>' "$page" ||
    { echo "build-recipes: $page lacks the embed.js script" >&2; exit 1; }
  if grep -qE '\{\{|\{%|interview_cards|interviewCards' "$page"; then
    echo "build-recipes: $page holds an unrendered template tag" >&2; exit 1
  fi
}
check "$out/hugo/posts/databases/index.html" '<interview-cards topic="databases" instance="hugo-db"></interview-cards>'
check "$out/jekyll/api-practice/index.html" '<interview-cards topic="api" instance="jekyll-api"></interview-cards>'
echo "built $(find "$out" -name '*.html' | wc -l) pages with $(hugo version | awk '{print $1, $2}') and $(jekyll --version)"
