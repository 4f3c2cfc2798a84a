"""Quotes: pricing a ticket by the lowest-rate rule, the customer's answer.

A ticket is priced by the fee schedule in force on its intake day and, when
the customer shows a warranty card, the card edition's standard; coverage
comes from the ticket's warranty on its intake day, line by line.  Making a
quote moves the ticket DIAGNOSING -> QUOTED (a ticket with facts to verify
needs a manager: ``approver``); a quote made while the ticket is already
QUOTED replaces the draft before it (a revised quote).  The customer
approves (at the counter or by phone: time, channel and clerk recorded) or
declines: then only the inspection fee is owed when the fault was found,
nothing otherwise.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from frontdesk import audit, clock, settings
from frontdesk.billing.cards import card_view, get_card_edition
from frontdesk.billing.models import CardEdition, FeeSchedule, Quote, QuoteLine, TicketBilling
from frontdesk.billing.pricing import (
    INSPECTION,
    KINDS,
    PART,
    VISIT,
    CardView,
    LineCalc,
    QuoteCalc,
    QuoteItem,
    ScheduleView,
    applied_label,
    component_label,
    kind_label,
    line_key,
    price_quote,
)
from frontdesk.billing.schedules import get_schedule, lines_for, schedule_in_force, schedule_view
from frontdesk.db.lookup import get_or_not_found
from frontdesk.db.models import Ticket, Visit
from frontdesk.errors import Conflict, IllegalTransition, NeedsManager, ValidationError
from frontdesk.i18n import N_, Message, _, render
from frontdesk.intake import states
from frontdesk.intake.preview import ticket_warranty
from frontdesk.intake.service import get_ticket, move
from frontdesk.intake.timeline import add_event
from frontdesk.intake.warranty import WHOLE_UNIT, category_label
from frontdesk.money import ZERO, format_money, to_decimal
from frontdesk.plaintext import one_line
from frontdesk.users import Actor, display_name, require_manager

log = logging.getLogger(__name__)

DRAFT = "draft"
APPROVED = "approved"
DECLINED = "declined"
SUPERSEDED = "superseded"
STATE_LABELS = {
    DRAFT: N_("Waiting for the customer"),
    APPROVED: N_("Approved"),
    DECLINED: N_("Declined"),
    SUPERSEDED: N_("Replaced by a revised quote"),
}
COUNTER = "counter"
PHONE = "phone"
CHANNELS = {COUNTER: N_("At the counter"), PHONE: N_("By phone")}
STAGE_QUOTE = "quote"
STAGE_DECLINE = "decline"  # the inspection fee charged on a declined quote
CARD_MISMATCH = "card_mismatch"  # the warranty exclusion that voids the card's standard too
MAX_QTY = 999
MAX_COMPONENT = 40  # a part of the product (whole_unit, compressor...): a short code
MAX_KM = 9999  # a visit further is a typing mistake


class QuoteRefused(ValidationError):
    """Items that cannot be charged: ``refused`` lists (item, reason)."""

    def __init__(self, refused: list[tuple[QuoteItem, str]]) -> None:
        self.refused = refused
        super().__init__({f"item {n}": reason for n, (_item, reason) in enumerate(refused, start=1)})


# -- the views the screens and printouts read ------------------------------------------

@dataclass(frozen=True)
class QuoteLineView:
    position: int
    stage: str  # "quote" | "decline" (the inspection fee of a declined quote)
    kind: str
    kind_label: str
    code: str
    description: str
    component: str
    component_label: str
    qty: int
    km: Decimal | None
    schedule_price: Decimal | None  # per unit; None: the schedule does not list it
    card_price: Decimal | None  # per unit; None: the card does not list it (or no card)
    applied: str  # schedule | card | bundle | free
    applied_label: str
    unit_price: Decimal
    amount: Decimal
    in_warranty: bool
    saving: Decimal  # against the schedule
    saving_vs_card: Decimal
    reason: str
    bundle_with: int | None  # position of the bundle's main line


@dataclass(frozen=True)
class QuoteView:
    id: int
    ticket_id: int
    ticket_number: str
    customer: str
    category: str
    category_label: str
    brand: str
    model: str
    state: str
    state_label: str
    schedule_id: int
    schedule_name: str
    schedule_effective_from: date
    card_edition_id: int | None
    card_label: str | None
    card_applies: bool
    lines: tuple[QuoteLineView, ...]
    inspection_lines: tuple[QuoteLineView, ...]
    subtotal: Decimal
    tax_rate: Decimal
    tax: Decimal
    total: Decimal
    saving: Decimal  # what the lowest-rate rule saves against the fee schedule
    saving_vs_card: Decimal  # ... and against the warranty card
    schedule_total: Decimal | None
    card_total: Decimal | None
    owed: Decimal  # what the customer owes under this quote now
    currency: str
    created_at: datetime
    created_by: str
    approved_at: datetime | None
    approval_channel: str | None
    approved_by: str | None
    approved_customer_name: str
    declined_at: datetime | None
    declined_by: str | None
    fault_found: bool | None
    software_decided_by: str | None

    def money(self, amount: Decimal) -> str:
        return format_money(amount, self.currency)
    prices_include_tax: bool = False  # the total includes the tax


@dataclass(frozen=True)
class QuotableItem:
    """A line the clerk can put on a quote for this ticket: what the
    schedule and the card list for its category."""

    kind: str
    kind_label: str
    code: str
    description: str
    component: str
    schedule_price: Decimal | None
    card_price: Decimal | None
    covers: tuple[str, ...]


# -- pricing context -------------------------------------------------------------------

@dataclass
class _Context:
    ticket: Ticket
    schedule: FeeSchedule
    view: ScheduleView
    edition: CardEdition | None
    card: CardView | None
    card_applies: bool
    covered: Callable[[str], bool]
    tax_rate: Decimal
    currency: str
    prices_include_tax: bool


def _context(session: Session, ticket: Ticket, card_edition_id: int | None,
             schedule: FeeSchedule | None = None, prices_include_tax: bool | None = None) -> _Context:
    """What pricing needs for the ticket.  Prices are compared on one basis,
    the shop's (``prices_include_tax``, or the one a quote was made on): a
    standard stated on the other basis is converted (docs/rules.md#money-and-tax)."""
    product = ticket.product
    if product is None:
        raise ValidationError({"product": _("A quote needs the product: this ticket has none.")})
    if schedule is None:
        schedule = schedule_in_force(session, ticket.intake_at.date())
    edition = None
    if card_edition_id is not None:
        edition = get_card_edition(session, card_edition_id)
        if edition.category != product.category:
            raise ValidationError({"card_edition": _(
                "This warranty card is for another product category ({category}).").format(
                    category=category_label(edition.category))})
        if product.brand and edition.brand.strip().lower() != product.brand.strip().lower():
            raise ValidationError({"card_edition": _(
                "This warranty card is for {brand}, the product is {product}.").format(
                    brand=edition.brand, product=product.brand)})
    status = ticket_warranty(session, ticket)

    def covered(component: str) -> bool:
        return bool(status is not None and status.covers(component))

    basis = bool(settings.get(session, "prices_include_tax")) if prices_include_tax is None else prices_include_tax
    rate = to_decimal(str(settings.get(session, "tax_rate")), "tax rate")
    return _Context(
        ticket=ticket,
        schedule=schedule,
        view=schedule_view(schedule, product.category, rate=rate, prices_include_tax=basis),
        edition=edition,
        card=card_view(edition, rate=rate, prices_include_tax=basis) if edition is not None else None,
        card_applies=ticket.warranty_exclusion != CARD_MISMATCH,
        covered=covered,
        tax_rate=rate,
        currency=str(settings.get(session, "currency")),
        prices_include_tax=basis,
    )


def _visit_km(session: Session, ticket_id: int) -> Decimal | None:
    return session.scalar(
        select(Visit.distance_km).where(Visit.ticket_id == ticket_id, Visit.state != "cancelled",
                                        Visit.distance_km.is_not(None))
        .order_by(Visit.day.desc(), Visit.id.desc()).limit(1)
    )


def _km_ok(km: object) -> bool:
    """A visit's distance as the Km column keeps it (one decimal)."""
    if isinstance(km, bool) or not isinstance(km, (Decimal, int)):
        return False
    value = Decimal(km)
    return value.is_finite() and 0 <= value <= MAX_KM and value == value.quantize(Decimal("0.1"))


def _prepare(session: Session, ctx: _Context, items: Iterable[QuoteItem]) -> list[QuoteItem]:
    """Check what the clerk entered and fill in what the standards know: a
    part's component (a compressor is a compressor), the visit's distance,
    the description."""
    product = ctx.ticket.product
    assert product is not None
    lines = lines_for(ctx.schedule, product.category)
    card_lines = {line_key(ln.kind, ln.code): ln for ln in ctx.edition.lines} if ctx.edition else {}
    problems: dict[str, str] = {}
    out: list[QuoteItem] = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, QuoteItem):
            raise TypeError(f"a quote item must be a QuoteItem, not {type(item).__name__}")
        if isinstance(item.qty, (bool, float)) or not isinstance(item.qty, int):
            raise TypeError(f"qty must be an int, not {item.qty!r}")
        if not 1 <= item.qty <= MAX_QTY:
            problems[f"item {n}"] = _("Line {n}: the quantity must be from 1 to {max}.").format(n=n, max=MAX_QTY)
            continue
        if len(one_line(item.description)) > 200:
            problems[f"item {n}"] = _("Line {n}: the description is too long.").format(n=n)
            continue
        if item.km is not None and not _km_ok(item.km):
            problems[f"item {n}"] = _("Line {n}: the distance must be from 0 to {max} km, with at most one "
                                      "decimal.").format(n=n, max=MAX_KM)
            continue
        if item.kind not in KINDS:
            problems[f"item {n}"] = _("Line {n}: unknown kind of line {kind}.").format(n=n, kind=item.kind)
            continue
        if item.component != one_line(item.component) or len(item.component) > MAX_COMPONENT:
            problems[f"item {n}"] = _("Line {n}: unknown part of the product {component}.").format(
                n=n, component=one_line(item.component)[:MAX_COMPONENT])
            continue
        found = lines.get(item.key)
        component = item.component or WHOLE_UNIT
        if item.kind == PART and component == WHOLE_UNIT and found is not None and found.component:
            component = found.component
        km = item.km
        if item.kind == VISIT and km is None:
            km = _visit_km(session, ctx.ticket.id)
        description = one_line(item.description)
        if not description:
            card_line = card_lines.get(item.key)
            description = (found.description if found is not None else "") or (
                card_line.description if card_line is not None else "")
        out.append(replace(item, component=component, km=km, description=description))
    if problems:
        raise ValidationError(problems)
    if not out:
        raise ValidationError({"items": _("A quote needs at least one line.")})
    return out


