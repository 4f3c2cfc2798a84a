"""The makers the shop repairs for under warranty, their brands, and their
settlement standards (docs/rules.md#makers-and-their-standards).

A maker (HAIER) answers for several brands (Haier, Casarte); a brand has
one maker, matched with case and spaces folded (:func:`brand_key`).  A
maker's standard says what it pays for a warranty job: labour by product
category and repair level, a distance allowance by bands of kilometres, a
handling amount per part (a part number or a prefix ending in ``*``, and
whether the old part goes back), and the claim, return and appeal
deadlines in days.  Standards are versions by date, like the fee schedules
(frontdesk.billing.schedules, whose problem list, cell readers and refusal
this module shares): a version is a new row, never a change to an old one,
so a claim priced by a version keeps it.

Only a manager saves a maker or a standard; every act is in the audit
trail.  The workbook (sheets ``about``, ``standard`` and ``lines``) is read
through frontdesk.workbook_guard and refused as a whole, every problem named
by sheet, row and column, with nothing written.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk import audit, clock, workbook_guard
from frontdesk.billing.pricing import ANY_CATEGORY, LEVELS
from frontdesk.billing.schedules import (
    ABOUT_SHEET,
    Problem,
    ScheduleRefused,
    _capital,
    _cell_date,
    _cell_number,
    _cell_yes_no,
    _km_problems,
    _money_problems,
    _text,
    check_format_version,
    table_rows,
)
from frontdesk.claims.models import Claim, Maker, MakerBrand, MakerStandard, MakerStandardLine
from frontdesk.claims.standards import brand_key, find_maker, standard_in_force
from frontdesk.errors import NotFound, ValidationError
from frontdesk.i18n import N_, _, ngettext
from frontdesk.intake.warranty import load_category_rules
from frontdesk.money import round_money
from frontdesk.plaintext import one_line, trimmed
from frontdesk.users import Actor, require_manager

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
STANDARD_SHEET = "standard"
LINES_SHEET = "lines"
SHEETS = (ABOUT_SHEET, STANDARD_SHEET, LINES_SHEET)

LABOUR = "labour"
DISTANCE = "distance"
PART_HANDLING = "part_handling"
KINDS: dict[str, str] = {LABOUR: N_("Labour"), DISTANCE: N_("Distance allowance"),
                         PART_HANDLING: N_("Part handling")}
# The "standard" sheet: one field a row (column A), its value in column B.
HEAD_FIELDS = ("maker", "name", "effective_from", "claim_days", "return_days", "appeal_days", "note")
DAY_FIELDS = ("claim_days", "return_days", "appeal_days")
MAX_DAYS = 366
# The "lines" sheet: row 1 names the columns (their order is free).
COLUMNS = ("kind", "category", "level", "km_from", "km_to", "part_no", "amount", "return_part", "description")
OPTIONAL_COLUMNS = frozenset({"return_part", "description"})

CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,39}$")


class StandardRefused(ScheduleRefused):
    """A maker's standard (typed or imported) refused as a whole, with every
    problem as (sheet, row, column, message).  Nothing was changed."""

    lead = N_("The maker's standard was refused; nothing was changed. {problems}")


@dataclass
class StandardLineDraft:
    """A line as typed or imported; ``amount`` None: not filled in (refused)."""

    kind: str
    amount: Decimal | None
    category: str = ANY_CATEGORY
    level: str = ""  # labour: minor | medium | major
    km_from: Decimal | None = None  # distance: the band km_from < distance <= km_to
    km_to: Decimal | None = None
    part_no: str = ""  # part_handling: a part number, or a prefix ending in *
    return_part: bool = False  # part_handling: the maker wants the old part back
    description: str = ""


@dataclass
class StandardDraft:
    maker: str  # the maker's code
    name: str
    effective_from: date | None  # None: not filled in (refused)
    claim_days: int | None = None
    return_days: int | None = None
    appeal_days: int | None = None
    note: str = ""
    lines: list[StandardLineDraft] = field(default_factory=list)


@dataclass(frozen=True)
class StandardSummary:
    id: int
    name: str
    effective_from: date
    line_count: int
    used: bool  # a claim was priced by it
    in_force: bool  # the version in force today


@dataclass(frozen=True)
class MakerSummary:
    id: int
    code: str
    name: str
    active: bool
    brands: list[str]
    standards: list[StandardSummary]  # newest effective date first


# -- makers and brands ------------------------------------------------------------------------

def normalize_maker_code(code: str) -> str:
    return one_line(code).strip().upper()




def save_maker(session: Session, actor: Actor, code: str, name: str, brands: Sequence[str],
               approver: Actor | None = None, now: datetime | None = None) -> Maker:
    """Add the maker ``code`` or change its name and brands (a manager's
    act).  A brand already another maker's is refused, naming that maker."""
    manager = require_manager(actor, approver, _("change the makers"))
    code = normalize_maker_code(code)
    name = one_line(name).strip()
    errors: dict[str, str] = {}
    if not CODE_RE.match(code):
        errors["code"] = _("The maker's code is letters A-Z, digits and -, at most 40 (e.g. HAIER): {code} is "
                           "not.").format(code=code or '""')
    if not name:
        errors["name"] = _("The maker needs a name.")
    elif len(name) > 120:
        errors["name"] = _("The name is too long (at most 120 characters).")
    wanted: dict[str, str] = {}  # key -> brand as written, the first spelling kept
    for raw in brands:
        brand = one_line(raw).strip()
        if not brand_key(brand):
            continue
        if len(brand) > 80:
            errors["brands"] = _("The brand {brand} is too long (at most 80 characters).").format(brand=brand)
        wanted.setdefault(brand_key(brand), brand)
    if not wanted and "brands" not in errors:
        errors["brands"] = _("Name at least one brand the maker answers for.")
    maker = session.scalar(select(Maker).where(Maker.code == code))
    if wanted:
        taken = session.execute(select(MakerBrand.brand, Maker.code, Maker.name)
                                .join(Maker, Maker.id == MakerBrand.maker_id)
                                .where(MakerBrand.key.in_(wanted), Maker.code != code)
                                .order_by(MakerBrand.brand)).all()
        if taken:
            errors["brands"] = "; ".join(
                _("The brand {brand} is already {maker}'s ({code}): a brand has one maker, take it off {code} "
                  "first.").format(brand=brand, maker=other_name, code=other_code)
                for brand, other_code, other_name in taken)
    if errors:
        raise ValidationError(errors)
    now = now or clock.now()
    action = "makers.change" if maker is not None else "makers.add"
    before: list[str] = []
    if maker is None:
        maker = Maker(code=code, name=name, active=True, settlement_columns={}, created_at=now)
        session.add(maker)
    else:
        before = [b.brand for b in maker.brands]
        # Kept rows keep their key: a brand dropped and added in one flush would collide on the unique key.
        for row in list(maker.brands):
            if row.key not in wanted:
                maker.brands.remove(row)
        session.flush()
    maker.name = name
    kept = {row.key: row for row in maker.brands}
    for key, brand in wanted.items():
        if key in kept:
            kept[key].brand = brand
        else:
            maker.brands.append(MakerBrand(brand=brand, key=key))
    session.flush()
    detail: dict[str, Any] = {"code": code, "name": name, "brands": list(wanted.values())}
    if action == "makers.change":
        detail["brands_before"] = before
    audit.record(session, actor.id, action, "maker", maker.id, detail, approver_id=manager.id, at=now)
    log.info("maker %s saved (%d brands)", code, len(wanted))
    return maker


