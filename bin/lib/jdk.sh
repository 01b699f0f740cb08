# Sourced by bin/ scripts: exports JAVA_HOME pointing at a JDK >= 21 (Helidon 4 needs it).
# Order: $JAVA_HOME if it is 21+, else the newest 21+ JDK under /usr/lib/jvm (or $BRAINSTEM_JVM_DIR).

brainstem_java_major() { # $1 = java binary; prints the feature version (17, 21, 25...)
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' \
    | awk -F. '{ if ($1 == "1") print $2; else print $1 }'
}

brainstem_find_jdk() {
  local best="" best_major=0 dir major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(brainstem_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      echo "$JAVA_HOME"; return 0
    fi
  fi
  for dir in "${BRAINSTEM_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -x "$dir/bin/javac" ] || continue
    [ -L "$dir" ] && continue
    major=$(brainstem_java_major "$dir/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$dir"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "brainstem: no JDK 21 or newer found (looked at JAVA_HOME and ${BRAINSTEM_JVM_DIR:-/usr/lib/jvm}/*)." >&2
    echo "brainstem: install one, e.g. 'apt-get install openjdk-21-jdk-headless', or set JAVA_HOME." >&2
    return 1
  fi
  echo "$best"
}

JAVA_HOME=$(brainstem_find_jdk) || exit 1
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
