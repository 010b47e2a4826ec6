#!/usr/bin/python3
"""An API key typed into the account dialog stays hidden from everything that reads the window over
AT-SPI (screen readers, automation tools): no name, description or text of any accessible in the
application holds it, while the key field still reports that it holds a password.
Run by tests/e2e-demo.sh with SMM_E2E_SCRIPT=e2e-secrets.py, on an empty history."""
import os
import sys

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_atspi import T, click, dialog, fail, find_app, log, sensitive_button, shot, wait_for, walk  # noqa: E402

KEY = 'k3y-SECRET-4f9a2c'


def key_field(root):
    """The API key's text: AdwPasswordEntryRow's editable text, by the row's title."""
    for node in walk(root):
        try:
            if 'EditableText' in node.get_interfaces() and node.get_name() == T('API Key'):
                return node
        except Exception:
            continue
    return None


def text_said(node):
    """What each of the Text interface's getters gives for @node."""
    said = [Atspi.Text.get_text(node, 0, -1) or '']
    count = Atspi.Text.get_character_count(node)
    characters = ''
    for offset in range(count):
        for granularity in (Atspi.TextGranularity.CHAR, Atspi.TextGranularity.WORD,
                            Atspi.TextGranularity.SENTENCE, Atspi.TextGranularity.LINE,
                            Atspi.TextGranularity.PARAGRAPH):
            said.append(Atspi.Text.get_string_at_offset(node, offset, granularity).content or '')
        characters += chr(Atspi.Text.get_character_at_offset(node, offset) or 32)
    said.append(characters)
    return said


def everything_said(app):
    """Every string an AT-SPI client can read from the application's accessibles, with where."""
    said = []
    for node in walk(app):
        where = '%s "%s"' % (node.get_role_name(), node.get_name())
        said.append((where + ' name', node.get_name() or ''))
        said.append((where + ' description', node.get_description() or ''))
        said.extend((where + ' attribute', str(value)) for value in (node.get_attributes() or {}).values())
        if 'Text' in node.get_interfaces():
            said.extend((where + ' text', text) for text in text_said(node))
    return said


def main():
    app = find_app()
    click(wait_for('the Add a Panel Account button', lambda: sensitive_button(app, T('_Add a Panel Account'))))
    account = wait_for('the account dialog', lambda: dialog(app, T('Add Panel Account')))
    field = wait_for('the API key field', lambda: key_field(account))
    if not Atspi.EditableText.set_text_contents(field, KEY):
        fail('could not type the key')
    # the dialog has the key once Save is offered (the first preset gives the name and the address)
    wait_for('the key in the field', lambda: Atspi.Text.get_character_count(field) == len(KEY))
    wait_for('a sensitive Save button', lambda: sensitive_button(account, T('_Save')))
    shot('account-key')
    leaks = [(where, text) for where, text in everything_said(app) if KEY in text or KEY[4:10] in text]
    if leaks:
        fail('the key can be read over AT-SPI: %s' % leaks)
    # the field itself, read every way: a failing getter must fail the test, not hide a leak
    read = sorted(set(text_said(field)))
    log('the key field is a "%s" that reads %r' % (field.get_role_name(), read))
    if any(KEY in text or KEY[4:10] in text for text in read):
        fail('the key field gives the key: %s' % read)
    print('ok 1 e2e-secrets', flush=True)


if __name__ == '__main__':
    print('1..1', flush=True)
    main()
