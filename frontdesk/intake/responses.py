"""The answer promised to a phone request: a repair or installation asked
for by phone gets a response within one working day (``respond_by``, set at
intake).  The list of those about to miss the promise, and the answer given
(an appointment or a call-back)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import audit, clock, settings
from frontdesk.db.models import Customer, Ticket
from frontdesk.errors import IllegalTransition
from frontdesk.i18n import N_, Message, _
from frontdesk.intake import states
from frontdesk.intake.service import MAX_SHORT, PHONE, SERVICE_KINDS, get_ticket
from frontdesk.intake.timeline import add_event
from frontdesk.users import Actor


def mark_responded(session: Session, actor: Actor, ticket_id: int, how: str, now: datetime | None = None) -> Ticket:
    """The phone request got its answer (appointment or call-back)."""
    now = now or clock.now()
    ticket = get_ticket(session, ticket_id)
    if ticket.responded_at is not None:
        raise IllegalTransition(_("This request was already answered."))
    ticket.responded_at = now
    ticket.updated_at = now
    add_event(session, ticket, actor, "responded", Message(N_("Customer answered: {how}"), how=how.strip()[:MAX_SHORT]),
              now=now)
    audit.record(session, actor.id, "ticket.responded", "ticket", ticket.id, at=now)
    return ticket


@dataclass(frozen=True)
class DueResponse:
    ticket_id: int
    number: str
    customer_name: str
    phone: str
    intake_at: datetime
    respond_by: datetime
    overdue: bool


def responses_due(session: Session, now: datetime | None = None, warn_hours: int | None = None) -> list[DueResponse]:
    """Phone repair requests about to miss (or past) the one-working-day promise."""
    now = now or clock.now()
    if warn_hours is None:
        warn_hours = int(settings.get(session, "response_warning_hours"))
    limit = now + timedelta(hours=warn_hours)
    rows = session.execute(
        select(Ticket.id, Ticket.number, Customer.name, Customer.phone_display, Ticket.intake_at, Ticket.respond_by)
        .join(Customer, Customer.id == Ticket.customer_id)
        .where(Ticket.channel == PHONE, Ticket.kind.in_(SERVICE_KINDS), Ticket.responded_at.is_(None),
               Ticket.state.in_(states.OPEN), Ticket.respond_by <= limit)
        .order_by(Ticket.respond_by)
    )
    return [DueResponse(r[0], r[1], r[2], r[3], r[4], r[5], r[5] < now) for r in rows if r[5] is not None]


__all__ = ["DueResponse", "mark_responded", "responses_due"]
