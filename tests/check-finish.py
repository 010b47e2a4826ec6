#!/usr/bin/python3
"""Every `_finish` in src/ that takes a GAsyncResult checks it with g_task_is_valid() first: a result
of another call, or of another object, is a programmer's error caught at once (STYLE.md, "GObject").

  check-finish.py SOURCE-DIR"""
import glob
import os
import re
import sys

DEFINITION = re.compile(r'^(\w+_finish\w*) \(([^)]*)\)\n\{\n(.*?)\n\}\n', re.M | re.S)


def main():
    root = sys.argv[1]
    failures = []
    count = 0
    for path in sorted(glob.glob(os.path.join(root, 'src', '**', '*.c'), recursive=True)):
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for match in DEFINITION.finditer(text):
            name, params, body = match.groups()
            if 'GAsyncResult' not in params:
                continue
            count += 1
            if 'g_task_is_valid' not in body:
                line = text.count('\n', 0, match.start()) + 1
                failures.append(f'{os.path.relpath(path, root)}:{line}: {name} does not check g_task_is_valid()')
    for failure in failures:
        print(failure)
    print(f'{count} _finish functions, {len(failures)} without g_task_is_valid()')
    return 1 if failures or count == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
