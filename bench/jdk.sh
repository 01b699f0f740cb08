# Sourced by the bench scripts: pick_jdk prints a JDK >= 21 (JAVA_HOME if it is one, else the newest
# under /usr/lib/jvm) or exits.

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
        echo "$(basename "$0"): no JDK >= 21 found (set JAVA_HOME)" >&2
        exit 1
    fi
    echo "$best"
}
