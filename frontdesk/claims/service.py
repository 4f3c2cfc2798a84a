"""A claim for every in-warranty repair, and its states
(docs/rules.md#a-claim-for-every-in-warranty-repair,
docs/rules.md#claim-states-and-deadlines).

When an in-warranty repair is recorded done (:func:`frontdesk.hooks.after_repair`),
:func:`draft_claim` drafts its claim to the brand's maker, priced by the
maker's standard in force on the repair date (:mod:`frontdesk.claims.pricing`),
with its deadline in working days of the shop's calendar, and tags every
replaced part (:class:`OldPart`).  When no claim can be drafted (no maker
for the brand, no standard in force), the ticket's timeline says why.

The states: drafted -> submitted -> paid | paid_short | rejected ->
appealed -> (settled again by the maker) ... -> settled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk import audit, clock, numbering, settings
from frontdesk.claims import pricing
from frontdesk.claims.models import Claim, Maker, MakerStandard, OldPart
from frontdesk.claims.standards import find_maker, maker_for_brand, standard_in_force
from frontdesk.db.lookup import get_or_not_found
from frontdesk.db.models import RepairRecord, Ticket, Visit
from frontdesk.errors import IllegalTransition, NotFound, ValidationError
from frontdesk.i18n import N_, Message, _
from frontdesk.intake import faults
from frontdesk.intake.fields import clean_text
from frontdesk.intake.timeline import add_event
from frontdesk.intake.warranty import STATUS_IN, STATUS_PARTIAL
from frontdesk.money import ZERO, format_money, to_money
from frontdesk.users import Actor
from frontdesk.workcalendar import WorkCalendar

DRAFTED = "drafted"
SUBMITTED = "submitted"
PAID = "paid"
PAID_SHORT = "paid_short"
REJECTED = "rejected"
APPEALED = "appealed"
SETTLED = "settled"
STATE_LABELS: dict[str, str] = {
    DRAFTED: N_("Drafted"),
    SUBMITTED: N_("Submitted"),
    PAID: N_("Paid"),
    PAID_SHORT: N_("Paid short"),
    REJECTED: N_("Rejected"),
    APPEALED: N_("Appealed"),
    SETTLED: N_("Settled"),
}
STATES = tuple(STATE_LABELS)
# What the maker answered: a claim in one of these may be appealed (short, rejected) or closed.
ANSWERED = (PAID, PAID_SHORT, REJECTED)
# The warranty statuses whose repair is claimed (a partly covered unit: the covered component's repair).
CLAIMED_WARRANTY = (STATUS_IN, STATUS_PARTIAL)

LATE = "late"
DUE_SOON = "due_soon"
MAX_NUMBER = 60
EVENT = "claim"


def state_label(state: str) -> str:
    return _(STATE_LABELS.get(state, state))


def add_working_days(calendar: WorkCalendar, day: date, n: int) -> date:
    """``day`` + ``n`` working days: each day counted is a working day of
    the shop's calendar (a Friday + 3 is the Wednesday after)."""
    for _i in range(n):
        day = calendar.next_working_day(day)
    return day


def _ticket(session: Session, ticket_id: int) -> Ticket:
    return get_or_not_found(session, Ticket, ticket_id, _("No such ticket."))


def get_claim(session: Session, claim_id: int) -> Claim:
    return get_or_not_found(session, Claim, claim_id, _("No such claim."))


def find_claim(session: Session, number: str) -> Claim:
    """The claim numbered ``number`` (as typed or scanned)."""
    wanted = (number or "").strip().upper()
    claim = session.scalar(select(Claim).where(Claim.number == wanted))
    if claim is None:
        raise NotFound(_("No claim is numbered {number}.").format(number=wanted or number))
    return claim


def claim_of_ticket(session: Session, ticket_id: int) -> Claim | None:
    return session.scalar(select(Claim).where(Claim.ticket_id == ticket_id))


