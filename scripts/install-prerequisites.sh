#!/usr/bin/env bash
# Installs what the platform needs on a fresh Debian 12 machine that has the .NET SDK and Node:
# the Debian-packaged PostgreSQL, RabbitMQ and Mosquitto that local mode runs as executables, and
# Chromium, the browser the tests drive through Playwright (whose own browser download does not
# work here).
# Idempotent and quiet when everything is present, so both README commands can call it every time.
set -euo pipefail

packages=(postgresql-15 postgresql-contrib rabbitmq-server mosquitto mosquitto-clients chromium)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  # The packages' own service scripts must not start system-wide instances: local mode runs private
  # ones on non-default ports, so a policy-rc.d that denies starts is put in place for the install.
  policy=/usr/sbin/policy-rc.d
  policy_added=false
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee "$policy" >/dev/null
    "${sudo_cmd[@]}" chmod +x "$policy"
    policy_added=true
  fi
  trap '[[ $policy_added == true ]] && "${sudo_cmd[@]}" rm -f "$policy"' EXIT
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi


# Local mode's Node services, each installed from its committed lock file only when node_modules is
# missing or the lock changed (a copy of the lock inside node_modules records what was installed):
# the development OpenID provider (npm oidc-provider) and the mail catcher (npm maildev).
local_services="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/Platform.AppHost/LocalServices"
for service in oidc maildev; do
  service_dir="$local_services/$service"
  if ! cmp -s "$service_dir/package-lock.json" "$service_dir/node_modules/.installed-package-lock.json"; then
    echo "Installing the npm packages of local mode's $service service"
    (cd "$service_dir" && npm ci --omit=dev --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$service_dir/package-lock.json" "$service_dir/node_modules/.installed-package-lock.json"
  fi
done
