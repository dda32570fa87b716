#!/usr/bin/env bash
# The project's test command (README, .ci/run). Builds the device compile gate (nf.proj), runs every
# test project, prints the device assembly's IL size, and ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() { echo "$1" >&2; echo "0 passed, 1 failed"; exit 1; }

# Host packages the tests need (PC/SC daemon and virtual reader) are installed by scripts/install-deps.sh.
if [ -x scripts/install-deps.sh ]; then
  scripts/install-deps.sh || fail "installing test dependencies failed"
fi

echo "== device build: nf.proj against nanoFramework.CoreLibrary 1.17.11 =="
dotnet build nf.proj -c Release -nologo -v q -p:OutputPath=bin/nf/ || fail "device build (nf.proj) failed"

echo "== build =="
dotnet build Terminal.slnx -c Release -nologo -v q || fail "build failed"

echo "== tests =="
results=$(mktemp -d)
dotnet test Terminal.slnx -c Release --no-build -nologo --logger "trx" --results-directory "$results" 2>&1 | tee "$results/console.txt"
status=${PIPESTATUS[0]}

if [ -f bin/nf/device-size.txt ]; then
  echo "== device assembly =="
  cat bin/nf/device-size.txt
fi

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  n=$(echo "$counters" | sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
