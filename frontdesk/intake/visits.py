"""The day's visits as the desk plans them: grouped by area, each group with
the technician who should take it, and the assignment of a whole area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy.orm import Session

from frontdesk import audit, clock
from frontdesk.db.models import Technician
from frontdesk.errors import NotFound
from frontdesk.i18n import _
from frontdesk.intake.service import _event, visits_by_area
from frontdesk.users import Actor


@dataclass(frozen=True)
class VisitRow:
    id: int
    ticket_id: int
    number: str
    window_start: time
    window_end: time
    customer: str
    phone: str
    address: str
    technician: str
    state: str


@dataclass(frozen=True)
class AreaPlan:
    area: str
    visits: list[VisitRow]
    suggested_technician_id: int | None
    suggested_technician: str


def day_plan(session: Session, day: date) -> list[AreaPlan]:
    """Plain rows for the screen (nothing lazy left to load)."""
    names = {t.id: t.name for t in session.query(Technician)}
    out = []
    for group in visits_by_area(session, day):
        rows = [
            VisitRow(
                id=v.id, ticket_id=v.ticket_id, number=v.ticket.number, window_start=v.window_start,
                window_end=v.window_end, customer=v.ticket.customer.name,
                phone=v.ticket.customer.phone_display or v.ticket.customer.phone, address=v.address,
                technician=names.get(v.technician_id or 0, ""), state=v.state,
            )
            for v in group.visits
        ]
        sid = group.suggested_technician_id
        out.append(AreaPlan(group.area, rows, sid, names.get(sid or 0, "")))
    return out


def assign_area(session: Session, actor: Actor, day: date, area: str, technician_id: int,
                now: datetime | None = None) -> int:
    """Give every booked visit of ``area`` on ``day`` to one technician (and
    their tickets too); returns how many visits changed."""
    tech = session.get(Technician, technician_id)
    if tech is None or not tech.active:
        raise NotFound(_("No such technician."))
    changed = 0
    now = now or clock.now()
    for group in visits_by_area(session, day):
        if group.area != area:
            continue
        for visit in group.visits:
            if visit.state != "booked" or visit.technician_id == technician_id:
                continue
            visit.technician_id = technician_id
            visit.ticket.technician_id = technician_id
            visit.ticket.updated_at = now
            _event(session, visit.ticket, actor, "assigned",
                   _("Visit on {day} assigned to {name}").format(day=day.isoformat(), name=tech.name), now=now)
            audit.record(session, actor.id, "visit.assign", "visit", visit.id, {"technician_id": technician_id},
                         at=now)
            changed += 1
    return changed
