"""Demo day closes: every past business day with money on it is counted and
closed by the demo manager, so the day close, its lock and the head-office
workbook have real data.  The last day stays open (the desk is still at it).
A few drawers are a little off, as real drawers are."""

from __future__ import annotations

import logging
import random
from datetime import datetime, time
from decimal import Decimal

from sqlalchemy import select

from frontdesk.billing.models import Receipt
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.db.models import User
from frontdesk.users import MANAGER, Actor

log = logging.getLogger(__name__)

FLOAT = Decimal("500.00")
CLOSE_AT = time(18, 30)


def close_past_days(db: Database, rng: random.Random, end: datetime, *, counter: str) -> int:
    """Close each day before ``end``'s day that has receipts at ``counter``
    (a shop open on a holiday closes it too); returns how many."""
    with db.read() as s:
        manager = s.scalar(select(User).where(User.role == MANAGER, User.active.is_(True)).order_by(User.id))
        if manager is None:
            return 0
        actor = Actor(manager.id, manager.name, manager.role)
        stamps = s.scalars(select(Receipt.issued_at).where(Receipt.issued_at < datetime.combine(end.date(), time.min),
                                                           Receipt.counter == counter))
        days = sorted({t.date() for t in stamps})
    closed = 0
    for day in days:
        with db.write() as s:
            if dayclose.get_close(s, day, counter) is not None:
                continue
            figures = dayclose.day_figures(s, day, counter)
            float_ = max(FLOAT, FLOAT - figures.cash_moved)  # enough for the day's cash refunds
            off = Decimal(rng.choice((0, 0, 0, 0, 0, -1, 1, -5))).quantize(Decimal("0.01"))
            dayclose.close_day(s, actor, day, opening_float=float_, counted=float_ + figures.cash_moved + off,
                               note="" if not off else "差额已登记", counter=counter, now=datetime.combine(day, CLOSE_AT))
            closed += 1
    log.info("demo: %d days closed", closed)
    return closed
