#!/usr/bin/env bash
# bin/brainstem migrate: copy a SQLite store of N events (default 200,000, filled over HTTP by HttpBench) into a
# throwaway PostgreSQL cluster (Debian's binaries, default durability) and report wall time and events/s.
#   bench/migrate.sh [N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bin/lib/jdk.sh"
cd "$ROOT"
mvn -B -q -DskipTests -pl bootstrap,bench -am package >&2
N="${1:-200000}"
DATA="$(mktemp -d /tmp/brainstem-migrate.XXXXXX)"
PORT="${BENCH_PORT:-18093}"
. "$ROOT/bench/lib/postgres.sh"
PG_PORT="${PG_PORT:-18533}"
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
  pg_stop
  rm -rf "$DATA"
}
trap cleanup EXIT
export BRAINSTEM_DATA_DIR="$DATA/state" BRAINSTEM_SKIP_BUILD=1
BRAINSTEM_HTTP_PORT="$PORT" BRAINSTEM_SYSLOG_PORT=off bin/brainstem serve > "$DATA/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
java -cp bench/target/classes io.brainstem.bench.http.HttpBench fill "http://127.0.0.1:$PORT" "$N" 1000
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
pg_start "$DATA/pg" "$PG_PORT"
start=$(date +%s.%N)
bin/brainstem migrate --to "postgresql://brainstem@127.0.0.1:$PG_PORT/postgres"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v n="$N" 'BEGIN {printf "migrate: %d events in %.1f s = %.0f events/s\n", n, e - s, n / (e - s)}'
