#!/usr/bin/env bash
# The worklist benchmark: the all-in-one host (SQLite, pages at /), N submitted applications on the front office's
# desk through the public API, then the front office's "Tugas saya" (/tugas) rendered R times through a signed-in
# session; prints p50/p95 (last line: a summary). Options: --worklist N (1000) --requests R (30)
# --applicants A (8) --concurrency C (16).
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
require_dotnet
cd "$ROOT"
log "building (Release)"
dotnet build Ptsp.slnx -c Release -nologo -v quiet -clp:ErrorsOnly >&2
args=("$@")
[[ " ${args[*]-} " == *" --worklist "* ]] || args=(--worklist 1000 "${args[@]}")
dotnet bench/bin/Release/net10.0/Ptsp.Bench.dll "${args[@]}"
