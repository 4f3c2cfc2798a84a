"""The day close (日结): the figures of a business day, the drawer count,
and closing (a manager's act, which locks the day in the database).

The figures come from the data, never from what a screen added up:

* receipts issued: first and last number, count, gaps in the sequence (less
  the numbers a restore withdrew, listed apart as explained);
  voids (with reason and approver), corrections, reprints;
* money by method (cash, card, mobile pay, transfer) with counts, payments,
  deposits taken and returned (kept), refunds;
* the drawer: opening float + the cash moved = expected cash; counted cash
  (by denomination) and over/short;
* invoices owed, tickets opened/closed/still open by state, quotes declined,
  waivers with approvers; loaners out and overdue with deposits held,
  pull-backs not yet returned; call-backs due and done, feedback cards issued
  and returned, satisfaction.

How a receipt moves money on a method: a payment or deposit brings its
amount in, a refund takes it out; a correction takes the corrected receipt's
amount off its method and puts its own amount on its own method (so a cash
receipt corrected to card moves the cash out of the drawer, on the day of
the correction).  A voided receipt moves nothing.

Blind count: :func:`day_figures` with ``blind=True`` leaves the expected
cash and over/short out until a count is saved for the day.

Closing shows first what it will close (:func:`close_preview`: the figures
with the count, whether the day is over, the other counters of the day still
open); the window and the command line show it and ask a manager's PIN.  A
day is not closed before the shop's closing hour (setting ``closing``) on
that very day unless the close says ``early`` (the manager was warned).
Closing takes the counted cash, stores the figures as they stand (JSON
snapshot), and from its commit the database refuses any receipt, void or
receipt edit and any waiver dated on that day (migration 0007): new money is
taken on a day still open, corrections go on a later day.  On PostgreSQL the close first takes a SHARE lock on
receipts and waivers, so a payment in flight at another counter either
commits before the figures are read or waits and is then refused.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import String, cast, func, select, text
from sqlalchemy.orm import Session, aliased

from frontdesk import audit, clock, counters, settings
from frontdesk.billing import payments
from frontdesk.billing.models import Quote, Receipt, TicketBilling, Waiver
from frontdesk.dayclose.models import DayClose, check_open
from frontdesk.db.models import AuditChain, AuditRecord, Customer, NumberSequence, Ticket, WithdrawnNumber
from frontdesk.errors import Conflict, ValidationError
from frontdesk.followup.models import CallBack, FeedbackCard
from frontdesk.followup.service import card_satisfied
from frontdesk.i18n import _
from frontdesk.intake import states
from frontdesk.loaners.models import Loan, LoanerUnit, PullBack
from frontdesk.money import ZERO, format_money, to_money
from frontdesk.numbering import format_number
from frontdesk.users import Actor, display_names, require_manager

log = logging.getLogger(__name__)

# Renminbi notes and coins a drawer holds (yuan).
DENOMINATIONS: tuple[str, ...] = ("100", "50", "20", "10", "5", "1", "0.5", "0.1")
MAX_PIECES = 100_000


# -- the figures -----------------------------------------------------------------------------

@dataclass(frozen=True)
class MethodLine:
    method: str
    label: str
    count: int  # receipts moving money on this method
    money_in: Decimal
    money_out: Decimal

    @property
    def net(self) -> Decimal:
        return self.money_in - self.money_out


@dataclass(frozen=True)
class VoidLine:
    number: str
    ticket_number: str
    amount: Decimal
    reason: str
    approver: str
    issued_on: date


@dataclass(frozen=True)
class CorrectionLine:
    number: str
    corrects: str
    method: str
    amount: Decimal
    net: Decimal
    reason: str


@dataclass(frozen=True)
class WaiverLine:
    ticket_number: str
    amount: Decimal
    reason: str
    approver: str


@dataclass(frozen=True)
class InvoiceLine:
    ticket_number: str
    customer: str
    requested_on: date
    buyer: str


@dataclass(frozen=True)
class LoanLine:
    tag: str
    ticket_number: str
    due_on: date | None
    deposit: Decimal
    overdue: bool


@dataclass(frozen=True)
class DayFigures:
    """Everything the manager sees and prints for one day (and counter)."""

    day: date
    counter: str
    currency: str
    shop_name: str
    # receipts
    first_number: str | None
    last_number: str | None
    receipt_count: int
    gaps: tuple[str, ...]  # receipt numbers missing from the sequence
    voids: tuple[VoidLine, ...]
    corrections: tuple[CorrectionLine, ...]
    reprints: tuple[str, ...]  # numbers reprinted that day (once per reprint)
    # money
    methods: tuple[MethodLine, ...]
    payments_total: Decimal
    payments_count: int
    deposits_taken: Decimal
    deposits_taken_count: int
    deposits_returned: Decimal
    deposits_returned_count: int
    deposits_kept: Decimal
    deposits_kept_count: int
    refunds: Decimal  # refunds other than deposits returned
    refunds_count: int
    corrections_net: Decimal
    net_total: Decimal  # what the day's receipts changed in total
    # the drawer
    opening_float: Decimal | None
    cash_moved: Decimal
    expected_cash: Decimal | None  # None: a blind count not yet saved, or no float yet
    counted_cash: Decimal | None
    denominations: dict[str, int]
    over_short: Decimal | None
    # the desk
    invoices_owed: tuple[InvoiceLine, ...]
    tickets_opened: int
    tickets_closed: int
    open_by_state: dict[str, int]
    quotes_declined: int
    waivers: tuple[WaiverLine, ...]
    loans_out: tuple[LoanLine, ...]
    deposits_held: Decimal
    pullbacks_out: int
    callbacks_due: int
    callbacks_done: int
    callbacks_late: int  # due by the end of the day and not done
    cards_issued: int
    cards_returned: int
    cards_satisfied: int
    # the close
    closed: bool
    closed_at: datetime | None = None
    closed_by: str | None = None
    approved_by: str | None = None
    counted_by: str | None = None
    note: str = ""
    blind: bool = False
    deposits_applied: Decimal = ZERO  # deposits put toward a bill (no cash moves)
    deposits_applied_count: int = 0
    # receipt numbers a restore took back (issued in the database it replaced):
    # explained, not gaps (frontdesk.backup.restore, docs/rules.md)
    withdrawn: tuple[str, ...] = ()
    # the evidence (a closed day: as it stood at the close): the audit chain's head, and per year the last
    # receipt number issued at any counter; a later reconciliation or workbook with less erased history
    chain_head_id: int | None = None
    chain_head_hash: str = ""
    last_receipt_numbers: dict[str, str] = field(default_factory=dict)  # year -> number

    @property
    def waived_total(self) -> Decimal:
        return sum((w.amount for w in self.waivers), ZERO)

    @property
    def loans_overdue(self) -> tuple[LoanLine, ...]:
        return tuple(ln for ln in self.loans_out if ln.overdue)

    @property
    def satisfaction(self) -> Decimal | None:
        """Share of the cards returned that day rated satisfied (0..1)."""
        if not self.cards_returned:
            return None
        return (Decimal(self.cards_satisfied) / Decimal(self.cards_returned)).quantize(Decimal("0.001"))

    def money(self, amount: Decimal | None) -> str:
        return "" if amount is None else format_money(amount, self.currency)


def _bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min)
    return start, start + timedelta(days=1)


def receipt_movements(rows: list[tuple[str, str, str, Decimal, str | None, Decimal | None]]
                      ) -> dict[str, tuple[int, Decimal, Decimal]]:
    """Per method: (receipts, in, out) for receipts given as (kind, counts_as,
    method, amount, corrected method, corrected amount); see the module
    docstring for how a correction moves money."""
    out: dict[str, list[Any]] = {}

    def move(method: str, amount: Decimal) -> None:
        line = out.setdefault(method, [set(), ZERO, ZERO])
        if amount >= 0:
            line[1] += amount
        else:
            line[2] -= amount

    for n, (kind, counts_as, method, amount, old_method, old_amount) in enumerate(rows):
        if counts_as in payments.NO_CASH:  # a damage charge, a deposit put toward the bill
            continue
        sign = -1 if counts_as in payments.OUTGOING else 1
        move(method, sign * amount)
        out[method][0].add(n)
        if kind == payments.CORRECTION and old_method is not None and old_amount is not None:
            move(old_method, -sign * old_amount)
            out[old_method][0].add(n)
    return {m: (len(ids), money_in, money_out) for m, (ids, money_in, money_out) in out.items()}


def _sequence_gaps(session: Session, seqs: list[int], year: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Numbers missing between the receipt before the day's first one and
    the day's last one: (gaps: a number drawn and never stored; withdrawn:
    a number a restore took back, explained)."""
    if not seqs:
        return (), ()
    lo, hi = max(1, min(seqs) - 1), max(seqs)
    present = set(session.scalars(select(Receipt.seq).where(Receipt.year == year, Receipt.seq >= lo,
                                                            Receipt.seq <= hi)))
    withdrawn = {row.seq: row.number for row in session.execute(select(WithdrawnNumber.seq, WithdrawnNumber.number)
                 .where(WithdrawnNumber.year == year, WithdrawnNumber.seq >= lo, WithdrawnNumber.seq <= hi))}
    missing = [s for s in range(lo, hi + 1) if s not in present]
    return (tuple(format_number(payments.PREFIX, year, s) for s in missing if s not in withdrawn),
            tuple(withdrawn[s] for s in missing if s in withdrawn))


