"""What the intake screen shows while the clerk is still typing: the facts
that would be flagged "to verify", the warranty and 三包 advice, and the
warranty of a saved ticket.

Read-only helpers over the same rules as :mod:`frontdesk.intake.service`, so
the screen never guesses differently from what saving will decide.

A product that already has an open ticket (the same serial number, or the
same customer's product of the same category) is shown with that ticket, so
the clerk opens it instead of taking the product in twice
(:func:`open_tickets_like`).

A phone call is the one place the screen goes further than saving: the
customer says when they bought the product, nobody can show the invoice
down the line, and the clerk still has to tell them what to expect.  With a
purchase date typed and no proof shown the advice is worked out as if the
invoice were shown, and marked provisional (to verify at the visit); the
ticket itself is saved as today, its proof "to verify".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import customers, settings
from frontdesk.db.models import Product, Ticket
from frontdesk.errors import ValidationError
from frontdesk.intake import faults, states
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


def ticket_warranty(session: Session, ticket: Ticket, as_of: date | None = None,
                    earlier_repair_days: int | None = None) -> WarrantyStatus | None:
    """The warranty of a ticket's product, on its intake day (or ``as_of``),
    with the days it spent in repair (on this ticket and earlier ones) added
    back.  ``earlier_repair_days``: those of its earlier tickets, when the
    caller has read them (:func:`product_repair_days`)."""
    product = ticket.product
    if product is None:
        return None
    form = apply_product_facts(IntakeForm(exclusion=ticket.warranty_exclusion), product)
    if earlier_repair_days is None:
        earlier_repair_days = product_repair_days(session, product.id, before_ticket_id=ticket.id)
    days = ticket.repair_days + earlier_repair_days
    return warranty_for(form, as_of or ticket.intake_at.date(), days, settings.work_calendar(session))


@dataclass(frozen=True)
class OpenTicket:
    """A ticket still open for the product being taken in."""

    id: int
    number: str
    state: str
    intake_at: datetime
    category: str
    model: str
    serial: str
    same_serial: bool  # the same product by its serial; else the same customer's product of the category


def open_tickets_like(session: Session, serial: str, customer_id: int | None, category: str,
                      limit: int = 5) -> list[OpenTicket]:
    """Open tickets of the product by ``serial`` (whoever it was taken in
    for), then of the customer's products of ``category``; newest first, at
    most ``limit``.  Both go through an index (the products' serials, the
    tickets' customer) and read only that product's or customer's tickets."""
    columns = (Ticket.id, Ticket.number, Ticket.state, Ticket.intake_at, Product.category, Product.model,
               Product.serial)
    found: dict[int, OpenTicket] = {}
    serial = serial.strip()
    if serial:
        rows = session.execute(
            select(*columns).join(Product, Product.id == Ticket.product_id)
            .where(Product.serial == serial, Ticket.state.in_(states.OPEN))
            .order_by(Ticket.id.desc()).limit(limit))
        for row in rows:
            found[row[0]] = OpenTicket(*row, same_serial=True)
    if customer_id is not None and category and len(found) < limit:
        rows = session.execute(
            select(*columns).join(Product, Product.id == Ticket.product_id)
            .where(Ticket.customer_id == customer_id, Product.category == category, Ticket.state.in_(states.OPEN))
            .order_by(Ticket.id.desc()).limit(limit))
        for row in rows:
            found.setdefault(row[0], OpenTicket(*row, same_serial=False))
    return list(found.values())[:limit]
