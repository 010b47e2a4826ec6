#!/usr/bin/python3
"""Drives the real SMM Desk window through AT-SPI, as a user would, on the demo panel:
search a service, order it, see the order with its id, refill it, cancel another, and
read the results back from the screen. Run by tests/e2e-demo.sh."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_atspi import (SHOWN_OF_50, T, TC, TN, button, click, dialog, fail, field, find, find_app,  # noqa: E402
                       focused, labels, log, page, press, read_text, select_row, sensitive_button, set_text,
                       shot, wait_for, wait_gone)


RETURN = 0xff0d


def place_order(app, search, link, quantity, enter=False):
    """Orders the first match of @search: with Enter in the search (@enter; the search has the
    focus as the window opens), or by selecting the row and pressing Order…"""
    entry = wait_for('the services search', lambda: field(app, T('Search services')))
    set_text(entry, search)
    # the search filters as the user types: the first match is ordered
    wait_for('the search applied', lambda: find(app, role='label', contains=SHOWN_OF_50))
    if enter:
        wait_for('the focus in the search', lambda: focused(entry))
        press(RETURN)
    else:
        select_row(wait_for('the services table', lambda: find(app, name=T('Services'), roles=('tree table', 'table'))))
        click(wait_for('the Order button', lambda: sensitive_button(app, T('_Order…'))))
    order = wait_for('the new-order dialog', lambda: dialog(app, T('New Order')))
    set_text(wait_for('the link field', lambda: field(order, T('Link'))), link)
    set_text(wait_for('the quantity field', lambda: field(order, T('Quantity'))), quantity)
    place = wait_for('a sensitive Place Order button', lambda: sensitive_button(order, T('_Place Order')))
    charge = [text for text in labels(order) if 'USD' in text]
    shot('order-dialog-' + quantity)
    log('charge shown: %s' % charge)
    click(place)
    confirm = wait_for('the confirmation', lambda: dialog(app, T('Place This Order?')))
    click(wait_for('the confirm button', lambda: sensitive_button(confirm, T('_Place Order'))))
    # the dialog closes once the panel has answered; GTK 4.18 can be asked about it meanwhile
    wait_gone('the new-order dialog', lambda: dialog(app, T('New Order')))
    set_text(entry, '')
    if read_text(entry) != '':
        fail('the search was not cleared')


def main():
    app = find_app()
    log('found the app')
    wait_for('the demo catalogue', lambda: find(app, contains=TN('%u service', '%u services', 50).replace('%u', '50'),
                                                role='label'))

    place_order(app, 'followers real 30', 'https://instagram.com/nasa', '100', enter=True)
    log('placed the first order, chosen with Enter in the search')
    place_order(app, 'tiktok views instant', 'https://tiktok.com/@nasa/video/1', '100000')
    log('placed the second order')

    click(wait_for('the Orders tab', lambda: find(app, name=T('Orders'), role='page tab')))
    orders = wait_for('the orders page', lambda: page(app, T('Orders')))
    table = wait_for('the orders table', lambda: find(orders, roles=('tree table', 'table')))
    ids = wait_for('the order ids', lambda: (lambda found: found if len(set(found)) >= 2 else None)(
        [t for t in labels(orders) if t in ('23501', '23502')]))
    log('orders shown with ids %s' % sorted(set(ids)))
    shot('orders')

    # the demo panel delivers the small order within a few seconds: then it can be refilled
    select_row(table, '23501')
    refill = wait_for('the Refill button', lambda: sensitive_button(orders, TC('verb', '_Refill')))
    click(refill)
    results = wait_for('the refill results', lambda: dialog(app, T('Refill Results')))
    texts = wait_for('a refill result', lambda: [t for t in labels(results) if '23501' in t])
    shot('refill-results')
    log('refill results: %s' % texts)
    expected = T('Order %s: refill %s requested\n') % ('23501', '1')
    if not any(expected.strip() in t for t in texts):
        fail('no refill for order 23501 in %s' % texts)
    click(wait_for('Close', lambda: button(results, T('_Close'))))
    wait_gone('the refill results', lambda: dialog(app, T('Refill Results')))

    # the other order, still being delivered, is canceled
    select_row(table, '23502')
    click(wait_for('the Cancel button', lambda: sensitive_button(orders, TC('verb', '_Cancel'))))
    confirm = wait_for('the cancel confirmation',
                       lambda: dialog(app, TN('Cancel %u Order?', 'Cancel %u Orders?', 1).replace('%u', '1')))
    click(wait_for('Cancel Orders', lambda: sensitive_button(confirm, T('_Cancel Orders'))))
    results = wait_for('the cancel results', lambda: dialog(app, T('Cancel Results')))
    texts = wait_for('a cancel result', lambda: [t for t in labels(results) if '23502' in t])
    log('cancel results: %s' % texts)
    expected = T('Order %s: cancel requested\n') % '23502'
    if not any(expected.strip() in t for t in texts):
        fail('order 23502 was not canceled: %s' % texts)
    click(wait_for('Close', lambda: button(results, T('_Close'))))
    wait_gone('the cancel results', lambda: dialog(app, T('Cancel Results')))
    # Spending, with what it says was spent read back into the log beside the charges shown
    click(wait_for('the Spending tab', lambda: find(app, name=T('Spending'), role='page tab')))
    spending = wait_for('the spending page', lambda: page(app, T('Spending')))
    log('spending: %s' % [t for t in labels(spending) if 'USD' in t])
    shot('spending')
    print('ok 1 e2e-demo', flush=True)


if __name__ == '__main__':
    print('1..1', flush=True)
    main()