def last_receipt_numbers(session: Session) -> dict[str, str]:
    """Per year (as text), the highest receipt number issued so far at any
    counter: one index seek per year the receipt counter knows."""
    out: dict[str, str] = {}
    years = sorted(set(session.scalars(select(NumberSequence.year).where(NumberSequence.name == payments.SEQUENCE))))
    for year in years:
        seq = session.scalar(select(func.max(Receipt.seq)).where(Receipt.year == year))
        if seq is not None:
            out[str(year)] = format_number(payments.PREFIX, int(year), int(seq))
    return out


def chain_head(session: Session) -> tuple[int | None, str]:
    """The audit chain's head as it stands (its id and hash)."""
    row = session.execute(select(AuditChain.head_id, AuditChain.head_hash).where(AuditChain.id == 1)).first()
    return (int(row.head_id), str(row.head_hash)) if row is not None else (None, "")


def get_close(session: Session, day: date, counter: str) -> DayClose | None:
    return session.scalar(select(DayClose).where(DayClose.day == day, DayClose.counter == counter))


def is_closed(session: Session, day: date, counter: str) -> bool:
    """Whether ``day`` is closed at ``counter``; the lock holds for that
    counter's drawer."""
    return session.scalar(select(func.count(DayClose.id)).where(
        DayClose.day == day, DayClose.counter == counter, DayClose.closed_at.is_not(None))) != 0