def _visit_km(session: Session, ticket_id: int) -> Decimal | None:
    """The distance of the ticket's last visit done (None: no visit, a repair at the counter)."""
    return session.scalar(
        select(Visit.distance_km).where(Visit.ticket_id == ticket_id, Visit.state == "done",
                                        Visit.distance_km.is_not(None))
        .order_by(Visit.day.desc(), Visit.id.desc()).limit(1))


def _number(session: Session, name: str, prefix: str, year: int) -> str:
    return numbering.format_number(prefix, year, numbering.next_number(session, name, year))


def _no_claim(session: Session, actor: Actor | None, ticket: Ticket, why: Message, now: datetime) -> None:
    add_event(session, ticket, actor, EVENT, why, now=now)


def _priced(ticket: Ticket, record: RepairRecord, standard: MakerStandard,
            km: Decimal | None) -> tuple[pricing.ClaimPrice, list[dict[str, Any]]]:
    """The repair priced by ``standard``, and the lines the claim keeps."""
    category = ticket.product.category if ticket.product is not None else ""
    price = pricing.price_claim(standard, category, record.level, km, [p.part_no for p in record.parts])
    lines: list[dict[str, Any]] = [line.to_json() for line in price.lines]
    if price.notes:  # no labour line: claimed at 0 until the level is set (docs/rules.md)
        lines.insert(0, {"kind": pricing.LABOUR, "description": "", "amount": str(ZERO), "part_no": "",
                         "missing": price.notes[0]})
    return price, lines


def _level_note(session: Session, actor: Actor, ticket: Ticket, claim: Claim, maker: Maker,
                price: pricing.ClaimPrice, now: datetime) -> None:
    if not price.notes:
        return
    add_event(session, ticket, actor, EVENT, Message(
        N_("Claim {number}: the repair level is missing, so its labour is claimed at 0. Set the level of the "
           "repair before submitting.")
        if price.notes[0] == pricing.LEVEL_MISSING else
        N_("Claim {number}: {maker}'s standard has no labour line for this category and level, so its "
           "labour is claimed at 0."), number=claim.number, maker=maker.name), now=now)


def draft_claim(session: Session, actor: Actor, ticket_id: int, now: datetime) -> Claim | None:
    """Draft the claim of the ticket's in-warranty repair (its existing
    claim when it has one).  None when there is nothing to claim: no repair
    (nothing done, out of warranty), or no claim possible (no maker for the
    brand, no standard in force on the repair date; the timeline says why)."""
    ticket = _ticket(session, ticket_id)
    existing = claim_of_ticket(session, ticket.id)
    if existing is not None:
        return existing
    record = session.scalar(select(RepairRecord).where(RepairRecord.ticket_id == ticket.id))
    if record is None or record.action not in faults.REPAIRS or ticket.warranty_status not in CLAIMED_WARRANTY:
        return None
    brand = ticket.product.brand if ticket.product is not None else ""
    maker = maker_for_brand(session, brand)
    if maker is None and session.scalar(select(Maker.id).limit(1)) is None:
        return None  # no maker set up at all: the shop does not claim, nothing to say on every ticket
    if maker is None:
        _no_claim(session, actor, ticket, Message(N_(
            "No claim to a maker: no maker is set up for the brand {brand}. If the shop repairs this brand for a "
            "maker, a manager adds the brand to that maker."), brand=brand or "-"), now)
        return None
    repaired_on = record.recorded_at.date()
    standard = standard_in_force(session, maker.id, repaired_on)
    if standard is None:
        _no_claim(session, actor, ticket, Message(N_(
            "No claim to {maker}: none of its settlement standards is in force on {day}. A manager adds the "
            "standard in force that day."), maker=maker.name, day=repaired_on.isoformat()), now)
        return None
    km = _visit_km(session, ticket.id)
    price, lines = _priced(ticket, record, standard, km)
    calendar: WorkCalendar = settings.work_calendar(session)
    claim = Claim(
        number=_number(session, "claim", "C", now.year), ticket_id=ticket.id, maker_id=maker.id,
        standard_id=standard.id, state=DRAFTED, service_order_no=ticket.maker_order_no or "",
        repaired_on=repaired_on, claim_due=add_working_days(calendar, repaired_on, standard.claim_days),
        level=record.level, distance_km=km, amount_claimed=price.total, amount_paid=None, lines=lines,
        drafted_at=now, updated_at=now)
    session.add(claim)
    session.flush()
    return_due = add_working_days(calendar, repaired_on, standard.return_days)
    for part, priced in zip(record.parts, price.parts, strict=True):
        session.add(OldPart(
            tag=_number(session, "oldpart", "P", now.year), claim_id=claim.id, repair_part_id=part.id,
            part_no=part.part_no, description=part.description, old_serial=part.old_serial,
            new_serial=part.new_serial, must_return=priced.must_return,
            return_due=return_due if priced.must_return else None, tagged_at=now))
    session.flush()
    add_event(session, ticket, actor, EVENT, Message(
        N_("Claim {number} to {maker} drafted: {amount}, to submit by {due}"), number=claim.number,
        maker=maker.name, amount=_money(session, claim.amount_claimed), due=claim.claim_due.isoformat()), now=now)
    _level_note(session, actor, ticket, claim, maker, price, now)
    audit.record(session, actor.id, "claim.draft", "claim", claim.id,
                 {"number": claim.number, "ticket": ticket.number, "maker": maker.code, "standard": standard.id,
                  "amount": str(claim.amount_claimed), "due": claim.claim_due.isoformat(),
                  "parts": [p.part_no for p in record.parts], "notes": list(price.notes)}, at=now)
    return claim


