"""Payments and receipts (docs/rules.md#receipts-and-invoices): gapless
numbers in the paying transaction, cash change, partial payments, no
overpaying, waivers with a manager, voids that keep their number,
corrections that name what they correct, reprints that say COPY, invoices
owed until their number is entered."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from frontdesk import audit
from frontdesk.billing import payments, quotes
from frontdesk.billing.models import Receipt, Waiver
from frontdesk.db.engine import Database
from frontdesk.errors import IllegalTransition, NeedsManager, ValidationError
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, approved_ticket, diagnosing_ticket

D = Decimal
TOTAL = D("350.30")  # the worked example with 13 % tax


def test_receipts_are_numbered_in_one_gapless_sequence_in_the_paying_transaction(
        db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket, _quote = approved_ticket(db, manager, clerk)
    with db.write() as s:
        first = payments.take_payment(s, clerk, ticket, "card", "100", now=NOW, counter="main")
    with pytest.raises(RuntimeError), db.write() as s:  # the drawer jams: the transaction rolls back
        payments.take_payment(s, clerk, ticket, "card", "50", now=NOW, counter="main")
        raise RuntimeError("printer on fire")
    with db.write() as s:
        second = payments.take_payment(s, clerk, ticket, "mobile", "50", now=NOW, counter="main")
        third = payments.take_payment(s, clerk, ticket, "transfer", "0.30", now=NOW.replace(year=2027, month=1, day=2),
                                      counter="main")
    assert [first.number, second.number, third.number] == ["R2026-000001", "R2026-000002", "R2027-000001"]
    with db.read() as s:
        assert s.scalars(select(Receipt.number).order_by(Receipt.id)).all() == [
            "R2026-000001", "R2026-000002", "R2027-000001"]
        audited = [r.detail["number"] for r in audit.records(s, action="receipt.payment")]
    assert sorted(audited) == ["R2026-000001", "R2026-000002", "R2027-000001"]


def test_cash_gives_change_partial_payments_are_allowed_and_overpaying_is_refused(
        db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket, _quote = approved_ticket(db, manager, clerk)
    with db.write() as s:
        with pytest.raises(ValidationError, match="less than the amount"):
            payments.take_payment(s, clerk, ticket, "cash", "100", tendered="50", now=NOW, counter="main")
        with pytest.raises(ValidationError, match="overpaying is refused"):
            payments.take_payment(s, clerk, ticket, "card", "350.31", now=NOW, counter="main")
        with pytest.raises(ValidationError):
            payments.take_payment(s, clerk, ticket, "cheque", "10", now=NOW, counter="main")
        with pytest.raises(ValidationError):
            payments.take_payment(s, clerk, ticket, "cash", "0", now=NOW, counter="main")
        with pytest.raises(ValidationError, match="fractions of a cent"):
            payments.take_payment(s, clerk, ticket, "cash", "1.005", now=NOW, counter="main")
        with pytest.raises(TypeError):
            payments.take_payment(s, clerk, ticket, "cash", 10.5, now=NOW, counter="main")  # type: ignore[arg-type]
        cash = payments.take_payment(s, clerk, ticket, "cash", "300", tendered="500", now=NOW, counter="main")
        assert (cash.amount, cash.tendered, cash.change, cash.tax) == (D("300.00"), D("500.00"), D("200.00"),
                                                                        D("34.51"))
        assert "Tendered: ¥500.00\nChange: ¥200.00" in cash.text and "Still to pay: ¥50.30" in cash.text
        assert "VAT in this amount: ¥34.51" in cash.text  # prices before tax: no "of which VAT"
        bal = payments.balance(s, ticket)
        assert (bal.due, bal.paid, bal.outstanding) == (TOTAL, D("300.00"), D("50.30"))
        card = payments.take_payment(s, clerk, ticket, "card", D("50.30"), tendered="999", now=NOW, counter="main")
        assert (card.tendered, card.change) == (None, None)
        assert payments.balance(s, ticket).outstanding == 0
        with pytest.raises(ValidationError, match="Nothing is owed"):
            payments.take_payment(s, clerk, ticket, "cash", "1", now=NOW, counter="main")


def test_the_receipt_is_a_settlement_list_with_both_standards(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket, _quote = approved_ticket(db, manager, clerk)
    with db.write() as s:
        receipt_id = payments.take_payment(s, clerk, ticket, "mobile", TOTAL, now=NOW, counter="main").id
    db.engine.dispose()
    with db.read() as s:
        view = payments.receipt_view(s, receipt_id)
    assert [(ln.description, ln.schedule_price, ln.card_price, ln.applied, ln.amount) for ln in view.lines] == [
        ("中修", D("120.00"), D("80.00"), "card", D("80.00")),
        ("上门费", D("30.00"), D("60.00"), "schedule", D("30.00")),
        ("温控器", D("200.00"), D("220.00"), "schedule", D("200.00")),
    ]
    assert (view.subtotal, view.bill_tax, view.bill_total, view.saving) == (D("310.00"), D("40.30"), TOTAL, D("40.00"))
    assert (view.tax, view.method_label, view.kind, view.outstanding_after) == (D("40.30"), "Mobile pay", "payment",
                                                                                D("0.00"))
    for value in (view.amount, view.tax, view.subtotal, view.lines[0].unit_price):
        assert type(value) is Decimal
    assert "schedule ¥120.00 / card ¥80.00 -> Warranty card" in view.text
    assert view.title == "RECEIPT" and "COPY" not in view.text


def test_a_waiver_needs_a_manager_and_keeps_reason_amount_and_approver(db: Database,
                                                                        users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket, quote_id = approved_ticket(db, manager, clerk)
    with db.write() as s:
        with pytest.raises(NeedsManager):
            payments.grant_waiver(s, clerk, ticket, "20", "老客户", counter="main")
        with pytest.raises(NeedsManager):
            payments.grant_waiver(s, clerk, ticket, "20", "老客户", approver=clerk, counter="main")
        with pytest.raises(ValidationError):
            payments.grant_waiver(s, clerk, ticket, "20", "  ", approver=manager, counter="main")
        with pytest.raises(ValidationError, match="At most"):
            payments.grant_waiver(s, clerk, ticket, "400", "太贵", approver=manager, counter="main")
    with db.write() as s:
        payments.grant_waiver(s, clerk, ticket, "20.30", "老客户优惠", approver=manager, now=NOW, counter="main")
    with db.read() as s:
        waiver = s.scalars(select(Waiver)).one()
        assert (waiver.amount, waiver.reason, waiver.approver_id, waiver.granted_by_id, waiver.quote_id) == (
            D("20.30"), "老客户优惠", manager.id, clerk.id, quote_id)
        rec = audit.records(s, action="waiver.grant")[0]
        assert (rec.user_id, rec.approver_id, rec.detail["amount"], rec.detail["reason"]) == (
            clerk.id, manager.id, "20.30", "老客户优惠")
        bal = payments.balance(s, ticket)
        assert (bal.waived, bal.outstanding) == (D("20.30"), D("330.00"))
        (row,) = payments.list_waivers(s, day=NOW.date())
        assert (row.approver, row.granted_by, row.amount) == ("Wang Manager", "Li Clerk", D("20.30"))


def test_a_void_keeps_the_number_with_reason_and_approver_and_happens_once(db: Database,
                                                                          users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket, _quote = approved_ticket(db, manager, clerk)
    with db.write() as s:
        receipt_id = payments.take_payment(s, clerk, ticket, "cash", "100", now=NOW, counter="main").id
    with db.write() as s, pytest.raises(NeedsManager):
        payments.void_receipt(s, clerk, receipt_id, "wrong method")
    with db.write() as s, pytest.raises(ValidationError):
        payments.void_receipt(s, manager, receipt_id, "")
    with db.write() as s:
        view = payments.void_receipt(s, clerk, receipt_id, "收款方式录错", approver=manager,
                                     now=NOW + timedelta(minutes=3))
    assert (view.number, view.voided, view.void_reason, view.void_approver) == (
        "R2026-000001", True, "收款方式录错", "Wang Manager")
    assert "VOID: 收款方式录错 (approved by Wang Manager)" in view.text
    with db.write() as s, pytest.raises(IllegalTransition, match="already void"):
        payments.void_receipt(s, manager, receipt_id, "again")
    with db.read() as s:
        row = s.get(Receipt, receipt_id)
        assert row is not None and (row.voided_at, row.void_approver_id, row.voided_by_id) == (
            NOW + timedelta(minutes=3), manager.id, clerk.id)
        assert payments.balance(s, ticket).outstanding == TOTAL  # a void no longer counts
        assert [(r.number, r.voided) for r in payments.list_receipts(s, ticket_id=ticket)] == [("R2026-000001", True)]
        assert audit.records(s, action="receipt.void")[0].approver_id == manager.id
    with db.write() as s:  # the next receipt takes the next number: nothing was given back
        assert payments.take_payment(s, clerk, ticket, "card", "100", now=NOW, counter="main").number == "R2026-000002"


def test_a_correction_is_a_new_receipt_naming_the_one_it_corrects(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket, _quote = approved_ticket(db, manager, clerk)
    with db.write() as s:
        short = payments.take_payment(s, clerk, ticket, "cash", "340.30", now=NOW, counter="main").id
    with db.write() as s, pytest.raises(NeedsManager):
        payments.correct_receipt(s, clerk, short, "350.30", "typed short", counter="main")
    with db.write() as s, pytest.raises(ValidationError, match="more than"):
        payments.correct_receipt(s, manager, short, "400", "typo", counter="main")
    tomorrow = NOW + timedelta(days=1)
    with db.write() as s:
        fixed = payments.correct_receipt(s, clerk, short, "350.30", "金额录入错误", method="card", approver=manager,
                                         now=tomorrow, counter="main")
    assert (fixed.kind, fixed.number, fixed.corrects_number, fixed.corrected_amount) == (
        "correction", "R2026-000002", "R2026-000001", D("340.30"))
    assert (fixed.amount, fixed.net, fixed.method) == (D("350.30"), D("10.00"), "card")
    assert "Corrects receipt R2026-000001 (¥340.30): 金额录入错误" in fixed.text
    with db.read() as s:
        assert payments.balance(s, ticket).outstanding == 0
        original = payments.receipt_view(s, short)
        assert (original.voided, original.corrected_by_number) == (False, "R2026-000002")
        # the day of the original is unchanged: its receipt still says 340.30
        assert [(r.number, r.net) for r in payments.list_receipts(s, day=NOW.date())] == [("R2026-000001", D("340.30"))]
        assert [(r.number, r.corrects_number) for r in payments.list_receipts(s, day=tomorrow.date())] == [
            ("R2026-000002", "R2026-000001")]
        assert audit.records(s, action="receipt.correction")[0].approver_id == manager.id
    with db.write() as s, pytest.raises(IllegalTransition, match="already corrected"):
        payments.correct_receipt(s, manager, short, "350.30", "again", counter="main")
    with db.write() as s, pytest.raises(IllegalTransition, match="void that one first"):
        payments.void_receipt(s, manager, short, "cancel")
    with db.write() as s:  # voiding the correction puts the original back
        payments.void_receipt(s, manager, fixed.id, "wrong correction")
        assert payments.balance(s, ticket).outstanding == D("10.00")


def test_a_reprint_says_copy_and_is_counted(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket, _quote = approved_ticket(db, manager, clerk)
    with db.write() as s:
        receipt_id = payments.take_payment(s, clerk, ticket, "cash", "100", now=NOW, counter="main").id
    with db.write() as s:
        first = payments.reprint(s, clerk, receipt_id, now=NOW)
        second = payments.reprint(s, clerk, receipt_id, now=NOW)
    assert (first.copy, first.reprints, second.reprints) == (True, 1, 2)
    assert first.title == "RECEIPT · COPY" and "COPY: reprint 2" in second.text
    with db.read() as s:
        assert payments.receipt_view(s, receipt_id).copy is False
        assert len(audit.records(s, action="receipt.reprint")) == 2
        assert payments.list_receipts(s, text="000001")[0].reprints == 2


def test_a_deposit_is_held_apart_from_the_bill_and_put_toward_it_only_when_asked(
        db: Database, users: tuple[Actor, Actor]) -> None:
    """docs/rules.md#loaner-deposits: any amount, whatever the quote says;
    no tax; the bill stays owed until the customer asks to use the deposit."""
    manager, clerk = users
    from tests.billing.billing_helpers import WORKED, add_schedule

    add_schedule(db, manager)
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s:
        quote_id = quotes.make_quote(s, clerk, ticket, WORKED, now=NOW).id  # 395.50 without a card
        deposit = payments.take_payment(s, clerk, ticket, "cash", "400", kind="deposit", now=NOW, counter="main")
        assert (deposit.kind, deposit.kind_label, deposit.tax, deposit.lines) == ("deposit", "Loaner deposit", 0, ())
        assert "A security deposit: no tax, not a payment for the repair." in deposit.text
        assert "Deposit still held: ¥400.00" in deposit.text and "Still to pay" not in deposit.text
        bal = payments.balance(s, ticket)
        assert (bal.due, bal.deposits_held, bal.outstanding, bal.refundable) == (0, D("400.00"), 0, 0)
        with pytest.raises(ValidationError, match="At most ¥0.00 can be refunded"):
            payments.take_payment(s, clerk, ticket, "cash", "10", kind="refund", now=NOW, counter="main")
        quotes.decline_quote(s, clerk, quote_id, fault_found=True, now=NOW)  # owes 33.90
        bal = payments.balance(s, ticket)
        assert (bal.due, bal.paid, bal.deposits_held, bal.outstanding) == (D("33.90"), 0, D("400.00"), D("33.90"))
        with pytest.raises(ValidationError, match="more than the ¥33.90 outstanding"):
            payments.apply_deposit(s, clerk, ticket, "40", now=NOW, counter="main")
        applied = payments.apply_deposit(s, clerk, ticket, "33.90", now=NOW, counter="main")
        assert (applied.kind, applied.method, applied.net, applied.tax) == ("deposit_applied", "from_deposit", 0,
                                                                            D("3.90"))
        assert f"From the deposit of receipt {deposit.number}" in applied.text
        assert "Put toward the bill: ¥33.90" in applied.text and "Deposit still held: ¥366.10" in applied.text
        with pytest.raises(ValidationError, match="At most the ¥366.10 deposit held"):
            payments.take_payment(s, clerk, ticket, "cash", "400", kind="deposit_refund", now=NOW, counter="main")
        back = payments.take_payment(s, clerk, ticket, "cash", "366.10", tendered="999", kind="deposit_refund",
                                     now=NOW, counter="main")
        assert (back.net, back.tax, back.tendered, back.change) == (D("-366.10"), 0, None, None)
        assert "Put toward the bill: ¥33.90" in back.text and "Deposit still held: ¥0.00" in back.text
        bal = payments.balance(s, ticket)
        assert (bal.due, bal.paid, bal.deposits_held, bal.outstanding) == (D("33.90"), D("33.90"), 0, 0)
        assert (bal.deposits_taken, bal.deposits_applied, bal.deposits_refunded) == (D("400.00"), D("33.90"),
                                                                                       D("366.10"))


def test_invoices_are_owed_until_their_number_is_entered(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket, _quote = approved_ticket(db, manager, clerk)
    with db.write() as s:
        assert payments.invoice_status(s, ticket) is None
        payments.take_payment(s, clerk, ticket, "transfer", TOTAL, now=NOW, counter="main")
        status = payments.request_invoice(s, clerk, ticket, "北京中关村科技有限公司", "91110108ma01abcd2x", now=NOW)
        assert status.owed and status.tax_id == "91110108MA01ABCD2X"
    with db.read() as s:
        (owed,) = payments.invoices_owed(s)
        assert (owed.ticket_id, owed.buyer, owed.paid, owed.requested_by) == (
            ticket, "北京中关村科技有限公司", TOTAL, "Li Clerk")
    with db.write() as s:
        with pytest.raises(ValidationError):
            payments.record_invoice(s, clerk, ticket, "  ")
        status = payments.record_invoice(s, clerk, ticket, "No 12345678", now=NOW + timedelta(days=2))
        assert (status.owed, status.invoice_no, status.issued_at) == (False, "NO 12345678", NOW + timedelta(days=2))
        assert payments.invoices_owed(s) == []
        with pytest.raises(IllegalTransition):
            payments.record_invoice(s, clerk, ticket, "99999999")
        with pytest.raises(IllegalTransition):
            payments.request_invoice(s, clerk, ticket)
        assert [r.action for r in audit.records(s, entity="ticket") if r.action.startswith("invoice.")] == [
            "invoice.record", "invoice.request"]


def test_listing_receipts_by_day_ticket_and_number(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket, _quote = approved_ticket(db, manager, clerk)
    with db.write() as s:
        payments.take_payment(s, clerk, ticket, "cash", "100", now=NOW, counter="main")
        payments.take_payment(s, clerk, ticket, "card", "100", now=NOW + timedelta(days=1), counter="main")
    with db.read() as s:
        assert [r.number for r in payments.list_receipts(s)] == ["R2026-000001", "R2026-000002"]
        assert [r.number for r in payments.list_receipts(s, day=date(2026, 11, 25))] == ["R2026-000002"]
        assert [r.number for r in payments.list_receipts(s, text="t2026-000001")] == ["R2026-000001", "R2026-000002"]
        assert payments.list_receipts(s, text="R2026-000009") == []
        row = payments.list_receipts(s)[0]
        assert (row.ticket_number, row.customer, row.issued_by, row.method_label) == ("T2026-000001", "张三", "Li Clerk",
                                                                                     "Cash")
        assert payments.find_receipt(s, "r2026-000002").method == "card"
