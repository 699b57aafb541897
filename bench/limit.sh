#!/usr/bin/env bash
# ecsnet against the physical limit of its own stack, in one run: a bare Jetty 12 server (CannedJetty in
# ecsnet-bench) answering the very bytes ecsnet answered, driven by the same wrk client, operation by operation:
# DescribeSubnets, DescribeNetworkInterfaces (filtered by subnet-id), ListTasks, DescribeTasks (10), RunTask (count 10).
# Prints each operation's rate on both servers and the ratio ecsnet/baseline, and each server's CPU time per answer
# (all its threads, from /proc) with their ratio baseline/ecsnet: on a shared machine the rates follow the load, the
# CPU cost per answer much less. Talks only to 127.0.0.1.
#
# Env: PORT (ecsnet, default 4760), BASE_PORT (baseline, 4761), THREADS (2), CONNECTIONS (16), DURATION (5s),
#      WARMUP (10s per server and operation, so that both are past their JIT warm-up; 0 to skip), TASKS (20: tasks running while the reads are measured),
#      RUNTASK_MAX_REQUESTS (3000: a /16 subnet holds 6 553 RunTasks of 10), ONLY (a space-separated subset of
#      describe-subnets describe-network-interfaces list-tasks describe-tasks run-task), SKIP_BUILD=1,
#      SERVER_JAVA_OPTS (extra JVM options for both servers), ECSNET_JAVA_OPTS (for ecsnet only, e.g. a JFR recording:
#      -XX:StartFlightRecording=filename=/tmp/ecsnet.jfr,settings=profile), JAR (another build of ecsnet.jar, for a
#      before/after).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v wrk >/dev/null 2>&1 || { echo "wrk is not installed; apt-get update && apt-get install -y wrk" >&2; exit 2; }
command -v curl >/dev/null 2>&1 || { echo "curl is required" >&2; exit 2; }

HOST=127.0.0.1
PORT=${PORT:-4760}
BASE_PORT=${BASE_PORT:-4761}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-10s}
TASKS=${TASKS:-20}
RUNTASK_MAX_REQUESTS=${RUNTASK_MAX_REQUESTS:-3000}
ONLY=${ONLY:-describe-subnets describe-network-interfaces list-tasks describe-tasks run-task}
ECSNET="http://$HOST:$PORT"
BASELINE="http://$HOST:$BASE_PORT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="bench/results/limit-$STAMP"
CANNED="$OUT/canned"
mkdir -p "$CANNED"
export ECSNET_WRK_DIR="$PWD/bench/wrk"
CURL=(curl -sS --max-time 10)

for url in "$ECSNET" "$BASELINE"; do
  if "${CURL[@]}" -o /dev/null "$url/" 2>/dev/null; then echo "something already answers on $url; set PORT/BASE_PORT" >&2; exit 1; fi
done

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "== building ecsnet-app and ecsnet-bench"
  mvn -B -q -DskipTests package -pl ecsnet-app,ecsnet-bench -am
fi
JAR=${JAR:-ecsnet-app/target/ecsnet.jar}
BENCH_JAR=ecsnet-bench/target/ecsnet-benchmarks.jar
[[ -f $JAR && -f $BENCH_JAR ]] || { echo "$JAR or $BENCH_JAR not found" >&2; exit 1; }

PIDS=()
stop_all() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT

echo "== starting ecsnet on $ECSNET"
# shellcheck disable=SC2086
java ${SERVER_JAVA_OPTS:-} ${ECSNET_JAVA_OPTS:-} -jar "$JAR" serve --host "$HOST" --port "$PORT" --timing instant --quiet --egress ignore --seed 1 \
  >"$OUT/ecsnet.log" 2>&1 &
PIDS+=($!)
ECSNET_PID=$!
for i in $(seq 1 120); do
  "${CURL[@]}" -f -o /dev/null "$ECSNET/_ecsnet/health" 2>/dev/null && break
  [[ $i == 120 ]] && { echo "ecsnet not healthy after 60s; see $OUT/ecsnet.log" >&2; exit 1; }
  sleep 0.5
done

BASE=$ECSNET
# shellcheck source=bench/aws-curl.sh
source bench/aws-curl.sh
V='Version=2016-11-15'