def set_repair_level(session: Session, actor: Actor, claim_id: int, level: str, now: datetime) -> Claim:
    """Set the repair level of a drafted claim's repair (minor, medium,
    major) and price the claim again by the same standard (its old-part tags
    stay as they are)."""
    claim = get_claim(session, claim_id)
    _refuse(claim, (DRAFTED,), _("Claim {number} is {state}: the repair level can be changed only before the "
                                 "claim is submitted."))
    if level not in pricing.LEVELS:
        raise ValidationError({"level": _("Pick the repair level: minor, medium or major.")})
    record = session.scalar(select(RepairRecord).where(RepairRecord.ticket_id == claim.ticket_id))
    standard = session.get(MakerStandard, claim.standard_id) if claim.standard_id else None
    if record is None or standard is None:
        raise IllegalTransition(_("Claim {number} has no repair record or standard to price it by.").format(
            number=claim.number))
    old_level, old_amount = record.level, claim.amount_claimed
    record.level = level
    price, lines = _priced(claim.ticket, record, standard, claim.distance_km)
    claim.level, claim.lines, claim.amount_claimed, claim.updated_at = level, lines, price.total, now
    session.flush()
    add_event(session, claim.ticket, actor, EVENT, Message(
        N_("Claim {number}: repair level {level}, claimed {amount}"), number=claim.number, level=level,
        amount=_money(session, price.total)), now=now)
    _level_note(session, actor, claim.ticket, claim, claim.maker, price, now)
    audit.record(session, actor.id, "claim.level", "claim", claim.id,
                 {"number": claim.number, "level": level, "replaces": old_level, "amount": str(price.total),
                  "was": str(old_amount)}, at=now)
    return claim


def set_maker_order_no(session: Session, actor: Actor, ticket_id: int, number: str, now: datetime) -> Ticket:
    """Keep the maker's service order number of a ticket (typed later than
    intake), and on its claim when it has one."""
    problems: dict[str, str] = {}
    value = clean_text(number, MAX_NUMBER, "maker_order_no", problems, _("Maker's service order number"))
    if problems:
        raise ValidationError(problems)
    ticket = _ticket(session, ticket_id)
    old = ticket.maker_order_no
    ticket.maker_order_no = value
    ticket.updated_at = now
    claim = claim_of_ticket(session, ticket.id)
    if claim is not None:
        claim.service_order_no = value
        claim.updated_at = now
    add_event(session, ticket, actor, EVENT, Message(N_("Maker's service order number: {number}"),
                                                    number=value or "-"), now=now)
    audit.record(session, actor.id, "ticket.maker_order_no", "ticket", ticket.id, {"number": value, "replaces": old},
                 at=now)
    return ticket


