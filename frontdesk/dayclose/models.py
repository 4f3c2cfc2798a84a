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

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.db.models import Base
from frontdesk.errors import DayClosed

LOCK_MARKER = "FRONTDESK_DAY_CLOSED"


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

    __table_args__ = (UniqueConstraint("day", "counter", name="uq_day_closes_day_counter"),)


def day_closed(context: Any) -> None:
    """The day lock's refusal, from either engine, as a domain error (an
    engine's ``handle_error`` listener)."""
    if LOCK_MARKER in str(context.original_exception):
        raise DayClosed() from context.sqlalchemy_exception


__all__ = ["DayClose", "LOCK_MARKER", "day_closed"]
