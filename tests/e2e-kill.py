#!/usr/bin/python3
"""SMM Desk killed while an order is on its way: on the next start the order is there, unconfirmed.
Run by tests/e2e-kill.sh, which starts a slow panel and the app, kills the app, and starts it again."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_atspi import (SHOWN_OF_50, T, click, dialog, field, find, find_app, log, page,  # noqa: E402
                       select_row, sensitive_button, set_text, wait_for)


def place_and_leave(app):
    """Up to the confirmation; the order leaves and the caller kills the app before the answer."""
    entry = wait_for('the services search', lambda: field(app, T('Search services')))
    wait_for('the catalogue', lambda: find(app, role='label', name='Instagram Followers [Real, 30 days refill] [Max 10K]'),
             timeout=30)
    set_text(entry, 'followers real 30')
    wait_for('the search applied', lambda: find(app, role='label', contains=SHOWN_OF_50))
    select_row(wait_for('the services table', lambda: find(app, name=T('Services'), roles=('tree table', 'table'))))
    click(wait_for('the Order button', lambda: sensitive_button(app, T('_Order…'))))
    order = wait_for('the new-order dialog', lambda: dialog(app, T('New Order')))
    set_text(wait_for('the link field', lambda: field(order, T('Link'))), 'https://instagram.com/killed')
    set_text(wait_for('the quantity field', lambda: field(order, T('Quantity'))), '100')
    click(wait_for('Place Order', lambda: sensitive_button(order, T('_Place Order'))))
    confirm = wait_for('the confirmation', lambda: dialog(app, T('Place This Order?')))
    click(wait_for('the confirm button', lambda: sensitive_button(confirm, T('_Place Order'))))
    log('the order left')


def check_unconfirmed(app):
    click(wait_for('the Orders tab', lambda: find(app, name=T('Orders'), role='page tab')))
    orders = wait_for('the orders page', lambda: page(app, T('Orders')))
    label = wait_for('an unconfirmed order', lambda: find(orders, role='label', name=T('Unconfirmed')))
    log('shown: %s' % label.get_name())


def main():
    app = find_app()
    if sys.argv[1] == 'place':
        place_and_leave(app)
    else:
        check_unconfirmed(app)


if __name__ == '__main__':
    main()
