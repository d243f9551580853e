#!/usr/bin/env bash
# Everything the tests need, then every test: RabbitMQ (for the distributed tests), docker-compose (to
# validate compose.yaml without a Docker engine), the solution build, dotnet test. Cleans up what it started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_dotnet
cd "$ROOT"

trap stop_rabbitmq_if_started EXIT
apt_install tzdata docker-compose poppler-utils zbar-tools chromium   # chromium: the web application's browser tests (Playwright drives it)
ensure_rabbitmq

log "building"
dotnet build Ptsp.slnx -c Release -nologo -v quiet -clp:ErrorsOnly

results="$(mktemp -d)"
status=0

# Three lanes at once, the two longest projects first: the suite mostly waits (processes starting, brokers, browsers),
# so three lanes on two cores end sooner than one solution-wide run that takes projects in alphabetical order. Each
# lane prints its projects' output when it ends (one lane's lines together).
lane() {
  local name=$1 code=0
  shift
  for project in "$@"; do
    dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=normal" \
      --results-directory "$results/$name" -- RunConfiguration.DisableParallelization=false >>"$results/$name.log" 2>&1 || code=1
  done
  flock "$results/print.lock" cat "$results/$name.log"
  return $code
}
others=()
for project in tests/*/*.Tests.csproj; do
  case "$project" in
    tests/EndToEnd.Tests/*|tests/Web.Tests/*|tests/Gateway.Tests/*) ;;
    *) others+=("$project") ;;
  esac
done
log "testing in three lanes: EndToEnd | Web | Gateway and ${#others[@]} more"
lane end-to-end tests/EndToEnd.Tests/EndToEnd.Tests.csproj & lanes=($!)
lane web tests/Web.Tests/Web.Tests.csproj & lanes+=($!)
lane services tests/Gateway.Tests/Gateway.Tests.csproj "${others[@]}" & lanes+=($!)
for pid in "${lanes[@]}"; do
  wait "$pid" || status=1
done
cat "$results"/*.log > "$results/output.txt"

# One closing line across all test assemblies.
awk '/^[[:space:]]+Passed: [0-9]+[[:space:]]*$/ { p += $2 }
     /^[[:space:]]+Failed: [0-9]+[[:space:]]*$/ { f += $2 }
     /^[[:space:]]+Skipped: [0-9]+[[:space:]]*$/ { s += $2 }
     END { printf "total: %d passed, %d failed, %d skipped\n", p, f, s }' "$results/output.txt"
# The failures again at the end, with their messages, so a truncated log still names them.
if grep -qE '^[[:space:]]+Failed [A-Za-z]' "$results/output.txt"; then
  echo "failed tests:"
  awk '/^[[:space:]]+Failed [A-Za-z]/ { show = 1; n = 0 }
       /^[[:space:]]+(Passed|Skipped) [A-Za-z]/ { show = 0 }
       show && n < 25 { print; n++ }' "$results/output.txt"
fi
rm -rf "$results"
exit $status
