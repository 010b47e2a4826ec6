# smm-test-processes.sh: what the test scripts share: a work directory, and the processes they
# start, each ended when the script ends, and checked gone
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by tests/test-cli-*.sh. Start a process with `start`, in the script's own shell, never
# inside $(…): there its pid lands in a copy of `pids` that the exit trap never sees, and the
# process outlives the test. Whatever the script started carries its mark in its environment, so
# the exit trap finds a process however it was started, says which and fails the script.

work=$(mktemp -d)
pids=()
log=$work/debug.log
marked=()
export SMM_TEST_SCRIPT_MARK="$$-$RANDOM$RANDOM"

step() { echo "# $*"; }

# start NAME COMMAND…: COMMAND in the background, its standard output in $work/NAME.out
start() {
    local name=$1
    shift
    "$@" >"$work/$name.out" 2>>"$log" &
    pids+=($!)
}

# first_line NAME: the first line the command started as NAME wrote (a panel's URL), once written
first_line() {
    for _ in $(seq 100); do [ -s "$work/$1.out" ] && break; sleep 0.05; done
    head -n 1 "$work/$1.out"
}

# Sets `marked` to the processes but this shell that carry the script's mark: builtins only, as a
# command started here would carry it too
find_marked() {
    local environ pid var
    marked=()
    for environ in /proc/[0-9]*/environ; do
        pid=${environ#/proc/}
        pid=${pid%/environ}
        [ "$pid" = "$$" ] && continue
        while IFS= read -r -d '' var; do
            if [ "$var" = "SMM_TEST_SCRIPT_MARK=$SMM_TEST_SCRIPT_MARK" ]; then
                marked+=("$pid")
                break
            fi
        done 2>/dev/null <"$environ" || true
    done
}

end_processes() {
    local status=$? p
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        find_marked
        [ ${#marked[@]} -eq 0 ] && break
        sleep 0.2
    done
    if [ ${#marked[@]} -gt 0 ]; then
        for p in "${marked[@]}"; do
            echo "FAIL: still running after the test: $p $(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null)" >&2
        done
        kill -9 "${marked[@]}" 2>/dev/null || true
        status=1
    fi
    rm -rf "$work"
    exit "$status"
}
trap end_processes EXIT
