"""The service figures of a period (docs/rules.md#service-figures).

``compute(session, period)`` gives every figure of :data:`catalog.FIGURES`
in each of its breakdowns, each with its value and the counts it rests on
(numerator and denominator), so head office can add shops up again;
``tickets_behind`` names the tickets a figure counted (the screen's
click-through); ``trend`` gives the same figures month by month.

Counts, shares and money are added up by the database (GROUP BY over the
period's rows, through the indexes of migration 0017); the medians and the
repeat repairs read the period's measured tickets only (a month: one
query each), never every ticket.  Each family of figures is one
*population*: the select of the tickets it counts, with an expression per
breakdown; the figures and their tickets come from the same select, so
what the screen lists is what was counted.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from frontdesk import clock
from frontdesk.billing.models import Quote, Receipt
from frontdesk.billing.payments import BILL_KINDS, NO_CASH
from frontdesk.billing.quotes import APPROVED, DECLINED
from frontdesk.claims.models import Claim
from frontdesk.db.models import Product, RepairRecord, Technician, Ticket
from frontdesk.errors import ValidationError
from frontdesk.figures.catalog import (
    AGE,
    AGE_BANDS,
    ALL,
    CATEGORY,
    CHANNEL,
    COUNT,
    DAYS,
    FIGURES,
    MONEY,
    PERCENT,
    REPEAT_DAYS_LONG,
    REPEAT_DAYS_SHORT,
    TECHNICIAN,
)
from frontdesk.followup.figures import satisfaction
from frontdesk.followup.models import FeedbackCard
from frontdesk.followup.service import NOT_SATISFIED
from frontdesk.i18n import _
from frontdesk.intake import states
from frontdesk.intake.faults import REPAIRS
from frontdesk.intake.service import PHONE, SERVICE_KINDS
from frontdesk.loaners.models import Loan

CENT = Decimal("0.01")
TENTH = Decimal("0.1")
MAX_MONTHS = 120


# -- the period --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    """Days ``start`` (included) to ``end`` (excluded), shop time."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValidationError({"period": _("The period ends before it begins.")})

    @classmethod
    def month(cls, day: date) -> Period:
        """The calendar month of ``day``."""
        first = day.replace(day=1)
        return cls(first, _next_month(first))

    @classmethod
    def parse_month(cls, text: str) -> Period:
        """``YYYY-MM``."""
        try:
            year, month = (int(part) for part in text.strip().split("-"))
            return cls.month(date(year, month, 1))
        except ValueError:
            raise ValidationError({"month": _("Give the month as YYYY-MM, e.g. 2026-10 (not {text}).").format(
                text=text)}) from None

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def label(self) -> str:
        """``2026-10`` for a calendar month, else ``2026-10-05..2026-10-11``."""
        if self.start.day == 1 and self.end == _next_month(self.start):
            return f"{self.start:%Y-%m}"
        return f"{self.start.isoformat()}..{self.last_day.isoformat()}"

    def months(self) -> list[Period]:
        """The period cut at each month's end (the first and last may be part months)."""
        out: list[Period] = []
        start = self.start
        while start < self.end:
            end = min(_next_month(start.replace(day=1)), self.end)
            out.append(Period(start, end))
            start = end
        return out

    def between(self, column: Any) -> ColumnElement[bool]:
        """``column`` (a datetime) within the period."""
        return and_(column >= _moment(self.start), column < _moment(self.end))


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def _moment(day: date) -> datetime:
    return datetime.combine(day, time.min)


# -- what comes back ---------------------------------------------------------------------------

@dataclass(frozen=True)
class FigureValue:
    """One figure in one group: ``value`` in the figure's unit (None when
    nothing was measured), ``numerator`` (the tickets that meet the share,
    the money added up; None for a median) and ``denominator`` (the tickets
    or claims measured)."""

    key: str
    breakdown: str
    group: str
    value: Decimal | None
    numerator: Decimal | None
    denominator: int | None

    @property
    def unit(self) -> str:
        return FIGURES[self.key].unit


