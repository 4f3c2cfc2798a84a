"""Visits: a technician's visit booked for a ticket (at intake or later),
what a ticket's moves do to its visits (called off, done), and the day's
visits as the desk plans them: grouped by area, each group with the
technician who should take it, and the assignment of a whole area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import audit, clock
from frontdesk.db.lookup import get_or_not_found
from frontdesk.db.models import Technician, Ticket, Visit
from frontdesk.errors import IllegalTransition, NotFound, ValidationError
from frontdesk.i18n import N_, Message, _
from frontdesk.intake import states
from frontdesk.intake.fields import clean_text
from frontdesk.intake.timeline import add_event
from frontdesk.users import Actor


@dataclass
class VisitRequest:
    day: date
    window_start: time
    window_end: time
    address: str = ""
    area: str = ""
    technician_id: int | None = None


def add_visit(session: Session, actor: Actor, ticket: Ticket, req: VisitRequest, now: datetime) -> Visit:
    """Book the visit ``req`` on ``ticket`` (its window and day checked by the
    caller): the ticket is scheduled and its phone request answered."""
    problems: dict[str, str] = {}
    address = clean_text(req.address, 500, "address", problems) or ticket.address
    area = clean_text(req.area, 80, "area", problems) or ticket.area
    if problems:
        raise ValidationError(problems)
    visit = Visit(
        ticket_id=ticket.id, day=req.day, window_start=req.window_start, window_end=req.window_end,
        address=address, area=area,
        technician_id=req.technician_id, state="booked", created_at=now,
    )
    session.add(visit)
    if ticket.state == states.RECEIVED:
        states.check_move(ticket.state, states.SCHEDULED)
        ticket.state = states.SCHEDULED
    if ticket.responded_at is None:
        ticket.responded_at = now
    add_event(session, ticket, actor, "visit",
              Message(N_("Visit booked for {day} {start}–{end}"), day=req.day.isoformat(),
                      start=req.window_start.strftime("%H:%M"), end=req.window_end.strftime("%H:%M")),
              to_state=ticket.state, now=now)
    session.flush()
    audit.record(session, actor.id, "visit.book", "visit", visit.id, {"ticket": ticket.number}, at=now)
    return visit


def book_visit(session: Session, actor: Actor, ticket_id: int, req: VisitRequest, now: datetime | None = None) -> Visit:
    """Book a technician's visit for a ticket still open."""
    now = now or clock.now()
    ticket = get_or_not_found(session, Ticket, ticket_id, _("No such ticket."))
    if ticket.state in states.FINAL:
        raise IllegalTransition(_("A closed ticket cannot get a visit."))
    if req.window_end <= req.window_start:
        raise ValidationError({"visit": _("The visit's time window must end after it starts.")})
    if req.day < now.date():
        raise ValidationError({"visit": _("The visit cannot be booked in the past.")})
    return add_visit(session, actor, ticket, req, now)


def call_off_visits(session: Session, actor: Actor, ticket: Ticket, now: datetime) -> None:
    """A request cancelled, or back to "received" (postponed), leaves no visit
    on a technician's day."""
    for visit in session.scalars(
        select(Visit).where(Visit.ticket_id == ticket.id, Visit.state == "booked", Visit.day >= now.date())
    ):
        visit.state = "cancelled"
        audit.record(session, actor.id, "visit.cancel", "visit", visit.id, {"ticket": ticket.number}, at=now)


def mark_visits_done(session: Session, ticket: Ticket, now: datetime) -> None:
    """The technician went: the visit of today or earlier is done."""
    for visit in session.scalars(
        select(Visit).where(Visit.ticket_id == ticket.id, Visit.state == "booked", Visit.day <= now.date())
    ):
        visit.state = "done"


@dataclass(frozen=True)
class AreaGroup:
    area: str
    visits: list[Visit]
    suggested_technician_id: int | None


def visits_by_area(session: Session, day: date) -> list[AreaGroup]:
    """A day's visits grouped by area, so nearby addresses go to one
    technician: the one already holding most visits there, else the one
    whose areas list it."""
    visits = list(session.scalars(
        select(Visit).where(Visit.day == day, Visit.state != "cancelled").order_by(Visit.area, Visit.window_start)
    ))
    techs = list(session.scalars(select(Technician).where(Technician.active.is_(True))))
    groups: dict[str, list[Visit]] = {}
    for v in visits:
        groups.setdefault(v.area or "", []).append(v)
    out = []
    for area, items in sorted(groups.items(), key=lambda kv: (kv[0] == "", kv[0])):
        counts: dict[int, int] = {}
        for v in items:
            if v.technician_id:
                counts[v.technician_id] = counts.get(v.technician_id, 0) + 1
        suggested = max(counts, key=lambda k: counts[k]) if counts else None
        if suggested is None:
            for t in techs:
                if area and area in (t.areas or []):
                    suggested = t.id
                    break
        out.append(AreaGroup(area, items, suggested))
    return out


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
            add_event(session, visit.ticket, actor, "assigned",
                      Message(N_("Visit on {day} assigned to {name}"), day=day.isoformat(), name=tech.name), now=now)
            audit.record(session, actor.id, "visit.assign", "visit", visit.id, {"technician_id": technician_id},
                         at=now)
            changed += 1
    return changed
