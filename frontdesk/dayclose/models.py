"""The day close table, and how a refusal by the database's day lock reaches
the person at the desk.

A closed day is locked by triggers (migration ``0007_day_close``): the
database itself refuses a receipt (payment, deposit, refund, correction), a
void or an edit of a receipt, and a waiver dated on a closed day, whoever
writes it.  The triggers raise a message carrying :data:`LOCK_MARKER`;
:func:`day_closed` (registered by :func:`frontdesk.db.engine.make_engine` on
every engine it makes) turns that into :class:`frontdesk.errors.DayClosed`, so a
service that flushes such a row raises a clear, translated error instead of
a database error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from frontdesk import counters
from frontdesk.db.models import Base
from frontdesk.errors import DayClosed
from frontdesk.i18n import N_, _

LOCK_MARKER = "FRONTDESK_DAY_CLOSED"

# What was attempted on a closed day (the receipt kinds of billing.payments, and more).
PAYMENT = "payment"
DEPOSIT = "deposit"
REFUND = "refund"
WAIVER = "waiver"
CORRECTION = "correction"
VOID = "void"  # a void, or any change of a closed day's receipt or waiver
COUNT = "count"  # the drawer count of a closed day
_WORDS: dict[str, str] = {
    PAYMENT: N_("{day} is closed at counter {counter}: a new payment cannot be taken on it. Take it on {open}."),
    DEPOSIT: N_("{day} is closed at counter {counter}: a new deposit cannot be taken on it. Take it on {open}."),
    REFUND: N_("{day} is closed at counter {counter}: a refund cannot be paid out on it. Pay it out on {open}."),
    WAIVER: N_("{day} is closed at counter {counter}: a waiver or discount cannot be granted on it. Grant it on "
               "{open}."),
    CORRECTION: N_("{day} is closed at counter {counter}: a correction cannot be dated on it. Make the correction "
                   "on a later day."),
    VOID: N_("{day} is closed at counter {counter}: its receipts and waivers cannot be voided or changed. Make the "
             "correction on a later day."),
    COUNT: N_("{day} is closed at counter {counter}: its count and figures stay as they were closed."),
}


class DayClose(Base):
    """One business day at one counter: the opening float, the cash counted
    (by denomination), and once closed, who closed it and the figures as
    they stood (``figures``, a JSON snapshot of the reconciliation)."""

    __tablename__ = "day_closes"
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    counter: Mapped[str] = mapped_column(String(40))  # the drawer, given by the service
    opening_float: Mapped[Decimal] = mapped_column()
    counted_cash: Mapped[Decimal | None] = mapped_column()
    denominations: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    counted_at: Mapped[datetime | None] = mapped_column(DateTime)
    counted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    expected_cash: Mapped[Decimal | None] = mapped_column()
    over_short: Mapped[Decimal | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The audit chain's head when the day was closed (migration 0013): a
    # checkpoint a later head-office workbook must still agree with.
    chain_head_id: Mapped[int | None] = mapped_column()
    chain_head_hash: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("day", "counter", name="uq_day_closes_day_counter"),)


def refusal(attempt: str | None, day: date | None, counter: str | None, open_day: date | None = None) -> str:
    """What the desk is told when ``attempt`` falls on ``day``, closed at
    ``counter``; new money names ``open_day`` (the next day open at that
    counter) when it is known.  Without the attempt, the day or the counter:
    the general words."""
    words = _WORDS.get(attempt or "")
    if words is None or day is None or counter is None:
        return DayClosed().message
    where = open_day.isoformat() if open_day is not None else _("the next business day open at this counter")
    return _(words).format(day=day.isoformat(), counter=counters.label(counter), open=where)


def _closed_days(session: Session, counter: str, since: date) -> set[date]:
    return set(session.scalars(select(DayClose.day).where(
        DayClose.counter == counter, DayClose.day >= since, DayClose.closed_at.is_not(None))))


def check_open(session: Session, day: date, counter: str, attempt: str = COUNT) -> None:
    """Raise :class:`DayClosed`, in words that fit ``attempt``, when ``day``
    is closed at ``counter`` (the database refuses anyway; this says it
    before any work is done, and names the next day open there)."""
    closed = _closed_days(session, counter, day)
    if day not in closed:
        return
    open_day = day + timedelta(days=1)
    while open_day in closed:
        open_day += timedelta(days=1)
    raise DayClosed(refusal(attempt, day, counter, open_day))


_STATEMENT = re.compile(r"^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.IGNORECASE)
_PG_DAY = re.compile(r"(\d{4}-\d{2}-\d{2}) is closed")


def _day_of(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value).date()
        except ValueError:
            return None
    return None


def _attempted(statement: str, params: Mapping[str, Any], message: str) -> tuple[str | None, date | None, str | None]:
    """(what was attempted, its day, its counter) as far as the refused
    statement and its parameters tell."""
    found = _STATEMENT.match(statement or "")
    if found is None:
        return None, None, None
    verb, table = found.group(1).split()[0].upper(), found.group(2).lower()
    counter = params.get("counter")
    day: date | None = None
    pg_day = _PG_DAY.search(message)
    if pg_day is not None:
        day = date.fromisoformat(pg_day.group(1))
    if table == "receipts" and verb == "INSERT":
        attempt = _KIND_ATTEMPT.get(str(params.get("kind")))
        return attempt, day or _day_of(params.get("issued_at")), counter
    if table == "waivers" and verb == "INSERT":
        return WAIVER, day or _day_of(params.get("at")), counter
    if table in ("receipts", "waivers"):
        return VOID, day, counter
    if table == "day_closes":
        return COUNT, day, counter
    return None, None, None


# A receipt's kind (frontdesk.billing.payments) as what was attempted: the
# deposit's refund is a refund; a damage charge and a deposit put toward the
# bill are new money on the ticket, like a payment.
_KIND_ATTEMPT = {PAYMENT: PAYMENT, DEPOSIT: DEPOSIT, REFUND: REFUND, CORRECTION: CORRECTION,
                 "deposit_refund": REFUND, "damage": PAYMENT, "deposit_applied": PAYMENT}


def attempt_of(kind: str) -> str:
    """What issuing a receipt of ``kind`` attempts, for the refusal's words."""
    return _KIND_ATTEMPT.get(kind, PAYMENT)


def day_closed(context: Any) -> None:
    """The day lock's refusal, from either engine, as a domain error (an
    engine's ``handle_error`` listener), in words that fit what the refused
    statement attempted."""
    message = str(context.original_exception)
    if LOCK_MARKER not in message:
        return
    params: Mapping[str, Any] = {}
    compiled = getattr(context.execution_context, "compiled_parameters", None)
    if compiled and isinstance(compiled[0], Mapping):
        params = compiled[0]
    attempt, day, counter = _attempted(context.statement or "", params, message)
    raise DayClosed(refusal(attempt, day, counter if isinstance(counter, str) else None)) \
        from context.sqlalchemy_exception


__all__ = ["COUNT", "CORRECTION", "DEPOSIT", "DayClose", "LOCK_MARKER", "PAYMENT", "REFUND", "VOID", "WAIVER",
           "attempt_of", "check_open", "day_closed", "refusal"]
