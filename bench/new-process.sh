#!/usr/bin/env bash
# What a new process costs (a `publish` from cron, a restarted worker): N generated articles (default 10,000) spread
# over FEEDS feeds (default 1), published with `publish --out` by the command as it is deployed (published for this
# runtime, ReadyToRun), each run a process of its own: from empty, nothing new (twice: the first new process after a
# publication from empty still hashes the documents it wrote), one new article, one edited article, one deleted
# article (all three in the first feed). Prints per run the wall time, processor time, peak memory, and the
# documents written into the output folder (files whose modification time moved, and their bytes) and removed from
# it, and the machine it ran on.
#   bench/new-process.sh [N] [FEEDS] [BUILD]   BUILD: a folder with a built `syndication` to measure instead (another version)
#   bench/new-process.sh N BUILD               (as before: one feed)
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-10000}
feeds=1
build=
if [[ "${2:-}" =~ ^[0-9]+$ ]]; then
  feeds=$2
  build=${3:-}
else
  build=${2:-}
fi
source bench/corpus.sh
prepare_corpus "$articles" "$feeds" "$build"
# Articles written long before the run, as a newsroom's are: a stamp written in the last 2 s is not trusted.
find "$work/feeds" -type f -exec touch -d '2026-01-01' {} +
# The first feed (`news` alone, else `feed000`), where the article is added, edited and deleted.
feed_folders=("$work"/feeds/*/)
feed=${feed_folders[0]%/}

echo "new-process: $articles articles in $feeds feed(s); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr), .NET $(dotnet --version), $(date -u +%F), load average $(cut -d' ' -f1-3 /proc/loadavg)"
run() {
  local name=$1 out
  mkdir -p "$work/site"
  find "$work/site" -type f | sort > "$work/before"
  touch "$work/marker"
  out=$( { /usr/bin/time -f 'TIME %e %U %S %M' "$build/syndication" publish --feeds "$work/feeds" --out "$work/site" \
      --public-base-url https://feeds.example.com/ -q; } 2>&1 )
  # What the run wrote: every file of the output folder modified since the marker (a file left alone keeps its time).
  local written deleted
  written=$(find "$work/site" -type f -newer "$work/marker" -printf '%s\n' | awk '{ n++; s += $1 } END { printf "%d %.0f", n, s }')
  deleted=$(find "$work/site" -type f | sort | comm -23 "$work/before" - | wc -l)
  echo "$out" | grep '^TIME' | awk -v n="$name" -v w="$written" -v d="$deleted" \
    '{ split(w, a, " "); printf "%-22s %7.2f s wall, %7.2f s processor, %6.0f MiB peak, %6d documents written (%.1f MiB), %d removed\n", n, $2, $3 + $4, $5 / 1024, a[1], a[2] / 1048576, d }'
}

run "from empty"
run "nothing new"
run "nothing new again"
# Its text is that of two articles of the feed, so that it has related articles to find, as a real story has.
sources=("$feed"/0*.md)
{ printf -- '---\ntitle: A new story about harbours\ntags: [Morro]\n---\n'; awk 'body && n < 3 { print; n++ } /^# / { body = 1 }' "${sources[1]}"; sed '1,/^# /d' "${sources[2]}" | tail -3; } > "$feed/zz_new.md"
touch -d '2026-11-01' "$feed/zz_new.md"
run "one new article"
# The oldest article (a glob, not `ls | grep -m1`: an early end of a pipe fails the script under pipefail).
articles_now=("$feed"/0*.md)
edited=${articles_now[0]}
sed -i '0,/^# /s//# Edited: /' "$edited"
touch -d '2026-11-02' "$edited"
run "one edited article"
rm "$feed/zz_new.md"
run "one deleted article"