def _refuse(claim: Claim, allowed: Sequence[str], why: str) -> None:
    """Refuse a move from a state not in ``allowed``; ``why`` (translated,
    with {number} and {state}) says which claims can make it."""
    if claim.state not in allowed:
        raise IllegalTransition(why.format(number=claim.number, state=state_label(claim.state).lower()))


def _moved(session: Session, actor: Actor, claim: Claim, action: str, to_state: str, on: date,
           detail: dict[str, Any], event: Message, now: datetime | None = None) -> Claim:
    """Move ``claim`` to ``to_state`` (the maker's or the shop's act of day
    ``on``), on its ticket's timeline and in the audit trail (dated when it
    was typed, ``now``: default the clock's)."""
    now = now or clock.now()
    from_state = claim.state
    claim.state = to_state
    claim.updated_at = now
    session.flush()
    add_event(session, claim.ticket, actor, EVENT, event, now=now)
    audit.record(session, actor.id, action, "claim", claim.id,
                 {"number": claim.number, "from": from_state, "to": to_state, "on": on.isoformat(), **detail},
                 at=now)
    return claim


def _money(session: Session, amount: Decimal) -> str:
    return format_money(amount, str(settings.get(session, "currency")))


def submit_claim(session: Session, actor: Actor, claim_id: int, maker_claim_no: str, on: date,
                 now: datetime | None = None) -> Claim:
    """The claim went in on the maker's portal on ``on``; ``maker_claim_no`` is its number there."""
    claim = get_claim(session, claim_id)
    _refuse(claim, (DRAFTED,), _("Claim {number} is {state}: only a drafted claim can be submitted."))
    problems: dict[str, str] = {}
    number = clean_text(maker_claim_no, MAX_NUMBER, "maker_claim_no", problems, _("Maker's claim number"))
    if not number and not problems:
        problems["maker_claim_no"] = _("Type the claim number the maker gave.")
    if problems:
        raise ValidationError(problems)
    claim.maker_claim_no = number
    claim.submitted_on = on
    return _moved(session, actor, claim, "claim.submit", SUBMITTED, on, {"maker_claim_no": number},
                  Message(N_("Claim {number} submitted to the maker as {maker_no}"), number=claim.number,
                          maker_no=number), now)


