#!/usr/bin/env bash
# Two brainstem nodes on one PostgreSQL (ADR 28) against one node, HTTP batch ingest on 127.0.0.1.
#   bench/nodes.sh     a throwaway PostgreSQL cluster (Debian's binaries, default durability), then for each case a
#                      fresh database, WARMUP (15) s not counted and SECONDS_BATCH (30) s measured, 2 clients per
#                      node (batches of 500):
#                        one node, one tenant        both clients on node A
#                        two nodes, one tenant each  node A takes tenant a, node B tenant b
#                        two nodes, the same tenant  both nodes take tenant a: every switch reloads its state
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bin/lib/jdk.sh"
cd "$ROOT"
mvn -B -q -DskipTests -pl bootstrap,bench -am package >&2
DATA="$(mktemp -d /tmp/brainstem-nodes.XXXXXX)"
. "$ROOT/bench/lib/postgres.sh"
PG_PORT="${PG_PORT:-18532}"
pg_start "$DATA/pg" "$PG_PORT" -c shared_buffers=1GB
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pg_stop
  rm -rf "$DATA"
}
trap cleanup EXIT
node() { # name port database
  BRAINSTEM_DATA_DIR="$DATA/$1" BRAINSTEM_HTTP_PORT="$2" BRAINSTEM_SYSLOG_PORT=off BRAINSTEM_SKIP_BUILD=1 \
    BRAINSTEM_DATABASE_URL="postgresql://brainstem@127.0.0.1:$PG_PORT/$3" bin/brainstem serve > "$DATA/$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$2/healthz" >/dev/null && return; sleep 0.2; done
  echo "node $1 did not start" >&2; exit 1
}
stop_nodes() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; PIDS=(); }
load() { # seconds, then pairs of url tenant; prints the sum of acknowledged events/s
  local secs=$1; shift; local outs=() loaders=()
  while [ $# -gt 0 ]; do
    local out; out="$(mktemp "$DATA/load.XXXX")"; outs+=("$out")
    java -Dtenant="$2" -cp bench/target/classes io.brainstem.bench.http.HttpBench batch "$1" "$secs" 2 500 > "$out" &
    loaders+=($!)
    shift 2
  done
  for l in "${loaders[@]}"; do wait "$l" || true; done
  for o in "${outs[@]}"; do sed 's/^/  /' "$o"; done
  awk '/events\/s/ {gsub(",", "", $8); s += $8} END {printf "  total: %d events/s\n", s}' "${outs[@]}"
}
run_case() { # title db, then pairs of url tenant
  local title=$1 db=$2; shift 2
  pg_run createdb -h "$DATA/pg" -p "$PG_PORT" -U brainstem "$db"
  node a 18591 "$db"; node b 18592 "$db"
  echo "== $title"
  load "${WARMUP:-15}" "$@" >/dev/null
  load "${SECONDS_BATCH:-30}" "$@"
  stop_nodes
}
A=http://127.0.0.1:18591; B=http://127.0.0.1:18592
run_case "one node, one tenant" one "$A" a "$A" a
run_case "two nodes, one tenant each" split "$A" a "$B" b
run_case "two nodes, the same tenant" same "$A" a "$B" a
