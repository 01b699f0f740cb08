#!/bin/bash
# Interleaved runs: each round runs every variant once, each in a fresh JVM and a fresh DB file under /tmp.
set -e
cd "$(dirname "$0")"
. "$(pwd)/../../bin/lib/jdk.sh"
JAVA="$JAVA_HOME/bin"
# the driver the project builds with (run `bin/test` or any build once so that it is in ~/.m2)
JAR=${SQLITE_JDBC_JAR:-$HOME/.m2/repository/org/xerial/sqlite-jdbc/3.54.1.0/sqlite-jdbc-3.54.1.0.jar}
ROUNDS=${ROUNDS:-3}
ROWS=${ROWS:-300000}
VARIANTS=${VARIANTS:-"A B B2 C C2 J J2 D D100 E F F1"}
OUT=${OUT:-results.txt}
mkdir -p classes /tmp/bindbench
$JAVA/javac -Xlint:-deprecation -nowarn -d classes -cp "$JAR" Bench.java
for round in $(seq 1 "$ROUNDS"); do
  for v in $VARIANTS; do
    line=$($JAVA/java --enable-native-access=ALL-UNNAMED -Xms2g -Xmx2g -cp "$JAR:classes" Bench run "$v" "/tmp/bindbench/run-$v.db" "$ROWS")
    echo "round=$round load=$(cut -d' ' -f1 /proc/loadavg) $line" | tee -a "$OUT"
  done
done
