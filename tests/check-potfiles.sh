#!/usr/bin/env bash
# Every source file that marks strings for translation is listed in po/POTFILES.in, and
# every listed file exists.
set -eu
top=$1
cd "$top"
status=0
while IFS= read -r f; do
    grep -qxF "$f" po/POTFILES.in || { echo "po/POTFILES.in does not list $f"; status=1; }
done < <(grep -rlE '_\("|N_\("|C_\("|ngettext\(|translatable="yes"' src --include='*.c' --include='*.ui' | sort)
while IFS= read -r f; do
    case "$f" in ''|'#'*) continue;; esac
    [ -f "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist"; status=1; }
done < po/POTFILES.in
exit $status
