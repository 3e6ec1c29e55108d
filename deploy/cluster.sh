# Shared by try-cluster.sh and kill-node.sh (source it, do not run it): a throwaway EventHub cluster on loopback —
# PostgreSQL, two app nodes, nginx configured from nginx-cluster.conf.template (the text docs/deployment.md shows),
# and an SMTP sink — torn down when the calling script exits, whatever happened. KEEP_LOGS=<folder> keeps the logs.
set -euo pipefail

DEPLOY="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$DEPLOY")"
WORK="$(mktemp -d)"
chmod 755 "$WORK"
SETUP_CODE="try-cluster-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
declare -A NODE_PID NODE_PORT
PG_BIN="" PG_PORT="" PG_AS="" NGINX_PID="" NGINX_PORT="" SINK_PID="" SINK_PORT="" BASE="" SLUG=""
TEARDOWN_HOOKS=()

say() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() {
  say "FAIL: $*"
  exit 1
}
# wait_until <seconds> <what failed, when time is up> <command...>: runs the command every 0.1 s until it succeeds;
# WAITED says how many seconds it took.
wait_until() {
  local limit=$(($1 * 10)) what=$2 tenths=0
  shift 2
  until "$@"; do
    [ "$tenths" -ge "$limit" ] && fail "$what"
    sleep 0.1
    tenths=$((tenths + 1))
  done
  WAITED=$((tenths / 10))
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
as_pg() { if [ -n "$PG_AS" ]; then runuser -u "$PG_AS" -- "$@"; else "$@"; fi; }
sql() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d eventhub -v ON_ERROR_STOP=1 -tAq -c "$1"; }

