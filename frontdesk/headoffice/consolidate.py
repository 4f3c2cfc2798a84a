"""Consolidation for head office: many shops' workbooks into one.

Every file is checked before anything is written: it must be an .xlsx
workbook with exactly the export's sheets, a ``schema`` sheet naming this
format and version, the columns (keys, types, units) this program writes,
and header rows that match the titles its schema sheet gives.  It must also
agree with itself: its summary with its own tickets and receipts, and its
receipt numbers without holes per year (a number a restore took back is a
row of status "withdrawn": explained, not a hole; docs/rules.md#consolidation),
and each claim's short its claimed less paid.  A
file that is not such a workbook, was edited into another shape or
disagrees with itself is refused with the file and the reason (the sheet and
cell where it can be named).  Cells are checked against their column's type as
they are copied; a bad cell also refuses the lot and the output file is not
left behind (it is written under a temporary name and renamed at the end).

The result has every shop's rows (with the shop on every sheet), a
``shops`` sheet with one row per file, a ``summary`` adding up the
shops' summaries by day and category, and ``claims_by_maker`` adding up
the claims and old parts per shop and maker
(docs/rules.md#claims-in-the-workbook), and ``figures_by_shop``: the shops
side by side on each service figure, ranked, with a bar chart of the
headline figure on the ``headline`` sheet (docs/rules.md#service-figures).
A workbook of the format before (5, without the figures sheet) is still
read; its shop has no figures.  It is read and written in streaming
modes, so memory stays flat (the check of receipt numbers keeps two
integers a receipt).
"""

from __future__ import annotations

import logging
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter

from frontdesk import clock, i18n, workbook_guard
from frontdesk.claims.service import REJECTED
from frontdesk.errors import FrontDeskError, ValidationError
from frontdesk.figures.catalog import FIGURES, HEADLINE, HIGHER, LOWER
from frontdesk.headoffice.export import ExportCancelled, write_codes, write_schema
from frontdesk.headoffice.schema import (
    BOOL,
    CHAIN_HEAD,
    CLAIMS_BY_MAKER_SHEET,
    CODES_SHEET,
    CURRENCY_UNIT,
    DATA_SHEETS,
    DATE,
    DATETIME,
    DAY_CLOSE,
    EXPORT,
    FIGURES_BY_SHOP_SHEET,
    FIGURES_SHEET,
    FORMAT,
    FORMAT_VERSION,
    HEADLINE_SHEET,
    INT,
    INTEGRITY_SHEET,
    KIND_CONSOLIDATED,
    KIND_SHOP,
    LAST_RECEIPT,
    MONEY,
    NOT_COUNTED,
    NUMBER,
    SCHEMA_SHEET,
    SHEETS,
    SHOPS_SHEET,
    TEXT,
    WORKBOOK_ROW,
    Column,
    consolidated_columns,
)
from frontdesk.headoffice.xlsx import SheetWriter, discard, new_workbook, save
from frontdesk.i18n import _
from frontdesk.money import ZERO

log = logging.getLogger(__name__)

Progress = Callable[[float, str], bool]
EXPECTED_SHEETS = (*SHEETS, SCHEMA_SHEET, CODES_SHEET)
# The formats before this one that are still read, and the sheets they do not have.
FORMER_VERSIONS: dict[str, tuple[str, ...]] = {"5": (FIGURES_SHEET,)}


@dataclass(frozen=True)
class Refusal:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class WorkbookRefused(FrontDeskError):
    """One or more files are not head-office workbooks of this format."""

    def __init__(self, refusals: Sequence[Refusal]) -> None:
        self.refusals = list(refusals)
        super().__init__(_("Nothing was written; refused: {files}").format(
            files="; ".join(str(r) for r in self.refusals)))


@dataclass(frozen=True)
class Integrity:
    """A workbook's integrity sheet: what a later workbook of the shop must
    not go back on."""

    head_id: int | None = None
    head_hash: str = ""
    checkpoints: dict[tuple[date, str], tuple[int, str]] = field(default_factory=dict)  # (day, counter) -> head
    last_receipts: dict[int, tuple[int, str]] = field(default_factory=dict)  # year -> (its number, as shown)
    exports: frozenset[tuple[int, str]] = frozenset()  # the heads the shop's earlier workbooks gave


