#!/usr/bin/env bash
# The distributed mode on one host: each Ptsp service its own process, talking over a local RabbitMQ
# (installed and started if missing), each with its own SQLite file. Ctrl-C or SIGTERM stops them all,
# and the broker too if this script started it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_dotnet
apt_install tzdata curl   # the agency's time zone comes from the system's zone database; curl waits for the services
cd "$ROOT"

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
export Bus__Transport=RabbitMq
export Bus__RabbitMq__Host="${Bus__RabbitMq__Host:-127.0.0.1}"
export Storage__Sqlite__Directory="${Storage__Sqlite__Directory:-$ROOT/data/distributed}"
export Mail__PickupDirectory="${Mail__PickupDirectory:-$Storage__Sqlite__Directory/mail}"
export Seed__OfficerPassword="${Seed__OfficerPassword:-Ptsp-Demo-2026}"
gateway_url="${ASPNETCORE_URLS%%;*}"
# The web application listens on the port after the services' (the Gateway's +1 to +5 are theirs, +6 is the Web's).
web_url="${WEB_URL:-http://127.0.0.1:$(( ${gateway_url##*:} + 6 ))}"
# QR codes on signed documents point at the web application's public verification page.
export Public__BaseUrl="${Public__BaseUrl:-$web_url}"
mkdir -p "$Storage__Sqlite__Directory"
# One signing key shared by Registration (issues tokens) and the Gateway (checks them).
if [ -z "${Auth__SigningKey:-}" ]; then
  key_file="$Storage__Sqlite__Directory/auth-signing.key"
  [ -s "$key_file" ] || (umask 077 && head -c 48 /dev/urandom | base64 -w0 > "$key_file")
  Auth__SigningKey="$(cat "$key_file")"
fi
export Auth__SigningKey
# Only the Gateway may call the services' internal file endpoints: it sends this key, the services check it (ADR 0013).
if [ -z "${Internal__ServiceKey:-}" ]; then
  service_key_file="$Storage__Sqlite__Directory/internal-service.key"
  [ -s "$service_key_file" ] || (umask 077 && head -c 32 /dev/urandom | base64 -w0 > "$service_key_file")
  Internal__ServiceKey="$(cat "$service_key_file")"
fi
export Internal__ServiceKey

pids=()
cleanup() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    log "stopping services"
    kill -TERM "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
  stop_rabbitmq_if_started
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

if [ "$Bus__RabbitMq__Host" = 127.0.0.1 ] || [ "$Bus__RabbitMq__Host" = localhost ]; then
  ensure_rabbitmq
fi

log "building"
dotnet build Ptsp.slnx -c Release -nologo -v quiet -clp:ErrorsOnly >&2

port=$(( ${gateway_url##*:} + 1 ))
for service in Registration Workflow Intake Technical Signing; do
  log "starting $service on http://127.0.0.1:$port"
  export "Services__${service}__Url=http://127.0.0.1:$port"
  ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "src/$service/bin/Release/net10.0/Ptsp.$service.dll" &
  pids+=($!)
  port=$((port + 1))
done
# The services declare their queues when they start; the Gateway comes up once they are ready, so no
# request is published before a queue exists to receive it.
for p in $(seq $(( ${gateway_url##*:} + 1 )) $(( port - 1 ))); do
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$p/health/ready" >/dev/null 2>&1 && break
    kill -0 "${pids[@]}" 2>/dev/null || { log "a service exited during start-up"; exit 1; }
    sleep 0.5
  done
done
dotnet src/Gateway/bin/Release/net10.0/Ptsp.Gateway.dll &
pids+=($!)
# The web application is a client of the Gateway's API only (no bus, no store): it starts after the Gateway.
Web__GatewayUrl="$gateway_url" ASPNETCORE_URLS="$web_url" dotnet src/Web/bin/Release/net10.0/Ptsp.Web.dll &
pids+=($!)

log "Gateway: $ASPNETCORE_URLS  (API reference: $gateway_url/api-reference)"
log "web application: $web_url/"
log "officer accounts frontoffice, backoffice, teknis, kasi, kabid, kepala, admin — password: $Seed__OfficerPassword"
log "queues: rabbitmqctl list_queues"
# Stop everything as soon as any service dies, or on Ctrl-C / SIGTERM.
wait -n "${pids[@]}" || true
log "a service exited; stopping the rest"
