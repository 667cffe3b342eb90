#!/usr/bin/env bash
# Publishes the same feeds folders with two builds of the command line and diffs what they wrote, for refactors
# that must not change a byte. Usage: scripts/compare-output.sh OLD_BUILD_DIR NEW_BUILD_DIR WORK_DIR FEEDS_DIR...
# Undated articles get their first-seen date from the clock, so the old build's first run gives each folder its
# state, and both builds then publish from a copy of that state: the dates are equal and the clock plays no part.
# A build dir holds `syndication` (dotnet build src/Syndication.Worker -c Release -o DIR). Prints one line per
# folder and exits 1 when any output differs.
set -euo pipefail
old=$1 new=$2 work=$3
shift 3
base=https://feeds.example.com/feeds
status=0
for feeds in "$@"; do
  name=$(basename "$feeds")
  rm -rf "$work/$name"
  mkdir -p "$work/$name"
  publish() { "$1/syndication" publish --feeds "$feeds" --out "$2" --public-base-url "$base" >"$2.log" 2>&1 || true; }
  publish "$old" "$work/$name/state"
  for build in old new; do
    out="$work/$name/$build"
    # Seeded in the former layout, DIR/.syndication, which builds that keep the state beside DIR move there.
    mkdir -p "$out/.syndication"
    seed="$work/$name/state.syndication-state/state"
    [ -d "$seed" ] || seed="$work/$name/state/.syndication/state"
    cp -r "$seed" "$out/.syndication/"
    publish "${!build}" "$out"
  done
  if diff -r -x .syndication "$work/$name/old" "$work/$name/new" >"$work/$name/diff"; then
    echo "$name: $(find "$work/$name/new" -path '*/.syndication' -prune -o -type f -print | wc -l) documents, identical"
  else
    echo "$name: DIFFERENT (see $work/$name/diff)"
    status=1
  fi
done
exit $status
