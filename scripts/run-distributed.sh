#!/usr/bin/env bash
# The distributed mode on one host: each Ptsp service its own process, talking over a local RabbitMQ
# (installed and started if missing), each with its own SQLite file. Every process is supervised: one that
# exits is started again after a pause (1 s, 2 s, 4 s … at most 30 s; back to 1 s once it has run 60 s) and the
# others keep running. Replicas: --replicas Service=N (repeatable) or PTSP_REPLICAS="Workflow=2 Intake=2".
# Pid files, ports and logs are under the data folder (run/, logs/), where scripts/ops.sh finds them.
# Ctrl-C or SIGTERM stops them all, and the broker too if this script started it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

usage() {
  echo "usage: $0 [--replicas Service=N]...   (services: Registration Workflow Intake Technical Signing Gateway Web)" >&2
  exit 2
}

# Replicas per service, from PTSP_REPLICAS then the command line (the command line wins).
declare -A replicas=([Registration]=1 [Workflow]=1 [Intake]=1 [Technical]=1 [Signing]=1 [Gateway]=1 [Web]=1)
set_replicas() {
  local spec=$1 name count known
  [[ "$spec" =~ ^([A-Za-z]+)=([0-9]+)$ ]] || { log "replicas must be Service=N, not '$spec'"; usage; }
  name=${BASH_REMATCH[1]} count=${BASH_REMATCH[2]}
  for known in "${!replicas[@]}"; do
    if [ "${known,,}" = "${name,,}" ]; then
      if [ "$count" -lt 1 ] || [ "$count" -gt 9 ]; then log "replicas of $known must be 1 to 9, not $count"; exit 2; fi
      replicas[$known]=$count
      return 0
    fi
  done
  log "unknown service '$name'"; usage
}
for spec in ${PTSP_REPLICAS:-}; do set_replicas "$spec"; done
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) [ $# -ge 2 ] || usage; set_replicas "$2"; shift 2 ;;
    --replicas=*) set_replicas "${1#--replicas=}"; shift ;;
    -h|--help) usage ;;
    *) log "unknown argument '$1'"; usage ;;
  esac
done

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
gateway_port=${gateway_url##*:}
# The web application listens on the port after the services' (the Gateway's +1 to +5 are theirs, +6 is the Web's);
# further replicas take the ports from +7 on.
web_url="${WEB_URL:-http://127.0.0.1:$(( gateway_port + 6 ))}"
# QR codes on signed documents point at the web application's public verification page.
export Public__BaseUrl="${Public__BaseUrl:-$web_url}"
run_dir="$Storage__Sqlite__Directory/run"
log_dir="$Storage__Sqlite__Directory/logs"
mkdir -p "$Storage__Sqlite__Directory" "$run_dir" "$log_dir"
rm -f "$run_dir"/*.pid "$run_dir"/*.port
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

# Runs one process for ever: started again after it exits, with a growing pause; its pid in run/NAME.pid, its
# output appended to logs/NAME.log. SIGTERM stops the process and the supervision.
supervise() {
  local name=$1 port=$2 urls=$3; shift 3
  local pid_file="$run_dir/$name.pid" log_file="$log_dir/$name.log" delay=1 child="" rc started
  trap 'trap - TERM; [ -n "$child" ] && kill -TERM "$child" 2>/dev/null; [ -n "$child" ] && wait "$child" 2>/dev/null; rm -f "$pid_file" "$run_dir/$name.port"; exit 0' TERM
  echo "$port" > "$run_dir/$name.port"
  while :; do
    started=$SECONDS
    ASPNETCORE_URLS="$urls" "$@" >>"$log_file" 2>&1 </dev/null &
    child=$!
    echo "$child" > "$pid_file"
    rc=0
    wait "$child" || rc=$?
    [ $(( SECONDS - started )) -ge 60 ] && delay=1
    log "$name (pid $child) exited with code $rc; starting it again in ${delay}s (log: $log_file)"
    child=""
    sleep "$delay" &
    wait $! || true
    delay=$(( delay * 2 > 30 ? 30 : delay * 2 ))
  done
}

supervisors=()
cleanup() {
  trap - INT TERM EXIT
  if [ ${#supervisors[@]} -gt 0 ]; then
    log "stopping services"
    kill -TERM "${supervisors[@]}" 2>/dev/null || true
    wait "${supervisors[@]}" 2>/dev/null || true
  fi
  rm -f "$run_dir/supervisor.pid"
  stop_rabbitmq_if_started
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM
echo $$ > "$run_dir/supervisor.pid"

if [ "$Bus__RabbitMq__Host" = 127.0.0.1 ] || [ "$Bus__RabbitMq__Host" = localhost ]; then
  ensure_rabbitmq
fi

log "building"
# The all-in-one host references every service, so this builds each service's own output (what runs below); the tests and
# the bench are not needed to run, and checking them too doubled the build's time even when nothing had changed.
dotnet build src/AllInOne/AllInOne.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2

extra_port=$(( gateway_port + 7 ))
# start SERVICE FIRST_URLS [ENV=VALUE...]: its replicas, the first at FIRST_URLS, the others on the next extra ports
# (not behind one address: put a load balancer in front of Gateway or Web replicas).
start() {
  local service=$1 first=$2 i port urls name; shift 2
  for i in $(seq 1 "${replicas[$service]}"); do
    if [ "$i" -eq 1 ]; then
      urls=$first; port=${first%%;*}; port=${port##*:}; port=${port%%/*}
    else
      port=$extra_port; urls="http://127.0.0.1:$port"; extra_port=$(( extra_port + 1 ))
    fi
    name="${service,,}-$i"
    log "starting $name on $urls"
    ( supervise "$name" "$port" "$urls" env "$@" dotnet "src/$service/bin/Release/net10.0/Ptsp.$service.dll" ) &
    supervisors+=($!)
    started_ports+=("$port")
  done
}

started_ports=()
port=$(( gateway_port + 1 ))
for service in Registration Workflow Intake Technical Signing; do
  export "Services__${service}__Url=http://127.0.0.1:$port"
  start "$service" "http://127.0.0.1:$port"
  port=$(( port + 1 ))
done
# The services declare their queues when they start; the Gateway comes up once they are ready, so no
# request is published before a queue exists to receive it.
for p in "${started_ports[@]}"; do
  for attempt in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$p/health/ready" >/dev/null 2>&1 && break
    [ "$attempt" -lt 240 ] || { log "the service on port $p did not become ready within 120 s (see $log_dir)"; exit 1; }
    sleep 0.5
  done
done
start Gateway "$ASPNETCORE_URLS"
# The web application is a client of the Gateway's API only (no bus, no store): it starts after the Gateway.
start Web "$web_url" "Web__GatewayUrl=$gateway_url"

log "Gateway: $ASPNETCORE_URLS  (API reference: $gateway_url/api-reference)"
log "web application: $web_url/"
log "officer accounts frontoffice, backoffice, teknis, kasi, kabid, kepala, admin — password: $Seed__OfficerPassword"
log "processes, health, queues, faults, logs: scripts/ops.sh status|restart <service>|queues|faults|logs <service>|audit  (logs in $log_dir)"
# Supervised: a service that exits is started again; this script ends on Ctrl-C or SIGTERM.
wait "${supervisors[@]}" || true
