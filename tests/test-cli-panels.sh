#!/usr/bin/env bash
# What each panel can do, from the command line: accounts checked before they are saved, a
# panel without refill or cancel (tests/bare-panel.py, and the simulator's --no-refill --no-cancel),
# drip-feed refused where the panel says no, unknowns shown as unknown, imported orders given
# their service. Runs inside tests/with-keyring.
set -euo pipefail
cli=$1 sim=$2 bare=$3
. "$(dirname "$0")/smm-test-processes.sh"
export XDG_DATA_HOME=$work/data
fail() { echo "FAIL: $*" >&2; exit 1; }

start sim "$sim" --key sim-key --orders 3
start bare "$bare" "$work/bare.log"
start nosim "$sim" --key sim-key --no-refill --no-cancel
sim_url=$(first_line sim)
nosim_url=$(first_line nosim)
bare_url=$(first_line bare)

step "a wrong key is refused, and nothing is saved"
rc=0; err=$(SMM_API_KEY=wrong "$cli" accounts add --name Wrong --url "$sim_url" 2>&1 >/dev/null) || rc=$?
[ "$rc" -eq 1 ] || fail "a wrong key: exit $rc"
grep -q "does not accept this API key" <<<"$err" || fail "a wrong key: $err"
grep -q -- "--no-check" <<<"$err" || fail "no word of --no-check: $err"
# the bare panel's own words for it (API.md), mapped or not, refuse it too
rc=0; SMM_API_KEY=wrong "$cli" accounts add --name Wrong --url "$bare_url" >/dev/null 2>>"$log" || rc=$?
[ "$rc" -eq 1 ] || fail "a wrong key on the bare panel: exit $rc"
out=$("$cli" accounts list 2>>"$log"); grep -q "Wrong" <<<"$out" && fail "the account was saved"

