#!/usr/bin/env bash
# The same generated corpus (N articles in one feed, default 10,000) published by Syndication (`publish --out`, the
# command as deployed: published for this runtime, ReadyToRun) and built by Hugo (the Debian package `hugo`) as a
# site whose one section is written as RSS and Atom of every item with its full content (bench/hugo/). In one run,
# each a process of its own, median of 3: both from empty, then both after one new article (Syndication publishes
# what changed; Hugo builds the whole site again). Prints each tool's wall time and peak memory, what it wrote, and
# the ratio Syndication / Hugo. Everything is made in a temporary folder, removed at the end.
#   bench/compare-hugo.sh [N] [BUILD]   BUILD: a folder with a built `syndication` to measure instead
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-10000}
build=${2:-}
repeats=3
if ! command -v hugo >/dev/null; then
  echo "compare-hugo: needs Hugo, the Debian package: apt-get install hugo" >&2
  exit 1
fi
source bench/corpus.sh
prepare_corpus "$articles" 1 "$build"

# The Hugo site: the same articles with Hugo's front matter (`date` for `published`, the `# Title` line as `title`,
# the image's URL alone), in the section `news`.
mkdir -p "$work/hugo/content/news"
cp -r bench/hugo/. "$work/hugo/"
printf -- '---\ntitle: "news"\n---\n' > "$work/hugo/content/news/_index.md"
to_hugo='
  FNR == 1 { if (out != "") close(out); n = split(FILENAME, part, "/"); out = dst "/" part[n]; print "---" > out; state = 1; next }
  state == 1 && /^---$/ { state = 2; next }
  state == 1 && /^published: / { sub(/^published: /, "date: "); print > out; next }
  state == 1 && /^image: / { match($0, /url: [^,]+/); print "image: \"" substr($0, RSTART + 5, RLENGTH - 5) "\"" > out; next }
  state == 2 && /^# / { title = substr($0, 3); gsub(/"/, "\\\"", title); print "title: \"" title "\"\n---" > out; state = 3; next }
  { print > out }'
find "$work/feeds/news" -name '*.md' -exec awk -v dst="$work/hugo/content/news" "$to_hugo" {} +
# Articles written long before the runs, as a newsroom's are: a stamp written in the last 2 s is not trusted.
find "$work/feeds" "$work/hugo/content" -type f -exec touch -d '2026-01-01' {} +

new_article() {
  printf -- '---\npublished: 2025-12-31T12:00:00Z\ntags: [Morro]\n---\n# A new story about harbours\n\nThe new story about harbours and ships.\n' > "$work/feeds/news/zz_new.md"
  awk -v dst="$work/hugo/content/news" "$to_hugo" "$work/feeds/news/zz_new.md"
  touch -d '2026-11-01' "$work/feeds/news/zz_new.md" "$work/hugo/content/news/zz_new.md"
}

# Prints "wall-seconds peak-KiB" of one command, its output kept in $work/last.log.
timed() {
  /usr/bin/time -o "$work/time" -f '%e %M' "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }
  cat "$work/time"
}
syndication() { timed "$build/syndication" publish --feeds "$work/feeds" --out "$work/site" --public-base-url https://feeds.example.com/ -q; }
hugo_build() { timed hugo --source "$work/hugo" --destination "$work/public" --cacheDir "$work/hugo-cache" --quiet; }

echo "compare-hugo: $articles articles in one feed; $(hugo version | cut -d' ' -f1-2); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr), .NET $(dotnet --version), $(date -u +%F), load average $(cut -d' ' -f1-3 /proc/loadavg)"
: > "$work/results"
for r in $(seq 1 "$repeats"); do
  rm -rf "$work/site" "$work/site.syndication-state" "$work/public" "$work/hugo-cache" "$work/feeds/news/zz_new.md" "$work/hugo/content/news/zz_new.md"
  echo "syndication empty $(syndication)" >> "$work/results"
  echo "hugo empty $(hugo_build)" >> "$work/results"
  new_article
  echo "syndication new $(syndication)" >> "$work/results"
  echo "hugo new $(hugo_build)" >> "$work/results"
  tail -4 "$work/results" | awk -v r="$r" '{ printf "  run %d: %-11s %-5s %6.2f s, %5.0f MiB peak\n", r, $1, $2, $3, $4 / 1024 }'
done
items() { grep -c "<$2>" "$1" || true; }
echo "  Syndication wrote $(find "$work/site" -type f | wc -l) documents, $(du -sm "$work/site" | cut -f1) MiB (RSS, Atom and JSON Feed, 50 entries a page, with every archive page; index.html, feeds.opml)"
echo "  Hugo wrote $(find "$work/public" -type f | wc -l) files, $(du -sm "$work/public" | cut -f1) MiB: news/index.xml of $(items "$work/public/news/index.xml" item) items, news/atom.xml of $(items "$work/public/news/atom.xml" entry) entries"

median() { grep "^$1 $2 " "$work/results" | awk '{ print $3, $4 }' | sort -n | awk -v n="$repeats" 'NR == int((n + 1) / 2)'; }
printf '%-16s %-28s %-28s %s\n' "median of $repeats" "Syndication" "Hugo" "Syndication / Hugo"
for run in empty new; do
  read -r s_time s_peak <<< "$(median syndication "$run")"
  read -r h_time h_peak <<< "$(median hugo "$run")"
  label=$([ "$run" = empty ] && echo "from empty" || echo "one new article")
  awk -v l="$label" -v st="$s_time" -v sp="$s_peak" -v ht="$h_time" -v hp="$h_peak" 'BEGIN {
    printf "%-16s %7.2f s, %5.0f MiB peak      %7.2f s, %5.0f MiB peak      %.2fx time, %.2fx memory\n", l, st, sp / 1024, ht, hp / 1024, st / ht, sp / hp }'
done
