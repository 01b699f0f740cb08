#!/usr/bin/env bash
# Syslog UDP load: starts brainstem (fresh data dir, free ports), sends RATE msgs/s for SECONDS seconds,
# waits until every datagram is stored or accounted as dropped, and prints the loss. See bench/SYSLOG.md.
#   bench/syslog-udp.sh [rate=50000] [seconds=60] [warmup-seconds=30]
# The warm-up sends at the same rate first and is not counted: the JIT compiles the hot paths during the
# first tens of seconds, on the same two cores (bench/README.md).
# Needs `serve` to start the syslog listener (SyslogWiring). BRAINSTEM_JAVA_OPTS passes JVM options.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bin/lib/jdk.sh"
RATE="${1:-50000}"
SECS="${2:-60}"
WARMUP="${3:-30}"

echo "building..." >&2
(cd "$ROOT" && mvn -B -q -pl bootstrap,bench -am package -DskipTests) >&2
BENCH_JAR=$(ls "$ROOT"/bench/target/brainstem-bench-*.jar | grep -v -e sources -e tests | head -1)

DATA="$(mktemp -d -t brainstem-syslog-bench.XXXXXX)"
read -r HTTP_PORT SYSLOG_PORT < <("$JAVA_HOME/bin/java" -cp "$BENCH_JAR" io.brainstem.bench.syslog.FreePorts)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "${KEEP_DATA:-0}" = 1 ]; then echo "data kept in $DATA" >&2; else rm -rf "$DATA"; fi
}
trap cleanup EXIT

BRAINSTEM_DATA_DIR="$DATA" BRAINSTEM_HTTP_HOST=127.0.0.1 BRAINSTEM_HTTP_PORT="$HTTP_PORT" \
  BRAINSTEM_SYSLOG_HOST=127.0.0.1 BRAINSTEM_SYSLOG_PORT="$SYSLOG_PORT" BRAINSTEM_SYSLOG_TCP_PORT=off \
  BRAINSTEM_SKIP_BUILD=1 "$ROOT/bin/brainstem" serve >"$DATA/server.log" 2>&1 &
SERVER_PID=$!
echo "brainstem pid $SERVER_PID: http 127.0.0.1:$HTTP_PORT, syslog udp 127.0.0.1:$SYSLOG_PORT, data $DATA" >&2

set +e
"$JAVA_HOME/bin/java" -cp "$BENCH_JAR" io.brainstem.bench.syslog.UdpLoadGenerator \
  --syslog "127.0.0.1:$SYSLOG_PORT" --http "http://127.0.0.1:$HTTP_PORT" --rate "$RATE" --seconds "$SECS" --warmup "$WARMUP"
CODE=$?
set -e
if [ "$CODE" = 2 ]; then
  echo "--- server log ---" >&2
  tail -n 40 "$DATA/server.log" >&2
fi
grep -E "SO_RCVBUF|lost after|SEVERE|ERROR" "$DATA/server.log" >&2 || true
exit "$CODE"
