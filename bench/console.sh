#!/usr/bin/env bash
# The console's Today page on a large store, in headless Chromium (Debian's chromium and chromium-driver):
#   bench/console.sh [N] [RUNS]   fill N events (default 1,000,000) into a fresh database over HTTP, then open
#                                 /console/ RUNS times (default 5), each with a cold browser cache
# Reports first contentful paint, when the digest and /interesting had answered, and when both lists showed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bin/lib/jdk.sh"
cd "$ROOT"
CP="$(mktemp)"
# in one reactor run, so that the modules resolve to what it built; bench is the last to write the file
mvn -B -q -DskipTests -pl bootstrap,bench -am package dependency:build-classpath -Dmdep.outputFile="$CP" >&2
N="${1:-1000000}"
DATA="$(mktemp -d /tmp/brainstem-bench.XXXXXX)"
PORT="${BENCH_PORT:-18096}"
export BRAINSTEM_DATA_DIR="$DATA" BRAINSTEM_HTTP_PORT="$PORT" BRAINSTEM_SYSLOG_PORT=off BRAINSTEM_SKIP_BUILD=1
bin/brainstem serve > "$DATA/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA" "$CP"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
URL="http://127.0.0.1:$PORT"
java -cp bench/target/classes io.brainstem.bench.http.HttpBench fill "$URL" "$N" 1000
for p in /digest/daily /interesting /stats /sources/status; do
  if [ "$p" = /digest/daily ]; then
    curl -s -o /dev/null -w "$p %{time_total} s\n" -XPOST -H 'Content-Type: application/json' "$URL$p" -d '{"limit": 20}'
  else
    curl -s -o /dev/null -w "$p %{time_total} s\n" "$URL$p?limit=20"
  fi
done
java -cp "bench/target/classes:$(cat "$CP")" io.brainstem.bench.console.ConsolePaintBench "$URL" "${2:-5}"
