#!/usr/bin/env bash
# Where each service's CPU goes under load: runs `bench/run.sh --permits 800` and, 60 s after the services are up, a 30 s sampled profile
# (dotnet-trace, dotnet-sampled-thread-time) of each of the six services at once; then splits each profile by library
# with bench/profile_split.py. Needs dotnet-trace (installed here with `dotnet tool install -g dotnet-trace` if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-trace >/dev/null || dotnet tool install -g dotnet-trace >&2
out=$(mktemp -d)
bash bench/run.sh --permits 800 > "$out/bench.log" 2>&1 &
bench=$!
# run.sh builds first: wait for the services, then 60 s of load before the profiles.
for _ in $(seq 1 600); do pgrep -f "Ptsp.Gateway.dll" >/dev/null && break; sleep 1; done
sleep 60
for service in Registration Workflow Intake Technical Signing Gateway; do
  pid=$(pgrep -f "Ptsp.$service.dll" | head -1 || true)
  [ -n "$pid" ] && dotnet-trace collect -p "$pid" --profile dotnet-sampled-thread-time --duration 00:00:00:30 \
    --format speedscope -o "$out/$service.nettrace" > "$out/trace-$service.log" 2>&1 &
done
wait
grep SUMMARY "$out/bench.log"
for service in Registration Workflow Intake Technical Signing Gateway; do
  python3 bench/profile_split.py "$out/$service.speedscope.json" "$service"
done
echo "profiles and the bench's output: $out"
