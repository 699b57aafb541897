#!/usr/bin/env bash
# Load test of a local ecsnet server with wrk. Talks only to 127.0.0.1.
#   (a) EC2 Query DescribeSubnets
#   (b) ECS RunTask, count 10, Fargate/awsvpc over a /16 subnet, assignPublicIp DISABLED
# State is reset (POST /_ecsnet/reset) and the fixtures re-created before each run.
#
# Env: PORT (default 45661), THREADS (2), CONNECTIONS (16), DURATION (10s),
#      RUNTASK_DURATION (5s), RUNTASK_MAX_REQUESTS (5000 = 50 000 tasks; a /16 holds 65 531 addresses, so the cap,
#      split over the wrk threads, keeps the subnet from running out; rates are then taken over the active time),
#      WARMUP (3s; a discarded wrk run before each measured one, state reset afterwards; 0 to skip),
#      SERVER_JAVA_OPTS (extra JVM options for the server, e.g. -Xlog:gc:file=/tmp/gc.log),
#      SKIP_BUILD=1 to reuse ecsnet-app/target/ecsnet.jar, ONLY=describe|runtask to run one part.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is not installed; install it with: apt-get update && apt-get install -y wrk" >&2
  exit 2
fi
command -v curl >/dev/null 2>&1 || { echo "curl is required" >&2; exit 2; }

HOST=127.0.0.1
PORT=${PORT:-45661}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-10s}
RUNTASK_DURATION=${RUNTASK_DURATION:-5s}
RUNTASK_MAX_REQUESTS=${RUNTASK_MAX_REQUESTS:-5000}
ONLY=${ONLY:-all}
WARMUP=${WARMUP:-3s}
BASE="http://$HOST:$PORT"
RESULTS=bench/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$RESULTS/load-$STAMP"
mkdir -p "$OUT"
export ECSNET_WRK_DIR="$PWD/bench/wrk"

CURL=(curl -sS --max-time 10)

if "${CURL[@]}" -o /dev/null "$BASE/_ecsnet/health" 2>/dev/null; then
  echo "something already answers on $BASE; pick another PORT" >&2
  exit 1
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "== building ecsnet-app"
  mvn -B -q -DskipTests package -pl ecsnet-app -am
fi
JAR=ecsnet-app/target/ecsnet.jar
[[ -f $JAR ]] || { echo "$JAR not found" >&2; exit 1; }

echo "== starting ecsnet on $BASE (log: $OUT/server.log)"
# --quiet: no request log line per call; --egress ignore and --seed 1: the same work as the figures in bench/README.md
# shellcheck disable=SC2086
java ${SERVER_JAVA_OPTS:-} -jar "$JAR" serve --host "$HOST" --port "$PORT" --timing instant --quiet --egress ignore --seed 1 >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
stop_server() {
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
}
trap stop_server EXIT

for i in $(seq 1 120); do
  if "${CURL[@]}" -f -o /dev/null "$BASE/_ecsnet/health" 2>/dev/null; then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited; see $OUT/server.log" >&2; exit 1; }
  [[ $i == 120 ]] && { echo "server not healthy after 60s" >&2; exit 1; }
  sleep 0.5
done
"${CURL[@]}" "$BASE/_ecsnet/health"; echo

# shellcheck source=bench/aws-curl.sh
source bench/aws-curl.sh

# Fixtures: VPC 10.0.0.0/16 with one /16 subnet. Sets SUBNET_ID.
ec2_fixtures() {
  "${CURL[@]}" -f -X POST "$BASE/_ecsnet/reset" >/dev/null
  local vpc
  vpc=$(ec2 'Action=CreateVpc&CidrBlock=10.0.0.0%2F16' | xml_field vpcId)
  [[ -n $vpc ]] || { echo "CreateVpc failed" >&2; exit 1; }
  SUBNET_ID=$(ec2 "Action=CreateSubnet&VpcId=$vpc&CidrBlock=10.0.0.0%2F16" | xml_field subnetId)
  [[ -n $SUBNET_ID ]] || { echo "CreateSubnet failed" >&2; exit 1; }
  echo "fixtures: $vpc, $SUBNET_ID (10.0.0.0/16)"
}
ecs_fixtures() {
  ecs RegisterTaskDefinition '{"family":"bench","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","containerDefinitions":[{"name":"app","image":"public.ecr.aws/nginx/nginx:latest","essential":true}]}' >/dev/null
  ecs CreateCluster '{"clusterName":"bench"}' >/dev/null
  echo "fixtures: task definition bench, cluster bench"
}
available_ips() {
  ec2 "Action=DescribeSubnets&SubnetId.1=$SUBNET_ID" | xml_field availableIpAddressCount
}

