#!/usr/bin/env bash
# Turnpike as the web tier of a real Resin server, against Resin direct: req/s and latency
# percentiles of the same closed-loop load, in one run (dev.turnpike.it.load.HmuxLoad).
#
#   benchmarks/run-hmux-load.sh                                   # 20 s measured per path, 16 workers
#   LOAD_SECONDS=60 LOAD_CONCURRENCY=32 benchmarks/run-hmux-load.sh
#   SKIP_BUILD=1 benchmarks/run-hmux-load.sh                      # reuse the installed modules
#
# Starts one Resin 4.0.66 and WildFly with the Turnpike EAR (as the integration tests do), on free
# loopback ports, and stops both. Writes benchmarks/results/hmux-load.md. Run it alone: the load
# generator, WildFly and Resin share the machine's cores.
set -euo pipefail

cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -q install -DskipTests
fi

mkdir -p benchmarks/results
RESULTS="$PWD/benchmarks/results/hmux-load.md"
LOG="$PWD/benchmarks/target/hmux-load.log"
mkdir -p "$(dirname "$LOG")"
rm -f "$RESULTS"
if ! mvn -B verify -pl it-tests -Dit.test=HmuxLoad -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
    -Dturnpike.load.seconds="${LOAD_SECONDS:-20}" -Dturnpike.load.warmup="${LOAD_WARMUP:-10}" \
    -Dturnpike.load.concurrency="${LOAD_CONCURRENCY:-16}" -Dturnpike.load.results="$RESULTS" >"$LOG" 2>&1; then
  grep -E '^\[ERROR\]' "$LOG" | head -30 >&2 || true
  echo "the load run failed; the whole Maven output is in $LOG" >&2
  exit 1
fi
cat "$RESULTS"
