# shared by bench/run and bench/faults: JDK, MariaDB, the bench stack, the app jar
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
say() { echo "[bench] $*"; }
die() { echo "[bench] ERROR: $*" >&2; exit 1; }
export CASEWORK_STACK_HOME=${CASEWORK_BENCH_STACK_HOME:-$PWD/.casework/bench-stack}
export JAVA_HOME=${CASEWORK_JAVA_HOME:-$(bin/stack java-home)}
mysqladmin -h127.0.0.1 -uroot --connect-timeout=2 ping >/dev/null 2>&1 \
  || die "MariaDB does not answer on 127.0.0.1:3306 (start it as for ./casework run)"
STARTED_STACK=false
if ! bin/stack status >/dev/null 2>&1; then
  STARTED_STACK=true
  say "starting the benchmark stack in $CASEWORK_STACK_HOME (normal engine clock)"
fi
bin/stack start
finish() {
  local rc=$?
  if [ "$STARTED_STACK" = true ] && [ "${BENCH_KEEP_STACK:-false}" != true ]; then
    say "stopping the stack this script started (BENCH_KEEP_STACK=true keeps it)"
    bin/stack stop || true
  fi
  exit $rc
}
trap finish EXIT
say "building the app jar and the drivers (JDK $JAVA_HOME)"
mvn -B -q -Dnpm.skip=true -DskipTests package || die "build failed"
# the app runs from a copy, so a rebuild while it runs does not pull the jar from under it
JAR=$PWD/.casework/bench-app.jar
cp target/casework-0.1.0-SNAPSHOT.jar "$JAR"
bin/stack wait
run_main() { # main class, extra -D args
  local main=$1; shift
  mvn -B -q -Pbench -Dnpm.skip=true exec:java -Dbench.main="$main" \
    -Dcasework.stack.home="$CASEWORK_STACK_HOME" -Dbench.jar="$JAR" "$@"
}
