#!/usr/bin/env bash
# Ops for the distributed mode started by scripts/run-distributed.sh (same data folder: Storage__Sqlite__Directory,
# default data/distributed). Commands:
#   status                      each process: name, pid, uptime, port and its /health/ready answer
#   restart <service>           stops that service's processes (every replica); their supervisor starts them again
#   queues                      RabbitMQ queue depths (messages, consumers), deepest first
#   faults [--all]              faults of every service (GET /api/v1/ops/faults, as the administrator)
#   faults replay|discard <id>  puts a fault's message back on its queue, or discards it
#   logs <service> [-f]         the last lines of that service's logs (every replica); -f follows them
#   audit                       verifies the audit log's hash chain (GET /api/v1/audit/verify); exit code 1 at a broken link
# The administrator's account for faults and audit: PTSP_ADMIN_USER (default admin) and PTSP_ADMIN_PASSWORD (default Seed__OfficerPassword,
# else the demo password run-distributed.sh prints).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

data_dir="${Storage__Sqlite__Directory:-$ROOT/data/distributed}"
run_dir="$data_dir/run"
log_dir="$data_dir/logs"

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

names() { for f in "$run_dir"/*.port; do [ -e "$f" ] && basename "$f" .port; done; }

# The processes of one service (registration, workflow, intake, technical, signing, gateway, web), or fail.
service_names() {
  local service=${1,,} found=()
  [[ "$service" =~ ^[a-z]+$ ]] || { log "unknown service '$1'"; exit 2; }
  for name in $(names); do [[ "$name" == "$service"-* ]] && found+=("$name"); done
  [ ${#found[@]} -gt 0 ] || { log "no process of '$1' is known in $run_dir (is run-distributed.sh running?)"; exit 1; }
  printf '%s\n' "${found[@]}"
}

status() {
  [ -d "$run_dir" ] && [ -n "$(names)" ] || { log "nothing running from $data_dir (run scripts/run-distributed.sh)"; exit 1; }
  if [ -s "$run_dir/supervisor.pid" ] && kill -0 "$(cat "$run_dir/supervisor.pid")" 2>/dev/null; then
    echo "supervisor pid $(cat "$run_dir/supervisor.pid")"
  else
    echo "supervisor not running"
  fi
  printf '%-16s %8s %10s %6s  %s\n' PROCESS PID UPTIME PORT HEALTH
  for name in $(names); do
    local pid="-" uptime="-" health port
    port=$(cat "$run_dir/$name.port")
    if [ -s "$run_dir/$name.pid" ] && kill -0 "$(cat "$run_dir/$name.pid")" 2>/dev/null; then
      pid=$(cat "$run_dir/$name.pid")
      uptime="$(ps -o etimes= -p "$pid" | tr -d ' ')s"
    fi
    health=$(curl -s -m 3 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" 2>/dev/null || true)
    case "$health" in
      200) health="ready" ;;
      000|"") health="no answer" ;;
      *) health="not ready (HTTP $health)" ;;
    esac
    printf '%-16s %8s %10s %6s  %s\n' "$name" "$pid" "$uptime" "$port" "$health"
  done
}

restart() {
  local name pid
  for name in $(service_names "$1"); do
    pid=$(cat "$run_dir/$name.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; then
      log "stopped $name (pid $pid); its supervisor starts it again"
    else
      log "$name is not running; its supervisor starts it again"
    fi
  done
}

queues() {
  rabbitmqctl -q list_queues -p "${Bus__RabbitMq__VirtualHost:-/}" name messages consumers 2>/dev/null \
    | sort -t$'\t' -k2,2nr | awk -F'\t' 'BEGIN { printf "%-60s %9s %9s\n", "QUEUE", "MESSAGES", "CONSUMERS" } { printf "%-60s %9s %9s\n", $1, $2, $3 }' \
    || { log "rabbitmqctl could not list the queues (is RabbitMQ running, and are you root?)"; exit 1; }
}

gateway() {
  local port
  port=$(cat "$run_dir/gateway-1.port" 2>/dev/null) || { log "no Gateway is known in $run_dir"; exit 1; }
  echo "http://127.0.0.1:$port"
}

token() {
  local body
  body=$(jq -n --arg u "${PTSP_ADMIN_USER:-admin}" --arg p "${PTSP_ADMIN_PASSWORD:-${Seed__OfficerPassword:-Ptsp-Demo-2026}}" '{username: $u, password: $p}')
  curl -sf -m 20 -H 'Content-Type: application/json' -d "$body" "$(gateway)/api/v1/auth/login" | jq -r .accessToken \
    || { log "could not sign in as ${PTSP_ADMIN_USER:-admin} (set PTSP_ADMIN_USER / PTSP_ADMIN_PASSWORD)"; exit 1; }
}

faults() {
  apt_install jq curl
  local auth
  auth="Authorization: Bearer $(token)"
  case "${1:-}" in
    ""|--all)
      local query=""
      [ "${1:-}" = --all ] && query="?all=true"
      curl -sf -m 30 -H "$auth" "$(gateway)/api/v1/ops/faults$query" | jq -r '
        (if (.unreachable | length) > 0 then "not answering: \(.unreachable | join(", "))\n" else "" end) +
        (if (.faults | length) == 0 then "no faults" else
          (.faults[] | "\(.id)  \(.status)  \(.occurredAt)\n  \(.source) on \(.queue): \(.messageType)  message \(.messageId // "-")  application \(.applicationId // "-")\n  \(.exceptionType): \(.exceptionMessage)\n")
        end)' ;;
    replay|discard)
      [ -n "${2:-}" ] || usage
      local answer code
      answer=$(curl -s -m 30 -w '\n%{http_code}' -X POST -H "$auth" "$(gateway)/api/v1/ops/faults/$2/$1")
      code=${answer##*$'\n'}
      answer=${answer%$'\n'*}
      if [ "$code" = 200 ]; then
        echo "$answer" | jq -r '"\(.id): \(.status) by \(.resolvedBy)"'
      else
        echo "$answer" | jq -r '.title // .' >&2
        exit 1
      fi ;;
    *) usage ;;
  esac
}

audit() {
  apt_install jq curl
  local answer code
  answer=$(curl -s -m 150 -w '\n%{http_code}' -H "Authorization: Bearer $(token)" "$(gateway)/api/v1/audit/verify")
  code=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  [ "$code" = 200 ] || { echo "$answer" | jq -r '.title // .' >&2 2>/dev/null || log "audit verification answered HTTP $code"; exit 1; }
  if [ "$(echo "$answer" | jq -r .valid)" = true ]; then
    echo "$answer" | jq -r '"audit log intact: \(.entries) entries, every link verified"'
  else
    echo "$answer" | jq -r '"audit log BROKEN at entry \(.firstBrokenSequence // "?"): \(.reason // "-") (\(.entries) entries)"'
    exit 1
  fi
}

logs() {
  local files=() name
  for name in $(service_names "$1"); do files+=("$log_dir/$name.log"); done
  if [ "${2:-}" = -f ]; then tail -n 50 -f "${files[@]}"; else tail -n "${PTSP_LOG_LINES:-100}" "${files[@]}"; fi
}

case "${1:-}" in
  status) status ;;
  restart) [ $# -eq 2 ] || usage; restart "$2" ;;
  queues) queues ;;
  faults) shift; faults "$@" ;;
  logs) [ $# -ge 2 ] || usage; logs "$2" "${3:-}" ;;
  audit) [ $# -eq 1 ] || usage; audit ;;
  *) usage ;;
esac
