"""Correcting a saved ticket, and verifying its "to verify" facts with the
values seen (docs/rules.md#correcting-a-ticket).

A clerk fixes a typo or a fact learnt later (the serial read off the unit,
the date on the invoice the customer brings): the customer's name, phone and
address, the product's facts, the fault, its category and the request.  No
manager is needed; a ticket that is closed (or cancelled) is not corrected.
Each correction is one audit record listing every field with its old and
new value, and one line on the timeline.

Then what intake decided from those facts is decided again, by the same
functions: the warranty (:func:`frontdesk.intake.preview.ticket_warranty`,
on the intake day), the earlier repairs of the fault
(:func:`frontdesk.intake.faults.count_for`), the 三包 advice
(:func:`frontdesk.intake.service.advice_for`) and the facts still missing
(``_verify_fields``).  When the warranty's coverage changes (or the
installation date under a software set-up line) while the ticket has a
current quote, the money quoted is wrong: a draft quote the customer has not
answered is withdrawn (superseded, as a revised quote would), and the ticket
says the quote must be made again; an approved quote cannot be withdrawn by
billing, so the ticket says it must be made again and a "requote" event
marks it (:func:`requote_needed`).

This module sits above intake and billing (it reads the quotes), so
neither imports it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import audit, clock, customers, settings
from frontdesk.billing import quotes
from frontdesk.billing.models import Quote
from frontdesk.billing.pricing import SOFTWARE_SETUP
from frontdesk.db.models import Ticket, TicketEvent
from frontdesk.errors import IllegalTransition, ValidationError
from frontdesk.i18n import N_, Message, _
from frontdesk.intake import faults, states
from frontdesk.intake.fields import FIELD_LABELS, TEXT_LABELS, clean_text, field_label, field_label_message
from frontdesk.intake.preview import ticket_warranty
from frontdesk.intake.service import (
    MAX_TEXT,
    IntakeForm,
    _verify_fields,
    advice_for,
    apply_product_facts,
    check_fact_dates,
    get_ticket,
)
from frontdesk.intake.timeline import add_event
from frontdesk.intake.warranty import STATUS_LABELS, SanbaoAdvice, WarrantyStatus, category_label
from frontdesk.money import format_money
from frontdesk.users import Actor

# What a correction may change, where it lives, and how long a text may be.
CUSTOMER_FIELDS = ("name", "phone", "address")
PRODUCT_TEXT = {"serial": 120, "model": 120, "brand": 80, "invoice_no": 80}
PRODUCT_DATES = ("purchase_date", "card_stamp_date", "factory_date", "installed_on")
PRODUCT_FLAGS = ("invoice_shown", "card_shown")
PRODUCT_FIELDS = ("serial", "model", "brand", "purchase_date", "invoice_shown", "invoice_no", "card_shown",
                  "card_stamp_date", "factory_date", "installed_on")
TICKET_FIELDS = ("fault", "fault_category", "request")
FIELDS = CUSTOMER_FIELDS + PRODUCT_FIELDS + TICKET_FIELDS
TEXT_LIMITS = {"name": 120, "address": 500, **PRODUCT_TEXT, "fault": MAX_TEXT, "request": MAX_TEXT}

LABELS = {
    **{k: v for k, v in TEXT_LABELS.items() if k in FIELDS},
    "invoice_shown": N_("Invoice shown"),
    "card_shown": N_("Warranty card shown"),
    "card_stamp_date": N_("Date stamped on the warranty card"),
    "factory_date": N_("Factory date"),
    "installed_on": N_("Installation date"),
    "fault_category": N_("Fault category"),
}
# The "to verify" fact a corrected field settles (the rest settle their own name).
VERIFIES = {"invoice_shown": "proof", "invoice_no": "proof", "card_shown": "proof", "card_stamp_date": "proof"}

REQUOTE = "requote"  # the timeline event that says the quote must be made again


def label(name: str) -> str:
    """A correctable field (or a fact to verify) as the desk names it."""
    return _(LABELS[name]) if name in LABELS else field_label(name)


def label_message(name: str) -> Message:
    """:func:`label` kept to be read later, in the reader's language."""
    return Message(LABELS[name]) if name in LABELS else field_label_message(name)


