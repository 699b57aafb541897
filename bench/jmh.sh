#!/usr/bin/env bash
# Builds the JMH benchmarks and runs them with modest settings; results go to bench/results/.
# Usage: bench/jmh.sh [extra JMH args, e.g. a benchmark regex like 'SubnetIpPool' or '-p prefix=16']
# Override the defaults with JMH_OPTS (default: -f 1 -wi 3 -i 10 -w 1s -r 1s: ~13 s per benchmark; ten short
# measurement iterations give much tighter error bars than three long ones on a noisy machine).
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS=bench/results
mkdir -p "$RESULTS"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
JMH_OPTS=${JMH_OPTS:--f 1 -wi 3 -i 10 -w 1s -r 1s}

echo "== building ecsnet-bench"
mvn -B -q -DskipTests package -pl ecsnet-bench -am

JAR=ecsnet-bench/target/ecsnet-benchmarks.jar
echo "== running JMH ($JMH_OPTS) $*"
# shellcheck disable=SC2086
java -jar "$JAR" $JMH_OPTS -rf json -rff "$RESULTS/jmh-$STAMP.json" "$@" | tee "$RESULTS/jmh-$STAMP.txt"
echo "== results: $RESULTS/jmh-$STAMP.txt and $RESULTS/jmh-$STAMP.json"
