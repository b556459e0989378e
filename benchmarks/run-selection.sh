#!/usr/bin/env bash
# Rule selection side by side: Turnpike and five Java peers (SelectionBenchmark).
#
#   benchmarks/run-selection.sh                      # the full matrix (6 engines x 4 x 5, about 20 minutes)
#   benchmarks/run-selection.sh -p rules=10,1000 -p position=last,miss -wi 1 -i 1   # a subset
#   SKIP_BUILD=1 benchmarks/run-selection.sh ...     # reuse benchmarks/target/benchmarks.jar
#
# Extra arguments go to JMH. Writes benchmarks/results/selection.json (JMH) and
# benchmarks/results/selection.md (the table). Run it alone: it builds with Maven and loads
# every core.
set -euo pipefail

cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
fi

mkdir -p benchmarks/results
JAR=benchmarks/target/benchmarks.jar
JMH_FLAGS=(-prof gc -rf json -rff benchmarks/results/selection.json "$@")

java -jar "$JAR" SelectionBenchmark "${JMH_FLAGS[@]}"
java -cp "$JAR" dev.turnpike.benchmarks.ResultsTable \
  benchmarks/results/selection.json benchmarks/results/selection.md "${JMH_FLAGS[@]}"
echo "JDK: $(java -version 2>&1 | head -1)"
