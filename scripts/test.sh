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
# Two lanes, each running its test assemblies one after another, the two longest (the browser tests and the
# end-to-end processes) first: started together, neither waits behind the short ones (one `dotnet test` on the
# solution took them in file order and started the browser tests only after six others). Every assembly not
# named here goes to the first lane, after the browser tests. Each line goes to the console as it comes.
lane() {
  local log=$1 failed=0 project; shift
  for project in "$@"; do
    dotnet test "tests/$project/$project.csproj" -c Release --no-build -nologo --logger "console;verbosity=normal" \
      --results-directory "$results" -- RunConfiguration.DisableParallelization=false 2>&1 | tee -a "$log" | sed -u '' \
      || failed=1
  done
  return $failed
}
second=(EndToEnd.Tests Gateway.Tests)
first=(Web.Tests)
for csproj in tests/*/*.Tests.csproj; do
  project=$(basename "$csproj" .csproj)
  [[ " ${first[*]} ${second[*]} " == *" $project "* ]] || first+=("$project")
done
status=0
lane "$results/first.txt" "${first[@]}" & first_lane=$!
lane "$results/second.txt" "${second[@]}" & second_lane=$!
wait $first_lane || status=$?
wait $second_lane || status=$?
cat "$results/first.txt" "$results/second.txt" > "$results/output.txt"

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
