#!/usr/bin/env bash
# Starts the whole IoTStack (PostgreSQL, RabbitMQ, Grafana when installed, Silo, Api, Ingest)
# with its dashboard at http://localhost:18888. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/os-packages.sh
ensure_dotnet
ensure_os_packages "${IOTSTACK_RUN_PACKAGES[@]}"
exec dotnet run --project AppHost -- "$@"
