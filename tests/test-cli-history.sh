#!/usr/bin/env bash
# The order history from the command line, as a user keeps it: two panels, orders on both,
# a kill -9 in the middle of placing, tracking to the end. Runs inside tests/with-keyring.
# The key TEST-SECRET-KEY-4242 must appear nowhere: not in the data directory, not in the debug log,
# not on a command line.
set -euo pipefail
cli=$1 sim=$2
. "$(dirname "$0")/smm-test-processes.sh"
export XDG_DATA_HOME=$work/data G_MESSAGES_DEBUG=all
key1=TEST-SECRET-KEY-4242
fail() { echo "FAIL: $*" >&2; exit 1; }

# started here, not inside $(…), so that the exit trap ends them
SMM_PANEL_SIM_KEY="$key1" start one "$sim" --speed 120
start two "$sim" --key second-key --speed 120000 --currency TRY
start slow "$sim" --key third-key --speed 120000 --latency 3000
url1=$(first_line one)
url2=$(first_line two)
url3=$(first_line slow)

step "two accounts, keys from standard input and from the environment"
echo "$key1" | "$cli" accounts add --name "Panel One" --url "$url1" --key-stdin 2>>"$log"
SMM_API_KEY=second-key "$cli" accounts add --name "Panel Two" --url "$url2" 2>>"$log"
SMM_API_KEY=third-key "$cli" accounts add --name "Slow" --url "$url3" 2>>"$log"
# (output captured before grep: with pipefail, grep -q leaving early would fail the writer)
out=$("$cli" accounts list 2>>"$log"); grep -q "Panel Two" <<<"$out" || fail "accounts list"

step "orders on both"
out=$("$cli" --account "Panel One" add --service 1 --link https://instagram.com/nasa --quantity 100 2>>"$log")
grep -q "Order 23501 placed" <<<"$out" || fail "order on Panel One"
out=$("$cli" --account "Panel Two" add --service 1 --link https://instagram.com/esa --quantity 200 2>>"$log")
grep -q "Order 23501 placed" <<<"$out" || fail "order on Panel Two"
# refused before anything is written or sent
"$cli" --account "Panel Two" add --service 1 --link https://instagram.com/jaxa --quantity 10 2>>"$log" && fail "below minimum"
# refused by the panel: recorded as rejected
"$cli" --account "Panel One" add --service 1 --link https://instagram.com/nasa --quantity 100 2>>"$log" \
    && fail "a second order for a running link"

step "kill -9 while an order is on its way"
"$cli" --account Slow add --service 1 --link https://instagram.com/isro --quantity 100 2>"$work/slow.log" >/dev/null &
placing=$!
# 3 s for the catalogue, then the order leaves and waits 3 s for its answer
for _ in $(seq 100); do grep -q "add: sending" "$work/slow.log" && break; sleep 0.1; done
sleep 0.5
kill -9 "$placing"
wait "$placing" 2>/dev/null || true
cat "$work/slow.log" >>"$log"
"$cli" orders --status unconfirmed 2>>"$log" | tee "$work/unconfirmed.txt"
grep -q "isro" "$work/unconfirmed.txt" || fail "the killed order is not unconfirmed"
local_id=$(awk '/isro/ {print $1}' "$work/unconfirmed.txt")

step "the user finds it on the panel's web site: order 23501"
out=$("$cli" resolve "$local_id" --id 23501 2>>"$log")
grep -q "is order 23501" <<<"$out" || fail "resolve"

step "tracking to the end"
sleep 6   # panel one runs at 120 times a real panel's pace: its order of 100 takes 5.5 s
"$cli" track 2>>"$log"
"$cli" --json orders --status active 2>>"$log" >"$work/active.json"
grep -q '"order"' "$work/active.json" && { cat "$work/active.json"; fail "orders still active after tracking"; }
"$cli" orders 2>>"$log" | tee "$work/orders.txt"
[ "$(grep -cE 'Completed|Partial' "$work/orders.txt")" -eq 3 ] || fail "not every order is done"
[ "$(grep -c "Rejected" "$work/orders.txt")" -eq 1 ] || fail "the rejected order is not in the history"
[ "$(grep -c "jaxa" "$work/orders.txt")" -eq 0 ] || fail "an invalid order was recorded"

step "the key appears nowhere"
# searched for from a file, so that the search itself does not put it on a command line
needle=$work/needle
printf '%s\n' "$key1" >"$needle"
# not on the command line of this test or of the panels it started (they got theirs from the environment)
for pid in $$ "${pids[@]}"; do
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -f "$needle" && fail "the key is on the command line of $pid"
done
grep -rlF -f "$needle" "$XDG_DATA_HOME" && fail "the key is in the data directory"
grep -qF -f "$needle" "$log" && fail "the key is in the debug log"
[ -s "$log" ] || fail "no debug log was written"
grep -q "smm-client" "$log" || fail "the debug log has no client messages"
echo "ok"
