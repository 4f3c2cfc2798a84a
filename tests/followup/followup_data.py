"""Known data sets for the follow-up tests (the domain's and the screens'):
finished tickets with their feedback cards, and the cards of a supervision
check whose flags and figures the tests know."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from frontdesk.db.engine import Database
from frontdesk.followup import service as fu
from frontdesk.intake import faults, repairs, states
from frontdesk.intake import service as intake
from frontdesk.users import Actor

DAY = datetime(2026, 11, 2, 10, 0)  # a Monday


def finished_ticket(db: Database, clerk: Actor, tech_id: int, n: int, at: datetime,
                    category: str = "refrigerator") -> int:
    with db.write() as s:
        r = intake.take_intake(s, clerk, intake.IntakeForm(
            name=f"客户{n}", phone=f"1381234{n:04d}", category=category, model="M", serial=f"S{n}",
            purchase_date=date(2026, 1, 1), invoice_shown=True, fault="坏了", request="修",
            technician_id=tech_id), now=at)
        intake.move(s, clerk, r.ticket_id, states.IN_REPAIR, now=at)
        repairs.record_repair(s, clerk, r.ticket_id, repairs.RepairResult("electrical", faults.ADJUSTED), now=at)
        return r.ticket_id


def card_for(db: Database, clerk: Actor, tech_id: int, n: int, issued: datetime, category: str = "refrigerator") -> int:
    """A finished ticket and the feedback card handed out for it."""
    ticket_id = finished_ticket(db, clerk, tech_id, n, issued, category)
    with db.write() as s:
        return fu.issue_card(s, clerk, ticket_id, now=issued).id


def known_cards(db: Database, clerk: Actor, too_good: int, honest: int, late: int | None = None) -> None:
    """November 2026, seen on the 13th:

    - ``too_good``: 5 cards, every one back the day it was handed out with top
      marks (both patterns flagged);
    - ``honest``: 3 cards: one satisfied but unsigned, one not satisfied, one
      never returned (missing);
    - ``late`` (when given): one card handed out on the 12th, not back yet
      (not missing yet).
    """
    for i in range(5):
        cid = card_for(db, clerk, too_good, i + 1, DAY + timedelta(days=i))
        with db.write() as s:
            fu.enter_card(s, clerk, cid, quality=3, attitude=3, signed=True, now=DAY + timedelta(days=i, hours=1))
    a, b, _c = (card_for(db, clerk, honest, 6 + i, DAY, "washing_machine" if i else "refrigerator") for i in range(3))
    with db.write() as s:
        fu.enter_card(s, clerk, a, quality=3, attitude=2, signed=False, now=DAY + timedelta(days=2))
        fu.enter_card(s, clerk, b, quality=1, attitude=2, signed=True, now=DAY + timedelta(days=3))
    if late is not None:
        card_for(db, clerk, late, 9, datetime(2026, 11, 12, 10, 0))
