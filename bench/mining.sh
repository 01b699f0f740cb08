#!/usr/bin/env bash
# Builds the bench module and runs the template-miner benchmark: GA/PA per labelled set (scored in Java
# with ga.py's semantics), one table for the shared Loghub sets and one for the generated corpus
# (bench/corpus), then single-thread throughput and heap.
#
# usage: bench/mining.sh [DATA_DIR] [--accuracy-only|--throughput-only]
#   DATA_DIR defaults to ../shared/bench relative to the repository root; it holds loghub2k/. When it is
#   missing only the corpus is scored.
# Needs a JDK >= 21 (JAVA_HOME if it is one, else the newest under /usr/lib/jvm) and Maven.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

source "$repo/bench/jdk.sh"

data="$repo/../shared/bench"
args=()
for arg in "$@"; do
    case "$arg" in
        --*) args+=("$arg") ;;
        *) data="$arg" ;;
    esac
done
if [[ -d "$data" ]]; then
    data="$(cd "$data" && pwd)"
fi

export JAVA_HOME="$(pick_jdk)"
echo "JDK: $JAVA_HOME ($(java_major "$JAVA_HOME")); data: $data" >&2
(cd "$repo" && mvn -B -q -pl bench -am package -DskipTests)

classpath="$repo/bench/target/classes:$repo/domain/target/classes"
pin=()
if command -v taskset >/dev/null 2>&1; then
    pin=(taskset -c 0)   # the whole JVM (JIT and GC threads too) on one core
fi
exec "${pin[@]}" "$JAVA_HOME/bin/java" -Xms512m -Xmx512m -cp "$classpath" \
    io.brainstem.bench.mining.MiningBenchmark "$data" "$repo/bench/target/mining" \
    "--corpus=$repo/bench/corpus" "${args[@]}"