@dataclass(frozen=True)
class ShopFile:
    path: Path
    meta: dict[str, str]
    titles: dict[str, list[str]]  # per sheet: the header titles its schema gives
    integrity: Integrity = field(default_factory=Integrity)

    @property
    def shop(self) -> str:
        return self.meta["shop_code"]

    def has(self, sheet: str) -> bool:
        """Whether its format has ``sheet`` (a workbook of format 5 has no figures)."""
        return sheet not in FORMER_VERSIONS.get(self.meta.get("format_version", ""), ())


@dataclass(frozen=True)
class ConsolidationResult:
    path: Path
    shops: list[str]
    rows: dict[str, int]


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def read_shop_file(path: Path | str) -> ShopFile:
    """Check one shop's workbook; :class:`WorkbookRefused` says why not."""
    p = Path(path)

    def refuse(reason: str) -> WorkbookRefused:
        return WorkbookRefused([Refusal(p, reason)])

    if not p.is_file():
        raise refuse(_("no such file"))
    with _guarded(p, data_only=False) as wb:
        names = wb.sheetnames

        def check_sheets(absent: tuple[str, ...]) -> None:
            expected = [n for n in EXPECTED_SHEETS if n not in absent]
            if set(names) != set(expected):
                missing = [n for n in expected if n not in names]
                extra = [n for n in names if n not in expected]
                raise refuse(_("not a head-office workbook: sheets missing {missing}, unexpected {extra}").format(
                    missing=", ".join(missing) or "-", extra=", ".join(extra) or "-"))

        check_sheets(() if set(EXPECTED_SHEETS) <= set(names) else FORMER_VERSIONS["5"])
        meta: dict[str, str] = {}
        columns: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
        for row in wb.rows(SCHEMA_SHEET, min_row=2, max_col=6):
            cells = [_text(v) for v in (tuple(row) + (None,) * 6)[:6]]
            if not any(cells):
                continue
            sheet, key, title, type_, unit, value = cells
            if sheet == WORKBOOK_ROW:
                meta[key] = value
            else:
                columns[sheet].append((key, title, type_, unit))
        if meta.get("format") != FORMAT:
            raise refuse(_("the schema sheet does not name the head-office format"))
        if meta.get("format_version") != FORMAT_VERSION and meta.get("format_version") not in FORMER_VERSIONS:
            raise refuse(_("format version {found}, this program reads version {version}").format(
                found=meta.get("format_version") or "?", version=FORMAT_VERSION))
        absent = FORMER_VERSIONS.get(meta["format_version"], ())
        check_sheets(absent)
        if meta.get("kind") != KIND_SHOP:
            raise refuse(_("not one shop's workbook (already consolidated?)"))
        if not meta.get("shop_code") or not meta.get("currency"):
            raise refuse(_("the schema sheet names no shop or currency"))
        titles: dict[str, list[str]] = {}
        for sheet, spec in SHEETS.items():
            if sheet in absent:
                continue
            found = columns.get(sheet, [])
            want = [(c.key, c.type, meta["currency"] if c.unit == CURRENCY_UNIT else c.unit) for c in spec]
            if [(k, t, u) for k, _title, t, u in found] != want:
                raise refuse(_("the schema of sheet {sheet} is not this format's").format(sheet=sheet))
            titles[sheet] = [title for _k, title, _t, _u in found]
            header = next(wb.rows(sheet, min_row=1, max_row=1), ())
            found_titles = [_text(v) for v in header]
            while found_titles and not found_titles[-1]:  # the row is read as wide as the column limit
                found_titles.pop()
            if found_titles != titles[sheet]:
                raise refuse(_("the header row of sheet {sheet} was changed").format(sheet=sheet))
        _check_itself(wb, p, meta)
        integrity = _integrity(wb, p)
    return ShopFile(p, meta, titles, integrity)