teardown() {
  local status=$?
  set +e
  for hook in "${TEARDOWN_HOOKS[@]}"; do "$hook"; done
  for name in "${!NODE_PID[@]}"; do stop_node "$name"; done
  [ -n "$NGINX_PID" ] && { kill "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null; }
  [ -n "$SINK_PID" ] && { kill "$SINK_PID" 2>/dev/null; wait "$SINK_PID" 2>/dev/null; }
  [ -n "$PG_PORT" ] && as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1
  if [ "$status" -ne 0 ]; then
    for log in "$WORK"/node-*.log "$WORK/nginx/error.log"; do
      [ -f "$log" ] && { echo "--- last lines of $(basename "$log")"; tail -n 15 "$log"; }
    done
  fi
  if [ -n "${KEEP_LOGS:-}" ]; then
    mkdir -p "$KEEP_LOGS" && cp "$WORK"/*.log "$WORK/nginx/"*.log "$KEEP_LOGS/" 2>/dev/null
    say "logs kept in $KEEP_LOGS"
  fi
  rm -rf "$WORK"
  say "torn down: nodes, nginx, SMTP sink and PostgreSQL stopped, working folder removed"
  exit "$status"
}
trap teardown EXIT
trap 'exit 130' INT TERM

# The published app: the folder given, or a fresh `dotnet publish` into the working folder.
find_app() {
  if [ -n "${1:-}" ]; then
    APP="$(cd "$1" && pwd)"
  else
    say "publishing the app (pass a published folder to skip this)"
    dotnet publish "$ROOT/src/EventHub.Web" -c Release -o "$WORK/app" -nologo -clp:ErrorsOnly >/dev/null
    APP="$WORK/app"
  fi
  [ -f "$APP/EventHub.Web.dll" ] || fail "no EventHub.Web.dll in $APP"
}

install_packages() { # Debian packages, when run as root
  [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null || fail "$* missing: install it first"
  say "installing $*"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

plan_ports() { # the nodes' and nginx's ports, known before anything starts (the nodes put nginx's address in mail links)
  NODE_PORT[a]="$(free_port)"
  NODE_PORT[b]="$(free_port)"
  NGINX_PORT="$(free_port)"
  BASE="https://127.0.0.1:$NGINX_PORT"
}

start_postgres() { # a throwaway cluster on loopback and a free port; as the postgres user when run as root
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    install_packages postgresql
  fi
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  [ "$(id -u)" = "0" ] && PG_AS=postgres
  mkdir -p "$WORK/pg"
  [ -n "$PG_AS" ] && chown "$PG_AS" "$WORK/pg"
  PG_PORT="$(free_port)"
  as_pg "$PG_BIN/initdb" -D "$WORK/pg/data" --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pg/data -c max_connections=300" >/dev/null
  as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres eventhub
  say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

start_sink() {
  SINK_PORT="$(free_port)"
  : >"$WORK/sink.log"
  python3 "$DEPLOY/smtp-sink.py" "$SINK_PORT" "$WORK/sink.log" &
  SINK_PID=$!
  say "SMTP sink on 127.0.0.1:$SINK_PORT"
}

# start_node <name> [environment=Production]: the published app on its own port, against the shared database.
start_node() {
  local name=$1 environment=${2:-Production}
  mkdir -p "$WORK/shared"
  (cd "$APP" && exec env \
    ASPNETCORE_ENVIRONMENT="$environment" \
    ASPNETCORE_URLS="http://127.0.0.1:${NODE_PORT[$name]}" \
    EventHub__Database__Provider=PostgreSql \
    ConnectionStrings__EventHub="Host=127.0.0.1;Port=$PG_PORT;Database=eventhub;Username=postgres" \
    EventHub__SetupCode="$SETUP_CODE" \
    EventHub__ForwardedHeaders=true \
    EventHub__DataFolder="$WORK/shared" \
    EventHub__Email__Host=127.0.0.1 \
    EventHub__Email__Port="$SINK_PORT" \
    EventHub__Email__PublicBaseUrl="$BASE" \
    "${NODE_ENV[@]}" \
    dotnet EventHub.Web.dll) >>"$WORK/node-$name.log" 2>&1 &
  NODE_PID[$name]=$!
}
NODE_ENV=()

serving() {
  kill -0 "${NODE_PID[$1]}" 2>/dev/null || fail "node $1 exited while starting"
  grep -q "EventHub is serving" "$WORK/node-$1.log" 2>/dev/null
}
wait_serving() { # wait_serving <name>: until the node logs that it is serving (3 minutes at most: the machine may be busy)
  wait_until 180 "node $1 did not start within 3 minutes" serving "$1"
}

stop_node() { # a clean stop (SIGINT, as systemd's KillSignal in the guide)
  local pid=${NODE_PID[$1]:-}
  [ -n "$pid" ] || return 0
  kill -INT "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  NODE_PID[$1]=""
}

# Demo data is written only in the Development environment: node a starts once in Development on the empty database
# (it migrates and seeds), stops, and from then on both nodes run in Production.
seed_demo_data() {
  start_node a Development
  wait_serving a
  stop_node a
  mv "$WORK/node-a.log" "$WORK/node-a.development.log"
  SLUG="$(sql "select \"Slug\" from \"Events\" where \"Title\" = 'LocalGov Open Space Devon'")"
  [ -n "$SLUG" ] || fail "the demo data has no open space event"
  say "demo data seeded by node a in Development; the event used below: /events/$SLUG"
}

start_nginx() { # nginx from the template the guide shows, with a self-signed certificate for 127.0.0.1
  command -v nginx >/dev/null || install_packages nginx-light
  local dir="$WORK/nginx" template="$DEPLOY/nginx-cluster.conf.template"
  mkdir -p "$dir"
  python3 - "$template" "$ROOT/docs/deployment.md" <<'PY' || fail "docs/deployment.md no longer shows deploy/nginx-cluster.conf.template word for word"
import sys
sys.exit(0 if open(sys.argv[1]).read().strip() in open(sys.argv[2]).read() else 1)
PY
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" >/dev/null 2>&1
  sed -e "s|@NODE_A@|127.0.0.1:${NODE_PORT[a]}|" -e "s|@NODE_B@|127.0.0.1:${NODE_PORT[b]}|" \
      -e "s|@LISTEN@|127.0.0.1:$NGINX_PORT|" -e "s|@SERVER_NAME@|127.0.0.1|" \
      -e "s|@CERTIFICATE@|$dir/cert.pem|" -e "s|@CERTIFICATE_KEY@|$dir/key.pem|" "$template" >"$dir/eventhub.conf"
  # The outer file only runs nginx unprivileged in the foreground and logs which upstream answered each request.
  cat >"$dir/nginx.conf" <<CONF
daemon off;
$([ "$(id -u)" = "0" ] && echo "user root;")
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
    log_format upstream '\$remote_addr "\$request" \$status upstream=\$upstream_addr';
    access_log $dir/access.log upstream;
    client_body_temp_path $dir/client_body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    include $dir/eventhub.conf;
}
CONF
  nginx -t -q -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf" || fail "nginx rejected the generated configuration"
  nginx -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf" &
  NGINX_PID=$!
  wait_until 10 "nginx did not answer on $BASE" curl -sk -o /dev/null "$BASE/"
  say "nginx $(nginx -v 2>&1 | sed 's|.*/||') on $BASE -> node a 127.0.0.1:${NODE_PORT[a]}, node b 127.0.0.1:${NODE_PORT[b]} (ip_hash)"
}

# upstream_of <client address>: which node nginx sent that client's last request to (from nginx's access log).
upstream_of() {
  local line
  line="$(grep "^$1 " "$WORK/nginx/access.log" | tail -1)"
  case "${line##*upstream=}" in
    *":${NODE_PORT[a]}"*) echo a ;;
    *":${NODE_PORT[b]}"*) echo b ;;
    *) echo "?" ;;
  esac
}

