#!/usr/bin/env bash
# Candidate-detector microbenchmark: ns/event of CandidateDetector.observe on ~1M realistic events
# (see DetectorBench's javadoc). Builds domain and bench (nothing is installed), then runs pinned to one CPU.
#   bench/detection.sh [events=1000000] [warmups=3] [runs=5] [stepMicros=100] [scenarios=common,mixed]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bin/lib/jdk.sh"

(cd "$ROOT" && mvn -B -q -pl bench -am package -DskipTests) >&2
pin=()
if command -v taskset >/dev/null 2>&1; then
    pin=(taskset -c 0)   # the whole JVM (JIT and GC threads too) on one core
fi
exec "${pin[@]}" "$JAVA_HOME/bin/java" -Xms1g -Xmx1g -cp "$ROOT/bench/target/classes:$ROOT/domain/target/classes" \
    io.brainstem.bench.detection.DetectorBench "$@"