def _integrity(wb: Any, path: Path) -> Integrity:
    """The integrity sheet read (one chain head, a checkpoint per day and
    counter, a last receipt number per year)."""

    def refuse(r: int, reason: str) -> WorkbookRefused:
        return WorkbookRefused([Refusal(path, _("sheet {sheet}, row {row}: {reason}").format(
            sheet=INTEGRITY_SHEET, row=r, reason=reason))])

    heads: list[tuple[int, str]] = []
    checkpoints: dict[tuple[date, str], tuple[int, str]] = {}
    last: dict[int, tuple[int, str]] = {}
    exports: set[tuple[int, str]] = set()
    for r, (item, day, counter, rec_id, digest, year, number) in _rows(wb, path, INTEGRITY_SHEET):
        if item == CHAIN_HEAD and rec_id is not None:
            heads.append((rec_id, digest or ""))
        elif item == DAY_CLOSE and day is not None and rec_id is not None:
            key = (_day(day) or date.min, counter or "")
            if key in checkpoints:
                raise refuse(r, _("a second day close of {day} at {counter}").format(day=key[0], counter=key[1]))
            checkpoints[key] = (rec_id, digest or "")
        elif item == LAST_RECEIPT and year is not None:
            match = RECEIPT_NUMBER.search(number or "")
            if match is None or int(match.group(1)) != year:
                raise refuse(r, _("{number} is not a receipt number of {year}").format(number=number or "-", year=year))
            last[year] = (int(match.group(2)), number or "")
        elif item == EXPORT and rec_id is not None:
            exports.add((rec_id, digest or ""))
        else:
            raise refuse(r, _("{item} is not an integrity item").format(item=item or "-"))
    if len(heads) != 1:
        raise WorkbookRefused([Refusal(path, _("the integrity sheet must give the audit trail's head once"))])
    return Integrity(heads[0][0], heads[0][1], checkpoints, last, frozenset(exports))


def _goes_back(earlier: ShopFile, later: ShopFile) -> str | None:
    """Why ``later`` (exported after ``earlier``, same shop) goes back on it:
    its audit trail's head before the earlier one's, or past it without the
    earlier one's export, a day close the earlier one recorded missing or
    different, a year's last receipt number lower.
    None when it does not."""
    was, now = earlier.integrity, later.integrity
    other = earlier.path.name
    if was.head_id is not None and (now.head_id is None or now.head_id < was.head_id):
        return _("its audit trail ends at record #{now}, before #{was} where {other} (exported earlier) ended: "
                 "records were erased (a restore of an older copy?)").format(now=now.head_id, was=was.head_id,
                                                                              other=other)
    if was.head_id is not None and now.head_id == was.head_id and now.head_hash != was.head_hash:
        return _("its audit record #{id} is not the one {other} (exported earlier) ended with: the trail was "
                 "rewritten").format(id=now.head_id, other=other)
    period_end = _iso(later.meta.get("period_to")) or date.max
    for (day, counter), head in sorted(was.checkpoints.items()):
        if day > period_end:
            continue
        found = now.checkpoints.get((day, counter))
        if found is None:
            return _("the day close of {day} at counter {counter} that {other} (exported earlier) recorded is "
                     "missing: history was erased").format(day=day.isoformat(), counter=counter, other=other)
        if found != head:
            return _("the day close of {day} at counter {counter} recorded audit record #{now}, {other} (exported "
                     "earlier) says #{was}: history was rewritten").format(
                day=day.isoformat(), counter=counter, now=found[0], was=head[0], other=other)
    for year, (seq, number) in sorted(was.last_receipts.items()):
        mine = now.last_receipts.get(year)
        if mine is None or mine[0] < seq:
            return _("its last receipt number of {year} is {now}, {other} (exported earlier) already had {was}: "
                     "receipt numbers went back and would be issued twice").format(
                year=year, now=mine[1] if mine else "-", was=number, other=other)
    if (was.head_id is not None and now.head_id is not None and now.head_id > was.head_id
            and (was.head_id, was.head_hash) not in now.exports):
        return _("its audit trail does not hold the export of {other} (which ended at record #{was}): the history "
                 "since was erased and written again (an older copy put back?)").format(other=other, was=was.head_id)
    return None


def check_order(files: Sequence[ShopFile]) -> list[Refusal]:
    """Per shop, its workbooks in the order they were exported: each later
    one checked against every earlier one (docs/rules.md#consolidation)."""
    refusals: list[Refusal] = []
    by_shop: dict[str, list[ShopFile]] = defaultdict(list)
    for f in files:
        by_shop[f.shop].append(f)
    for shop_files in by_shop.values():
        ordered = sorted(shop_files, key=lambda f: (f.meta.get("exported_at", ""), f.meta.get("period_to", "")))
        for n, later in enumerate(ordered):
            for earlier in ordered[:n]:
                reason = _goes_back(earlier, later)
                if reason is not None:
                    refusals.append(Refusal(later.path, reason))
                    break
    return refusals


