#!/usr/bin/env bash
# SMM Desk is killed (SIGKILL) while an order is on its way to a slow panel; started again, it
# shows the order as unconfirmed. Usage: e2e-kill.sh SMM-DESK SMM-DESK-CLI SMM-PANEL-SIM SCHEMA-DIR
set -u
desk=$1 cli=$2 sim=$3 schemas=$4
here=$(cd "$(dirname "$0")" && pwd)
for tool in Xvfb dbus-run-session gnome-keyring-daemon /usr/bin/python3; do
    command -v "$tool" >/dev/null || { echo "1..0 # SKIP $tool is missing"; exit 77; }
done
[ -n "${SMM_E2E_INNER:-}" ] || exec "$here/with-session" "$0" "$@"
exec 3>>"$SMM_E2E_TAP"
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -9 $p 2>/dev/null; done; rm -rf "$work"' EXIT
export HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache
export GSETTINGS_SCHEMA_DIR=$schemas GSETTINGS_BACKEND=memory LANGUAGE=en LC_ALL=C.UTF-8
. "$here/keyring.sh"
keyring_unlock || { echo "not ok 1 # the login keyring did not come up unlocked" >&3; exit 1; }

# a panel that takes 4 s to answer anything
key=TEST-SECRET-KEY-4242
SMM_PANEL_SIM_KEY=$key "$sim" --latency 4000 >"$work/sim.out" 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/sim.out" ] && break; sleep 0.05; done
url=$(head -n 1 "$work/sim.out")
echo "$key" | "$cli" accounts add --name "Slow panel" --url "$url" --key-stdin >/dev/null 2>&1

echo "1..1" >&3
G_MESSAGES_DEBUG=all "$desk" >"$work/app1.log" 2>&1 &
app=$!
pids+=($app)
/usr/bin/python3 "$here/e2e-kill.py" place >&3 || { sed "s/^/# /" "$work/app1.log" >&3; exit 1; }
sleep 1
kill -9 "$app"
wait "$app" 2>/dev/null
echo "# killed the app while the order was on its way" >&3
# until the bus has seen it go, a new instance would hand over to the dead one
for _ in $(seq 50); do
    owned=$(for name in io.github.smmdesk.SmmDesk io.github.smmdesk.SmmDesk.Devel; do
        dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
            string:$name 2>/dev/null | grep -c "boolean true"; done | awk "{ s += \$1 } END { print s + 0 }")
    [ "${owned:-0}" -eq 0 ] && break
    sleep 0.1
done
sleep 1

G_MESSAGES_DEBUG=all "$desk" >"$work/app2.log" 2>&1 &
pids+=($!)
/usr/bin/python3 "$here/e2e-kill.py" check >&3 || { sed "s/^/# /" "$work/app2.log" >&3; exit 1; }

# the key went from the keyring to the panel and nowhere else: not to the history, the logs
# (every debug message on), nor a command line
printf '%s\n' "$key" >"$work/needle"
for pid in $$ "${pids[@]}"; do
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -f "$work/needle" && {
        echo "not ok 1 e2e-kill # the key is on the command line of $pid" >&3; exit 1; }
done
if grep -rlF -f "$work/needle" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$work/app1.log" "$work/app2.log" >/dev/null 2>&1; then
    echo "not ok 1 e2e-kill # the key was written to a file" >&3
    exit 1
fi
grep -q "smm-client" "$work/app1.log" || { echo "not ok 1 e2e-kill # no debug log was written" >&3; exit 1; }
echo "ok 1 e2e-kill" >&3
