"""A maker's monthly settlement workbook, imported: its rows matched to our
claims, each claim marked paid, paid short or rejected with the maker's
reason, the maker's deductions recorded, and the appeal list that follows
(docs/rules.md#settlements-and-appeals).

Three steps, so that no write transaction is open while a file is read:

1. :func:`parse_settlement` reads the workbook (through the workbook guard,
   no session) with the maker's column mapping; a workbook of another
   shape or with a bad amount is refused whole (:class:`SettlementRefused`).
2. :func:`preview` matches every row to a claim of the maker and says what
   would happen to it; nothing is written, no row is dropped.
3. :func:`apply` (a manager's act, in a short write transaction) matches
   again on what the database holds then, writes the settlement, the
   claims' outcomes and the deductions, and lists the rows it left.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import audit, workbook_guard
from frontdesk.billing.schedules import Problem, _text
from frontdesk.claims.models import Claim, ClaimDeduction, Maker, Settlement
from frontdesk.claims.service import settle_claim
from frontdesk.claims.standards import find_maker
from frontdesk.errors import ValidationError
from frontdesk.i18n import N_, _
from frontdesk.money import ZERO, to_decimal
from frontdesk.users import Actor, require_manager

# Our fields, in the order they are shown, with what each means.
FIELDS: dict[str, str] = {
    "claim_no": N_("the maker's claim number"),
    "service_order_no": N_("the maker's service order number"),
    "amount_paid": N_("the amount paid"),
    "reason": N_("the maker's reason (short or rejected)"),
    "deduction": N_("an amount deducted"),
    "deduction_reason": N_("why it was deducted"),
}
NUMBER_FIELDS = ("claim_no", "service_order_no")
HEADER_SEARCH_ROWS = 20  # a title or a note above the header is passed over, this many rows at most
QUERY_CHUNK = 500  # numbers in one IN (...)

# A claim in one of these states was settled by an earlier settlement: a later row does not overwrite it.
OPEN_STATES = ("drafted", "submitted", "appealed")  # the states the maker answers (claims/service.py)

# What a row comes to.
MATCHED = "matched"  # a claim to mark paid, paid short or rejected
UNMATCHED = "unmatched"  # no claim of the maker has its number
AMBIGUOUS = "ambiguous"  # two claims or more have it
DUPLICATE = "duplicate"  # an earlier row of the file is for the same claim
SETTLED = "settled"  # the claim was settled by an earlier settlement
CLAIM_DEDUCTION = "claim_deduction"  # a deduction only, against a claim
MONTH_DEDUCTION = "month_deduction"  # a deduction naming no claim: against the month
RECORDED = "recorded"  # the same month deduction is already recorded
APPLIED = (MATCHED, CLAIM_DEDUCTION, MONTH_DEDUCTION)
STATUS_TEXT = {
    MATCHED: N_("matched"), UNMATCHED: N_("unmatched"), AMBIGUOUS: N_("ambiguous"), DUPLICATE: N_("duplicate"),
    SETTLED: N_("already settled"), CLAIM_DEDUCTION: N_("deduction on a claim"),
    MONTH_DEDUCTION: N_("deduction on the month"), RECORDED: N_("deduction already recorded"),
}
OUTCOME_TEXT = {"paid": N_("paid"), "paid_short": N_("paid short"), "rejected": N_("rejected")}

# A deduction's kind, guessed from the maker's words; anything else is "other".
DEDUCTION_KINDS = (
    ("late_callback", ("回访", "call-back", "callback", "call back")),
    ("complaint", ("投诉", "complaint")),
    ("late_part", ("旧件", "old part", "返件")),
)
_SPACES = re.compile(r"\s+")


class SettlementRefused(ValidationError):
    """A settlement workbook refused as a whole; ``problems`` lists every
    reason (sheet, row, column).  Nothing was written."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        shown = "; ".join(str(p) for p in self.problems[:5])
        more = len(self.problems) - 5
        message = _("The settlement workbook was refused; nothing was changed. {problems}").format(problems=shown)
        if more > 0:
            message += " " + _("(and {count} more)").format(count=more)
        super().__init__({f"{n}": str(p) for n, p in enumerate(self.problems)}, message)


