#!/usr/bin/env bash
# A subscription from the command line: `status` and `orders` show its posts and expiry, in the
# table and in JSON ("posts", "expiry", "orders", null when the panel did not tell). Against the
# simulator's catalogue c, whose service 5 is a subscription. Runs inside tests/with-keyring.
set -euo pipefail
cli=$1 sim=$2
. "$(dirname "$0")/smm-test-processes.sh"
export XDG_DATA_HOME=$work/data
fail() { echo "FAIL: $*" >&2; cat "$log" >&2; exit 1; }

start sim "$sim" --key sim-key --catalogue c
sim_url=$(first_line sim)
SMM_API_KEY=sim-key "$cli" accounts add --name Sim --url "$sim_url" >/dev/null 2>>"$log"

step "a subscription is placed"
out=$("$cli" --account Sim add --service 5 --username nasa --min 100 --max 200 --posts 3 --delay 0 2>>"$log") \
    || fail "add: $out"
order=$(grep -oE '[0-9]{5,}' <<<"$out" | head -n 1)
[ -n "$order" ] || fail "no order number: $out"

step "status says it is a subscription, with its posts; JSON has posts, expiry and orders"
out=$("$cli" --account Sim status "$order" 2>>"$log")
grep -E "^$order +Active \(subscription: 0 posts\)" <<<"$out" >/dev/null || fail "status: $out"
out=$("$cli" --account Sim --json status "$order" 2>>"$log")
python3 -c '
import json, sys
o = json.loads(sys.argv[1])[0]
assert o["status"] == "Active", o
assert o["posts"] == 0 and o["expiry"] is None and o["orders"] == [], o
' "$out" || fail "status --json: $out"

step "orders shows what the history keeps of it"
out=$("$cli" orders 2>>"$log")
grep -E " $order .*Active \(subscription: 0 posts\)" <<<"$out" >/dev/null || fail "orders: $out"
out=$("$cli" --json orders 2>>"$log")
python3 -c '
import json, sys
o = [o for o in json.loads(sys.argv[1]) if o["order"] == int(sys.argv[2])][0]
assert o["posts"] == 0 and o["expiry"] is None and o["orders"] == [], o
' "$out" "$order" || fail "orders --json: $out"

step "an order that is no subscription has null for each"
out=$("$cli" --account Sim add --service 1 --link https://instagram.com/nasa --quantity 100 2>>"$log") \
    || fail "add: $out"
plain=$(grep -oE '[0-9]{5,}' <<<"$out" | head -n 1)
out=$("$cli" --account Sim --json status "$plain" 2>>"$log")
python3 -c '
import json, sys
o = json.loads(sys.argv[1])[0]
assert o["posts"] is None and o["expiry"] is None and o["orders"] is None, o
' "$out" || fail "a plain order's status --json: $out"
out=$("$cli" --account Sim status "$plain" 2>>"$log")
grep -q "subscription" <<<"$out" && fail "a plain order called a subscription: $out"
echo "ok"
