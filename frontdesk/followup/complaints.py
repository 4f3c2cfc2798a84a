"""The complaints the desk still owes an answer, for the follow-up list.

A complaint is recorded at intake with the promised time of an answer and
stays open until a manager closes it (``intake.service.close_complaint``);
this module only reads: which are open, whose answer is late or close.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from frontdesk import clock
from frontdesk.db.models import Complaint, Customer, Ticket, User

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
               Complaint.what_happened, Complaint.opened_at, opener.name, handler.name, Complaint.promised_answer_at)
        .join(Customer, Customer.id == Complaint.customer_id)
        .outerjoin(Ticket, Ticket.id == Complaint.ticket_id)
        .outerjoin(opener, opener.id == Complaint.opened_by_id)
        .outerjoin(handler, handler.id == Complaint.handler_id)
        .where(Complaint.closed_at.is_(None))
        .order_by(Complaint.promised_answer_at, Complaint.id)
    )
    return [ComplaintRow(r[0], r[1], r[2] or "", r[3], r[4] or "", r[5] or "", r[6], r[7] or "", r[8] or "", r[9],
                         r[9] < now, now <= r[9] < now + ANSWER_SOON) for r in rows]
