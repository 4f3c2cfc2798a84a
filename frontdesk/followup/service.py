"""Call-backs and feedback cards.

Due times (docs/rules.md#when-a-call-back-is-due; calling hours and
working days from the shop's settings):

- 2 hours after a phone consultation, and after a misuse resolved by phone;
- 3 hours after a repair the technician marked as uncertain;
- at the next calling moment after a returned card that says "not
  satisfied", and again one working day after every call where the customer
  is still not fine, until they are;
- a phone repair request that got no answer within its one working day is
  due at once;
- no answer: try again 2 hours later.

A due time that falls outside calling hours moves to the next opening.
Cards: each box is rated 3 (满意 satisfied), 2 (基本满意 fairly satisfied) or
1 (不满意 not satisfied); a card is "satisfied" when no box says not satisfied.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from frontdesk import audit, clock, numbering, settings
from frontdesk.db.lookup import get_or_not_found
from frontdesk.db.models import AuditRecord, Customer, Technician, Ticket, TicketEvent, User
from frontdesk.errors import Conflict, IllegalTransition, NotAllowed, NotFound, ValidationError
from frontdesk.followup.models import CallBack, FeedbackCard
from frontdesk.i18n import N_, Message, _
from frontdesk.intake import states
from frontdesk.plaintext import drop_controls
from frontdesk.users import Actor, display_name_column
from frontdesk.workcalendar import WorkCalendar

log = logging.getLogger(__name__)

CONSULTATION = "consultation"
MISUSE = "misuse"
UNCERTAIN_REPAIR = "uncertain_repair"
DISSATISFIED = "dissatisfied"
FOLLOW_UP = "follow_up"
NO_RESPONSE = "no_response"
READY_TO_COLLECT = "ready_to_collect"
REASONS = {
    CONSULTATION: N_("After a phone consultation"),
    MISUSE: N_("After a misuse resolved by phone"),
    UNCERTAIN_REPAIR: N_("Repair the technician was not sure of"),
    DISSATISFIED: N_("Feedback card: not satisfied"),
    FOLLOW_UP: N_("Follow-up: customer not yet satisfied"),
    NO_RESPONSE: N_("Phone request not answered in one working day"),
    READY_TO_COLLECT: N_("Ready: please collect"),
}
DELAYS = {
    CONSULTATION: timedelta(hours=2),
    MISUSE: timedelta(hours=2),
    UNCERTAIN_REPAIR: timedelta(hours=3),
    DISSATISFIED: timedelta(0),
    NO_RESPONSE: timedelta(0),
    READY_TO_COLLECT: timedelta(0),
}
RETRY_AFTER = timedelta(hours=2)
DUE_SOON = timedelta(minutes=30)  # the list shows these in orange

REACHED_FINE = "reached_fine"
REACHED_NOT_FINE = "reached_not_fine"
NO_ANSWER = "no_answer"
WRONG_NUMBER = "wrong_number"
OUTCOMES = {
    REACHED_FINE: N_("Reached, customer is fine"),
    REACHED_NOT_FINE: N_("Reached, customer is not fine"),
    NO_ANSWER: N_("No answer"),
    WRONG_NUMBER: N_("Wrong number"),
}

SATISFIED, FAIR, NOT_SATISFIED = 3, 2, 1
RATINGS = {SATISFIED: N_("Satisfied"), FAIR: N_("Fairly satisfied"), NOT_SATISFIED: N_("Not satisfied")}
FINISHED_STATES = frozenset({states.REPAIRED, states.READY, states.CLOSED})
MAX_NOTE = 2000  # a call's note, a card's comment
UNDO_WINDOW = timedelta(seconds=10)  # how long a call just recorded can be undone


def _event(ticket_id: int, actor: Actor, kind: str, now: datetime, message: Message) -> TicketEvent:
    """A timeline event of the ticket (as ``frontdesk.intake.timeline.add_event``
    keeps it: the message, and its English words)."""
    return TicketEvent(ticket_id=ticket_id, at=now, user_id=actor.id, kind=kind, text=message.english(),
                       message=message.to_json())


def due_time(reason: str, at: datetime, calendar: WorkCalendar) -> datetime:
    """When a call-back for ``reason`` raised at ``at`` is due."""
    if reason == FOLLOW_UP:
        return calendar.add_working_days(at, 1)
    return calendar.due_after(at, DELAYS[reason])


def _open_exists(session: Session, ticket_id: int | None, reason: str) -> bool:
    if ticket_id is None:
        return False
    return bool(session.scalar(select(exists().where(
        CallBack.ticket_id == ticket_id, CallBack.reason == reason, CallBack.done_at.is_(None)))))


def schedule(session: Session, actor_id: int | None, *, customer_id: int, reason: str, at: datetime,
             ticket_id: int | None = None, card_id: int | None = None, parent: CallBack | None = None,
             due_at: datetime | None = None, attempt: int = 1) -> CallBack:
    if reason not in REASONS:
        raise ValidationError({"reason": _("Unknown call-back reason.")})
    calendar = settings.work_calendar(session)
    cb = CallBack(
        ticket_id=ticket_id, customer_id=customer_id, card_id=card_id, parent_id=parent.id if parent else None,
        reason=reason, attempt=attempt, created_at=at,
        due_at=due_at or due_time(reason, at, calendar), note="",
    )
    session.add(cb)
    session.flush()
    audit.record(session, actor_id, "callback.schedule", "callback", cb.id,
                 {"reason": reason, "due_at": cb.due_at, "ticket_id": ticket_id}, at=at)
    return cb


# ---- rules fired by intake -------------------------------------------------

def on_intake(session: Session, actor: Actor, ticket: Ticket, now: datetime) -> None:
    """A consultation, or a misuse resolved on the phone, gets a call-back."""
    if ticket.kind == "consultation" and ticket.channel == "phone":
        schedule(session, actor.id, customer_id=ticket.customer_id, reason=CONSULTATION, at=now, ticket_id=ticket.id)
    elif ticket.misuse_resolved:
        schedule(session, actor.id, customer_id=ticket.customer_id, reason=MISUSE, at=now, ticket_id=ticket.id)


def on_move(session: Session, actor: Actor, ticket: Ticket, from_state: str, to_state: str, now: datetime) -> None:
    """A repair the technician was not sure of gets a call-back 3 hours
    later; a product ready for pick-up gets "please collect" at once (at the
    next calling hour); a product collected needs no more of those calls."""
    if to_state == states.REPAIRED and ticket.technician_uncertain and not _open_exists(session, ticket.id, UNCERTAIN_REPAIR):
        schedule(session, actor.id, customer_id=ticket.customer_id, reason=UNCERTAIN_REPAIR, at=now, ticket_id=ticket.id)
    if to_state == states.READY and not _open_exists(session, ticket.id, READY_TO_COLLECT):
        schedule(session, actor.id, customer_id=ticket.customer_id, reason=READY_TO_COLLECT, at=now,
                 ticket_id=ticket.id)
    if from_state == states.READY:
        for cb in session.scalars(select(CallBack).where(CallBack.ticket_id == ticket.id,
                                                         CallBack.reason == READY_TO_COLLECT,
                                                         CallBack.done_at.is_(None))):
            session.delete(cb)  # collected: nobody need call any more


def sweep_missed_responses(session: Session, now: datetime | None = None) -> list[CallBack]:
    """Phone requests past their one-working-day promise get a call-back due at once."""
    now = now or clock.now()
    missed = session.execute(
        select(Ticket.id, Ticket.customer_id).where(
            Ticket.channel == "phone", Ticket.kind.in_(("repair", "installation")),
            Ticket.responded_at.is_(None), Ticket.respond_by < now, Ticket.state.in_(states.OPEN),
            ~exists().where(and_(CallBack.ticket_id == Ticket.id, CallBack.reason == NO_RESPONSE)),
        )
    ).all()
    calendar = settings.work_calendar(session)
    out = []
    for ticket_id, customer_id in missed:
        out.append(schedule(session, None, customer_id=customer_id, reason=NO_RESPONSE, at=now,
                            ticket_id=ticket_id, due_at=calendar.next_opening(now)))
    return out


# ---- the queue ---------------------------------------------------------------

@dataclass(frozen=True)
class QueueRow:
    id: int
    due_at: datetime
    overdue: bool
    reason: str
    attempt: int
    ticket_id: int | None
    ticket_number: str
    customer_name: str
    phone: str
    due_soon: bool = False

    @property
    def reason_label(self) -> str:
        return _(REASONS.get(self.reason, self.reason))


def queue(session: Session, now: datetime | None = None, limit: int = 500) -> list[QueueRow]:
    """Open call-backs in due order: the overdue ones come first."""
    now = now or clock.now()
    rows = session.execute(
        select(CallBack.id, CallBack.due_at, CallBack.reason, CallBack.attempt, CallBack.ticket_id,
               Ticket.number, Customer.name, Customer.phone_display)
        .join(Customer, Customer.id == CallBack.customer_id)
        .outerjoin(Ticket, Ticket.id == CallBack.ticket_id)
        .where(CallBack.done_at.is_(None))
        .order_by(CallBack.due_at, CallBack.id)
        .limit(limit)
    )
    return [QueueRow(r[0], r[1], r[1] < now, r[2], r[3], r[4], r[5] or "", r[6], r[7] or "",
                     now <= r[1] < now + DUE_SOON) for r in rows]


def overdue_count(session: Session, now: datetime | None = None) -> int:
    """How many open call-backs are past due (for the window's navigation)."""
    now = now or clock.now()
    return int(session.scalar(select(func.count(CallBack.id)).where(CallBack.done_at.is_(None),
                                                                     CallBack.due_at < now)) or 0)


@dataclass(frozen=True)
class CallRow:
    """A call made: what came of it and who called."""

    id: int
    done_at: datetime
    reason: str
    outcome: str
    called_by: str
    ticket_id: int | None
    ticket_number: str
    customer_name: str
    note: str

    @property
    def reason_label(self) -> str:
        return _(REASONS.get(self.reason, self.reason))

    @property
    def outcome_label(self) -> str:
        return _(OUTCOMES.get(self.outcome, self.outcome))


def calls_made(session: Session, day: date) -> list[CallRow]:
    """The calls recorded on ``day``, latest first."""
    start = datetime.combine(day, datetime.min.time())
    rows = session.execute(
        select(CallBack.id, CallBack.done_at, CallBack.reason, CallBack.outcome, display_name_column(), CallBack.ticket_id,
               Ticket.number, Customer.name, CallBack.note)
        .join(Customer, Customer.id == CallBack.customer_id)
        .outerjoin(Ticket, Ticket.id == CallBack.ticket_id)
        .outerjoin(User, User.id == CallBack.called_by_id)
        .where(CallBack.done_at >= start, CallBack.done_at < start + timedelta(days=1))
        .order_by(CallBack.done_at.desc(), CallBack.id.desc())
    )
    return [CallRow(r[0], r[1] or start, r[2], r[3] or "", r[4] or "", r[5], r[6] or "", r[7], r[8] or "") for r in rows]


def record_outcome(session: Session, actor: Actor, callback_id: int, outcome: str, note: str = "",
                   now: datetime | None = None) -> CallBack | None:
    """Record a call; returns the next call-back it raised, if any."""
    now = now or clock.now()
    if outcome not in OUTCOMES:
        raise ValidationError({"outcome": _("Unknown call outcome.")})
    note = drop_controls(note).strip()
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": _("The note is too long (at most {limit} characters).").format(limit=MAX_NOTE)})
    cb = get_or_not_found(session, CallBack, callback_id, _("No such call-back."), with_for_update=True)
    if cb.done_at is not None:
        raise Conflict(_("This call-back was already recorded by someone else."))
    cb.done_at = now
    cb.outcome = outcome
    cb.called_by_id = actor.id
    cb.note = note
    nxt: CallBack | None = None
    undo: dict[str, object] = {}  # what undo_outcome needs to put things back
    if cb.reason == READY_TO_COLLECT and cb.ticket_id is not None and outcome in (REACHED_FINE, REACHED_NOT_FINE):
        ticket = session.get(Ticket, cb.ticket_id)
        if ticket is not None and ticket.state == states.READY:
            # Still not collected: call again after the shop's number of days.
            days = int(settings.get(session, "pickup_reminder_days"))
            calendar = settings.work_calendar(session)
            nxt = schedule(session, actor.id, customer_id=cb.customer_id, reason=READY_TO_COLLECT, at=now,
                           ticket_id=cb.ticket_id, parent=cb, attempt=cb.attempt + 1,
                           due_at=calendar.due_after(now + timedelta(days=days), timedelta(0)))
    elif outcome == REACHED_NOT_FINE:
        nxt = schedule(session, actor.id, customer_id=cb.customer_id, reason=FOLLOW_UP, at=now,
                       ticket_id=cb.ticket_id, card_id=cb.card_id, parent=cb)
    elif outcome == NO_ANSWER:
        calendar = settings.work_calendar(session)
        nxt = schedule(session, actor.id, customer_id=cb.customer_id, reason=cb.reason, at=now,
                       ticket_id=cb.ticket_id, card_id=cb.card_id, parent=cb,
                       due_at=calendar.due_after(now, RETRY_AFTER), attempt=cb.attempt + 1)
    elif outcome == WRONG_NUMBER and cb.ticket_id is not None:
        ticket = session.get(Ticket, cb.ticket_id)
        if ticket is not None:
            fields = list(ticket.verify_fields or [])
            undo["was_to_verify"] = bool(ticket.to_verify)
            if "phone" not in fields:
                fields.append("phone")
                undo["phone_flagged"] = True
            ticket.verify_fields = fields
            ticket.to_verify = True
            ticket.updated_at = now
            session.add(_event(ticket.id, actor, "to_verify", now,
                               Message(N_("Call-back: wrong number. To verify: Phone"))))
    if cb.ticket_id is not None:
        session.add(_event(cb.ticket_id, actor, "callback", now, Message(
            N_("Call-back ({reason}): {outcome}"), reason=Message(REASONS[cb.reason]),
            outcome=Message(OUTCOMES[outcome]), parts=(" — ", cb.note) if cb.note else (), sep="")))
    audit.record(session, actor.id, "callback.outcome", "callback", cb.id,
                 {"outcome": outcome, **({"next_id": nxt.id} if nxt is not None else {}), **undo}, at=now)
    return nxt


def undo_outcome(session: Session, actor: Actor, callback_id: int, now: datetime | None = None) -> CallBack:
    """Take back the call just recorded (a wrong key, the wrong row): the
    call-back is due again as it was, with no outcome, and what the outcome
    raised is withdrawn (the retry or follow-up it scheduled, the phone it
    put to verify).  Only the person who recorded it, within
    ``UNDO_WINDOW``, and only while what it raised is not recorded in turn.
    The timeline keeps both the call and its undoing; audited as
    ``callback.undo``."""
    now = now or clock.now()
    cb = get_or_not_found(session, CallBack, callback_id, _("No such call-back."), with_for_update=True)
    if cb.done_at is None or cb.outcome is None:
        raise Conflict(_("This call-back is not recorded: there is nothing to undo."))
    if cb.called_by_id != actor.id:
        raise NotAllowed(_("Only who recorded a call can undo it."))
    if now - cb.done_at > UNDO_WINDOW:
        raise NotAllowed(_("Too late to undo: a call can be undone for {seconds} seconds after it is recorded.").format(
            seconds=int(UNDO_WINDOW.total_seconds())))
    raised = list(session.scalars(select(CallBack).where(CallBack.parent_id == cb.id).with_for_update()))
    if any(child.done_at is not None for child in raised):
        raise Conflict(_("The call this one raised was recorded already: it cannot be undone."))
    recorded = session.scalar(select(AuditRecord).where(
        AuditRecord.action == "callback.outcome", AuditRecord.entity == "callback",
        AuditRecord.entity_id == str(cb.id)).order_by(AuditRecord.id.desc()).limit(1))
    detail = dict(recorded.detail or {}) if recorded is not None else {}
    outcome, note = cb.outcome, cb.note
    for child in raised:
        session.delete(child)
    if detail.get("phone_flagged") and cb.ticket_id is not None:
        ticket = session.get(Ticket, cb.ticket_id)
        if ticket is not None:
            fields = [f for f in (ticket.verify_fields or []) if f != "phone"]
            ticket.verify_fields = fields
            ticket.to_verify = bool(detail.get("was_to_verify")) or bool(fields)
            ticket.updated_at = now
    cb.done_at = None
    cb.outcome = None
    cb.called_by_id = None
    cb.note = ""
    if cb.ticket_id is not None:
        session.add(_event(cb.ticket_id, actor, "callback", now, Message(
            N_("Call-back ({reason}): \"{outcome}\" undone, the call is due again"),
            reason=Message(REASONS[cb.reason]), outcome=Message(OUTCOMES.get(outcome, outcome)))))
    audit.record(session, actor.id, "callback.undo", "callback", cb.id,
                 {"outcome": outcome, "note": note, "withdrawn": [child.id for child in raised]}, at=now)
    return cb


# ---- feedback cards --------------------------------------------------------------

def issue_card(session: Session, actor: Actor, ticket_id: int, technician_id: int | None = None,
               now: datetime | None = None) -> FeedbackCard:
    """A numbered card for a finished ticket and the technician who did it."""
    now = now or clock.now()
    ticket = get_or_not_found(session, Ticket, ticket_id, _("No such ticket."))
    if ticket.state not in FINISHED_STATES:
        raise IllegalTransition(_("A feedback card is handed out when the work is done."))
    tech = technician_id or ticket.technician_id
    if tech is None:
        raise ValidationError({"technician": _("Name the technician who did the work.")})
    if session.scalar(select(FeedbackCard.id).where(FeedbackCard.ticket_id == ticket_id)) is not None:
        raise Conflict(_("This ticket already has a feedback card."))
    serial = numbering.format_number("C", now.year, numbering.next_number(session, "card", now.year))
    card = FeedbackCard(serial=serial, ticket_id=ticket_id, technician_id=tech, issued_on=now.date(),
                        issued_by_id=actor.id, comment="")
    session.add(card)
    session.flush()
    session.add(_event(ticket_id, actor, "card", now, Message(N_("Feedback card {serial} handed out"), serial=serial)))
    audit.record(session, actor.id, "card.issue", "card", card.id, {"serial": serial, "ticket_id": ticket_id}, at=now)
    return card


def find_card(session: Session, text: str) -> FeedbackCard:
    """A card by its serial, or by the ticket number printed on it (QR code)."""
    key = (text or "").strip().upper()
    card = session.scalar(select(FeedbackCard).where(FeedbackCard.serial == key))
    if card is None:
        card = session.scalar(
            select(FeedbackCard).join(Ticket, Ticket.id == FeedbackCard.ticket_id).where(Ticket.number == key))
    if card is None:
        raise NotFound(_("No feedback card for {text}.").format(text=text))
    return card


@dataclass(frozen=True)
class CardView:
    """A card as the entry form shows it, with the follow-up it opened."""

    id: int
    serial: str
    ticket_id: int
    ticket_number: str
    customer_name: str
    technician: str
    issued_on: date
    returned_on: date | None
    quality: int | None
    attitude: int | None
    signed: bool | None
    comment: str
    follow_up_due: datetime | None

    @property
    def satisfied(self) -> bool | None:
        return card_satisfied(self.quality, self.attitude)


def card_view(session: Session, card_id: int) -> CardView:
    card = get_or_not_found(session, FeedbackCard, card_id, _("No such feedback card."))
    ticket = session.get(Ticket, card.ticket_id)
    assert ticket is not None
    customer = session.get(Customer, ticket.customer_id)
    tech = session.get(Technician, card.technician_id) if card.technician_id else None
    follow_up = session.scalar(
        select(CallBack.due_at).where(CallBack.card_id == card.id, CallBack.done_at.is_(None))
        .order_by(CallBack.due_at).limit(1))
    return CardView(card.id, card.serial, ticket.id, ticket.number, customer.name if customer else "",
                    tech.name if tech else "", card.issued_on, card.returned_on, card.quality, card.attitude,
                    card.signed, card.comment or "", follow_up)


def cards_entered(session: Session, day: date) -> list[CardView]:
    """The cards entered on ``day``, latest first."""
    start = datetime.combine(day, datetime.min.time())
    ids = session.scalars(
        select(FeedbackCard.id).where(FeedbackCard.entered_at >= start, FeedbackCard.entered_at < start + timedelta(days=1))
        .order_by(FeedbackCard.entered_at.desc(), FeedbackCard.id.desc()))
    return [card_view(session, card_id) for card_id in ids]


def card_satisfied(quality: int | None, attitude: int | None) -> bool | None:
    if quality is None or attitude is None:
        return None
    return NOT_SATISFIED not in (quality, attitude)


def enter_card(session: Session, actor: Actor, card_id: int, *, quality: int, attitude: int, signed: bool,
               comment: str = "", returned_on: date | None = None, now: datetime | None = None) -> FeedbackCard:
    """Enter a returned card; "not satisfied" opens a follow-up call-back."""
    now = now or clock.now()
    problems = {}
    if quality not in RATINGS:
        problems["quality"] = _("Rate the repair quality 1, 2 or 3.")
    if attitude not in RATINGS:
        problems["attitude"] = _("Rate the service attitude 1, 2 or 3.")
    comment = drop_controls(comment).strip()
    if len(comment) > MAX_NOTE:
        problems["comment"] = _("The comment is too long (at most {limit} characters).").format(limit=MAX_NOTE)
    returned_on = returned_on or now.date()
    card = get_or_not_found(session, FeedbackCard, card_id, _("No such feedback card."), with_for_update=True)
    if returned_on < card.issued_on or returned_on > now.date():
        problems["returned_on"] = _("The return date must be between the issue date and today.")
    if problems:
        raise ValidationError(problems)
    if card.returned_on is not None:
        raise Conflict(_("Card {serial} was already entered.").format(serial=card.serial))
    card.quality, card.attitude, card.signed = quality, attitude, bool(signed)
    card.comment = comment
    card.returned_on = returned_on
    card.entered_by_id = actor.id
    card.entered_at = now
    ticket = session.get(Ticket, card.ticket_id)
    assert ticket is not None
    if not card_satisfied(quality, attitude):
        schedule(session, actor.id, customer_id=ticket.customer_id, reason=DISSATISFIED, at=now,
                 ticket_id=ticket.id, card_id=card.id, due_at=settings.work_calendar(session).next_opening(now))
    session.add(_event(ticket.id, actor, "card", now, Message(
        N_("Feedback card {serial} returned: quality {q}, attitude {a}"), serial=card.serial,
        q=Message(RATINGS[quality]), a=Message(RATINGS[attitude]))))
    audit.record(session, actor.id, "card.enter", "card", card.id,
                 {"quality": quality, "attitude": attitude, "signed": bool(signed)}, at=now)
    return card
