"""Technicians: names that tickets and visits are assigned to."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import audit, clock
from frontdesk.db import driver
from frontdesk.db.models import Technician
from frontdesk.errors import ValidationError
from frontdesk.i18n import _
from frontdesk.users import Actor, require_manager

_NAMES = "SELECT id, name FROM technicians ORDER BY name"
_ACTIVE_NAMES = "SELECT id, name FROM technicians WHERE active ORDER BY name"


def technician_names(session: Session, active_only: bool = True) -> list[tuple[int, str]]:
    """The technicians' ids and names, by name (the active ones unless told):
    what every list to pick one from shows.  On the driver's cursor, as the
    ticket that shows it opens (docs/architecture.md#the-drivers-cursor)."""
    return [(tid, name) for tid, name in driver.rows(session, _ACTIVE_NAMES if active_only else _NAMES, {})]


def add_technician(session: Session, actor: Actor, name: str, phone: str = "", areas: list[str] | None = None,
                   approver: Actor | None = None, now: datetime | None = None) -> Technician:
    manager = require_manager(actor, approver, _("add a technician"))
    name = (name or "").strip()
    if not name or len(name) > 80:
        raise ValidationError({"name": _("The technician's name must be 1 to 80 characters.")})
    if session.scalar(select(Technician.id).where(Technician.name == name)) is not None:
        raise ValidationError({"name": _("A technician named {name} already exists.").format(name=name)})
    tech = Technician(name=name, phone=phone.strip(), areas=[a.strip() for a in areas or [] if a.strip()], active=True)
    session.add(tech)
    session.flush()
    audit.record(session, actor.id, "technician.add", "technician", tech.id, {"name": name}, approver_id=manager.id,
                 at=now or clock.now())
    return tech
