#!/usr/bin/env bash
# Hostile-client figures (issue 16, ADR 26) against a real `brainstem serve` with the launcher's default -Xmx384m.
#   bench/hostile.sh bodies [N] [MIB]  N (30) clients at once, each POSTing a MIB (15) MiB event with Python's urllib
#                                      (it writes the whole body before reading): statuses, the heap's high-water
#                                      mark (jstat every 100 ms: used = survivors + eden + old), whether it is still up
#   bench/hostile.sh idle-tcp [N]      heap after a full GC with no TCP syslog connection, then with N (500) idle ones
# Ports: BENCH_PORT (18380) for HTTP, BENCH_TCP_PORT (15814) for TCP syslog.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bin/lib/jdk.sh"
cd "$ROOT"
[ "${BRAINSTEM_SKIP_BUILD:-0}" = 1 ] || mvn -B -q -DskipTests -pl bootstrap -am package >&2
MODE="${1:-bodies}"
DATA="$(mktemp -d /tmp/brainstem-hostile.XXXXXX)"
PORT="${BENCH_PORT:-18380}"
TCP="${BENCH_TCP_PORT:-15814}"
export BRAINSTEM_DATA_DIR="$DATA" BRAINSTEM_HTTP_PORT="$PORT" BRAINSTEM_SYSLOG_PORT=off BRAINSTEM_SYSLOG_TCP_PORT="$TCP" \
  BRAINSTEM_SKIP_BUILD=1
bin/brainstem serve > "$DATA/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
PID=$(pgrep -P $SERVER java || echo $SERVER)
heap_after_gc() { jcmd "$PID" GC.run >/dev/null; sleep 1; jstat -gc "$PID" | awk 'NR==2 {printf "%.1f", ($3+$4+$6+$8)/1024}'; }
case "$MODE" in
  bodies)
    N="${2:-30}"; MIB="${3:-15}"
    jstat -gc "$PID" 100 > "$DATA/jstat.log" &
    JSTAT=$!
    python3 - "$PORT" "$N" "$MIB" <<'PY'
import json, sys, threading, urllib.request, urllib.error, collections
port, n, mib = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
body = json.dumps({"tenant_id": "hostile", "source_type": "syslog",
                   "message_raw": "<14>Oct 11 22:14:15 fw-01 dump: " + "x" * (mib * 1024 * 1024 - 200)}).encode()
results = collections.Counter()
def post():
    req = urllib.request.Request("http://127.0.0.1:%d/ingest/event" % port, data=body,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            results["%d" % r.status] += 1
    except urllib.error.HTTPError as e:
        code = json.loads(e.read()).get("error", {}).get("code")
        results["%d %s" % (e.code, code)] += 1
    except Exception as e:
        results["failed: " + type(e).__name__] += 1
threads = [threading.Thread(target=post) for _ in range(n)]
[t.start() for t in threads]
[t.join() for t in threads]
print("answers:", dict(results))
PY
    kill $JSTAT
    awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=($3+$4+$6+$8)/1024; if (u>m) m=u} END {printf "heap high-water: %.0f MiB used (of -Xmx384m)\n", m}' "$DATA/jstat.log"
    curl -s -o /dev/null -w "healthz after: %{http_code}\n" "http://127.0.0.1:$PORT/healthz"
    kill -0 "$PID" && echo "process alive"
    ;;
  idle-tcp)
    N="${2:-500}"
    before=$(heap_after_gc)
    python3 - "$TCP" "$N" "$DATA/ready" <<'PY' &
import socket, sys, time, os
port, n, ready = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
socks = [socket.create_connection(("127.0.0.1", port)) for _ in range(n)]
open(ready, "w").close()
time.sleep(60)
PY
    CLIENTS=$!
    for _ in $(seq 1 100); do [ -f "$DATA/ready" ] && break; sleep 0.2; done
    sleep 2
    open=$(curl -s "http://127.0.0.1:$PORT/runtime" | python3 -c 'import json,sys; print(json.load(sys.stdin)["intake"]["syslog_tcp"]["connections_open"])')
    after=$(heap_after_gc)
    kill $CLIENTS
    awk -v b="$before" -v a="$after" -v n="$N" -v o="$open" 'BEGIN {printf "heap after GC: %.1f MiB with no connection, %.1f MiB with %d idle ones open: %.1f KiB each\n", b, a, o, (a-b)*1024/n}'
    ;;
  *) echo "unknown mode $MODE" >&2; exit 2 ;;
esac
