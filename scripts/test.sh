#!/usr/bin/env bash
# Runs every test. The tests start Azurite (installed here from package-lock.json) on a free loopback port
# themselves and stop it at the end. Prints "N passed, N failed" last.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/azurite.sh
ensure_azurite

# No telemetry from the SDK or the test platform: CI machines have no internet.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 TESTINGPLATFORM_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test Syndication.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# The test platform ends with a summary ("total: N", "failed: N", "succeeded: N", "skipped: N").
summary() { grep -E "^\s+$1: [0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
passed=$(summary succeeded)
failed=$(summary failed)
skipped=$(summary skipped)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the test host failed before any test could report
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