@contextmanager
def _guarded(path: Path, data_only: bool = False) -> Iterator[workbook_guard.GuardedWorkbook]:
    """The shop's workbook opened within a head-office workbook's limits
    (docs/rules.md#workbooks-read-from-outside); a limit broken is this
    file's refusal."""
    try:
        with workbook_guard.open_workbook(path, workbook_guard.HEAD_OFFICE, data_only=data_only) as wb:
            yield wb
    except workbook_guard.UnsafeWorkbook as exc:
        raise WorkbookRefused([Refusal(path, exc.reason)]) from None


def _typed(col: Column, value: Any) -> Any:
    """The cell as its column's type; ValueError when it is not."""
    if value is None:
        return None
    kind = col.type
    if kind in (MONEY, NUMBER):
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            raise ValueError(col.key)
        try:  # openpyxl reads numbers as floats: the shortest repr is the decimal written
            return Decimal(repr(value) if isinstance(value, float) else str(value)).quantize(Decimal("0.01"))
        except InvalidOperation as exc:
            raise ValueError(col.key) from exc
    if kind == INT:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value:
            raise ValueError(col.key)
        return int(value)
    if kind == BOOL:
        if not isinstance(value, bool):
            raise ValueError(col.key)
        return value
    if kind in (DATE, DATETIME):
        if not isinstance(value, (date, datetime)):
            raise ValueError(col.key)
        return value
    if kind == TEXT:
        if not isinstance(value, str):
            raise ValueError(col.key)
        return value
    raise ValueError(col.key)


def _rows(wb: workbook_guard.GuardedWorkbook, path: Path, sheet: str) -> Iterator[tuple[int, list[Any]]]:
    """The sheet's rows after the header as (row number, typed values);
    blank rows skipped, a cell not of its column's type refused."""
    spec = SHEETS[sheet]
    for r, row in enumerate(wb.rows(sheet, min_row=2, max_col=len(spec)), start=2):
        cells = tuple(row)[:len(spec)]
        if not any(v is not None for v in cells):
            continue
        cells += (None,) * (len(spec) - len(cells))
        try:
            values = [_typed(col, v) for col, v in zip(spec, cells, strict=True)]
        except ValueError as exc:
            raise WorkbookRefused([Refusal(path, _("sheet {sheet}, row {row}: {column} is not a {type}").format(
                sheet=sheet, row=r, column=exc, type={c.key: c.type for c in spec}.get(str(exc), "?")))]) from exc
        yield r, values


def _cell(sheet: str, key: str, row: int) -> str:
    """``summary!G5``: the sheet and cell of column ``key`` on ``row``."""
    column = [c.key for c in SHEETS[sheet]].index(key) + 1
    return f"{sheet}!{get_column_letter(column)}{row}"


def _day(value: Any) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def _check_claims(wb: workbook_guard.GuardedWorkbook, path: Path) -> None:
    """Refuse a claims sheet whose short is not claimed less paid (0 until
    the maker answers)."""
    keys = [c.key for c in SHEETS["claims"]]
    at_claimed, at_paid, at_short = keys.index("amount_claimed"), keys.index("amount_paid"), keys.index("short")
    for r, values in _rows(wb, path, "claims"):
        claimed, paid, short = values[at_claimed] or ZERO, values[at_paid], values[at_short] or ZERO
        expected = claimed - paid if paid is not None else ZERO
        if short != expected:
            raise WorkbookRefused([Refusal(path, _("{cell} says {short} short, claimed {claimed} less paid {paid} "
                                                   "is {expected}").format(
                cell=_cell("claims", "short", r), short=short, claimed=claimed, paid=paid if paid is not None else "-",
                expected=expected))])


RECEIPT_NUMBER = re.compile(r"(\d{4})-(\d+)$")  # R2026-000123: the year and the number in it


