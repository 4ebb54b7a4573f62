#!/usr/bin/env bash
# Runs every test (unit, distributed against real Postgres/Redis/processes, browser) and ends with
# one line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
export SOCIALPLANNER_NEEDS_BROWSER=1
source scripts/prerequisites.sh || exit 1
# prerequisites.sh runs with -e; from here on a failing step must still reach the closing count line.
set +e

dotnet build SocialPlanner.sln -c Debug -v q -nologo || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
results=$(mktemp -d)
dotnet test --project SocialPlanner.Tests -c Debug --no-build --results-directory "$results" \
    --report-xunit-ctrf --report-xunit-ctrf-filename results.json "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# A long run's console scrolls the failures away; repeat each failed test and the start of its message last.
if [ -f "$results/results.json" ]; then
    jq -r '.results.tests[] | select(.status == "failed")
        | "FAILED \(.name)", ((.message // "") + "\n" + (.trace // "") | split("\n")[:16] | map("    " + .) | join("\n"))' \
        "$results/results.json" 2>/dev/null
fi
rm -rf "$results"

count() { grep -E "^\s+$1:\s+[0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
passed=$(count succeeded); failed=$(count failed); skipped=$(count skipped)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