@dataclass(frozen=True)
class Change:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class CorrectionResult:
    ticket_id: int
    number: str
    changes: tuple[Change, ...]
    warranty_before: str
    warranty_after: str
    advice: SanbaoAdvice | None
    verify_fields: tuple[str, ...]  # still to verify after the correction
    verified: tuple[str, ...] = ()  # settled by a verification
    requote: str = ""  # what happened to the quote, when the money quoted changed; else ""


@dataclass(frozen=True)
class CorrectionView:
    """What the Correct dialog shows: the ticket's facts as they stand."""

    ticket_id: int
    number: str
    state: str
    closed: bool
    has_product: bool
    category: str
    category_label: str
    values: dict[str, Any]
    verify_fields: list[str]
    fault_categories: list[faults.FaultCategory] = field(default_factory=list)
    requote_needed: bool = False


def _values(ticket: Ticket) -> dict[str, Any]:
    """The correctable facts of ``ticket`` as they stand (phone: as stored, E.164)."""
    c, p = ticket.customer, ticket.product
    values: dict[str, Any] = {"name": c.name, "phone": c.phone, "address": ticket.address,
                              "fault": ticket.fault, "fault_category": ticket.fault_category,
                              "request": ticket.request}
    if p is not None:
        values.update({name: getattr(p, name) for name in PRODUCT_FIELDS})
    return values


def correction_view(session: Session, ticket_id: int) -> CorrectionView:
    ticket = get_ticket(session, ticket_id)
    product = ticket.product
    values = _values(ticket)
    values["phone"] = ticket.customer.phone_display or ticket.customer.phone
    category = product.category if product is not None else ""
    return CorrectionView(
        ticket_id=ticket.id, number=ticket.number, state=ticket.state, closed=ticket.state in states.FINAL,
        has_product=product is not None, category=category,
        category_label=category_label(category) if category else "", values=values,
        verify_fields=list(ticket.verify_fields or []),
        fault_categories=faults.fault_categories(category, session) if category else [],
        requote_needed=requote_needed(session, ticket.id),
    )


def _form_of(ticket: Ticket, phone: customers.PhoneCheck) -> IntakeForm:
    """The ticket's facts as intake's form carries them (what ``_verify_fields``
    and the advice read)."""
    form = IntakeForm(channel=ticket.channel, kind=ticket.kind, customer_id=ticket.customer_id,
                      product_id=ticket.product_id, name=ticket.customer.name, phone=phone.e164,
                      address=ticket.address, fault=ticket.fault, fault_category=ticket.fault_category,
                      request=ticket.request, performance_fault=ticket.performance_fault,
                      exclusion=ticket.warranty_exclusion)
    if ticket.product is not None:
        p = ticket.product
        apply_product_facts(form, p)
        form.brand, form.model, form.serial, form.invoice_no = p.brand, p.model, p.serial, p.invoice_no
    return form


def _phone_of(session: Session, raw: str) -> customers.PhoneCheck:
    return customers.check_phone(raw, str(settings.get(session, "region")))


