#!/usr/bin/env bash
# backup and restore from the command line: a checked copy, a restore refused while SMM Desk has
# the history open, refused for a file that is not a history, and the replaced history kept.
# Runs inside tests/with-keyring (accounts keep their key there).
set -euo pipefail
cli=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/data
db=$XDG_DATA_HOME/smm-desk/smm-desk.db
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "# $*"; }

step "a history with one account, backed up"
SMM_API_KEY=k1 "$cli" accounts add --name "Panel One" --url https://one.example/api/v2 --no-check >/dev/null
out=$("$cli" backup "$work/copy.db")
grep -q "backed up to $work/copy.db" <<<"$out" || fail "backup: $out"
"$cli" backup "$work/copy.db" 2>/dev/null && fail "a backup over an existing file"
SMM_API_KEY=k2 "$cli" accounts add --name "Panel Two" --url https://two.example/api/v2 --no-check >/dev/null

step "refused while a running SMM Desk holds the history's lock"
mkdir -p "$(dirname "$db")/locks"
exec 9>"$(dirname "$db")/locks/running.lock"
flock -n 9
"$cli" restore "$work/copy.db" 2>"$work/err" && fail "restore while the history is open"
grep -q "close it" "$work/err" || fail "no reason given: $(cat "$work/err")"
exec 9>&-

step "a file that is not a history is refused, and the history stays"
echo "not a database" >"$work/notes.db"
"$cli" restore "$work/notes.db" 2>"$work/err" && fail "restore of a text file"
grep -q "damaged\|not an SMM Desk" "$work/err" || fail "no reason given: $(cat "$work/err")"
[ "$("$cli" accounts list | grep -c Panel)" = 2 ] || fail "the history changed"

step "restored, the replaced history kept beside it"
out=$("$cli" restore "$work/copy.db")
grep -q "restored from $work/copy.db" <<<"$out" || fail "restore: $out"
kept=$(sed -n 's/^The history it replaced is kept as \(.*\)\.$/\1/p' <<<"$out")
[ -f "$kept" ] || fail "the replaced history is not kept: $out"
[ "$("$cli" accounts list | grep -c Panel)" = 1 ] || fail "the backup was not restored"

step "the automatic backups are listed"
"$cli" restore --list | grep -q "no automatic backups\|smm-desk-" || fail "restore --list"
echo "ok"
