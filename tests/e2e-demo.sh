#!/usr/bin/env bash
# The end-to-end test: SMM Desk on the demo panel, under Xvfb and a private D-Bus session,
# driven through AT-SPI. Usage: e2e-demo.sh SMM-DESK SCHEMA-DIR LOCALE-DIR [LANGUAGE [SCRIPT]]
# SCRIPT (default e2e-demo.py) is the Python script that drives the window; e2e-secrets.py runs on an
# empty history instead of the demo panel.
set -u
desk=$1 schemas=$2 locales=$3 language=${4:-en} script=${5:-e2e-demo.py}
here=$(cd "$(dirname "$0")" && pwd)
for tool in Xvfb dbus-run-session /usr/bin/python3; do
    command -v "$tool" >/dev/null || { echo "1..0 # SKIP $tool is missing"; exit 77; }
done
/usr/bin/python3 -c "import gi; gi.require_version('Atspi', '2.0')" 2>/dev/null || {
    echo "1..0 # SKIP python3-gi with Atspi is missing"; exit 77; }

[ -n "${SMM_E2E_INNER:-}" ] || exec "$here/with-session" "$0" "$@"
exec 3>>"$SMM_E2E_TAP"
work=$(mktemp -d)
trap 'kill $app 2>/dev/null; rm -rf "$work"' EXIT
export HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache
# gettext ignores LANGUAGE under C.UTF-8 (glibc 2.41 counts it as C): Turkish runs in tr_TR.UTF-8
locale=C.UTF-8
[ "$language" = en ] || locale=tr_TR.UTF-8
export GSETTINGS_SCHEMA_DIR=$schemas GSETTINGS_BACKEND=memory LANGUAGE=$language LC_ALL=$locale
export SMM_DESK_LOCALEDIR=$locales
. "$here/keyring.sh"
keyring_unlock || { echo "not ok 1 # the login keyring did not come up unlocked" >&3; exit 1; }
demo=--demo
[ "$script" = e2e-demo.py ] || demo=
"$desk" $demo >"$work/app.log" 2>&1 &
app=$!
/usr/bin/python3 "$here/$script" >&3
status=$?
[ $status -ne 0 ] && sed 's/^/# /' "$work/app.log" >&3
exit $status
