"""Tax (docs/rules.md#money-and-tax): prices that include VAT or come
before it, and a bill's tax split across the receipts that pay it so that
they carry exactly the bill's tax; a refund never carries back more tax
than it refunds or than was carried.  Property tests over bills, part
payments and refunds, on the pure rule and through the payment service."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontdesk.billing import cards, payments, quotes
from frontdesk.billing.pricing import QuoteItem
from frontdesk.billing.tax import convert, receipt_tax, tax_due_at, tax_in, tax_on
from frontdesk.db.engine import Database
from frontdesk.settings import store
from frontdesk.users import Actor, get_actor, list_users
from tests.billing.billing_helpers import NOW, add_card, add_schedule, diagnosing_ticket
from tests.conftest import seed_users

D = Decimal
RATES = st.sampled_from([D("0"), D("0.03"), D("0.06"), D("0.09"), D("0.13"), D("0.17")])
CENTS = st.integers(min_value=1, max_value=2_000_000).map(lambda c: D(c) / 100)


def test_prices_with_vat_and_before_it() -> None:
    assert (tax_in(D("56.50"), D("0.13")), tax_on(D("50.00"), D("0.13"))) == (D("6.50"), D("6.50"))
    assert tax_in(D("300.00"), D("0.13")) == D("34.51")
    assert convert(D("50.00"), D("0.13"), from_included=False, to_included=True) == D("56.50")
    assert convert(D("56.50"), D("0.13"), from_included=True, to_included=False) == D("50.00")
    assert convert(D("56.50"), D("0.13"), from_included=True, to_included=True) == D("56.50")


@st.composite
def bill_and_steps(draw: st.DrawFn) -> tuple[Decimal, Decimal, list[tuple[bool, Decimal]]]:
    """A bill (total, tax: with VAT included or added) and a run of part
    payments and refunds that ends paid in full."""
    rate, included, price = draw(RATES), draw(st.booleans()), draw(CENTS)
    tax = tax_in(price, rate) if included else tax_on(price, rate)
    total = price if included else price + tax
    paid, steps = D("0"), []
    for _n in range(draw(st.integers(0, 8))):
        if paid > 0 and draw(st.booleans()):
            amount = draw(st.integers(1, int(paid * 100)).map(lambda c: D(c) / 100))
            steps.append((False, amount))
            paid -= amount
        elif paid < total:
            amount = draw(st.integers(1, int((total - paid) * 100)).map(lambda c: D(c) / 100))
            steps.append((True, amount))
            paid += amount
    if paid < total:
        steps.append((True, total - paid))
    return total, tax, steps


@given(bill_and_steps())
@settings(max_examples=400)
def test_the_receipts_of_a_bill_paid_in_parts_carry_its_tax_exactly(case: tuple[Decimal, Decimal, list]) -> None:
    total, tax, steps = case
    carried, paid = D("0"), D("0")
    for inflow, amount in steps:
        after = paid + amount if inflow else paid - amount
        share = receipt_tax(amount, inflow=inflow, paid_after=after, carried_before=carried, total=total, tax=tax)
        assert D("0") <= share <= amount
        if not inflow:
            assert share <= carried  # a refund never carries back more than was carried
        carried += share if inflow else -share
        paid = after
        assert D("0") <= carried <= tax
    assert paid == total
    assert carried == tax
    assert tax_due_at(total, total, tax) == tax


@given(qty=st.integers(1, 7), inclusive=st.booleans(), card=st.booleans(), waive=st.integers(0, 30),
       parts=st.lists(st.integers(1, 99), min_size=1, max_size=4), corrected_pct=st.integers(1, 99))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_through_the_service_receipts_sum_to_the_bills_tax(
        sqlite_db: Database, qty: int, inclusive: bool, card: bool, waive: int, parts: list[int],
        corrected_pct: int) -> None:
    """Any bill (VAT included or added; a card stated on the other basis),
    maybe a waiver, paid in parts (each a share of what is left), one part
    corrected down and the rest paid again: the standing receipts carry the
    bill's tax (of what the customer pays, after a waiver) to the cent."""
    manager, clerk, card_id = _shop(sqlite_db)
    ticket = diagnosing_ticket(sqlite_db, clerk)
    with sqlite_db.write() as s:
        store(s, {"prices_include_tax": inclusive})
        quote = quotes.make_quote(s, clerk, ticket, [QuoteItem("labour", "medium"),
                                                     QuoteItem("part", "BX-THERM", qty=qty)],
                                  card_edition_id=card_id if card else None, now=NOW)
        quotes.approve_quote(s, clerk, quote.id, now=NOW)
        total, tax = quote.total, quote.tax
        assert (total == quote.subtotal) is inclusive
        if waive:
            payments.grant_waiver(s, manager, ticket, D(waive), "goodwill", now=NOW, counter="main")
        first = None
        for pct in parts:
            left = payments.balance(s, ticket).outstanding
            if left > 0:
                amount = min(left, max(D("0.01"), (left * pct / 100).quantize(D("0.01"))))
                receipt = payments.take_payment(s, clerk, ticket, "card", amount, now=NOW, counter="main")
                first = first or receipt
        assert first is not None
        lower = max(D("0.01"), (first.amount * corrected_pct / 100).quantize(D("0.01")))
        if lower != first.amount:
            payments.correct_receipt(s, manager, first.id, lower, "typed wrong", now=NOW, counter="main")
        left = payments.balance(s, ticket).outstanding
        if left > 0:
            payments.take_payment(s, clerk, ticket, "cash", left, now=NOW, counter="main")
        bal = payments.balance(s, ticket)
        assert bal.outstanding == 0
        standing = [payments.receipt_view(s, r.id) for r in payments.list_receipts(s, ticket_id=ticket)]
        standing = [r for r in standing if r.corrected_by_number is None]
        assert all(D("0") <= r.tax <= r.amount for r in standing)
        payable = total - bal.waived
        assert sum((r.tax for r in standing), D("0")) == bal.tax_carried == tax_due_at(payable, total, tax)
        if not waive:
            assert bal.tax_carried == tax


def _shop(db: Database) -> tuple[Actor, Actor, int]:
    """The users, a schedule before tax and a card with VAT, made once in
    the database hypothesis runs every example in."""
    with db.read() as s:
        if list_users(s):
            manager, clerk = get_actor(s, "manager"), get_actor(s, "clerk")
            return manager, clerk, cards.card_editions(s)[0].id
    manager, clerk = seed_users(db)
    add_schedule(db, manager, includes_tax=False)
    return manager, clerk, add_card(db, manager, includes_tax=True)
