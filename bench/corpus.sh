#!/usr/bin/env bash
# Builds the bench module and regenerates the labelled corpus: for every bench/corpus/specs/NAME.tsv,
# bench/corpus/NAME.content, NAME.truth and NAME.states.truth (deterministic: the same files on every run).
#
# usage: bench/corpus.sh [MESSAGES]     (default 2000 messages a set)
# Needs a JDK >= 21 (JAVA_HOME if it is one, else the newest under /usr/lib/jvm) and Maven.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/bench/jdk.sh"
JAVA_HOME="$(pick_jdk)"
export JAVA_HOME
(cd "$repo" && mvn -B -q -pl bench -am package -DskipTests)
exec "$JAVA_HOME/bin/java" -cp "$repo/bench/target/classes:$repo/domain/target/classes" \
    io.brainstem.bench.corpus.CorpusGenerator "$repo/bench/corpus" "$@"