# -- the maker and its columns ----------------------------------------------------------------

def parse_map(items: Iterable[str]) -> dict[str, str]:
    """``field=Column title`` pairs (the command line's --map) as a mapping;
    an empty title takes the field out of the mapping."""
    mapping: dict[str, str] = {}
    for item in items:
        name, sep, title = item.partition("=")
        name = name.strip()
        if not sep or name not in FIELDS:
            raise ValidationError({"map": _("Give the columns as field=Column title, the fields being {fields} "
                                            "(not {item}).").format(fields=", ".join(FIELDS), item=item)})
        mapping[name] = title.strip()
    return mapping


def merged_columns(saved: Mapping[str, Any], overrides: Mapping[str, str]) -> dict[str, str]:
    """The maker's saved mapping with ``overrides`` laid over it."""
    columns = {k: str(v).strip() for k, v in (saved or {}).items() if k in FIELDS and str(v or "").strip()}
    for name, title in overrides.items():
        if title:
            columns[name] = title
        else:
            columns.pop(name, None)
    return columns


def check_columns(columns: Mapping[str, str], maker_code: str = "") -> dict[str, str]:
    """``columns`` if complete: the amount paid and a claim or service order
    number mapped; otherwise :class:`ValidationError` saying what to map."""
    missing = []
    if not columns.get("amount_paid"):
        missing.append("amount_paid")
    if not (columns.get("claim_no") or columns.get("service_order_no")):
        missing.append("claim_no " + _("or") + " service_order_no")
    unknown = [k for k in columns if k not in FIELDS]
    if missing or unknown:
        raise ValidationError({"map": _(
            "The settlement columns of maker {maker} are not mapped: map {missing} to the workbook's column titles, "
            "e.g. --map amount_paid=\"Amount paid\" (the fields are {fields}).").format(
                maker=maker_code, missing=", ".join(missing + unknown), fields=", ".join(FIELDS))})
    titles = list(columns.values())
    if len({_fold(t) for t in titles}) != len(titles):
        raise ValidationError({"map": _("Two fields are mapped to the same column: each column title once.")})
    return dict(columns)


def save_columns(session: Session, actor: Actor, maker: Maker, columns: Mapping[str, str], now: datetime,
                 approver: Actor | None = None) -> None:
    """Save how ``maker``'s settlement workbook is read (a manager's act,
    audited); the same mapping again changes nothing."""
    columns = check_columns(columns, maker.code)
    before = dict(maker.settlement_columns or {})
    if before == columns:
        return
    manager = require_manager(actor, approver, _("map a maker's settlement columns"))
    maker.settlement_columns = dict(columns)
    audit.record(session, actor.id, "maker.settlement_columns", "maker", maker.id,
                 {"maker": maker.code, "before": before, "after": columns},
                 approver_id=manager.id if manager.id != actor.id else None, at=now)


# -- reading the workbook ---------------------------------------------------------------------

@dataclass(frozen=True)
class SettlementRow:
    """One row of the workbook, as read; ``row`` as Excel numbers it."""

    sheet: str
    row: int
    claim_no: str
    service_order_no: str
    amount_paid: Decimal | None  # None: a deduction-only row
    reason: str
    deduction: Decimal | None
    deduction_reason: str


    @property
    def why_deducted(self) -> str:
        """The deduction's reason, else the row's."""
        return self.deduction_reason or self.reason


@dataclass(frozen=True)
class ParsedSettlement:
    """A settlement workbook as read, with what it is: whose (``maker_code``),
    of which month (its first day) and the maker's date (appeals run from it)."""

    file_name: str
    sheet: str
    columns: dict[str, str]
    rows: list[SettlementRow]
    maker_code: str
    settled_on: date
    month: date

    @property
    def total_paid(self) -> Decimal:
        """The amounts paid on the rows naming a claim (a totals row names none)."""
        return sum((r.amount_paid for r in self.rows
                    if r.amount_paid is not None and (r.claim_no or r.service_order_no)), ZERO)


def _fold(title: Any) -> str:
    return _SPACES.sub(" ", str(title if title is not None else "")).strip().casefold()