def list_standards(session: Session, maker: Maker, today: date | None = None) -> list[StandardSummary]:
    """The maker's versions, newest effective date first."""
    today = today or clock.now().date()
    current = standard_in_force(session, maker.id, today)
    counts = dict(session.execute(
        select(MakerStandardLine.standard_id, func.count(MakerStandardLine.id))
        .join(MakerStandard, MakerStandard.id == MakerStandardLine.standard_id)
        .where(MakerStandard.maker_id == maker.id).group_by(MakerStandardLine.standard_id)).all())
    used = set(session.scalars(select(Claim.standard_id).where(Claim.maker_id == maker.id).distinct()))
    rows = session.scalars(select(MakerStandard).where(MakerStandard.maker_id == maker.id)
                           .order_by(MakerStandard.effective_from.desc()))
    return [StandardSummary(s.id, s.name, s.effective_from, counts.get(s.id, 0), s.id in used,
                            current is not None and s.id == current.id) for s in rows]


def list_makers(session: Session, today: date | None = None) -> list[MakerSummary]:
    """Every maker by code, with its brands and its standards."""
    makers = session.scalars(select(Maker).order_by(Maker.code))
    return [MakerSummary(m.id, m.code, m.name, m.active, [b.brand for b in m.brands],
                         list_standards(session, m, today)) for m in makers]


