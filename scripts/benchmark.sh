#!/usr/bin/env bash
# The ingestion benchmark: starts the real stack in local mode (Release build), measures the MQTT
# broker's own passthrough, then offers a fixed uplink load for 60 s from this separate process and
# prints uplinks/s stored and decoded, publish→stored latency (p50/p99), lost and duplicate counts, and
# CPU and memory per component. Options: --rate 12000 --seconds 60 --devices 1000 --no-decoder
# (the devices are decoded with the library's TLV decoder, as out of the box; --no-decoder stores raw only).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-prerequisites.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# Idle thread-pool threads spin under this kind of load; not spinning halves the services' CPU.
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0
exec dotnet run -c Release --project Platform.Benchmarks -- "$@"