def _check_itself(wb: workbook_guard.GuardedWorkbook, path: Path, meta: dict[str, str]) -> None:
    """Refuse a workbook whose summary disagrees with its own rows, or whose
    receipt numbers have a hole (docs/rules.md#consolidation)."""

    def refuse(reason: str) -> WorkbookRefused:
        return WorkbookRefused([Refusal(path, reason)])

    _check_claims(wb, path)
    first, last = _iso(meta.get("period_from")), _iso(meta.get("period_to"))
    # per (day, category): taken in, closed (of the tickets on the sheet), receipts, received
    found: dict[tuple[date | None, str], list[Any]] = defaultdict(lambda: [0, 0, 0, ZERO])
    keys = [c.key for c in SHEETS["tickets"]]
    at_intake, at_close, at_category = keys.index("intake_at"), keys.index("closed_at"), keys.index("category")
    for _r, values in _rows(wb, path, "tickets"):
        if values[at_intake] is not None:
            found[(_day(values[at_intake]), values[at_category] or "")][0] += 1
        closed = _day(values[at_close])
        if closed is not None and (first is None or closed >= first) and (last is None or closed <= last):
            found[(closed, values[at_category] or "")][1] += 1
    keys = [c.key for c in SHEETS["receipts"]]
    at_no, at_issued, at_category = keys.index("receipt_no"), keys.index("issued_at"), keys.index("category")
    at_net, at_status = keys.index("net"), keys.index("status")
    numbers: dict[int, tuple[array[int], array[int]]] = {}  # year -> (numbers, rows): 8 bytes a receipt
    prefixes: dict[int, str] = {}  # year -> what its numbers begin with (R)
    for r, values in _rows(wb, path, "receipts"):
        number = values[at_no] or ""
        match = RECEIPT_NUMBER.search(number)
        if match is None:
            raise refuse(_("{cell}: {number} is not a receipt number").format(
                cell=_cell("receipts", "receipt_no", r), number=number or "-"))
        prefixes.setdefault(int(match.group(1)), number[:match.start()])
        seqs, rows = numbers.setdefault(int(match.group(1)), (array("q"), array("q")))
        seqs.append(int(match.group(2)))
        rows.append(r)
        if values[at_status] not in NOT_COUNTED:
            line = found[(_day(values[at_issued]), values[at_category] or "")]
            line[2] += 1
            line[3] += values[at_net] or ZERO
    for year, (seqs, rows) in sorted(numbers.items()):

        def shown(seq: int, year: int = year) -> str:
            return f"{prefixes[year]}{year}-{seq:06d}"

        order = sorted(range(len(seqs)), key=seqs.__getitem__)
        for before, after in zip(order, order[1:], strict=False):
            if seqs[after] == seqs[before]:
                raise refuse(_("{cell}: receipt number {number} is also on row {row}").format(
                    cell=_cell("receipts", "receipt_no", rows[after]), number=shown(seqs[after]),
                    row=rows[before]))
            if seqs[after] != seqs[before] + 1:
                raise refuse(_("{cell}: receipt numbers of {year} have a hole: {missing} missing between the "
                               "receipts on rows {before} and {after}").format(
                    cell=_cell("receipts", "receipt_no", rows[after]), year=year,
                    missing=_missing(shown(seqs[before] + 1), shown(seqs[after] - 1)), before=rows[before],
                    after=rows[after]))
    claimed: dict[tuple[date | None, str], int] = {}
    for r, (_shop, day, category, _title, opened, closed, receipts, received) in _rows(wb, path, "summary"):
        key = (_day(day), category or "")
        what = f"{key[0]} {key[1]}".strip()
        if key in claimed:
            raise refuse(_("{cell}: a second summary row for {what} (also row {row})").format(
                cell=_cell("summary", "day", r), what=what, row=claimed[key]))
        claimed[key] = r
        has = found.pop(key, [0, 0, 0, ZERO])
        checks = (
            ("tickets_opened", opened or 0, has[0], has[0] != (opened or 0),
             _("{cell} says {claimed} tickets taken in on {what}, its tickets say {found}")),
            ("tickets_closed", closed or 0, has[1], has[1] > (closed or 0),
             _("{cell} says {claimed} tickets closed on {what}, its tickets show {found} closed")),
            ("receipts", receipts or 0, has[2], has[2] != (receipts or 0),
             _("{cell} says {claimed} receipts on {what}, its receipts say {found}")),
            ("amount_received", received or ZERO, has[3], has[3] != (received or ZERO),
             _("{cell} says {claimed} received on {what}, its receipts say {found}")),
        )
        for column, says, counted, wrong, message in checks:
            if wrong:
                raise refuse(message.format(cell=_cell("summary", column, r), claimed=says, what=what,
                                            found=counted))
    for (day, category), (opened, closed, receipts, received) in sorted(
            found.items(), key=lambda item: (item[0][0] or date.min, item[0][1])):
        if opened or closed or receipts or received:
            raise refuse(_("the summary has no row for {what}: its tickets say {opened} taken in and {closed} "
                           "closed, its receipts {receipts} receipts and {received} received").format(
                what=f"{day} {category}".strip(), opened=opened, closed=closed, receipts=receipts,
                received=received))