def _amount(value: Any) -> Decimal | None | str:
    """A cell as an amount of money; None when blank; a message otherwise.
    A float goes through its shortest text (what was typed)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        return _("Not an amount: {value}").format(value=value)
    try:
        number = to_decimal(repr(value) if isinstance(value, float) else value)
    except ValueError:
        return _("Not an amount: {value}").format(value=value)
    if number.as_tuple().exponent < -2:  # type: ignore[operator]
        return _("An amount has at most two decimals: {value}").format(value=value)
    return number.quantize(Decimal("0.01"))


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter  # loaded with the workbook

    return get_column_letter(index + 1)


def parse_settlement(path: str | Path, columns: Mapping[str, str], *, maker_code: str, settled_on: date,
                     month: date | None = None) -> ParsedSettlement:
    """Read ``maker_code``'s settlement workbook at ``path``, dated
    ``settled_on``, of ``month`` (default: the month before), with
    ``columns`` (our field -> its column title): its first sheet, the header being the first of its
    first 20 rows that holds a mapped title.  Refused whole (:class:`SettlementRefused`) when the
    header lacks a mapped column or a cell is not an amount."""
    source = Path(path)
    problems: list[Problem] = []
    rows: list[SettlementRow] = []
    sheet = ""
    try:
        # Every limit of a workbook from outside (size, rows, time): docs/rules.md#workbooks-read-from-outside
        with workbook_guard.open_workbook(source, workbook_guard.SETTLEMENT) as wb:
            if not wb.sheetnames:
                raise SettlementRefused([Problem(source.name, 0, "", _("The workbook has no sheet."))])
            sheet = wb.sheetnames[0]
            reader = wb.rows(sheet)
            # The header: the first row holding a mapped title (a title or a note above it is passed over);
            # when none does, the first row that is not blank is named.
            titles = {_fold(t) for t in columns.values()}
            header_row = 0
            header: tuple[Any, ...] = ()
            for number, values in enumerate(reader, start=1):
                if any(_fold(v) in titles for v in values if _text(v)):
                    header_row, header = number, values
                    break
                if not header_row and any(_text(v) for v in values):
                    header_row = number
                if number >= HEADER_SEARCH_ROWS:
                    break
            where = {_fold(t): i for i, t in reversed(list(enumerate(header))) if _text(t)}
            at: dict[str, int] = {}
            for name, title in columns.items():
                if _fold(title) in where:
                    at[name] = where[_fold(title)]
                else:
                    problems.append(Problem(sheet, header_row or 1, title, _(
                        "The column \"{title}\" ({field}) is not in the header: this workbook is not of the shape "
                        "mapped for the maker; map its columns again with --map {name}=\"Its title\".").format(
                            title=title, field=_(FIELDS[name]), name=name)))
            if problems:
                raise SettlementRefused(problems)
            for number, values in enumerate(reader, start=header_row + 1):
                row = _read_row(sheet, number, values, at, columns, problems)
                if row is not None:
                    rows.append(row)
    except workbook_guard.UnsafeWorkbook as exc:
        raise SettlementRefused([Problem(source.name, 0, "", exc.reason[:1].upper() + exc.reason[1:])]) from None
    if not problems and not rows:
        problems.append(Problem(sheet, 0, "", _("No row under the header: is it the right workbook?")))
    if problems:
        raise SettlementRefused(problems)
    return ParsedSettlement(file_name=source.name, sheet=sheet, columns=dict(columns), rows=rows,
                            maker_code=maker_code, settled_on=settled_on, month=month or previous_month(settled_on))


def _read_row(sheet: str, number: int, values: tuple[Any, ...], at: Mapping[str, int], columns: Mapping[str, str],
              problems: list[Problem]) -> SettlementRow | None:
    def cell(name: str) -> Any:
        i = at.get(name)
        return values[i] if i is not None and i < len(values) else None

    if not any(_text(cell(name)) for name in at):
        return None  # a blank row (or one of columns we do not read)

    def amount(name: str) -> Decimal | None:
        value = _amount(cell(name))
        if isinstance(value, str):
            bad(name, value)
            return None
        return value

    def bad(name: str, message: str) -> None:
        problems.append(Problem(sheet, number, f"{columns[name]} ({_column_letter(at[name])}{number})", message))

    paid = amount("amount_paid")
    deduction = amount("deduction") if "deduction" in at else None
    if paid is not None and paid < 0:
        bad("amount_paid", _("An amount paid cannot be negative: {value}").format(value=paid))
    if deduction is not None:
        deduction = abs(deduction)  # makers write a deduction as -50 or as 50: the same 50 held back
    if paid is None and deduction is None and not isinstance(_amount(cell("amount_paid")), str):
        bad("amount_paid", _("The amount paid is empty: write 0 for a rejected claim."))
    return SettlementRow(sheet=sheet, row=number, claim_no=_text(cell("claim_no")),
                         service_order_no=_text(cell("service_order_no")), amount_paid=paid,
                         reason=_text(cell("reason")), deduction=deduction,
                         deduction_reason=_text(cell("deduction_reason")))


# -- matching ---------------------------------------------------------------------------------

@dataclass
class PreviewRow:
    """What a row comes to (``status``), with its claim when it has one."""

    source: SettlementRow
    status: str
    claim_id: int | None = None
    claim_number: str = ""
    claimed: Decimal | None = None
    paid: Decimal | None = None
    short: Decimal | None = None  # claimed - paid
    outcome: str = ""  # paid | paid_short | rejected
    note: str = ""  # why it is left (the earlier row, the claim's state...)

    @property
    def applied(self) -> bool:
        return self.status in APPLIED

    def status_text(self) -> str:
        return _(STATUS_TEXT[self.status])


@dataclass
class SettlementPreview:
    maker_id: int
    maker_code: str
    month: date
    settled_on: date
    parsed: ParsedSettlement
    rows: list[PreviewRow]
    earlier: list[date] = field(default_factory=list)  # settled_on of earlier settlements of the same month

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def claimed_total(self) -> Decimal:
        return sum((r.claimed or ZERO for r in self.rows if r.status == MATCHED), ZERO)

    @property
    def paid_total(self) -> Decimal:
        return sum((r.paid or ZERO for r in self.rows if r.status == MATCHED), ZERO)

    @property
    def short_total(self) -> Decimal:
        return self.claimed_total - self.paid_total

    @property
    def deduction_total(self) -> Decimal:
        return sum((r.source.deduction or ZERO for r in self.rows if r.applied), ZERO)

    @property
    def left(self) -> list[PreviewRow]:
        """The rows not applied: listed, never dropped."""
        return [r for r in self.rows if not r.applied]


def month_of(text: str) -> date:
    """``YYYY-MM`` as the month's first day."""
    try:
        year, month = (int(part) for part in text.strip().split("-"))
        return date(year, month, 1)
    except ValueError:
        raise ValidationError({"month": _("Give the month as YYYY-MM, e.g. 2026-10 (not {text}).").format(
            text=text)}) from None


