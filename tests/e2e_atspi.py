"""What the end-to-end tests share: finding SMM Desk's controls over AT-SPI by the names the user
reads, and using them as a person would. GTK 4.18's accessibility gives all that is needed: text is
set and read back through EditableText and Text, rows are selected through Selection, buttons are
used through their actions, and a key goes to the widget that AT-SPI reports focused; nothing is
clicked at screen coordinates."""
import gettext
import os
import subprocess
import sys
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

STEP_TIMEOUT = 20
TEST_NAME = os.path.splitext(os.path.basename(sys.argv[0]))[0]

# Controls are found by the names the user sees: in Turkish when LANGUAGE=tr, from the built catalogue.
_catalogue = gettext.translation('smm-desk', localedir=os.environ.get('SMM_DESK_LOCALEDIR'),
                                 languages=[os.environ.get('LANGUAGE', 'en')], fallback=True)


def T(text):
    """What the user reads for @text, without the mnemonic underscore."""
    return _catalogue.gettext(text).replace('_', '')


def TC(context, text):
    return _catalogue.pgettext(context, text).replace('_', '')


def TN(singular, plural, n):
    return _catalogue.ngettext(singular, plural, n)


# the services count while a search narrows the demo panel's 50 ("6 of 50 services"): its tail
SHOWN_OF_50 = TN('%u of %u service', '%u of %u services', 50).split('%u', 1)[1].replace('%u', '50')


def log(message):
    print('# ' + message, flush=True)


def shot(name):
    """With SMM_E2E_SHOTS=DIR, a screenshot of each step (to look at, and for the metainfo)."""
    folder = os.environ.get('SMM_E2E_SHOTS')
    if folder:
        subprocess.run(['import', '-window', 'root', os.path.join(folder, name + '.png')], check=False)


def fail(message):
    shot('failure')
    print('not ok 1 %s # %s' % (TEST_NAME, message), flush=True)
    sys.exit(1)


def states(node):
    try:
        return node.get_state_set()
    except Exception:
        return None


def showing(node):
    state = states(node)
    return state is not None and state.contains(Atspi.StateType.SHOWING)


def sensitive(node):
    state = states(node)
    return state is not None and state.contains(Atspi.StateType.SENSITIVE)


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    try:
        count = node.get_child_count()
    except Exception:
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def find(root, role=None, name=None, contains=None, visible=False, roles=None):
    for node in walk(root):
        try:
            node_role = node.get_role_name()
            if role and node_role != role:
                continue
            if roles and node_role not in roles:
                continue
            node_name = node.get_name() or ''
        except Exception:
            continue
        if name is not None and node_name != name:
            continue
        if contains is not None and contains not in node_name:
            continue
        if visible and not showing(node):
            continue
        return node
    return None


def wait_for(what, fn, timeout=STEP_TIMEOUT):
    end = time.time() + timeout
    while time.time() < end:
        found = fn()
        if found:
            return found
        time.sleep(0.2)
    fail('timed out waiting for ' + what)


def wait_gone(what, fn, timeout=STEP_TIMEOUT):
    wait_for(what + ' to close', lambda: not fn(), timeout)


def find_app(name='smm-desk'):
    def look():
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == name:
                return app
        return None
    return wait_for('the application', look)


DIALOG_ROLES = ('dialog', 'alert', 'frame', 'window')


def dialog(app, title):
    """A window or an AdwDialog (which lives inside its window) by its title, while it is shown."""
    return find(app, name=title, roles=DIALOG_ROLES, visible=True)


def page(app, title):
    """A page of the main window (a panel of its view stack) by its title, once it is shown."""
    for node in walk(app):
        try:
            if node.get_role_name() == 'panel' and node.get_name() == title and showing(node) \
                    and node.get_child_count() > 0:
                return node
        except Exception:
            continue
    return None


def button(root, label):
    """A button by what it reads (mnemonic underscores dropped)."""
    return find(root, roles=('button', 'push button', 'toggle button'), contains=label, visible=True)


def sensitive_button(root, label):
    found = button(root, label)
    return found if found is not None and sensitive(found) else None


def field(root, name):
    """A text field by its label: a GtkEntry ("entry") or the text of an AdwEntryRow ("text")."""
    for node in walk(root):
        try:
            if node.get_role_name() in ('entry', 'text') and node.get_name() == name \
                    and 'EditableText' in node.get_interfaces():
                return node
        except Exception:
            continue
    return None


def do(node, *names):
    """Runs the first of @names that @node offers among its actions."""
    offered = [node.get_action_name(i) for i in range(node.get_n_actions())]
    for wanted in names:
        if wanted in offered:
            node.do_action(offered.index(wanted))
            return
    fail('%s offers none of %s, only %s' % (node.get_name(), names, offered))


def click(node):
    do(node, 'click', 'press', 'activate')


def set_text(entry, text):
    """Types @text into @entry, and reads it back from the entry to be sure it is there."""
    if not Atspi.EditableText.set_text_contents(entry, text):
        fail('could not type into %s' % entry.get_name())
    wait_for('"%s" in %s' % (text, entry.get_name()), lambda: read_text(entry) == text)


def read_text(entry):
    return Atspi.Text.get_text(entry, 0, Atspi.Text.get_character_count(entry))


def focused(node):
    state = states(node)
    return state is not None and state.contains(Atspi.StateType.FOCUSED)


def press(keysym):
    """A key pressed and released, as the keyboard does: it goes to the focused widget."""
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.PRESSRELEASE | Atspi.KeySynthType.SYM)


def labels(root):
    return [n.get_name() or '' for n in walk(root) if n.get_role_name() == 'label']


def select_row(table, contains=None):
    """Selects the row of @table whose text holds the word @contains (None: the first row), as a
    click on it would."""
    rows = find(table, role='list')
    if rows is None:
        fail('no rows in %s' % table.get_name())

    def look():
        for i in range(rows.get_child_count()):
            row = rows.get_child_at_index(i)
            if row is not None and (contains is None or contains in (row.get_name() or '').split()):
                return i + 1
        return None
    index = wait_for('the row of %s' % (contains or 'the first match'), look) - 1
    Atspi.Selection.clear_selection(rows)
    if not Atspi.Selection.select_child(rows, index):
        fail('could not select the row of %s' % contains)
    wait_for('the row of %s selected' % contains, lambda: Atspi.Selection.is_child_selected(rows, index))
