#!/usr/bin/env bash
# LogicMonitor sync: wall time and requests of syncing N alerts (default 10,000) from the fake portal over real
# HTTP into a fresh SQLite file, with the real portal client (LMv1, paging) and LogicMonitorService.
#   bench/logicmonitor.sh [N] [429]    (429: the portal answers 429 once, X-Rate-Limit-Window 1 s)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bin/lib/jdk.sh"
cd "$ROOT"
CP="$(mktemp)"
trap 'rm -f "$CP"' EXIT
# in one reactor run, so that the modules resolve to what it built; bench is the last to write the file
mvn -B -q -DskipTests -pl bench -am package dependency:build-classpath -Dmdep.outputFile="$CP" >&2
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g -cp "bench/target/classes:$(cat "$CP")" \
    io.brainstem.bench.logicmonitor.LogicMonitorSyncBench "$@"
