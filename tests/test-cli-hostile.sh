#!/usr/bin/env bash
# A hostile panel's strings from the command line: `services` against recorded replies with lone
# surrogates, NULs, control characters and bytes that are not UTF-8 (served by tests/bare-panel.py)
# prints valid UTF-8, as JSON and as a table, with the repaired names.
set -euo pipefail
cli=$1 bare=$2 data=$3
. "$(dirname "$0")/smm-test-processes.sh"
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config SMM_API_KEY=BARE-PANEL-KEY
fail() { echo "FAIL: $*" >&2; exit 1; }

serve() {  # reply file: starts the bare panel answering `services` with it (the one before ends), sets $url
    [ ${#pids[@]} -gt 0 ] && kill "${pids[-1]}" 2>/dev/null
    rm -f "$work/bare.out"
    start bare "$bare" "$work/bare.log" "$data/$1"
    url=$(first_line bare)
}

for reply in services-surrogates.json services-nul.json services-raw-invalid.json; do
    echo "# $reply"
    serve "$reply"
    "$cli" --url "$url" --json services >"$work/out.json" 2>>"$log" || fail "$reply: --json services failed"
    "$cli" --url "$url" services >"$work/out.txt" 2>>"$log" || fail "$reply: services failed"
    python3 - "$reply" "$work/out.json" "$work/out.txt" <<'PY' || fail "$reply: $(cat "$work/out.json")"
import json, sys
reply, out_json, out_txt = sys.argv[1:]
text = open(out_txt, "rb").read().decode("utf-8")            # strict: raises on invalid UTF-8
assert not any(ord(c) < 0x20 and c not in "\n" for c in text), repr(text)
services = json.loads(open(out_json, "rb").read().decode("utf-8"))
for s in services:
    for value in s.values():
        if isinstance(value, str):
            value.encode("utf-8")                              # no lone surrogate survives
            assert not any(ord(c) < 0x20 for c in value if c not in "\t\n"), repr(value)
names = [s["name"] for s in services]
expected = {
    "services-surrogates.json": ["Followers \ufffdx", "\ufffd\ufffd", "Likes \ufffd", "Fire \U0001F525",
                                 "Views \ufffdA"],
    "services-nul.json": ["Net\ufffdflix", "Tab and new line"],
    "services-raw-invalid.json": ["Ov\ufffd\ufffder", "Cont\ufffd\ufffdinuation"],
}[reply]
assert names == expected, names
PY
done
echo "ok"
