#!/usr/bin/env bash
# Issue #15's read benchmark: starts the real app with one Api (rate limits raised so every answer is a 200) and runs
# wrk against /alive, the cached calendar month, the uncached 20-post list and /health, alternately, in rounds; prints each
# round's figures, the ratios to /alive and their medians. Exits non-zero when a median misses its target.
# Usage: ./bench-reads.sh [--rounds 3] [--seconds 10] [--connections 50] [--threads 2]
# --hold: seed, print the Api address and a token, and keep the app running for profiling by hand (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
if ! command -v wrk >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq wrk >/dev/null
fi
dotnet build SocialPlanner.sln -c Release -v q -nologo
exec dotnet run --project SocialPlanner.Benchmarks -c Release --no-build -- reads "$@"