def previous_month(day: date) -> date:
    """The first day of the month before ``day``'s: the month a settlement
    dated ``day`` is taken to settle when none is named."""
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


def _claims_of(session: Session, maker_id: int, rows: Sequence[SettlementRow]) -> list[Claim]:
    claim_nos = sorted({r.claim_no for r in rows if r.claim_no})
    order_nos = sorted({r.service_order_no for r in rows if r.service_order_no})
    found: dict[int, Claim] = {}
    for column, numbers in ((Claim.maker_claim_no, claim_nos), (Claim.service_order_no, order_nos)):
        for start in range(0, len(numbers), QUERY_CHUNK):
            chunk = numbers[start:start + QUERY_CHUNK]
            for claim in session.scalars(select(Claim).where(Claim.maker_id == maker_id, column.in_(chunk))):
                found[claim.id] = claim
    return sorted(found.values(), key=lambda c: c.id)


def _outcome(claimed: Decimal, paid: Decimal) -> str:
    if paid >= claimed:
        return "paid"
    return "rejected" if paid == 0 else "paid_short"


def preview(session: Session, parsed: ParsedSettlement) -> SettlementPreview:
    """Every row of ``parsed`` matched to a claim of its maker, by the
    maker's claim number, else by the service order number; nothing is
    written."""
    maker = find_maker(session, parsed.maker_code)
    month, settled_on = parsed.month, parsed.settled_on
    claims = _claims_of(session, maker.id, parsed.rows)
    by_claim_no: dict[str, list[Claim]] = {}
    by_order_no: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.maker_claim_no:
            by_claim_no.setdefault(claim.maker_claim_no, []).append(claim)
        if claim.service_order_no:
            by_order_no.setdefault(claim.service_order_no, []).append(claim)
    recorded = {(d.amount, d.reason) for d in session.scalars(select(ClaimDeduction).where(
        ClaimDeduction.maker_id == maker.id, ClaimDeduction.month == month, ClaimDeduction.claim_id.is_(None)))}
    seen: dict[int, int] = {}  # claim id -> the row that settles it
    out: list[PreviewRow] = []
    for row in parsed.rows:
        if not row.claim_no and not row.service_order_no:
            if row.amount_paid is None and row.deduction is not None:
                key = (row.deduction, row.why_deducted)
                status = RECORDED if key in recorded else MONTH_DEDUCTION
                recorded.add(key)
                out.append(PreviewRow(row, status))
            else:
                out.append(PreviewRow(row, UNMATCHED, note=_("the row names no claim or service order number")))
            continue
        candidates = by_claim_no.get(row.claim_no, []) if row.claim_no else []
        if not candidates and row.service_order_no:
            candidates = by_order_no.get(row.service_order_no, [])
        if not candidates:
            out.append(PreviewRow(row, UNMATCHED))
            continue
        if len(candidates) > 1:
            out.append(PreviewRow(row, AMBIGUOUS, note=", ".join(c.number for c in candidates)))
            continue
        claim = candidates[0]
        item = PreviewRow(row, MATCHED, claim_id=claim.id, claim_number=claim.number, claimed=claim.amount_claimed)
        if row.amount_paid is None:  # a deduction only (a late old part, a complaint), whatever the claim's state
            item.status = CLAIM_DEDUCTION
        elif claim.id in seen:
            item.status = DUPLICATE
            item.note = _("row {row} is for the same claim").format(row=seen[claim.id])
        elif claim.state not in OPEN_STATES:
            item.status = SETTLED
            item.note = _("{state} on {date}").format(
                state=_(OUTCOME_TEXT.get(claim.state, claim.state)),
                date=claim.settled_on.isoformat() if claim.settled_on else "-")
            seen[claim.id] = row.row
        else:
            seen[claim.id] = row.row
            item.paid = row.amount_paid
            item.short = claim.amount_claimed - row.amount_paid
            item.outcome = _outcome(claim.amount_claimed, row.amount_paid)
        out.append(item)
    earlier = list(session.scalars(select(Settlement.settled_on).where(
        Settlement.maker_id == maker.id, Settlement.month == month).order_by(Settlement.id)))
    return SettlementPreview(maker_id=maker.id, maker_code=maker.code, month=month, settled_on=settled_on,
                             parsed=parsed, rows=out, earlier=earlier)