def counters_of(session: Session, day: date | None = None, recent_days: int = 31, *, counter: str) -> list[str]:
    """The counters that took money on ``day`` (default: in the last
    ``recent_days`` days, or ever closed a drawer), ``counter`` (the one
    asking) first.  Read
    through the receipts' date index: the distinct counters of every receipt
    ever would read the whole counter index (30 ms at a million receipts,
    while the window is being built)."""
    if day is not None:
        start, end = _bounds(day)
    else:
        end = datetime.combine(clock.now().date() + timedelta(days=1), time.min)
        start = end - timedelta(days=recent_days + 1)
    seen = set(session.scalars(select(Receipt.counter).where(Receipt.issued_at >= start, Receipt.issued_at < end)
                               .distinct()))
    if day is None:
        seen |= set(session.scalars(select(DayClose.counter).distinct()))
    others = sorted(seen - {counter})
    return [counter, *others]


def day_figures(session: Session, day: date, counter: str, *, blind: bool = False) -> DayFigures:
    """The figures of ``day`` at ``counter`` as they stand now (a closed
    day: as they stood at the close, from its snapshot, with the count it
    was closed with)."""
    row = get_close(session, day, counter)
    if row is not None and row.closed_at is not None and row.figures:
        return figures_from_json(row.figures)
    return _compute(session, day, counter, row, blind)


