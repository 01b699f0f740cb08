#!/usr/bin/env bash
# HTTP benchmarks against a real `brainstem serve` on 127.0.0.1 with a fresh database.
#   bench/http.sh ingest     POST /ingest/batch (500-event batches) throughput on a fresh database
#                            (after WARMUP=20 s of the same load, not counted), and the server's CPU per event
#   bench/http.sh single     POST /ingest/event latency at RATE (500) requests/s on a fresh database
#   bench/http.sh inspect [N] fill N events (default 1,000,000), then GET /signatures, /candidates,
#                            /canonical_events with filters at 50 requests/s; reports p99 and the server's RSS
#   bench/http.sh memory [N]  fill N events (default 1,000,000), then the operational-memory endpoints (events and
#                            candidate search, explain, related history, incidents, digest) at 50 requests/s
#   bench/http.sh counts [N] fill N events (default 1,000,000), then REQUESTS (100) of each of GET /stats, /sources
#                            and /sources/status, one after the other; p50/p99 of each (ADR 33)
#   bench/http.sh retention [N] fill N events, age them by 31 days (sqlite3), restart with retention on, and measure
#                            batch ingest before the first sweep and while it deletes them
# STORE=postgres runs any mode but retention against a throwaway PostgreSQL cluster on the same machine (Debian's
# server binaries, default durability: fsync and synchronous_commit on), started as the postgres user when root.
#   bench/http.sh metrics    the scrape's in-process cost (ScrapeBench), then ROUNDS (2) rounds of three fresh servers
#                            under the same batch ingest: metrics on while GET /metrics is scraped at SCRAPE_RATE
#                            (10)/s (scrape latency, server-side scrape time), metrics on, BRAINSTEM_METRICS=off
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bin/lib/jdk.sh"
cd "$ROOT"
mvn -B -q -DskipTests -pl bootstrap,bench -am package >&2
MODE="${1:-ingest}"
DATA="$(mktemp -d /tmp/brainstem-bench.XXXXXX)"
PORT="${BENCH_PORT:-18090}"
export BRAINSTEM_DATA_DIR="$DATA" BRAINSTEM_HTTP_PORT="$PORT" BRAINSTEM_SYSLOG_PORT=off BRAINSTEM_SKIP_BUILD=1
. "$ROOT/bench/lib/postgres.sh"
if [ "${STORE:-sqlite}" = postgres ]; then
  PG_PORT="${PG_PORT:-18432}"
  pg_start "$DATA/pg" "$PG_PORT" -c shared_buffers=1GB
  export BRAINSTEM_DATABASE_URL="postgresql://brainstem@127.0.0.1:$PG_PORT/postgres"
