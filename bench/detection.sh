#!/usr/bin/env bash
# Builds the bench module and runs the candidate-detector microbenchmark (ns/event of
# CandidateDetector.observe on ~1M realistic events; see DetectorBench's javadoc).
#
# usage: bench/detection.sh [EVENTS [WARMUPS [RUNS [STEP_MICROS]]]]
# Needs a JDK >= 21 (JAVA_HOME if it is one, else the newest under /usr/lib/jvm) and Maven.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

java_major() {
    "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

pick_jdk() {
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" && "$(java_major "$JAVA_HOME")" -ge 21 ]]; then
        echo "$JAVA_HOME"
        return
    fi
    local best="" best_major=0 dir major
    for dir in /usr/lib/jvm/*/; do
        dir="${dir%/}"
        [[ -x "$dir/bin/javac" ]] || continue
        major="$(java_major "$dir")"
        if [[ -n "$major" && "$major" -gt "$best_major" ]]; then
            best="$dir"
            best_major="$major"
        fi
    done
    if [[ "$best_major" -lt 21 ]]; then
        echo "detection.sh: no JDK >= 21 found (set JAVA_HOME)" >&2
        exit 1
    fi
    echo "$best"
}

export JAVA_HOME="$(pick_jdk)"
echo "JDK: $JAVA_HOME ($(java_major "$JAVA_HOME"))" >&2
(cd "$repo" && mvn -B -q -pl bench -am package -DskipTests)

classpath="$repo/bench/target/classes:$repo/domain/target/classes"
pin=()
if command -v taskset >/dev/null 2>&1; then
    pin=(taskset -c 0)   # the whole JVM (JIT and GC threads too) on one core
fi
exec "${pin[@]}" "$JAVA_HOME/bin/java" -Xms1g -Xmx1g -cp "$classpath" \
    io.brainstem.bench.detection.DetectorBench "$@"
