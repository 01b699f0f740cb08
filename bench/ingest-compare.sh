#!/usr/bin/env bash
# Batch ingest of this tree against an older build, in alternating pairs on fresh databases (issue 12's "within 15 %
# of the build before operational memory").
#   bench/ingest-compare.sh [BASE_REF] [PAIRS]   BASE_REF defaults to 0940f0b (before operational memory), PAIRS to 5
# Each run: a fresh `bin/brainstem serve` of one build, WARMUP (12) s of POST /ingest/batch (2 clients, 500-event
# batches, not counted), then SECS (15) s counted; prints events/s and the server's CPU per event, then the ratio of
# each pair. Both builds are driven by this tree's HttpBench, so the client is the same.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bin/lib/jdk.sh"
BASE_REF="${1:-0940f0b}"
PAIRS="${2:-5}"
PORT="${BENCH_PORT:-18091}"
BASE="$(mktemp -d /tmp/brainstem-base.XXXXXX)"
cleanup() { git -C "$ROOT" worktree remove --force "$BASE" 2>/dev/null || rm -rf "$BASE"; }
trap cleanup EXIT
git -C "$ROOT" worktree add -q --detach "$BASE" "$BASE_REF"
(cd "$ROOT" && mvn -B -q -DskipTests -pl bootstrap,bench -am package >&2)
(cd "$BASE" && mvn -B -q -DskipTests -pl bootstrap -am package >&2)
BENCH=(java -cp "$ROOT/bench/target/classes" io.brainstem.bench.http.HttpBench)
run() { # run TREE -> "events_per_s cpu_us_per_event"
  local tree=$1 data server pid t0 t1 out n
  data="$(mktemp -d /tmp/brainstem-cmp.XXXXXX)"
  (cd "$tree" && BRAINSTEM_DATA_DIR="$data" BRAINSTEM_HTTP_PORT="$PORT" BRAINSTEM_SYSLOG_PORT=off \
    BRAINSTEM_SYSLOG_TCP_PORT=off BRAINSTEM_SKIP_BUILD=1 exec bin/brainstem serve > "$data/serve.log" 2>&1) &
  server=$!
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
  pid=$(pgrep -P $server java || echo $server)
  "${BENCH[@]}" batch "http://127.0.0.1:$PORT" "${WARMUP:-12}" 2 500 > /dev/null
  t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  out="$("${BENCH[@]}" batch "http://127.0.0.1:$PORT" "${SECS:-15}" 2 500)"
  t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill $pid 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"
  n=$(printf '%s' "$out" | grep -o '^batch: [0-9]*' | grep -o '[0-9]*')
  rate=$(printf '%s' "$out" | grep -o '= [0-9,]* events/s' | tr -dc '0-9')
  awk -v n="$n" -v r="$rate" -v t=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%d %.1f\n", r, t / hz / n * 1e6 }'
}
for i in $(seq 1 "$PAIRS"); do
  read -r b bc < <(run "$BASE")
  read -r m mc < <(run "$ROOT")
  awk -v i="$i" -v b="$b" -v bc="$bc" -v m="$m" -v mc="$mc" -v ref="$BASE_REF" 'BEGIN {
    printf "pair %d: %s %d ev/s (%.1f us/event)  this tree %d ev/s (%.1f us/event)  ratio %.2f\n",
      i, ref, b, bc, m, mc, m / b }'
done
