#!/usr/bin/env bash
# Brings up on loopback and free ports a throwaway PostgreSQL cluster, two EventHub nodes (the published app,
# Production, PostgreSQL, one setup code) and nginx configured from the guide's template, then checks THROUGH nginx:
#   1. the event page answers from both upstreams (nginx's access log says which node answered),
#   2. a place booked with curl through nginx on node a changes the places-left figure that node b streams
#      (/events/{slug}/places, read from node b directly).
# Exits non-zero when a check fails, and tears everything down on exit.
# Usage: deploy/try-cluster.sh [published app folder]   (without one it runs `dotnet publish` first)
# Needs root or an existing PostgreSQL and nginx (it installs them with apt-get when missing and run as root).
source "$(dirname "$0")/cluster.sh"

find_app "${1:-}"
plan_ports
start_postgres
start_sink
seed_demo_data
start_node a
start_node b
wait_serving a
wait_serving b
say "node a on 127.0.0.1:${NODE_PORT[a]} and node b on 127.0.0.1:${NODE_PORT[b]} serving (Production, PostgreSQL)"
start_nginx

say "check 1: the event page through nginx answers from both upstreams"
find_clients
for node in a b; do
  client="${CLIENT_FOR[$node]}"
  status="$(curl -sk --interface "$client" -o "$WORK/page.html" -w '%{http_code}' "$BASE/events/$SLUG")"
  answered="$(upstream_of "$client")"
  grep -q "LocalGov Open Space Devon" "$WORK/page.html" || fail "the event page from node $answered lacks the event's title"
  [ "$status" = "200" ] && [ "$answered" = "$node" ] || fail "client $client: HTTP $status from node $answered, expected 200 from node $node"
  say "  GET /events/$SLUG from client $client: HTTP $status, answered by node $answered (127.0.0.1:${NODE_PORT[$node]})"
done

say "check 2: book through nginx on node a, see places left change on node b"
curl -sN --max-time 120 "http://127.0.0.1:${NODE_PORT[b]}/events/$SLUG/places" >"$WORK/places-b.txt" &
SSE_PID=$!
stop_sse() { kill "$SSE_PID" 2>/dev/null; wait "$SSE_PID" 2>/dev/null; }
TEARDOWN_HOOKS+=(stop_sse)
figures_at_least() { [ "$(grep -c '^data:' "$WORK/places-b.txt" 2>/dev/null || true)" -ge "$1" ]; }
wait_until 30 "node b streamed no places figure within 30 s" figures_at_least 1
say "  node b streams: $(grep '^data:' "$WORK/places-b.txt" | tail -1)"
booked_at=$(date +%s%N)
heading="$(book "${CLIENT_FOR[a]}" "try.cluster@example.org")"
answered="$(upstream_of "${CLIENT_FOR[a]}")"
[ "$heading" = "Check your email" ] || fail "booking through nginx ended on \"$heading\""
status="$(sql "select \"Status\" from \"Bookings\" where \"Email\" = 'try.cluster@example.org'")"
[ "$status" = "1" ] || fail "the booking is not confirmed in the database (status \"$status\")"
[ "$answered" = "a" ] || fail "the booking went to node $answered, not node a"
say "  booked with curl through nginx from client ${CLIENT_FOR[a]}: \"$heading\", answered by node a; confirmed in the database"
wait_until 10 "node b's places figure did not change within 10 s of the booking on node a" figures_at_least 2
say "  node b streams: $(grep '^data:' "$WORK/places-b.txt" | tail -1) ($(( ($(date +%s%N) - booked_at) / 1000000 )) ms after the booking began: three requests through nginx, then this read of node b's stream)"

say "ALL CHECKS PASSED"