run_wrk() { # run_wrk <name> <lua> <duration>
  local name=$1 lua=$2 dur=$3
  echo "== wrk $name: -t$THREADS -c$CONNECTIONS -d$dur"
  WRK_THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"$dur" --timeout 5s --latency \
    -s "bench/wrk/$lua" "$BASE/" | tee "$OUT/$name.txt"
}
summary_of() { grep '^ECSNET_SUMMARY' "$OUT/$1.txt" | sed 's/^ECSNET_SUMMARY //'; }
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }

{
  echo "date: $(date -u +%FT%TZ)"
  echo "host: nproc=$(nproc) mem=$(free -h | awk '/^Mem:/{print $2}') cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)"
  echo "java: $(java -version 2>&1 | head -n1)"
  echo "wrk: -t$THREADS -c$CONNECTIONS"
} >"$OUT/summary.txt"

warm() { # warm <lua> [MAX_REQUESTS]: JIT warm-up run, output kept but not reported
  [[ $WARMUP == 0 ]] && return 0
  echo "== warm-up $1 ($WARMUP)"
  WRK_THREADS=$THREADS MAX_REQUESTS=${2:-} wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 5s \
    -s "bench/wrk/$1" "$BASE/" >"$OUT/warmup-${1%.lua}.txt"
}

if [[ $ONLY == all || $ONLY == describe ]]; then
  ec2_fixtures
  warm describe_subnets.lua
  run_wrk describe-subnets describe_subnets.lua "$DURATION"
  s=$(summary_of describe-subnets)
  echo "DescribeSubnets: $s" >>"$OUT/summary.txt"
  [[ $(field "$s" non200) == 0 ]] || echo "WARNING: DescribeSubnets had non-200 answers" | tee -a "$OUT/summary.txt"
fi

if [[ $ONLY == all || $ONLY == runtask ]]; then
  ec2_fixtures
  if ! ecs_fixtures; then
    echo "ECS fixtures failed (is RunTask/RegisterTaskDefinition implemented yet?); skipping RunTask" | tee -a "$OUT/summary.txt" >&2
    exit 3
  fi
  SUBNET_ID=$SUBNET_ID warm run_task.lua 1000
  ec2_fixtures
  ecs_fixtures
  before=$(available_ips)
  SUBNET_ID=$SUBNET_ID MAX_REQUESTS=$RUNTASK_MAX_REQUESTS run_wrk runtask-count10 run_task.lua "$RUNTASK_DURATION"
  after=$(available_ips)
  s=$(summary_of runtask-count10)
  tasks=$((before - after))
  dur=$(field "$s" active_s)
  # Tasks from responses that placed all 10 (wrk's count); addresses_taken also includes requests still in flight
  # when a capped thread stopped, which wrk does not count.
  tps=$(awk -v m="$(field "$s" matched)" -v d="$dur" 'BEGIN{printf "%.1f", 10*m/d}')
  echo "RunTask(count 10): $s tasks_per_s=$tps addresses_taken=$tasks (available $before -> $after)" >>"$OUT/summary.txt"
  [[ $(field "$s" non200) == 0 ]] || echo "WARNING: RunTask had non-200 answers" | tee -a "$OUT/summary.txt"
  if (( $(field "$s" requests) >= RUNTASK_MAX_REQUESTS - THREADS )); then
    echo "NOTE: the request cap ($RUNTASK_MAX_REQUESTS) ended the run before $RUNTASK_DURATION; rates use active_s" \
      "(first start to last response), not wrk's own Requests/sec line" | tee -a "$OUT/summary.txt"
  fi
  [[ $(field "$s" matched) == $(field "$s" ok) ]] || echo "NOTE: some RunTask answers had failures (e.g. no free addresses)" | tee -a "$OUT/summary.txt"
fi

echo "== summary ($OUT/summary.txt)"
cat "$OUT/summary.txt"