def _clean(session: Session, ticket: Ticket, changes: Mapping[str, Any], today: date,
           ) -> tuple[dict[str, Any], customers.PhoneCheck | None]:
    """The changes as they would be stored, checked as at intake; raises
    ValidationError naming every field that cannot be."""
    problems: dict[str, str] = {}
    clean: dict[str, Any] = {}
    phone: customers.PhoneCheck | None = None
    for name, value in changes.items():
        if name not in FIELDS:
            problems[name] = _("{field} cannot be corrected here.").format(field=label(name))
            continue
        if name in PRODUCT_FIELDS and ticket.product is None:
            problems[name] = _("This ticket has no product.")
            continue
        if name == "phone":
            try:
                phone = _phone_of(session, str(value or ""))
            except ValidationError as exc:
                problems.update(exc.fields)
                continue
            if not phone.e164:
                problems["phone"] = _("The customer's phone number cannot be removed, only corrected.")
            clean[name] = phone.e164
        elif name in TEXT_LIMITS:
            if not isinstance(value, str):
                raise TypeError(f"{name} must be text, not {type(value).__name__}")
            clean[name] = clean_text(value, TEXT_LIMITS[name], name, problems)
            if name == "name" and not clean[name]:
                problems["name"] = _("The customer's name cannot be removed, only corrected.")
        elif name in PRODUCT_DATES:
            if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
                raise TypeError(f"{name} must be a date or None, not {type(value).__name__}")
            clean[name] = value
        elif name in PRODUCT_FLAGS:
            if not isinstance(value, bool):
                raise TypeError(f"{name} must be True or False, not {value!r}")
            clean[name] = value
        elif name == "fault_category":
            key = str(value or "")
            category = ticket.product.category if ticket.product is not None else ""
            if key and not faults.is_fault_category(key, category, session):
                problems["fault_category"] = _("Pick a fault category from the list.")
            clean[name] = key
    check_fact_dates(problems, today, purchase_date=clean.get("purchase_date"),
                     card_stamp_date=clean.get("card_stamp_date"))
    for name in ("factory_date", "installed_on"):
        if clean.get(name) is not None and clean[name] > today:
            problems[name] = _("{field} cannot be in the future.").format(field=label(name))
    if problems:
        raise ValidationError(problems)
    return clean, phone


def _not_closed(ticket: Ticket) -> None:
    if ticket.state in states.FINAL:
        raise IllegalTransition(_("Ticket {number} is {state}: it can no longer be corrected.").format(
            number=ticket.number, state=states.label(ticket.state)))


def _coverage(status: WarrantyStatus | None) -> tuple[object, ...]:
    """What a quote's prices depend on: the status and each line's coverage."""
    if status is None:
        return ()
    return (status.overall, tuple((ln.component, ln.in_warranty) for ln in status.lines))


def _apply(session: Session, actor: Actor, ticket: Ticket, changes: Mapping[str, Any],
           now: datetime) -> tuple[list[Change], str, str, SanbaoAdvice | None, str]:
    """Store the changes that differ and decide again what intake decided;
    returns (changes, warranty before, after, advice, what happened to the quote)."""
    clean, phone = _clean(session, ticket, changes, now.date())
    before = _values(ticket)
    done = [Change(name, before[name], value) for name, value in clean.items() if before[name] != value]
    if not done:
        return [], ticket.warranty_status, ticket.warranty_status, None, ""
    _not_closed(ticket)

    old_status = ticket_warranty(session, ticket)
    old_phone = _phone_of(session, ticket.customer.phone)
    missing_before = set(_verify_fields(_form_of(ticket, old_phone), old_phone))

    new = {c.field: c.new for c in done}
    customer_new = {k: new[k] for k in CUSTOMER_FIELDS if k in new and k != "phone"}
    if customer_new or "phone" in new:
        customers.update(session, actor.id, ticket.customer, name=customer_new.get("name"),
                         phone=phone if "phone" in new else None, address=customer_new.get("address"), now=now)
    if "address" in new:
        ticket.address = new["address"]
    if ticket.product is not None:
        for name in PRODUCT_FIELDS:
            if name in new:
                setattr(ticket.product, name, new[name])
    for name in TICKET_FIELDS:
        if name in new:
            setattr(ticket, name, new[name])

    # Decide again what intake decided from these facts, by the same functions.
    status = ticket_warranty(session, ticket)
    ticket.warranty_status = status.overall if status is not None else "unknown"
    earlier = faults.count_for(session, ticket)
    cur_phone = _phone_of(session, ticket.customer.phone)
    form = _form_of(ticket, cur_phone)
    advice = advice_for(form, ticket.intake_at.date(), status, earlier) if ticket.product is not None else None
    missing_after = _verify_fields(form, cur_phone)
    remaining = [f for f in ticket.verify_fields or [] if not (f in missing_before and f not in missing_after)]
    remaining += [f for f in missing_after if f not in missing_before and f not in remaining]
    ticket.verify_fields = remaining
    ticket.to_verify = bool(remaining)
    ticket.updated_at = now

    money_changed = _coverage(old_status) != _coverage(status)
    requote = _quote_after(session, actor, ticket, money_changed, "installed_on" in new,
                           old_status.overall if old_status else "unknown", ticket.warranty_status, now)
    return done, old_status.overall if old_status else "unknown", ticket.warranty_status, advice, requote


