#!/usr/bin/python3
"""SMM Desk killed while an order is on its way: on the next start the order is there, unconfirmed.
Run by tests/e2e-kill.sh, which starts a slow panel and the app, kills the app, and starts it again."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib.util  # noqa: E402

spec = importlib.util.spec_from_file_location('e2e', os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                                  'e2e-demo.py'))
e2e = importlib.util.module_from_spec(spec)
spec.loader.exec_module(e2e)
T = e2e.T


def place_and_leave(app):
    """Up to the confirmation; the order leaves and the caller kills the app before the answer."""
    entry = e2e.wait_for('the services search', lambda: e2e.find(app, name=T('Search services')))
    e2e.wait_for('the catalogue', lambda: e2e.find(app, role='label', name='Instagram Followers [Real, 30 days refill] [Max 10K]'),
                 timeout=30)
    e2e.type_text(entry, 'followers real 30')
    e2e.press(0xff0d)
    dialog = e2e.wait_for('the new-order dialog', lambda: e2e.toplevel(app, T('New Order')))
    e2e.type_text(e2e.wait_for('the link field', lambda: e2e.find(dialog, name=T('Link'))), 'https://instagram.com/killed')
    e2e.type_text(e2e.wait_for('the quantity field', lambda: e2e.find(dialog, name=T('Quantity'))), '100')
    e2e.click(e2e.wait_for('Place Order', lambda: e2e.find(dialog, role='push button', contains=T('_Place Order'))))
    confirm = e2e.wait_for('the confirmation', lambda: e2e.toplevel(app, T('Place This Order?')))
    e2e.click(e2e.wait_for('the confirm button', lambda: e2e.find(confirm, role='push button', contains=T('_Place Order'))))
    print('# the order left', flush=True)


def check_unconfirmed(app):
    e2e.click(e2e.wait_for('the Orders tab', lambda: e2e.find(app, name=T('Orders'), role='page tab')))
    page = e2e.wait_for('the orders page', lambda: e2e.find(app, name='SmmOrdersPage'))
    label = e2e.wait_for('an unconfirmed order', lambda: e2e.find(page, role='label', name=T('Unconfirmed')))
    print('# shown: %s' % label.get_name(), flush=True)


def main():
    app = e2e.find_app('smm-desk')
    if sys.argv[1] == 'place':
        place_and_leave(app)
    else:
        check_unconfirmed(app)


if __name__ == '__main__':
    main()
