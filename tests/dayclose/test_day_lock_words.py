"""A closed day refuses each kind of money in words that fit it: new money
(a payment, a deposit, a refund, a waiver) is taken on the next day open at
that counter, which the refusal names; a void, a correction or an edit is
made on a later day.  The services say it before any work; a write that gets
past them is refused by the database's lock, and its refusal reads what was
attempted from the statement.  On both engines."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from frontdesk.billing import payments
from frontdesk.billing.models import Receipt, Waiver
from frontdesk.dayclose import models as daylock
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.errors import DayClosed
from frontdesk.users import Actor
from tests.dayclose.test_day_close import DAY, RAW_INSERT, at, known_day

NEXT = date(2026, 11, 25)


@pytest.fixture
def closed(db: Database, users: tuple[Actor, Actor]) -> tuple[Database, Actor, Actor, int, int]:
    """DAY closed at the main desk; (db, manager, clerk, ticket, its first receipt)."""
    manager, clerk = users
    ticket = known_day(db, manager, clerk)
    with db.write() as s:
        dayclose.close_day(s, manager, DAY, opening_float="500", counted="600", now=at(18), counter="main")
        first = s.scalar(select(Receipt.id).where(Receipt.seq == 1))
    assert first is not None
    return db, manager, clerk, ticket, first


def refused(db: Database, work: object) -> str:
    with pytest.raises(DayClosed) as err, db.write() as s:
        work(s)  # type: ignore[operator]
    return err.value.message


def test_new_money_on_a_closed_day_is_taken_on_the_day_open(closed: tuple[Database, Actor, Actor, int, int]) -> None:
    db, manager, clerk, ticket, _first = closed
    head = "2026-11-24 is closed at counter Main: "
    for kind, words in [(payments.PAYMENT, "a new payment cannot be taken on it. Take it on 2026-11-25."),
                        (payments.DEPOSIT, "a new deposit cannot be taken on it. Take it on 2026-11-25."),
                        (payments.REFUND, "a refund cannot be paid out on it. Pay it out on 2026-11-25.")]:
        assert refused(db, lambda s, kind=kind: payments.take_payment(
            s, clerk, ticket, "cash", "10", kind=kind, now=at(18, 30), counter="main")) == head + words
    assert refused(db, lambda s: payments.grant_waiver(s, manager, ticket, "1", "late", now=at(19), counter="main")) \
        == head + "a waiver or discount cannot be granted on it. Grant it on 2026-11-25."
    with db.write() as s:  # the next day closed too: the refusal names the first day still open
        dayclose.close_day(s, manager, NEXT, opening_float="600", counted="600", now=at(18, day=NEXT), counter="main")
    assert refused(db, lambda s: payments.take_payment(s, clerk, ticket, "card", "1", now=at(19), counter="main")) \
        .endswith("Take it on 2026-11-26.")
    assert "later day" not in refused(db, lambda s: payments.take_payment(s, clerk, ticket, "card", "1", now=at(19),
                                                                          counter="main"))


def test_a_void_a_correction_or_a_count_on_a_closed_day_is_made_later(
        closed: tuple[Database, Actor, Actor, int, int]) -> None:
    db, manager, _clerk, _ticket, first = closed
    head = "2026-11-24 is closed at counter Main: "
    later = "its receipts and waivers cannot be voided or changed. Make the correction on a later day."
    assert refused(db, lambda s: payments.void_receipt(s, manager, first, "wrong", now=at(9, day=NEXT))) == head + later
    assert refused(db, lambda s: payments.correct_receipt(s, manager, first, "90", "typo", now=at(19),
                                                          counter="main")) \
        == head + "a correction cannot be dated on it. Make the correction on a later day."
    assert refused(db, lambda s: dayclose.save_count(s, manager, DAY, "500", "601", now=at(19), counter="main")) \
        == head + "its count and figures stay as they were closed."
    with db.write() as s:  # the day after is open: the correction goes there
        assert payments.correct_receipt(s, manager, first, "90", "typo", now=at(9, day=NEXT), counter="main").net \
            == Decimal("-10.00")


def test_the_database_locks_refusal_says_what_was_attempted(closed: tuple[Database, Actor, Actor, int, int]) -> None:
    """Rows written past the services (as a close committed at another
    counter meanwhile would let them): the lock refuses, in the words of
    what the statement attempted, without the open day it cannot look up."""
    db, manager, clerk, ticket, first = closed

    def receipt(kind: str) -> Receipt:
        return Receipt(number="R2026-000099", year=2026, seq=99, ticket_id=ticket, issued_at=at(17),
                       issued_by_id=clerk.id, counter="main", kind=kind, counts_as=kind, method="cash",
                       currency="CNY", amount=Decimal(5), net=Decimal(5), tax=Decimal(0), lines={}, void_reason="",
                       correction_reason="", reprints=0)

    head = "2026-11-24 is closed at counter Main: "
    for kind, words in [("deposit", "a new deposit cannot be taken on it."),
                        ("refund", "a refund cannot be paid out on it."),
                        ("correction", "a correction cannot be dated on it. Make the correction on a later day.")]:
        message = refused(db, lambda s, kind=kind: (s.add(receipt(kind)), s.flush()))
        assert message.startswith(head + words), message
    message = refused(db, lambda s: (s.add(Waiver(ticket_id=ticket, amount=Decimal(1), reason="x", approver_id=manager.id,
                                                  granted_by_id=manager.id, at=at(17), counter="main")), s.flush()))
    assert message == head + ("a waiver or discount cannot be granted on it. Grant it on the next business day open "
                              "at this counter.")
    message = refused(db, lambda s: s.execute(text("UPDATE receipts SET amount = 1 WHERE id = :id"), {"id": first}))
    assert message.endswith("Make the correction on a later day.") and "new payment" not in message
    # A statement whose day the lock cannot read: the general words.
    assert refused(db, lambda s: s.execute(text(RAW_INSERT.format(ticket=ticket, user=clerk.id)))) \
        == daylock.refusal(None, None, None)
