#!/usr/bin/env bash
# Whole-process template-mining speed of `bin/brainstem mine --raw FILE` against Drain3 (IBM's Python log
# template miner) on the same file: wall time of each command from start to exit (JVM or Python start-up
# included), N runs each, median reported, both pinned to one core.
#
# usage: bench/drain3.sh [--phases] [LINES...]
#   --phases: afterwards, where brainstem's time goes on the largest file (brainstem only, same pinning
#   and runs): the CLI on an empty file, then fresh JVMs running io.brainstem.bench.mining.MinePhases
#   without the CLI (start / read / mine without writing / mine and write), then the syslog header
#   (the same lines behind an RFC 3164 header, `mine` without --raw, and MinePhases reading the header only).
#   LINES: sizes of the input files to build (default: 16000 1000000). Each file is the Loghub messages
#   of DATA_DIR/loghub2k/*.content (16,000 bare messages, sorted set names) repeated and cut to LINES lines,
#   written to bench/target/drain3/input-LINES.log; the same file is given to both tools.
#
# environment:
#   DRAIN3_SRC  a checkout or git directory of https://github.com/IBM/Drain3 (default: the bare mirror at
#               /work/.mirror/IBM+Drain3/repo). Drain3's code is not copied into this repository: when
#               DRAIN3_SRC is a git directory its drain3/ package is exported (DRAIN3_REF, default HEAD) to
#               bench/target/drain3/src at run time; when it is a work tree its drain3/ is used in place.
#   DRAIN3_INI  an optional drain3.ini for Drain3 (e.g. Drain3's examples/drain3.ini, which adds masking);
#               default: none, i.e. TemplateMinerConfig()'s defaults (what TemplateMiner() uses when no
#               drain3.ini is in the working directory: no masking, sim_th 0.4, depth 4, unbounded clusters).
#   RUNS        runs per tool and file (default 5); CPU the core to pin to (default 1).
#   DATA_DIR    holds loghub2k/ (default ../shared/bench relative to the repository root).
#   BRAINSTEM_JAVA_OPTS  JVM options for bin/brainstem (default: its own, -Xms64m -Xmx384m).
#
# Drain3 imports cachetools and jsonpickle, which need not be installed: when they are missing, minimal
# stand-ins are written to bench/target/drain3/stubs (an LRUCache/Cache with the API drain.py uses, only
# needed with max_clusters set; jsonpickle only for persistence, which this bench does not use).
#
# Both tools do the same work: read the file line by line, mine each line in order, and print one
# "id<TAB>template" line per input line with the final template of its cluster (brainstem's `mine`
# semantics; the Drain3 driver keeps one cluster id per line and prints the templates at the end).
# Output goes to a file under bench/target/drain3/ (not a pipe, not /dev/null).
# Needs a JDK >= 21 (JAVA_HOME if it is one, else the newest under /usr/lib/jvm), Maven and python3.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/bench/jdk.sh"

phases=0
sizes=()
for arg in "$@"; do
    case "$arg" in
        --phases) phases=1 ;;
        *) sizes+=("$arg") ;;
    esac
