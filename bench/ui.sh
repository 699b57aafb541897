#!/usr/bin/env bash
# Render time of the topology page (/_ecsnet/ui) with 1,000 RUNNING tasks, against the same page with 10 tasks in
# the same run: runs TopologyPageScaleIT (headless Chromium through Selenium; it needs the system's chromium and
# chromedriver) RUNS times and prints each run's figures, measured in the page with performance.now(), and the
# medians. Talks only to 127.0.0.1.
#
# Env: RUNS (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || { echo "needs chromium and chromedriver (apt-get install chromium chromium-driver)" >&2; exit 2; }
RUNS=${RUNS:-3}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/ui-$stamp.txt
mkdir -p bench/results
{ echo "date: $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)  commit: $(git rev-parse --short HEAD)"; } > "$out"
for run in $(seq "$RUNS"); do
  mvn -B -q -pl ecsnet-it -am verify -Dtest=TopologyPageScaleIT -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
  grep -h "^topology page" ecsnet-it/target/surefire-reports/dev.ecsnet.it.TopologyPageScaleIT-output.txt | tee -a "$out"
done
python3 - "$out" <<'PY'
import re, statistics, sys
lines = [l for l in open(sys.argv[1]) if l.startswith("topology page")]
def col(pattern):
    return statistics.median(float(re.search(pattern, l).group(1)) for l in lines)
print("median: render %.0f ms, to the next painted frame %.0f ms, ratio to 10 tasks %.1f (%d runs)"
      % (col(r"render (\d+) ms \(SVG"), col(r"(\d+) ms to the next painted"), col(r"ratio ([\d.]+)"), len(lines)))
PY
echo "results in $out"
