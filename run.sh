#!/usr/bin/env bash
# Runs the whole SocialPlanner app (Postgres, Redis, Sandbox, Api, Worker, Web) under the AppHost.
# Dashboard: http://localhost:18888   Web: http://localhost:5000   Api: http://localhost:5080/scalar
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
dotnet build SocialPlanner.AppHost -c Debug -v q -nologo
exec dotnet run --project SocialPlanner.AppHost -c Debug --no-build -- "$@"
