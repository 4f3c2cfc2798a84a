"""Fee schedules (收费标准): versions by effective date, checks, the Excel
workbook, and the shipped default.

A ticket is priced by the version in force on its **intake** day
(:func:`schedule_in_force`).  A version a quote was priced by is never
changed, and a new version may not take effect on a day that would move
already-quoted tickets under it.  Only a manager saves or imports one.

The workbook (one sheet per line kind; the first sheet, "about", says so to
whoever opens it) is refused as a whole, with every problem listed as
(sheet, row, column, message), and nothing is changed.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk import audit, clock, settings, workbook_guard
from frontdesk.billing.models import FeeLine, FeeSchedule, Quote
from frontdesk.billing.pricing import (
    ANY_CATEGORY,
    INSPECTION,
    KINDS,
    LABOUR,
    LEVELS,
    PART,
    SOFTWARE_SETUP,
    TRANSPORT,
    VISIT,
    ScheduleView,
    kind_label,
    line_key,
    normalize_code,
)
from frontdesk.billing.tax import convert
from frontdesk.db.lookup import get_or_not_found
from frontdesk.db.models import Ticket, User
from frontdesk.errors import NotFound, ValidationError
from frontdesk.i18n import N_, _, ngettext
from frontdesk.intake.warranty import WHOLE_UNIT, load_category_rules
from frontdesk.money import ZERO, round_money, to_decimal
from frontdesk.paths import resource
from frontdesk.plaintext import one_line, trimmed
from frontdesk.users import Actor, display_name_column, require_manager

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
ABOUT_SHEET = "about"
SCHEDULE_SHEET = "schedule"
# Sheet name -> line kind, in the workbook's order.
KIND_SHEETS: dict[str, str] = {
    "labour": LABOUR,
    "visit": VISIT,
    "transport": TRANSPORT,
    "inspection": INSPECTION,
    "parts": PART,
    "software_setup": SOFTWARE_SETUP,
}
SHEET_OF_KIND = {kind: sheet for sheet, kind in KIND_SHEETS.items()}
# Columns of each kind's sheet (row 1 holds these names; their order is free).
COLUMNS: dict[str, tuple[str, ...]] = {
    LABOUR: ("category", "level", "description", "price"),
    VISIT: ("category", "description", "price", "free_km", "per_km"),
    TRANSPORT: ("category", "description", "price"),
    INSPECTION: ("category", "description", "price"),
    PART: ("category", "part_no", "description", "price", "component"),
    SOFTWARE_SETUP: ("category", "description", "price"),
}
# Columns a sheet may leave out (blank or absent).
OPTIONAL_COLUMNS = frozenset({"description", "component", "free_km", "per_km"})
CODE_COLUMN = {LABOUR: "level", PART: "part_no"}


@dataclass
class FeeLineDraft:
    """A line of a schedule as typed or imported.  ``category`` ``*``: any."""

    kind: str
    price: Decimal | None  # None: not filled in (refused)
    category: str = ANY_CATEGORY
    code: str = ""
    description: str = ""
    component: str = ""
    free_km: Decimal | None = None
    per_km: Decimal | None = None


@dataclass
class ScheduleDraft:
    name: str
    effective_from: date | None  # None: not filled in (refused)
    note: str = ""
    lines: list[FeeLineDraft] = field(default_factory=list)
    # The prices include VAT (True) or are before tax (False); None: as the
    # shop's setting ``prices_include_tax`` says when it is saved.
    includes_tax: bool | None = None


@dataclass(frozen=True)
class Problem:
    """One reason a schedule or workbook is refused.  ``row`` is the sheet's
    row number as Excel shows it (the header is row 1); 0 for the file."""

    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if not self.sheet:
            return self.message
        if not self.row:
            return _("{sheet}: {message}").format(sheet=self.sheet, message=self.message)
        if not self.column:
            return _("{sheet}, row {row}: {message}").format(sheet=self.sheet, row=self.row, message=self.message)
        return _("{sheet}, row {row}, {column}: {message}").format(
            sheet=self.sheet, row=self.row, column=self.column, message=self.message)


class ScheduleRefused(ValidationError):
    """A schedule (typed or imported) refused as a whole; ``problems`` lists
    every reason.  Nothing was changed.  A subclass names what was refused
    with its own ``lead`` (a maker's standard: frontdesk.claims.makers)."""

    lead = N_("The fee schedule was refused; nothing was changed. {problems}")

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        fields = {f"{p.sheet}!{p.row}!{p.column}!{n}": str(p) for n, p in enumerate(self.problems)}
        shown = "; ".join(str(p) for p in self.problems[:5])
        more = len(self.problems) - 5
        message = _(self.lead).format(problems=shown)
        if more > 0:
            message += " " + _("(and {count} more)").format(count=more)
        super().__init__(fields, message)


@dataclass(frozen=True)
class ScheduleSummary:
    id: int
    name: str
    effective_from: date
    note: str
    created_at: datetime
    created_by: str
    line_count: int
    used: bool  # a quote was priced by it: it cannot change any more
    in_force: bool  # the version in force today


# -- checks ------------------------------------------------------------------------------

def _known_components(category: str) -> set[str]:
    rules = load_category_rules()
    if category == ANY_CATEGORY:
        return {c.key for r in rules.values() for c in r.components}
    rule = rules.get(category)
    return {c.key for c in rule.components} if rule else set()


def check_draft(draft: ScheduleDraft, origins: Sequence[tuple[str, int]] | None = None,
                head_rows: dict[str, int] | None = None) -> list[Problem]:
    """Every problem of ``draft`` on its own (no database).  ``origins``
    gives each line's (sheet, row) and ``head_rows`` the row of "name" and
    "effective_from" on the schedule sheet (a workbook); by default a line
    is placed on its kind's sheet at its number among all lines."""
    problems: list[Problem] = []

    def head(key: str, message: str) -> None:
        if head_rows is None:
            problems.append(Problem(SCHEDULE_SHEET, 0, key, message))
        elif key in head_rows:
            problems.append(Problem(SCHEDULE_SHEET, head_rows[key], "value", message))
        else:
            problems.append(Problem(SCHEDULE_SHEET, 0, key, _("Missing row \"{field}\".").format(field=key)))

    if not (draft.name or "").strip():
        head("name", _("The schedule needs a name."))
    elif len(draft.name.strip()) > 120:
        head("name", _("The name is too long (at most 120 characters)."))
    if not isinstance(draft.effective_from, date):
        head("effective_from", _("The effective date is missing."))
    if not draft.lines:
        problems.append(Problem(SCHEDULE_SHEET, 0, "", _("The schedule has no lines.")))
    categories = load_category_rules()
    seen: dict[tuple[str, str, str], int] = {}
    for n, line in enumerate(draft.lines):
        sheet, row = origins[n] if origins else (SHEET_OF_KIND.get(line.kind, line.kind), n + 1)

        def bad(column: str, message: str, sheet: str = sheet, row: int = row) -> None:
            problems.append(Problem(sheet, row, column, message))

        if line.kind not in KINDS:
            bad("kind", _("Unknown kind of line: {kind}.").format(kind=line.kind))
            continue
        category = (line.category or "").strip() or ANY_CATEGORY
        if category != ANY_CATEGORY and category not in categories:
            bad("category", _("Unknown product category: {category}").format(category=category))
        code = normalize_code(line.kind, line.code)
        if line.kind == LABOUR and code not in LEVELS:
            bad("level", _("The level must be one of: {levels}.").format(levels=", ".join(LEVELS)))
        if line.kind == PART and not code:
            bad("part_no", _("A part needs its part number."))
        if len(code) > 60:
            bad(CODE_COLUMN.get(line.kind, "code"), _("The code is too long (at most 60 characters)."))
        if len(line.description or "") > 200:
            bad("description", _("The description is too long (at most 200 characters)."))
        problems.extend(Problem(sheet, row, "price", m) for m in _money_problems(line.price, required=True))
        if line.kind == VISIT:
            problems.extend(Problem(sheet, row, "free_km", m) for m in _km_problems(line.free_km))
            problems.extend(Problem(sheet, row, "per_km", m) for m in _money_problems(line.per_km, required=False))
        if line.component and line.component != WHOLE_UNIT:
            if line.kind != PART:
                bad("component", _("Only a part names a component."))
            elif line.component not in _known_components(category):
                bad("component", _("Unknown component {component} for this category.").format(
                    component=line.component))
        key = (line.kind, category, code)
        if key in seen:
            first = seen[key]
            where = origins[first] if origins else (sheet, first + 1)
            bad(CODE_COLUMN.get(line.kind, "category"),
                _("Duplicated line: the same as {sheet} row {row}.").format(sheet=where[0], row=where[1]))
        else:
            seen[key] = n
    return problems


def _money_problems(value: Any, required: bool) -> list[str]:
    if value is None:
        return [_("The price is missing.")] if required else []
    if isinstance(value, float):
        raise TypeError(f"a price must be a Decimal, not a float ({value!r})")
    if not isinstance(value, (Decimal, int)) or isinstance(value, bool):
        return [_("Not a number.")]
    number = Decimal(value)
    if not number.is_finite():
        return [_("Not a number.")]
    if number >= Decimal("1e10"):  # before rounding: 1e30 has more digits than a Decimal holds
        return [_("The price is too large.")]
    out = []
    if number < 0:
        out.append(_("A price cannot be negative."))
    if round_money(number) != number:
        out.append(_("A price has at most two decimal places."))
    return out


def _km_problems(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, float):
        raise TypeError(f"a distance must be a Decimal, not a float ({value!r})")
    if not isinstance(value, (Decimal, int)) or isinstance(value, bool) or not Decimal(value).is_finite():
        return [_("Not a number.")]
    number = Decimal(value)
    if number < 0:
        return [_("A distance cannot be negative.")]
    if number >= 10_000_000 or number.quantize(Decimal("0.1")) != number:
        return [_("A distance has at most one decimal place and 7 digits.")]
    return []


def _used_ids(session: Session) -> set[int]:
    return set(session.scalars(select(Quote.schedule_id).distinct()))


def check_against_database(session: Session, draft: ScheduleDraft, row: int = 0) -> list[Problem]:
    """Problems of taking ``draft`` into this database: a version quotes were
    priced by cannot be replaced, and a new version cannot take effect on a
    day that moves tickets already quoted under another version."""
    problems: list[Problem] = []
    day = draft.effective_from
    if not isinstance(day, date):
        return problems
    same = session.scalar(select(FeeSchedule).where(FeeSchedule.effective_from == day))
    if same is not None and session.scalar(select(func.count(Quote.id)).where(Quote.schedule_id == same.id)):
        problems.append(Problem(SCHEDULE_SHEET, row, "effective_from" if not row else "value", _(
            "The version \"{name}\" taking effect on {date} has already priced quotes and cannot be replaced: "
            "choose a later effective date.").format(name=same.name, date=day.isoformat())))
    # Quotes priced by an earlier version for tickets taken on or after ``day``
    # would fall under the new version: their prices would no longer match.
    moved = session.execute(
        select(FeeSchedule.name, func.count(Quote.id))
        .join(Quote, Quote.schedule_id == FeeSchedule.id)
        .join(Ticket, Ticket.id == Quote.ticket_id)
        .where(FeeSchedule.effective_from < day, Ticket.intake_at >= datetime.combine(day, datetime.min.time()))
        .group_by(FeeSchedule.name)
    ).all()
    for name, count in moved:
        if day < clock.now().date():
            text = ngettext("The effective date {date} is in the past and {count} quote was already priced by "
                            "\"{name}\" for a ticket taken since then: choose a later effective date.",
                            "The effective date {date} is in the past and {count} quotes were already priced by "
                            "\"{name}\" for tickets taken since then: choose a later effective date.", count)
        else:
            text = ngettext("From {date} on, {count} quote already priced by \"{name}\" would fall under this "
                            "version: choose a later effective date.",
                            "From {date} on, {count} quotes already priced by \"{name}\" would fall under this "
                            "version: choose a later effective date.", count)
        problems.append(Problem(SCHEDULE_SHEET, row, "effective_from" if not row else "value",
                                text.format(date=day.isoformat(), count=count, name=name)))
    return problems


# -- saving and reading --------------------------------------------------------------------

def _clean_line(line: FeeLineDraft) -> FeeLine:
    category = (line.category or "").strip() or ANY_CATEGORY
    return FeeLine(
        kind=line.kind,
        category=category,
        code=normalize_code(line.kind, line.code),
        description=(line.description or "").strip(),
        component="" if (line.component or "") == WHOLE_UNIT else (line.component or "").strip(),
        price=round_money(Decimal(line.price or 0)),
        free_km=Decimal(line.free_km) if line.kind == VISIT and line.free_km is not None else None,
        per_km=round_money(Decimal(line.per_km)) if line.kind == VISIT and line.per_km is not None else None,
    )


def _tidy_text(draft: ScheduleDraft) -> ScheduleDraft:
    """The draft's texts without control characters: names and codes on one
    line, the note's ends trimmed."""
    return replace(draft, name=one_line(draft.name), note=trimmed(draft.note), lines=[
        replace(ln, category=one_line(ln.category), code=one_line(ln.code), description=one_line(ln.description),
                component=one_line(ln.component)) for ln in draft.lines])


def save_schedule(session: Session, actor: Actor, draft: ScheduleDraft, approver: Actor | None = None,
                  now: datetime | None = None, _origins: Sequence[tuple[str, int]] | None = None,
                  _source: str = "") -> FeeSchedule:
    """Save ``draft`` as the version taking effect on its date (a manager's
    act).  A version with the same date that no quote used is replaced.
    Raises :class:`ScheduleRefused` listing every problem."""
    manager = require_manager(actor, approver, _("change the fee schedule"))
    draft = _tidy_text(draft)
    problems = check_draft(draft, _origins)
    if not problems:
        problems = check_against_database(session, draft)
    if problems:
        raise ScheduleRefused(problems)
    now = now or clock.now()
    assert draft.effective_from is not None  # checked above
    basis = bool(settings.get(session, "prices_include_tax")) if draft.includes_tax is None else draft.includes_tax
    schedule = session.scalar(select(FeeSchedule).where(FeeSchedule.effective_from == draft.effective_from))
    action = "fees.replace" if schedule is not None else "fees.save"
    if schedule is None:
        schedule = FeeSchedule(effective_from=draft.effective_from, created_at=now, created_by_id=actor.id)
        session.add(schedule)
    else:
        schedule.lines.clear()
        session.flush()  # the old lines go before new ones with the same keys arrive
        schedule.created_at = now
        schedule.created_by_id = actor.id
    schedule.name = draft.name.strip()
    schedule.note = (draft.note or "").strip()
    schedule.includes_tax = basis
    schedule.lines.extend(_clean_line(line) for line in draft.lines)
    session.flush()
    audit.record(session, actor.id, action, "fee_schedule", schedule.id, {
        "name": schedule.name, "effective_from": schedule.effective_from, "lines": len(draft.lines),
        "includes_tax": schedule.includes_tax,
        "source": _source or "typed",
    }, approver_id=manager.id, at=now)
    log.info("fee schedule %s effective %s saved (%d lines)", schedule.name, schedule.effective_from,
             len(draft.lines))
    return schedule


def schedule_in_force(session: Session, on: date) -> FeeSchedule:
    """The version in force on ``on`` (the latest that took effect by then)."""
    schedule = session.scalar(
        select(FeeSchedule).where(FeeSchedule.effective_from <= on).order_by(FeeSchedule.effective_from.desc())
        .limit(1)
    )
    if schedule is None:
        raise NotFound(_("No fee schedule is in force on {date}: a manager must enter or import one that takes "
                         "effect on or before that day.").format(date=on.isoformat()))
    return schedule


def get_schedule(session: Session, schedule_id: int) -> FeeSchedule:
    schedule = get_or_not_found(session, FeeSchedule, schedule_id, _("No such fee schedule."))
    return schedule


def list_schedules(session: Session, today: date | None = None) -> list[ScheduleSummary]:
    """Every version, newest effective date first."""
    today = today or clock.now().date()
    used = _used_ids(session)
    counts = dict(session.execute(select(FeeLine.schedule_id, func.count(FeeLine.id)).group_by(FeeLine.schedule_id))
                  .all())
    in_force = session.scalar(select(FeeSchedule.id).where(FeeSchedule.effective_from <= today)
                              .order_by(FeeSchedule.effective_from.desc()).limit(1))
    rows = session.execute(
        select(FeeSchedule, display_name_column()).join(User, User.id == FeeSchedule.created_by_id)
        .order_by(FeeSchedule.effective_from.desc())
    )
    return [ScheduleSummary(s.id, s.name, s.effective_from, s.note, s.created_at, who, counts.get(s.id, 0),
                            s.id in used, s.id == in_force) for s, who in rows]


def schedule_draft(session: Session, schedule_id: int) -> ScheduleDraft:
    """A version as an editable draft (the screen's "new version from this one")."""
    schedule = get_schedule(session, schedule_id)
    return ScheduleDraft(
        name=schedule.name, effective_from=schedule.effective_from, note=schedule.note,
        includes_tax=schedule.includes_tax,
        lines=[FeeLineDraft(kind=ln.kind, price=ln.price, category=ln.category, code=ln.code,
                            description=ln.description, component=ln.component, free_km=ln.free_km,
                            per_km=ln.per_km) for ln in _sorted_lines(schedule.lines)],
    )


def _sorted_lines(lines: Iterable[FeeLine]) -> list[FeeLine]:
    kinds = list(KINDS)
    levels = list(LEVELS)

    def order(ln: FeeLine) -> tuple[int, int, str, int, str]:
        return (kinds.index(ln.kind) if ln.kind in kinds else 99, ln.category != ANY_CATEGORY, ln.category,
                levels.index(ln.code) if ln.code in levels else 9, ln.code)

    return sorted(lines, key=order)


def lines_for(schedule: FeeSchedule, category: str) -> dict[tuple[str, str], FeeLine]:
    """``(kind, code) -> line`` for a product category: its own lines over
    the ``*`` lines."""
    chosen: dict[tuple[str, str], FeeLine] = {}
    for ln in schedule.lines:
        if ln.category not in (category, ANY_CATEGORY):
            continue
        key = line_key(ln.kind, ln.code)
        if key not in chosen or ln.category == category:
            chosen[key] = ln
    return chosen


def schedule_view(schedule: FeeSchedule, category: str, *, rate: Decimal = ZERO,
                  prices_include_tax: bool | None = None) -> ScheduleView:
    """The schedule as :func:`~frontdesk.billing.pricing.price_quote` takes
    it, its prices on the basis asked (with or without VAT at ``rate``;
    None: as the schedule states them)."""
    chosen = lines_for(schedule, category)
    visit = chosen.get((VISIT, ""))
    basis = schedule.includes_tax if prices_include_tax is None else prices_include_tax

    def on_basis(price: Decimal) -> Decimal:
        return convert(price, rate, from_included=schedule.includes_tax, to_included=basis)

    return ScheduleView(
        prices={key: on_basis(ln.price) for key, ln in chosen.items()},
        visit_free_km=visit.free_km if visit is not None and visit.free_km is not None else ZERO,
        visit_per_km=on_basis(visit.per_km) if visit is not None and visit.per_km is not None else ZERO,
        name=schedule.name,
    )


# -- the default schedule ------------------------------------------------------------------

def default_schedule() -> ScheduleDraft:
    """The schedule shipped in ``resources/fee_schedule.json``."""
    path = resource("fee_schedule.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    lines = []
    for raw in data["lines"]:
        lines.append(FeeLineDraft(
            kind=raw["kind"], price=to_decimal(str(raw["price"])), category=raw.get("category", ANY_CATEGORY),
            code=raw.get("code", ""), description=raw.get("description", ""), component=raw.get("component", ""),
            free_km=to_decimal(str(raw["free_km"])) if raw.get("free_km") is not None else None,
            per_km=to_decimal(str(raw["per_km"])) if raw.get("per_km") is not None else None,
        ))
    return ScheduleDraft(name=data["name"], effective_from=date.fromisoformat(data["effective_from"]),
                         note=data.get("note", ""), lines=lines, includes_tax=data.get("includes_tax"))


def install_default_schedule(session: Session, actor: Actor, approver: Actor | None = None,
                             effective_from: date | None = None, now: datetime | None = None) -> FeeSchedule:
    draft = default_schedule()
    if effective_from is not None:
        draft.effective_from = effective_from
    return save_schedule(session, actor, draft, approver, now=now, _source="default")


# -- the workbook --------------------------------------------------------------------------

def _about_rows(draft: ScheduleDraft) -> list[list[Any]]:
    rules = load_category_rules()
    rows: list[list[Any]] = [
        [_("FrontDesk fee schedule")],
        ["format_version", FORMAT_VERSION],
        [],
        [_("This workbook holds one version of the shop's fee schedule. Prices are in the shop's currency, "
           "with at most two decimal places, with VAT included or before tax as the field prices_include_tax "
           "of the sheet \"schedule\" says (yes or no; empty: as the shop's setting).")],
        [_("Sheet \"schedule\": the version's name, the day it takes effect (effective_from, YYYY-MM-DD) and a "
           "note. A ticket is priced by the version in force on its intake day.")],
        [_("One sheet per kind of line; row 1 names the columns (their order does not matter), "
           "every other row is a line:")],
    ]
    for sheet, kind in KIND_SHEETS.items():
        rows.append([sheet, kind_label(kind), ", ".join(COLUMNS[kind])])
    rows += [
        [],
        [_("category: a product category below, or * for every category without a line of its own.")],
        [_("level (labour): minor, medium or major. part_no (parts): the part number. component (parts, "
           "optional): the warranty component the part is, e.g. compressor.")],
        [_("visit: price covers free_km kilometres; per_km is charged for each kilometre beyond.")],
        [_("An import is refused as a whole when any row has a problem; every problem is listed and nothing "
           "is changed.")],
        [],
        [_("Categories"), _("Label"), _("Components")],
    ]
    for key, rule in rules.items():
        rows.append([key, _(rule.label), ", ".join(c.key for c in rule.components)])
    rows += [[], [_("Levels")]] + [[key, _(label)] for key, label in LEVELS.items()]
    return rows


def _draft_for_export(session: Session, schedule_id: int | None) -> ScheduleDraft:
    if schedule_id is not None:
        return schedule_draft(session, schedule_id)
    today = clock.now().date()
    current = session.scalar(select(FeeSchedule.id).where(FeeSchedule.effective_from <= today)
                             .order_by(FeeSchedule.effective_from.desc()).limit(1))
    if current is None:
        current = session.scalar(select(FeeSchedule.id).order_by(FeeSchedule.effective_from).limit(1))
    if current is None:
        return default_schedule()  # a new shop: the shipped schedule as a template
    return schedule_draft(session, current)


def export_workbook(session: Session, path: str | Path, schedule_id: int | None = None) -> Path:
    """Write a version (default: the one in force today; with none in the
    database, the shipped default) to ``path`` as .xlsx."""
    # Here, not at the top: openpyxl loads only when a schedule is imported or exported.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    draft = _draft_for_export(session, schedule_id)
    out = Path(path)
    wb = Workbook()
    about = wb.active
    assert about is not None
    about.title = ABOUT_SHEET
    for row in _about_rows(draft):
        about.append(row)
    about["A1"].font = Font(bold=True, size=14)
    about.column_dimensions["A"].width = 18
    about.column_dimensions["B"].width = 24
    about.column_dimensions["C"].width = 50

    head = wb.create_sheet(SCHEDULE_SHEET)
    head.append(["field", "value"])
    head.append(["name", draft.name])
    head.append(["effective_from", draft.effective_from])
    head.append(["note", draft.note])
    head.append(["prices_include_tax", "" if draft.includes_tax is None else ("yes" if draft.includes_tax else "no")])
    head["B3"].number_format = "yyyy-mm-dd"
    head.column_dimensions["A"].width = 16
    head.column_dimensions["B"].width = 40
    for cell in head[1]:
        cell.font = Font(bold=True)

    for sheet, kind in KIND_SHEETS.items():
        ws = wb.create_sheet(sheet)
        columns = COLUMNS[kind]
        ws.append(list(columns))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for line in draft.lines:
            if line.kind != kind:
                continue
            values = {
                "category": line.category, "level": line.code, "part_no": line.code,
                "description": line.description,
                "price": round_money(line.price) if line.price is not None else None,
                "component": line.component, "free_km": line.free_km, "per_km": line.per_km,
            }
            ws.append([values[c] for c in columns])
        for n, column in enumerate(columns, start=1):
            letter = ws.cell(row=1, column=n).column_letter
            ws.column_dimensions[letter].width = 36 if column == "description" else 14
            if column in ("price", "per_km"):
                for (cell,) in ws.iter_rows(min_row=2, min_col=n, max_col=n):
                    cell.number_format = "0.00"
    # Here, not at the top: openpyxl loads only when a schedule is imported or exported.
    from frontdesk.headoffice.xlsx import save

    out.parent.mkdir(parents=True, exist_ok=True)
    return save(wb, out)  # under a temporary name, then renamed: a full disk leaves no half file


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _cell_number(value: Any) -> Decimal | None | str:
    """A cell as a Decimal; None when blank; an error message otherwise.

    Excel keeps numbers as binary floats: the shortest text that reads back
    as the same float is what was typed, so it is converted through that
    text, here at the edge of the program and nowhere else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return _("Not a number.")
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, (int, Decimal, str)):
        try:
            return to_decimal(value)
        except ValueError:
            return _("Not a number: {value}").format(value=value)
    return _("Not a number: {value}").format(value=value)


def _cell_date(value: Any) -> date | None | str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return _("Not a date (YYYY-MM-DD): {value}").format(value=value)


def _cell_yes_no(value: Any) -> bool | None | str:
    """A yes/no cell (TRUE/FALSE, yes/no, 是/否); None when empty; a
    message when it is neither."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("yes", "y", "true", "1", "是"):
        return True
    if text in ("no", "n", "false", "0", "否"):
        return False
    return _("Not yes or no: {value}").format(value=value)


def read_workbook(path: str | Path) -> tuple[ScheduleDraft, list[tuple[str, int]], dict[str, int], list[Problem]]:
    """Parse a workbook: the draft, each line's (sheet, row), the rows of
    the schedule sheet's fields, and the problems of form (not a workbook,
    missing sheets or columns, cells that are not numbers or dates).  What
    the values mean is checked by :func:`check_draft`."""
    source = Path(path)
    problems: list[Problem] = []
    draft = ScheduleDraft(name="", effective_from=None)
    origins: list[tuple[str, int]] = []
    head_rows: dict[str, int] = {}
    try:
        # Every limit of a workbook from outside (size, rows, time): docs/rules.md#workbooks-read-from-outside
        with workbook_guard.open_workbook(source, workbook_guard.FEE_SCHEDULE) as wb:
            names = wb.sheetnames
            for name in names:
                if name not in KIND_SHEETS and name not in (ABOUT_SHEET, SCHEDULE_SHEET):
                    problems.append(Problem(name, 0, "", _(
                        "Unknown sheet (kind of line): the sheets are {sheets}.").format(
                            sheets=", ".join([ABOUT_SHEET, SCHEDULE_SHEET, *KIND_SHEETS]))))
            check_format_version(wb, names, FORMAT_VERSION, problems)
            if SCHEDULE_SHEET not in names:
                problems.append(Problem(SCHEDULE_SHEET, 0, "", _("The sheet is missing.")))
            else:
                _read_head(wb.rows(SCHEDULE_SHEET, max_col=2), draft, head_rows, problems)
            for sheet, kind in KIND_SHEETS.items():
                if sheet in names:
                    _read_lines(wb.rows(sheet), sheet, kind, draft, origins, problems)
    except workbook_guard.UnsafeWorkbook as exc:
        # Refused as a whole: what was read before the limit was reached is dropped.
        return (ScheduleDraft(name="", effective_from=None), [], {},
                [Problem(source.name, 0, "", _capital(exc.reason))])
    return draft, origins, head_rows, problems


def _capital(text: str) -> str:
    """A refusal's reason as a sentence (the guard's reasons follow the file's name)."""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _read_head(rows: Iterator[tuple[Any, ...]], draft: ScheduleDraft, head_rows: dict[str, int],
               problems: list[Problem]) -> None:
    for n, row in enumerate(rows, start=1):
        if not row or row[0] is None:
            continue
        key = _text(row[0]).lower()
        value = row[1] if len(row) > 1 else None
        if key == "name":
            head_rows[key] = n
            draft.name = _text(value)
        elif key == "note":
            draft.note = _text(value)
        elif key == "prices_include_tax":
            head_rows[key] = n
            flag = _cell_yes_no(value)
            if isinstance(flag, str):
                problems.append(Problem(SCHEDULE_SHEET, n, "value", flag))
            else:
                draft.includes_tax = flag
        elif key == "effective_from":
            head_rows[key] = n
            day = _cell_date(value)
            if isinstance(day, str):
                problems.append(Problem(SCHEDULE_SHEET, n, "value", day))
            else:
                draft.effective_from = day


Cell = Callable[[str], Any]


def table_rows(rows: Iterator[tuple[Any, ...]], sheet: str, columns: Sequence[str], optional: Collection[str],
               problems: list[Problem], *, unknown_refused: bool = False) -> Iterator[tuple[int, Cell]]:
    """A sheet read as a table: row 1 names the columns (in any order), each
    later row not blank comes as (its row number, a function from a column's
    name to its cell).  A missing column (or, ``unknown_refused``, one not
    in ``columns``) is a problem and no row comes."""
    header = next(rows, None)
    names = [_text(h).lower() for h in (header or ())]
    index = {name: i for i, name in enumerate(names) if name}
    if unknown_refused:
        for name in index:
            if name not in columns:
                problems.append(Problem(sheet, 1, name, _("Unknown column: the columns are {columns}.").format(
                    columns=", ".join(columns))))
    missing = [c for c in columns if c not in index and c not in optional]
    for column in missing:
        problems.append(Problem(sheet, 1, column, _("Missing column \"{column}\".").format(column=column)))
    if missing:
        return
    for n, row in enumerate(rows, start=2):
        if row is None or all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue

        def cell(column: str, row: tuple[Any, ...] = row) -> Any:
            i = index.get(column)
            return row[i] if i is not None and i < len(row) else None

        yield n, cell


def check_format_version(wb: Any, names: Collection[str], mine: int, problems: list[Problem]) -> None:
    """Refuse a workbook whose ``about`` sheet says a format newer than
    ``mine`` (made by a newer FrontDesk)."""
    if ABOUT_SHEET not in names:
        return
    for row in wb.rows(ABOUT_SHEET, max_row=20, max_col=2):
        if row and row[0] == "format_version":
            version = _cell_number(row[1] if len(row) > 1 else None)
            if isinstance(version, Decimal) and version > mine:
                problems.append(Problem(ABOUT_SHEET, 0, "format_version", _(
                    "This workbook has format {version}, newer than this program reads ({mine}).")
                    .format(version=version, mine=mine)))


def _read_lines(rows: Iterator[tuple[Any, ...]], sheet: str, kind: str, draft: ScheduleDraft,
                origins: list[tuple[str, int]], problems: list[Problem]) -> None:
    for n, cell in table_rows(rows, sheet, COLUMNS[kind], OPTIONAL_COLUMNS, problems):
        numbers: dict[str, Decimal | None] = {}
        for column in ("price", "free_km", "per_km"):
            if column != "price" and kind != VISIT:
                numbers[column] = None
                continue
            value = _cell_number(cell(column))
            if isinstance(value, str):
                problems.append(Problem(sheet, n, column, value))
                value = None
            numbers[column] = value
        draft.lines.append(FeeLineDraft(
            kind=kind,
            price=numbers["price"],
            category=_text(cell("category")) or ANY_CATEGORY,
            code=_text(cell(CODE_COLUMN[kind])) if kind in CODE_COLUMN else "",
            description=_text(cell("description")),
            component=_text(cell("component")) if kind == PART else "",
            free_km=numbers["free_km"],
            per_km=numbers["per_km"],
        ))
        origins.append((sheet, n))

@dataclass(frozen=True)
class ParsedWorkbook:
    """A fee schedule workbook read and checked in itself (:func:`parse_import`),
    ready to be stored (:func:`store_import`)."""

    path: Path
    draft: ScheduleDraft
    origins: list[tuple[str, int]]
    head_rows: dict[str, int]


def parse_import(path: str | Path) -> ParsedWorkbook:
    """Read and check a workbook with no database at all: the file is read
    (within the limits of docs/rules.md#workbooks-read-from-outside) before
    any transaction begins, so no lock is held while it is parsed.
    :class:`ScheduleRefused` lists every problem of form and meaning."""
    draft, origins, head_rows, problems = read_workbook(path)
    unreadable = any(p.row == 0 and p.sheet == Path(path).name for p in problems)
    if not unreadable:
        # One message per cell: a cell the parse could not read is not also "missing".
        seen = {(p.sheet, p.row, p.column) for p in problems}
        problems += [p for p in check_draft(draft, origins, head_rows) if (p.sheet, p.row, p.column) not in seen]
    if problems:
        raise ScheduleRefused(problems)
    return ParsedWorkbook(Path(path), draft, origins, head_rows)


def store_import(session: Session, actor: Actor, parsed: ParsedWorkbook, approver: Actor | None = None,
                 now: datetime | None = None) -> FeeSchedule:
    """Save a parsed workbook as a version (a manager's act), in the
    caller's short write transaction: only the checks against the database
    and the rows' insert happen there."""
    require_manager(actor, approver, _("change the fee schedule"))
    problems = check_against_database(session, parsed.draft, parsed.head_rows.get("effective_from", 0))
    if problems:
        raise ScheduleRefused(problems)
    return save_schedule(session, actor, parsed.draft, approver, now=now, _origins=parsed.origins,
                         _source=f"workbook {parsed.path.name}")


def import_workbook(session: Session, actor: Actor, path: str | Path, approver: Actor | None = None,
                    now: datetime | None = None) -> FeeSchedule:
    """Import a version from a workbook (a manager's act) in one call.
    Refused as a whole with :class:`ScheduleRefused` listing every problem
    as (sheet, row, column, message); nothing is changed then.  The file is
    parsed inside ``session``'s transaction: the command line and the window
    call :func:`parse_import` first and :func:`store_import` in a write
    transaction of its own instead."""
    require_manager(actor, approver, _("change the fee schedule"))
    return store_import(session, actor, parse_import(path), approver, now)


__all__ = [
    "COLUMNS", "FORMAT_VERSION", "FeeLineDraft", "KIND_SHEETS", "ParsedWorkbook", "Problem", "ScheduleDraft",
    "ScheduleRefused", "parse_import", "store_import",
    "ScheduleSummary", "check_against_database", "check_draft", "default_schedule", "export_workbook",
    "get_schedule", "import_workbook", "install_default_schedule", "lines_for", "list_schedules",
    "read_workbook", "save_schedule", "schedule_draft", "schedule_in_force", "schedule_view",
]
