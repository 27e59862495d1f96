#!/usr/bin/env bash
# Runs the end-to-end benchmark against the stack started from the AppHost's topology on dynamic ports, and writes
# bench/results/<date>.{md,json}. Every phase is sized by a flag; see `./bench.sh --help`. Example of a short run:
#   ./bench.sh --rate 3000 --duration 20 --connections 2000 --hold 10
set -euo pipefail
cd "$(dirname "$0")"
source scripts/os-packages.sh
ensure_dotnet
ensure_os_packages "${IOTSTACK_RUN_PACKAGES[@]}"
# Each idle MQTT connection is one descriptor on both ends (the simulator and Ingest are started from here).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || ulimit -n 65536 || true
dotnet build -c Release tools/IoTStack.Benchmark/IoTStack.Benchmark.csproj -v quiet -nologo
exec dotnet tools/IoTStack.Benchmark/bin/Release/net10.0/IoTStack.Benchmark.dll "$@"
