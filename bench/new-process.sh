#!/usr/bin/env bash
# What a new process costs (a `publish` from cron, a restarted worker): N generated articles in one feed (default
# 10,000), published with `publish --out` by the command as it is deployed (published for this runtime, ReadyToRun),
# each run a process of its own: from empty, nothing new (twice: the first new process after a publication from
# empty still hashes the documents it wrote), one new article, one edited article, one deleted article. Prints wall
# time, processor time, peak memory and documents written per run, and the machine it ran on.
#   bench/new-process.sh [N] [BUILD]   BUILD: a folder with a built `syndication` to measure instead (another version)
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build=${2:-}
if [ -z "$build" ]; then
  build="$work/build"
  dotnet publish src/Syndication.Worker -c Release --use-current-runtime -o "$build" --nologo -v quiet >/dev/null
fi
dotnet build bench/Syndication.Benchmarks -c Release --nologo -v quiet >/dev/null
dotnet bench/Syndication.Benchmarks/bin/Release/net10.0/Syndication.Benchmarks.dll generate "$articles" "$work/feeds" >/dev/null
# Articles written long before the run, as a newsroom's are: a stamp written in the last 2 s is not trusted.
find "$work/feeds" -type f -exec touch -d '2026-01-01' {} +

echo "new-process: $articles articles, one feed; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr), .NET $(dotnet --version), $(date -u +%F)"
run() {
  local name=$1 out
  out=$( { /usr/bin/time -f 'TIME %e %U %S %M' "$build/syndication" publish --feeds "$work/feeds" --out "$work/site" \
      --public-base-url https://feeds.example.com/ -q; } 2>&1 )
  local uploaded
  uploaded=$(echo "$out" | grep -oE '\([0-9]+ documents uploaded' | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }')
  echo "$out" | grep '^TIME' | awk -v n="$name" -v u="${uploaded:-0}" \
    '{ printf "%-22s %7.2f s wall, %7.2f s processor, %6.0f MiB peak, %s documents written\n", n, $2, $3 + $4, $5 / 1024, u }'
}

run "from empty"
run "nothing new"
run "nothing new again"
printf -- '---\ntitle: A new story about harbours\ntags: [Morro]\n---\nThe new story about harbours and ships.\n' > "$work/feeds/news/zz_new.md"
touch -d '2026-11-01' "$work/feeds/news/zz_new.md"
run "one new article"
# The oldest article (a glob, not `ls | grep -m1`: an early end of a pipe fails the script under pipefail).
articles_now=("$work"/feeds/news/0*.md)
edited=${articles_now[0]}
sed -i '0,/^# /s//# Edited: /' "$edited"
touch -d '2026-11-02' "$edited"
run "one edited article"
rm "$work/feeds/news/zz_new.md"
run "one deleted article"
