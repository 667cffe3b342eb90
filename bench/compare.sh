#!/usr/bin/env bash
# Renders the same generated corpus (10,000 entries by default) to RSS and Atom with this project's writers and with
# Node's `feed` package, and prints both medians and their ratio. Installs `feed` into bench/compare/node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npm install --prefix bench/compare --no-save --no-audit --no-fund --loglevel=error feed@6.0.0 >/dev/null
dotnet build bench/Syndication.Benchmarks -c Release --nologo -v quiet >/dev/null
bench="dotnet bench/Syndication.Benchmarks/bin/Release/net10.0/Syndication.Benchmarks.dll"

$bench export "$articles" "$work/corpus.json"
ours=$($bench render "$articles")
theirs=$(node bench/compare/render.mjs "$work/corpus.json")
echo "$ours"
echo "$theirs"
ours_ms=$(echo "$ours" | grep -oE 'median [0-9]+' | grep -oE '[0-9]+')
theirs_ms=$(echo "$theirs" | grep -oE 'median [0-9]+' | grep -oE '[0-9]+')
echo "feed / syndication: $(awk "BEGIN { printf \"%.2f\", $theirs_ms / $ours_ms }")x on $(nproc) cores"
