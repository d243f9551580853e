#!/usr/bin/env bash
# The fault-injection run (issue 14): the distributed mode with two supervised replicas of every service (the bench's
# Cluster restarts what dies) on a RabbitMQ node of the run's own (so its restart disturbs no other broker); N permits,
# half driven to Issued and half to Rejected, and their applicants through the SOP via the public API by patient clients,
# while processes are SIGKILLed at random moments and the broker restarts once. Then the verdict, checked from outside,
# PASS/FAIL per check and the figures; exit code 1 on FAIL (the run's folder is kept then).
# Options: --permits N (300) --kills K (12) --concurrency C (16) --applicants A (N/4) --json FILE --keep
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
require_dotnet
cd "$ROOT"
apt_install rabbitmq-server poppler-utils
log "building (Release)"
dotnet build Ptsp.slnx -c Release -nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet bench/bin/Release/net10.0/Ptsp.Bench.dll --chaos "$@"