def _price(ctx: _Context, items: list[QuoteItem], software_charge: bool | None) -> QuoteCalc:
    product = ctx.ticket.product
    assert product is not None
    return price_quote(
        ctx.view, ctx.card, items, ctx.covered, ctx.tax_rate, ctx.card_applies,
        installed_on=product.installed_on, as_of=ctx.ticket.intake_at.date(), software_charge=software_charge,
        prices_include_tax=ctx.prices_include_tax,
    )


def preview_quote(session: Session, ticket_id: int, items: Iterable[QuoteItem], card_edition_id: int | None = None,
                  software_charge: bool | None = None) -> QuoteCalc:
    """Price ``items`` for the ticket without saving anything: what the
    screen shows while the clerk builds the quote (refused items included)."""
    ticket = get_ticket(session, ticket_id)
    ctx = _context(session, ticket, card_edition_id)
    return _price(ctx, _prepare(session, ctx, items), software_charge)


def quotable_items(session: Session, ticket_id: int, card_edition_id: int | None = None) -> list[QuotableItem]:
    """What the schedule in force on the intake day (and the card) list for
    the ticket's category, in kind order."""
    ticket = get_ticket(session, ticket_id)
    ctx = _context(session, ticket, card_edition_id)
    assert ticket.product is not None
    lines = lines_for(ctx.schedule, ticket.product.category)
    card_lines = {line_key(ln.kind, ln.code): ln for ln in ctx.edition.lines} if ctx.edition else {}
    out = []
    for key in sorted(set(lines) | set(card_lines), key=lambda k: (list(KINDS).index(k[0]), k[1])):
        fee, card = lines.get(key), card_lines.get(key)
        out.append(QuotableItem(
            kind=key[0], kind_label=kind_label(key[0]), code=key[1],
            description=(fee.description if fee else "") or (card.description if card else ""),
            component=(fee.component if fee else "") or WHOLE_UNIT,
            schedule_price=ctx.view.price(*key) if fee else None,
            card_price=card.price if card is not None and ctx.card_applies else None,
            covers=tuple(card.covers or ()) if card is not None else (),
        ))
    return out