done
if [[ ${#sizes[@]} -eq 0 ]]; then
    sizes=(16000 1000000)
fi
runs="${RUNS:-5}"
cpu="${CPU:-1}"
data="${DATA_DIR:-$repo/../shared/bench}"
drain3_src="${DRAIN3_SRC:-/work/.mirror/IBM+Drain3/repo}"
drain3_ref="${DRAIN3_REF:-HEAD}"
python="${PYTHON:-python3}"
# The interpreter itself, not a pyenv shim in front of it (the shim is a shell script: +50 ms a run).
python="$("$python" -c 'import sys; print(sys.executable)')"
out="$repo/bench/target/drain3"
mkdir -p "$out"

export JAVA_HOME="$(pick_jdk)"
echo "JDK: $JAVA_HOME ($(java_major "$JAVA_HOME")); python: $("$python" --version 2>&1); data: $data" >&2
(cd "$repo" && mvn -B -q -pl bootstrap,bench -am package -DskipTests)

# --- Drain3 sources and stand-ins --------------------------------------------------------------------
if [[ -d "$drain3_src/drain3" ]]; then
    drain3_path="$drain3_src"
    drain3_version="$(git -C "$drain3_src" rev-parse --short HEAD 2>/dev/null || echo "work tree")"
else
    rm -rf "$out/src"
    mkdir -p "$out/src"
    git --git-dir="$drain3_src" archive "$drain3_ref" drain3 | tar -x -C "$out/src"
    drain3_path="$out/src"
    drain3_version="$(git --git-dir="$drain3_src" rev-parse --short "$drain3_ref")"
fi
mkdir -p "$out/stubs"
if ! "$python" -c 'import cachetools' 2>/dev/null; then
    cat >"$out/stubs/cachetools.py" <<'EOF'
"""Stand-in for cachetools (bench/drain3.sh): the two names Drain3's drain.py and template_miner.py use."""
from collections import OrderedDict
from collections.abc import MutableMapping


class Cache(MutableMapping):
    """Drain3 calls Cache.get(mapping, key) on a plain dict too, to read without touching LRU order."""

    def __init__(self, maxsize):
        self.maxsize = maxsize
        self._data = OrderedDict()

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        self._data[key] = value
        while len(self._data) > self.maxsize:
            self._data.popitem(last=False)

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


class LRUCache(Cache):
    def __getitem__(self, key):
        value = self._data[key]
        self._data.move_to_end(key)
        return value

    def __setitem__(self, key, value):
        if key in self._data:
            self._data.move_to_end(key)
        super().__setitem__(key, value)
EOF
fi
if ! "$python" -c 'import jsonpickle' 2>/dev/null; then
    cat >"$out/stubs/jsonpickle.py" <<'EOF'
"""Stand-in for jsonpickle (bench/drain3.sh): only Drain3's persistence uses it, and the bench has none."""


def dumps(*args, **kwargs):
    raise NotImplementedError("jsonpickle stand-in: persistence is not used by bench/drain3.sh")


def loads(*args, **kwargs):
    raise NotImplementedError("jsonpickle stand-in: persistence is not used by bench/drain3.sh")
EOF
fi
cat >"$out/drain3_mine.py" <<'EOF'
"""bench/drain3.sh's driver: Drain3 doing what `brainstem mine --raw FILE` does."""
import sys

from drain3 import TemplateMiner
from drain3.template_miner_config import TemplateMinerConfig

config = TemplateMinerConfig()
if len(sys.argv) > 2 and sys.argv[2]:
    config.load(sys.argv[2])
    config.profiling_enabled = False
miner = TemplateMiner(config=config)
add = miner.add_log_message
ids = []
append = ids.append
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        append(add(line.rstrip("\n"))["cluster_id"])
templates = {cluster.cluster_id: cluster.get_template() for cluster in miner.drain.clusters}
out = sys.stdout
for cluster_id in ids:
    out.write(f"{cluster_id}\t{templates[cluster_id]}\n")
EOF
pythonpath="$drain3_path:$out/stubs"

# --- input files ------------------------------------------------------------------------------------
shopt -s nullglob
contents=("$data"/loghub2k/*.content)
if [[ ${#contents[@]} -eq 0 ]]; then
    echo "$(basename "$0"): no $data/loghub2k/*.content (set DATA_DIR)" >&2
    exit 1
fi
cat "${contents[@]}" >"$out/messages.log"
input_of() { echo "$out/input-$1.log"; }
for n in "${sizes[@]}"; do
    input="$(input_of "$n")"
    awk -v n="$n" '{ m[NR] = $0 } END { for (i = 0; i < n; i++) print m[i % NR + 1] }' \
        "$out/messages.log" >"$input"
done

# --- timing -----------------------------------------------------------------------------------------
pin=()
if command -v taskset >/dev/null 2>&1; then
    pin=(taskset -c "$cpu")
fi
# Wall seconds of one run of "$@", stdout to $result; fails if the command fails.
wall() {
    local start end
    start=$(date +%s%N)
    "${pin[@]}" "$@" >"$result"
    end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

export BRAINSTEM_SKIP_BUILD=1
rows=()
for n in "${sizes[@]}"; do
    input="$(input_of "$n")"
    b_times=() d_times=()
    for ((r = 1; r <= runs; r++)); do   # alternate the two tools so that a noisy phase hits both
        result="$out/brainstem-$n.out"
        b_times+=("$(wall "$repo/bin/brainstem" mine --raw "$input")")
        result="$out/drain3-$n.out"
        d_times+=("$(cd "$out" && PYTHONPATH="$pythonpath" wall "$python" "$out/drain3_mine.py" "$input" \
            "${DRAIN3_INI:-}")")
        echo "lines $n run $r: brainstem ${b_times[-1]} s, drain3 ${d_times[-1]} s" >&2
    done
    for f in "$out/brainstem-$n.out" "$out/drain3-$n.out"; do
        if [[ "$(wc -l <"$f")" -ne "$n" ]]; then
            echo "$(basename "$0"): $f has $(wc -l <"$f") lines, expected $n" >&2
            exit 1
        fi
    done
    b="$(printf '%s\n' "${b_times[@]}" | median)"
    d="$(printf '%s\n' "${d_times[@]}" | median)"
    rows+=("$(awk -v n="$n" -v b="$b" -v d="$d" \
        -v bs="$(cut -f1 "$out/brainstem-$n.out" | sort -u | wc -l)" \
        -v ds="$(cut -f1 "$out/drain3-$n.out" | sort -u | wc -l)" \
        'function g(x,  s) { s = sprintf("%d", x + 0.5); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); return s }
         BEGIN { printf "| %s | %.2f | %s | %d | %.2f | %s | %d | %.2fx |", g(n), b, g(n / b), bs, d, g(n / d), ds, d / b }')")
done

echo
echo "brainstem $(git -C "$repo" rev-parse --short HEAD) vs Drain3 $drain3_version (config: ${DRAIN3_INI:-defaults}); median of $runs runs, wall seconds, one core (${pin[*]:-not pinned})"
echo
echo "| lines | brainstem s | brainstem lines/s | signatures | Drain3 s | Drain3 lines/s | clusters | ratio |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"

[[ $phases -eq 1 ]] || exit 0

# --- where brainstem's time goes ----------------------------------------------------------------------
n="${sizes[-1]}"
input="$(input_of "$n")"
syslog="$out/syslog-$n.log"
awk '{ printf "<134>Dec  2 10:00:%02d host%02d app[%d]: %s\n", NR % 60, NR % 7, 1000 + NR % 13, $0 }' \
    "$input" >"$syslog"
: >"$out/empty.log"
java_opts=(${BRAINSTEM_JAVA_OPTS:--Xms64m -Xmx384m})
phase=("$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$repo/bench/target/classes:$repo/domain/target/classes"
    io.brainstem.bench.mining.MinePhases)
steps=("cli-empty" "start" "read" "mine" "write" "cli-raw" "header" "write-header" "cli-syslog")
declare -A label=(
    [cli-empty]="bin/brainstem mine --raw on an empty file (JVM, Helidon logging set-up, picocli)"
    [start]="JVM start-up only (MinePhases start)"
    [read]="+ read the $n lines"
    [mine]="+ mine them (output formatted, not written)"
    [write]="+ write the output (= mine --raw without the CLI)"
    [cli-raw]="bin/brainstem mine --raw"
    [header]="read the syslog lines + parse the header (no mining)"
    [write-header]="MinePhases: header + mine + write (= mine without --raw, without the CLI)"
    [cli-syslog]="bin/brainstem mine (syslog lines, no --raw)"
)
declare -A times=()
: >"$out/phases.err"   # MinePhases's in-process milliseconds
for ((r = 1; r <= runs; r++)); do
    for step in "${steps[@]}"; do
        result="$out/phase.out"
        case "$step" in
            cli-empty) t="$(wall "$repo/bin/brainstem" mine --raw "$out/empty.log")" ;;
            cli-raw) t="$(wall "$repo/bin/brainstem" mine --raw "$input")" ;;
            cli-syslog) t="$(wall "$repo/bin/brainstem" mine "$syslog")" ;;
            header | write-header) t="$(wall "${phase[@]}" "$step" "$syslog" 2>>"$out/phases.err")" ;;
            *) t="$(wall "${phase[@]}" "$step" "$input" 2>>"$out/phases.err")" ;;
        esac
        times[$step]+="$t "
    done
    echo "phases run $r done" >&2
done
echo
echo "where brainstem's time goes, $n lines, median of $runs fresh processes, wall seconds (${pin[*]:-not pinned})"
echo
echo "| step | wall s |"
echo "| --- | ---: |"
for step in "${steps[@]}"; do
    printf '| %s | %.2f |\n' "${label[$step]}" "$(printf '%s\n' ${times[$step]} | median)"
done
