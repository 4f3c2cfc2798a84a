"""Walk-in and phone intake, tickets and their moves.

A ticket with a missing or doubtful fact is saved and flagged "to verify"
with the fields named; it cannot be quoted until they are verified
(:func:`frontdesk.intake.corrections.verify`, where a saved ticket is also
corrected) or a manager overrides.  Only input that cannot be stored at all (no way to reach
the customer, a phone with letters in it, a purchase date in the future) is
refused, with the field named.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.interfaces import ORMOption

from frontdesk import audit, clock, customers, hooks, numbering, settings
from frontdesk.db.direct import Linked, insert_all
from frontdesk.db.lookup import get_or_not_found
from frontdesk.db.models import Complaint, Customer, Product, RepairRecord, Technician, Ticket, TicketEvent, User
from frontdesk.errors import IllegalTransition, NotFound, ValidationError
from frontdesk.i18n import N_, Message, _
from frontdesk.intake import faults, states
from frontdesk.intake.fields import FIELD_LABELS, clean_text, field_label_message
from frontdesk.intake.timeline import add_event, new_event
from frontdesk.intake.visits import VisitRequest, add_visit, call_off_visits, mark_visits_done
from frontdesk.intake.warranty import (
    EXCLUSION_REASONS,
    STATUS_IN,
    SanbaoAdvice,
    WarrantyFacts,
    WarrantyStatus,
    load_category_rules,
    sanbao_advice,
    warranty_status,
)
from frontdesk.plaintext import trimmed
from frontdesk.users import Actor, acting_name, display_name, require_manager

log = logging.getLogger(__name__)

WALK_IN = "walk_in"
PHONE = "phone"
CHANNELS = {WALK_IN: N_("Walk-in"), PHONE: N_("Phone")}

REPAIR = "repair"
INSTALLATION = "installation"
CONSULTATION = "consultation"
INQUIRY = "inquiry"
COMPLAINT = "complaint"
KINDS = {
    REPAIR: N_("Repair request"),
    INSTALLATION: N_("Installation request"),
    CONSULTATION: N_("Consultation"),
    INQUIRY: N_("Status inquiry"),
    COMPLAINT: N_("Complaint"),
}
KINDS_BY_CHANNEL = {
    WALK_IN: (REPAIR,),
    PHONE: (REPAIR, INSTALLATION, CONSULTATION, INQUIRY, COMPLAINT),
}
SERVICE_KINDS = (REPAIR, INSTALLATION)  # they need a product and get a response promise

# Condition checklist per category (plus free text on the form).
CONDITION_CHECKS: dict[str, tuple[str, ...]] = {
    "_default": ("scratches", "dents", "missing_screws", "cracked_case", "stains"),
    "mobile_phone": ("scratches", "cracked_screen", "dents", "missing_screws", "water_damage_indicator", "bent_frame"),
    "computer": ("scratches", "cracked_screen", "dents", "missing_screws", "missing_keys", "stains"),
    "tablet": ("scratches", "cracked_screen", "dents", "bent_frame"),
}
CONDITION_LABELS = {
    "scratches": N_("Scratches"),
    "dents": N_("Dents"),
    "missing_screws": N_("Missing screws"),
    "cracked_case": N_("Cracked case"),
    "stains": N_("Stains or rust"),
    "cracked_screen": N_("Cracked screen"),
    "water_damage_indicator": N_("Water damage indicator red"),
    "bent_frame": N_("Bent frame"),
    "missing_keys": N_("Missing keys"),
}
PASSCODE_CATEGORIES = frozenset({"mobile_phone", "computer", "tablet"})
COMMON_ACCESSORIES = {
    "charger": N_("Charger"),
    "cable": N_("Cable"),
    "remote": N_("Remote control"),
    "box": N_("Original box"),
    "case": N_("Case / cover"),
    "sim_card": N_("SIM card"),
    "memory_card": N_("Memory card"),
    "manual": N_("Manual"),
}



def accessory_label(item: str) -> str:
    """An accessory as people read it: a common one (kept by its key, as
    the demo and older tickets keep it) by its title; one typed at the desk
    as typed."""
    return _(COMMON_ACCESSORIES[item]) if item in COMMON_ACCESSORIES else item


MAX_TEXT = 4000
MAX_SHORT = 200
MAX_CARD_MONTHS = 600  # 50 years: more is a typing mistake (and overflows the dates)


def condition_checks(category: str) -> tuple[str, ...]:
    return CONDITION_CHECKS.get(category, CONDITION_CHECKS["_default"])


@dataclass
class IntakeForm:
    """What the clerk typed; every field optional until the rules say otherwise."""

    channel: str = WALK_IN
    kind: str = REPAIR
    customer_id: int | None = None
    product_id: int | None = None
    name: str = ""
    phone: str = ""
    address: str = ""
    area: str = ""
    category: str = ""
    brand: str = ""
    model: str = ""
    serial: str = ""
    purchase_date: date | None = None
    invoice_shown: bool = False
    invoice_no: str = ""
    card_shown: bool = False
    card_stamp_date: date | None = None
    card_edition: str = ""
    card_whole_unit_months: int | None = None
    card_component_months: dict[str, int] = field(default_factory=dict)
    factory_date: date | None = None
    fault: str = ""
    # The fault as the shop classifies it (intake/faults.py), when the clerk can tell.
    fault_category: str = ""
    request: str = ""
    accessories: list[str] = field(default_factory=list)
    condition: list[str] = field(default_factory=list)
    condition_note: str = ""
    passcode_given: bool = False
    performance_fault: bool = True
    exclusion: str | None = None
    doubtful: set[str] = field(default_factory=set)
    technician_id: int | None = None
    visit: VisitRequest | None = None
    # complaints
    what_happened: str = ""
    promised_answer_at: datetime | None = None
    handler_id: int | None = None
    # inquiries
    related_ticket: str = ""
    # consultation or misuse resolved on the phone
    resolved_on_phone: bool = False
    misuse: bool = False
    # the maker's service order number, when the maker dispatched the job (its claim quotes it)
    maker_order_no: str = ""


@dataclass(frozen=True)
class IntakeResult:
    ticket_id: int
    number: str
    to_verify: tuple[str, ...]
    warranty: WarrantyStatus | None
    advice: SanbaoAdvice | None
    customer_id: int
    respond_by: datetime | None


def warranty_for(form: IntakeForm, as_of: date, repair_days: int = 0, calendar: Any = None) -> WarrantyStatus | None:
    """Warranty status from the facts on the form (None without a known category)."""
    if form.category not in load_category_rules():
        return None
    facts = WarrantyFacts(
        category=form.category,
        as_of=as_of,
        purchase_date=form.purchase_date if form.purchase_date and form.purchase_date <= as_of else None,
        invoice_shown=form.invoice_shown,
        card_stamp_date=form.card_stamp_date if form.card_shown else None,
        factory_date=form.factory_date,
        card_whole_unit_months=form.card_whole_unit_months,
        card_component_months=dict(form.card_component_months),
        repair_days=repair_days,
        exclusion=form.exclusion,
    )
    return warranty_status(facts, calendar)


def advice_for(form: IntakeForm, as_of: date, status: WarrantyStatus | None,
               earlier: Sequence[faults.EarlierRepair] = ()) -> SanbaoAdvice:
    """The 三包 advice for the form's product on ``as_of``; ``earlier`` are the
    completed repairs of the same fault it counts (and names)."""
    in_period = bool(status and status.covers("whole_unit"))
    start = status.start if status is not None else form.purchase_date
    return sanbao_advice(start, as_of, in_period, form.performance_fault, len(earlier),
                         tuple(e.number for e in earlier))


def _verify_fields(form: IntakeForm, phone: customers.PhoneCheck) -> list[str]:
    missing: list[str] = []
    if form.kind in SERVICE_KINDS:
        required = ["name", "phone", "category", "model", "serial", "purchase_date", "fault", "request"]
        if form.channel == PHONE:
            required.append("address")
        values = {
            "name": form.name, "phone": phone.e164, "address": form.address,
            "category": form.category, "model": form.model or form.brand,
            "serial": form.serial, "purchase_date": form.purchase_date, "fault": form.fault,
            "request": form.request,
        }
        missing = [f for f in required if not values[f]]
        if form.purchase_date and not (form.invoice_shown or form.card_shown):
            missing.append("proof")
    else:
        if not form.name:
            missing.append("name")
        if not phone.e164:
            missing.append("phone")
    if phone.e164 and not phone.valid and "phone" not in missing:
        missing.append("phone")
    for f in sorted(form.doubtful):
        if f in FIELD_LABELS and f not in missing:
            missing.append(f)
    return missing


def check_fact_dates(problems: dict[str, str], today: date, *, purchase_date: date | None = None,
                     card_stamp_date: date | None = None) -> None:
    """The dates of a product's warranty facts that cannot be stored: a
    purchase in the future or before 1980, a card stamped in the future (at
    intake and when a ticket is corrected)."""
    if purchase_date and purchase_date > today:
        problems["purchase_date"] = _("The purchase date cannot be in the future.")
    if purchase_date and purchase_date.year < 1980:
        problems["purchase_date"] = _("The purchase date is too far in the past.")
    if card_stamp_date and card_stamp_date > today:
        problems["card_stamp_date"] = _("The date on the warranty card cannot be in the future.")


def take_intake(session: Session, actor: Actor, form: IntakeForm, now: datetime | None = None) -> IntakeResult:
    """Save a walk-in or phone request as a ticket (with its customer and
    product), its first timeline event and its audit record."""
    now = now or clock.now()
    problems: dict[str, str] = {}
    if form.channel not in CHANNELS:
        problems["channel"] = _("Choose walk-in or phone.")
    elif form.kind not in KINDS_BY_CHANNEL[form.channel]:
        problems["kind"] = _("This kind of request cannot be taken on this channel.")
    form.name = clean_text(form.name, 120, "name", problems)
    form.address = clean_text(form.address, 500, "address", problems)
    form.area = clean_text(form.area, 80, "area", problems)
    form.brand = clean_text(form.brand, 80, "brand", problems)
    form.model = clean_text(form.model, 120, "model", problems)
    form.serial = clean_text(form.serial, 120, "serial", problems)
    form.invoice_no = clean_text(form.invoice_no, 80, "invoice_no", problems)
    form.card_edition = clean_text(form.card_edition, 80, "card_edition", problems)
    form.fault = clean_text(form.fault, MAX_TEXT, "fault", problems)
    form.request = clean_text(form.request, MAX_TEXT, "request", problems)
    form.condition_note = clean_text(form.condition_note, MAX_TEXT, "condition_note", problems)
    form.what_happened = clean_text(form.what_happened, MAX_TEXT, "what_happened", problems)
    form.related_ticket = clean_text(form.related_ticket, 40, "related_ticket", problems)
    form.maker_order_no = clean_text(form.maker_order_no, 60, "maker_order_no", problems,
                                     _("Maker's service order number"))
    form.accessories = [a[:MAX_SHORT] for a in map(trimmed, form.accessories) if a]
    form.condition = [c for c in form.condition if c]
    unknown = [c for c in form.condition if c not in CONDITION_LABELS]
    if unknown:
        problems["condition"] = _("Unknown condition check: {code}").format(code=trimmed(unknown[0])[:40])
    if form.card_whole_unit_months is not None and not 0 <= form.card_whole_unit_months <= MAX_CARD_MONTHS:
        problems["card_whole_unit_months"] = _("The warranty card's period must be from 0 to {max} months.").format(
            max=MAX_CARD_MONTHS)
    for component, months in form.card_component_months.items():
        if not (isinstance(component, str) and 0 < len(component) <= 40 and component == trimmed(component)
                and isinstance(months, int) and 0 <= months <= MAX_CARD_MONTHS):
            problems["card_component_months"] = _(
                "The warranty card's period for a component must be from 0 to {max} months.").format(
                max=MAX_CARD_MONTHS)
    region = settings.get(session, "region")
    phone = customers.PhoneCheck("", "", "", False)
    try:
        phone = customers.check_phone(form.phone, region)
    except ValidationError as exc:
        problems.update(exc.fields)
    if form.kind in SERVICE_KINDS and form.category and form.category not in load_category_rules():
        problems["category"] = _("Unknown product category: {category}").format(category=form.category)
    check_fact_dates(problems, now.date(), purchase_date=form.purchase_date, card_stamp_date=form.card_stamp_date)
    if form.exclusion and form.exclusion not in EXCLUSION_REASONS:
        problems["exclusion"] = _("Unknown reason for exclusion from warranty.")
    if form.customer_id is None and not form.name and not form.phone.strip():
        problems["name"] = _("Enter the customer's name or phone number, or pick a customer.")
    if form.kind == COMPLAINT and not form.what_happened:
        problems["what_happened"] = _("Write down what happened.")
    if form.kind == COMPLAINT and form.promised_answer_at and form.promised_answer_at < now:
        problems["promised_answer_at"] = _("The promised answer time is already past.")
    if form.technician_id is not None and session.get(Technician, form.technician_id) is None:
        problems["technician"] = _("No such technician.")
    if form.handler_id is not None and session.get(User, form.handler_id) is None:
        problems["handler"] = _("No such user to handle the complaint.")
    if form.visit is not None:
        if form.visit.window_end <= form.visit.window_start:
            problems["visit"] = _("The visit's time window must end after it starts.")
        if form.visit.day < now.date():
            problems["visit"] = _("The visit cannot be booked in the past.")
    related: Ticket | None = None
    if form.kind in (INQUIRY, COMPLAINT) and form.related_ticket:
        related = session.scalar(select(Ticket).where(Ticket.number == form.related_ticket.upper()))
        if related is None:
            problems["related_ticket"] = _("No ticket numbered {number}.").format(number=form.related_ticket)
    if problems:
        raise ValidationError(problems)

    # The audit records made below are chained by one flush, the commit's: one insert and one move of
    # the chain's head for the intake, instead of one for each flush in between (docs/performance.md).
    with audit.gathered(session):
        return _take(session, actor, form, phone, related, now)


def _take(session: Session, actor: Actor, form: IntakeForm, phone: customers.PhoneCheck, related: Ticket | None,
          now: datetime) -> IntakeResult:
    """:func:`take_intake` once the form is valid: the rows it writes."""
    # The rows first recorded now (customer, its search keys, product) wait to go in with the ticket and
    # its first events: on PostgreSQL one statement (docs/performance.md).
    rows = Linked()
    customer, new_customer = _customer_for(session, actor, form, phone, now, rows)
    known: set[int] = set()  # the product, when it was on record before this intake
    product = _product_for(session, actor, form, customer, now, known, rows, new_customer) \
        if form.kind in SERVICE_KINDS else None
    to_verify = _verify_fields(form, phone)

    if form.fault_category and product is not None \
            and not faults.is_fault_category(form.fault_category, product.category, session):
        raise ValidationError({"fault_category": _("Pick a fault category from the list.")})
    # A product first recorded now has no repairs before this one.
    earlier = faults.earlier_repairs(session, product.id, form.fault_category) \
        if product is not None and product.id in known else []
    again = faults.repeat_of(earlier, now)
    # A product first recorded now has no tickets yet, so no days in repair to add back.
    repair_days = product_repair_days(session, product.id) if product is not None and product.id in known else 0
    status = warranty_for(form, now.date(), repair_days=repair_days,
                          calendar=settings.work_calendar(session)) if product else None
    advice = advice_for(form, now.date(), status, earlier) if product else None

    state = states.RECEIVED
    closed_at = None
    if form.kind in (CONSULTATION, INQUIRY) or (form.misuse and form.resolved_on_phone):
        state, closed_at = states.CLOSED, now
    respond_by = None
    if form.channel == PHONE and form.kind in SERVICE_KINDS:
        respond_by = settings.work_calendar(session).add_working_days(now, 1)
    ticket = Ticket(  # its number drawn as it goes in
        channel=form.channel,
        kind=form.kind,
        state=state,
        fault=form.fault,
        request=form.request,
        address=form.address or customer.address,
        area=form.area or customer.area,
        accessories=form.accessories,
        condition=form.condition,
        condition_note=form.condition_note,
        passcode_given=form.passcode_given,
        performance_fault=form.performance_fault,
        misuse_resolved=form.misuse and form.resolved_on_phone,
        to_verify=bool(to_verify),
        verify_fields=to_verify,
        warranty_status=status.overall if status else "unknown",
        warranty_exclusion=form.exclusion,
        repair_days=0,
        fault_category=form.fault_category,
        prior_repairs_same_fault=len(earlier),
        prior_repair_ids=[e.ticket_id for e in earlier],
        repeat_of_id=again.ticket_id if again else None,
        technician_id=form.technician_id,
        maker_order_no=form.maker_order_no,
        intake_at=now,
        respond_by=respond_by,
        closed_at=closed_at,
        updated_at=now,
        created_by_id=actor.id,
    )
    text = Message(N_("{channel} {kind} taken by {user}"), channel=Message(CHANNELS[form.channel]),
                   kind=Message(KINDS[form.kind], lower=True), user=acting_name(session, actor))
    own = [new_event(ticket, actor, "created", text, to_state=state, now=now)]
    if to_verify:
        own.append(new_event(ticket, actor, "to_verify", Message(N_("To verify: {fields}"), fields=Message.joined(
            [field_label_message(f) for f in to_verify])), now=now))
    rows.add([ticket], {"customer_id": customer, "product_id": product} if product else {"customer_id": customer},
             drawn=numbering.Drawn("number", "ticket", "T", now.year))
    rows.add(own, {"ticket_id": ticket})
    rows.insert(session)
    number = ticket.number
    if new_customer:
        customers.recorded(session, actor.id, customer)
    events: list[TicketEvent] = []  # on the ticket asked about
    if form.kind == INQUIRY and related is not None:
        events.append(new_event(related, actor, "inquiry", Message(
            N_("Customer asked about the status by phone ({number})."), number=number), now=now))
    if form.kind == COMPLAINT and related is not None:
        events.append(new_event(related, actor, "complaint", Message(
            N_("Complaint recorded ({number}): {text}"), number=number, text=form.what_happened), now=now))
    insert_all(session, events)
    if form.kind == COMPLAINT:
        promised = form.promised_answer_at or settings.work_calendar(session).add_working_days(now, 1)
        session.add(Complaint(
            ticket_id=related.id if related else ticket.id,
            customer_id=customer.id,
            what_happened=form.what_happened,
            promised_answer_at=promised,
            handler_id=form.handler_id,
            opened_at=now,
            opened_by_id=actor.id,
        ))
    if form.visit is not None:
        add_visit(session, actor, ticket, form.visit, now)
    audit.record(session, actor.id, "ticket.create", "ticket", ticket.id,
                 {"number": number, "channel": form.channel, "kind": form.kind, "to_verify": to_verify}, at=now)
    hooks.after_intake(session, actor, ticket, now)
    return IntakeResult(ticket.id, number, tuple(to_verify), status, advice, customer.id, respond_by)


def _customer_for(session: Session, actor: Actor, form: IntakeForm, phone: customers.PhoneCheck,
                  now: datetime, rows: Linked) -> tuple[Customer, bool]:
    """The customer the form picks or describes, and whether the record is
    new at this intake (then added to ``rows``, with its search keys)."""
    if form.customer_id is not None:
        customer = get_or_not_found(session, Customer, form.customer_id, _("No such customer."))
        return customers.update(session, actor.id, customer, name=form.name or None,
                                phone=phone if phone.e164 else None, address=form.address, area=form.area,
                                now=now), False
    existing = customers.find_same(session, form.name, phone)
    if existing is not None:
        return customers.update(session, actor.id, existing, address=form.address, area=form.area, now=now), False
    customer, keys = customers.new_record(form.name, phone, form.address, form.area, now)
    rows.add([customer])
    rows.add(keys, {"customer_id": customer})
    return customer, True


def _product_for(session: Session, actor: Actor, form: IntakeForm, customer: Customer, now: datetime,
                 known: set[int], rows: Linked, new_customer: bool = False) -> Product:
    """The customer's product the form names or describes (its id added to
    ``known``), else a new record of it (added to ``rows``).  A customer new
    at this intake has no products to look through."""
    if form.product_id is not None:
        product = session.get(Product, form.product_id)
        if product is None or product.customer_id != customer.id:
            raise ValidationError({"product": _("This product does not belong to the customer.")})
        known.add(product.id)
        # Facts shown again at this visit complete or correct the record.
        for attr in ("purchase_date", "card_stamp_date", "factory_date", "card_whole_unit_months"):
            value = getattr(form, attr)
            if value is not None:
                setattr(product, attr, value)
        if form.invoice_shown:
            product.invoice_shown = True
        if form.card_shown:
            product.card_shown = True
        apply_product_facts(form, product)
        form.serial = form.serial or product.serial
        form.model = form.model or product.model
        form.brand = form.brand or product.brand
        return product
    if form.serial and not new_customer:
        same = session.scalar(
            select(Product).where(Product.customer_id == customer.id, Product.serial == form.serial).limit(1)
        )
        if same is not None:
            form.product_id = same.id
            return _product_for(session, actor, form, customer, now, known, rows)
    product = Product(
        category=form.category or "other",
        brand=form.brand,
        model=form.model,
        serial=form.serial,
        purchase_date=form.purchase_date,
        invoice_shown=form.invoice_shown,
        invoice_no=form.invoice_no,
        card_shown=form.card_shown,
        card_stamp_date=form.card_stamp_date,
        card_edition=form.card_edition,
        card_whole_unit_months=form.card_whole_unit_months,
        card_component_months=dict(form.card_component_months),
        factory_date=form.factory_date,
        created_at=now,
    )
    rows.add([product], {"customer_id": customer})
    return product


def apply_product_facts(form: IntakeForm, product: Product) -> IntakeForm:
    """The warranty facts of a known product, as the form carries them."""
    form.category = form.category or product.category
    form.purchase_date = product.purchase_date
    form.invoice_shown = product.invoice_shown
    form.card_shown = product.card_shown
    form.card_stamp_date = product.card_stamp_date
    form.factory_date = product.factory_date
    form.card_whole_unit_months = product.card_whole_unit_months
    form.card_component_months = dict(product.card_component_months or {})
    return form


def product_repair_days(session: Session, product_id: int, before_ticket_id: int | None = None) -> int:
    """Days the product spent in repair or waiting for parts on its tickets
    (those before ``before_ticket_id`` only, when given): they are added back
    to its warranty."""
    query = select(func.coalesce(func.sum(Ticket.repair_days), 0)).where(Ticket.product_id == product_id)
    if before_ticket_id is not None:
        query = query.where(Ticket.id < before_ticket_id)
    return int(session.scalar(query) or 0)


def get_ticket(session: Session, ticket_id: int, options: Sequence[ORMOption] = ()) -> Ticket:
    """The ticket (``options``: its relations loaded with it), else NotFound."""
    ticket = get_or_not_found(session, Ticket, ticket_id, _("No such ticket."), options=options)
    return ticket


def find_ticket(session: Session, number: str) -> Ticket:
    ticket = session.scalar(select(Ticket).where(Ticket.number == (number or "").strip().upper()))
    if ticket is None:
        raise NotFound(_("No ticket numbered {number}.").format(number=number))
    return ticket


def move(session: Session, actor: Actor, ticket_id: int, to_state: str, note: str = "",
         approver: Actor | None = None, now: datetime | None = None, *, picked_up: bool = False,
         said: Message | None = None) -> Ticket:
    """Move a ticket along the state machine; illegal moves raise
    (docs/rules.md#the-life-of-a-ticket).  Work out of warranty starts only
    after the customer approved the quote, or on a manager's word with a
    reason; a product ready for pick-up leaves only through the pick-up
    (``picked_up``, set by frontdesk.pickup).  ``note`` is what a person
    typed, kept as typed; ``said`` the program's words about the move (a
    quote's total), read in the reader's language."""
    now = now or clock.now()
    ticket = get_ticket(session, ticket_id)
    states.check_move(ticket.state, to_state)
    if to_state == states.IN_REPAIR and ticket.state in states.BEFORE_APPROVAL \
            and ticket.warranty_status != STATUS_IN:
        _override_approval(session, actor, ticket, note, approver, now)
    if to_state == states.REPAIRED and ticket.kind == REPAIR and session.scalar(
            select(RepairRecord.id).where(RepairRecord.ticket_id == ticket.id)) is None:
        raise IllegalTransition(_("Write the repair record of ticket {number} (what was found and done): it marks "
                                  "the ticket repaired.").format(number=ticket.number))
    if to_state == states.CLOSED and ticket.state == states.READY and not picked_up:
        raise IllegalTransition(_("Ticket {number} is ready for pick-up: it closes when the customer collects "
                                  "the product (Pick-up).").format(number=ticket.number))
    if to_state == states.CLOSED and ticket.state in (states.REPAIRED, states.DECLINED) \
            and ticket.channel == WALK_IN and ticket.product_id is not None:
        raise IllegalTransition(_("The product of ticket {number} is at the shop: mark it ready for pick-up "
                                  "and hand it over at the pick-up.").format(number=ticket.number))
    if to_state == states.QUOTED and ticket.to_verify and ticket.verify_override_by_id is None:
        manager = require_manager(actor, approver, _("quote a ticket with facts to verify"))
        ticket.verify_override_by_id = manager.id
        add_event(session, ticket, actor, "override", Message(N_("Quoted with facts to verify, approved by {manager}"),
                                                              manager=display_name(session, manager.id)), now=now)
        audit.record(session, actor.id, "ticket.verify_override", "ticket", ticket.id, approver_id=manager.id, at=now)
    if to_state == states.CLOSED and ticket.kind == COMPLAINT and session.scalar(
            select(Complaint.id).where(Complaint.ticket_id == ticket.id, Complaint.closed_at.is_(None)).limit(1)):
        raise IllegalTransition(_("A complaint's ticket closes when a manager closes the complaint."))
    if to_state == states.CLOSED:
        hooks.before_close(session, actor, ticket, approver, note, now)
    from_state = ticket.state
    # Count each stretch in a repair state as it ends (in repair -> waiting for
    # parts -> in repair ...): the stretches add up to the whole time away.
    if from_state in states.REPAIR_DAY_STATES:
        ticket.repair_days += max(0, (now.date() - _entered_state_at(session, ticket).date()).days)
    ticket.state = to_state
    ticket.updated_at = now
    if to_state in states.FINAL:
        ticket.closed_at = now
    if to_state == states.READY:
        ticket.ready_at = now
    if to_state == states.CLOSED and picked_up:
        ticket.picked_up_at, ticket.picked_up_by_id = now, actor.id
    if ticket.kind == INSTALLATION and to_state in (states.REPAIRED, states.CLOSED) and ticket.product is not None \
            and ticket.product.installed_on is None:
        # The software set-up rule counts from here (docs/rules.md#software-set-up).
        ticket.product.installed_on = now.date()
    if ticket.channel == PHONE and ticket.responded_at is None and to_state != states.RECEIVED:
        ticket.responded_at = now
    typed = note.strip()[:MAX_TEXT]
    said_too: tuple[Message | str, ...] = (": ", said) if said is not None else ()
    text = Message(N_("{old} → {new}"), old=states.label_message(from_state), new=states.label_message(to_state),
                   parts=said_too + ((": ", typed) if typed else ()), sep="")
    add_event(session, ticket, actor, "state", text, from_state, to_state, now)
    audit.record(session, actor.id, "ticket.move", "ticket", ticket.id, {"from": from_state, "to": to_state}, at=now)
    if to_state == states.CANCELLED or (from_state == states.SCHEDULED and to_state == states.RECEIVED):
        call_off_visits(session, actor, ticket, now)
    elif from_state == states.SCHEDULED:
        mark_visits_done(session, ticket, now)
    hooks.after_move(session, actor, ticket, from_state, to_state, now)
    return ticket


def _override_approval(session: Session, actor: Actor, ticket: Ticket, note: str, approver: Actor | None,
                       now: datetime) -> None:
    """Work out of warranty with no approved quote: only a manager may start
    it, and says why; the override is audited."""
    what = _("start work on ticket {number} that the customer has not approved").format(number=ticket.number)
    if (actor.is_manager or (approver is not None and approver.is_manager)) and not note.strip():
        raise ValidationError({"note": _("Say why the work starts before the customer approved the quote.")})
    manager = require_manager(actor, approver, what)
    add_event(session, ticket, actor, "override",
              Message(N_("Work started without the customer's approval, on {manager}'s word: {reason}"),
                      manager=display_name(session, manager.id), reason=note.strip()[:MAX_TEXT]), now=now)
    audit.record(session, actor.id, "ticket.approval_override", "ticket", ticket.id,
                 {"warranty": ticket.warranty_status, "reason": note.strip()}, approver_id=manager.id, at=now)


def _entered_state_at(session: Session, ticket: Ticket) -> datetime:
    at = session.scalar(
        select(func.max(TicketEvent.at)).where(TicketEvent.ticket_id == ticket.id, TicketEvent.to_state == ticket.state)
    )
    return at or ticket.intake_at


def verify(session: Session, actor: Actor, ticket_id: int, fields: list[str] | None = None,
           now: datetime | None = None) -> Ticket:
    """Mark facts as verified as they stand (all of them when ``fields`` is
    None): :func:`frontdesk.intake.corrections.verify`, which also takes the
    values seen, kept here for the callers that verify as they stand."""
    # Here, not at the top: corrections imports this module (a cycle).
    from frontdesk.intake import corrections

    return corrections.verify(session, actor, ticket_id, fields, now)


def add_note(session: Session, actor: Actor, ticket_id: int, text: str | Message,
             now: datetime | None = None) -> TicketEvent:
    """A note on the ticket's timeline: what a person typed (kept as typed),
    or the program's words as a :class:`Message` (read in the reader's
    language)."""
    now = now or clock.now()
    if isinstance(text, Message):
        ticket = get_ticket(session, ticket_id)
        ev = add_event(session, ticket, actor, "note", text, now=now)
        audit.record(session, actor.id, "ticket.note", "ticket", ticket.id, at=now)
        return ev
    problems: dict[str, str] = {}
    clean = clean_text(text, MAX_TEXT, "note", problems)
    if not clean:
        problems["note"] = _("The note is empty.")
    if problems:
        raise ValidationError(problems)
    ticket = get_ticket(session, ticket_id)
    ev = add_event(session, ticket, actor, "note", clean, now=now)
    audit.record(session, actor.id, "ticket.note", "ticket", ticket.id, at=now)
    return ev


def assign_technician(session: Session, actor: Actor, ticket_id: int, technician_id: int | None,
                      now: datetime | None = None) -> Ticket:
    now = now or clock.now()
    ticket = get_ticket(session, ticket_id)
    tech = session.get(Technician, technician_id) if technician_id else None
    if technician_id and tech is None:
        raise NotFound(_("No such technician."))
    ticket.technician_id = technician_id
    ticket.updated_at = now
    add_event(session, ticket, actor, "assigned",
              Message(N_("Assigned to {name}"), name=tech.name) if tech else Message(N_("Unassigned")), now=now)
    audit.record(session, actor.id, "ticket.assign", "ticket", ticket.id, {"technician_id": technician_id}, at=now)
    return ticket


def set_uncertain(session: Session, actor: Actor, ticket_id: int, uncertain: bool, now: datetime | None = None) -> Ticket:
    """The technician is not sure the repair holds: the customer gets a call-back
    3 hours after the repair is done."""
    now = now or clock.now()
    ticket = get_ticket(session, ticket_id)
    ticket.technician_uncertain = bool(uncertain)
    ticket.updated_at = now
    add_event(session, ticket, actor, "uncertain",
              Message(N_("Technician not sure of the repair") if uncertain else N_("Technician sure of the repair")),
              now=now)
    audit.record(session, actor.id, "ticket.uncertain", "ticket", ticket.id, {"uncertain": bool(uncertain)}, at=now)
    return ticket