def settle_claim(session: Session, actor: Actor, claim_id: int, amount_paid: Decimal | int | str, reason: str,
                 on: date, appeal_days: int | None = None, *, from_settlement: bool = False,
                 now: datetime | None = None) -> Claim:
    """The maker's answer on ``on``: all paid, paid short (``reason``
    required) or rejected (nothing paid, ``reason`` required).  A short or
    rejected claim may be appealed until ``appeal_days`` working days after
    ``on`` (default: the standard's).  ``from_settlement``: the maker's own
    settlement workbook says so (frontdesk.claims.settlements), which also
    proves a claim still drafted here was submitted, and what it paid, even
    beyond the claim, is what it paid."""
    claim = get_claim(session, claim_id)
    if from_settlement and claim.state == DRAFTED:
        claim.submitted_on = claim.submitted_on or on
    else:
        _refuse(claim, (SUBMITTED, APPEALED), _("Claim {number} is {state}: the maker's answer is recorded on a "
                                                "submitted (or appealed) claim. Submit it first."))
    problems: dict[str, str] = {}
    paid = ZERO
    try:
        paid = to_money(amount_paid)
    except (TypeError, ValueError) as exc:
        problems["amount_paid"] = str(exc) if isinstance(exc, ValueError) else _("Type the amount the maker paid.")
    why = clean_text(reason, 2000, "reason", problems, _("Reason"))
    if "amount_paid" not in problems:
        if paid < ZERO:
            problems["amount_paid"] = _("The amount paid cannot be negative.")
        elif paid > claim.amount_claimed and not from_settlement:
            problems["amount_paid"] = _("The maker paid {paid}, more than the {claimed} claimed: check the "
                                        "amount.").format(paid=_money(session, paid),
                                                          claimed=_money(session, claim.amount_claimed))
        elif paid < claim.amount_claimed and not why:
            problems["reason"] = _("Write the maker's reason for paying less than claimed.") if paid > ZERO \
                else _("Write the maker's reason for rejecting the claim.")
    if problems:
        raise ValidationError(problems)
    state = PAID if paid >= claim.amount_claimed else REJECTED if paid == ZERO else PAID_SHORT
    if appeal_days is None:
        standard = session.get(MakerStandard, claim.standard_id) if claim.standard_id else None
        appeal_days = standard.appeal_days if standard is not None else 0
    calendar: WorkCalendar = settings.work_calendar(session)
    claim.amount_paid = paid
    claim.result_reason = why
    claim.settled_on = on
    claim.appeal_due = add_working_days(calendar, on, appeal_days) if state != PAID else None
    event = {
        PAID: Message(N_("Claim {number} paid in full: {paid}"), number=claim.number, paid=_money(session, paid)),
        PAID_SHORT: Message(N_("Claim {number} paid short: {paid} of {claimed} ({reason})"), number=claim.number,
                            paid=_money(session, paid), claimed=_money(session, claim.amount_claimed), reason=why),
        REJECTED: Message(N_("Claim {number} rejected by the maker: {reason}"), number=claim.number, reason=why),
    }[state]
    return _moved(session, actor, claim, "claim.settle", state, on,
                  {"paid": str(paid), "reason": why,
                   "appeal_due": claim.appeal_due.isoformat() if claim.appeal_due else None}, event, now)


def appeal_claim(session: Session, actor: Actor, claim_id: int, on: date, note: str = "",
                 now: datetime | None = None) -> Claim:
    """The shop contests a short payment or a rejection, by its appeal deadline."""
    claim = get_claim(session, claim_id)
    _refuse(claim, (PAID_SHORT, REJECTED), _("Claim {number} is {state}: only a claim paid short or rejected "
                                              "can be appealed."))
    if claim.appeal_due is not None and on > claim.appeal_due:
        raise IllegalTransition(_("Claim {number} can no longer be appealed: the maker's deadline was {due}.")
                                .format(number=claim.number, due=claim.appeal_due.isoformat()))
    problems: dict[str, str] = {}
    text = clean_text(note, 2000, "note", problems, _("Note"))
    if problems:
        raise ValidationError(problems)
    claim.appealed_on = on
    return _moved(session, actor, claim, "claim.appeal", APPEALED, on, {"note": text},
                  Message(N_("Claim {number} appealed"), number=claim.number,
                          parts=(": ", text) if text else (), sep=""), now)


def close_claim(session: Session, actor: Actor, claim_id: int, on: date, now: datetime | None = None) -> Claim:
    """Settled for good: nothing more is asked of the maker."""
    claim = get_claim(session, claim_id)
    _refuse(claim, (*ANSWERED, APPEALED), _("Claim {number} is {state}: only a claim the maker has answered "
                                             "can be settled."))
    claim.closed_on = on
    return _moved(session, actor, claim, "claim.close", SETTLED, on, {},
                  Message(N_("Claim {number} settled"), number=claim.number), now)


def claim_flags(claim: Claim, today: date, soon_days: int = 3, calendar: WorkCalendar | None = None) -> str:
    """'late' (drafted and past its deadline), 'due_soon' (drafted and due
    within ``soon_days`` working days), or ''."""
    if claim.state != DRAFTED:
        return ""
    if today > claim.claim_due:
        return LATE
    if claim.claim_due <= add_working_days(calendar or WorkCalendar(), today, soon_days):
        return DUE_SOON
    return ""