step "an address where no panel answers is refused, unless the check is skipped"
rc=0; err=$(SMM_API_KEY=k "$cli" accounts add --name Nowhere --url http://127.0.0.1:9/api/v2 2>&1 >/dev/null) || rc=$?
[ "$rc" -eq 1 ] || fail "no panel: exit $rc"
grep -q "could not be reached" <<<"$err" || fail "no panel: $err"
SMM_API_KEY=k "$cli" accounts add --name Nowhere --url http://127.0.0.1:9/api/v2 --no-check >/dev/null 2>>"$log"

step "good accounts are saved with their balance and its age"
SMM_API_KEY=BARE-PANEL-KEY "$cli" accounts add --name Bare --url "$bare_url" >/dev/null 2>>"$log"
SMM_API_KEY=sim-key "$cli" accounts add --name Sim --url "$sim_url" >/dev/null 2>>"$log"
out=$("$cli" accounts list 2>>"$log")
grep -E "^Bare .*12\.50.{1,3}USD +just now" <<<"$out" >/dev/null || fail "accounts list: $out"
grep -E "^Nowhere .*– +–" <<<"$out" >/dev/null || fail "a balance never read: $out"
out=$("$cli" --json accounts list 2>>"$log")
python3 - "$out" <<'PY' || fail "accounts list --json: $out"
import json, sys
accounts = {a["name"]: a for a in json.loads(sys.argv[1])}
assert accounts["Bare"]["balance_time"].endswith("Z") or "+" in accounts["Bare"]["balance_time"]
assert accounts["Nowhere"]["balance_time"] is None and accounts["Nowhere"]["balance"] is None
PY

step "services without refill or cancel fields: unknown, not no"
out=$("$cli" --account Bare services 2>>"$log")
grep -E "^1 .*Followers.* – +– *$" <<<"$out" >/dev/null || fail "services: $out"
out=$("$cli" --account Bare --json services 2>>"$log")
python3 -c 'import json,sys; s=json.loads(sys.argv[1]); assert s[0]["refill"] is None and s[0]["cancel"] is None' "$out" \
    || fail "services --json: $out"

step "drip-feed where the panel says no: refused before anything is sent"
rc=0; err=$("$cli" --account Bare add --service 2 --link https://instagram.com/p/x --quantity 1000 \
              --runs 3 --interval 10 2>&1 >/dev/null) || rc=$?
[ "$rc" -eq 2 ] || fail "runs for a service without drip-feed: exit $rc"
grep -q "does not offer drip-feed" <<<"$err" || fail "drip-feed: $err"
grep -q "^add$" "$work/bare.log" && fail "the order was sent"

step "a panel without refill and cancel: said in words, learnt, not asked again"
out=$("$cli" --account Bare add --service 1 --link https://instagram.com/nasa --quantity 100 2>>"$log")
grep -q "Order 23501 placed" <<<"$out" || fail "placing on the bare panel: $out"
for action in refill cancel; do
    noun=${action}s
    for attempt in 1 2; do
        rc=0; err=$("$cli" --account Bare "$action" 23501 2>&1 >/dev/null) || rc=$?
        [ "$rc" -eq 1 ] || fail "$action $attempt: exit $rc"
        grep -q "This panel does not offer $noun through its API" <<<"$err" || fail "$action $attempt: $err"
    done
    [ "$(grep -c "^$action$" "$work/bare.log")" -eq 1 ] || fail "$action was sent again"
done

step "the simulator's --no-refill --no-cancel: the same"
SMM_API_KEY=sim-key "$cli" accounts add --name "No Refill" --url "$nosim_url" >/dev/null 2>>"$log"
out=$("$cli" --account "No Refill" services 2>>"$log")
grep -E "^1 .* – +– *$" <<<"$out" >/dev/null || fail "the simulator's services: $out"
out=$("$cli" --account "No Refill" add --service 1 --link https://instagram.com/esa --quantity 100 2>>"$log")
grep -q "Order 23501 placed" <<<"$out" || fail "placing on the simulator: $out"
for action in refill cancel; do
    rc=0; err=$("$cli" --account "No Refill" "$action" 23501 2>&1 >/dev/null) || rc=$?
    [ "$rc" -eq 1 ] || fail "$action on the simulator: exit $rc"
    grep -q "This panel does not offer ${action}s through its API" <<<"$err" || fail "$action on the simulator: $err"
done

step "progress and unknowns in JSON: null, never -1 or empty"
out=$("$cli" --account Bare --json status 23501 2>>"$log")
python3 -c 'import json,sys; o=json.loads(sys.argv[1])[0]; assert o["remains"] == 0 and o["currency"] == "USD"' "$out" \
    || fail "status --json: $out"

step "imported orders: service and quantity unknown until attached"
"$cli" --account Sim import 23502 >/dev/null 2>>"$log"
out=$("$cli" orders --search 23502 2>>"$log")
line=$(grep -E "^[0-9]+ +Sim +23502 " <<<"$out") || fail "the imported order: $out"
grep -E "^[0-9]+ +Sim +23502 +– +.* +– +" <<<"$line" >/dev/null || fail "unknowns in the table: $line"
local_id=$(awk '{print $1}' <<<"$line")
out=$("$cli" --json orders --search 23502 2>>"$log")
python3 -c 'import json,sys; o=json.loads(sys.argv[1])[0]; assert o["quantity"] is None and o["service"] is None and o["service_name"] is None' "$out" \
    || fail "orders --json: $out"
"$cli" export "$work/orders.csv" >/dev/null 2>>"$log"
grep -q ",23502," "$work/orders.csv" || fail "the CSV: $(cat "$work/orders.csv")"
grep ",23502," "$work/orders.csv" | grep -qE ',0,' && fail "a 0 for an unknown in the CSV"
"$cli" --account Sim services >/dev/null 2>>"$log"   # the catalogue, cached
out=$("$cli" attach "$local_id" --service 1 2>>"$log")
grep -q "is for service 1" <<<"$out" || fail "attach: $out"
out=$("$cli" --json orders --search 23502 2>>"$log")
python3 -c 'import json,sys; o=json.loads(sys.argv[1])[0]; assert o["service"] == 1 and o["quantity"] is None' "$out" \
    || fail "after attach: $out"
echo "ok"