def _quote_after(session: Session, actor: Actor, ticket: Ticket, coverage_changed: bool, installed_changed: bool,
                 before: str, after: str, now: datetime) -> str:
    """The current quote when the money it quoted changed: a draft is
    withdrawn, an approved one is marked to be made again.  Returns the
    sentence said on the ticket, or ""."""
    quote = quotes.current_quote(session, ticket.id)
    if quote is None or quote.state not in (quotes.DRAFT, quotes.APPROVED):
        return ""
    software = any(line.kind == SOFTWARE_SETUP for line in quote.lines)
    if not (coverage_changed or (installed_changed and software)):
        return ""
    total = format_money(quote.total, quote.currency)
    if coverage_changed:
        why = Message(N_("the warranty changed ({before} → {after})"),
                      before=Message(STATUS_LABELS.get(before, before)), after=Message(STATUS_LABELS.get(after, after)))
    else:
        why = Message(N_("the installation date changed (software set-up)"))
    if quote.state == quotes.DRAFT:
        quote.state = quotes.SUPERSEDED
        said = Message(N_("Quote {total} withdrawn: {why}. Make the quote again."), total=total, why=why)
        action = "quote.withdraw"
    else:
        said = Message(N_("Quote {total} was approved before {why}: the quote must be made again."),
                       total=total, why=why)
        action = "quote.requote"
    add_event(session, ticket, actor, REQUOTE, said, now=now)
    text = said.render()
    audit.record(session, actor.id, action, "quote", quote.id,
                 {"ticket": ticket.number, "warranty": [before, after], "total": quote.total}, at=now)
    return text


def requote_needed(session: Session, ticket_id: int) -> bool:
    """Whether a correction said the ticket's quote must be made again and no
    quote was made since."""
    said = session.scalar(select(TicketEvent.at).where(TicketEvent.ticket_id == ticket_id,
                                                       TicketEvent.kind == REQUOTE)
                          .order_by(TicketEvent.id.desc()).limit(1))
    if said is None:
        return False
    return session.scalar(select(Quote.id).where(Quote.ticket_id == ticket_id, Quote.created_at > said)
                          .limit(1)) is None


def _shown(name: str, value: Any) -> Message | str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return Message(N_("yes") if value else N_("no"))
    if isinstance(value, date):
        return value.isoformat()
    if name == "fault_category":
        return faults.fault_message(str(value))
    return str(value).replace("\n", " ")[:80]


def _changes_text(done: list[Change]) -> Message:
    return Message.joined([Message(N_("{field}: {old} → {new}"), field=label_message(c.field),
                                   old=_shown(c.field, c.old), new=_shown(c.field, c.new)) for c in done], sep="; ")


def _decided_text(before: str, after: str, advice: SanbaoAdvice | None) -> Message | None:
    parts: list[Message | str] = []
    if before != after:
        parts.append(Message(N_("Warranty: {before} → {after}."), before=Message(STATUS_LABELS.get(before, before)),
                             after=Message(STATUS_LABELS.get(after, after))))
    if advice is not None:
        parts.append(Message(N_("三包 advice: {message}"), message=advice.said or advice.message))
    return Message.joined(parts, sep=" ") if parts else None