def _line_rows(calc_lines: list[LineCalc], stage: str, start: int) -> list[QuoteLine]:
    rows = []
    for n, ln in enumerate(calc_lines):
        item = ln.item
        rows.append(QuoteLine(
            position=start + n, stage=stage, kind=item.kind, code=item.key[1], description=item.description,
            component=item.component, qty=item.qty, km=item.km, schedule_price=ln.schedule_price,
            card_price=ln.card_price, applied=ln.applied, unit_price=ln.unit_price, amount=ln.amount,
            saving=ln.saving, saving_vs_card=ln.saving_vs_card, in_warranty=ln.in_warranty,
            bundle_with=start + ln.bundle_with if ln.bundle_with is not None else None,
            reason=ln.reason_message.english() if ln.reason_message is not None else ln.reason,
            reason_message=ln.reason_message.to_json() if ln.reason_message is not None else None,
        ))
    return rows


def billing_row(session: Session, ticket_id: int, now: datetime | None = None, lock: bool = False) -> TicketBilling:
    """The ticket's billing row, made on first use.  ``lock``: held until
    the transaction ends (PostgreSQL row lock; SQLite writers are already
    serialised by BEGIN IMMEDIATE), so balance checks cannot interleave."""
    query = select(TicketBilling).where(TicketBilling.ticket_id == ticket_id)
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    row = session.scalar(query)
    if row is not None:
        return row

    try:
        with session.begin_nested():
            session.add(TicketBilling(ticket_id=ticket_id, updated_at=now or clock.now(),
                                      invoice_buyer="", invoice_tax_id=""))
    except IntegrityError:
        pass  # another counter made it first; read (and lock) theirs
    row = session.scalar(query)
    assert row is not None
    return row