# -- checks -----------------------------------------------------------------------------------

def _day_problems(value: Any) -> list[str]:
    if value is None:
        return [_("The number of days is missing.")]
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DAYS:
        return [_("A whole number of days from 1 to {max} is needed.").format(max=MAX_DAYS)]
    return []


def _band(line: StandardLineDraft) -> str:
    return f"{line.km_from}-{line.km_to} km"


def check_standard(draft: StandardDraft, origins: Sequence[int] | None = None,
                   head_rows: dict[str, int] | None = None) -> list[Problem]:
    """Every problem of ``draft`` on its own (no database).  ``origins``
    gives each line's row on the lines sheet and ``head_rows`` the row of
    each field on the standard sheet (a workbook)."""
    problems: list[Problem] = []

    def head(key: str, message: str) -> None:
        if head_rows is None:
            problems.append(Problem(STANDARD_SHEET, 0, key, message))
        elif key in head_rows:
            problems.append(Problem(STANDARD_SHEET, head_rows[key], "value", message))
        else:
            problems.append(Problem(STANDARD_SHEET, 0, key, _("Missing row \"{field}\".").format(field=key)))

    code = normalize_maker_code(draft.maker)
    if not code:
        head("maker", _("The maker's code is missing."))
    elif not CODE_RE.match(code):
        head("maker", _("Not a maker's code (letters A-Z, digits and -): {code}").format(code=code))
    if not (draft.name or "").strip():
        head("name", _("The standard needs a name."))
    elif len(draft.name.strip()) > 120:
        head("name", _("The name is too long (at most 120 characters)."))
    if not isinstance(draft.effective_from, date):
        head("effective_from", _("The effective date is missing."))
    for key in DAY_FIELDS:
        for message in _day_problems(getattr(draft, key)):
            head(key, message)
    if not draft.lines:
        problems.append(Problem(LINES_SHEET, 0, "", _("The standard has no lines.")))
    categories = load_category_rules()
    seen: dict[tuple[str, str, str], int] = {}
    bands: dict[str, tuple[StandardLineDraft, int]] = {}  # category -> its last band and row
    for n, line in enumerate(draft.lines):
        row = origins[n] if origins else n + 1

        def bad(column: str, message: str, row: int = row) -> None:
            problems.append(Problem(LINES_SHEET, row, column, message))

        if line.kind not in KINDS:
            bad("kind", _("Unknown kind of line: {kind}. The kinds are {kinds}.").format(
                kind=line.kind or '""', kinds=", ".join(KINDS)))
            continue
        category = (line.category or "").strip() or ANY_CATEGORY
        if category != ANY_CATEGORY and category not in categories:
            bad("category", _("Unknown product category: {category}").format(category=category))
        level = (line.level or "").strip().lower()
        part_no = (line.part_no or "").strip().upper()
        if line.kind == LABOUR:
            if level not in LEVELS:
                bad("level", _("The level must be one of: {levels}.").format(levels=", ".join(LEVELS)))
        elif level:
            bad("level", _("Only a labour line has a level."))
        if line.kind == PART_HANDLING:
            if not part_no:
                bad("part_no", _("A part handling line needs a part number, or a prefix ending in *."))
            elif "*" in part_no[:-1]:
                bad("part_no", _("A part number may end in * (every part it begins) but hold no other *."))
            elif len(part_no) > 60:
                bad("part_no", _("The code is too long (at most 60 characters)."))
        elif part_no:
            bad("part_no", _("Only a part handling line has a part number."))
        elif line.return_part:
            bad("return_part", _("Only a part handling line says whether the old part goes back."))
        if len(line.description or "") > 200:
            bad("description", _("The description is too long (at most 200 characters)."))
        amount = [_("The amount is missing.")] if line.amount is None else _money_problems(line.amount, required=True)
        problems.extend(Problem(LINES_SHEET, row, "amount", m) for m in amount)
        if line.kind == DISTANCE:
            band_ok = True
            for column in ("km_from", "km_to"):
                value = getattr(line, column)
                found = [_("The distance is missing.")] if value is None else _km_problems(value)
                problems.extend(Problem(LINES_SHEET, row, column, m) for m in found)
                band_ok = band_ok and not found
            if band_ok:
                assert line.km_from is not None and line.km_to is not None
                if line.km_to <= line.km_from:
                    bad("km_to", _("The band must end beyond where it begins ({band}).").format(band=_band(line)))
                elif category in bands:
                    last, last_row = bands[category]
                    assert last.km_from is not None and last.km_to is not None
                    if line.km_from < last.km_to and last.km_from < line.km_to:
                        bad("km_from", _("The band {band} overlaps the band {other} on row {row}: a distance "
                                         "falls in one band only.").format(
                            band=_band(line), other=_band(last), row=last_row))
                    elif line.km_from < last.km_from:
                        bad("km_from", _("The band {band} comes after the band {other} on row {row}: list a "
                                         "category's bands from the nearest up.").format(
                            band=_band(line), other=_band(last), row=last_row))
                    else:
                        bands[category] = (line, row)
                else:
                    bands[category] = (line, row)
        elif line.km_from is not None or line.km_to is not None:
            bad("km_from" if line.km_from is not None else "km_to", _("Only a distance line has kilometres."))
        same = (line.kind, category, level if line.kind == LABOUR else part_no)
        if line.kind != DISTANCE:
            if same in seen:
                bad("level" if line.kind == LABOUR else "part_no",
                    _("Duplicated line: the same as {sheet} row {row}.").format(sheet=LINES_SHEET, row=seen[same]))
            else:
                seen[same] = row
    return problems


