"""Loaner units, lending and returns, and pull-back repairs
(docs/rules.md#loaners-and-pull-backs).

- A unit is lent only when available and of the category of the ticket's
  product.  One unit can never be out twice: the unit row is locked
  (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite writers queue at
  ``BEGIN IMMEDIATE``) and a partial unique index on the open loans refuses a
  second open loan whatever happens; either way the loser gets
  :class:`Conflict` naming the ticket that holds the unit.
- The deposit is a security deposit apart from the repair bill
  (docs/rules.md#loaner-deposits): any amount (by default the shop's amount
  for the unit's category), taken through billing (a deposit receipt, no
  tax) in the lending transaction; when the unit comes back what is still
  held is refunded (a deposit-refund receipt), less what a manager keeps
  for damage (a damage-charge receipt).
- A ticket cannot be closed while its loaner is out, unless a manager
  overrides (:func:`before_close`, called by intake through the hooks).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk import audit, clock, settings
from frontdesk.billing import payments
from frontdesk.db.lookup import get_or_not_found
from frontdesk.db.models import Customer, Product, Ticket
from frontdesk.errors import Conflict, IllegalTransition, NotFound, ValidationError
from frontdesk.i18n import N_, Message, _
from frontdesk.intake import service as intake
from frontdesk.intake import states
from frontdesk.intake.warranty import category_key, category_label
from frontdesk.loaners.models import Loan, LoanerUnit, PullBack
from frontdesk.money import format_money
from frontdesk.plaintext import drop_controls
from frontdesk.users import Actor, display_name, require_manager

log = logging.getLogger(__name__)

AVAILABLE = "available"
LENT = "lent"
MAINTENANCE = "maintenance"
RETIRED = "retired"
STATUSES: dict[str, str] = {
    AVAILABLE: N_("Available"),
    LENT: N_("Lent"),
    MAINTENANCE: N_("In maintenance"),
    RETIRED: N_("Retired"),
}

REFUNDED = "refunded"
KEPT = "kept"
NONE = "none"
DEPOSIT_OUTCOMES: dict[str, str] = {
    REFUNDED: N_("Deposit refunded"),
    KEPT: N_("Deposit kept"),
    NONE: N_("No deposit"),
}

# Where the customer's product is (pull-backs).
WITH_CUSTOMER = "customer"
AT_COUNTER = "counter"
AT_WORKSHOP = "workshop"
BACK_AT_COUNTER = "back_at_counter"
LOCATIONS: dict[str, str] = {
    WITH_CUSTOMER: N_("With the customer"),
    AT_COUNTER: N_("At the counter"),
    AT_WORKSHOP: N_("At the workshop"),
    BACK_AT_COUNTER: N_("Back at the counter"),
}

MAX_TAG = 60
MAX_TEXT = 2000
ZERO = Decimal("0")


def status_label(status: str) -> str:
    return _(STATUSES.get(status, status))


def location_label(location: str) -> str:
    return _(LOCATIONS.get(location, location))


# -- views for the screens -----------------------------------------------------------------

@dataclass(frozen=True)
class UnitView:
    id: int
    tag: str
    category: str
    model: str
    serial: str
    condition: str
    status: str
    status_label: str
    note: str
    created_at: datetime
    ticket_id: int | None  # the ticket holding it when lent
    ticket_number: str | None
    due_on: date | None


@dataclass(frozen=True)
class LoanView:
    id: int
    unit_id: int
    tag: str
    category: str
    model: str
    ticket_id: int
    ticket_number: str
    customer: str
    phone: str
    lent_at: datetime
    lent_by: str
    due_on: date | None
    condition_out: str
    deposit: Decimal | None
    deposit_receipt_id: int | None
    agreement_signed: bool
    returned_at: datetime | None
    returned_by: str | None
    condition_back: str
    damage: str
    deposit_outcome: str | None
    refunded: Decimal | None
    refund_receipt_id: int | None
    kept_approved_by: str | None
    days_overdue: int  # as of ``today`` given to the list (0 when not overdue or returned)
    kept: Decimal | None = None  # kept for damage (a damage charge)
    damage_receipt_id: int | None = None

    @property
    def is_out(self) -> bool:
        return self.returned_at is None


@dataclass(frozen=True)
class PullBackView:
    id: int
    ticket_id: int
    ticket_number: str
    customer: str
    phone: str
    category: str
    brand: str
    model: str
    serial: str
    taken_at: datetime
    taken_by: str
    condition: list[str]
    condition_note: str
    accessories: list[str]
    promised_return_on: date
    sent_to_workshop_at: datetime | None
    returned_to_counter_at: datetime | None
    handed_back_at: datetime | None
    location: str
    location_label: str
    days_left: int  # promised date minus ``today`` (negative: missed)


# -- helpers -------------------------------------------------------------------------------

def _text(value: str | None, limit: int, fieldname: str, problems: dict[str, str]) -> str:
    text = drop_controls(value).strip()
    if len(text) > limit:
        problems[fieldname] = _("At most {n} characters.").format(n=limit)
    return text


def default_deposit(session: Session, category: str) -> Decimal | None:
    """The shop's deposit for a loaner of ``category`` (setting
    ``loaner_deposits``, set by a manager); None when it asks none."""
    amount = (settings.get(session, "loaner_deposits") or {}).get(category)
    value = Decimal(str(amount)) if amount is not None else ZERO
    return value if value > 0 else None


def deposits_as_text(deposits: dict[str, str]) -> str:
    """The shop's deposits per category as one line a manager edits:
    ``Refrigerator: 500; Mobile phone: 200`` (categories by their names in
    the reader's language)."""
    return "; ".join(f"{category_label(key)}: {amount}" for key, amount in deposits.items())


def deposits_from_text(text: str) -> dict[str, str]:
    """Read :func:`deposits_as_text`'s line back (a category by its name in
    either language, or its key); ValueError naming a part it cannot read."""
    out: dict[str, str] = {}
    for part in (p.strip() for p in (text or "").replace("；", ";").split(";")):
        if not part:
            continue
        name, sep, amount = part.replace("：", ":").partition(":")
        key = category_key(name)
        if not sep or key is None:
            raise ValueError(part)
        out[key] = amount.strip().replace("¥", "").replace("￥", "")
    return out


def _deposit(value: Decimal | int | str | None) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError({"deposit": _("The deposit must be an amount of money.")}) from None
    if not amount.is_finite() or amount < 0:
        raise ValidationError({"deposit": _("The deposit must be an amount of money.")})
    if amount >= Decimal("1e10"):  # and quantize below cannot hold 1e30
        raise ValidationError({"deposit": _("The deposit is too large.")})
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError({"deposit": _("The deposit has at most two decimals.")})
    return amount if amount > 0 else None


def _lock_unit(session: Session, unit_id: int) -> LoanerUnit:
    """The unit row, locked until the transaction ends (PostgreSQL; SQLite
    holds the database's write lock since ``BEGIN IMMEDIATE``)."""
    query = select(LoanerUnit).where(LoanerUnit.id == unit_id).execution_options(populate_existing=True)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    unit = session.scalar(query)
    if unit is None:
        raise NotFound(_("No such loaner unit."))
    return unit


def get_unit(session: Session, unit_id: int) -> LoanerUnit:
    unit = get_or_not_found(session, LoanerUnit, unit_id, _("No such loaner unit."))
    return unit


def find_unit(session: Session, tag: str) -> LoanerUnit:
    """The unit with this asset tag (as a scanner types it, then Enter)."""
    clean = drop_controls(tag).strip()  # as add_unit keeps it
    unit = session.scalar(select(LoanerUnit).where(LoanerUnit.tag == clean)) if clean else None
    if unit is None:
        raise NotFound(_("No loaner unit has the tag {tag}.").format(tag=clean))
    return unit


def open_loan_of_unit(session: Session, unit_id: int) -> Loan | None:
    return session.scalar(select(Loan).where(Loan.unit_id == unit_id, Loan.returned_at.is_(None)))


def open_loan_of_ticket(session: Session, ticket_id: int) -> Loan | None:
    return session.scalar(select(Loan).where(Loan.ticket_id == ticket_id, Loan.returned_at.is_(None))
                          .order_by(Loan.id).limit(1))


def _held_by(session: Session, unit: LoanerUnit) -> Conflict:
    loan = open_loan_of_unit(session, unit.id)
    if loan is None:
        return Conflict(_("Loaner {tag} was just lent at another counter.").format(tag=unit.tag))
    number = session.scalar(select(Ticket.number).where(Ticket.id == loan.ticket_id))
    return Conflict(_("Loaner {tag} is already out on ticket {ticket}.").format(tag=unit.tag, ticket=number))


# -- the pool ------------------------------------------------------------------------------

def _unit_fields(tag: str, category: str, model: str, serial: str, condition: str, note: str
                 ) -> tuple[dict[str, str], dict[str, str]]:
    problems: dict[str, str] = {}
    values = {
        "tag": _text(tag, MAX_TAG, "tag", problems),
        "category": _text(category, 40, "category", problems),
        "model": _text(model, 120, "model", problems),
        "serial": _text(serial, 120, "serial", problems),
        "condition": _text(condition, MAX_TEXT, "condition", problems),
        "note": _text(note, MAX_TEXT, "note", problems),
    }
    if not values["tag"]:
        problems["tag"] = _("Scan or type the unit's asset tag.")
    if not values["category"]:
        problems["category"] = _("Choose the unit's category.")
    return values, problems


def add_unit(session: Session, actor: Actor, tag: str, category: str, model: str = "", serial: str = "",
             condition: str = "", note: str = "", now: datetime | None = None) -> LoanerUnit:
    """Add a unit to the pool (available)."""
    now = now or clock.now()
    values, problems = _unit_fields(tag, category, model, serial, condition, note)
    if not problems.get("tag") and session.scalar(select(LoanerUnit.id).where(LoanerUnit.tag == values["tag"])):
        problems["tag"] = _("Another unit already has the tag {tag}.").format(tag=values["tag"])
    if problems:
        raise ValidationError(problems)
    unit = LoanerUnit(status=AVAILABLE, created_at=now, **values)
    session.add(unit)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        raise Conflict(_("Another unit already has the tag {tag}.").format(tag=values["tag"])) from None
    audit.record(session, actor.id, "loaner.add", "loaner_unit", unit.id, {"tag": unit.tag, "category": unit.category},
                 at=now)
    return unit


def edit_unit(session: Session, actor: Actor, unit_id: int, tag: str, category: str, model: str = "",
              serial: str = "", condition: str = "", note: str = "", now: datetime | None = None) -> LoanerUnit:
    unit = get_unit(session, unit_id)
    values, problems = _unit_fields(tag, category, model, serial, condition, note)
    if not problems.get("tag") and session.scalar(
            select(LoanerUnit.id).where(LoanerUnit.tag == values["tag"], LoanerUnit.id != unit.id)):
        problems["tag"] = _("Another unit already has the tag {tag}.").format(tag=values["tag"])
    if unit.status == LENT and values["category"] != unit.category:
        problems["category"] = _("The category of a unit that is out cannot change.")
    if problems:
        raise ValidationError(problems)
    changed = {k: v for k, v in values.items() if getattr(unit, k) != v}
    for key, value in changed.items():
        setattr(unit, key, value)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        raise Conflict(_("Another unit already has the tag {tag}.").format(tag=values["tag"])) from None
    audit.record(session, actor.id, "loaner.edit", "loaner_unit", unit.id, {"changed": sorted(changed)},
                 at=now or clock.now())
    return unit


def set_maintenance(session: Session, actor: Actor, unit_id: int, on: bool = True, note: str = "",
                    now: datetime | None = None) -> LoanerUnit:
    """Send an available unit to maintenance (``on``), or bring it back."""
    unit = _lock_unit(session, unit_id)
    if on and unit.status != AVAILABLE:
        raise IllegalTransition(_("Loaner {tag} is {status}: only an available unit goes to maintenance.").format(
            tag=unit.tag, status=status_label(unit.status)))
    if not on and unit.status != MAINTENANCE:
        raise IllegalTransition(_("Loaner {tag} is not in maintenance.").format(tag=unit.tag))
    problems: dict[str, str] = {}
    text = _text(note, MAX_TEXT, "note", problems)
    if problems:
        raise ValidationError(problems)
    unit.status = MAINTENANCE if on else AVAILABLE
    if text:
        unit.note = text
    audit.record(session, actor.id, "loaner.maintenance" if on else "loaner.available", "loaner_unit", unit.id,
                 {"tag": unit.tag, "note": text}, at=now or clock.now())
    return unit


def retire_unit(session: Session, actor: Actor, unit_id: int, reason: str, approver: Actor | None = None,
                now: datetime | None = None) -> LoanerUnit:
    """Take a unit out of the pool for good (a manager's decision)."""
    manager = require_manager(actor, approver, _("retire a loaner unit"))
    unit = _lock_unit(session, unit_id)
    if unit.status == LENT:
        raise IllegalTransition(_("Loaner {tag} is out: it is retired after it comes back.").format(tag=unit.tag))
    if unit.status == RETIRED:
        raise IllegalTransition(_("Loaner {tag} is already retired.").format(tag=unit.tag))
    problems: dict[str, str] = {}
    text = _text(reason, MAX_TEXT, "reason", problems)
    if not text:
        problems["reason"] = _("Write down why the unit is retired.")
    if problems:
        raise ValidationError(problems)
    unit.status = RETIRED
    unit.note = text
    audit.record(session, actor.id, "loaner.retire", "loaner_unit", unit.id, {"tag": unit.tag, "reason": text},
                 approver_id=manager.id, at=now or clock.now())
    return unit


def available_units(session: Session, category: str | None = None) -> list[LoanerUnit]:
    query = select(LoanerUnit).where(LoanerUnit.status == AVAILABLE).order_by(LoanerUnit.tag)
    if category:
        query = query.where(LoanerUnit.category == category)
    return list(session.scalars(query))


def unit_view(session: Session, unit: LoanerUnit | int) -> UnitView:
    if isinstance(unit, int):
        unit = get_unit(session, unit)
    loan = open_loan_of_unit(session, unit.id) if unit.status == LENT else None
    number = session.scalar(select(Ticket.number).where(Ticket.id == loan.ticket_id)) if loan else None
    return UnitView(unit.id, unit.tag, unit.category, unit.model, unit.serial, unit.condition, unit.status,
                    status_label(unit.status), unit.note, unit.created_at, loan.ticket_id if loan else None,
                    number, loan.due_on if loan else None)


def list_units(session: Session, status: str | None = None, category: str | None = None) -> list[UnitView]:
    query = select(LoanerUnit).order_by(LoanerUnit.tag)
    if status:
        query = query.where(LoanerUnit.status == status)
    if category:
        query = query.where(LoanerUnit.category == category)
    return [unit_view(session, u) for u in session.scalars(query)]


# -- pull-backs ----------------------------------------------------------------------------

def open_pullback(session: Session, ticket_id: int) -> PullBack | None:
    return session.scalar(select(PullBack).where(PullBack.ticket_id == ticket_id, PullBack.handed_back_at.is_(None)))


def last_pullback(session: Session, ticket_id: int) -> PullBack | None:
    """The ticket's open pull-back, else its last one (one query)."""
    return session.scalar(select(PullBack).where(PullBack.ticket_id == ticket_id)
                          .order_by(PullBack.handed_back_at.is_(None).desc(), PullBack.id.desc()).limit(1))


def _pullback_of(session: Session, ticket_id: int) -> PullBack:
    pb = open_pullback(session, ticket_id)
    if pb is None:
        raise NotFound(_("This ticket's product was not pulled back."))
    return pb


def location(pb: PullBack | None) -> str:
    """Where the customer's product is."""
    if pb is None or pb.handed_back_at is not None:
        return WITH_CUSTOMER
    if pb.returned_to_counter_at is not None:
        return BACK_AT_COUNTER
    if pb.sent_to_workshop_at is not None:
        return AT_WORKSHOP
    return AT_COUNTER


def product_location(session: Session, ticket_id: int) -> str:
    return location(open_pullback(session, ticket_id))


def pull_back(session: Session, actor: Actor, ticket_id: int, condition: list[str], note: str = "",
              accessories: list[str] | None = None, promised_return_on: date | None = None,
              now: datetime | None = None) -> PullBack:
    """Take the customer's product back to the workshop (the pull-back
    receipt's facts).  The ticket's state does not change: a product pulled
    back for inspection is still being diagnosed, and is quoted from there
    (docs/rules.md#pull-backs); the pull-back says where it is."""
    now = now or clock.now()
    ticket = intake.get_ticket(session, ticket_id)
    problems: dict[str, str] = {}
    if ticket.state in states.FINAL:
        raise IllegalTransition(_("Ticket {ticket} is {state}.").format(ticket=ticket.number,
                                                                        state=states.label(ticket.state)))
    if ticket.product_id is None:
        problems["ticket"] = _("This ticket has no product to pull back.")
    note_text = _text(note, MAX_TEXT, "note", problems)
    checks = [c for c in (drop_controls(str(c)).strip() for c in (condition or [])) if c]
    items = [a for a in (drop_controls(str(a)).strip() for a in (accessories or [])) if a]
    if promised_return_on is None:
        problems["promised_return_on"] = _("Give the customer a promised return date.")
    elif promised_return_on < now.date():
        problems["promised_return_on"] = _("The promised return date is in the past.")
    if open_pullback(session, ticket.id) is not None:
        problems["ticket"] = _("This ticket's product is already pulled back.")
    if problems:
        raise ValidationError(problems)
    assert promised_return_on is not None
    pb = PullBack(ticket_id=ticket.id, taken_at=now, taken_by_id=actor.id, condition=checks,
                  condition_note=note_text, accessories=items, promised_return_on=promised_return_on)
    session.add(pb)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        raise Conflict(_("This ticket's product was just pulled back at another counter.")) from None
    pb.sent_to_workshop_at = now
    audit.record(session, actor.id, "pullback.take", "ticket", ticket.id,
                 {"pullback": pb.id, "promised": promised_return_on, "accessories": items, "condition": checks}, at=now)
    return pb


def back_at_counter(session: Session, actor: Actor, ticket_id: int, note: str = "",
                    now: datetime | None = None) -> PullBack:
    """The product came back from the workshop.  When its work is done
    (repaired, or the quote declined) it is ready for pick-up."""
    now = now or clock.now()
    ticket = intake.get_ticket(session, ticket_id)
    pb = _pullback_of(session, ticket.id)
    if pb.returned_to_counter_at is not None:
        raise IllegalTransition(_("The product is already back at the counter."))
    pb.returned_to_counter_at = now
    if ticket.state in (states.REPAIRED, states.DECLINED):
        session.flush()
        intake.move(session, actor, ticket.id, states.READY, note, now=now,
                    said=None if note.strip() else Message(N_("Back from the workshop")))
    audit.record(session, actor.id, "pullback.back", "ticket", ticket.id, {"pullback": pb.id, "note": note.strip()},
                 at=now)
    return pb


def hand_back(session: Session, actor: Actor, ticket_id: int, now: datetime | None = None) -> PullBack:
    """The customer takes the product home."""
    now = now or clock.now()
    ticket = intake.get_ticket(session, ticket_id)
    pb = _pullback_of(session, ticket.id)
    pb.handed_back_at = now
    pb.handed_back_by_id = actor.id
    pb.returned_to_counter_at = pb.returned_to_counter_at or now
    audit.record(session, actor.id, "pullback.handed_back", "ticket", ticket.id, {"pullback": pb.id}, at=now)
    return pb


def pullback_view(session: Session, pb: PullBack, today: date | None = None) -> PullBackView:
    today = today or clock.now().date()
    ticket = intake.get_ticket(session, pb.ticket_id)
    product = session.get(Product, ticket.product_id) if ticket.product_id else None
    customer = session.get(Customer, ticket.customer_id)
    where = location(pb)
    return PullBackView(
        pb.id, ticket.id, ticket.number, customer.name if customer else "",
        (customer.phone_display or customer.phone) if customer else "",
        product.category if product else "", product.brand if product else "", product.model if product else "",
        product.serial if product else "", pb.taken_at, display_name(session, pb.taken_by_id) or "", list(pb.condition),
        pb.condition_note, list(pb.accessories), pb.promised_return_on, pb.sent_to_workshop_at,
        pb.returned_to_counter_at, pb.handed_back_at, where, location_label(where),
        (pb.promised_return_on - today).days)


def pullbacks_slipping(session: Session, today: date, days: int = 1) -> list[PullBackView]:
    """Products still away whose promised return date is within ``days`` of
    ``today`` or already missed: call the customer first."""
    query = (select(PullBack).where(PullBack.handed_back_at.is_(None), PullBack.returned_to_counter_at.is_(None),
                                    PullBack.promised_return_on <= today + timedelta(days=days))
             .order_by(PullBack.promised_return_on, PullBack.id))
    return [pullback_view(session, pb, today) for pb in session.scalars(query)]


# -- lending -------------------------------------------------------------------------------

def lend(session: Session, actor: Actor, ticket_id: int, tag: str, due_on: date | None = None,
         condition_out: str = "", deposit: Decimal | int | str | None = None, method: str = payments.CASH,
         agreement_signed: bool = True, now: datetime | None = None, *, counter: str,
         tendered: Decimal | int | str | None = None) -> Loan:
    """Lend the unit with asset tag ``tag`` on the ticket.  The deposit (if
    any: the screen proposes :func:`default_deposit`) is taken through
    billing in this transaction, into ``counter``'s drawer, whatever the
    repair's bill says; ``due_on`` defaults to the pull-back's promised
    return date."""
    now = now or clock.now()
    ticket = intake.get_ticket(session, ticket_id)
    found = find_unit(session, tag)
    unit = _lock_unit(session, found.id)
    problems: dict[str, str] = {}
    if ticket.state in states.FINAL:
        raise IllegalTransition(_("Ticket {ticket} is {state}: nothing is lent on it.").format(
            ticket=ticket.number, state=states.label(ticket.state)))
    if unit.status == LENT:
        raise _held_by(session, unit)
    if unit.status != AVAILABLE:
        problems["tag"] = _("Loaner {tag} is {status} and cannot be lent.").format(
            tag=unit.tag, status=status_label(unit.status))
    product = session.get(Product, ticket.product_id) if ticket.product_id else None
    if product is None:
        problems["ticket"] = _("This ticket has no product: a loaner replaces a product that is away.")
    elif product.category != unit.category:
        problems["tag"] = _("Loaner {tag} is a {unit_category}; the customer's product is a {category}. "
                            "Lend a unit of the same category.").format(
            tag=unit.tag, unit_category=category_label(unit.category), category=category_label(product.category))
    other = open_loan_of_ticket(session, ticket.id)
    if other is not None:
        held = session.get(LoanerUnit, other.unit_id)
        problems["ticket"] = _("Loaner {tag} is already out on this ticket.").format(tag=held.tag if held else "?")
    if due_on is None:
        pb = open_pullback(session, ticket.id)
        due_on = pb.promised_return_on if pb else None
    if due_on is None:
        problems["due_on"] = _("Give the date the loaner is due back.")
    elif due_on < now.date():
        problems["due_on"] = _("The due date is in the past.")
    if not agreement_signed:
        problems["agreement_signed"] = _("The customer must sign the loaner agreement.")
    cond = _text(condition_out, MAX_TEXT, "condition_out", problems)
    if not cond:
        problems["condition_out"] = _("Note the unit's condition as it goes out.")
    try:
        amount = _deposit(deposit)
    except ValidationError as exc:
        problems.update(exc.fields)
        amount = None
    if problems:
        raise ValidationError(problems)
    loan = Loan(unit_id=unit.id, ticket_id=ticket.id, lent_at=now, lent_by_id=actor.id, due_on=due_on,
                condition_out=cond, deposit=amount, agreement_signed=True, condition_back="", damage="")
    session.add(loan)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        # The partial unique index: another counter lent it first.
        session.expire(unit)
        raise _held_by(session, unit) from None
    unit.status = LENT
    if amount is not None:
        try:
            receipt = payments.take_payment(session, actor, ticket.id, method, amount, kind=payments.DEPOSIT, now=now,
                                            counter=counter, tendered=tendered)
        except ValidationError as exc:
            raise ValidationError({("deposit" if k == "amount" else k): v for k, v in exc.fields.items()}) from None
        loan.deposit_receipt_id = receipt.id
    session.flush()
    audit.record(session, actor.id, "loaner.lend", "loan", loan.id,
                 {"tag": unit.tag, "ticket": ticket.number, "due_on": due_on, "deposit": amount,
                  "condition": cond}, at=now)
    intake.add_note(session, actor, ticket.id, Message(N_("Loaner {tag} lent, due back {due}"),
                                                       tag=unit.tag, due=due_on.isoformat() if due_on else ""), now=now)
    return loan


def _loan_for(session: Session, tag_or_loan: str | int) -> Loan:
    if isinstance(tag_or_loan, int):
        loan = get_or_not_found(session, Loan, tag_or_loan, _("No such loan."))
        return loan
    unit = find_unit(session, tag_or_loan)
    open_loan = open_loan_of_unit(session, unit.id)
    if open_loan is None:
        raise IllegalTransition(_("Loaner {tag} is not out.").format(tag=unit.tag))
    return open_loan


def return_loan(session: Session, actor: Actor, tag_or_loan: str | int, condition_back: str, damage: str = "",
                keep_deposit: bool = False, approver: Actor | None = None, to_maintenance: bool = False,
                method: str = payments.CASH, now: datetime | None = None, *, counter: str,
                keep: Decimal | int | str | None = None) -> Loan:
    """The loaner comes back (by its tag, or a loan id): its condition is
    recorded and damage noted.  Of the deposit still held, a manager may
    keep ``keep`` (or all of it: ``keep_deposit``) for the damage described:
    that part becomes a damage charge with its own receipt; the rest is
    refunded through billing from ``counter``'s drawer."""
    now = now or clock.now()
    loan = _loan_for(session, tag_or_loan)
    unit = _lock_unit(session, loan.unit_id)
    session.refresh(loan)
    if loan.returned_at is not None:
        raise Conflict(_("Loaner {tag} was already returned.").format(tag=unit.tag))
    problems: dict[str, str] = {}
    cond = _text(condition_back, MAX_TEXT, "condition_back", problems)
    harm = _text(damage, MAX_TEXT, "damage", problems)
    if not cond:
        problems["condition_back"] = _("Note the unit's condition as it comes back.")
    held = payments.balance(session, loan.ticket_id).deposits_held if loan.deposit else ZERO
    held = min(held, loan.deposit or ZERO)
    try:
        kept = _deposit(keep) or ZERO
    except ValidationError:
        problems["keep"] = _("The amount kept must be an amount of money.")
        kept = ZERO
    if keep_deposit and not kept:
        kept = held
    if (keep_deposit or kept) and not loan.deposit:
        problems["keep_deposit"] = _("No deposit was taken for this loan.")
    elif kept > held:
        problems["keep"] = _("At most the {held} still held can be kept.").format(
            held=format_money(held, str(settings.get(session, "currency"))))
    if kept and not harm:
        problems["damage"] = _("Describe the damage the deposit is kept for.")
    if problems:
        raise ValidationError(problems)
    manager = require_manager(actor, approver, _("keep a loaner deposit")) if kept else None
    loan.returned_at = now
    loan.returned_by_id = actor.id
    loan.condition_back = cond
    loan.damage = harm
    if not loan.deposit:
        loan.deposit_outcome = NONE
    else:
        if kept:
            assert manager is not None
            charge = payments.charge_damage(session, actor, loan.ticket_id, kept, harm, approver=manager, now=now,
                                            counter=counter)
            loan.damage_receipt_id = charge.id
            loan.kept = kept
            loan.kept_approved_by_id = manager.id
        back = held - kept
        if back > 0:
            receipt = payments.take_payment(session, actor, loan.ticket_id, method, back,
                                            kind=payments.DEPOSIT_REFUND, now=now, counter=counter)
            loan.refund_receipt_id = receipt.id
        loan.refunded = back
        loan.deposit_outcome = KEPT if kept else REFUNDED
    unit.status = MAINTENANCE if to_maintenance else AVAILABLE
    unit.condition = cond
    session.flush()
    audit.record(session, actor.id, "loaner.return", "loan", loan.id,
                 {"tag": unit.tag, "condition": cond, "damage": harm, "deposit": loan.deposit,
                  "outcome": loan.deposit_outcome, "refunded": loan.refunded, "kept": loan.kept,
                  "maintenance": to_maintenance},
                 approver_id=manager.id if manager else None, at=now)
    text = Message(N_("Loaner {tag} returned"), tag=unit.tag, parts=(": ", harm) if harm else (), sep="")
    intake.add_note(session, actor, loan.ticket_id, text, now=now)
    return loan


def before_close(session: Session, actor: Actor, ticket: Ticket, approver: Actor | None, note: str,
                 now: datetime) -> None:
    """Called by intake (frontdesk.hooks): a ticket is not closed while its loaner is out, unless a manager
    overrides (the reason is kept in the audit)."""
    loan = open_loan_of_ticket(session, ticket.id)
    if loan is None:
        return
    unit = session.get(LoanerUnit, loan.unit_id)
    tag = unit.tag if unit else "?"
    if (actor.is_manager or (approver is not None and approver.is_manager)) and not (note or "").strip():
        raise ValidationError({"note": _("Loaner {tag} is still out: write down why the ticket is closed "
                                         "anyway.").format(tag=tag)})
    manager = require_manager(actor, approver, _("close a ticket while loaner {tag} is still out").format(tag=tag))
    audit.record(session, actor.id, "loaner.close_override", "ticket", ticket.id,
                 {"tag": tag, "loan": loan.id, "reason": note.strip()}, approver_id=manager.id, at=now)


# -- lists ---------------------------------------------------------------------------------

def loan_view(session: Session, loan: Loan | int, today: date | None = None) -> LoanView:
    if isinstance(loan, int):
        found = get_or_not_found(session, Loan, loan, _("No such loan."))
        loan = found
    today = today or clock.now().date()
    unit = get_unit(session, loan.unit_id)
    ticket = intake.get_ticket(session, loan.ticket_id)
    customer = session.get(Customer, ticket.customer_id)
    late = (today - loan.due_on).days if loan.returned_at is None and loan.due_on and loan.due_on < today else 0
    return LoanView(
        loan.id, unit.id, unit.tag, unit.category, unit.model, ticket.id, ticket.number,
        customer.name if customer else "", (customer.phone_display or customer.phone) if customer else "",
        loan.lent_at, display_name(session, loan.lent_by_id) or "", loan.due_on, loan.condition_out, loan.deposit,
        loan.deposit_receipt_id, loan.agreement_signed, loan.returned_at, display_name(session, loan.returned_by_id),
        loan.condition_back, loan.damage, loan.deposit_outcome, loan.refunded, loan.refund_receipt_id,
        display_name(session, loan.kept_approved_by_id), late, loan.kept, loan.damage_receipt_id)


def loans_out(session: Session, today: date | None = None) -> list[LoanView]:
    query = select(Loan).where(Loan.returned_at.is_(None)).order_by(Loan.due_on, Loan.id)
    return [loan_view(session, loan, today) for loan in session.scalars(query)]


def overdue(session: Session, today: date) -> list[LoanView]:
    """Loans out past their due date (due before ``today``)."""
    query = (select(Loan).where(Loan.returned_at.is_(None), Loan.due_on < today)
             .order_by(Loan.due_on, Loan.id))
    return [loan_view(session, loan, today) for loan in session.scalars(query)]


def due_soon(session: Session, today: date, days: int = 2) -> list[LoanView]:
    """Loans out due from ``today`` to ``days`` days later."""
    query = (select(Loan).where(Loan.returned_at.is_(None), Loan.due_on >= today,
                                Loan.due_on <= today + timedelta(days=days))
             .order_by(Loan.due_on, Loan.id))
    return [loan_view(session, loan, today) for loan in session.scalars(query)]


def ticket_loans(session: Session, ticket_id: int) -> list[LoanView]:
    query = select(Loan).where(Loan.ticket_id == ticket_id).order_by(Loan.id)
    return [loan_view(session, loan) for loan in session.scalars(query)]


def unit_history(session: Session, unit_id: int) -> list[LoanView]:
    """Every loan of the unit, newest first."""
    get_unit(session, unit_id)
    query = select(Loan).where(Loan.unit_id == unit_id).order_by(Loan.lent_at.desc(), Loan.id.desc())
    return [loan_view(session, loan) for loan in session.scalars(query)]
