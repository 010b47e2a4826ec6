#!/usr/bin/python3
"""Drives the real SMM Desk window through AT-SPI, as a user would, on the demo panel:
search a service, order it, see the order with its id, refill it, cancel another, and
read the results back from labels. Run by tests/e2e-demo.sh."""
import gettext
import os
import subprocess
import sys
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

STEP_TIMEOUT = 20

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


def log(message):
    print('# ' + message, flush=True)


def fail(message):
    shot = os.environ.get('SMM_E2E_SCREENSHOT')
    if shot:
        subprocess.run(['import', '-window', 'root', shot], check=False)
    print('not ok 1 e2e-demo # ' + message, flush=True)
    sys.exit(1)


def shot(name):
    """With SMM_E2E_SHOTS=DIR, a screenshot of each step (to look at, and for the metainfo)."""
    folder = os.environ.get('SMM_E2E_SHOTS')
    if folder:
        subprocess.run(['import', '-window', 'root', os.path.join(folder, name + '.png')], check=False)


def showing(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.SHOWING)
    except Exception:
        return False


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


def find(root, role=None, name=None, contains=None, visible=False):
    for node in walk(root):
        try:
            if role and node.get_role_name() != role:
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
        time.sleep(0.25)
    fail('timed out waiting for ' + what)


def toplevel(app, title):
    """A window of the app (they are the app's children) by its title."""
    for i in range(app.get_child_count()):
        window = app.get_child_at_index(i)
        if window is not None and window.get_name() == title:
            return window
    return None


def find_app(name):
    def look():
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == name:
                return app
        return None
    return wait_for('the application', look)


def click(node):
    action = node.get_action_iface() if hasattr(node, 'get_action_iface') else node
    for i in range(action.get_n_actions()):
        if action.get_action_name(i) in ('click', 'press', 'activate'):
            action.do_action(i)
            return
    action.do_action(0)


def mouse_click(node):
    """GTK 4.8 does not grab focus over AT-SPI: a click where the widget is does."""
    # GTK 4 knows only window coordinates; with no window manager on Xvfb the window sits at 0,0
    rect = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
    Atspi.generate_mouse_event(rect.x + rect.width // 2, rect.y + rect.height // 2, 'b1c')
    time.sleep(0.3)


def type_text(node, text):
    mouse_click(node)
    Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)
    time.sleep(0.3)


def press(keysym, ctrl=False):
    if ctrl:
        Atspi.generate_keyboard_event(0xffe3, None, Atspi.KeySynthType.PRESS | Atspi.KeySynthType.SYM)
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.PRESSRELEASE | Atspi.KeySynthType.SYM)
    if ctrl:
        Atspi.generate_keyboard_event(0xffe3, None, Atspi.KeySynthType.RELEASE | Atspi.KeySynthType.SYM)
    time.sleep(0.3)


def labels(root):
    return [n.get_name() or '' for n in walk(root) if n.get_role_name() == 'label']


def place_order(app, search, link, quantity):
    entry = wait_for('the services search', lambda: find(app, name=T('Search services')))
    type_text(entry, search)
    press(0xff0d)   # Return: order the first match
    dialog = wait_for('the new-order dialog', lambda: toplevel(app, T('New Order')))
    type_text(wait_for('the link field', lambda: find(dialog, name=T('Link'))), link)
    type_text(wait_for('the quantity field', lambda: find(dialog, name=T('Quantity'))), quantity)
    place = wait_for('a sensitive Place Order button',
                     lambda: (lambda b: b if b is not None and b.get_state_set().contains(Atspi.StateType.SENSITIVE)
                              else None)(find(dialog, role='push button', contains=T('_Place Order'))))
    charge = [text for text in labels(dialog) if 'USD' in text]
    shot('order-dialog-' + quantity)
    log('charge shown: %s' % charge)
    click(place)
    confirm = wait_for('the confirmation', lambda: toplevel(app, T('Place This Order?'))
                       or find(app, role='dialog'))
    click(wait_for('the confirm button', lambda: find(confirm, role='push button', contains=T('_Place Order'))))
    # GTK 4.8 crashes when AT-SPI asks about a window just destroyed: give it time, do not poll
    time.sleep(2.5)
    # Escape in the search clears it for the next time
    mouse_click(entry)
    press(0xff1b)


def main():
    app = find_app('smm-desk')
    log('found the app')
    wait_for('the demo catalogue', lambda: find(app, contains=TN('%u service', '%u services', 50).replace('%u', '50'), role='label'))

    place_order(app, 'followers real 30', 'https://instagram.com/nasa', '100')
    log('placed the first order')
    place_order(app, 'tiktok views instant', 'https://tiktok.com/@nasa/video/1', '100000')
    log('placed the second order')

    click(wait_for('the Orders tab', lambda: find(app, name=T('Orders'), role='page tab')))
    page = wait_for('the orders page', lambda: find(app, name='SmmOrdersPage'))
    ids = wait_for('the order ids', lambda: (lambda found: found if len(set(found)) >= 2 else None)(
        [t for t in labels(page) if t in ('23501', '23502')]))
    log('orders shown with ids %s' % sorted(set(ids)))
    shot('orders')

    time.sleep(2)   # the demo panel delivers the small order
    mouse_click(wait_for('the first order', lambda: find(page, role='label', name='23501')))
    click(wait_for('the Refill button', lambda: find(page, role='push button', contains=TC('verb', '_Refill'))))
    results = wait_for('the refill results', lambda: toplevel(app, T('Refill Results')))
    texts = labels(results)
    shot('refill-results')
    log('refill results: %s' % texts)
    expected = T('Order %s: refill %s requested\n') % ('23501', '1')
    if not any(expected.strip() in t for t in texts):
        fail('no refill for order 23501 in %s' % texts)
    click(wait_for('Close', lambda: find(results, role='push button', contains=T('_Close'))))
    time.sleep(1.5)

    # the other order, still being delivered, is canceled
    mouse_click(wait_for('the second order', lambda: find(page, role='label', name='23502')))
    click(wait_for('the Cancel button', lambda: find(page, role='push button', contains=TC('verb', '_Cancel'))))
    confirm = wait_for('the cancel confirmation', lambda: toplevel(app, TN('Cancel %u Order?', 'Cancel %u Orders?', 1).replace('%u', '1')))
    click(wait_for('Cancel Orders', lambda: find(confirm, role='push button', contains=T('_Cancel Orders'))))
    results = wait_for('the cancel results', lambda: toplevel(app, T('Cancel Results')))
    texts = labels(results)
    log('cancel results: %s' % texts)
    expected = T('Order %s: cancel requested\n') % '23502'
    if not any(expected.strip() in t for t in texts):
        fail('order 23502 was not canceled: %s' % texts)
    print('ok 1 e2e-demo', flush=True)


if __name__ == '__main__':
    print('1..1', flush=True)
    main()
