#!/usr/bin/env bash
# The rush benchmark, side by side in one run: the app in Production on a fresh SQLite file with demo data,
#   1. start to first page,
#   2. GET/s of the event page against GET/s of a static file (wrk, 64 connections) and their ratio,
#   3. a rush of VISITORS arriving within SECONDS, each booking through the plain forms, against PLACES places,
# with the server's memory before and after. Usage: benchmarks/rush.sh [visitors=2000] [seconds=10] [places=200]
# TIMINGS=true benchmarks/rush.sh … also prints the server's own time per request path (EventHub:Diagnostics:RequestTimings).
set -euo pipefail
cd "$(dirname "$0")/.."
VISITORS=${1:-2000}
SECONDS_=${2:-10}
PLACES=${3:-200}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
dotnet build src/EventHub.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build benchmarks/EventHub.Benchmarks.Rush -c Release -nologo -clp:ErrorsOnly >/dev/null
APP=src/EventHub.Web/bin/Release/net10.0/EventHub.Web.dll
RUSH="dotnet benchmarks/EventHub.Benchmarks.Rush/bin/Release/net10.0/EventHub.Benchmarks.Rush.dll"
DATA=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
PID=
cleanup() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; rm -rf "$DATA"; }
trap cleanup EXIT

start() { # environment; waits for the first page and sets FIRST to the milliseconds it took
  local began=$(date +%s%N)
  # The app runs from the repository root (its web root is the top-level wwwroot/), where its appsettings.json is not
  # found: give it the shipped log levels, or it logs every request and every SQL command (a third of the rush's time).
  env ASPNETCORE_ENVIRONMENT=$1 ASPNETCORE_URLS=$URL EventHub__DataFolder=$DATA EventHub__RateLimits__Enabled=false \
    EventHub__Diagnostics__RequestTimings=${TIMINGS:-false} \
    'Logging__LogLevel__Microsoft.AspNetCore=Warning' 'Logging__LogLevel__Microsoft.EntityFrameworkCore=Warning' \
    dotnet "$APP" >"$DATA/app-$1.log" 2>&1 &
  PID=$!
  until curl -fs -o /dev/null "$URL/"; do sleep 0.05; done
  FIRST=$(( ($(date +%s%N) - began) / 1000000 ))
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }
rss() { awk '/VmRSS/ {printf "%d MiB", $2/1024}' /proc/$PID/status; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' /proc/$PID/stat; } # the server's CPU time so far

# Demo data is written only in Development: seed once there, then serve the same file in Production.
start Development; stop
SLUG=$($RUSH seed "$DATA" "$PLACES")
start Production
curl -fs -o /dev/null "$URL/events/$SLUG"; curl -fs -o /dev/null "$URL/favicon.svg"

echo "machine            $(nproc) cores, $(awk '/MemTotal/ {printf "%d GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date               $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "start to first page ${FIRST} ms (Production)"
echo "memory at start    $(rss)"
PAGE=$(wrk -t2 -c64 -d10s "$URL/events/$SLUG" | awk '/Requests\/sec/ {print $2}')
STATIC=$(wrk -t2 -c64 -d10s "$URL/favicon.svg" | awk '/Requests\/sec/ {print $2}')
echo "event page GET/s   $PAGE (64 connections, 10 s)"
echo "static file GET/s  $STATIC (favicon.svg, same server, same run)"
echo "ratio              $(awk -v p="$PAGE" -v s="$STATIC" 'BEGIN {printf "%.2f", p/s}') (goal at least 0.3)"
echo "memory before rush $(rss)"
CPU_BEFORE=$(cpu_ms)
$RUSH rush "$URL" "$SLUG" "$VISITORS" "$SECONDS_" || true
CPU_RUSH=$(( $(cpu_ms) - CPU_BEFORE ))
echo "server CPU in rush $CPU_RUSH ms, $(awk -v c="$CPU_RUSH" -v v="$VISITORS" 'BEGIN {printf "%.1f", c/v}') ms per journey (load-independent; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
echo "memory after rush  $(rss)"
stop
$RUSH check "$DATA" "$SLUG" "$PLACES"
# With TIMINGS=true the server timed each request itself (RequestTimings): the rush's own paths.
if [ "${TIMINGS:-false}" = true ]; then grep -o "server time .*" "$DATA/app-Production.log" | grep -E "/events/$SLUG(/book)?( \(.*\))?:" || true; fi
