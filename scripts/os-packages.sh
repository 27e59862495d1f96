#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages IoTStack runs on, once. Sourced by run.sh and test.sh.
# The servers are started by the AppHost as local processes, not as system services.

IOTSTACK_RUN_PACKAGES=(postgresql rabbitmq-server)
IOTSTACK_TEST_PACKAGES=(postgresql rabbitmq-server mosquitto-clients curl chromium)

ensure_os_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Missing packages (${missing[*]}) and no sudo: install them as root." >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "Installing ${missing[*]} ..."
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_dotnet() {
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download" >&2; exit 1; }
}
