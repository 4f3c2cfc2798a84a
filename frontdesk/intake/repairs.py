"""The repair record: what the technician found and did, written when the
work is done (docs/rules.md#the-repair-record).

Recording it moves the ticket to "repaired" (from "in repair", or from
"diagnosing" when nothing was repaired: no fault found, cannot be repaired),
and counts the product's earlier repairs of the same fault for the 三包
advice (:mod:`frontdesk.intake.faults`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from frontdesk import audit, clock, hooks
from frontdesk.claims.pricing import LEVELS
from frontdesk.db.lookup import get_or_not_found
from frontdesk.db.models import RepairPart, RepairRecord, Technician
from frontdesk.errors import IllegalTransition, ValidationError
from frontdesk.i18n import N_, Message, _
from frontdesk.intake import faults, states
from frontdesk.intake.fields import clean_text
from frontdesk.intake.service import get_ticket, move
from frontdesk.users import Actor

MAX_NOTE = 2000
MAX_PARTS = 30


@dataclass(frozen=True)
class PartReplaced:
    part_no: str
    description: str = ""
    new_serial: str = ""
    old_serial: str = ""


@dataclass(frozen=True)
class RepairResult:
    fault_category: str
    action: str
    note: str = ""
    parts: Sequence[PartReplaced] = field(default_factory=tuple)
    technician_id: int | None = None
    # minor | medium | major: the maker's labour for a claim (docs/rules.md#a-claim-for-every-in-warranty-repair);
    # "" when not said (the claim's labour then waits for it)
    level: str = ""


@dataclass(frozen=True)
class RepairView:
    fault_category: str
    fault_label: str
    action: str
    action_label: str
    note: str
    technician: str
    recorded_at: datetime
    parts: tuple[PartReplaced, ...]


def record_repair(session: Session, actor: Actor, ticket_id: int, result: RepairResult,
                  now: datetime | None = None) -> RepairRecord:
    """Keep the technician's result and move the ticket to "repaired"."""
    now = now or clock.now()
    ticket = get_ticket(session, ticket_id)
    if ticket.state == states.DIAGNOSING and result.action not in faults.WITHOUT_REPAIR:
        raise IllegalTransition(_("Ticket {number} is still being diagnosed: a repair starts in repair (after the "
                                  "customer's approval where it is charged).").format(number=ticket.number))
    if ticket.state not in (states.IN_REPAIR, states.DIAGNOSING):
        raise IllegalTransition(_("Ticket {number} is {state}: the repair record is written when the work is "
                                  "done.").format(number=ticket.number, state=states.label(ticket.state)))
    problems: dict[str, str] = {}
    category = ticket.product.category if ticket.product is not None else ""
    if not faults.is_fault_category(result.fault_category, category, session):
        problems["fault_category"] = _("Pick a fault category from the list.")
    if result.action not in faults.ACTIONS:
        problems["action"] = _("Pick what was done.")
    if result.level and result.level not in LEVELS:
        problems["level"] = _("Pick the repair level: minor, medium or major.")
    note = clean_text(result.note, MAX_NOTE, "note", problems, _("Note"))
    parts: list[PartReplaced] = []
    for n, part in enumerate(result.parts[:MAX_PARTS + 1], start=1):
        number = clean_text(part.part_no, 60, "parts", problems, _("Part number"))
        if not number:
            problems["parts"] = _("Part {n} has no part number.").format(n=n)
        parts.append(PartReplaced(
            number, clean_text(part.description, 200, "parts", problems, _("Part")),
            clean_text(part.new_serial, 120, "parts", problems, _("New serial")),
            clean_text(part.old_serial, 120, "parts", problems, _("Old serial"))))
    if len(result.parts) > MAX_PARTS:
        problems["parts"] = _("At most {n} parts on one repair.").format(n=MAX_PARTS)
    if result.action == faults.REPLACED_PART and not parts:
        problems["parts"] = _("Name the part that was replaced.")
    if result.action in faults.WITHOUT_REPAIR and parts:
        problems["parts"] = _("No part is replaced when nothing was repaired.")
    if result.technician_id is not None and session.get(Technician, result.technician_id) is None:
        problems["technician"] = _("No such technician.")
    if problems:
        raise ValidationError(problems)
    technician_id = result.technician_id if result.technician_id is not None else ticket.technician_id
    record = RepairRecord(ticket_id=ticket.id, fault_category=result.fault_category, action=result.action,
                          level=result.level, note=note,
                          technician_id=technician_id, recorded_at=now, recorded_by_id=actor.id,
                          parts=[RepairPart(position=i, part_no=p.part_no, description=p.description,
                                            new_serial=p.new_serial, old_serial=p.old_serial)
                                 for i, p in enumerate(parts)])
    session.add(record)
    ticket.fault_category = result.fault_category
    faults.count_for(session, ticket)
    session.flush()
    summary = Message(N_("{action}: {fault}"), action=faults.action_message(result.action),
                      fault=faults.fault_message(result.fault_category),
                      parts=("(" + ", ".join(p.part_no for p in parts) + ")",) if parts else ())
    move(session, actor, ticket.id, states.REPAIRED, said=summary, now=now)
    audit.record(session, actor.id, "repair.record", "ticket", ticket.id,
                 {"fault": result.fault_category, "action": result.action,
                  "parts": [[p.part_no, p.new_serial, p.old_serial] for p in parts], "level": result.level},
                 at=now)
    hooks.after_repair(session, actor, ticket, now)
    return record


def repair_of(session: Session, ticket_id: int) -> RepairView | None:
    """The ticket's repair record as people read it, or None."""
    found = session.execute(select(RepairRecord, Technician.name)  # its parts and technician with it: one statement
                            .outerjoin(Technician, Technician.id == RepairRecord.technician_id)
                            .options(joinedload(RepairRecord.parts))
                            .where(RepairRecord.ticket_id == ticket_id)).unique().first()
    if found is None:
        return None
    record, tech_name = found
    return RepairView(record.fault_category, faults.fault_label(record.fault_category), record.action,
                      faults.action_label(record.action), record.note, tech_name or "", record.recorded_at,
                      tuple(PartReplaced(p.part_no, p.description, p.new_serial, p.old_serial) for p in record.parts))


def get_record(session: Session, record_id: int) -> RepairRecord:
    return get_or_not_found(session, RepairRecord, record_id, _("No such repair record."))