def check_against_database(session: Session, draft: StandardDraft,
                           head_rows: dict[str, int] | None = None) -> list[Problem]:
    """Problems of taking ``draft`` into this database: the maker must
    exist; a date already taken by a version is refused (a version is never
    replaced); and a new version may not take effect on a day that moves
    claims already priced by an earlier one."""
    rows = head_rows or {}

    def where(key: str) -> tuple[int, str]:
        return (rows[key], "value") if key in rows else (0, key)

    maker = session.scalar(select(Maker).where(Maker.code == normalize_maker_code(draft.maker)))
    if maker is None:
        return [Problem(STANDARD_SHEET, *where("maker"), _(
            "No maker has the code {code}: a manager adds it first (frontdesk makers add).").format(
                code=normalize_maker_code(draft.maker)))]
    day = draft.effective_from
    if not isinstance(day, date):
        return []
    problems: list[Problem] = []
    same = session.scalar(select(MakerStandard).where(MakerStandard.maker_id == maker.id,
                                                      MakerStandard.effective_from == day))
    if same is not None:
        problems.append(Problem(STANDARD_SHEET, *where("effective_from"), _(
            "{maker} already has the standard \"{name}\" taking effect on {date}: a version is never replaced, "
            "give the new one a later date.").format(maker=maker.code, name=same.name, date=day.isoformat())))
    moved = session.execute(
        select(MakerStandard.name, func.count(Claim.id))
        .join(Claim, Claim.standard_id == MakerStandard.id)
        .where(MakerStandard.maker_id == maker.id, MakerStandard.effective_from < day, Claim.repaired_on >= day)
        .group_by(MakerStandard.name)).all()
    for name, count in moved:
        problems.append(Problem(STANDARD_SHEET, *where("effective_from"), ngettext(
            "From {date} on, {count} claim already priced by \"{name}\" would fall under this version: choose a "
            "later effective date.",
            "From {date} on, {count} claims already priced by \"{name}\" would fall under this version: choose a "
            "later effective date.", count).format(date=day.isoformat(), count=count, name=name)))
    return problems


