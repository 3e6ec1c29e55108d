#!/usr/bin/env bash
# The same loopback cluster as try-cluster.sh, then a rush of concurrent bookings with curl through nginx; node a is
# killed with `kill -9` mid-rush and restarted. When the outbox has drained (mail goes to a loopback SMTP sink that
# records each message's Message-ID), the database and the sink must show: 0 oversold, every confirmed booking with
# its confirmation message sent, every sent message at the sink, and no message id delivered twice.
# Exits non-zero when a check fails, and tears everything down on exit.
# Usage: deploy/kill-node.sh [published app folder]
# Settings (environment): CAPACITY=40 places, VISITORS=160 bookings, PARALLEL=24 at once, KILL_AFTER=15 confirmed
# bookings before the kill, DOWN=5 seconds node a stays dead.
source "$(dirname "$0")/cluster.sh"
CAPACITY=${CAPACITY:-40}
VISITORS=${VISITORS:-160}
PARALLEL=${PARALLEL:-24}
KILL_AFTER=${KILL_AFTER:-15}
DOWN=${DOWN:-5}
# A dead node's claimed outbox batch becomes due again after 20 s instead of five minutes. The per-address limits on
# public actions stay on: 30 client addresses share the rush, well under 30 bookings each.
NODE_ENV=(EventHub__Email__ClaimLease=00:00:20)

find_app "${1:-}"
plan_ports
start_postgres
start_sink
seed_demo_data
sql "update \"Events\" set \"Capacity\" = $CAPACITY where \"Slug\" = '$SLUG'"
start_node a
start_node b
wait_serving a
wait_serving b
say "node a on 127.0.0.1:${NODE_PORT[a]} and node b on 127.0.0.1:${NODE_PORT[b]} serving; the event has $CAPACITY places"
start_nginx
EVENT_ID="$(sql "select \"Id\" from \"Events\" where \"Slug\" = '$SLUG'")"
queued() { sql "select count(*) from \"Outbox\" where \"Status\" = 0"; }
confirmed() { sql "select count(*) from \"Bookings\" where \"EventId\" = $EVENT_ID and \"Status\" = 1"; }

# The rush: VISITORS bookings, PARALLEL at a time, from 30 client addresses that ip_hash spreads over both nodes.
say "rush: $VISITORS bookings through nginx, $PARALLEL at a time, for $CAPACITY places"
(
  for i in $(seq 1 "$VISITORS"); do
    while [ "$(jobs -rp | wc -l)" -ge "$PARALLEL" ]; do wait -n || true; done
    client="127.0.$((i % 30 + 1)).1"
    { heading="$(book "$client" "rush.$i@example.org")"; printf '%s\t%s\t%s\n' "$i" "$client" "$heading" >>"$WORK/rush.log"; } &
  done
  wait
) &
RUSH_PID=$!
stop_rush() { kill "$RUSH_PID" 2>/dev/null; wait "$RUSH_PID" 2>/dev/null; }
TEARDOWN_HOOKS+=(stop_rush)