# client_for <node>: a loopback client address that ip_hash sends to that node (ip_hash keys on the first three
# octets, so the addresses differ there: 127.0.N.1). Every client address on lo works without configuration.
declare -A CLIENT_FOR
find_clients() {
  local n node
  for n in $(seq 1 40); do
    curl -sk --interface "127.0.$n.1" -o /dev/null "$BASE/" || fail "no answer through nginx from 127.0.$n.1"
    node="$(upstream_of "127.0.$n.1")"
    [ -z "${CLIENT_FOR[$node]:-}" ] && CLIENT_FOR[$node]="127.0.$n.1"
    [ -n "${CLIENT_FOR[a]:-}" ] && [ -n "${CLIENT_FOR[b]:-}" ] && return 0
  done
  fail "ip_hash never picked both nodes for 40 client addresses"
}

post_form() { # post_form <client address> <cookie jar> <name=value>...: POSTs the booking form, prints the answer
  local client=$1 jar=$2 field
  shift 2
  local data=()
  for field in "$@"; do data+=(--data-urlencode "$field"); done
  curl -sSk --max-time 60 --interface "$client" -c "$jar" -b "$jar" -D "$jar.head" -L "${data[@]}" "$BASE/events/$SLUG/book"
}

# book <client address> <email>: the plain booking form through nginx with curl and a cookie jar
# (details -> check your answers -> confirm); prints the heading of the last page, "Check your email" for every
# outcome (the page never tells whether the address has a place: the database does). When a step does not lead to
# the next, it prints which step and what came back instead.
book() {
  local client=$1 email=$2 jar page fields
  jar="$(mktemp -p "$WORK")"
  page="$(curl -sSk --max-time 60 --interface "$client" -c "$jar" -b "$jar" -D "$jar.head" "$BASE/events/$SLUG/book")" || { echo "(no answer)"; return; }
  [[ "$page" == *'data-testid="booking-form"'* ]] || { echo "form: $(heading "$page" "$jar.head")"; return; }
  mapfile -d '' fields < <(printf '%s' "$page" | python3 "$DEPLOY/form-fields.py" \
    "Name=Visitor ${email%%@*}" "Email=$email" "Organisation=Try cluster" "PrivacyConsent=true" "Action=check")
  page="$(post_form "$client" "$jar" "${fields[@]}")" || { echo "(no answer)"; return; }
  [[ "$page" == *'data-testid="check-answers"'* ]] || { echo "check your answers: $(heading "$page" "$jar.head")"; return; }
  mapfile -d '' fields < <(printf '%s' "$page" | python3 "$DEPLOY/form-fields.py" "Action=confirm")
  page="$(post_form "$client" "$jar" "${fields[@]}")" || { echo "(no answer)"; return; }
  heading "$page" "$jar.head"
  rm -f "$jar" "$jar.head"
}

heading() { # heading <page> <curl header dump>: the page's h1, or the last HTTP status line when it has none
  local status
  status="$(grep '^HTTP' "$2" | tail -1 | tr -d '\r')"
  printf '%s' "$1" | python3 -c 'import re,sys; m=re.search(r"<h1[^>]*>([^<]*)</h1>", sys.stdin.read()); print(m.group(1).strip() if m else "(no heading: " + sys.argv[1] + ")")' "$status"
}