# -- saving -----------------------------------------------------------------------------------

def _tidy(draft: StandardDraft) -> StandardDraft:
    """The draft's texts without control characters, on one line (the note's ends trimmed)."""
    return replace(draft, maker=normalize_maker_code(draft.maker), name=one_line(draft.name).strip(),
                   note=trimmed(draft.note), lines=[
                       replace(ln, kind=one_line(ln.kind).strip().lower(),
                               category=one_line(ln.category).strip() or ANY_CATEGORY,
                               level=one_line(ln.level).strip().lower(), part_no=one_line(ln.part_no).strip().upper(),
                               description=one_line(ln.description).strip()) for ln in draft.lines])


def save_standard(session: Session, actor: Actor, draft: StandardDraft, approver: Actor | None = None,
                  now: datetime | None = None, _origins: Sequence[int] | None = None,
                  _head_rows: dict[str, int] | None = None, _source: str = "") -> MakerStandard:
    """Save ``draft`` as a new version of its maker's standard (a manager's
    act).  Raises :class:`StandardRefused` listing every problem."""
    manager = require_manager(actor, approver, _("change a maker's standard"))
    draft = _tidy(draft)
    problems = check_standard(draft, _origins, _head_rows)
    if not problems:
        problems = check_against_database(session, draft, _head_rows)
    if problems:
        raise StandardRefused(problems)
    now = now or clock.now()
    maker = find_maker(session, draft.maker)
    assert draft.effective_from is not None and draft.claim_days and draft.return_days and draft.appeal_days
    standard = MakerStandard(maker_id=maker.id, name=draft.name, effective_from=draft.effective_from,
                             claim_days=draft.claim_days, return_days=draft.return_days,
                             appeal_days=draft.appeal_days, note=draft.note, created_at=now,
                             created_by_id=actor.id)
    standard.lines = [MakerStandardLine(
        position=n, kind=ln.kind, category=ln.category,
        level=ln.level if ln.kind == LABOUR else "",
        km_from=ln.km_from if ln.kind == DISTANCE else None, km_to=ln.km_to if ln.kind == DISTANCE else None,
        part_no=ln.part_no if ln.kind == PART_HANDLING else "",
        amount=round_money(Decimal(ln.amount or 0)),
        return_part=bool(ln.return_part) and ln.kind == PART_HANDLING,
        description=ln.description) for n, ln in enumerate(draft.lines, start=1)]
    session.add(standard)
    session.flush()
    audit.record(session, actor.id, "makers.standard", "maker_standard", standard.id, {
        "maker": maker.code, "name": standard.name, "effective_from": standard.effective_from,
        "claim_days": standard.claim_days, "return_days": standard.return_days,
        "appeal_days": standard.appeal_days, "lines": len(standard.lines), "source": _source or "typed",
    }, approver_id=manager.id, at=now)
    log.info("standard %s of %s effective %s saved (%d lines)", standard.name, maker.code,
             standard.effective_from, len(standard.lines))
    return standard


def standard_draft(session: Session, standard_id: int) -> StandardDraft:
    """A version as an editable draft (to export, or to start the next one from)."""
    standard = session.get(MakerStandard, standard_id)
    if standard is None:
        raise NotFound(_("No such maker's standard: {id}.").format(id=standard_id))
    maker = session.get(Maker, standard.maker_id)
    assert maker is not None
    return StandardDraft(
        maker=maker.code, name=standard.name, effective_from=standard.effective_from,
        claim_days=standard.claim_days, return_days=standard.return_days, appeal_days=standard.appeal_days,
        note=standard.note, lines=[StandardLineDraft(
            kind=ln.kind, amount=ln.amount, category=ln.category, level=ln.level, km_from=ln.km_from,
            km_to=ln.km_to, part_no=ln.part_no, return_part=ln.return_part, description=ln.description)
            for ln in standard.lines])


# -- the workbook -----------------------------------------------------------------------------

