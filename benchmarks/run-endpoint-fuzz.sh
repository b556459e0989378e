#!/usr/bin/env bash
# Fuzzes the HMUX endpoint's request reading (dev.turnpike.hmux.endpoint.EndpointFuzzTest) with far
# more inputs than the build's smoke run, and prints the test's summary line.
#
#   benchmarks/run-endpoint-fuzz.sh                                  # 1 000 000 inputs, the test's seed
#   FUZZ_INPUTS=5000000 FUZZ_SEED=0x5eed benchmarks/run-endpoint-fuzz.sh
#   FUZZ_SEED=0x5eed FUZZ_START=123456 FUZZ_INPUTS=1 benchmarks/run-endpoint-fuzz.sh   # one input again
#
# Builds cdi-extension and ejb-module together, offline, so the reactor supplies them, and runs
# under /tmp/turnpike-maven.lock when flock is there, waiting for any other build on the machine.
# The fuzz itself runs on one thread. On failure it prints the failing input's index, seed and
# bytes; the whole Maven output is in benchmarks/target/endpoint-fuzz.log.
set -euo pipefail

cd "$(dirname "$0")/.."

mkdir -p benchmarks/target
LOG="$PWD/benchmarks/target/endpoint-fuzz.log"
SUMMARY="$PWD/benchmarks/target/endpoint-fuzz-summary.txt"
rm -f "$SUMMARY"

ARGS=(-o -B test -pl cdi-extension,ejb-module -Dtest=EndpointFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
  -Dturnpike.fuzz.inputs="${FUZZ_INPUTS:-1000000}" -Dturnpike.fuzz.summary="$SUMMARY")
if [[ -n "${FUZZ_SEED:-}" ]]; then
  ARGS+=(-Dturnpike.fuzz.seed="$FUZZ_SEED")
fi
if [[ -n "${FUZZ_START:-}" ]]; then
  ARGS+=(-Dturnpike.fuzz.start="$FUZZ_START")
fi

LOCK=()
if command -v flock >/dev/null; then
  LOCK=(flock /tmp/turnpike-maven.lock)
fi

if ! ${LOCK[@]+"${LOCK[@]}"} mvn "${ARGS[@]}" >"$LOG" 2>&1; then
  sed -n '/^input #/,/^$/p' "$LOG" | head -200 >&2
  grep -E '^\[ERROR\]' "$LOG" | head -20 >&2 || true
  echo "the fuzz run failed; the whole Maven output is in $LOG" >&2
  exit 1
fi
cat "$SUMMARY"
