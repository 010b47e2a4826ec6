# Sourced by with-keyring and the end-to-end scripts, inside their private D-Bus session.
# gnome-keyring-daemon --unlock returns before the daemon is on the bus: a test that asks too soon
# activates a second daemon, which has no login keyring and wants a prompt. keyring_unlock waits
# until the unlocked login collection answers, and starts the daemon again if it went away.

_keyring_login_unlocked () {
    # ask the bus first: a call to an unowned name would activate that second daemon
    dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus / \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true &&
    dbus-send --session --print-reply=literal --reply-timeout=2000 --dest=org.freedesktop.secrets \
        /org/freedesktop/secrets/collection/login org.freedesktop.DBus.Properties.Get \
        string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null | grep -q false
}

# keyring_unlock: an unlocked login keyring on the session bus, or a failure
keyring_unlock () {
    for _ in 1 2 3; do
        printf "test-password" | gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null 2>&1
        for _ in $(seq 100); do
            _keyring_login_unlocked && return 0
            sleep 0.1
        done
    done
    return 1
}
