"""Before a day is closed the manager sees what will be closed (the
figures with the count, the other counters still open that day) and is
warned when the day is not over: closing today before the shop's closing
hour is refused unless the close says it is early on purpose."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from frontdesk import settings
from frontdesk.billing import payments
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord
from frontdesk.errors import Conflict, ValidationError
from frontdesk.users import Actor, add_user
from tests.dayclose.test_day_close import COUNT, DAY, at, known_day

D = Decimal


def test_the_preview_shows_what_will_be_closed_and_writes_nothing(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    ticket = known_day(db, manager, clerk)
    with db.write() as s:
        payments.take_payment(s, clerk, ticket, "cash", "5", now=at(16, 30), counter="desk 2")
    with db.read() as s:
        with pytest.raises(ValidationError, match="Count the drawer"):
            dayclose.close_preview(s, DAY, counter="main", now=at(18, 30))
        preview = dayclose.close_preview(s, DAY, counter="main", opening_float="500", denominations=COUNT,
                                         now=at(18, 30))
    f = preview.figures
    assert (f.day, f.counter, f.receipt_count, f.closed) == (DAY, "main", 5, False)
    assert {m.method: m.net for m in f.methods}["cash"] == D("100.00")
    assert (f.expected_cash, f.counted_cash, f.over_short) == (D("600.00"), D("598.00"), D("-2.00"))
    assert preview.others_open == ("desk 2",) and not preview.early and preview.closing.strftime("%H:%M") == "18:00"
    with db.read() as s:  # nothing saved, nothing audited
        assert dayclose.get_close(s, DAY, "main") is None
        assert s.scalar(select(AuditRecord.id).where(AuditRecord.action.like("day.%"))) is None
    with db.write() as s:
        dayclose.save_count(s, clerk, DAY, "500", "610", now=at(18, 31), counter="main")
    with db.read() as s:  # the count saved, when none is typed
        saved = dayclose.close_preview(s, DAY, counter="main", now=at(18, 32))
    assert (saved.figures.counted_cash, saved.figures.over_short) == (D("610.00"), D("10.00"))
    with db.write() as s:
        dayclose.close_day(s, manager, DAY, counter="desk 2", opening_float="0", counted="5", now=at(18, 40))
        dayclose.close_day(s, manager, DAY, counter="main", now=at(18, 41))
    with db.read() as s, pytest.raises(Conflict, match="already closed"):
        dayclose.close_preview(s, DAY, counter="main", now=at(19))


def test_today_is_not_closed_before_the_closing_hour_unless_early(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    known_day(db, manager, clerk)
    with db.read() as s:
        assert dayclose.close_preview(s, DAY, counter="main", opening_float="500", counted="598",
                                      now=at(3, 33)).early
        assert dayclose.close_preview(s, DAY, counter="main", opening_float="500", counted="598",
                                      now=at(17, 59)).early
        assert not dayclose.close_preview(s, DAY, counter="main", opening_float="500", counted="598", now=at(18)).early
        # The day before, closed in the small hours of the next: it is over.
        assert not dayclose.is_early(s, DAY, datetime(2026, 11, 25, 3, 33))
    with pytest.raises(ValidationError) as refused, db.write() as s:
        dayclose.close_day(s, manager, DAY, opening_float="500", counted="598", counter="main", now=at(3, 33))
    assert refused.value.message == ("2026-11-24 is not over: the shop closes at 18:00 and it is 03:33. Closing now "
                                     "locks the day's money for the rest of the day; close it early only on purpose.")
    with db.read() as s:
        assert not dayclose.is_closed(s, DAY, "main")
    with db.write() as s:
        settings.update(s, manager, {"closing": "20:00"})
    with db.read() as s:
        assert dayclose.is_early(s, DAY, at(19)) and not dayclose.is_early(s, date(2026, 11, 23), at(19))
    with db.write() as s:
        f = dayclose.close_day(s, manager, DAY, opening_float="500", counted="598", counter="main", early=True,
                               now=at(19))
    assert f.closed
    with db.read() as s:
        detail = s.scalars(select(AuditRecord.detail).where(AuditRecord.action == "day.close")).one()
    assert detail["early"] is True


def test_the_manager_who_typed_the_pin_approves_the_close(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    known_day(db, manager, clerk)
    with db.write() as s:
        other = add_user(s, manager, "zhang", "manager", "8642")
        second = Actor(other.id, other.name, other.role)
    with db.write() as s:
        f = dayclose.close_day(s, manager, DAY, second, opening_float="500", counted="598", counter="main",
                               now=at(18))
    assert (f.closed_by, f.approved_by) == ("Wang Manager", "zhang")  # no full name: the login name