# -- writing ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class SettlementResult:
    settlement_id: int
    preview: SettlementPreview  # as matched in the write transaction: what was applied and what was left


def deduction_kind(reason: str) -> str:
    folded = (reason or "").casefold()
    for kind, words in DEDUCTION_KINDS:
        if any(word in folded for word in words):
            return kind
    return "other"


def apply(session: Session, actor: Actor, previewed: SettlementPreview, now: datetime,
          approver: Actor | None = None) -> SettlementResult:
    """Write the settlement ``previewed`` (a manager's act): matched again in
    this transaction, each open claim marked paid, paid short or rejected
    with the maker's reason and its appeal deadline, the deductions recorded;
    the rows left (unmatched, ambiguous, duplicate, already settled) are
    listed in the result and audited, never applied."""
    manager = require_manager(actor, approver, _("import a maker's settlement"))
    fresh = preview(session, previewed.parsed)
    maker = find_maker(session, previewed.parsed.maker_code)
    settlement = Settlement(maker_id=maker.id, month=fresh.month, settled_on=fresh.settled_on,
                            file_name=fresh.parsed.file_name[:255], rows=len(fresh.rows),
                            total_paid=fresh.parsed.total_paid, imported_at=now, imported_by_id=actor.id)
    session.add(settlement)
    session.flush()
    approver_id = manager.id if manager.id != actor.id else None
    claims = {c.id: c for c in session.scalars(select(Claim).where(
        Claim.id.in_([r.claim_id for r in fresh.rows if r.applied and r.claim_id is not None] or [0])))}
    for item in fresh.rows:
        if not item.applied:
            continue
        row = item.source
        claim = claims.get(item.claim_id) if item.claim_id is not None else None
        if item.status == MATCHED and claim is not None and row.amount_paid is not None:
            # the one way a claim is settled (its rules, deadline, timeline and audit record: claims/service.py)
            settle_claim(session, actor, claim.id, row.amount_paid, row.reason if item.outcome != "paid" else "",
                         fresh.settled_on, from_settlement=True)
        if row.deduction:
            session.add(ClaimDeduction(
                maker_id=maker.id, claim_id=claim.id if claim is not None else None, settlement_id=settlement.id,
                month=fresh.month, kind=deduction_kind(row.why_deducted), amount=row.deduction,
                reason=row.why_deducted, recorded_at=now, recorded_by_id=actor.id))
    audit.record(session, actor.id, "settlement.import", "settlement", settlement.id, {
        "maker": maker.code, "month": fresh.month, "settled_on": fresh.settled_on, "file": fresh.parsed.file_name,
        "rows": len(fresh.rows), "total_paid": settlement.total_paid,
        "applied": {s: fresh.count(s) for s in APPLIED},
        "claimed": fresh.claimed_total, "paid": fresh.paid_total, "short": fresh.short_total,
        "deductions": fresh.deduction_total,
        "left": [[r.source.row, r.status, r.source.claim_no or r.source.service_order_no, r.note] for r in fresh.left],
    }, approver_id=approver_id, at=now)
    session.flush()
    return SettlementResult(settlement_id=settlement.id, preview=fresh)