def _flush(session: Session) -> None:
    try:
        session.flush()
    except StaleDataError as exc:
        raise Conflict(_("Someone at another counter changed this quote a moment ago: look again.")) from exc


def make_quote(session: Session, actor: Actor, ticket_id: int, items: Iterable[QuoteItem],
               card_edition_id: int | None = None, approver: Actor | None = None, now: datetime | None = None,
               software_charge: bool | None = None) -> Quote:
    """Price ``items`` and save the quote; the ticket becomes QUOTED.

    Refused with :class:`QuoteRefused` when an item cannot be charged (no
    standard lists it).  A software set-up a manager must decide on needs
    ``software_charge`` (True/False) and a manager (the actor or
    ``approver``); without a decision :class:`NeedsManager` is raised.
    A ticket with facts to verify needs a manager too (``approver``)."""
    now = now or clock.now()
    ticket = get_ticket(session, ticket_id)
    if ticket.state != states.QUOTED:
        states.check_move(ticket.state, states.QUOTED)
    ctx = _context(session, ticket, card_edition_id)
    prepared = _prepare(session, ctx, items)
    calc = _price(ctx, prepared, None)
    if calc.refused:  # before asking a manager for anything
        raise QuoteRefused(calc.refused)
    decider: Actor | None = None
    if calc.needs_decision:
        if software_charge is None:
            raise NeedsManager(_("A manager must decide whether the software set-up is charged (installed between "
                                 "one and three months ago, or the installation date is not known)."))
        decider = require_manager(actor, approver, _("decide the software set-up charge"))
        calc = _price(ctx, prepared, software_charge)
    if calc.refused:
        raise QuoteRefused(calc.refused)

    summary = Message(N_("Quote {total} (saving {saving} against the fee schedule)"),
                      total=format_money(calc.total, ctx.currency), saving=format_money(calc.saving, ctx.currency))
    revised = list(session.scalars(select(Quote).where(Quote.ticket_id == ticket.id, Quote.state == DRAFT)))
    for old in revised:
        old.state = SUPERSEDED
    if ticket.state == states.QUOTED:
        add_event(session, ticket, actor, "quote", Message(N_("Revised quote: {summary}"), summary=summary), now=now)
    else:
        move(session, actor, ticket.id, states.QUOTED, said=summary, approver=approver, now=now)

    quote = Quote(
        ticket_id=ticket.id, schedule_id=ctx.schedule.id, card_edition_id=card_edition_id,
        card_applies=ctx.card_applies, state=DRAFT, currency=ctx.currency, tax_rate=calc.tax_rate,
        prices_include_tax=calc.prices_include_tax,
        subtotal=calc.subtotal, tax=calc.tax, total=calc.total, saving=calc.saving,
        saving_vs_card=calc.saving_vs_card, schedule_total=calc.schedule_total, card_total=calc.card_total,
        owed=ZERO, created_at=now, created_by_id=actor.id,
        software_decided_by_id=decider.id if decider else None, customer_name="",
    )
    quote.lines = _line_rows(calc.lines, STAGE_QUOTE, 1)
    session.add(quote)
    billing = billing_row(session, ticket.id, now)
    billing.card_edition_id = card_edition_id
    billing.updated_at = now
    _flush(session)
    audit.record(session, actor.id, "quote.make", "quote", quote.id, {
        "ticket": ticket.number, "schedule_id": ctx.schedule.id, "card_edition_id": card_edition_id,
        "subtotal": calc.subtotal, "tax": calc.tax, "total": calc.total, "saving": calc.saving,
        "replaces": [q.id for q in revised],
        "software_charge": software_charge if decider else None,
    }, approver_id=decider.id if decider else None, at=now)
    log.info("quote %s for %s: %s", quote.id, ticket.number, calc.total)
    return quote


