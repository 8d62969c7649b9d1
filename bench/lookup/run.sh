#!/usr/bin/env bash
# The public status lookup at scale (issue 17, "Scale"): 1,000,000 cases across 20 counties, the
# lookup one visitor after another, open loop at 200 requests/s alone and beside task work (legal-aid
# cases filed and taken to the 补正 notice on the engine), task work alone. Runs
# src/test/java/org/casework/citizen/PublicLookupBench.java (maven profile bench-lookup) on its own
# database and prints each figure next to its target (lookup p99 < 50 ms, 200/s held, task work not
# affected) with the load average before and after.
#
#   bench/lookup/run.sh                       # BENCH_CASES (1000000), BENCH_SECONDS (30), BENCH_RATE (200)
#   BENCH_FORCE=1 bench/lookup/run.sh         # run although the machine is busy
#
# Needs MariaDB on 127.0.0.1:3306 (root without password, for ./casework db-users). The figures are
# the machine's as much as the app's: it refuses to start while the 1-minute load average is above
# the number of cores, unless BENCH_FORCE=1 (then the load is in the report).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
db="${CASEWORK_BENCH_DB_NAME:-casework_bench_lookup}"
cases="${BENCH_CASES:-1000000}"
seconds="${BENCH_SECONDS:-30}"
rate="${BENCH_RATE:-200}"
cores="$(nproc)"
load="$(cut -d' ' -f1 /proc/loadavg)"
echo "[bench] load average $(cut -d' ' -f1-3 /proc/loadavg) on ${cores} cores"
if [ "${BENCH_FORCE:-0}" != "1" ] && awk -v l="$load" -v c="$cores" 'BEGIN { exit !(l > c) }'; then
  echo "[bench] the machine is busy (load ${load} > ${cores} cores): not measuring; BENCH_FORCE=1 to run anyway" >&2
  exit 2
fi
./casework db-users "$db" >/dev/null
mkdir -p target/bench-lookup
CASEWORK_BENCH_DB_NAME="$db" mvn -B -q -Dnpm.skip=true -Dspotless.check.skip=true -Pbench-lookup test \
  -Dbench.cases="$cases" -Dbench.seconds="$seconds" -Dbench.rate="$rate" \
  > target/bench-lookup/run.log 2>&1 || { tail -50 target/bench-lookup/run.log; exit 1; }
grep -h '^\[bench\]' target/bench-lookup/run.log \
  | tee target/bench-lookup/report.txt