def _compute(session: Session, day: date, counter: str, row: DayClose | None, blind: bool) -> DayFigures:
    start, end = _bounds(day)
    names = display_names(session)
    shop = settings.load(session)
    currency = str(shop["currency"])
    corrected = aliased(Receipt)
    issued = session.execute(
        select(Receipt, corrected.method, corrected.amount, corrected.number)
        .outerjoin(corrected, corrected.id == Receipt.corrects_receipt_id)
        .where(Receipt.issued_at >= start, Receipt.issued_at < end, Receipt.counter == counter)
        .order_by(Receipt.year, Receipt.seq)
    ).all()
    numbers = [r.number for r, *_rest in issued]
    standing = [(r, om, oa, on) for r, om, oa, on in issued if r.voided_at is None]
    moves = receipt_movements([(r.kind, r.counts_as, r.method, r.amount, om, oa) for r, om, oa, _on in standing])
    methods = tuple(
        MethodLine(m, _(label), *moves.get(m, (0, ZERO, ZERO))) for m, label in payments.METHODS.items()
    ) + tuple(MethodLine(m, m, *v) for m, v in moves.items() if m not in payments.METHODS)
    def total(pick: Any) -> tuple[Decimal, int]:
        chosen = [r for r, *_rest in standing if pick(r)]
        return sum((r.amount for r in chosen), ZERO), len(chosen)

    paid, paid_n = total(lambda r: r.kind == payments.PAYMENT)
    dep, dep_n = total(lambda r: r.kind == payments.DEPOSIT)
    dep_back, dep_back_n = total(lambda r: r.kind == payments.DEPOSIT_REFUND)
    kept, kept_n = total(lambda r: r.kind == payments.DAMAGE)
    applied, applied_n = total(lambda r: r.kind == payments.DEPOSIT_APPLIED)
    refunds, refunds_n = total(lambda r: r.kind == payments.REFUND)
    corrections = tuple(CorrectionLine(r.number, on or "", r.method, r.amount, r.net, r.correction_reason)
                        for r, _om, _oa, on in standing if r.kind == payments.CORRECTION)
    voids = tuple(
        VoidLine(r.number, t, r.amount, r.void_reason, names.get(r.void_approver_id or 0, ""), r.issued_at.date())
        for r, t in session.execute(
            select(Receipt, Ticket.number).join(Ticket, Ticket.id == Receipt.ticket_id)
            .where(Receipt.voided_at >= start, Receipt.voided_at < end, Receipt.counter == counter)
            .order_by(Receipt.year, Receipt.seq))
    )
    reprints = tuple(session.scalars(
        select(Receipt.number).join(AuditRecord, AuditRecord.entity_id == cast(Receipt.id, String))
        .where(AuditRecord.action == "receipt.reprint", AuditRecord.at >= start, AuditRecord.at < end,
               Receipt.counter == counter)
        .order_by(AuditRecord.id)))
    # The numbers are one sequence for the shop: a gap is a number no counter holds.
    seqs = [r.seq for r, *_rest in issued]
    gaps, explained = _sequence_gaps(session, seqs, issued[0][0].year) if issued else ((), ())
    withdrawn = tuple(sorted({*explained, *session.scalars(select(WithdrawnNumber.number).where(
        WithdrawnNumber.issued_at >= start, WithdrawnNumber.issued_at < end, WithdrawnNumber.counter == counter))}))
    cash = moves.get(payments.CASH, (0, ZERO, ZERO))
    cash_moved = cash[1] - cash[2]
    opening = row.opening_float if row is not None else None
    counted = row.counted_cash if row is not None else None
    show_expected = opening is not None and (not blind or counted is not None)
    expected = opening + cash_moved if opening is not None else None
    # the desk
    invoices = tuple(
        InvoiceLine(number, customer, requested.date() if requested else day, buyer)
        for number, customer, requested, buyer in session.execute(
            select(Ticket.number, Customer.name, TicketBilling.invoice_requested_at, TicketBilling.invoice_buyer)
            .join(Ticket, Ticket.id == TicketBilling.ticket_id).join(Customer, Customer.id == Ticket.customer_id)
            .where(TicketBilling.invoice_requested_at < end,
                   (TicketBilling.invoice_no.is_(None)) | (TicketBilling.invoice_issued_at >= end))
            .order_by(TicketBilling.invoice_requested_at)))
    opened = session.scalar(select(func.count(Ticket.id)).where(Ticket.intake_at >= start, Ticket.intake_at < end))
    closed_n = session.scalar(select(func.count(Ticket.id)).where(Ticket.closed_at >= start, Ticket.closed_at < end,
                                                                 Ticket.state == states.CLOSED))
    open_by_state = dict(session.execute(
        select(Ticket.state, func.count(Ticket.id)).where(Ticket.state.in_(states.OPEN), Ticket.intake_at < end)
        .group_by(Ticket.state)).all())
    declined = session.scalar(select(func.count(Quote.id)).where(Quote.declined_at >= start, Quote.declined_at < end))
    waivers = tuple(WaiverLine(number, w.amount, w.reason, names.get(w.approver_id, ""))
                    for w, number in session.execute(
                        select(Waiver, Ticket.number).join(Ticket, Ticket.id == Waiver.ticket_id)
                        .where(Waiver.at >= start, Waiver.at < end, Waiver.counter == counter)
                        .order_by(Waiver.at, Waiver.id)))
    loans = tuple(
        LoanLine(tag, number, due, deposit or ZERO, due is not None and due <= day)
        for tag, number, due, deposit in session.execute(
            select(LoanerUnit.tag, Ticket.number, Loan.due_on, Loan.deposit)
            .join(LoanerUnit, LoanerUnit.id == Loan.unit_id).join(Ticket, Ticket.id == Loan.ticket_id)
            .where(Loan.lent_at < end, (Loan.returned_at.is_(None)) | (Loan.returned_at >= end))
            .order_by(Loan.due_on, Loan.id)))
    pullbacks = session.scalar(select(func.count(PullBack.id)).where(
        PullBack.taken_at < end, (PullBack.handed_back_at.is_(None)) | (PullBack.handed_back_at >= end)))
    due = session.scalar(select(func.count(CallBack.id)).where(CallBack.due_at >= start, CallBack.due_at < end))
    done = session.scalar(select(func.count(CallBack.id)).where(CallBack.done_at >= start, CallBack.done_at < end))
    late = session.scalar(select(func.count(CallBack.id)).where(
        CallBack.due_at < end, (CallBack.done_at.is_(None)) | (CallBack.done_at >= end)))
    issued_cards = session.scalar(select(func.count(FeedbackCard.id)).where(FeedbackCard.issued_on == day))
    returned = session.execute(select(FeedbackCard.quality, FeedbackCard.attitude)
                               .where(FeedbackCard.returned_on == day)).all()
    head_id, head_hash = chain_head(session)
    return DayFigures(
        day=day, counter=counter, currency=currency, shop_name=str(shop["shop_name"]),
        first_number=numbers[0] if numbers else None, last_number=numbers[-1] if numbers else None,
        receipt_count=len(numbers), gaps=gaps, withdrawn=withdrawn, voids=voids, corrections=corrections, reprints=reprints,
        methods=methods, payments_total=paid, payments_count=paid_n, deposits_taken=dep, deposits_taken_count=dep_n,
        deposits_returned=dep_back, deposits_returned_count=dep_back_n, deposits_kept=kept,
        deposits_kept_count=kept_n, deposits_applied=applied, deposits_applied_count=applied_n, refunds=refunds, refunds_count=refunds_n,
        corrections_net=sum((c.net for c in corrections), ZERO),
        net_total=sum((r.net for r, *_rest in standing), ZERO),
        opening_float=opening, cash_moved=cash_moved, expected_cash=expected if show_expected else None,
        counted_cash=counted, denominations=dict(row.denominations or {}) if row is not None else {},
        over_short=counted - expected if counted is not None and expected is not None and show_expected else None,
        invoices_owed=invoices, tickets_opened=opened or 0, tickets_closed=closed_n or 0,
        open_by_state=open_by_state, quotes_declined=declined or 0, waivers=waivers, loans_out=loans,
        deposits_held=sum((ln.deposit for ln in loans), ZERO), pullbacks_out=pullbacks or 0,
        callbacks_due=due or 0, callbacks_done=done or 0, callbacks_late=late or 0, cards_issued=issued_cards or 0,
        cards_returned=len(returned), cards_satisfied=sum(1 for q, a in returned if card_satisfied(q, a)),
        closed=row is not None and row.closed_at is not None,
        counted_by=names.get(row.counted_by_id) if row is not None and row.counted_by_id else None,
        note=row.note if row is not None else "", blind=blind and counted is None,
        chain_head_id=head_id, chain_head_hash=head_hash, last_receipt_numbers=last_receipt_numbers(session),
    )