@dataclass(frozen=True)
class Figures:
    """Every figure of a period, and the moment the counts of things
    waiting (products, loaners, claims) were taken."""

    period: Period
    as_of: datetime
    values: tuple[FigureValue, ...] = field(default_factory=tuple)

    def get(self, key: str, breakdown: str = ALL, group: str = "") -> FigureValue | None:
        for v in self.values:
            if v.key == key and v.breakdown == breakdown and v.group == group:
                return v
        return None

    def of(self, key: str, breakdown: str | None = None) -> list[FigureValue]:
        return [v for v in self.values if v.key == key and (breakdown is None or v.breakdown == breakdown)]


def as_of(period: Period, now: datetime | None = None) -> datetime:
    """When what is waiting is counted: the period's end, or now when that
    is sooner (a month not yet over)."""
    return min(_moment(period.end), now or clock.now())


def _day_of(moment: datetime) -> date:
    """The day a moment counts in: the day before midnight for a period's end."""
    return (moment - timedelta(microseconds=1)).date()


# -- populations: the tickets a family of figures counts ---------------------------------------

@dataclass(frozen=True)
class _Population:
    """``query`` selects the counted rows (its first column the ticket id);
    ``groups`` an expression per breakdown; ``hit`` the rows of the
    numerator; ``amount`` money added up."""

    query: Select[Any]
    ticket: Any
    groups: Mapping[str, Any]
    hit: ColumnElement[bool] | None = None
    amount: Any = None


def _tech_name() -> Any:
    return func.coalesce(Technician.name, "")


def _category() -> Any:
    return func.coalesce(Product.category, "")


def _response(period: Period, moment: datetime) -> _Population:
    """Phone repair and installation requests whose answer was due in the
    period and is decided (answered, or its time passed by ``moment``);
    the hits are those answered late or not at all."""
    late = or_(Ticket.responded_at > Ticket.respond_by,
               and_(Ticket.responded_at.is_(None), Ticket.respond_by < moment))
    query = (select(Ticket.id).select_from(Ticket).outerjoin(Product, Product.id == Ticket.product_id)
             .where(Ticket.channel == PHONE, Ticket.kind.in_(SERVICE_KINDS), period.between(Ticket.respond_by),
                    or_(Ticket.responded_at.is_not(None), Ticket.respond_by < moment)))
    return _Population(query, Ticket.id, {ALL: literal(""), CATEGORY: _category()}, late)


def _quotes(period: Period) -> _Population:
    """Quotes the customer answered in the period; the hits are the accepted."""
    answered = or_(and_(Quote.state == APPROVED, period.between(Quote.approved_at)),
                   and_(Quote.state == DECLINED, period.between(Quote.declined_at)))
    query = (select(Quote.ticket_id).select_from(Quote).join(Ticket, Ticket.id == Quote.ticket_id)
             .outerjoin(Product, Product.id == Ticket.product_id).where(answered))
    return _Population(query, Quote.ticket_id, {ALL: literal(""), CATEGORY: _category(), CHANNEL: Ticket.channel},
                       Quote.state == APPROVED)


def _bills(period: Period) -> _Population:
    """Tickets picked up in the period that paid toward their bill: what
    they paid (payments less refunds, plus a deposit put toward the bill;
    voided receipts left out, a correction by the difference it makes)."""
    paid = func.sum(case((Receipt.counts_as.in_(NO_CASH), Receipt.amount), else_=Receipt.net))
    per_ticket = (select(Ticket.id.label("ticket_id"), _category().label("category"), Ticket.channel.label("channel"),
                         paid.label("paid"))
                  .select_from(Ticket).join(Receipt, Receipt.ticket_id == Ticket.id)
                  .outerjoin(Product, Product.id == Ticket.product_id)
                  .where(period.between(Ticket.picked_up_at), Receipt.voided_at.is_(None),
                         Receipt.counts_as.in_(BILL_KINDS))
                  .group_by(Ticket.id, Product.category, Ticket.channel).having(paid > 0)).subquery()
    query = select(per_ticket.c.ticket_id).select_from(per_ticket)
    return _Population(query, per_ticket.c.ticket_id,
                       {ALL: literal(""), CATEGORY: per_ticket.c.category, CHANNEL: per_ticket.c.channel},
                       amount=per_ticket.c.paid)


