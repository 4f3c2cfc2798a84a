"""What the intake screen shows while the clerk is still typing: the facts
that would be flagged "to verify", the warranty and 三包 advice, and the
warranty of a saved ticket.

Read-only helpers over the same rules as :mod:`frontdesk.intake.service`, so
the screen never guesses differently from what saving will decide.

A phone call is the one place the screen goes further than saving: the
customer says when they bought the product, nobody can show the invoice
down the line, and the clerk still has to tell them what to expect.  With a
purchase date typed and no proof shown the advice is worked out as if the
invoice were shown, and marked provisional (to verify at the visit); the
ticket itself is saved as today, its proof "to verify".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from frontdesk import customers, settings
from frontdesk.db.models import Ticket
from frontdesk.errors import ValidationError
from frontdesk.intake import faults
from frontdesk.intake.service import (
    PHONE,
    SERVICE_KINDS,
    IntakeForm,
    _verify_fields,
    advice_for,
    apply_product_facts,
    product_repair_days,
    warranty_for,
)
from frontdesk.intake.warranty import SanbaoAdvice, WarrantyStatus
from frontdesk.workcalendar import WorkCalendar


def missing_facts(form: IntakeForm, region: str = "CN") -> list[str]:
    """The fields saving ``form`` now would flag "to verify" (a phone that
    cannot be read at all counts as missing)."""
    try:
        phone = customers.check_phone(form.phone, region)
    except ValidationError:
        phone = customers.PhoneCheck("", "", "", False)
    return _verify_fields(replace(form, doubtful=set(form.doubtful)), phone)


@dataclass(frozen=True)
class IntakeAdvice:
    """The warranty and the 三包 advice for the form as typed so far."""

    warranty: WarrantyStatus | None  # None: no known product category yet
    advice: SanbaoAdvice | None
    # A phone call's purchase date taken at the customer's word: the proof is
    # seen at the visit (see the module docstring).
    provisional: bool
    # The completed repairs of the same fault the advice counted.
    earlier: tuple[faults.EarlierRepair, ...] = ()


def is_provisional(form: IntakeForm) -> bool:
    """A phone request with a purchase date and no invoice or card shown."""
    return (form.channel == PHONE and form.kind in SERVICE_KINDS and form.purchase_date is not None
            and not (form.invoice_shown or form.card_shown))


def intake_advice(session: Session, form: IntakeForm, as_of: date,
                  calendar: WorkCalendar | None = None) -> IntakeAdvice:
    """The warranty and 三包 advice the intake screen shows for ``form`` on
    ``as_of``: a returning customer's product (``form.product_id``) with its
    days in repair added back and its earlier repairs of the fault category
    counted, as :func:`frontdesk.intake.service.take_intake` counts them."""
    repair_days = product_repair_days(session, form.product_id) if form.product_id is not None else 0
    earlier = (faults.earlier_repairs(session, form.product_id, form.fault_category)
               if form.product_id is not None else [])
    provisional = is_provisional(form)
    facts = replace(form, invoice_shown=True) if provisional else form
    status = warranty_for(facts, as_of, repair_days,
                          calendar if calendar is not None else settings.work_calendar(session))
    if status is None:
        return IntakeAdvice(None, None, False)
    return IntakeAdvice(status, advice_for(facts, as_of, status, earlier), provisional, tuple(earlier))


def ticket_warranty(session: Session, ticket: Ticket, as_of: date | None = None) -> WarrantyStatus | None:
    """The warranty of a ticket's product, on its intake day (or ``as_of``),
    with the days it spent in repair (on this ticket and earlier ones) added back."""
    product = ticket.product
    if product is None:
        return None
    form = apply_product_facts(IntakeForm(exclusion=ticket.warranty_exclusion), product)
    days = ticket.repair_days + product_repair_days(session, product.id, before_ticket_id=ticket.id)
    return warranty_for(form, as_of or ticket.intake_at.date(), days, settings.work_calendar(session))