# -- the snapshot of a closed day ------------------------------------------------------------

_TUPLES: dict[str, type] = {"voids": VoidLine, "corrections": CorrectionLine, "methods": MethodLine,
                            "waivers": WaiverLine, "invoices_owed": InvoiceLine, "loans_out": LoanLine}


def _type_tagged(value: Any) -> Any:
    """``value`` as JSON, a Decimal, datetime or date tagged with its type
    (``{"$d": "1.50"}``) so that :func:`_typed` gives it back as it was."""
    if isinstance(value, Decimal):
        return {"$d": str(value)}
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        return {k: _type_tagged(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_type_tagged(v) for v in value]
    return value


def _typed(value: Any) -> Any:
    """The values :func:`_type_tagged` tagged, typed again."""
    if isinstance(value, dict):
        if "$d" in value:
            return Decimal(value["$d"])
        if "$dt" in value:
            return datetime.fromisoformat(value["$dt"])
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return value


def figures_to_json(figures: DayFigures) -> dict[str, Any]:
    return dict(_type_tagged(asdict(figures)))


def figures_from_json(data: Mapping[str, Any]) -> DayFigures:
    values = {k: _typed(v) for k, v in data.items()}
    for key, kind in _TUPLES.items():
        values[key] = tuple(kind(**item) for item in values.get(key, []))
    for key in ("gaps", "reprints", "withdrawn"):
        values[key] = tuple(values.get(key, []))
    return DayFigures(**values)


# -- the count and the close -----------------------------------------------------------------

def count_total(denominations: Mapping[str, int]) -> Decimal:
    """The cash counted: the sum of pieces x face value."""
    return sum((Decimal(face) * pieces for face, pieces in denominations.items()), ZERO).quantize(Decimal("0.01"))


def _pieces(denominations: Mapping[str, Any]) -> dict[str, int]:
    clean: dict[str, int] = {}
    for face, pieces in denominations.items():
        key = str(face).strip()
        if key not in DENOMINATIONS:
            known = ", ".join(DENOMINATIONS)
            raise ValidationError({"denominations": _("{face} is not a note or coin the drawer holds ({known}).")
                                   .format(face=face, known=known)})
        if isinstance(pieces, bool) or not isinstance(pieces, int) or not 0 <= pieces <= MAX_PIECES:
            raise ValidationError({"denominations": _("The number of {face} pieces must be a whole number from 0 "
                                                      "to {limit}.").format(face=key, limit=MAX_PIECES)})
        if pieces:
            clean[key] = pieces
    return clean


def _amount(value: Decimal | int | str, fieldname: str, label: str) -> Decimal:
    try:
        amount = to_money(value)
    except ValueError as exc:
        raise ValidationError({fieldname: _("{field}: {problem}").format(field=label, problem=exc)}) from exc
    if amount < 0:
        raise ValidationError({fieldname: _("{field} cannot be negative.").format(field=label)})
    if amount >= Decimal("1e10"):
        raise ValidationError({fieldname: _("{field} is too large.").format(field=label)})
    return amount


def _check_day(day: date, now: datetime) -> None:
    if day > now.date():
        raise ValidationError({"day": _("{day} has not come yet: a day is counted and closed at its end.")
                               .format(day=day.isoformat())})


def _lock_for_close(session: Session) -> None:
    """PostgreSQL: wait for payments in flight and hold new ones until the
    close commits (SQLite's BEGIN IMMEDIATE already serialises writers)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE receipts, waivers IN SHARE MODE"))


def _count_values(opening_float: Decimal | int | str, counted: Decimal | int | str | None,
                  denominations: Mapping[str, int] | None) -> tuple[Decimal, Decimal, dict[str, int]]:
    """The opening float, the cash counted and the pieces of a count, checked."""
    float_ = _amount(opening_float, "opening_float", _("The opening float"))
    pieces = _pieces(denominations or {})
    if denominations:
        total = count_total(pieces)
        if counted is not None and _amount(counted, "counted", _("The cash counted")) != total:
            raise ValidationError({"counted": _("The notes and coins add up to {total}, not {counted}.").format(
                total=format_money(total), counted=counted)})
    elif counted is not None:
        total = _amount(counted, "counted", _("The cash counted"))
    else:
        raise ValidationError({"counted": _("Enter the cash counted in the drawer.")})
    return float_, total, pieces


def save_count(session: Session, actor: Actor, day: date, opening_float: Decimal | int | str,
               counted: Decimal | int | str | None = None, denominations: Mapping[str, int] | None = None, *,
               counter: str, now: datetime | None = None) -> DayFigures:
    """Save the drawer count of ``day`` at ``counter``: the opening float and the cash
    counted, either by denomination (pieces per face value, the total
    computed) or as one amount.  Any user may count (a blind count is done
    by the clerk); saving it again replaces it until the day is closed.
    Returns the figures with the expected cash and over/short."""
    now = now or clock.now()
    _check_day(day, now)
    counter = counters.checked(counter)
    check_open(session, day, counter)
    float_, total, pieces = _count_values(opening_float, counted, denominations)
    row = get_close(session, day, counter)
    if row is None:
        row = DayClose(day=day, counter=counter, opening_float=float_, denominations={}, note="", figures={})
        session.add(row)
    row.opening_float = float_
    row.counted_cash = total
    row.denominations = pieces
    row.counted_at = now
    row.counted_by_id = actor.id
    session.flush()
    audit.record(session, actor.id, "day.count", "day_close", row.id, {
        "day": day.isoformat(), "counter": counter, "opening_float": float_, "counted": total,
        "denominations": pieces}, at=now)
    return _compute(session, day, counter, row, blind=False)


def closing_hour(session: Session) -> time:
    """The shop's closing hour (setting ``closing``)."""
    return datetime.strptime(str(settings.get(session, "closing")), "%H:%M").time()


def is_early(session: Session, day: date, now: datetime) -> bool:
    """Whether closing ``day`` at ``now`` is closing it before it is over:
    the day is today and the shop's closing hour has not come."""
    return day == now.date() and now.time() < closing_hour(session)


@dataclass(frozen=True)
class ClosePreview:
    """What a close would close, for the manager to confirm: the figures
    with the count (the expected cash, over/short), whether the day is
    over, and the other counters that took money that day and are still
    open."""

    figures: DayFigures
    early: bool  # closing today before the shop's closing hour
    closing: time  # the shop's closing hour
    at: datetime  # the moment the preview was made
    others_open: tuple[str, ...]


def close_preview(session: Session, day: date, *, counter: str, opening_float: Decimal | int | str | None = None,
                  counted: Decimal | int | str | None = None, denominations: Mapping[str, int] | None = None,
                  now: datetime | None = None) -> ClosePreview:
    """What closing ``day`` at ``counter`` with this count (or the count
    saved) would close; writes nothing.  Refused as the close would be: a
    day to come, a day closed already, no count."""
    now = now or clock.now()
    _check_day(day, now)
    counter = counters.checked(counter)
    row = get_close(session, day, counter)
    if row is not None and row.closed_at is not None:
        raise Conflict(_("{day} was already closed by {name}.").format(
            day=day.isoformat(), name=display_names(session).get(row.closed_by_id or 0, "?")))
    saved_float = row.opening_float if row is not None else None
    if counted is not None or denominations:
        float_in = opening_float if opening_float is not None else saved_float
        if float_in is None:
            raise ValidationError({"opening_float": _("Enter the opening float.")})
        float_, total, pieces = _count_values(float_in, counted, denominations)
    elif row is None or row.counted_cash is None:
        raise ValidationError({"counted": _("Count the drawer before closing the day.")})
    else:
        float_ = (_amount(opening_float, "opening_float", _("The opening float")) if opening_float is not None
                  else row.opening_float)
        total, pieces = row.counted_cash, dict(row.denominations or {})
    # A row of its own (never added to the session): the figures with this count, nothing written.
    probe = DayClose(day=day, counter=counter, opening_float=float_, counted_cash=total, denominations=pieces,
                     counted_by_id=row.counted_by_id if row is not None else None, note="")
    figures = _compute(session, day, counter, probe, blind=False)
    others = tuple(c for c in counters_of(session, day, counter=counter)[1:] if not is_closed(session, day, c))
    return ClosePreview(figures, is_early(session, day, now), closing_hour(session), now, others)


def close_day(session: Session, actor: Actor, day: date, approver: Actor | None = None, *,
              opening_float: Decimal | int | str | None = None, counted: Decimal | int | str | None = None,
              denominations: Mapping[str, int] | None = None, counter: str, note: str = "",
              early: bool = False, now: datetime | None = None) -> DayFigures:
    """Close ``day`` at ``counter`` (a manager's act: ``approver``, the
    manager who entered their PIN, else the actor if a manager).  A count
    given here is saved first; without one, the count saved before is used.
    Before the shop's closing hour on ``day`` itself the close is refused
    unless ``early`` (the manager was told the day is not over).  The
    figures are stored as they stand, and the database locks the day's money
    from the commit on."""
    manager = approver if approver is not None and approver.is_manager else require_manager(
        actor, approver, _("close the day"))
    now = now or clock.now()
    _check_day(day, now)
    counter = counters.checked(counter)
    too_early = is_early(session, day, now)
    if too_early and not early:
        raise ValidationError({"day": _("{day} is not over: the shop closes at {closing} and it is {now}. Closing "
                                        "now locks the day's money for the rest of the day; close it early only "
                                        "on purpose.").format(day=day.isoformat(),
                                                             closing=closing_hour(session).strftime("%H:%M"),
                                                             now=now.strftime("%H:%M"))})
    clean_note = " ".join((note or "").split())
    if len(clean_note) > payments.MAX_REASON:
        raise ValidationError({"note": _("The note is too long (at most {limit} characters).").format(
            limit=payments.MAX_REASON)})
    _lock_for_close(session)
    row = get_close(session, day, counter)
    if row is not None and row.closed_at is not None:
        raise Conflict(_("{day} was already closed by {name}.").format(
            day=day.isoformat(), name=display_names(session).get(row.closed_by_id or 0, "?")))
    if counted is not None or denominations:
        float_ = opening_float if opening_float is not None else (row.opening_float if row is not None else None)
        if float_ is None:
            raise ValidationError({"opening_float": _("Enter the opening float.")})
        save_count(session, actor, day, float_, counted, denominations, counter=counter, now=now)
        row = get_close(session, day, counter)
    elif opening_float is not None and row is not None:
        row.opening_float = _amount(opening_float, "opening_float", _("The opening float"))
    if row is None or row.counted_cash is None:
        raise ValidationError({"counted": _("Count the drawer before closing the day.")})
    session.flush()
    # The chain's head as of the close (locked: no append slips in between), kept on the row and in the figures.
    row.chain_head_id, row.chain_head_hash = audit.lock_head(session.connection())
    figures = _compute(session, day, counter, row, blind=False)
    names = display_names(session)
    figures = _replace_close(figures, now, names.get(actor.id, actor.name), names.get(manager.id, manager.name),
                             clean_note)
    row.expected_cash = figures.expected_cash
    row.over_short = figures.over_short
    row.closed_at = now
    row.closed_by_id = actor.id
    row.approved_by_id = manager.id
    row.note = clean_note
    row.figures = figures_to_json(figures)
    session.flush()
    audit.record(session, actor.id, "day.close", "day_close", row.id, {
        "day": day.isoformat(), "counter": counter, "receipts": figures.receipt_count,
        "first": figures.first_number, "last": figures.last_number, "expected_cash": figures.expected_cash,
        "counted": figures.counted_cash, "over_short": figures.over_short, "gaps": list(figures.gaps),
        "chain_head": [row.chain_head_id, row.chain_head_hash], "last_receipts": figures.last_receipt_numbers,
        **({"early": True} if too_early else {})}, approver_id=manager.id, at=now)
    log.info("day %s (%s) closed by %s: over/short %s", day, counter, manager.name, figures.over_short)
    return figures


def _replace_close(figures: DayFigures, at: datetime, closed_by: str, approved_by: str, note: str) -> DayFigures:
    return replace(figures, closed=True, closed_at=at, closed_by=closed_by, approved_by=approved_by, note=note)


@dataclass(frozen=True)
class CloseRow:
    day: date
    counter: str
    closed_at: datetime | None
    over_short: Decimal | None
    closed_by: str | None = None


def list_closes(session: Session, date_from: date, date_to: date) -> list[CloseRow]:
    names = display_names(session)
    return [CloseRow(r.day, r.counter, r.closed_at, r.over_short, names.get(r.closed_by_id or 0))
            for r in session.scalars(select(DayClose).where(DayClose.day >= date_from, DayClose.day <= date_to)
                                     .order_by(DayClose.day, DayClose.counter))]


__all__ = [
    "DENOMINATIONS", "ClosePreview", "CloseRow", "CorrectionLine", "DayFigures", "InvoiceLine", "LoanLine", "MethodLine",
    "VoidLine", "WaiverLine", "check_open", "close_day", "close_preview", "closing_hour", "count_total", "counters_of", "day_figures", "figures_from_json",
    "chain_head", "figures_to_json", "get_close", "is_closed", "is_early", "last_receipt_numbers", "list_closes", "receipt_movements", "save_count",
]


def day_to_close(session: Session, today: date, *, counter: str, lookback_days: int = 31) -> date:
    """The day the manager most likely wants at ``counter``: the first day
    with receipts after the last closed one (within ``lookback_days``); when
    no day was ever closed, the latest day with receipts; else ``today``."""
    last = session.scalar(select(func.max(DayClose.day)).where(DayClose.closed_at.is_not(None),
                                                               DayClose.counter == counter))
    start = today - timedelta(days=lookback_days)
    end = datetime.combine(today, time.min)
    if last is None:
        latest = session.scalar(select(func.max(Receipt.issued_at)).where(
            Receipt.issued_at >= datetime.combine(start, time.min), Receipt.issued_at < end + timedelta(days=1),
            Receipt.counter == counter))
        return latest.date() if latest is not None else today
    if last + timedelta(days=1) > start:
        start = last + timedelta(days=1)
    first = session.scalar(select(func.min(Receipt.issued_at)).where(
        Receipt.issued_at >= datetime.combine(start, time.min), Receipt.issued_at < end, Receipt.counter == counter))
    return first.date() if first is not None else today
