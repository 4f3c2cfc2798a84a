"""A repair with a loaner and its deposit, to the cent, through the day
close (docs/rules.md#loaner-deposits, #the-day-close): the deposit is apart
from the bill, refunded whole on a good return, kept in part for damage as
a damage charge, and the drawer expects exactly the money that stayed."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from frontdesk import settings
from frontdesk.billing import payments, quotes
from frontdesk.billing.pricing import QuoteItem
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.errors import NeedsManager, ValidationError
from frontdesk.loaners import service as loaners
from frontdesk.users import Actor
from tests.billing.billing_helpers import add_schedule
from tests.loaners.loaner_helpers import NOW, add_units, workshop_ticket

D = Decimal
FLOAT = D("500.00")


def _repair_with_loaner(db: Database, manager: Actor, clerk: Actor) -> int:
    """A refrigerator pulled back, a loaner lent with a 300 cash deposit
    before any quote, then quoted 50 + 13 % = 56.50, approved and paid."""
    add_schedule(db, manager)
    ticket = workshop_ticket(db, clerk)
    add_units(db, manager, "LN-001")
    with db.write() as s:
        loaners.lend(s, clerk, ticket, "LN-001", condition_out="外观良好", deposit="300", tendered="300", now=NOW,
                     counter="main")
        quote = quotes.make_quote(s, clerk, ticket, [QuoteItem("labour", "minor")], now=NOW)
        assert quote.total == D("56.50")
        quotes.approve_quote(s, clerk, quote.id, now=NOW)
        bal = payments.balance(s, ticket)
        # the deposit does not pay the bill: all of it is still owed, all of the deposit held
        assert (bal.due, bal.paid, bal.outstanding, bal.deposits_held) == (D("56.50"), 0, D("56.50"), D("300.00"))
        paid = payments.take_payment(s, clerk, ticket, "cash", "56.50", tendered="100", now=NOW, counter="main")
        assert (paid.tax, paid.change) == (D("6.50"), D("43.50"))
    return ticket


def _kinds(db: Database, ticket: int) -> list[tuple[str, Decimal, Decimal]]:
    with db.read() as s:
        return [(r.kind, r.amount, r.net) for r in payments.list_receipts(s, ticket_id=ticket)]


def test_a_good_return_refunds_the_whole_deposit_and_the_drawer_keeps_the_bill(
        db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket = _repair_with_loaner(db, manager, clerk)
    with db.write() as s:
        loan = loaners.return_loan(s, clerk, "LN-001", "外观良好", now=NOW + timedelta(hours=2), counter="main")
        assert (loan.deposit_outcome, loan.refunded, loan.kept) == (loaners.REFUNDED, D("300.00"), None)
    assert _kinds(db, ticket) == [("deposit", D("300.00"), D("300.00")), ("payment", D("56.50"), D("56.50")),
                                  ("deposit_refund", D("300.00"), D("-300.00"))]
    with db.read() as s:
        bal = payments.balance(s, ticket)
        assert (bal.outstanding, bal.deposits_held, bal.refundable) == (0, 0, 0)
        refund = payments.receipt_view(s, loan.refund_receipt_id or 0)
        assert refund.tax == 0 and "Deposit taken: ¥300.00" in refund.text and "Refunded: ¥300.00" in refund.text
    with db.write() as s:  # the drawer holds the float and the bill, nothing of the deposit
        f = dayclose.save_count(s, manager, NOW.date(), FLOAT, counted="556.50", counter="main", now=NOW)
    assert (f.payments_total, f.deposits_taken, f.deposits_returned, f.deposits_kept) == (
        D("56.50"), D("300.00"), D("300.00"), 0)
    assert f.cash_moved == D("56.50")
    assert (f.expected_cash, f.over_short) == (FLOAT + D("56.50"), 0)


def test_a_manager_keeps_part_of_the_deposit_as_a_damage_charge(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket = _repair_with_loaner(db, manager, clerk)
    back = NOW + timedelta(hours=2)
    with db.write() as s, pytest.raises(NeedsManager):
        loaners.return_loan(s, clerk, "LN-001", "外壳裂", damage="外壳裂了一道", keep="120", now=back, counter="main")
    with db.write() as s, pytest.raises(ValidationError, match="Describe the damage"):
        loaners.return_loan(s, clerk, "LN-001", "外壳裂", keep="120", approver=manager, now=back, counter="main")
    with db.write() as s, pytest.raises(ValidationError, match="At most the ¥300.00 still held"):
        loaners.return_loan(s, clerk, "LN-001", "外壳裂", damage="外壳裂了一道", keep="300.01", approver=manager,
                            now=back, counter="main")
    with db.write() as s:
        loan = loaners.return_loan(s, clerk, "LN-001", "外壳裂", damage="外壳裂了一道", keep="120", approver=manager,
                                   now=back, counter="main")
        assert (loan.deposit_outcome, loan.kept, loan.refunded) == (loaners.KEPT, D("120.00"), D("180.00"))
        damage = payments.receipt_view(s, loan.damage_receipt_id or 0)
    assert _kinds(db, ticket) == [("deposit", D("300.00"), D("300.00")), ("payment", D("56.50"), D("56.50")),
                                  ("damage", D("120.00"), 0), ("deposit_refund", D("180.00"), D("-180.00"))]
    # the damage charge carries VAT as the shop sets (on by default): 120 x 13/113
    assert (damage.method, damage.tax) == ("from_deposit", D("13.81"))
    assert "For: 外壳裂了一道" in damage.text and "Kept for damage: ¥120.00" in damage.text
    with db.read() as s:
        bal = payments.balance(s, ticket)
        assert (bal.outstanding, bal.deposits_held, bal.deposits_kept, bal.refundable) == (0, 0, D("120.00"), 0)
    with db.write() as s:
        f = dayclose.save_count(s, manager, NOW.date(), FLOAT, counted="676.50", counter="main", now=NOW)
    assert (f.payments_total, f.deposits_taken, f.deposits_returned, f.deposits_kept, f.deposits_kept_count) == (
        D("56.50"), D("300.00"), D("180.00"), D("120.00"), 1)
    assert (f.expected_cash, f.over_short) == (FLOAT + D("56.50") + D("120.00"), 0)


def test_a_deposit_on_in_warranty_work_and_a_damage_charge_without_vat(db: Database,
                                                                         users: tuple[Actor, Actor]) -> None:
    """The deposit does not ask what the repair costs: a free repair's loaner
    takes the shop's deposit for its category all the same."""
    manager, clerk = users
    add_schedule(db, manager)
    ticket = workshop_ticket(db, clerk)
    add_units(db, manager, "LN-001")
    with db.write() as s:
        settings.store(s, {"loaner_deposits": {"refrigerator": "500"}, "damage_charge_taxed": "no"})
        assert loaners.default_deposit(s, "refrigerator") == D("500.00")
        assert loaners.default_deposit(s, "phone") is None
        quote = quotes.make_quote(s, clerk, ticket, [QuoteItem("labour", "minor")], now=NOW)
        quotes.approve_quote(s, clerk, quote.id, now=NOW)
        loaners.lend(s, clerk, ticket, "LN-001", condition_out="良好", deposit=loaners.default_deposit(s, "refrigerator"),
                     method="card", now=NOW, counter="main")
        loan = loaners.return_loan(s, clerk, "LN-001", "划痕", damage="屏幕划痕", keep_deposit=True, approver=manager,
                                   now=NOW, counter="main")
        assert (loan.kept, loan.refunded, loan.refund_receipt_id) == (D("500.00"), 0, None)
        assert payments.receipt_view(s, loan.damage_receipt_id or 0).tax == 0
        f = dayclose.day_figures(s, NOW.date(), "main")
    card = next(m for m in f.methods if m.method == "card")
    assert (card.count, card.money_in, card.money_out) == (1, D("500.00"), 0)
    assert f.deposits_kept == D("500.00")
