"""Complaints after intake: the ones the desk still owes an answer, for the
follow-up list (whose answer is late or close), and closing one.

A complaint is recorded at intake (``intake.service.take_intake``) with the
promised time of an answer and stays open until a manager closes it
(:func:`close_complaint`), which closes a complaint's own ticket too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from frontdesk import audit, clock
from frontdesk.db.lookup import get_or_not_found
from frontdesk.db.models import Complaint, Customer, Ticket, User
from frontdesk.errors import IllegalTransition, ValidationError
from frontdesk.i18n import N_, Message, _
from frontdesk.intake import states
from frontdesk.intake.fields import clean_text
from frontdesk.intake.service import COMPLAINT, MAX_TEXT, get_ticket, move
from frontdesk.intake.timeline import add_event
from frontdesk.users import Actor, display_name, display_name_column, require_manager

ANSWER_SOON = timedelta(hours=2)  # the list shows these in orange


@dataclass(frozen=True)
class ComplaintRow:
    id: int
    ticket_id: int | None
    ticket_number: str
    customer_name: str
    phone: str
    what_happened: str
    opened_at: datetime
    opened_by: str
    handler: str
    promised_answer_at: datetime
    overdue: bool
    answer_soon: bool


def open_complaints(session: Session, now: datetime | None = None) -> list[ComplaintRow]:
    """Open complaints, the answer promised first on top (so overdue first)."""
    now = now or clock.now()
    opener, handler = aliased(User), aliased(User)
    rows = session.execute(
        select(Complaint.id, Complaint.ticket_id, Ticket.number, Customer.name, Customer.phone_display,
               Complaint.what_happened, Complaint.opened_at, display_name_column(opener), display_name_column(handler),
               Complaint.promised_answer_at)
        .join(Customer, Customer.id == Complaint.customer_id)
        .outerjoin(Ticket, Ticket.id == Complaint.ticket_id)
        .outerjoin(opener, opener.id == Complaint.opened_by_id)
        .outerjoin(handler, handler.id == Complaint.handler_id)
        .where(Complaint.closed_at.is_(None))
        .order_by(Complaint.promised_answer_at, Complaint.id)
    )
    return [ComplaintRow(r[0], r[1], r[2] or "", r[3], r[4] or "", r[5] or "", r[6], r[7] or "", r[8] or "", r[9],
                         r[9] < now, now <= r[9] < now + ANSWER_SOON) for r in rows]


def close_complaint(session: Session, actor: Actor, complaint_id: int, resolution: str,
                    approver: Actor | None = None, now: datetime | None = None) -> Complaint:
    """Only a manager closes a complaint."""
    manager = require_manager(actor, approver, _("close a complaint"))
    complaint = get_or_not_found(session, Complaint, complaint_id, _("No such complaint."))
    if complaint.closed_at is not None:
        raise IllegalTransition(_("This complaint is already closed."))
    problems: dict[str, str] = {}
    text = clean_text(resolution, MAX_TEXT, "resolution", problems)
    if not text:
        problems["resolution"] = _("Write down how the complaint was resolved.")
    if problems:
        raise ValidationError(problems)
    now = now or clock.now()
    complaint.closed_at = now
    complaint.closed_by_id = manager.id
    complaint.resolution = text
    audit.record(session, actor.id, "complaint.close", "complaint", complaint.id, approver_id=manager.id, at=now)
    if complaint.ticket_id:
        ticket = get_ticket(session, complaint.ticket_id)
        add_event(session, ticket, actor, "complaint",
                  Message(N_("Complaint closed by {manager}: {text}"), manager=display_name(session, manager.id),
                          text=text), now=now)
        if ticket.kind == COMPLAINT and ticket.state in states.OPEN and states.can_move(ticket.state, states.CLOSED):
            session.flush()
            move(session, actor, ticket.id, states.CLOSED, text, approver=manager, now=now)
    return complaint


__all__ = ["ANSWER_SOON", "ComplaintRow", "close_complaint", "open_complaints"]