# Fixtures: a VPC with one /16 subnet, a Fargate task definition, cluster "bench", TASKS tasks in that subnet.
fixtures() {
  "${CURL[@]}" -f -X POST "$ECSNET/_ecsnet/reset" >/dev/null
  local vpc
  vpc=$(ec2 "Action=CreateVpc&CidrBlock=10.0.0.0%2F16" | xml_field vpcId)
  SUBNET_ID=$(ec2 "Action=CreateSubnet&VpcId=$vpc&CidrBlock=10.0.0.0%2F16" | xml_field subnetId)
  [[ -n $SUBNET_ID ]] || { echo "fixtures failed" >&2; exit 1; }
  ecs RegisterTaskDefinition '{"family":"bench","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","containerDefinitions":[{"name":"app","image":"public.ecr.aws/nginx/nginx:latest","essential":true}]}' >/dev/null
  ecs CreateCluster '{"clusterName":"bench"}' >/dev/null
  RUN_BODY='{"cluster":"bench","taskDefinition":"bench","count":10,"launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["'$SUBNET_ID'"],"assignPublicIp":"DISABLED"}}}'
  local n=0
  while (( n < TASKS )); do
    local c=$(( TASKS - n < 10 ? TASKS - n : 10 ))
    ecs RunTask "${RUN_BODY/\"count\":10/\"count\":$c}" >/dev/null
    n=$(( n + c ))
  done
}
fixtures
TASK_ARNS=$(ecs ListTasks '{"cluster":"bench","maxResults":10}' | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["taskArns"]))')

# name | body | X-Amz-Target | service | text a good answer has
declare -A BODY TARGET SERVICE MATCHES
BODY[describe-subnets]="Action=DescribeSubnets&$V"; SERVICE[describe-subnets]=ec2; MATCHES[describe-subnets]='<subnetId>'
BODY[describe-network-interfaces]="Action=DescribeNetworkInterfaces&Filter.1.Name=subnet-id&Filter.1.Value.1=$SUBNET_ID&$V"
SERVICE[describe-network-interfaces]=ec2; MATCHES[describe-network-interfaces]='<networkInterfaceId>'
BODY[list-tasks]='{"cluster":"bench"}'; TARGET[list-tasks]=AmazonEC2ContainerServiceV20141113.ListTasks
SERVICE[list-tasks]=ecs; MATCHES[list-tasks]='"taskArns":["'
BODY[describe-tasks]='{"cluster":"bench","tasks":'"$TASK_ARNS"'}'; TARGET[describe-tasks]=AmazonEC2ContainerServiceV20141113.DescribeTasks
SERVICE[describe-tasks]=ecs; MATCHES[describe-tasks]='"failures":[]'
BODY[run-task]=$RUN_BODY; TARGET[run-task]=AmazonEC2ContainerServiceV20141113.RunTask
SERVICE[run-task]=ecs; MATCHES[run-task]='"failures":[]'

# ecsnet's own answer to each request becomes the baseline's canned answer (same bytes, same content type).
for name in $ONLY; do
  hdr=$(mktemp)
  args=(-H "Authorization: $(bench_auth "${SERVICE[$name]}")")
  if [[ -n ${TARGET[$name]:-} ]]; then
    args+=(-H 'Content-Type: application/x-amz-json-1.1' -H "X-Amz-Target: ${TARGET[$name]}")
  else
    args+=(-H 'Content-Type: application/x-www-form-urlencoded; charset=utf-8')
  fi
  "${CURL[@]}" -f -X POST "$ECSNET/" "${args[@]}" --data "${BODY[$name]}" -D "$hdr" -o "$CANNED/$name.body"
  sed -n 's/^[Cc]ontent-[Tt]ype: *//p' "$hdr" | tr -d '\r' >"$CANNED/$name.type"
  rm -f "$hdr"
  grep -qF "${MATCHES[$name]}" "$CANNED/$name.body" || { echo "ecsnet's $name answer lacks ${MATCHES[$name]}" >&2; exit 1; }
done
fixtures # RunTask above took addresses; the measured state is the fixtures' again

