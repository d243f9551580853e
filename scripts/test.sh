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

# The browser tests' screenshots of every page are for people to look at (nothing asserts them) and cost the walks a
# sixth of their time: off here unless asked, PTSP_SCREENSHOTS=1 bash scripts/test.sh (a bare dotnet test takes them).
export PTSP_SCREENSHOTS="${PTSP_SCREENSHOTS:-0}"

results="$(mktemp -d)"
status=0
dotnet test Ptsp.slnx -c Release --no-build -nologo --logger "console;verbosity=normal" \
  --results-directory "$results" -- RunConfiguration.DisableParallelization=false 2>&1 | tee "$results/output.txt" || status=$?

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
