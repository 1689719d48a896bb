#!/usr/bin/env bash
# Installs what is missing, then runs the whole platform locally through the Aspire AppHost.
# Extra arguments go to the AppHost, e.g. --Platform:Mode=Local or --Platform:SimulatorRate=20.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-prerequisites.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# Idle .NET processes spin in the thread pool; this halves their CPU on a small machine.
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0

cat <<INFO
Starting the platform (first build takes a minute):
  Web app          http://localhost:5080
  API              http://localhost:5081   (interactive docs: http://localhost:5081/scalar)
  Aspire dashboard http://localhost:18888  (the login link is printed below)
  MQTT broker      localhost:1883          (network-server credentials in the file below)
  Credentials      $(pwd)/.local/credentials.env  (generated on first start, git-ignored; or set
                   PLATFORM_ADMIN_EMAIL/PASSWORD and PLATFORM_MQTT_USERNAME/PASSWORD yourself)
Stop with Ctrl+C.
INFO

exec dotnet run --project Platform.AppHost --launch-profile http -- "$@"