def correct_ticket(session: Session, actor: Actor, ticket_id: int, changes: Mapping[str, Any],
                   now: datetime | None = None) -> CorrectionResult:
    """Correct the facts of a saved ticket (field -> new value; see
    :data:`FIELDS`): audited with the old and new values, written on the
    timeline, and the warranty, the 三包 advice, the earlier repairs and the
    facts to verify decided again.  A closed ticket is refused; so is a
    correction that changes nothing."""
    now = now or clock.now()
    ticket = get_ticket(session, ticket_id)
    _not_closed(ticket)
    done, before, after, advice, requote = _apply(session, actor, ticket, changes, now)
    if not done:
        raise ValidationError({"changes": _("Nothing was changed.")})
    text = Message(N_("Corrected: {changes}"), changes=_changes_text(done))
    decided = _decided_text(before, after, advice)
    add_event(session, ticket, actor, "corrected", Message.joined([text, decided], sep=". ") if decided else text,
              now=now)
    audit.record(session, actor.id, "ticket.correct", "ticket", ticket.id, {
        "number": ticket.number, "changes": [[c.field, c.old, c.new] for c in done],
        "warranty": [before, after], "to_verify": list(ticket.verify_fields), "requote": bool(requote)}, at=now)
    return CorrectionResult(ticket.id, ticket.number, tuple(done), before, after, advice,
                            tuple(ticket.verify_fields), (), requote)


def verify(session: Session, actor: Actor, ticket_id: int,
           seen: Mapping[str, Any] | Iterable[str] | None = None, now: datetime | None = None) -> Ticket:
    """Mark "to verify" facts as verified.

    ``seen`` maps what was checked to the value seen: a correctable field
    (:data:`FIELDS`) with its value, which corrects the fact when it differs
    (``{"serial": "HA23..."}``; the proof is settled by ``invoice_shown``,
    ``invoice_no``, ``card_shown`` or ``card_stamp_date``), or a fact to
    verify with no value of its own here (``{"model": None}``) verified as it
    stands.  A list of names verifies those facts as they stand; None
    verifies every one.  A value of None is "seen as it stands" (a date is
    emptied by a correction, not here).  One audit record and one timeline line say what was
    seen, what changed and what is still to verify."""
    now = now or clock.now()
    ticket = get_ticket(session, ticket_id)
    if seen is None:
        values: dict[str, Any] = {}
        checked = set(ticket.verify_fields or [])
    elif isinstance(seen, Mapping):
        values = {k: v for k, v in seen.items() if k in FIELDS and v is not None}
        unknown = [k for k in seen if k not in FIELDS and k not in FIELD_LABELS]
        if unknown:
            raise ValidationError({unknown[0]: _("{field} cannot be verified.").format(field=label(unknown[0]))})
        checked = {VERIFIES.get(k, k) for k in seen}
    else:
        values = {}
        checked = set(seen)
    flagged = list(ticket.verify_fields or [])
    done, before, after, advice, requote = _apply(session, actor, ticket, values, now) if values else (
        [], ticket.warranty_status, ticket.warranty_status, None, "")
    verified = [f for f in flagged if f in checked]
    remaining = [f for f in ticket.verify_fields or [] if f not in checked]
    ticket.verify_fields = remaining
    ticket.to_verify = bool(remaining)
    ticket.updated_at = now
    text = Message(N_("Verified: {fields}"), fields=Message.joined([label_message(f) for f in verified])) \
        if verified else None
    if done:
        changed = _changes_text(done)
        text = Message.joined([text, Message.joined(["(", Message(N_("corrected {changes}"), changes=changed), ")"],
                                                    sep="")], sep=" ") \
            if text is not None else Message(N_("Corrected: {changes}"), changes=changed)
        decided = _decided_text(before, after, advice)
        if decided is not None:
            text = Message.joined([text, decided], sep=". ")
    if text is not None:
        add_event(session, ticket, actor, "verified", text, now=now)
    audit.record(session, actor.id, "ticket.verify", "ticket", ticket.id, {
        "fields": verified, "seen": dict(seen) if isinstance(seen, Mapping) else None,
        "changes": [[c.field, c.old, c.new] for c in done], "warranty": [before, after],
        "to_verify": remaining, "requote": bool(requote)}, at=now)
    return ticket
