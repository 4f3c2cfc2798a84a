"""A process that lends (for the race test): it opens its own Database, and
each round waits for the others at the barrier, then tries to lend the
round's unit on a ticket of its own."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from frontdesk.db.engine import Database
from frontdesk.errors import Conflict, FrontDeskError
from frontdesk.loaners import service as loaners
from frontdesk.users import Actor


def lend(url: str, actor: tuple[int, str, str], worker: int, tickets: list[int], tags: list[str], barrier: Any,
         results: Any) -> None:
    db = Database(url)
    clerk = Actor(*actor)
    outcomes: list[str] = []
    for ticket_id, tag in zip(tickets, tags, strict=False):
        barrier.wait(timeout=60)

        def lend_one(s: Session, ticket_id: int = ticket_id, tag: str = tag) -> None:
            loaners.lend(s, clerk, ticket_id, tag, condition_out="良好", now=datetime(2026, 11, 24, 12, 0),
                         counter="main")

        try:
            db.run(lend_one, attempts=20)
            outcomes.append("lent")
        except Conflict as exc:
            outcomes.append("conflict:" + exc.message)
        except FrontDeskError as exc:  # reported, so that the others are not left at the barrier
            outcomes.append("error:" + exc.message)
    db.dispose()
    results.put((worker, outcomes))