def _waiting(moment: datetime) -> _Population:
    """Products ready for pick-up at ``moment`` and not yet picked up, by
    days waiting on the day counted."""
    day = _day_of(moment)
    bands: list[tuple[ColumnElement[bool], str]] = []
    for key, _first, last in AGE_BANDS:
        if last is not None:  # waited at most ``last`` days: ready on or after that many days before
            bands.append((Ticket.ready_at >= _moment(day - timedelta(days=last)), key))
    band = case(*bands, else_=AGE_BANDS[-1][0])
    query = (select(Ticket.id).select_from(Ticket)
             .where(Ticket.ready_at < moment,
                    or_(Ticket.state == states.READY, Ticket.picked_up_at >= moment)))
    return _Population(query, Ticket.id, {ALL: literal(""), AGE: band})


def _loans(moment: datetime) -> _Population:
    """Loaners out at ``moment``; the hits are those past their due day."""
    query = (select(Loan.ticket_id).select_from(Loan)
             .where(Loan.lent_at < moment, or_(Loan.returned_at.is_(None), Loan.returned_at >= moment)))
    return _Population(query, Loan.ticket_id, {ALL: literal("")}, Loan.due_on < _day_of(moment))


def _claims_outstanding(moment: datetime) -> _Population:
    """Claims of repairs done by the day counted that the maker had not answered by then."""
    day = _day_of(moment)
    query = (select(Claim.ticket_id).select_from(Claim)
             .where(Claim.repaired_on <= day, or_(Claim.settled_on.is_(None), Claim.settled_on > day)))
    return _Population(query, Claim.ticket_id, {ALL: literal("")})


def _claims_answered(period: Period) -> _Population:
    """Claims the maker answered in the period; the hits are those paid
    short (something, but less than claimed), their short added up."""
    short = and_(Claim.amount_paid > 0, Claim.amount_paid < Claim.amount_claimed)
    query = (select(Claim.ticket_id).select_from(Claim)
             .where(Claim.settled_on >= period.start, Claim.settled_on < period.end, Claim.amount_paid.is_not(None)))
    return _Population(query, Claim.ticket_id, {ALL: literal("")}, short,
                       amount=case((short, Claim.amount_claimed - Claim.amount_paid), else_=0))


@dataclass(frozen=True)
class _Totals:
    rows: int
    hits: int
    amount: Decimal


def _added_up(session: Session, population: _Population) -> dict[str, dict[str, _Totals]]:
    """The population added up by the database, per breakdown and group: one
    GROUP BY over every breakdown's expression at once (a few dozen rows at
    most), then each breakdown's groups summed from those rows."""
    names = [b for b in population.groups if b != ALL]
    columns = [population.groups[b] for b in names]
    hits = func.sum(case((population.hit, 1), else_=0)) if population.hit is not None else literal(0)
    amount = func.sum(population.amount) if population.amount is not None else literal(0)
    query = population.query.with_only_columns(*columns, func.count(), hits, amount)
    if columns:
        query = query.group_by(*columns)
    sums: dict[str, dict[str, list[Any]]] = {b: defaultdict(lambda: [0, 0, Decimal("0.00")]) for b in population.groups}
    for row in session.execute(query):
        *keys, rows, hit_rows, money = row
        if not rows:  # no GROUP BY and nothing counted: the one row of zeros
            continue
        for breakdown, key in ((ALL, ""), *zip(names, keys, strict=True)):
            line = sums[breakdown][str(key or "")]
            line[0] += int(rows)
            line[1] += int(hit_rows or 0)
            line[2] += Decimal(str(money or 0)).quantize(CENT)
    return {b: {g: _Totals(*line) for g, line in groups.items()} for b, groups in sums.items()}


