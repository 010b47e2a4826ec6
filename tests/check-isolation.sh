#!/usr/bin/env bash
# check-isolation.sh: the home the test suite gives every test, which no test may use, and the
# suite's last test: nothing was written there, and no process a test started outlived it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-isolation.sh make DIR    at configure time: HOME and XDG_CONFIG_HOME, XDG_CACHE_HOME and
#                                  XDG_STATE_HOME lie under a plain file, so that anything made in
#                                  them fails (as root too); XDG_DATA_HOME holds an smm-desk.db that
#                                  is no database, as a user's broken history would be
#   check-isolation.sh check DIR   TAP: DIR is as made, and no process carries this build's
#                                  SMM_TEST_BUILD_DIR but this one
# A test that opens the user's history instead of one of its own fails on that file; one that
# writes elsewhere in the user's directories fails to, or is named here.
set -u
mode=$1 dir=$2
history="This is not an order history: a test opened the user's data directory, not one of its own."

expected() {
    printf '%s\n' "$dir/data" "$dir/data/smm-desk" "$dir/data/smm-desk/smm-desk.db" "$dir/not-a-directory"
}

case $mode in
make)
    mkdir -p "$dir/data/smm-desk"
    rm -f "$dir/data/smm-desk/smm-desk.db" "$dir/not-a-directory"
    printf '%s\n' "$history" >"$dir/data/smm-desk/smm-desk.db"
    printf '%s\n' "HOME and the XDG directories of the tests lie under this file: nothing can be made there." \
        >"$dir/not-a-directory"
    chmod a-w "$dir/data/smm-desk/smm-desk.db" "$dir/not-a-directory"
    ;;
check)
    echo "1..2"
    found=$(find "$dir" -mindepth 1 | sort)
    if [ "$found" = "$(expected)" ] && [ "$(cat "$dir/data/smm-desk/smm-desk.db")" = "$history" ]; then
        echo "ok 1 no test wrote to the user's directories"
    else
        echo "not ok 1 a test wrote to the user's directories ($dir)"
        diff <(expected) <(printf '%s\n' "$found") | sed 's/^/# /'
        rm -rf "$dir" && "$0" make "$dir"   # as new, for the next run
    fi
    mark="SMM_TEST_BUILD_DIR=$SMM_TEST_BUILD_DIR"
    for _ in $(seq 25); do
        survivors=()
        for environ in /proc/[0-9]*/environ; do
            pid=${environ#/proc/}
            pid=${pid%/environ}
            [ "$pid" = "$$" ] && continue
            while IFS= read -r -d '' var; do
                [ "$var" = "$mark" ] && { survivors+=("$pid"); break; }
            done 2>/dev/null <"$environ"
        done
        [ ${#survivors[@]} -eq 0 ] && break
        sleep 0.2   # a process ending as its test ended
    done
    if [ ${#survivors[@]} -eq 0 ]; then
        echo "ok 2 no process a test started is still running"
    else
        echo "not ok 2 processes the tests started are still running"
        for pid in "${survivors[@]}"; do
            echo "# $pid $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)"
        done
        kill -9 "${survivors[@]}" 2>/dev/null
    fi
    ;;
esac
