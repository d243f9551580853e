#!/usr/bin/env bash
# The SOP benchmark: starts the distributed mode on a local RabbitMQ (each service its own process, SQLite),
# drives permits through the public API, measures the raw bus, prints the figures (last line: a summary)
# and writes them to bench/results/. Options: --permits N (200) --concurrency C (16) --applicants A (8);
# --replicas R (1): R replicas of every service, the clients taking the Gateways in turn, and a check afterwards that
# every permit's effects happened exactly once; --gateway URL --vhost V --mail DIR to attach to a running distributed
# Gateway instead; --embedded to measure the all-in-one host (in-memory bus, one process) instead of the distributed mode;
# --watcher [--sagas 1000000] for the deadline watcher with a million open permits written straight into Workflow's store.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
require_dotnet
cd "$ROOT"
trap stop_rabbitmq_if_started EXIT
apt_install curl
ensure_rabbitmq
rabbitmq-plugins -q enable rabbitmq_management >/dev/null
for _ in $(seq 1 30); do curl -sf -u guest:guest http://127.0.0.1:15672/api/overview >/dev/null && break; sleep 1; done
log "building (Release)"
dotnet build Ptsp.slnx -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet bench/bin/Release/net10.0/Ptsp.Bench.dll "$@"
