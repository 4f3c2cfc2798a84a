"""Demo day closes: every past working day of the demo (and any other day
with money on it) is counted and closed by the demo manager, so the day
close, its lock and the head-office workbook have real data.  Each drawer
balances: the cash counted is the opening float plus the cash the day's
receipts moved.  The last day stays open (the desk is still at it)."""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from frontdesk import settings
from frontdesk.billing.models import Receipt
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.db.models import Ticket, User
from frontdesk.users import MANAGER, Actor

log = logging.getLogger(__name__)

FLOAT = Decimal("500.00")
CLOSE_AT = time(18, 30)


def close_past_days(db: Database, end: datetime, *, counter: str) -> int:
    """Close at ``counter`` each working day before ``end``'s day since the
    first ticket, and each such day with receipts there (a shop open on a
    holiday closes it too); returns how many were closed."""
    today = datetime.combine(end.date(), time.min)
    with db.read() as s:
        manager = s.scalar(select(User).where(User.role == MANAGER, User.active.is_(True)).order_by(User.id))
        if manager is None:
            return 0
        actor = Actor(manager.id, manager.name, manager.role)
        stamps = s.scalars(select(Receipt.issued_at).where(Receipt.issued_at < today, Receipt.counter == counter))
        days = {t.date() for t in stamps}
        first = s.scalar(select(func.min(Ticket.intake_at)))
        cal = settings.work_calendar(s)
    day = first.date() if first is not None else end.date()
    while day < end.date():
        if cal.is_working_day(day):
            days.add(day)
        day += timedelta(days=1)
    closed = 0
    for day in sorted(days):
        with db.write() as s:
            if dayclose.is_closed(s, day, counter):
                continue
            figures = dayclose.day_figures(s, day, counter)
            float_ = max(FLOAT, FLOAT - figures.cash_moved)  # enough for the day's cash refunds
            dayclose.close_day(s, actor, day, opening_float=float_, counted=float_ + figures.cash_moved,
                               counter=counter, now=datetime.combine(day, max(CLOSE_AT, cal.closing)))
            closed += 1
    log.info("demo: %d days closed", closed)
    return closed
