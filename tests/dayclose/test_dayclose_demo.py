"""The demo closes its past days: every working day since its first ticket,
each closed day's snapshot agrees with its receipts and its drawer balances,
and the last day stays open."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from frontdesk import settings
from frontdesk.billing.models import Receipt
from frontdesk.dayclose import service as dayclose
from frontdesk.dayclose.models import DayClose
from frontdesk.db.engine import Database
from frontdesk.db.models import Ticket
from frontdesk.demo import DemoOptions, fill

END = datetime(2026, 11, 24, 17, 0)


def test_the_demo_closes_every_past_working_day(sqlite_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    fill(db, DemoOptions(days=10, tickets=200, seed=1, now=END, close_days=True))
    with db.read() as s:
        days = {t.date() for t in s.scalars(select(Receipt.issued_at))}
        closes = {c.day: c for c in s.scalars(select(DayClose))}
        cal = settings.work_calendar(s)
        first = min(t.date() for t in s.scalars(select(Ticket.intake_at)))
        working = {first + timedelta(days=n) for n in range((END.date() - first).days)}
        assert set(closes) == {d for d in working | days if d < END.date() and (d in days or cal.is_working_day(d))}
        assert days - {END.date()} <= set(closes)
        for day, row in closes.items():
            f = dayclose.day_figures(s, day, counter="main")
            assert f.closed and row.over_short == f.over_short == f.counted_cash - f.expected_cash == 0  # type: ignore[operator]
            standing = [r for r in s.scalars(select(Receipt)) if r.issued_at.date() == day and r.voided_at is None]
            assert f.net_total == sum((r.net for r in standing), f.net_total * 0)
        assert not dayclose.is_closed(s, END.date(), counter="main")
    db.dispose()
