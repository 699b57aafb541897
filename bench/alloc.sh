#!/usr/bin/env bash
# Bytes the server allocates per DescribeSubnets (the default VPC's 6 subnets + one /16), with OP=describe-vpcs per
# DescribeVpcs (the default VPC + one), with OP=describe-tasks per DescribeTasks of 10 Fargate tasks (ECS JSON), all
# its threads together:
# JFR's per-thread allocation totals before and after N requests (wrk -t2 -c16, capped at N), after N to warm up.
# Talks only to 127.0.0.1.
#
# Env: OP (describe-subnets, describe-vpcs or describe-tasks), PORT (4768), N (20000), JAR (ecsnet-app/target/ecsnet.jar; another build for a before/after), SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null 2>&1 || { echo "wrk is not installed; apt-get update && apt-get install -y wrk" >&2; exit 2; }
OP=${OP:-describe-subnets}
case $OP in
  describe-subnets) LABEL=DescribeSubnets; MATCH='<subnetId>' ;;
  describe-vpcs) LABEL=DescribeVpcs; MATCH='<vpcId>' ;;
  describe-tasks) LABEL=DescribeTasks; MATCH='"failures":[]' ;;
  *) echo "OP is describe-subnets, describe-vpcs or describe-tasks" >&2; exit 2 ;;
esac
PORT=${PORT:-4768}
N=${N:-20000}
JAR=${JAR:-ecsnet-app/target/ecsnet.jar}
BASE="http://127.0.0.1:$PORT"
CURL=(curl -sS --max-time 10)
OUT="bench/results/alloc-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
if "${CURL[@]}" -o /dev/null "$BASE/" 2>/dev/null; then echo "something already answers on $BASE; set PORT" >&2; exit 1; fi
[[ "${SKIP_BUILD:-0}" == 1 ]] || mvn -B -q -DskipTests package -pl ecsnet-app -am
java -XX:StartFlightRecording=settings=default,filename="$OUT/run.jfr" -jar "$JAR" serve --host 127.0.0.1 --port "$PORT" \
  --timing instant --quiet --egress ignore --seed 1 >"$OUT/ecsnet.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for i in $(seq 1 120); do
  "${CURL[@]}" -f -o /dev/null "$BASE/_ecsnet/health" 2>/dev/null && break
  [[ $i == 120 ]] && { echo "ecsnet not healthy after 60s" >&2; exit 1; }
  sleep 0.5
done
# shellcheck source=bench/aws-curl.sh
source bench/aws-curl.sh
vpc=$(ec2 'Action=CreateVpc&CidrBlock=10.0.0.0%2F16' | xml_field vpcId)
subnet=$(ec2 "Action=CreateSubnet&VpcId=$vpc&CidrBlock=10.0.0.0%2F16" | xml_field subnetId)
BODY="Action=$LABEL&Version=2016-11-15"; TARGET=""; SERVICE=ec2
if [[ $OP == describe-tasks ]]; then
  ecs RegisterTaskDefinition '{"family":"bench","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","containerDefinitions":[{"name":"app","image":"public.ecr.aws/nginx/nginx:latest","essential":true}]}' >/dev/null
  ecs CreateCluster '{"clusterName":"bench"}' >/dev/null
  ecs RunTask '{"cluster":"bench","taskDefinition":"bench","count":10,"launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["'"$subnet"'"]}}}' >/dev/null
  arns=$(ecs ListTasks '{"cluster":"bench"}' | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["taskArns"]))')
  BODY='{"cluster":"bench","tasks":'"$arns"',"include":["TAGS"]}'; TARGET=AmazonEC2ContainerServiceV20141113.DescribeTasks; SERVICE=ecs
fi
export ECSNET_WRK_DIR="$PWD/bench/wrk"
run() { OP_BODY=$BODY OP_TARGET=$TARGET OP_SERVICE=$SERVICE OP_MATCH=$MATCH WRK_THREADS=2 MAX_REQUESTS=$N wrk -t2 -c16 -d120s -s bench/wrk/op.lua "$BASE/"; }
allocated() { # the sum over threads of each one's last allocation total in a fresh dump
  jcmd "$PID" JFR.dump filename="$OUT/$1.jfr" >/dev/null
  jfr print --events jdk.ThreadAllocationStatistics "$OUT/$1.jfr" | python3 -c '
import re, sys
last, value = {}, None
for line in sys.stdin:
    m = re.search(r"allocated = ([\d.]+) (bytes|kB|MB|GB)", line)
    if m:
        value = float(m.group(1)) * {"bytes": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}[m.group(2)]
    m = re.search(r"javaThreadId = (\d+)", line)
    if m and value is not None:
        last[m.group(1)], value = value, None
print(int(sum(last.values())))'
}
run >/dev/null
before=$(allocated before)
run | grep '^ECSNET_SUMMARY' >"$OUT/wrk.txt"
sleep 2
after=$(allocated after)
echo "$LABEL: $(( (after - before) / N )) bytes allocated per request ($N requests, $JAR)" | tee "$OUT/summary.txt"
