#!/usr/bin/env bash
# Reads against a growing state (ScaleBench in ecsnet-bench): SUBNETS /24 subnets in one VPC, Fargate tasks added up to
# each of STAGES, and at each stage p50/p99 of single filtered reads on one connection (DescribeSubnets,
# DescribeNetworkInterfaces by id, address and subnet, DescribeTasks(10), ListTasks, DescribeClusters), the time of
# paging through every task, and the server's heap after a full GC. Talks only to 127.0.0.1.
#
# Env: PORT (4762), SUBNETS (1000), STAGES (1000,10000,100000), SAMPLES (300 per read and stage),
#      HEAP (-Xmx1g for the server), SKIP_BUILD=1, SERVER_JAVA_OPTS, JAR (another build of ecsnet.jar, for a before/after).
# 100 000 tasks take about a minute to create on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
HOST=127.0.0.1
PORT=${PORT:-4762}
SUBNETS=${SUBNETS:-1000}
STAGES=${STAGES:-1000,10000,100000}
SAMPLES=${SAMPLES:-300}
BASE="http://$HOST:$PORT"
OUT="bench/results/scale-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
CURL=(curl -sS --max-time 10)
if "${CURL[@]}" -o /dev/null "$BASE/" 2>/dev/null; then echo "something already answers on $BASE; set PORT" >&2; exit 1; fi
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -DskipTests package -pl ecsnet-app,ecsnet-bench -am
fi
# shellcheck disable=SC2086
java ${HEAP:--Xmx1g} ${SERVER_JAVA_OPTS:-} -jar "${JAR:-ecsnet-app/target/ecsnet.jar}" serve --host "$HOST" --port "$PORT" \
  --timing instant --quiet --egress ignore --seed 1 >"$OUT/ecsnet.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for i in $(seq 1 120); do
  "${CURL[@]}" -f -o /dev/null "$BASE/_ecsnet/health" 2>/dev/null && break
  [[ $i == 120 ]] && { echo "ecsnet not healthy after 60s; see $OUT/ecsnet.log" >&2; exit 1; }
  sleep 0.5
done
{
  echo "date: $(date -u +%FT%TZ) commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo '+changes') nproc=$(nproc)"
  java -cp ecsnet-bench/target/ecsnet-benchmarks.jar dev.ecsnet.bench.ScaleBench "$BASE" "$PID" "$SUBNETS" "$STAGES" "$SAMPLES"
} | tee "$OUT/summary.txt"
