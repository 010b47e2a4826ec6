# Sourced by with-display and with-session: a virtual X display of the test's own.
# `xvfb-run -a` picks the first display number that has no lock file, so two tests started at
# the same moment can pick the same one, and the first to end takes the display from the other
# ("Failed to open display"). Xvfb -displayfd lets the server itself bind a free display and say
# which.

# xvfb_start GEOMETRY: starts Xvfb, exports DISPLAY, and sets XVFB_PID; fails if it did not start
xvfb_start () {
    local geometry=$1 said
    said=$(mktemp)
    Xvfb -displayfd 3 -screen 0 "$geometry" -nolisten tcp 3>"$said" >/dev/null 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 300); do
        grep -q '^[0-9][0-9]*$' "$said" 2>/dev/null && break
        kill -0 "$XVFB_PID" 2>/dev/null || break
        sleep 0.1
    done
    DISPLAY=:$(head -n 1 "$said")
    rm -f "$said"
    if [ "$DISPLAY" = ":" ]; then
        kill "$XVFB_PID" 2>/dev/null
        return 1
    fi
    export DISPLAY
    unset WAYLAND_DISPLAY XAUTHORITY
}

# xvfb_stop: ends the display xvfb_start started, and waits for it
xvfb_stop () {
    [ -n "${XVFB_PID:-}" ] || return 0
    kill "$XVFB_PID" 2>/dev/null
    wait "$XVFB_PID" 2>/dev/null
    XVFB_PID=
}
