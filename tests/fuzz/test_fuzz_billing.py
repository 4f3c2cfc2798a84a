"""Fuzzing billing: quote items, approval and decline, payments (amount,
tendered, method, kind), void and correction reasons, waivers and invoices.
A refused input changes nothing (no receipt number used up, the earlier
receipt as it was); an accepted one is read back exactly."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.billing import payments, quotes
from frontdesk.billing.models import Quote, QuoteLine, Receipt, TicketBilling, Waiver
from frontdesk.billing.pricing import KINDS, QuoteItem
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, Customer, Ticket, TicketEvent
from frontdesk.money import to_money
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, WORKED, add_card, add_schedule, diagnosing_ticket
from tests.fuzz.fuzz_helpers import FUZZ, REFUSED, Guard, amounts, flat, nasty_text, row

MODELS = (Receipt, Waiver, Quote, QuoteLine, TicketBilling, AuditRecord, Ticket, TicketEvent)
_n = itertools.count(1)


class Shop(Guard):
    """A schedule, a card edition and one paid ticket whose receipt must never change."""

    def __init__(self, db: Database, manager: Actor, clerk: Actor) -> None:
        self.db, self.manager, self.clerk = db, manager, clerk
        add_schedule(db, manager)
        self.card_id = add_card(db, manager)
        ticket_id, _quote = self.approved()
        with db.write() as s:
            self.receipt_id = payments.take_payment(s, clerk, ticket_id, payments.CASH, "100.00", now=NOW,
                                                    counter="main").id
        super().__init__(db, MODELS)

    def rows(self, session: Session) -> dict[str, Any]:
        receipt = session.get(Receipt, self.receipt_id)
        assert receipt is not None
        return {"receipt": row(receipt)}

    def ticket(self) -> int:
        n = next(_n)
        return diagnosing_ticket(self.db, self.clerk, serial=f"FB-{n}", phone=f"137{n % 10**8:08d}")

    def approved(self) -> tuple[int, int]:
        ticket_id = self.ticket()
        with self.db.write() as s:
            quote = quotes.make_quote(s, self.clerk, ticket_id, WORKED, card_edition_id=self.card_id, now=NOW)
            quotes.approve_quote(s, self.clerk, quote.id, now=NOW)
            return ticket_id, quote.id


@pytest.fixture
def shop(db: Database, users: tuple[Actor, Actor]) -> Shop:
    return Shop(db, *users)


def _receipt_id(view: payments.ReceiptView) -> int:
    return view.id


methods = st.one_of(st.sampled_from(sorted(payments.METHODS)), nasty_text)
kinds = st.one_of(st.sampled_from([payments.PAYMENT, payments.DEPOSIT, payments.REFUND]), nasty_text)


def test_payment_amounts(db: Database, shop: Shop) -> None:
    state: dict[str, int] = {"ticket": shop.approved()[0]}
    shop.refresh()

    @FUZZ
    @given(amount=amounts, tendered=st.one_of(st.none(), amounts), method=methods, kind=kinds)
    def run(amount: Any, tendered: Any, method: str, kind: str) -> None:
        def work(s: Session) -> Any:
            return payments.take_payment(s, shop.clerk, state["ticket"], method, amount, tendered=tendered,
                                         kind=kind, now=NOW, counter="main")
        view = shop.write(work, ["amount", "tendered", "method", "kind"])
        if view is REFUSED:
            return
        with db.read() as s:
            receipt = s.get(Receipt, _receipt_id(view))
            assert receipt is not None
            assert receipt.amount == to_money(amount) and receipt.method == method and receipt.kind == kind
            if method == payments.CASH and kind != payments.REFUND and tendered not in (None, "", " "):
                assert receipt.tendered == to_money(tendered)
        shop.refresh()
        state["ticket"] = shop.approved()[0]
        shop.refresh()

    run()


def test_cash_tendered(db: Database, shop: Shop) -> None:
    """Cash: what the customer hands over, however much, against a small payment."""
    ticket_id = shop.approved()[0]
    shop.refresh()
    tendered = st.one_of(amounts, st.integers(10**9, 10**16), st.sampled_from(["1e15", "99999999999", "9999999999.99",
                                                                                "10.00", "9.99", "-10", "1e27"]))

    @FUZZ
    @given(tendered=tendered, amount=st.sampled_from(["0.01", "10.00", "9999999999.99"]))
    def run(tendered: Any, amount: str) -> None:
        def pay(s: Session) -> Any:
            return payments.take_payment(s, shop.clerk, ticket_id, payments.CASH, amount, tendered=tendered,
                                         kind=payments.DEPOSIT, now=NOW, counter="main")
        view = shop.write(pay, ["amount", "tendered"])
        if view is REFUSED:
            return
        receipt = shop.fetch(Receipt, view.id)
        assert receipt.tendered == (to_money(tendered) if str(tendered).strip() else to_money(amount))
        assert receipt.change == receipt.tendered - receipt.amount
        with db.write() as s:  # give the deposit back: the next example starts from the same bill
            payments.void_receipt(s, shop.clerk, view.id, "fuzz", approver=shop.manager, now=NOW)
        shop.refresh()

    run()


def test_quote_items(db: Database, shop: Shop) -> None:
    state: dict[str, int] = {"ticket": shop.ticket()}
    shop.refresh()
    item = st.builds(
        QuoteItem,
        kind=st.one_of(st.sampled_from(sorted(KINDS)), nasty_text),
        code=st.one_of(st.sampled_from(["", "medium", "minor", "BX-THERM", "BX-COMP", "bx-therm "]), nasty_text),
        qty=st.one_of(st.integers(-5, 1000), st.sampled_from([0, 10**12, -10**12, 2**63])),
        component=st.one_of(st.sampled_from(["whole_unit", "compressor", ""]), nasty_text),
        description=st.one_of(st.just(""), nasty_text),
        km=st.one_of(st.none(), st.sampled_from([Decimal(v) for v in ("0", "-1", "12.5", "1e30", "0.001", "99999999")]),
                     st.integers(-10, 10**9)),
    )

    @FUZZ
    @given(items=st.lists(item, max_size=4))
    def run(items: list[QuoteItem]) -> None:
        def work(s: Session) -> Any:
            return quotes.make_quote(s, shop.clerk, state["ticket"], items, card_edition_id=shop.card_id,
                                     now=NOW).id
        quote_id = shop.write(work)
        if quote_id is REFUSED:
            return
        with db.read() as s:
            quote = s.get(Quote, quote_id)
            assert quote is not None
            lines = sorted(quote.lines, key=lambda ln: ln.position)
            assert [ln.qty for ln in lines] == [it.qty for it in items]
            for ln, it in zip(lines, items, strict=False):
                if flat(it.description):
                    assert ln.description == flat(it.description), (it.description, ln.description)
        shop.refresh()

    run()


def test_approve_and_decline(db: Database, shop: Shop) -> None:
    @FUZZ
    @given(name=nasty_text, channel=st.one_of(st.sampled_from(sorted(quotes.CHANNELS)), nasty_text),
           decline=st.booleans(), fault_found=st.booleans())
    def run(name: str, channel: str, decline: bool, fault_found: bool) -> None:
        ticket_id = shop.ticket()
        with db.write() as s:
            quote_id = quotes.make_quote(s, shop.clerk, ticket_id, WORKED, card_edition_id=shop.card_id, now=NOW).id
        shop.refresh()

        def work(s: Session) -> Any:
            if decline:
                return quotes.decline_quote(s, shop.clerk, quote_id, fault_found, now=NOW).id
            return quotes.approve_quote(s, shop.clerk, quote_id, channel=channel, customer_name=name, now=NOW).id
        _done = shop.write(work, ["customer_name", "channel"])
        if _done is REFUSED:
            return
        if not decline:
            with db.read() as s:
                customer = s.scalar(select(Customer.name).join(Ticket, Ticket.customer_id == Customer.id)
                                    .where(Ticket.id == ticket_id))
            assert shop.fetch(Quote, quote_id).customer_name == (flat(name) or customer)
        shop.refresh()

    run()


def test_void_correct_waive_reasons(db: Database, shop: Shop) -> None:
    @FUZZ
    @given(reason=nasty_text, amount=amounts, what=st.sampled_from(["void", "correct", "waive"]))
    def run(reason: str, amount: Any, what: str) -> None:
        ticket_id, _quote = shop.approved()
        with db.write() as s:
            receipt_id = _receipt_id(payments.take_payment(s, shop.clerk, ticket_id, payments.CASH, "50.00", now=NOW,
                                                           counter="main"))
        shop.refresh()

        def work(s: Session) -> Any:
            if what == "void":
                return payments.void_receipt(s, shop.clerk, receipt_id, reason, approver=shop.manager, now=NOW)
            if what == "correct":
                return payments.correct_receipt(s, shop.clerk, receipt_id, amount, reason, approver=shop.manager,
                                                now=NOW, counter="main")
            return payments.grant_waiver(s, shop.clerk, ticket_id, amount, reason, approver=shop.manager, now=NOW,
                                         counter="main")
        result = shop.write(work, ["reason", "amount"])
        if result is REFUSED:
            return
        expected = flat(reason)
        with db.read() as s:
            if what == "void":
                stored = s.scalar(select(Receipt.void_reason).where(Receipt.id == receipt_id))
            elif what == "correct":
                stored = s.scalar(select(Receipt.correction_reason).where(Receipt.id == _receipt_id(result)))
                assert s.scalar(select(Receipt.amount).where(Receipt.id == _receipt_id(result))) == to_money(amount)
            else:
                stored = s.scalar(select(Waiver.reason).where(Waiver.id == result.id))
                assert s.scalar(select(Waiver.amount).where(Waiver.id == result.id)) == to_money(amount)
        assert stored == expected, (reason, stored)
        shop.refresh()

    run()


def test_invoice_fields(db: Database, shop: Shop) -> None:
    @FUZZ
    @given(buyer=nasty_text, tax_id=nasty_text, number=nasty_text)
    def run(buyer: str, tax_id: str, number: str) -> None:
        ticket_id = shop.ticket()
        shop.refresh()

        def request(s: Session) -> Any:
            return payments.request_invoice(s, shop.clerk, ticket_id, buyer, tax_id, now=NOW)
        status = shop.write(request, ["buyer", "tax_id"])
        if status is not REFUSED:
            assert status.buyer == flat(buyer)
            assert status.tax_id == flat(tax_id).upper()
            shop.refresh()

        def record(s: Session) -> Any:
            return payments.record_invoice(s, shop.clerk, ticket_id, number, now=NOW)
        status = shop.write(record, ["invoice_no"])
        if status is REFUSED:
            return
        with db.read() as s:
            billing = s.get(TicketBilling, ticket_id)
            assert billing is not None and billing.invoice_no == flat(number).upper()
        shop.refresh()

    run()
