#!/usr/bin/env bash
# The whole adversarial and fault suite, with its load/fault figures as a table: hostile requests
# and smuggling (every generated variant), hostile backends, the admin surface, servers killed
# under load with longer phases and more workers, and a 400-version reload storm.
#
#   benchmarks/run-adversarial.sh
#   SKIP_BUILD=1 benchmarks/run-adversarial.sh          # reuse the installed modules
#
# Starts WildFly with the Turnpike EAR and three Resin 4.0.66 servers on free loopback ports, as
# the integration tests do, and stops them. Writes benchmarks/results/faults.md. Takes about ten
# minutes on two cores; run it alone.
set -euo pipefail

cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -q install -DskipTests
fi

LOG="$PWD/benchmarks/target/adversarial.log"
mkdir -p "$(dirname "$LOG")" benchmarks/results
if ! mvn -B verify -pl cdi-extension,ejb-module,web-module,it-tests \
    -Dtest='Hostile*Test,TargetPathsTest,TrustedProxiesTest,ServletRequests*Test,BackendSocketsTest,EndpointFuzzTest' \
    -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test='HostileRequestsIT,SmugglingIT,AdminSurfaceIT,AdminApiIT,FaultsUnderLoadIT,ReloadStormIT' \
    -DfailIfNoTests=false -Dturnpike.adversarial=full -Dturnpike.faults=full >"$LOG" 2>&1; then
  grep -E '^\[ERROR\]' "$LOG" | head -30 >&2 || true
  echo "the adversarial suite failed; the whole Maven output is in $LOG" >&2
  exit 1
fi
grep -E 'Tests run: [0-9]+, Failures' "$LOG" | grep -v ' -- in ' || true
{
  cat it-tests/target/faults/faults.md
  echo
  echo "Run on $(date -u +%Y-%m-%d) with benchmarks/run-adversarial.sh ($(nproc) cores)."
  grep -E '^reload storm:' "$LOG" | sed -E 's/; versions seen .*//' || true
} > benchmarks/results/faults.md
cat benchmarks/results/faults.md
