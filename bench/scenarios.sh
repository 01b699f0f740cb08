#!/usr/bin/env bash
# Golden scenarios: feeds week- and fortnight-long syslog streams with planted faults through the real ingest
# and inspection services (in-memory storage) and prints each Markdown report (also written to
# application/target/scenarios/NAME.md). The figures measure the candidate detector; nothing is asserted on them.
#   bench/scenarios.sh                 # every scenario
#   bench/scenarios.sh issue-week      # one scenario, by name (issue-week, fortnight, windows-and-storage,
#                                    # ha-edge, campus-network)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bin/lib/jdk.sh"

only=()
if [ $# -gt 0 ]; then
    only=(-Dscenario.only="$1")
fi
(cd "$ROOT" && mvn -B -q -pl application -am test -Dtest=ScenarioSmokeTest -Dsurefire.failIfNoSpecifiedTests=false \
    "${only[@]}") >&2
for report in "$ROOT"/application/target/scenarios/*.md; do
    name=$(basename "$report" .md)
    if [ $# -gt 0 ] && [ "$1" != "$name" ]; then
        continue
    fi
    cat "$report"
    echo
done