def _template(maker: Maker) -> StandardDraft:
    """A new maker's first standard to fill in: the amounts and days blank
    (an import refuses it until they are filled)."""
    return StandardDraft(maker=maker.code, name=_("{maker} standard").format(maker=maker.name),
                         effective_from=clock.now().date(), lines=[
                             *(StandardLineDraft(kind=LABOUR, amount=None, level=level) for level in LEVELS),
                             StandardLineDraft(kind=DISTANCE, amount=None, km_from=Decimal(0), km_to=Decimal(30)),
                             StandardLineDraft(kind=PART_HANDLING, amount=None, part_no="*", return_part=True)])


def _about_rows() -> list[list[Any]]:
    rows: list[list[Any]] = [
        [_("FrontDesk maker's settlement standard")],
        ["format_version", FORMAT_VERSION],
        [],
        [_("This workbook holds one version of a maker's settlement standard: what the maker pays the shop for "
           "a warranty job. Amounts are in the shop's currency with at most two decimal places.")],
        [_("Sheet \"standard\": the maker's code, the version's name, the day it takes effect (effective_from, "
           "YYYY-MM-DD), the days allowed to claim after the repair (claim_days), to send the old parts back "
           "(return_days) and to appeal a settlement (appeal_days), and a note. A claim is priced by the version "
           "in force on the repair day. An import always adds a new version: give it a date no version of the "
           "maker has.")],
        [_("Sheet \"lines\": row 1 names the columns (their order does not matter), every other row is a line:")],
        ["kind", _("labour, distance or part_handling")],
        ["category", _("a product category below, or * for every category without a line of its own")],
        ["level", _("labour: minor, medium or major")],
        ["km_from, km_to", _("distance: the band of kilometres (more than km_from, up to km_to); a category's "
                             "bands go up without overlapping")],
        ["part_no", _("part_handling: the part number, or its beginning followed by * (BX-* is every part "
                      "whose number begins BX-)")],
        ["amount", _("what the maker pays for the line")],
        ["return_part", _("part_handling: yes when the maker wants the old part back")],
        [],
        [_("An import is refused as a whole when any row has a problem; every problem is listed and nothing "
           "is changed.")],
        [],
        [_("Categories"), _("Label")],
    ]
    rows += [[key, _(rule.label)] for key, rule in load_category_rules().items()]
    rows += [[], [_("Levels")]] + [[key, _(label)] for key, label in LEVELS.items()]
    return rows


def export_standard(session: Session, path: str | Path, maker_code: str, standard_id: int | None = None) -> Path:
    """Write a version of the maker's standard (default: the one in force
    today, else its first; with none yet, a template to fill in) to
    ``path`` as .xlsx."""
    # Here, not at the top: openpyxl loads only when a workbook is written.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    # Here, not at the top: openpyxl loads only when a workbook is written.
    from frontdesk.headoffice.xlsx import save

    maker = find_maker(session, maker_code)
    if standard_id is None:
        current = standard_in_force(session, maker.id, clock.now().date()) or session.scalar(
            select(MakerStandard).where(MakerStandard.maker_id == maker.id)
            .order_by(MakerStandard.effective_from).limit(1))
        draft = standard_draft(session, current.id) if current is not None else _template(maker)
    else:
        standard = session.get(MakerStandard, standard_id)
        if standard is None or standard.maker_id != maker.id:
            raise NotFound(_("{code} has no standard {id}: see 'frontdesk makers list'.").format(
                code=maker.code, id=standard_id))
        draft = standard_draft(session, standard_id)

    wb = Workbook()
    about = wb.active
    assert about is not None
    about.title = ABOUT_SHEET
    for row in _about_rows():
        about.append(row)
    about["A1"].font = Font(bold=True, size=14)
    about.column_dimensions["A"].width = 18
    about.column_dimensions["B"].width = 60

    head = wb.create_sheet(STANDARD_SHEET)
    head.append(["field", "value"])
    values = {"maker": draft.maker, "name": draft.name, "effective_from": draft.effective_from,
              "claim_days": draft.claim_days, "return_days": draft.return_days, "appeal_days": draft.appeal_days,
              "note": draft.note}
    for key in HEAD_FIELDS:
        head.append([key, values[key]])
    head.cell(row=HEAD_FIELDS.index("effective_from") + 2, column=2).number_format = "yyyy-mm-dd"
    head.column_dimensions["A"].width = 16
    head.column_dimensions["B"].width = 40
    for cell in head[1]:
        cell.font = Font(bold=True)

    ws = wb.create_sheet(LINES_SHEET)
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for line in draft.lines:
        cells = {"kind": line.kind, "category": line.category, "level": line.level, "km_from": line.km_from,
                 "km_to": line.km_to, "part_no": line.part_no,
                 "amount": round_money(line.amount) if line.amount is not None else None,
                 "return_part": ("yes" if line.return_part else "no") if line.kind == PART_HANDLING else "",
                 "description": line.description}
        ws.append([cells[c] if cells[c] != "" else None for c in COLUMNS])
    for n, column in enumerate(COLUMNS, start=1):
        letter = ws.cell(row=1, column=n).column_letter
        ws.column_dimensions[letter].width = 36 if column == "description" else 14
        if column == "amount":
            for (cell,) in ws.iter_rows(min_row=2, min_col=n, max_col=n):
                cell.number_format = "0.00"
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    return save(wb, out)  # under a temporary name, then renamed: a full disk leaves no half file


