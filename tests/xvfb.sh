# Sourced by with-display and with-session: a virtual X display of the test's own.
# `xvfb-run -a` picks the first display number that has no lock file, and Debian testing's Xvfb
# makes none: two tests started at the same moment got the same display, and the first to end
# took it from the other. Each test asks for a number of its own instead, made from its process
# id (unique among the processes running), and Xvfb -displayfd says when that display is ready,
# or the server's death says that it was taken.

# xvfb_start GEOMETRY: starts Xvfb, exports DISPLAY, and sets XVFB_PID; fails if it did not start
xvfb_start () {
    local geometry=$1 said number
    said=$(mktemp)
    for attempt in 0 1 2 3 4; do
        number=$(( 100 + ($$ + attempt * 4099 + RANDOM * attempt) % 30000 ))
        : >"$said"
        Xvfb ":$number" -displayfd 3 -screen 0 "$geometry" -nolisten tcp 3>"$said" >/dev/null 2>&1 &
        XVFB_PID=$!
        for _ in $(seq 300); do
            grep -q '^[0-9][0-9]*$' "$said" 2>/dev/null && break
            kill -0 "$XVFB_PID" 2>/dev/null || break
            sleep 0.1
        done
        if grep -q "^$number\$" "$said" 2>/dev/null; then
            rm -f "$said"
            export DISPLAY=":$number"
            unset WAYLAND_DISPLAY XAUTHORITY
            return 0
        fi
        kill "$XVFB_PID" 2>/dev/null
        wait "$XVFB_PID" 2>/dev/null
    done
    rm -f "$said"
    XVFB_PID=
    return 1
}

# xvfb_stop: ends the display xvfb_start started, and waits for it
xvfb_stop () {
    [ -n "${XVFB_PID:-}" ] || return 0
    kill "$XVFB_PID" 2>/dev/null
    wait "$XVFB_PID" 2>/dev/null
    XVFB_PID=
}
