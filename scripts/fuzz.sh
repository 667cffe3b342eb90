#!/usr/bin/env bash
# Coverage-guided fuzzing of the article parser and the feed writers with SharpFuzz and afl-fuzz.
#
#   scripts/fuzz.sh TARGET MINUTES [extra afl-fuzz arguments...]
#
# TARGET is "parse" (article bytes through ArticleParser) or "render" (the article published as RSS, Atom and JSON
# Feed, each read back). The seeds are tests/fuzz/TARGET/, the dictionary tests/fuzz/article.dict. Ends with a summary
# of afl-fuzz's statistics and every crash and hang replayed with its stack trace.
#
# Environment:
#   FUZZ_OUT              afl-fuzz's output folder (default /tmp/syndication-fuzz/TARGET); the previous run's is kept
#                         as FUZZ_OUT.previous
#   FUZZ_RESUME=1         continue the previous run in FUZZ_OUT instead of starting again from the seeds
#   FUZZ_INSTRUMENT_EXTRA assemblies to instrument besides Syndication.Core, e.g. "YamlDotNet Markdig"
#   FUZZ_DICT             dictionary to use instead of tests/fuzz/article.dict ("" for none)
#
# Installs nothing but the repository's .NET tools (dotnet tool restore).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

usage() { echo "usage: scripts/fuzz.sh parse|render MINUTES [extra afl-fuzz arguments...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
target=$1
minutes=$2
shift 2
case "$target" in parse | render) ;; *) usage ;; esac
[[ "$minutes" =~ ^[1-9][0-9]*$ ]] || usage

if ! command -v afl-fuzz >/dev/null; then
  echo "afl-fuzz not found: install the Debian package afl++ (apt-get install afl++)." >&2
  exit 1
fi

seeds=$repo/tests/fuzz/$target
dict=${FUZZ_DICT-$repo/tests/fuzz/article.dict}
out=${FUZZ_OUT:-/tmp/syndication-fuzz/$target}
out=${out%/}
bin=$out-bin
project=$repo/tests/Syndication.Fuzz
build=$project/bin/Release/net10.0

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$(dirname "$out")"

echo "== Building the harness (Release)"
dotnet tool restore >/dev/null
dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly

# The seeds must pass, or afl-fuzz stops at the first with a message that hides the reason.
echo "== Replaying the seeds of '$target'"
if ! dotnet "$build/Syndication.Fuzz.dll" "$target" --replay "$seeds" >"$out.seeds.log" 2>&1; then
  grep -A 30 '^FAILED' "$out.seeds.log" >&2 || tail -n 30 "$out.seeds.log" >&2
  echo "A seed in $seeds fails (full log: $out.seeds.log); fix the seed or the code first." >&2
  exit 1
fi
tail -n 1 "$out.seeds.log"

# Instrument a copy: the build output keeps matching its symbols, for readable stack traces in the replays below, and
# the next build never finds an assembly that is already instrumented.
echo "== Instrumenting Syndication.Core${FUZZ_INSTRUMENT_EXTRA:+ $FUZZ_INSTRUMENT_EXTRA} in $bin"
rm -rf "$bin"
cp -r "$build" "$bin"
# Syndication.Core without the types that run on several threads at once (see CoverageScope.cs); the others whole.
mapfile -t core_types < <(dotnet "$build/Syndication.Fuzz.dll" --coverage-prefixes)
[ ${#core_types[@]} -gt 0 ] || { echo "The harness listed no types to instrument." >&2; exit 1; }
for assembly in Syndication.Core ${FUZZ_INSTRUMENT_EXTRA:-}; do
  dll=$bin/$assembly.dll
  [ -f "$dll" ] || { echo "$dll not found" >&2; exit 1; }
  if [ "$assembly" = Syndication.Core ]; then
    dotnet tool run sharpfuzz "$dll" "${core_types[@]}" >/dev/null
  else
    dotnet tool run sharpfuzz "$dll" >/dev/null
  fi
  # Checked, not assumed from the exit status (some sharpfuzz versions exit 0 on failure): instrumented code references SharpFuzz.Common.
  grep -q SharpFuzz.Common "$dll" || { echo "Instrumenting $dll failed." >&2; exit 1; }
done

if [ "${FUZZ_RESUME:-0}" = 1 ] && [ -d "$out/default" ]; then
  export AFL_AUTORESUME=1
else
  rm -rf "$out.previous"
  [ ! -d "$out" ] || mv "$out" "$out.previous"
fi

# The target is the dotnet host, which carries no AFL instrumentation of its own (the assembly does); the machine is
# shared and not tuned for fuzzing; a .NET start-up is slow, so calibration runs each input fewer times.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1 AFL_FAST_CAL=1

echo "== afl-fuzz, $minutes minute(s), output in $out"
dict_args=()
[ -z "$dict" ] || dict_args=(-x "$dict")
afl-fuzz -i "$seeds" -o "$out" -V $((minutes * 60)) -t 10000 -m none "${dict_args[@]}" "$@" \
  -- "$(command -v dotnet)" "$bin/Syndication.Fuzz.dll" "$target"

stats=$out/default/fuzzer_stats
[ -f "$stats" ] || { echo "afl-fuzz wrote no statistics ($stats)." >&2; exit 1; }
stat() { sed -n "s/^$1 *: *//p" "$stats"; }
# A stack overflow prints every frame: repeated lines are counted instead of printed.
collapse() {
  awk '$0 == prev { n++; next } { if (n) print "   ... the line above " n " more time(s)"; n = 0; prev = $0; print }
       END { if (n) print "   ... the line above " n " more time(s)" }'
}

# Each input is replayed once by the uninstrumented build (its symbols give file and line). Inputs that fail with the
# same exception, message (without numbers and quoted values) and top frames are shown once.
declare -A first_with
replay() { # FILE
  local log status signature
  log=$(timeout 120 dotnet "$build/Syndication.Fuzz.dll" "$target" --replay "$1" 2>&1) && status=0 || status=$?
  signature=$(printf '%s\n' "$log" | grep -E -m 4 '^(Stack overflow|[A-Za-z.]+(Exception|Error)\b|   at )' \
    | sed -e 's/ in .*//' -e "s/'.*//" -e 's/[0-9]//g' || true)
  if [ "$status" -eq 124 ]; then
    echo "   still running after 120 s"
  elif [ -n "$signature" ] && [ -n "${first_with[$signature]:-}" ]; then
    echo "   the same exception and top frames as $(basename "${first_with[$signature]}")"
  else
    [ -z "$signature" ] || first_with[$signature]=$1
    printf '%s\n' "$log" | grep -v -E '^(input  |       fuzz/|[a-z]+: 1 input)' | collapse | head -n 40
  fi
}

echo
echo "== Summary: $target, $(nproc) core(s), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)"
echo "run time        $(stat run_time) s"
echo "execs_done      $(stat execs_done)"
echo "execs_per_sec   $(stat execs_per_sec)"
echo "corpus_count    $(stat corpus_count) (seeds: $(find "$seeds" -type f | wc -l), found: $(stat corpus_found))"
echo "bitmap_cvg      $(stat bitmap_cvg)"
echo "stability       $(stat stability)"
echo "saved_crashes   $(stat saved_crashes)"
echo "saved_hangs     $(stat saved_hangs)"

shopt -s nullglob
for kind in crashes hangs; do
  files=("$out/default/$kind"/id:*)
  [ ${#files[@]} -gt 0 ] || continue
  echo
  echo "== ${kind^}: ${#files[@]}"
  for file in "${files[@]}"; do
    echo "-- $file"
    replay "$file"
  done
done