def _missing(first: str, last: str) -> str:
    return first if first == last else _("{first} to {last}").format(first=first, last=last)


def consolidate(paths: Sequence[Path | str], out: Path | str, progress: Progress | None = None,
                language: str | None = None) -> ConsolidationResult:
    """Merge shops' workbooks into ``out``; see the module docstring."""
    out_path = Path(out)
    if out_path.suffix.lower() != ".xlsx":
        raise ValidationError({"path": _("The workbook's file name must end in .xlsx.")})
    if not paths:
        raise ValidationError({"files": _("Name the shops' workbooks to consolidate.")})
    refusals: list[Refusal] = []
    files: list[ShopFile] = []
    for path in paths:
        if Path(path).resolve() == out_path.resolve():
            refusals.append(Refusal(Path(path), _("is also the output file")))
            continue
        try:
            files.append(read_shop_file(path))
        except WorkbookRefused as exc:
            refusals += exc.refusals
    seen: dict[tuple[str, str, str], Path] = {}
    for f in files:
        key = (f.shop, f.meta.get("period_from", ""), f.meta.get("period_to", ""))
        if key in seen:
            refusals.append(Refusal(f.path, _("the same shop and period as {other}").format(other=seen[key])))
        seen[key] = f.path
    refusals += check_order(files)
    currencies = {f.meta["currency"] for f in files}
    if len(currencies) > 1:
        refusals += [Refusal(f.path, _("money in {currency}, the other files in another currency").format(
            currency=f.meta["currency"])) for f in files]
    if refusals:
        raise WorkbookRefused(refusals)
    currency = files[0].meta["currency"]
    total = len(files) * len(EXPECTED_SHEETS)
    step = 0

    def report(note: str) -> None:
        nonlocal step
        step += 1
        if progress is not None and progress(min(1.0, step / total), note) is False:
            raise ExportCancelled()

    with i18n.using(language) as lang:
        wb = new_workbook()
        try:
            writers, out_summary, shops_sheet = _merge(wb, files, currency, lang, report)
            save(wb, out_path)
        except BaseException:
            discard(wb)
            raise
    rows = {name: w.rows for name, w in writers.items()}
    rows["summary"] = out_summary.rows
    rows[SHOPS_SHEET] = shops_sheet.rows
    log.info("consolidated %d workbooks into %s: %s", len(files), out_path, rows)
    return ConsolidationResult(out_path, [f.shop for f in files], rows)


