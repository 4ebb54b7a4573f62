#!/usr/bin/env bash
# Issue #13's screenshots: starts the app as ./run.sh does (unless it is already up), schedules a LinkedIn post in the
# web app with Chromium, and once the sandbox received it saves the dashboard's trace, structured logs, publishing
# metrics and resources pages to docs/images (the explicit test DashboardScreenshots does the clicking).
# Usage: scripts/dashboard-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export SOCIALPLANNER_NEEDS_BROWSER=1
source scripts/prerequisites.sh
dotnet build SocialPlanner.sln -c Debug -v q -nologo >/dev/null
started=""
if ! curl -fs -o /dev/null --max-time 2 http://localhost:5000/health; then
  setsid ./run.sh >/tmp/socialplanner-run.log 2>&1 &
  started=$!
  trap 'kill -TERM -- -"$started" 2>/dev/null || true; wait "$started" 2>/dev/null || true' EXIT
  for url in http://localhost:5000/health http://localhost:5080/health http://localhost:5090/health http://localhost:5070/health http://localhost:18888/; do
    for _ in $(seq 1 600); do curl -fs -o /dev/null --max-time 2 "$url" && break; sleep 0.2; done
  done
fi
dotnet test --project SocialPlanner.Tests -c Debug --no-build --explicit only \
  --filter-class SocialPlanner.Tests.Hosting.DashboardScreenshots
ls -l docs/images/dashboard-*.png