def _tickets_of(session: Session, population: _Population, breakdown: str, group: str, numerator: bool) -> list[int]:
    query = population.query.with_only_columns(population.ticket)
    if breakdown != ALL:
        query = query.where(population.groups[breakdown] == group)
    if numerator and population.hit is not None:
        query = query.where(population.hit)
    return sorted({int(t) for t in session.scalars(query) if t is not None})


# -- from totals to values ---------------------------------------------------------------------

def _share(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(TENTH, ROUND_HALF_UP)


def _average(money: Decimal, n: int) -> Decimal | None:
    return (money / n).quantize(CENT, ROUND_HALF_UP) if n else None


# key -> (population, how its value is made from the totals)
_SHARE, _HITS, _ROWS, _AVERAGE, _SUM = "share", "hits", "rows", "average", "sum"
_SQL_FIGURES: dict[str, tuple[str, str]] = {
    "response_on_time": ("response", "on_time"),
    "response_late": ("response", _HITS),
    "quote_acceptance": ("quotes", _SHARE),
    "average_bill": ("bills", _AVERAGE),
    "waiting_pickup": ("waiting", _ROWS),
    "loaners_overdue": ("loans", _HITS),
    "claims_outstanding": ("claims_outstanding", _ROWS),
    "claims_paid_short": ("claims_answered", _SHARE),
    "claims_short_amount": ("claims_answered", _SUM),
}


def _populations(period: Period, moment: datetime) -> dict[str, Callable[[], _Population]]:
    return {
        "response": lambda: _response(period, moment),
        "quotes": lambda: _quotes(period),
        "bills": lambda: _bills(period),
        "waiting": lambda: _waiting(moment),
        "loans": lambda: _loans(moment),
        "claims_outstanding": lambda: _claims_outstanding(moment),
        "claims_answered": lambda: _claims_answered(period),
    }


def _value_of(key: str, how: str, breakdown: str, group: str, t: _Totals) -> FigureValue:
    if how == "on_time":
        return FigureValue(key, breakdown, group, _share(t.rows - t.hits, t.rows), Decimal(t.rows - t.hits), t.rows)
    if how == _SHARE:
        return FigureValue(key, breakdown, group, _share(t.hits, t.rows), Decimal(t.hits), t.rows)
    if how == _HITS:
        return FigureValue(key, breakdown, group, Decimal(t.hits), Decimal(t.hits), t.rows)
    if how == _ROWS:
        return FigureValue(key, breakdown, group, Decimal(t.rows), Decimal(t.rows), None)
    if how == _AVERAGE:
        return FigureValue(key, breakdown, group, _average(t.amount, t.rows), t.amount, t.rows)
    # _SUM: the money of the hits, over the hits
    return FigureValue(key, breakdown, group, t.amount if t.hits else Decimal("0.00"), t.amount, t.hits)


# -- turnaround and repeat repairs: the period's measured tickets ------------------------------

@dataclass(frozen=True)
class _Measured:
    ticket_id: int
    groups: Mapping[str, str]
    seconds: int | None = None  # turnaround
    repair: bool = False  # a real repair of a named fault: one the repeat figures judge
    back_days: int | None = None  # days until the product came back for the fault (None: not back)


def _days(seconds: int) -> Decimal:
    return (Decimal(seconds) / Decimal(86400)).quantize(CENT, ROUND_HALF_UP)


def _groups(category: str | None, technician: str | None, channel: str) -> dict[str, str]:
    return {ALL: "", CATEGORY: category or "", TECHNICIAN: technician or "", CHANNEL: channel}


def _spans(session: Session, period: Period, repaired: bool) -> list[_Measured]:
    """Intake to repaired (the repair records written in the period), or
    intake to picked up (the tickets picked up in it).  A repair record that
    is a real repair of a named fault is also a repair the repeat figures
    judge: it carries the days until its product came back (:func:`_returns`)."""
    tech = aliased(Technician)
    if repaired:
        done: Any = RepairRecord.recorded_at
        query = select(Ticket.id).select_from(RepairRecord).join(Ticket, Ticket.id == RepairRecord.ticket_id)
    else:
        done = Ticket.picked_up_at
        query = select(Ticket.id).select_from(Ticket).outerjoin(RepairRecord, RepairRecord.ticket_id == Ticket.id)
    rows = session.execute(
        query.add_columns(Product.category, tech.name, Ticket.channel, Ticket.intake_at, done,
                          and_(RepairRecord.action.in_(REPAIRS), RepairRecord.fault_category != ""))
        .outerjoin(Product, Product.id == Ticket.product_id)
        .outerjoin(tech, tech.id == func.coalesce(RepairRecord.technician_id, Ticket.technician_id))
        .where(period.between(done)))
    back = _returns(session, period) if repaired else {}
    return [_Measured(tid, _groups(category, name, channel), int((end - intake_at).total_seconds()),
                      repaired and bool(judged), back.get(tid))
            for tid, category, name, channel, intake_at, end, judged in rows if end is not None]


def _returns(session: Session, period: Period) -> dict[int, int]:
    """Per repair done in the period (a real repair of a named fault): the
    days until the same product (the same product record, or the same
    serial) came back for the same fault category, when it did within
    :data:`REPEAT_DAYS_LONG` days."""
    first, again, product, later = aliased(Ticket), aliased(Ticket), aliased(Product), aliased(Product)
    back: dict[int, int] = {}
    for tid, repaired_at, came_at in session.execute(
            select(first.id, RepairRecord.recorded_at, again.intake_at)
            .select_from(RepairRecord).join(first, first.id == RepairRecord.ticket_id)
            .join(product, product.id == first.product_id)
            .join(later, or_(later.id == product.id, and_(product.serial != "", later.serial == product.serial)))
            .join(again, again.product_id == later.id)
            .where(RepairRecord.action.in_(REPAIRS), RepairRecord.fault_category != "",
                   period.between(RepairRecord.recorded_at), again.id != first.id,
                   again.fault_category == RepairRecord.fault_category, again.intake_at >= RepairRecord.recorded_at,
                   again.intake_at < _moment(period.end + timedelta(days=REPEAT_DAYS_LONG + 1)))):
        gap = (came_at.date() - repaired_at.date()).days
        if gap <= REPEAT_DAYS_LONG:
            back[tid] = min(gap, back.get(tid, gap))
    return back


def nearest_rank(values: Sequence[Any], p: float) -> Any:
    """The value at rank ceil(p·n) of the sorted values (the median: p=0.5,
    the lower middle of an even count); None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p * len(ordered))) - 1]


def _by_group(rows: Iterable[_Measured], breakdown: str) -> dict[str, list[_Measured]]:
    out: dict[str, list[_Measured]] = defaultdict(list)
    for row in rows:
        out[row.groups[breakdown]].append(row)
    return out


# key -> (rows, p) for the turnaround; (rows, what counts) for the repeats
_TURNAROUND: dict[str, tuple[str, float]] = {
    "turnaround_repaired_median": ("repaired", 0.5), "turnaround_repaired_p90": ("repaired", 0.9),
    "turnaround_pickup_median": ("picked_up", 0.5), "turnaround_pickup_p90": ("picked_up", 0.9),
}
_REPEATS: dict[str, Callable[[_Measured], bool]] = {
    "first_time_fix": lambda m: m.back_days is None or m.back_days > REPEAT_DAYS_SHORT,
    "repeat_30": lambda m: m.back_days is not None and m.back_days <= REPEAT_DAYS_SHORT,
    "repeat_90": lambda m: m.back_days is not None,
}
_MEASURED: dict[str, Callable[[Session, Period], list[_Measured]]] = {
    "repaired": lambda s, p: _spans(s, p, True), "picked_up": lambda s, p: _spans(s, p, False),
}


def _grouped(rows: list[_Measured]) -> dict[str, dict[str, list[_Measured]]]:
    """The rows by group, for each breakdown."""
    return {breakdown: _by_group(rows, breakdown) for breakdown in (ALL, CATEGORY, TECHNICIAN, CHANNEL)}


def _measured_values(key: str, grouped: Mapping[str, Mapping[str, list[_Measured]]]) -> list[FigureValue]:
    out: list[FigureValue] = []
    for breakdown in FIGURES[key].breakdowns:
        for group, members in sorted(grouped[breakdown].items()):
            if key in _TURNAROUND:
                seconds = [m.seconds for m in members if m.seconds is not None]
                rank = nearest_rank(seconds, _TURNAROUND[key][1])
                out.append(FigureValue(key, breakdown, group, None if rank is None else _days(rank), None,
                                       len(seconds)))
                continue
            judged = [m for m in members if m.repair]
            if judged:
                hits = sum(1 for m in judged if _REPEATS[key](m))
                out.append(FigureValue(key, breakdown, group, _share(hits, len(judged)), Decimal(hits), len(judged)))
    if ALL in FIGURES[key].breakdowns and not any(v.breakdown == ALL for v in out):
        out.append(FigureValue(key, ALL, "", None, None if key in _TURNAROUND else Decimal(0), 0))
    return out


def _source_of(key: str) -> str:
    return _TURNAROUND[key][0] if key in _TURNAROUND else "repaired"


# -- satisfaction: the feedback cards (frontdesk.followup.figures) -----------------------------

def _satisfaction(session: Session, period: Period) -> list[FigureValue]:
    """Cards returned in the period, and those satisfied (no box says not
    satisfied), as the card supervision counts them
    (:func:`frontdesk.followup.figures.satisfaction`)."""
    out: list[FigureValue] = []
    for breakdown, by in ((ALL, "all"), (TECHNICIAN, "technician")):
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for row in satisfaction(session, period.start, period.last_day, group_by=by):
            group = "" if breakdown == ALL or row.group == _("(no technician)") else row.group
            totals[group][0] += row.returned
            totals[group][1] += row.satisfied
        if breakdown == ALL and not totals:
            totals[""] = [0, 0]
        for group, (returned, satisfied) in sorted(totals.items()):
            out.append(FigureValue("satisfaction", breakdown, group, _share(satisfied, returned), Decimal(satisfied),
                                   returned))
    return out


def _satisfaction_tickets(session: Session, period: Period, breakdown: str, group: str, numerator: bool) -> list[int]:
    query = (select(FeedbackCard.ticket_id).outerjoin(Technician, Technician.id == FeedbackCard.technician_id)
             .where(FeedbackCard.returned_on >= period.start, FeedbackCard.returned_on < period.end))
    if breakdown == TECHNICIAN:
        query = query.where(_tech_name() == group)
    if numerator:  # satisfied as card_satisfied reads a card: neither mark "not satisfied"
        query = query.where(FeedbackCard.quality != NOT_SATISFIED, FeedbackCard.attitude != NOT_SATISFIED)
    return sorted({int(t) for t in session.scalars(query) if t is not None})


# -- the entry points --------------------------------------------------------------------------

def compute(session: Session, period: Period, *, now: datetime | None = None) -> Figures:
    """Every figure of ``period`` in each of its breakdowns."""
    moment = as_of(period, now)
    values: list[FigureValue] = []
    measured: dict[str, dict[str, dict[str, list[_Measured]]]] = {}
    populations = _populations(period, moment)
    totals: dict[str, dict[str, dict[str, _Totals]]] = {}
    for key, spec in FIGURES.items():
        if key == "satisfaction":
            values += _satisfaction(session, period)
        elif key in _SQL_FIGURES:
            source, how = _SQL_FIGURES[key]
            if source not in totals:
                totals[source] = _added_up(session, populations[source]())
            for breakdown in spec.breakdowns:
                found = totals[source][breakdown]
                if breakdown == ALL and not found:
                    found = {"": _Totals(0, 0, Decimal("0.00"))}
                values += [_value_of(key, how, breakdown, group, t) for group, t in sorted(found.items())]
        else:
            source = _source_of(key)
            if source not in measured:
                measured[source] = _grouped(_MEASURED[source](session, period))
            values += _measured_values(key, measured[source])
    return Figures(period, moment, tuple(values))


def tickets_behind(session: Session, key: str, period: Period, breakdown: str = ALL, group: str = "", *,
                   numerator: bool = False, now: datetime | None = None) -> list[int]:
    """The ids of the tickets ``key`` counted in ``group`` of ``breakdown``
    (its denominator; with ``numerator``, only those of the numerator: the
    late answers, the accepted quotes, the repairs that came back, the
    loaners overdue...).  A turnaround's tickets come slowest first; the
    others by id."""
    if key not in FIGURES:
        raise ValidationError({"figure": _("No such figure: {key}").format(key=key)})
    if breakdown not in FIGURES[key].breakdowns:
        raise ValidationError({"breakdown": _("{figure} is not broken down by {breakdown}.").format(
            figure=FIGURES[key].label(), breakdown=breakdown)})
    moment = as_of(period, now)
    if key == "satisfaction":
        return _satisfaction_tickets(session, period, breakdown, group, numerator)
    if key in _SQL_FIGURES:
        source, how = _SQL_FIGURES[key]
        population = _populations(period, moment)[source]()
        if how == "on_time" and numerator:  # the answers on time: the decided ones that are not late
            late = set(_tickets_of(session, population, breakdown, group, True))
            return [t for t in _tickets_of(session, population, breakdown, group, False) if t not in late]
        return _tickets_of(session, population, breakdown, group, numerator and how != _ROWS)
    rows = [m for m in _MEASURED[_source_of(key)](session, period) if m.groups[breakdown] == group]
    if key in _TURNAROUND:
        return [m.ticket_id for m in sorted(rows, key=lambda m: (-(m.seconds or 0), m.ticket_id))]
    return sorted(m.ticket_id for m in rows if m.repair and (not numerator or _REPEATS[key](m)))


def last_months(months: int, *, until: date | None = None) -> list[Period]:
    """The ``months`` calendar months ending with ``until``'s (default: this month), oldest first."""
    if not 1 <= months <= MAX_MONTHS:
        raise ValidationError({"months": _("Ask for 1 to {n} months.").format(n=MAX_MONTHS)})
    first = (until or clock.now().date()).replace(day=1)
    out = [Period.month(first)]
    for _n in range(months - 1):
        out.insert(0, Period.month(out[0].start - timedelta(days=1)))
    return out


def trend(session: Session, months: int, *, until: date | None = None, now: datetime | None = None) -> list[Figures]:
    """The figures of each of the last ``months`` months, oldest first (the
    screen's charts)."""
    return [compute(session, p, now=now) for p in last_months(months, until=until)]


def series(months: Sequence[Figures], key: str, breakdown: str = ALL, group: str = ""
           ) -> list[tuple[Period, FigureValue | None]]:
    """One figure across :func:`trend`'s months (a chart's points): each
    month with its value, None where the group had nothing that month."""
    return [(m.period, m.get(key, breakdown, group)) for m in months]


def by_month(session: Session, period: Period, *, now: datetime | None = None) -> list[Figures]:
    """The figures of each month of ``period`` (the workbook's figures sheet)."""
    return [compute(session, p, now=now) for p in period.months()]


def value_text(v: FigureValue, currency: str = "") -> str:
    """A value as the command line prints it: ``3.25 days``, ``87.5%``, ``1234.50 CNY``, ``12``; "-" when none."""
    if v.value is None:
        return "-"
    unit = FIGURES[v.key].unit
    if unit == PERCENT:
        return f"{v.value}%"
    if unit == DAYS:
        return _("{n} days").format(n=v.value)
    if unit == MONEY:
        return f"{v.value} {currency}".strip()
    assert unit == COUNT
    return str(int(v.value))


__all__ = ["FigureValue", "Figures", "Period", "as_of", "by_month", "compute", "last_months", "nearest_rank",
           "series", "tickets_behind", "trend", "value_text"]