@dataclass(frozen=True)
class ClaimRow:
    id: int
    number: str
    ticket_number: str
    maker_code: str
    maker: str
    state: str
    repaired_on: date
    claim_due: date
    flag: str
    amount_claimed: Decimal
    amount_paid: Decimal | None
    short: Decimal  # claimed - paid (0 until the maker answers)
    service_order_no: str
    maker_claim_no: str
    level_missing: bool
    ticket_id: int = 0
    appeal_due: date | None = None  # a short or rejected claim: contest it by then


@dataclass(frozen=True)
class TicketClaim:
    """What the ticket window says about the maker: the maker's service
    order number, and the claim when there is one."""

    maker_order_no: str
    claim_id: int | None = None
    number: str = ""
    maker_code: str = ""
    state: str = ""
    amount_claimed: Decimal | None = None
    amount_paid: Decimal | None = None
    claim_due: date | None = None
    flag: str = ""
    tags: int = 0  # old parts the maker wants back (a tag each)
    level_missing: bool = False


def ticket_claim(session: Session, ticket_id: int, today: date) -> TicketClaim:
    """The ticket's maker order number and claim, for its window."""
    ticket = _ticket(session, ticket_id)
    claim = claim_of_ticket(session, ticket.id)
    if claim is None:
        return TicketClaim(ticket.maker_order_no)
    tags = session.scalar(select(func.count(OldPart.id)).where(OldPart.claim_id == claim.id,
                                                               OldPart.must_return.is_(True))) or 0
    return TicketClaim(ticket.maker_order_no, claim.id, claim.number, claim.maker.code, claim.state,
                       claim.amount_claimed, claim.amount_paid, claim.claim_due,
                       claim_flags(claim, today, calendar=settings.work_calendar(session)), tags,
                       any(line.get("missing") for line in claim.lines))


def list_claims(session: Session, maker_code: str | None = None, state: str | None = None, *,
                today: date, late_only: bool = False) -> list[ClaimRow]:
    """The claims, oldest deadline first, for the screen and the command line."""
    query = (select(Claim, Ticket.number, Maker.code, Maker.name)
             .join(Ticket, Ticket.id == Claim.ticket_id).join(Maker, Maker.id == Claim.maker_id)
             .order_by(Claim.claim_due, Claim.id))
    if maker_code:
        query = query.where(Maker.id == find_maker(session, maker_code).id)
    if state:
        if state not in STATE_LABELS:
            raise ValidationError({"state": _("Unknown claim state {state}: use one of {states}.").format(
                state=state, states=", ".join(STATES))})
        query = query.where(Claim.state == state)
    calendar: WorkCalendar = settings.work_calendar(session)
    rows: list[ClaimRow] = []
    for claim, ticket_number, code, name in session.execute(query):
        flag = claim_flags(claim, today, calendar=calendar)
        if late_only and flag != LATE:
            continue
        short = claim.amount_claimed - claim.amount_paid if claim.amount_paid is not None else ZERO
        rows.append(ClaimRow(claim.id, claim.number, ticket_number, code, name, claim.state, claim.repaired_on,
                             claim.claim_due, flag, claim.amount_claimed, claim.amount_paid, short,
                             claim.service_order_no, claim.maker_claim_no,
                             any(line.get("missing") for line in claim.lines), claim.ticket_id, claim.appeal_due))
    return rows


__all__ = ["ANSWERED", "APPEALED", "DRAFTED", "DUE_SOON", "LATE", "PAID", "PAID_SHORT", "REJECTED", "SETTLED",
           "STATES", "STATE_LABELS", "SUBMITTED", "ClaimRow", "TicketClaim", "add_working_days", "appeal_claim", "claim_flags",
           "claim_of_ticket", "close_claim", "draft_claim", "find_claim", "get_claim", "list_claims", "set_maker_order_no",
           "set_repair_level",
           "settle_claim", "state_label", "submit_claim", "ticket_claim"]