def get_quote(session: Session, quote_id: int) -> Quote:
    quote = get_or_not_found(session, Quote, quote_id, _("No such quote."))
    return quote


def _waiting(quote: Quote) -> None:
    if quote.state != DRAFT:
        raise IllegalTransition(_("This quote is no longer waiting for the customer's answer ({state}).").format(
            state=_(STATE_LABELS.get(quote.state, quote.state))))


def approve_quote(session: Session, actor: Actor, quote_id: int, channel: str = COUNTER, customer_name: str = "",
                  now: datetime | None = None) -> Quote:
    """The customer agrees: time, channel (counter or phone) and clerk are
    recorded, with the name of who agreed (default: the customer)."""
    now = now or clock.now()
    if channel not in CHANNELS:
        raise ValidationError({"channel": _("Say whether the customer agreed at the counter or by phone.")})
    name = one_line(customer_name)
    if len(name) > 120:
        raise ValidationError({"customer_name": _("The name is too long (at most 120 characters).")})
    quote = get_quote(session, quote_id)
    _waiting(quote)
    ticket = get_ticket(session, quote.ticket_id)
    name = name or ticket.customer.name
    if channel == PHONE:
        note = _("Quote {total} approved by phone by {name}").format(
            total=format_money(quote.total, quote.currency), name=name)
    else:
        note = _("Quote {total} approved at the counter by {name}").format(
            total=format_money(quote.total, quote.currency), name=name)
    move(session, actor, ticket.id, states.APPROVED, note=note, now=now)
    quote.state = APPROVED
    quote.approved_at = now
    quote.approval_channel = channel
    quote.approved_by_id = actor.id
    quote.customer_name = name
    quote.owed = quote.total
    _flush(session)
    audit.record(session, actor.id, "quote.approve", "quote", quote.id, {
        "ticket": ticket.number, "channel": channel, "customer_name": name, "total": quote.total}, at=now)
    return quote


def decline_quote(session: Session, actor: Actor, quote_id: int, fault_found: bool,
                  now: datetime | None = None) -> Quote:
    """The customer declines: the ticket becomes DECLINED and what is owed is
    the inspection fee (schedule or card, the lower) when the fault was
    found, nothing when it was not."""
    now = now or clock.now()
    quote = get_quote(session, quote_id)
    _waiting(quote)
    ticket = get_ticket(session, quote.ticket_id)
    owed = ZERO
    why = ""
    if fault_found:
        ctx = _context(session, ticket, quote.card_edition_id, schedule=get_schedule(session, quote.schedule_id),
                       prices_include_tax=quote.prices_include_tax)
        calc = price_quote(ctx.view, ctx.card, [QuoteItem(INSPECTION, description=_("Inspection fee"))],
                           ctx.covered, quote.tax_rate, ctx.card_applies,
                           prices_include_tax=quote.prices_include_tax)
        if calc.refused:
            why = _("no inspection fee is listed, so nothing is owed")
        else:
            owed = calc.total
            start = max((ln.position for ln in quote.lines), default=0) + 1
            quote.lines.extend(_line_rows(calc.lines, STAGE_DECLINE, start))
    if fault_found and not why:
        note = _("Quote declined; the fault was found: inspection fee {amount} owed").format(
            amount=format_money(owed, quote.currency))
    elif fault_found:
        note = _("Quote declined; the fault was found, but {why}").format(why=why)
    else:
        note = _("Quote declined; the fault was not found: nothing owed")
    move(session, actor, ticket.id, states.DECLINED, note=note, now=now)
    quote.state = DECLINED
    quote.declined_at = now
    quote.declined_by_id = actor.id
    quote.fault_found = bool(fault_found)
    quote.owed = owed
    _flush(session)
    audit.record(session, actor.id, "quote.decline", "quote", quote.id, {
        "ticket": ticket.number, "fault_found": bool(fault_found), "owed": owed}, at=now)
    return quote


