# Sourced by the whole-process benches (new-process.sh, compare-hugo.sh): one way to get the command and the corpus.
#   prepare_corpus ARTICLES FEEDS BUILD
# sets $work, a temporary folder removed on exit, and $build, BUILD or else the command as deployed (published for
# this runtime, ReadyToRun) into $work/build; writes ARTICLES generated articles over FEEDS feeds into $work/feeds.
prepare_corpus() {
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  build=$3
  if [ -z "$build" ]; then
    build="$work/build"
    dotnet publish src/Syndication.Worker -c Release --use-current-runtime -o "$build" --nologo -v quiet >/dev/null
  fi
  dotnet build bench/Syndication.Benchmarks -c Release --nologo -v quiet >/dev/null
  dotnet bench/Syndication.Benchmarks/bin/Release/net10.0/Syndication.Benchmarks.dll generate "$1" "$work/feeds" --feeds "$2" >/dev/null
}