echo "== starting the bare Jetty baseline on $BASELINE"
# shellcheck disable=SC2086
java ${SERVER_JAVA_OPTS:-} -cp "$BENCH_JAR" dev.ecsnet.bench.CannedJetty "$BASE_PORT" "$CANNED" >"$OUT/baseline.log" 2>&1 &
PIDS+=($!)
BASE_PID=$!
for i in $(seq 1 60); do
  "${CURL[@]}" -o /dev/null "$BASELINE/" 2>/dev/null && break
  [[ $i == 60 ]] && { echo "baseline did not start; see $OUT/baseline.log" >&2; exit 1; }
  sleep 0.5
done

wrk_op() { # wrk_op <name> <url> <duration> <file> [max requests]
  OP_BODY=${BODY[$1]} OP_TARGET=${TARGET[$1]:-} OP_SERVICE=${SERVICE[$1]} OP_MATCH=${MATCHES[$1]} \
    WRK_THREADS=$THREADS MAX_REQUESTS=${5:-} \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --timeout 5s --latency -s bench/wrk/op.lua "$2" >"$4"
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system time of all the JVM's threads, in clock ticks
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))
measured() { # measured <name> <url> <pid> <file> [max requests]: the wrk run, then its server's CPU time per answer in us
  local before after
  before=$(cpu_ticks "$3")
  wrk_op "$1" "$2" "$DURATION" "$4" "${5:-}"
  after=$(cpu_ticks "$3")
  awk -v t=$(( (after - before) * TICK_US )) -v n="$(summary_of "$4" | tr ' ' '\n' | sed -n 's/^requests=//p')" 'BEGIN{printf "%.0f", t / n}'
}
summary_of() { grep '^ECSNET_SUMMARY' "$1" | sed 's/^ECSNET_SUMMARY //'; }
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }

{
  echo "date: $(date -u +%FT%TZ)  host: nproc=$(nproc) $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)"
  echo "java: $(java -version 2>&1 | head -n1)  wrk: -t$THREADS -c$CONNECTIONS -d$DURATION  tasks: $TASKS"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo '+changes')"
  printf '%-28s %12s %12s %7s %10s %10s %10s %10s %10s %9s\n' operation ecsnet_rps jetty_rps ratio ecsnet_p99 jetty_p99 bytes \
    ecsnet_cpu jetty_cpu cpu_ratio
} >"$OUT/summary.txt"

for name in $ONLY; do
  max=
  [[ $name == run-task ]] && max=$RUNTASK_MAX_REQUESTS
  echo "== $name"
  if [[ $WARMUP != 0 ]]; then
    wrk_op "$name" "$BASELINE/$name" "$WARMUP" "$OUT/warmup-jetty-$name.txt" "$max"
    wrk_op "$name" "$ECSNET/" "$WARMUP" "$OUT/warmup-ecsnet-$name.txt" "$max"
    [[ $name == run-task ]] && fixtures
  fi
  jc=$(measured "$name" "$BASELINE/$name" "$BASE_PID" "$OUT/jetty-$name.txt" "$max")
  ec=$(measured "$name" "$ECSNET/" "$ECSNET_PID" "$OUT/ecsnet-$name.txt" "$max")
  e=$(summary_of "$OUT/ecsnet-$name.txt"); j=$(summary_of "$OUT/jetty-$name.txt")
  [[ $(field "$e" non200) == 0 && $(field "$e" matched) == $(field "$e" ok) ]] \
    || echo "WARNING: ecsnet $name: $e" | tee -a "$OUT/summary.txt"
  awk -v n="$name" -v er="$(field "$e" rps)" -v jr="$(field "$j" rps)" -v ep="$(field "$e" p99_ms)" \
      -v jp="$(field "$j" p99_ms)" -v b="$(wc -c <"$CANNED/$name.body")" -v ec="$ec" -v jc="$jc" \
      'BEGIN{printf "%-28s %12.0f %12.0f %7.2f %8.2fms %8.2fms %10d %8dus %8dus %9.2f\n", n, er, jr, er/jr, ep, jp, b, ec, jc, jc/ec}' >>"$OUT/summary.txt"
  [[ $name == run-task ]] && fixtures
done

echo "== summary ($OUT/summary.txt)"
cat "$OUT/summary.txt"
