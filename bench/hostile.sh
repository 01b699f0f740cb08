#!/usr/bin/env bash
# Hostile-client figures (issue 16, ADR 26) against a real `brainstem serve` with the launcher's default -Xmx384m.
#   bench/hostile.sh bodies [N] [MIB]  N (30) clients at once, each POSTing a MIB (15) MiB event with Python's urllib
#                                      (it writes the whole body before reading): statuses, the heap's high-water
#                                      mark (jstat every 100 ms: used = survivors + eden + old), whether it is still up
#   bench/hostile.sh idle-tcp [N]      heap after a full GC with no TCP syslog connection, then with N (500) idle ones
#   bench/hostile.sh all [SECONDS]     every load of issue 16 at once for SECONDS (90): 30 clients POSTing 15 MiB
#                                      bodies in a loop, 20 events with 15 MiB messages and then the four list
#                                      endpoints at their largest limit in a loop, 500 idle TCP syslog connections,
#                                      300 slow-loris HTTP clients (a header line every 2 s) and 100 stalled bodies;
#                                      the heap's high-water mark, OutOfMemoryErrors in the log, answers by status
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
  BRAINSTEM_SKIP_BUILD=1 BRAINSTEM_JAVA_OPTS="${BRAINSTEM_JAVA_OPTS:--Xms64m -Xmx384m} -Xlog:gc:file=$DATA/gc.log"
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
  all)
    SECONDS_RUN="${2:-90}"
    jstat -gc "$PID" 100 > "$DATA/jstat.log" &
    JSTAT=$!
    python3 - "$PORT" "$TCP" "$SECONDS_RUN" <<'PY'
import collections, json, socket, sys, threading, time, urllib.request, urllib.error
port, tcp, seconds = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
end = time.time() + seconds
answers = collections.Counter()
lock = threading.Lock()
def count(key):
    with lock:
        answers[key] += 1
base = "http://127.0.0.1:%d" % port
big = json.dumps({"tenant_id": "hostile", "source_type": "syslog",
                  "message_raw": "<14>Oct 11 22:14:15 fw-01 dump: " + "x" * (15 * 1024 * 1024 - 200)}).encode()
def request(method, path, body=None):
    req = urllib.request.Request(base + path, data=body, method=method,
                                 headers={"Content-Type": "application/json"} if body else {})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            r.read()
            count("%s %s %d" % (method, path.split("?")[0], r.status))
    except urllib.error.HTTPError as e:
        code = json.loads(e.read() or b"{}").get("error", {}).get("code")
        count("%s %s %d %s" % (method, path.split("?")[0], e.code, code))
    except Exception as e:
        count("%s %s failed: %s" % (method, path.split("?")[0], type(e).__name__))
for _ in range(20):  # 20 events with 15 MiB messages: stored cut
    request("POST", "/ingest/event", big)
def bodies():
    while time.time() < end:
        request("POST", "/ingest/event", big)
def lists():
    while time.time() < end:
        for path in ("/ingest/recent?limit=500", "/raw_envelopes?limit=500", "/canonical_events?limit=500",
                     "/failures?limit=500"):
            request("GET", path)
def loris():
    try:
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"GET /stats HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        i = 0
        while time.time() < end:
            s.sendall(b"X-Slow-%d: y\r\n" % i)
            i += 1
            time.sleep(2)
        count("slow-loris: still open at the end")
    except OSError:
        count("slow-loris: closed by the server")
def stalled():
    try:
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"POST /ingest/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 10000000\r\n\r\n" + b"{" * 65536)
        s.settimeout(seconds)
        first = s.recv(100)
        count("stalled body: " + (first.split(b"\r\n")[0].decode() if first else "closed"))
    except OSError as e:
        count("stalled body: " + type(e).__name__)
idle = [socket.create_connection(("127.0.0.1", tcp)) for _ in range(500)]
threads = ([threading.Thread(target=bodies) for _ in range(30)] + [threading.Thread(target=lists) for _ in range(4)]
           + [threading.Thread(target=loris) for _ in range(300)] + [threading.Thread(target=stalled) for _ in range(100)])
[t.start() for t in threads]
[t.join() for t in threads]
for key, n in sorted(answers.items()):
    print("%7d  %s" % (n, key))
PY
    kill $JSTAT
    awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=($3+$4+$6+$8)/1024; if (u>m) m=u} END {printf "heap high-water: %.0f MiB used (of -Xmx384m)\n", m}' "$DATA/jstat.log"
    # what a concurrent mark left (the live heap and the garbage of the moment), and the full collections G1 fell back to
    awk '/Pause Remark/ {split($0, a, "->"); v=a[2]+0; if (v>m) m=v} /Pause Full/ {n++; match($0, /[0-9]+M->[0-9]+M/); f=f ", " substr($0, RSTART, RLENGTH)}
         END {printf "heap after marking, highest: %d MiB; full collections: %d%s\n", m, n, (n ? " (" substr(f, 3) ")" : "")}' \
      "$DATA/gc.log"
    cp "$DATA/gc.log" "${BENCH_GC_LOG:-/tmp/brainstem-hostile-gc.log}"
    echo "OutOfMemoryError in the log: $(grep -c OutOfMemoryError "$DATA/serve.log" || true)"
    curl -s -o /dev/null -w "healthz after: %{http_code}\n" "http://127.0.0.1:$PORT/healthz"
    kill -0 "$PID" && echo "process alive"
    ;;
  *) echo "unknown mode $MODE" >&2; exit 2 ;;
esac
