#!/usr/bin/env bash
# Measures the AppHost's start to all-healthy (issue #13), build cached: runs the built AppHost as ./run.sh does,
# polls /health of web, api, worker and sandbox and the dashboard, prints the seconds, stops it with SIGTERM.
# Each round starts it twice: with an empty data directory (initdb, migrations from scratch) and again on the data the
# first start left; prints every figure and, over the rounds, the medians.
# Usage: scripts/cold-start.sh [rounds, default 3]   (needs the development ports free; run ./run.sh or ./test.sh once before, to build)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
mkdir -p /var/tmp/socialplanner
data=""
trap 'rm -rf "$data" "$data.log"' EXIT
apphost=SocialPlanner.AppHost/bin/Debug/net10.0/SocialPlanner.AppHost
[ -x "$apphost" ] || dotnet build SocialPlanner.AppHost -c Debug -v q -nologo >/dev/null
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development ASPNETCORE_URLS=http://localhost:18888 \
  ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:18889 ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:18890 \
  ASPIRE_ALLOW_UNSECURED_TRANSPORT=true ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true
empty=(); kept=()
for round in $(seq 1 "$rounds"); do
  rm -rf "$data" "$data.log"
  data=$(mktemp -d /var/tmp/socialplanner/cold-start-XXXX)
  chmod 755 "$data"   # Postgres runs as the postgres user: it must traverse the data root
  for run in "empty data directory" "data kept from the first start"; do
    start=$(date +%s%N)
    (cd SocialPlanner.AppHost && exec "../$apphost" "--SocialPlanner:DataRoot=$data" >"$data.log" 2>&1) &
    pid=$!
    for url in http://localhost:5000/health http://localhost:5080/health http://localhost:5090/health http://localhost:5070/health http://localhost:18888/; do
      until curl -fs -o /dev/null --max-time 2 "$url"; do sleep 0.1; done
    done
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    printf 'round %d, cold start (%s): %d.%d s to all healthy\n' "$round" "$run" $((ms / 1000)) $((ms % 1000 / 100))
    if [ "$run" = "empty data directory" ]; then empty+=("$ms"); else kept+=("$ms"); fi
    kill -TERM "$pid"; wait "$pid" || true
    # DCP shuts the processes down after the AppHost exits: wait until the development ports are free again.
    for port in 5000 5080 5090 5070 15432 16379 18888; do
      while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do sleep 0.5; done
    done
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { m = a[int((NR + 1) / 2)]; printf "%d.%d s", m / 1000, (m % 1000) / 100 }'; }
echo "median of $rounds: $(median "${empty[@]}") with an empty data directory, $(median "${kept[@]}") on kept data"