# -- the appeal list --------------------------------------------------------------------------

@dataclass(frozen=True)
class AppealRow:
    claim_id: int
    claim_number: str
    maker_code: str
    state: str  # paid_short | rejected
    maker_claim_no: str
    claimed: Decimal
    paid: Decimal
    short: Decimal
    reason: str
    settled_on: date | None
    appeal_due: date
    days_left: int  # 0: the last day


def appeal_list(session: Session, today: date, maker_code: str | None = None) -> list[AppealRow]:
    """The claims paid short or rejected that may still be contested (their
    appeal deadline is today or later), the soonest deadline first."""
    query = (select(Claim, Maker.code).join(Maker, Maker.id == Claim.maker_id)
             .where(Claim.state.in_(("paid_short", "rejected")), Claim.appeal_due.is_not(None),
                    Claim.appeal_due >= today)
             .order_by(Claim.appeal_due, Claim.number))
    if maker_code:
        query = query.where(Maker.id == find_maker(session, maker_code).id)
    out = []
    for claim, code in session.execute(query):
        paid = claim.amount_paid or ZERO
        assert claim.appeal_due is not None
        out.append(AppealRow(claim_id=claim.id, claim_number=claim.number, maker_code=code, state=claim.state,
                             maker_claim_no=claim.maker_claim_no, claimed=claim.amount_claimed, paid=paid,
                             short=claim.amount_claimed - paid, reason=claim.result_reason,
                             settled_on=claim.settled_on, appeal_due=claim.appeal_due,
                             days_left=(claim.appeal_due - today).days))
    return out


__all__ = ["AMBIGUOUS", "APPLIED", "AppealRow", "CLAIM_DEDUCTION", "DUPLICATE", "FIELDS", "MATCHED",
           "MONTH_DEDUCTION", "OUTCOME_TEXT", "ParsedSettlement", "PreviewRow", "RECORDED", "SETTLED", "STATUS_TEXT",
           "SettlementPreview", "SettlementRefused", "SettlementResult", "SettlementRow", "UNMATCHED", "appeal_list",
           "apply", "check_columns", "deduction_kind", "find_maker", "merged_columns", "month_of", "parse_map",
           "parse_settlement", "preview", "previous_month", "save_columns"]
