#!/usr/bin/env bash
# Runs every IoTStack test: fast unit tests and integration tests against real PostgreSQL,
# RabbitMQ, Orleans and the HTTP/MQTT endpoints, started the way users start them.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/os-packages.sh
ensure_dotnet
ensure_os_packages "${IOTSTACK_TEST_PACKAGES[@]}"

results=TestResults
rm -rf "$results"
status=0
dotnet test IoTStack.sln --logger "trx;LogFilePrefix=iotstack" --logger "console;verbosity=normal" --results-directory "$results" "$@" || status=$?
scripts/test-summary.sh "$results"
exit $status
