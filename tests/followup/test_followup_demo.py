"""`frontdesk demo` fills the call-backs and feedback cards realistically:
every reason and outcome, a morning queue with overdue calls, calls made on
the last day, cards back satisfied and not (with their follow-ups), missing
and unsigned cards, and one technician whose cards look made up."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from frontdesk.db.engine import Database
from frontdesk.db.models import Technician, Ticket
from frontdesk.demo import PATTERN_TECH, TECHNICIANS, DemoOptions, fill
from frontdesk.followup import figures
from frontdesk.followup import service as followup
from frontdesk.followup.models import CallBack, FeedbackCard

END = datetime(2026, 11, 25, 15, 0)  # a Wednesday afternoon
OPTIONS = DemoOptions(days=14, tickets=450, seed=1, now=END)


@pytest.fixture(scope="module")
def demo(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("followup_demo") / "demo.sqlite"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    fill(db, OPTIONS)
    yield db
    db.dispose()


def test_every_call_back_reason_and_every_outcome_shows(demo: Database) -> None:
    with demo.read() as s:
        done = s.execute(select(CallBack.reason, CallBack.outcome).where(CallBack.done_at.is_not(None))).all()
        reasons = set(s.scalars(select(CallBack.reason)))
        wrong = s.scalars(select(CallBack.ticket_id).where(CallBack.outcome == followup.WRONG_NUMBER)).all()
        flagged = [list(t.verify_fields or []) for t in s.scalars(select(Ticket).where(Ticket.id.in_(wrong)))]
    assert reasons == set(followup.REASONS)
    assert {o for _r, o in done} == set(followup.OUTCOMES)
    # Done call-backs of every kind, not only open ones.
    assert {r for r, _o in done} == set(followup.REASONS)
    # A wrong number flags the ticket's phone to verify (until a clerk verifies it).
    assert flagged and any("phone" in fields for fields in flagged)


def test_the_queue_at_the_end_has_overdue_calls_and_calls_due_today(demo: Database) -> None:
    with demo.read() as s:
        rows = followup.queue(s, now=END)
        made = followup.calls_made(s, END.date())
    overdue = [r for r in rows if r.overdue]
    assert len(overdue) >= 3
    assert any(not r.overdue and r.due_at.date() == END.date() for r in rows)
    assert any(r.due_soon for r in rows)
    assert made and all(c.done_at.date() == END.date() and c.done_at <= END for c in made)


def test_cards_come_back_satisfied_and_not_with_their_follow_ups(demo: Database) -> None:
    with demo.read() as s:
        cards = s.execute(select(FeedbackCard.id, FeedbackCard.issued_on, FeedbackCard.returned_on,
                                 FeedbackCard.quality, FeedbackCard.attitude)).all()
        calls = s.execute(select(CallBack.card_id, CallBack.reason, CallBack.outcome, CallBack.done_at)
                          .where(CallBack.card_id.is_not(None))).all()
    returned = [c for c in cards if c.returned_on is not None]
    satisfied = [c for c in returned if followup.card_satisfied(c.quality, c.attitude)]
    unhappy = [c for c in returned if not followup.card_satisfied(c.quality, c.attitude)]
    assert satisfied and unhappy
    # Most cards come back; those that do, within a few days.
    old = [c for c in cards if (END.date() - c.issued_on).days >= figures.MISSING_AFTER_DAYS]
    assert old and sum(c.returned_on is not None for c in old) >= 0.8 * len(old)
    assert all(c.returned_on is None or (c.returned_on - c.issued_on).days < figures.MISSING_AFTER_DAYS
               for c in cards)
    # Every unhappy card got its call-back.
    by_card: dict[int, list[Any]] = {}
    for cb in calls:
        assert cb.card_id is not None
        by_card.setdefault(cb.card_id, []).append(cb)
    assert all(c.id in by_card for c in unhappy)
    # Some were followed until the customer was fine: not fine, then a follow-up reached fine.
    followed = [c for c in unhappy if any(cb.reason == followup.DISSATISFIED and cb.outcome == followup.REACHED_NOT_FINE
                                          for cb in by_card[c.id])
                and any(cb.reason == followup.FOLLOW_UP and cb.outcome == followup.REACHED_FINE
                        for cb in by_card[c.id])]
    assert len(followed) >= 2
    # And at least one is still being followed at the end.
    assert any(cb.done_at is None for c in unhappy for cb in by_card[c.id])


def test_supervision_flags_missing_unsigned_and_exactly_the_one_made_up_pattern(demo: Database) -> None:
    today = END.date()
    with demo.read() as s:
        rows = figures.supervision(s, today - timedelta(days=29), today, today)  # the view's default range
        pattern_id = s.scalar(select(Technician.id).where(Technician.name == TECHNICIANS[PATTERN_TECH][0]))
    assert len(rows) == len(TECHNICIANS)
    assert sum(r.missing for r in rows) > 0
    assert sum(r.satisfied_unsigned for r in rows) > 0
    pattern = {figures.FLAG_SAME_DAY, figures.FLAG_TOP_MARKS}
    flagged = [r for r in rows if pattern & set(r.flags)]
    assert [r.technician_id for r in flagged] == [pattern_id]
    assert pattern <= set(flagged[0].flags) and flagged[0].returned >= figures.PATTERN_MIN_CARDS
    # The others have enough cards back for the patterns to be looked for, and look normal.
    others = [r for r in rows if r.technician_id != pattern_id]
    assert all(r.returned >= figures.PATTERN_MIN_CARDS for r in others)
    # Not every technician is flagged: some show no flag at all.
    assert any(not r.flags for r in others)


def test_demo_calls_are_made_inside_calling_hours_even_when_the_demo_ends_before_opening(tmp_path: Path) -> None:
    from frontdesk import settings
    from frontdesk.db.migrate import open_database
    from frontdesk.demo import DemoOptions, fill

    db = open_database(f"sqlite:///{tmp_path / 'early.sqlite'}", daily_backup=False)
    fill(db, DemoOptions(days=4, tickets=300, seed=4, now=datetime(2026, 11, 25, 7, 45)))  # seed 4 called at 01:05
    with db.read() as s:
        cal = settings.work_calendar(s)
        done = s.scalars(select(CallBack.done_at).where(CallBack.done_at.is_not(None))).all()
    assert done and all(cal.within_hours(at) for at in done), [at for at in done if not cal.within_hours(at)]
