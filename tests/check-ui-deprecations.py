#!/usr/bin/python3
"""No template uses a widget that the libraries at hand deprecate, but for the shortcuts window,
which the floor has no replacement for (src/ui/smm-compat.c). The compiler's deprecation warnings
do not see .ui files; this reads the deprecated types from the GTK and libadwaita headers.

  check-ui-deprecations.py SOURCE-DIR GTK-INCLUDE-DIR ADW-INCLUDE-DIR [--report]

Fails on a widget outside the allowed ones that the floor (GTK 4.18, libadwaita 1.7) already
deprecates; what only newer libraries deprecate is counted, not failed (the newest-stack leg).
--report never fails."""
import glob
import os
import re
import sys

ALLOWED = {  # deprecated in GTK 4.18; AdwShortcutsDialog arrives in libadwaita 1.8
    ('smm-shortcuts-window.ui', name)
    for name in ('GtkShortcutsWindow', 'GtkShortcutsSection', 'GtkShortcutsGroup', 'GtkShortcutsShortcut')
}


FLOOR = {'GDK': (4, 18), 'ADW': (1, 7)}


def by_floor(version):
    """Whether the floor already deprecates what @version (GDK_DEPRECATED_IN_4_10…) names"""
    match = re.match(r'(GDK|ADW)_DEPRECATED_IN_(\d+)_(\d+)', version)
    return match is None or (int(match.group(2)), int(match.group(3))) <= FLOOR[match.group(1)]


def type_name(function):
    """gtk_shortcuts_window_get_type -> GtkShortcutsWindow"""
    return ''.join(part.capitalize() for part in function[:-len('_get_type')].split('_'))


def deprecated_types(gtk_dir, adw_dir):
    found = {}
    # GTK moves what it deprecates to gtk/deprecated/, whose every type is deprecated
    for header in glob.glob(os.path.join(gtk_dir, 'gtk', 'deprecated', '*.h')):
        text = open(header, encoding='utf-8').read()
        version = re.search(r'GDK_DEPRECATED_IN_(\d+)_(\d+)', text)
        for function in re.findall(r'\b(gtk_\w+_get_type)\s*\(', text):
            found[type_name(function)] = version.group(0) if version else 'deprecated'
    # libadwaita marks the type itself
    for header in glob.glob(os.path.join(adw_dir, '*.h')):
        text = open(header, encoding='utf-8').read()
        for version, name in re.findall(r'(ADW_DEPRECATED_IN_\d+_\d+)\w*(?:\([^)]*\))?\s*'
                                        r'G_DECLARE_\w+_TYPE\s*\(\s*(\w+)', text):
            found[name] = version
        for version, function in re.findall(r'(ADW_DEPRECATED_IN_\d+_\d+)\w*(?:\([^)]*\))?\s*'
                                            r'GType\s+(adw_\w+_get_type)', text):
            found[type_name(function)] = version
    return found


def main():
    source, gtk_dir, adw_dir = sys.argv[1:4]
    report = '--report' in sys.argv[4:]
    deprecated = deprecated_types(gtk_dir, adw_dir)
    if 'GtkShortcutsWindow' not in deprecated and 'GtkDialog' not in deprecated:
        print('SKIP: no deprecated types found in %s' % gtk_dir)
        sys.exit(77)
    uses = []
    for path in sorted(glob.glob(os.path.join(source, 'src', 'ui', '**', '*.ui'), recursive=True)):
        for name in re.findall(r'<(?:object|template)\s+class="(\w+)"', open(path, encoding='utf-8').read()):
            if name in deprecated:
                uses.append((os.path.basename(path), name, deprecated[name]))
    unexpected = [use for use in uses if use[:2] not in ALLOWED]
    failing = [use for use in unexpected if by_floor(use[2])]
    for (path, name, version) in sorted(set(uses)):
        print('%s: %s (%s) ×%d%s' % (path, name, version, uses.count((path, name, version)),
                                     '' if (path, name) in ALLOWED else '  <- not allowed'))
    print('Deprecated widgets in templates: %d, of which outside smm-compat: %d' % (len(uses), len(unexpected)))
    if failing and not report:
        sys.exit(1)


if __name__ == '__main__':
    main()
