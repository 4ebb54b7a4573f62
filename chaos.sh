#!/usr/bin/env bash
# Issue #12's chaos scenario against the real app: N users, N LinkedIn posts due over a window, ~20 % of the platform's
# post calls failing (500, 503, hung, 429), a worker SIGKILLed twice and Postgres's postmaster once mid-window (the
# AppHost restarts them), the Api probed while the database is down. Prints one line and exits non-zero unless nothing
# is stuck, nothing went out twice, nothing reads published that the platform never received, and the Api never
# answered 500 during the outage.
# Usage: ./chaos.sh [--users 20] [--posts 500] [--window-seconds 90] [--fault-rate 0.2] [--workers 2] [--worker-kills 2] [--postgres-kills 1]
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
dotnet build SocialPlanner.sln -c Release -v q -nologo
exec dotnet run --project SocialPlanner.Benchmarks -c Release --no-build -- chaos "$@"
