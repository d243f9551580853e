#!/usr/bin/env bash
# The embedded default: every Ptsp service in one process, in-memory bus, a SQLite file per service,
# mail written as .eml files. Stays in the foreground; Ctrl-C or SIGTERM stops it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_dotnet
apt_install tzdata   # the agency's time zone (Asia/Jakarta) comes from the system's zone database
cd "$ROOT"

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
export Storage__Sqlite__Directory="${Storage__Sqlite__Directory:-$ROOT/data}"
export Mail__PickupDirectory="${Mail__PickupDirectory:-$Storage__Sqlite__Directory/mail}"
export Seed__OfficerPassword="${Seed__OfficerPassword:-Ptsp-Demo-2026}"

log "building"
dotnet build src/AllInOne/AllInOne.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2

log "web application: ${ASPNETCORE_URLS%%;*}/  (pages in Bahasa Indonesia, same listener as the API)"
log "Gateway: ${ASPNETCORE_URLS}  (API v1 at /api/v1, API reference: ${ASPNETCORE_URLS%%;*}/api-reference, health: /health/ready)"
log "officer accounts frontoffice, backoffice, teknis, kasi, kabid, kepala, admin — password: ${Seed__OfficerPassword}"
log "data: ${Storage__Sqlite__Directory}  mail: ${Mail__PickupDirectory}"
exec dotnet src/AllInOne/bin/Release/net10.0/Ptsp.AllInOne.dll
