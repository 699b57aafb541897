#!/usr/bin/env python3
"""Persistence benchmarks (see bench/README.md, "State"): the write cost per call with --fsync always, interval and
no state dir (measured in the same run, in interleaved rounds, so the ratio sees the same machine load), and the
restart time of a state dir holding N Fargate tasks (time from launch to the first 200 of GET /_ecsnet/health,
which is answered only after the state is restored): replaying the whole journal (the baseline) against restoring
the snapshot written at shutdown, in the same run. Servers start as users start them, through bin/ecsnet (with its
class-data-sharing archive, which is made first when missing), or with `java -jar JAR` given --jar (an older build,
for a before/after). Talks only to 127.0.0.1.

    python3 bench/state.py [write|restart] [--tasks 10000,100000] [--calls 1000] [--port 4725] [--crash] [--jar JAR]
"""
import argparse, http.client, json, os, shutil, signal, subprocess, sys, tempfile, time, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "ecsnet-app", "target", "ecsnet.jar")
ARCHIVE = os.path.join(ROOT, "ecsnet-app", "target", "ecsnet.jsa")
LAUNCHER = [os.path.join(ROOT, "bin", "ecsnet")]
EC2_AUTH = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0"
ECS_AUTH = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=0"


def start(port, *extra):
    t0 = time.monotonic()
    p = subprocess.Popen(LAUNCHER + ["serve", "--host", "127.0.0.1", "--port", str(port), "--timing", "instant", "--egress", "ignore",
                          "--quiet", *extra], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while True:
        if p.poll() is not None:
            sys.exit("server did not start: " + p.stderr.read().decode())
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/_ecsnet/health")
            if c.getresponse().status == 200:
                return p, time.monotonic() - t0
        except OSError:
            pass
        time.sleep(0.005)


def cds_archive():
    """bin/ecsnet writes its archive in the background after a start without one; wait for it so every timed start uses it."""
    if os.path.exists(ARCHIVE) and os.path.getmtime(ARCHIVE) > os.path.getmtime(JAR):
        return True
    subprocess.run(LAUNCHER + ["--version"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if os.path.exists(ARCHIVE) and os.path.getmtime(ARCHIVE) > os.path.getmtime(JAR):
            return True
        time.sleep(1)
    return False


def stop(p, hard=False):
    p.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
    p.wait()


def ec2(conn, params):
    body = urllib.parse.urlencode({**params, "Version": "2016-11-15"})
    conn.request("POST", "/", body, {"Authorization": EC2_AUTH, "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    r = conn.getresponse()
    text = r.read().decode()
    if r.status != 200:
        sys.exit("EC2 %s: %d %s" % (params["Action"], r.status, text))
    return text


def ecs(conn, op, doc):
    conn.request("POST", "/", json.dumps(doc), {"Authorization": ECS_AUTH, "Content-Type": "application/x-amz-json-1.1",
                                                "X-Amz-Target": "AmazonEC2ContainerServiceV20141113." + op})
    r = conn.getresponse()
    text = r.read().decode()
    if r.status != 200:
        sys.exit("ECS %s: %d %s" % (op, r.status, text))
    return json.loads(text)


def between(text, tag):
    return text.split("<" + tag + ">", 1)[1].split("</" + tag + ">", 1)[0]


def write_cost(port, calls, rounds):
    variants = [("no state dir", []), ("--fsync always", ["--fsync", "always"]), ("--fsync interval", ["--fsync", "interval"])]
    totals = {name: [] for name, _ in variants}
    for rnd in range(rounds):
        for name, flags in variants:
            d = tempfile.mkdtemp(prefix="ecsnet-bench-")
            p, _ = start(port, *((["--state-dir", d] + flags) if flags else []))
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                vpc = between(ec2(c, {"Action": "CreateVpc", "CidrBlock": "10.0.0.0/16"}), "vpcId")
                for i in range(200):  # warm-up
                    ec2(c, {"Action": "CreateTags", "ResourceId.1": vpc, "Tag.1.Key": "k", "Tag.1.Value": str(i)})
                t0 = time.perf_counter()
                for i in range(calls):
                    ec2(c, {"Action": "CreateTags", "ResourceId.1": vpc, "Tag.1.Key": "k", "Tag.1.Value": str(i)})
                totals[name].append((time.perf_counter() - t0) / calls * 1e6)
            finally:
                stop(p)
                shutil.rmtree(d, ignore_errors=True)
    base = sorted(totals["no state dir"])[len(totals["no state dir"]) // 2]
    print("write cost per call (EC2 CreateTags, sequential, keep-alive; median of %d rounds of %d calls)" % (rounds, calls))
    for name, _ in variants:
        med = sorted(totals[name])[len(totals[name]) // 2]
        print("  %-18s %8.0f us/call   x%.2f   rounds: %s" % (name, med, med / base, ", ".join("%.0f" % v for v in totals[name])))


def populate(port, d, tasks, *extra):
    p, _ = start(port, "--state-dir", d, "--fsync", "interval", *extra)
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    ecs(c, "CreateCluster", {"clusterName": "bench"})
    ecs(c, "RegisterTaskDefinition", {"family": "app", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
                                      "cpu": "256", "memory": "512", "containerDefinitions": [{"name": "app", "image": "nginx"}]})
    subnets = []
    for n in range((tasks + 65000) // 65000):
        vpc = between(ec2(c, {"Action": "CreateVpc", "CidrBlock": "10.%d.0.0/16" % n}), "vpcId")
        subnets.append(between(ec2(c, {"Action": "CreateSubnet", "VpcId": vpc, "CidrBlock": "10.%d.0.0/16" % n}), "subnetId"))
    t0 = time.monotonic()
    for i in range(tasks // 10):
        ecs(c, "RunTask", {"cluster": "bench", "taskDefinition": "app", "launchType": "FARGATE", "count": 10,
                           "networkConfiguration": {"awsvpcConfiguration": {"subnets": [subnets[(i * 10) // 65000]]}}})
    return p, time.monotonic() - t0


def size_of(d):
    return sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d)) / 1e6


def restarted(port, d):
    p, took = start(port, "--state-dir", d)
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    running = len(ecs(c, "ListTasks", {"cluster": "bench", "maxResults": 100}).get("taskArns", []))
    return p, took, running


def restart(port, tasks, crash):
    """Baseline and snapshot in one run: a folder populated without snapshots and killed is restarted by replaying
    its whole journal; that server is stopped cleanly (a snapshot at shutdown) and restarted from the snapshot."""
    d = tempfile.mkdtemp(prefix="ecsnet-bench-")
    try:
        p, populate_s = populate(port, d, tasks, "--snapshot-every", "100000000")
        stop(p, hard=True)
        journal_mb = size_of(d)
        p, replay, running = restarted(port, d)
        stop(p)
        snapshot_mb = size_of(d)
        p, snap, running2 = restarted(port, d)
        stop(p, hard=True)
        print("restart with %d tasks (%d RunTask calls, populated in %.0f s): replaying the whole journal (%.1f MB) %.2f s;"
              " from the snapshot written at shutdown (folder %.1f MB) %.2f s; ratio %.2f (ListTasks answers %d and %d)"
              % (tasks, tasks // 10, populate_s, journal_mb, replay, snapshot_mb, snap, snap / replay, running, running2))
        if crash:
            shutil.rmtree(d, ignore_errors=True)
            d = tempfile.mkdtemp(prefix="ecsnet-bench-")
            p, _ = populate(port, d, tasks)
            stop(p, hard=True)
            files = sorted(os.listdir(d))
            p, took, running = restarted(port, d)
            stop(p)
            print("restart with %d tasks after kill -9 with the default --snapshot-every (folder %s, %.1f MB): %.2f s (ListTasks answers %d)"
                  % (tasks, " ".join(f for f in files if f.startswith(("snapshot-", "journal-"))), size_of(d), took, running))
    finally:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    a = argparse.ArgumentParser()
    a.add_argument("what", nargs="?", default="all", choices=["all", "write", "restart"])
    a.add_argument("--tasks", default="10000,100000")
    a.add_argument("--calls", type=int, default=1000)
    a.add_argument("--rounds", type=int, default=3)
    a.add_argument("--port", type=int, default=4725)
    a.add_argument("--crash", action="store_true", help="also restart after kill -9 with the default --snapshot-every")
    a.add_argument("--jar", help="start servers with java -jar JAR instead of bin/ecsnet (e.g. an older build)")
    args = a.parse_args()
    if args.jar:
        LAUNCHER[:] = ["java", "-jar", os.path.abspath(args.jar)]
        print("servers: java -jar " + args.jar)
    elif not os.path.exists(JAR):
        sys.exit("build first: mvn -B -q -DskipTests package -pl ecsnet-app -am")
    else:
        print("servers: bin/ecsnet, " + ("with its class-data-sharing archive" if os.environ.get("ECSNET_CDS", "on") != "off" and cds_archive()
                                         else "without a class-data-sharing archive"))
    if args.what in ("all", "write"):
        write_cost(args.port, args.calls, args.rounds)
    if args.what in ("all", "restart"):
        for n in args.tasks.split(","):
            restart(args.port, int(n), args.crash)