@dataclass(frozen=True)
class ParsedStandard:
    """A standard's workbook read and checked in itself (:func:`parse_import`),
    ready to be stored (:func:`store_import`)."""

    path: Path
    draft: StandardDraft
    origins: list[int]  # each line's row on the lines sheet
    head_rows: dict[str, int]  # each field's row on the standard sheet


def read_standard_workbook(path: str | Path) -> tuple[StandardDraft, list[int], dict[str, int], list[Problem]]:
    """Parse a workbook: the draft, each line's row, the rows of the head's
    fields, and the problems of form (not a workbook, a sheet or column
    missing or unknown, a cell that is not a number, date or yes/no).  What
    the values mean is checked by :func:`check_standard`."""
    source = Path(path)
    problems: list[Problem] = []
    draft = StandardDraft(maker="", name="", effective_from=None)
    origins: list[int] = []
    head_rows: dict[str, int] = {}
    try:
        # Every limit of a workbook from outside (size, rows, time): docs/rules.md#workbooks-read-from-outside
        with workbook_guard.open_workbook(source, workbook_guard.MAKER_STANDARD) as wb:
            names = wb.sheetnames
            for name in names:
                if name not in SHEETS:
                    problems.append(Problem(name, 0, "", _("Unknown sheet: the sheets are {sheets}.").format(
                        sheets=", ".join(SHEETS))))
            check_format_version(wb, names, FORMAT_VERSION, problems)
            for sheet in (STANDARD_SHEET, LINES_SHEET):
                if sheet not in names:
                    problems.append(Problem(sheet, 0, "", _("The sheet is missing.")))
            if STANDARD_SHEET in names:
                _read_head(wb.rows(STANDARD_SHEET, max_col=2), draft, head_rows, problems)
            if LINES_SHEET in names:
                _read_lines(wb.rows(LINES_SHEET), draft, origins, problems)
    except workbook_guard.UnsafeWorkbook as exc:
        # Refused as a whole: what was read before the limit was reached is dropped.
        return (StandardDraft(maker="", name="", effective_from=None), [], {},
                [Problem(source.name, 0, "", _capital(exc.reason))])
    return draft, origins, head_rows, problems