confirmed_at_least() { [ "$(confirmed)" -ge "$1" ]; }
wait_until 60 "fewer than $KILL_AFTER bookings confirmed within 60 s" confirmed_at_least "$KILL_AFTER"
answered_at_kill=$(wc -l <"$WORK/rush.log")
kill -9 "${NODE_PID[a]}"
killed_at=$(date +%s)
wait "${NODE_PID[a]}" 2>/dev/null || true
NODE_PID[a]=""
say "kill -9 node a with $(confirmed) bookings confirmed, $answered_at_kill of $VISITORS visitors answered, $(queued) message(s) queued in the outbox"
sleep "$DOWN"
# What node a had claimed and not sent: node b sends its own claims within a second or two, a dead node's stay claimed
# until their lease (20 s) runs out. Node a stays down until node b has sent them.
stranded="$(sql "select string_agg(\"Id\"::text, ',') from \"Outbox\" where \"Status\" = 0 and \"ClaimToken\" is not null")"
if [ -n "$stranded" ]; then
  say "$(echo "$stranded" | tr ',' '\n' | wc -l) message(s) still claimed ${DOWN} s after the kill: node a's half-done batch"
  all_sent() { [ "$(sql "select count(*) from \"Outbox\" where \"Id\" in ($1) and \"Status\" <> 1")" -eq 0 ]; }
  wait_until 120 "node b did not finish node a's claimed messages within 2 minutes" all_sent "$stranded"
  say "node b sent them once their claim lapsed, $(( $(date +%s) - killed_at )) s after the kill, with node a still down"
else
  say "node a held no claimed messages at the kill"
fi
mv "$WORK/node-a.log" "$WORK/node-a.killed.log"
start_node a
wait_serving a
say "node a restarted after $(( $(date +%s) - killed_at )) s down and serving again"
wait "$RUSH_PID" || true
TEARDOWN_HOOKS=()
say "rush over; what the visitors' last pages said (\"(no answer)\": the node died under the request):"
cut -f3 "$WORK/rush.log" | sort | uniq -c | sed 's/^/           /'
in_log=$(wc -l <"$WORK/rush.log")
[ "$in_log" -eq "$VISITORS" ] || fail "only $in_log of $VISITORS bookings finished"

outbox_empty() { [ "$(queued)" -eq 0 ]; }
wait_until 180 "the outbox did not drain within 3 minutes" outbox_empty
say "outbox drained after $WAITED s"

say "checks in the database and at the SMTP sink:"
confirmed_now="$(confirmed)"
taken="$(sql "select \"PlacesTaken\" from \"Events\" where \"Id\" = $EVENT_ID")"
waiting="$(sql "select count(*) from \"Bookings\" where \"EventId\" = $EVENT_ID and \"Status\" = 4")"
oversold=$(( confirmed_now > CAPACITY ? confirmed_now - CAPACITY : 0 ))
unmailed="$(sql "select count(*) from \"Bookings\" b where b.\"EventId\" = $EVENT_ID and b.\"Status\" = 1 and not exists (
  select 1 from \"Outbox\" o where o.\"EventId\" = b.\"EventId\" and o.\"ToEmail\" = b.\"Email\" and o.\"Template\" = 'booking.confirmed' and o.\"Status\" = 1)")"
sent="$(sql "select count(*) from \"Outbox\" where \"Status\" = 1")"
not_sent="$(sql "select count(*) from \"Outbox\" where \"Status\" <> 1")"
sql "select \"MessageId\" from \"Outbox\" where \"Status\" = 1" | sort >"$WORK/sent-ids"
cut -f1 "$WORK/sink.log" | tr -d '<>' | sort >"$WORK/sink-ids"
at_sink=$(wc -l <"$WORK/sink-ids")
missing=$(comm -23 "$WORK/sent-ids" <(sort -u "$WORK/sink-ids") | wc -l)
twice=$(uniq -d "$WORK/sink-ids" | wc -l)
say "  confirmed $confirmed_now of $CAPACITY places (event counter $taken), $waiting waiting: oversold $oversold"
say "  confirmed bookings without a sent confirmation message: $unmailed"
say "  outbox: $sent sent, $not_sent not sent; SMTP sink received $at_sink message(s)"
say "  sent messages missing at the sink: $missing; message ids received more than once: $twice"
[ "$oversold" -eq 0 ] && [ "$taken" -eq "$confirmed_now" ] && [ "$confirmed_now" -eq "$CAPACITY" ] || fail "places: $confirmed_now confirmed, counter $taken, $CAPACITY places"
[ "$unmailed" -eq 0 ] || fail "$unmailed confirmed booking(s) without their message"
[ "$not_sent" -eq 0 ] && [ "$missing" -eq 0 ] || fail "$not_sent message(s) not sent, $missing missing at the sink"
[ "$twice" -eq 0 ] || fail "$twice message(s) delivered twice"
say "ALL CHECKS PASSED"