def _merge(wb: Any, files: Sequence[ShopFile], currency: str, lang: str, report: Callable[[str], None]
           ) -> tuple[dict[str, SheetWriter], SheetWriter, SheetWriter]:
    writers = {name: SheetWriter(wb, name, consolidated_columns(name), currency) for name in DATA_SHEETS}
    summary: dict[tuple[date, str], list[Any]] = defaultdict(lambda: [set(), 0, 0, 0, ZERO])
    per_shop: list[list[Any]] = []
    by_maker: dict[tuple[str, str], list[Any]] = {}
    figures: list[dict[str, Any]] = []
    for f in files:
        counts, received = _copy(f, writers, summary, by_maker, figures, report)
        per_shop.append([f.shop, f.meta.get("shop_name", ""), _iso(f.meta.get("period_from")),
                         _iso(f.meta.get("period_to")), _iso(f.meta.get("overdue_as_of")), f.path.name,
                         *[counts[s] for s in DATA_SHEETS], received, f.integrity.head_id, f.integrity.head_hash])
    out_summary = SheetWriter(wb, "summary", consolidated_columns("summary"), currency, titles=True)
    for (day, category), (shops, opened, closed, receipts, money) in sorted(summary.items()):
        out_summary.append([day, category, len(shops), opened, closed, receipts, money])
    shops_sheet = SheetWriter(wb, SHOPS_SHEET, consolidated_columns(SHOPS_SHEET), currency)
    shops_sheet.extend(per_shop)
    makers_sheet = SheetWriter(wb, CLAIMS_BY_MAKER_SHEET, consolidated_columns(CLAIMS_BY_MAKER_SHEET), currency)
    makers_sheet.extend([shop, maker, *line] for (maker, shop), line in sorted(by_maker.items()))
    ranked = _ranked(figures)
    side_by_side = SheetWriter(wb, FIGURES_BY_SHOP_SHEET, consolidated_columns(FIGURES_BY_SHOP_SHEET), currency,
                               titles=True)
    side_by_side.extend(ranked)
    headline = _headline(wb, ranked, currency)
    for w in (*writers.values(), out_summary, shops_sheet, makers_sheet, side_by_side, headline):
        w.finish()
    sheets = {name: consolidated_columns(name) for name in (*DATA_SHEETS, "summary", SHOPS_SHEET,
                                                            CLAIMS_BY_MAKER_SHEET, FIGURES_BY_SHOP_SHEET,
                                                            HEADLINE_SHEET)}
    meta = {"format": FORMAT, "format_version": FORMAT_VERSION, "kind": KIND_CONSOLIDATED,
            "shop_code": ",".join(f.shop for f in files), "shop_name": "", "currency": currency,
            "period_from": min(f.meta.get("period_from", "") for f in files),
            "period_to": max(f.meta.get("period_to", "") for f in files),
            "exported_at": clock.now().isoformat(timespec="seconds"), "overdue_as_of": _overdue_as_of(files),
            "masked": _masked(files), "language": lang}
    write_schema(wb, sheets, meta, currency)
    write_codes(wb, currency)
    writers[CLAIMS_BY_MAKER_SHEET] = makers_sheet
    writers[FIGURES_BY_SHOP_SHEET] = side_by_side
    writers[HEADLINE_SHEET] = headline
    return writers, out_summary, shops_sheet


