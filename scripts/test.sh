#!/usr/bin/env bash
# Installs what is missing, then runs every test: unit tests and integration tests against the
# real PostgreSQL, RabbitMQ and Mosquitto that the AppHost starts in local mode. Fails, too, when
# the run leaves any of its processes behind.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-prerequisites.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0
# Build servers would outlive the run; the test run must leave nothing behind.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false

service_processes() {
  # node only as the development OpenID provider (server.mjs) or MailDev: other Node programs are not ours.
  ps -eo pid=,comm=,args= | awk '$2 ~ /^(postgres|beam\.smp|epmd|mosquitto|dcp|Platform\..*)$/ || ($2 == "node" && /server\.mjs|maildev\.js/) { print $1 }' | sort || true
}
before=$(service_processes)

status=0
dotnet test --project Platform.Tests "$@" || status=$?

# The orchestrator stops servers with SIGTERM and, after a grace period, SIGKILL: give it that time.
leftovers=()
for _ in $(seq 30); do
  mapfile -t leftovers < <(comm -13 <(echo "$before") <(service_processes))
  ((${#leftovers[@]} == 0)) && break
  sleep 1
done
if ((${#leftovers[@]})); then
  echo "The test run left processes running:" >&2
  ps -o pid=,user=,args= -p "$(IFS=,; echo "${leftovers[*]}")" >&2 || true
  kill "${leftovers[@]}" 2>/dev/null || true
  status=1
fi
exit "$status"
