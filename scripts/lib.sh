# Shared by the run and test scripts: install and start what Ptsp needs on a Debian machine (as root).
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PTSP_STARTED_RABBITMQ=0

log() { printf '\033[1;34m[ptsp]\033[0m %s\n' "$*" >&2; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    log "missing Debian packages: ${missing[*]} (run as root, or install them)"; return 1
  fi
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # The broker must not be started by the package's maintainer scripts on machines without systemd.
  DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || { log "the .NET SDK 10 is required (dotnet not found)"; exit 1; }
}

rabbitmq_running() { rabbitmqctl -q status >/dev/null 2>&1; }

# Installs RabbitMQ if missing and starts it if it is not running; remembers whether we started it.
ensure_rabbitmq() {
  apt_install rabbitmq-server
  if rabbitmq_running; then
    log "RabbitMQ already running"
    return 0
  fi
  log "starting RabbitMQ"
  rabbitmq-server -detached >/dev/null 2>&1 || true
  # The node answers only once it is registered; await_startup then waits for the broker itself.
  local waited=0
  until rabbitmqctl -q await_startup >/dev/null 2>&1; do
    waited=$((waited + 2))
    if [ $waited -ge 120 ]; then
      log "RabbitMQ did not start within 120 s; see /var/log/rabbitmq"; return 1
    fi
    sleep 2
  done
  PTSP_STARTED_RABBITMQ=1
  log "RabbitMQ is up ($(rabbitmqctl -q version 2>/dev/null))"
}

stop_rabbitmq_if_started() {
  if [ "$PTSP_STARTED_RABBITMQ" = 1 ]; then
    log "stopping the RabbitMQ broker this script started"
    rabbitmqctl -q stop >/dev/null 2>&1 || true
    PTSP_STARTED_RABBITMQ=0
  fi
}