def _ranked(figures: Sequence[dict[str, Any]]) -> list[list[Any]]:
    """The ``figures_by_shop`` rows: per month, figure, breakdown and group,
    the shops ranked by their value the better way first (1 the best; equal
    values share a rank, the next rank skips as many), then the shops without
    a value, or without a better way, by shop."""
    lines: dict[tuple[str, str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in figures:
        lines[(row["month"], row["figure"], row["breakdown"], row["group"] or "")].append(row)
    out: list[list[Any]] = []
    for (month, figure, breakdown, group), rows in sorted(lines.items()):
        better = FIGURES[figure].better if figure in FIGURES else None
        valued = sorted((r for r in rows if r["value"] is not None and better in (HIGHER, LOWER)),
                        key=lambda r: (-r["value"] if better == HIGHER else r["value"], r["shop"]))
        rank: dict[str, int] = {}
        for n, r in enumerate(valued):
            rank[r["shop"]] = rank[valued[n - 1]["shop"]] if n and r["value"] == valued[n - 1]["value"] else n + 1
        rest = sorted((r for r in rows if r["shop"] not in rank), key=lambda r: r["shop"])
        for r in [*valued, *rest]:
            out.append([month, figure, breakdown, group, r["shop"], r["value"], r["unit"], r["numerator"],
                        r["denominator"], rank.get(r["shop"]), len(valued) if better else None, better or ""])
    return out


def _headline(wb: Any, ranked: Sequence[list[Any]], currency: str) -> SheetWriter:
    """The ``headline`` sheet: the headline figure of the last month for the
    whole shop, one row per shop (best first), and a bar chart of it."""
    out = SheetWriter(wb, HEADLINE_SHEET, consolidated_columns(HEADLINE_SHEET), currency)
    rows = [r for r in ranked if r[1] == HEADLINE and r[2] == "all"]
    last = max((r[0] for r in rows), default=None)
    for month, _figure, _breakdown, _group, shop, value, _unit, _num, denominator, *_rest in rows:
        if month == last:
            out.append([shop, month, value, denominator])
    if out.rows:
        chart = BarChart()
        chart.type = "col"
        chart.title = f"{FIGURES[HEADLINE].label()} ({last})"
        chart.y_axis.title = _("days")
        chart.x_axis.title = _("Shop")
        chart.add_data(Reference(out.ws, min_col=3, min_row=1, max_row=out.rows + 1), titles_from_data=True)
        chart.set_categories(Reference(out.ws, min_col=1, min_row=2, max_row=out.rows + 1))
        chart.legend = None
        out.ws.add_chart(chart, "F2")
    return out


def _add_claim(by_maker: dict[tuple[str, str], list[Any]], shop: str, sheet: str, values: list[Any]) -> None:
    """A claims or old_parts row counted in its shop and maker's line of
    ``claims_by_maker`` (claims, claimed, paid, short, rejected, late, old
    parts owed, late old parts): short as the Claims page adds it up (a
    rejected claim's is in rejected), a part owed when the maker wants it
    back and it has not shipped."""
    row = dict(zip((c.key for c in SHEETS[sheet]), values, strict=True))
    line = by_maker.setdefault((row["maker"] or "", shop), [0, ZERO, ZERO, ZERO, ZERO, 0, 0, 0])
    if sheet == "claims":
        line[0] += 1
        line[1] += row["amount_claimed"] or ZERO
        line[2] += row["amount_paid"] or ZERO
        if row["state"] == REJECTED:
            line[4] += row["amount_claimed"] or ZERO
        elif row["amount_paid"] is not None:
            line[3] += row["short"] or ZERO
        line[5] += 1 if row["late"] else 0
    elif row["must_return"]:
        line[6] += 1 if row["shipped_on"] is None else 0
        line[7] += 1 if row["late"] else 0


def _iso(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _overdue_as_of(files: Sequence[ShopFile]) -> str:
    """The day the loaners' overdue flags are counted on: one for every
    shop, or each shop's on the shops sheet."""
    days = {f.meta.get("overdue_as_of", "") for f in files}
    return days.pop() if len(days) == 1 else _("per shop: see the shops sheet")


def _masked(files: Sequence[ShopFile]) -> str:
    flags = {f.meta.get("masked", "") for f in files}
    return flags.pop() if len(flags) == 1 else "mixed"


def _copy(f: ShopFile, writers: dict[str, SheetWriter], summary: dict[tuple[date, str], list[Any]],
          by_maker: dict[tuple[str, str], list[Any]], figures: list[dict[str, Any]],
          report: Callable[[str], None]) -> tuple[dict[str, int], Decimal]:
    counts: dict[str, int] = {}
    received = ZERO
    with _guarded(f.path) as wb:
        for sheet in (*DATA_SHEETS, "summary"):
            spec = SHEETS[sheet]
            if not f.has(sheet):
                counts[sheet] = 0
                continue
            add_shop = sheet != "summary" and spec[0].key != "shop"
            n = 0
            for _r, values in _rows(wb, f.path, sheet):
                n += 1
                if sheet == "summary":
                    _shop, day, category, _title, opened, closed, receipts, money = values
                    key = (day.date() if isinstance(day, datetime) else day, category or "")
                    line = summary[key]
                    line[0].add(f.shop)
                    line[1] += opened or 0
                    line[2] += closed or 0
                    line[3] += receipts or 0
                    line[4] += money or ZERO
                    received += money or ZERO
                else:
                    if sheet in ("claims", "old_parts"):
                        _add_claim(by_maker, f.shop, sheet, values)
                    elif sheet == FIGURES_SHEET:
                        figures.append({**dict(zip((c.key for c in spec), values, strict=True)), "shop": f.shop})
                    writers[sheet].append([f.shop, *values] if add_shop else values)
            counts[sheet] = n
            report(_("{shop}: {sheet}").format(shop=f.shop, sheet=sheet))
    return counts, received


__all__ = ["ConsolidationResult", "Integrity", "Refusal", "ShopFile", "WorkbookRefused", "check_order", "consolidate",
           "read_shop_file"]
