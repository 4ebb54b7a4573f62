#!/usr/bin/env bash
# Installs what SocialPlanner needs on a Debian machine when it is missing (idempotent, quiet when all is there).
# Sourced by run.sh and test.sh; needs root or sudo for apt-get.
set -euo pipefail

missing=()
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required (https://dot.net); install it, then run this again." >&2; exit 1; }
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || missing+=(postgresql postgresql-contrib)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "${SOCIALPLANNER_NEEDS_BROWSER:-0}" = 1 ]; then  # test.sh: the browser tests and the failure summary
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v jq >/dev/null 2>&1 || missing+=(jq)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts a cluster and a redis service on install; we run our own private instances instead.
  $sudo_cmd systemctl disable --now redis-server postgresql >/dev/null 2>&1 || true
fi

dotnet tool restore >/dev/null