def current_quote(session: Session, ticket_id: int) -> Quote | None:
    """The ticket's quote that counts: the newest not replaced by a revision."""
    return session.scalar(
        select(Quote).where(Quote.ticket_id == ticket_id, Quote.state != SUPERSEDED).order_by(Quote.id.desc()).limit(1)
    )


def _line_view(ln: QuoteLine) -> QuoteLineView:
    return QuoteLineView(
        position=ln.position, stage=ln.stage, kind=ln.kind, kind_label=kind_label(ln.kind), code=ln.code,
        description=ln.description or QuoteItem(ln.kind, ln.code).label(), component=ln.component,
        component_label=component_label(ln.component), qty=ln.qty, km=ln.km, schedule_price=ln.schedule_price,
        card_price=ln.card_price, applied=ln.applied, applied_label=applied_label(ln.applied),
        unit_price=ln.unit_price, amount=ln.amount, in_warranty=ln.in_warranty, saving=ln.saving,
        saving_vs_card=ln.saving_vs_card, reason=line_reason(ln), bundle_with=ln.bundle_with,
    )


def line_reason(ln: QuoteLine, lang: str | None = None) -> str:
    """The line's note in ``lang`` (the language in use when None): kept as a
    message since version 0012; before, the words it was written in."""
    return render(ln.reason_message, lang, fallback=_(ln.reason) if ln.reason else "")


def quote_view(session: Session, quote_id: int) -> QuoteView:
    """Everything the quote panel and the printed quote show."""
    quote = get_quote(session, quote_id)
    ticket = quote.ticket
    product = ticket.product
    schedule = quote.schedule
    edition = quote.card_edition
    lines = [_line_view(ln) for ln in quote.lines]
    return QuoteView(
        id=quote.id, ticket_id=ticket.id, ticket_number=ticket.number, customer=ticket.customer.name,
        category=product.category if product else "", category_label=category_label(product.category) if product else "",
        brand=product.brand if product else "", model=product.model if product else "",
        state=quote.state, state_label=_(STATE_LABELS.get(quote.state, quote.state)),
        schedule_id=schedule.id, schedule_name=schedule.name, schedule_effective_from=schedule.effective_from,
        card_edition_id=quote.card_edition_id,
        card_label=f"{edition.brand} · {category_label(edition.category)} · {edition.edition}" if edition else None,
        card_applies=quote.card_applies,
        lines=tuple(ln for ln in lines if ln.stage == STAGE_QUOTE),
        inspection_lines=tuple(ln for ln in lines if ln.stage == STAGE_DECLINE),
        subtotal=quote.subtotal, tax_rate=quote.tax_rate, tax=quote.tax, total=quote.total, saving=quote.saving,
        saving_vs_card=quote.saving_vs_card, schedule_total=quote.schedule_total, card_total=quote.card_total,
        owed=quote.owed, currency=quote.currency, created_at=quote.created_at,
        created_by=display_name(session, quote.created_by_id) or "",
        approved_at=quote.approved_at, approval_channel=quote.approval_channel,
        approved_by=display_name(session, quote.approved_by_id), approved_customer_name=quote.customer_name,
        declined_at=quote.declined_at, declined_by=display_name(session, quote.declined_by_id),
        fault_found=quote.fault_found, software_decided_by=display_name(session, quote.software_decided_by_id),
        prices_include_tax=quote.prices_include_tax,
    )


__all__ = [
    "APPROVED", "CHANNELS", "COUNTER", "DECLINED", "DRAFT", "PHONE", "QuotableItem", "QuoteLineView",
    "QuoteRefused", "QuoteView", "STATE_LABELS", "SUPERSEDED", "approve_quote", "billing_row", "current_quote",
    "decline_quote", "get_quote", "make_quote", "preview_quote", "quotable_items", "quote_view",
]