fi
start_server() {
  bin/brainstem serve >> "$DATA/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
  PID=$(pgrep -P $SERVER java || echo $SERVER)
}
stop_server() {
  kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true
}
start_server
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; pg_stop; rm -rf "$DATA"' EXIT
BENCH=(java -cp bench/target/classes io.brainstem.bench.http.HttpBench)
URL="http://127.0.0.1:$PORT"
rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MiB  ", $1, $2/1024} END {print ""}' "/proc/$PID/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; } # the server's user + system CPU, in clock ticks
case "$MODE" in
  ingest)
    # warm-up (not counted): the JIT compiles the hot paths during the first tens of seconds
    "${BENCH[@]}" batch "$URL" "${WARMUP:-20}" "${CONCURRENCY:-2}" 500 | sed 's/^/warm-up: /'
    before=$(cpu_ticks)
    OUT="$("${BENCH[@]}" batch "$URL" "${SECONDS_BATCH:-30}" "${CONCURRENCY:-2}" 500)"
    after=$(cpu_ticks)
    echo "$OUT"
    # CPU per event is steadier than events/s when other processes share the cores
    events=$(printf '%s' "$OUT" | grep -o '^batch: [0-9]*' | grep -o '[0-9]*')
    awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$events" \
      'BEGIN { printf "server CPU: %.1f s, %.1f us per event\n", t / hz, t / hz / n * 1e6 }'
    ;;
  single)
    "${BENCH[@]}" single "$URL" "${SECONDS_SINGLE:-30}" "${RATE:-500}"
    ;;
  inspect)
    N="${2:-1000000}"
    "${BENCH[@]}" fill "$URL" "$N" 1000
    echo "after fill: $(rss)"
    "${BENCH[@]}" query "$URL" 30 50 \
      "/signatures?limit=20" "/signatures?event_family=vpn&limit=20" "/signatures?min_occurrence_count=100&service=charon" \
      "/candidates?limit=20" "/candidates?decision_band=review&limit=20" "/candidates?candidate_type=self_heal&min_score_total=0.3" \
      "/canonical_events?limit=20" "/canonical_events?host=fw-7&limit=20" "/canonical_events?service=sshd&severity=info" \
      "/canonical_events?tenant_id=bench&source=bench-3&limit=50"
    echo "after queries: $(rss)"
    ;;
  memory)
    N="${2:-1000000}"
    "${BENCH[@]}" fill "$URL" "$N" 1000
    echo "after fill: $(rss)"
    "${BENCH[@]}" memory "$URL" "${SECONDS_QUERY:-60}" "${RATE:-50}"
    echo "after queries: $(rss)"
    ;;
  counts)
    N="${2:-1000000}"
    "${BENCH[@]}" fill "$URL" "$N" 1000
    echo "after fill: $(rss)"
    # one request after the other (before ADR 33 each took seconds: a fixed rate would only measure the queue)
    for path in /stats /sources /sources/status; do
      curl -s -o /dev/null "$URL$path" # warm-up
      for _ in $(seq 1 "${REQUESTS:-100}"); do curl -s -o /dev/null -w '%{time_total}\n' "$URL$path"; done | sort -n |
        awk -v p="$path" '{ a[NR] = $1 * 1000 } END { i99 = int(NR * 0.99 + 0.5); if (i99 < 1) i99 = 1
          printf "GET %s: %d requests one after the other: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", p, NR,
            a[int(NR * 0.5 + 0.5)], a[i99], a[NR] }'
    done
    ;;
  retention)
    N="${2:-1000000}"
    "${BENCH[@]}" fill "$URL" "$N" 1000
    kill $SERVER; wait $SERVER 2>/dev/null || true
    DB="$DATA/brainstem.sqlite3"
    sqlite3 "$DB" "UPDATE events SET received_at = received_at - 31 * 86400 * 1000000;
      UPDATE event_tallies SET last_received_at = last_received_at - 31 * 86400 * 1000000;" # 31 days before now
    # the message index partitions (ADR 34) say which day they were opened: they age with the events
    sqlite3 "$DB" "UPDATE events_fts_parts SET day = day - 31;" 2>/dev/null || true
    echo "aged $(sqlite3 "$DB" 'SELECT COUNT(*) FROM events') events by 31 days"
    BRAINSTEM_RETENTION_DAYS=30 bin/brainstem serve >> "$DATA/serve.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 100); do curl -sf "$URL/healthz" >/dev/null && break; sleep 0.2; done
    PID=$(pgrep -P $SERVER java || echo $SERVER)
    echo "restarted at $(date +%T); the first sweep starts 30 s later"
    # the first sweep starts 30 s after start: batch ingest plus single events at 100/s for 20 s before it, then
    # the same while it deletes
    # LOAD=batch: batch ingest at full speed (throughput); LOAD=single: single events at RATE (500)/s, a load the
    # server carries easily (latency); LOAD=both: the two together (the singles then queue behind saturation)
    phase() {
      local load=""
      echo "$1: from $(date +%T)"
      if [ "${LOAD:-both}" != single ]; then
        ( "${BENCH[@]}" batch "$URL" "$2" "${CONCURRENCY:-2}" 500 | sed "s/^/$1: /" ) &
        load=$!
      fi
      if [ "${LOAD:-both}" != batch ]; then
        java -Dwarmup=0 -cp bench/target/classes io.brainstem.bench.http.HttpBench single "$URL" "$2" "${RATE:-500}" \
          | sed "s/^/$1: /"
      fi
      [ -z "$load" ] || wait $load
    }
    phase "before the sweep" 20
    phase "during the sweep" "${SECONDS_DURING:-60}"
    grep "retention" "$DATA/serve.log" | tail -3 || true
    curl -s "$URL/runtime" | grep -o '"retention":{[^}]*}'
    echo "kept: $(curl -s "$URL/stats" | grep -o '"received":[0-9]*')"
    ;;
  metrics)
    stop_server
    # the scrape's cost in process (no HTTP), before any load
    java -cp "bench/target/classes:bootstrap/target/libs/*" io.brainstem.bench.metrics.ScrapeBench 2>&1 | grep -v SLF4J
    for round in $(seq 1 "${ROUNDS:-2}"); do
      for variant in scraped on off; do
        rm -rf "$DATA"/brainstem.sqlite3*
        export BRAINSTEM_METRICS=$([ $variant = off ] && echo off || echo on); start_server
        "${BENCH[@]}" batch "$URL" "${WARMUP:-20}" "${CONCURRENCY:-2}" 500 >/dev/null # warm-up, not counted
        label="round $round, metrics $variant"
        if [ $variant = scraped ]; then
          label="round $round, metrics on, scraped ${SCRAPE_RATE:-10}/s"
          ( "${BENCH[@]}" batch "$URL" "${SECONDS_BATCH:-30}" "${CONCURRENCY:-2}" 500 | sed "s|^|$label: |" ) &
          LOAD=$!
          java -Dwarmup=0 -cp bench/target/classes io.brainstem.bench.http.HttpBench query "$URL" \
            "${SECONDS_BATCH:-30}" "${SCRAPE_RATE:-10}" /metrics | sed "s/^query/round $round, GET \/metrics under load/"
          wait $LOAD
          SCRAPE="$(curl -s "$URL/metrics")"
          echo "round $round: scrape $(printf '%s' "$SCRAPE" | wc -c) bytes, $(printf '%s\n' "$SCRAPE" | grep -vc '^#') samples; server-side" \
            "$(printf '%s\n' "$SCRAPE" | awk '/^brainstem_http_server_requests_seconds_(sum|count)\{.*route="\/metrics"/ {
                 if ($1 ~ /_sum/) s += $2; else c += $2 } END { printf "mean %.3f ms over %d scrapes", s / c * 1000, c }')"
          printf '%s\n' "$SCRAPE" | grep -E '^brainstem_http_server_requests_seconds_bucket\{.*route="/metrics"' \
            | sed 's/^/  /'
        else
          "${BENCH[@]}" batch "$URL" "${SECONDS_BATCH:-30}" "${CONCURRENCY:-2}" 500 | sed "s|^|$label: |"
        fi
        echo "$label, server: $(rss)"
        stop_server
      done
    done
    start_server # for the exit trap and the last line
    ;;
esac
echo "server: $(rss)"
