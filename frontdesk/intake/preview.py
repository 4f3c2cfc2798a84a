"""What the intake screen shows while the clerk is still typing: the facts
that would be flagged "to verify", and the warranty of a saved ticket.

Read-only helpers over the same rules as :mod:`frontdesk.intake.service`, so
the screen never guesses differently from what saving will decide.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from frontdesk import customers, settings
from frontdesk.db.models import Ticket
from frontdesk.errors import ValidationError
from frontdesk.intake.service import IntakeForm, _verify_fields, apply_product_facts, product_repair_days, warranty_for
from frontdesk.intake.warranty import WarrantyStatus


def missing_facts(form: IntakeForm, region: str = "CN") -> list[str]:
    """The fields saving ``form`` now would flag "to verify" (a phone that
    cannot be read at all counts as missing)."""
    try:
        phone = customers.check_phone(form.phone, region)
    except ValidationError:
        phone = customers.PhoneCheck("", "", "", False)
    return _verify_fields(replace(form, doubtful=set(form.doubtful)), phone)


def ticket_warranty(session: Session, ticket: Ticket, as_of: date | None = None) -> WarrantyStatus | None:
    """The warranty of a ticket's product, on its intake day (or ``as_of``),
    with the days it spent in repair (on this ticket and earlier ones) added back."""
    product = ticket.product
    if product is None:
        return None
    form = apply_product_facts(IntakeForm(exclusion=ticket.warranty_exclusion), product)
    days = ticket.repair_days + product_repair_days(session, product.id, before_ticket_id=ticket.id)
    return warranty_for(form, as_of or ticket.intake_at.date(), days, settings.work_calendar(session))
