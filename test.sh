#!/usr/bin/env bash
# Installs what the tests need (Debian's Chromium for browser tests, PostgreSQL), builds, runs every test project,
# then the Core tests again on a throwaway PostgreSQL cluster, and prints one last line: "N passed, N failed"
# (", N skipped" when any were skipped).
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
      || echo "Could not install Chromium: browser tests will fail."
  else
    echo "Chromium is missing and cannot be installed here (needs root and apt-get): browser tests will fail."
  fi
fi

# PostgreSQL: a throwaway cluster owned by the postgres user, on loopback and a free port, deleted at the end.
# fsync is off because the cluster is thrown away; the Core tests on PostgreSQL fail (never skip) without it.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing PostgreSQL for the PostgreSQL test pass…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
      || echo "Could not install PostgreSQL: the PostgreSQL pass will fail."
  fi
fi
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
pgdir=""
stop_postgres() {
  if [ -n "$pgdir" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
  fi
}
trap stop_postgres EXIT
if [ -n "$pgbin" ] && [ "$(id -u)" = "0" ]; then
  pgdir="$(mktemp -d)"; chown postgres "$pgdir"
  pgport="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  if runuser -u postgres -- "$pgbin/initdb" -D "$pgdir/data" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
     && runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w start \
          -o "-c listen_addresses=127.0.0.1 -p $pgport -k $pgdir/data -c fsync=off -c max_connections=200" >/dev/null; then
    export EVENTHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres"
  else
    echo "Could not start PostgreSQL: the PostgreSQL pass will fail."
  fi
fi
# Set even when the server is missing, so the PostgreSQL pass fails loudly instead of quietly not running.
export EVENTHUB_TEST_POSTGRES="${EVENTHUB_TEST_POSTGRES:-Host=127.0.0.1;Port=1;Username=postgres}"

dotnet tool restore >/dev/null || true
if ! dotnet build EventHub.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

results="$(mktemp -d)"
# Runs one test project; a run that leaves no results file (a crash) counts as one failure.
run_project() { # name project [VAR=value ...]
  local name="$1" project="$2"; shift 2
  echo "== $name"
  if ! env "$@" dotnet test "$project" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results"; then
    if [ ! -f "$results/$name.trx" ]; then
      echo "$name did not produce results: counted as one failure."
      touch "$results/$name.crashed"
    fi
  fi
}

# The browser tests spend most of their time waiting (for pages, circuits, mail polls), so they run beside the others,
# which keep the cores busy meanwhile; their output is printed when they finish.
browser_project=tests/EventHub.EndToEnd.Tests/EventHub.EndToEnd.Tests.csproj
run_project EventHub.EndToEnd.Tests "$browser_project" > "$results/browser.log" 2>&1 &
browser_pid=$!
for project in tests/*/*.csproj; do
  [ "$project" = "$browser_project" ] && continue
  run_project "$(basename "$project" .csproj)" "$project"
done

# The Core service tests again, on PostgreSQL (the other projects cover the UI and journeys, engine-neutral).
run_project EventHub.Core.Tests.PostgreSql tests/EventHub.Core.Tests/EventHub.Core.Tests.csproj EVENTHUB_TEST_PROVIDER=PostgreSql

wait "$browser_pid"
cat "$results/browser.log"
crashed="$(find "$results" -name '*.crashed' | wc -l)"

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + p))
  failed=$((failed + f + e + t + a))
  skipped=$((skipped + total - executed))
done
failed=$((failed + crashed))

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
