"""Helpers for the loaner tests (imported as tests.loaners.loaner_helpers)."""

from __future__ import annotations

from datetime import date, datetime

from frontdesk.db.engine import Database
from frontdesk.intake import service as intake
from frontdesk.intake import states
from frontdesk.loaners import service as loaners
from frontdesk.users import Actor
from tests.billing.billing_helpers import fridge_form

NOW = datetime(2026, 11, 24, 10, 0)
PROMISED = date(2026, 11, 28)


def workshop_ticket(db: Database, clerk: Actor, at: datetime = NOW, promised: date = PROMISED,
                    serial: str = "HA2301234567", phone: str = "13812345678") -> int:
    """A refrigerator diagnosed and pulled back to the workshop."""
    with db.write() as s:
        ticket_id = intake.take_intake(s, clerk, fridge_form(serial=serial, phone=phone), now=at).ticket_id
        intake.move(s, clerk, ticket_id, states.DIAGNOSING, now=at)
        s.flush()
        loaners.pull_back(s, clerk, ticket_id, ["外观完好", "无划痕"], "门封条略旧", ["电源线"], promised, now=at)
        return ticket_id


def add_units(db: Database, manager: Actor, *tags: str, category: str = "refrigerator") -> list[int]:
    with db.write() as s:
        return [loaners.add_unit(s, manager, tag, category, "BCD-100", f"SN-{tag}", "良好", now=NOW).id
                for tag in tags]
