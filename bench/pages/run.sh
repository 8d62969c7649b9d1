#!/usr/bin/env bash
# Page server time (issue 20): every page of the browser tour's matrix (e2e/PageMatrix: the same
# pages, each as the same role) requested N times over HTTP by a logged-in session, one request at
# a time, with the demo data; in one table p50/p99/max per page beside the target (p99 < 100 ms),
# the SQL statements per view and the load average, after a reference row (/login, not logged in),
# with the machine's load before and after. Run it on an otherwise idle machine (check `uptime`).
#
#   bench/pages/run.sh [rounds]        default 50 measured rounds after 10 warm-up rounds
#   BENCH_WARMUP=5 bench/pages/run.sh 20
#
# Runs org.casework.bench.PageBench (src/test/java) with the app in the same JVM (-Xmx1g) on port
# BENCH_PORT (8194) and database BENCH_DB (casework_bench_pages, dropped first; MariaDB on
# 127.0.0.1:3306, root; its owner and app logins are made here with ./casework db-users).
# The report is printed and written to target/bench/pages-report.md; each page's statements to
# target/bench/pages-sql.md.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
cd "$repo"
./casework db-users "${BENCH_DB:-casework_bench_pages}" >/dev/null
echo "[bench] load before the build: $(cut -d' ' -f1-3 /proc/loadavg) (cores: $(nproc))"
export MAVEN_OPTS="${MAVEN_OPTS:-} -Xms512m -Xmx1g -XX:+UseG1GC"
mvn -B -q -Dnpm.skip=true -Dspotless.check.skip=true test-compile exec:java \
  -Dexec.classpathScope=test -Dexec.mainClass=org.casework.bench.PageBench \
  -Dbench.rounds="${1:-50}" -Dbench.warmup="${BENCH_WARMUP:-10}" \
  -Dbench.port="${BENCH_PORT:-8194}" -Dbench.db="${BENCH_DB:-casework_bench_pages}"