def _read_head(rows: Iterator[tuple[Any, ...]], draft: StandardDraft, head_rows: dict[str, int],
               problems: list[Problem]) -> None:
    for n, row in enumerate(rows, start=1):
        if not row or row[0] is None or n == 1:  # row 1: the titles
            continue
        key = _text(row[0]).lower()
        value = row[1] if len(row) > 1 else None
        if key not in HEAD_FIELDS:
            problems.append(Problem(STANDARD_SHEET, n, "field", _("Unknown field {field}: the fields are {fields}.")
                                    .format(field=_text(row[0]), fields=", ".join(HEAD_FIELDS))))
            continue
        if key in head_rows:
            problems.append(Problem(STANDARD_SHEET, n, "field", _("The field {field} is given twice (rows {first} "
                                    "and {row}).").format(field=key, first=head_rows[key], row=n)))
            continue
        head_rows[key] = n
        if key == "effective_from":
            day = _cell_date(value)
            if isinstance(day, str):
                problems.append(Problem(STANDARD_SHEET, n, "value", day))
            else:
                draft.effective_from = day
        elif key in DAY_FIELDS:
            number = _cell_number(value)
            if isinstance(number, str):
                problems.append(Problem(STANDARD_SHEET, n, "value", number))
            elif number is not None and number != number.to_integral_value():
                problems.append(Problem(STANDARD_SHEET, n, "value", _(
                    "A whole number of days from 1 to {max} is needed.").format(max=MAX_DAYS)))
            elif number is not None:
                setattr(draft, key, int(number) if abs(number) < 10**6 else MAX_DAYS + 1)
        else:
            setattr(draft, key, _text(value))


def _read_lines(rows: Iterator[tuple[Any, ...]], draft: StandardDraft, origins: list[int],
                problems: list[Problem]) -> None:
    for n, cell in table_rows(rows, LINES_SHEET, COLUMNS, OPTIONAL_COLUMNS, problems, unknown_refused=True):
        numbers: dict[str, Decimal | None] = {}
        for column in ("amount", "km_from", "km_to"):
            value = _cell_number(cell(column))
            if isinstance(value, str):
                problems.append(Problem(LINES_SHEET, n, column, value))
                value = None
            numbers[column] = value
        flag = _cell_yes_no(cell("return_part"))
        if isinstance(flag, str):
            problems.append(Problem(LINES_SHEET, n, "return_part", flag))
            flag = None
        draft.lines.append(StandardLineDraft(
            kind=_text(cell("kind")).lower(), amount=numbers["amount"],
            category=_text(cell("category")) or ANY_CATEGORY, level=_text(cell("level")),
            km_from=numbers["km_from"], km_to=numbers["km_to"], part_no=_text(cell("part_no")),
            return_part=bool(flag), description=_text(cell("description"))))
        origins.append(n)


def parse_import(path: str | Path) -> ParsedStandard:
    """Read and check a workbook with no database at all: the file is read
    (within the limits of docs/rules.md#workbooks-read-from-outside) before
    any transaction begins.  :class:`StandardRefused` lists every problem
    of form and meaning."""
    draft, origins, head_rows, problems = read_standard_workbook(path)
    unreadable = any(p.row == 0 and p.sheet == Path(path).name for p in problems)
    if not unreadable:
        # One message per cell: a cell the parse could not read is not also "missing".
        seen = {(p.sheet, p.row, p.column) for p in problems}
        # A sheet whose titles were refused was not read: it is not also "with no lines".
        seen |= {(p.sheet, 0, "") for p in problems if p.row <= 1}
        problems += [p for p in check_standard(_tidy(draft), origins, head_rows)
                     if (p.sheet, p.row, p.column) not in seen]
    if problems:
        raise StandardRefused(problems)
    return ParsedStandard(Path(path), draft, origins, head_rows)


def store_import(session: Session, actor: Actor, parsed: ParsedStandard, approver: Actor | None = None,
                 now: datetime | None = None) -> MakerStandard:
    """Save a parsed workbook as a new version (a manager's act), in the
    caller's short write transaction: only the checks against the database
    and the rows' insert happen there."""
    return save_standard(session, actor, parsed.draft, approver, now=now, _origins=parsed.origins,
                         _head_rows=parsed.head_rows, _source=f"workbook {parsed.path.name}")


__all__ = [
    "COLUMNS", "DISTANCE", "HEAD_FIELDS", "KINDS", "LABOUR", "PART_HANDLING", "MakerSummary", "ParsedStandard",
    "StandardDraft", "StandardLineDraft", "StandardRefused", "StandardSummary", "check_against_database",
    "check_standard", "export_standard", "find_maker", "list_makers", "list_standards", "normalize_maker_code",
    "parse_import", "read_standard_workbook", "save_maker", "save_standard", "standard_draft", "store_import",
]
