#!/usr/bin/env bash
# Start-up time of ecsnet: from launching `bin/ecsnet serve` (as users run it, JAVA_OPTS honoured) to the first
# 200 from GET /_ecsnet/health. Repeated RUNS times; prints each time and the median. Talks only to 127.0.0.1.
#
# Env: RUNS (default 10), PORT (default 4607), SKIP_BUILD=1 to reuse ecsnet-app/target/ecsnet.jar,
#      JAVA_OPTS (passed to bin/ecsnet), SERVE_ARGS (extra `serve` flags, e.g. "--verify-signatures"),
#      JAR=path/to/other.jar to time `java $JAVA_OPTS -jar JAR` instead of bin/ecsnet (e.g. an older build, for a before/after).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null 2>&1 || { echo "python3 is required" >&2; exit 2; }

RUNS=${RUNS:-10}
PORT=${PORT:-4607}
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "== building ecsnet-app"
  mvn -B -q -DskipTests package -pl ecsnet-app -am
fi
[[ -f ecsnet-app/target/ecsnet.jar ]] || { echo "ecsnet-app/target/ecsnet.jar not found" >&2; exit 1; }

# One python process launches the server and polls every 2 ms, so polling costs no process spawns (curl per poll
# would compete with the JVM for the CPUs it is being timed on).
RUNS=$RUNS PORT=$PORT SERVE_ARGS="${SERVE_ARGS:-}" JAR="${JAR:-}" python3 - <<'PY'
import http.client, os, shlex, socket, statistics, subprocess, sys, time

runs, port = int(os.environ["RUNS"]), int(os.environ["PORT"])
launcher = ["java"] + shlex.split(os.environ.get("JAVA_OPTS", "")) + ["-jar", os.environ["JAR"]] if os.environ["JAR"] else ["bin/ecsnet"]
args = launcher + ["serve", "--host", "127.0.0.1", "--port", str(port), "--quiet"] + shlex.split(os.environ["SERVE_ARGS"])

def healthy():
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        c.request("GET", "/_ecsnet/health")
        ok = c.getresponse().status == 200
        c.close()
        return ok
    except OSError:
        return False

if healthy():
    sys.exit(f"something already answers on 127.0.0.1:{port}; pick another PORT")
def cpu_seconds(pid):
    """user + system CPU of the server (bin/ecsnet execs java, so the pid is the JVM's): less load-dependent than wall time."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

times, cpus = [], []
for i in range(runs):
    start = time.monotonic()
    server = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not healthy():
            if server.poll() is not None:
                sys.exit("ecsnet exited: " + server.stderr.read().decode())
            if time.monotonic() - start > 60:
                sys.exit("no healthy answer within 60 s")
            time.sleep(0.002)
        elapsed = time.monotonic() - start
        cpu = cpu_seconds(server.pid)
    finally:
        server.terminate()
        server.wait()
    times.append(elapsed)
    cpus.append(cpu)
    print(f"run {i + 1}: {elapsed * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms)", flush=True)
print(f"median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms "
      f"(CPU median {statistics.median(cpus) * 1000:.0f} ms) over {runs} runs (load average {os.getloadavg()[0]:.1f})")
PY
