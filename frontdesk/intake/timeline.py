"""A ticket's timeline: the events the desk reads on the ticket (taken,
moved, verified, a note, a visit, a quote, a receipt...), one row each."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from frontdesk import clock
from frontdesk.db.models import Ticket, TicketEvent
from frontdesk.users import Actor


def add_event(session: Session, ticket: Ticket, actor: Actor | None, kind: str, text: str,
              from_state: str | None = None, to_state: str | None = None, now: datetime | None = None) -> TicketEvent:
    """Add an event of ``kind`` to ``ticket``'s timeline, dated ``now``."""
    ev = TicketEvent(ticket_id=ticket.id, at=now or clock.now(), user_id=actor.id if actor else None,
                     kind=kind, from_state=from_state, to_state=to_state, text=text)
    session.add(ev)
    return ev


__all__ = ["add_event"]
