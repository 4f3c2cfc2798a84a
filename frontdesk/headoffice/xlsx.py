"""Writing the workbook's sheets in openpyxl's write-only mode: typed cells
(dates as dates, money as numbers with a currency format, counts as
integers), a bold frozen header row, filters on, column widths set.

No cell is ever a formula: text that begins with ``=``, ``+``, ``-`` or ``@``
is stored as a string cell with Excel's quote prefix, so Excel shows it as
text and never evaluates it (openpyxl would otherwise write text beginning
with ``=`` as a formula).
"""

from __future__ import annotations

import contextlib
import logging
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from frontdesk.headoffice.schema import BOOL, DATE, DATETIME, INT, MONEY, NUMBER, Column, code_title
from frontdesk.money import CURRENCY_SYMBOLS
from frontdesk.private_files import new_file

log = logging.getLogger(__name__)

RISKY = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def money_format(currency: str) -> str:
    symbol = CURRENCY_SYMBOLS.get(currency.upper(), currency.upper())
    return f'"{symbol}"#,##0.00;-"{symbol}"#,##0.00'


class SheetWriter:
    """One sheet: the header first, then rows of plain values in the
    columns' order; :meth:`finish` sets the filter over what was written."""

    def __init__(self, wb: Workbook, name: str, columns: Sequence[Column], currency: str,
                 titles: bool = False) -> None:
        """``titles``: rows are given without their title columns; each
        coded column's title is added after it."""
        self.ws: WriteOnlyWorksheet = wb.create_sheet(name)
        self.columns = tuple(columns)
        self.titles = titles and any(c.title_of for c in self.columns)
        self.money = money_format(currency)
        self.rows = 0
        if callable(getattr(self.ws, "_values_to_row", None)):  # openpyxl 3.1's (a later one may have none)
            self.ws._values_to_row = self._cells  # type: ignore[method-assign]
        for n, col in enumerate(self.columns, start=1):
            self.ws.column_dimensions[get_column_letter(n)].width = col.width
        self.ws.freeze_panes = "A2"
        # A style set through ``cell.number_format`` is looked up and copied
        # for every cell; the three formats are made once and shared (a
        # write-only cell's style is never changed after it is written).
        self._styles = {fmt: self._style_of(fmt) for fmt in (self.money, DATETIME_FORMAT, DATE_FORMAT)}
        self._converters = [self._converter(col) for col in self.columns]
        self._sources = self._title_sources() if self.titles else None
        self._given = len(self.columns) - (sum(1 for c in self.columns if c.title_of) if self.titles else 0)
        bold = Font(bold=True)
        header = []
        for col in self.columns:
            cell = self._text(col.header())
            cell.font = bold
            header.append(cell)
        self.ws.append(header)

    def _cells(self, cells: Sequence[Cell | None], row: int) -> Iterator[Cell]:
        """A row's cells placed in it, standing in for openpyxl's write-only
        ``_values_to_row`` on this sheet: every value this sheet appends is
        a cell already made by its column's converter (:meth:`_converter`)
        or None for a blank.  openpyxl tries each value as a cell's value
        first, and a cell is refused as one by an error whose message shows
        the cell: an error made, with the cell's coordinate worked out, for
        every cell in the workbook.  No cell of ours has a hyperlink."""
        for column, cell in enumerate(cells, 1):
            if cell is None:
                continue
            cell.column = column
            cell.row = row
            yield cell

    def _style_of(self, number_format: str) -> Any:
        cell = WriteOnlyCell(self.ws)
        cell.number_format = number_format
        return cell._style

    def _text(self, value: str) -> Any:
        cell = WriteOnlyCell(self.ws, value=value)
        if value.startswith(RISKY):
            cell.data_type = "s"  # never a formula
            cell.quotePrefix = True
        return cell

    def _formatted(self, kind: str, number_format: str) -> Any:
        """The converter of a column of formatted cells (money, dates): one
        cell of the column's style, given each row's value and handed to
        openpyxl again.  A write-only sheet writes a row out as it is
        appended, so the cell is free again for the next row; a cell made
        for every value (and typed from it) was a third of the writing."""
        cell = WriteOnlyCell(self.ws)
        cell._style = self._styles[number_format]
        if kind == MONEY:
            cell.data_type = "n"

            def money(value: Any) -> Any:
                cell._value = value if isinstance(value, Decimal) else Decimal(value)
                return cell
            return money
        cell.data_type = "d"  # the value's own type as openpyxl types it; the format is already a date's
        if kind == DATE:
            def day(value: Any) -> Any:
                if not isinstance(value, date):
                    raise ValueError(f"not a date: {value!r}")
                cell._value = value.date() if isinstance(value, datetime) else value
                return cell
            return day

        def moment(value: Any) -> Any:
            if not isinstance(value, date):  # a datetime is a date too
                raise ValueError(f"not a date: {value!r}")
            cell._value = value
            return cell
        return moment

    def _converter(self, col: Column) -> Any:
        """What a value of ``col`` is written as, chosen once per column (a
        workbook of 100,000 tickets has millions of cells): one cell of the
        column's type, given each row's value as openpyxl would type it
        (:meth:`_formatted`, :meth:`_typed`).  Empty text is no cell at all,
        as a value of None is."""
        kind = col.type
        if kind == MONEY:
            return self._formatted(kind, self.money)
        if kind == DATETIME:
            return self._formatted(kind, DATETIME_FORMAT)
        if kind == DATE:
            return self._formatted(kind, DATE_FORMAT)
        if kind == NUMBER:
            return self._typed("n", Decimal)
        if kind == INT:
            return self._typed("n", int)
        if kind == BOOL:
            return self._typed("b", bool)
        cell = WriteOnlyCell(self.ws)
        cell.data_type = "s"
        check = cell.check_string  # openpyxl's own: at most 32,767 characters, none it cannot write

        def text(value: Any) -> Any:
            t = value if isinstance(value, str) else str(value)
            if not t:
                return None
            if t.startswith(RISKY):
                return self._text(t)
            cell._value = check(t)
            return cell
        return text

    def _typed(self, data_type: str, kind: type) -> Callable[[Any], Any]:
        """The converter of a column of numbers or yes/no: one cell of
        openpyxl's type for them (``n``, ``b``), given each row's value made
        that kind.  Set as openpyxl sets a value it has typed, without
        typing each one again (a sixth of the writing)."""
        cell = WriteOnlyCell(self.ws)
        cell.data_type = data_type

        def typed(value: Any) -> Any:
            cell._value = kind(value)
            return cell
        return typed

    def _title_sources(self) -> list[Any]:
        """For each column of a row given without its title columns
        (each coded column followed by its title): the position of its value in the row
        given, or for a title column a function of the row giving the title
        of its coded column's key, in the language in use (each key's title
        looked up once per sheet)."""
        given = {c.key: n for n, c in enumerate(c for c in self.columns if not c.title_of)}
        sources: list[Any] = []
        for col in self.columns:
            if not col.title_of:
                sources.append(given[col.key])
                continue
            codes = next(c for c in self.columns if c.key == col.title_of).codes
            sources.append(self._titles(given[col.title_of], codes))
        return sources

    @staticmethod
    def _titles(at: int, codes: str) -> Callable[[Sequence[Any]], str]:
        known: dict[Any, str] = {}

        def title(row: Sequence[Any]) -> str:
            key = row[at]
            if key is None or key == "":
                return ""
            text = known.get(key)
            if text is None:
                text = known[key] = code_title(codes, str(key))
            return text
        return title

    def append(self, values: Sequence[Any]) -> None:
        if len(values) != self._given:
            raise ValueError(f"{len(values)} values for {self._given} columns")
        if self._sources is not None:
            values = [values[at] if isinstance(at, int) else at(values) for at in self._sources]
        self.ws.append([None if v is None else f(v) for f, v in zip(self._converters, values, strict=True)])
        self.rows += 1

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.append(row)

    def finish(self) -> None:
        last = get_column_letter(len(self.columns))
        self.ws.auto_filter.ref = f"A1:{last}{self.rows + 1}"


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def save(wb: Workbook, path: Path) -> Path:
    """Save to a temporary name beside ``path``, then rename: a reader never
    sees half a file, and a failure leaves none behind."""
    part = path.with_name(path.name + ".part")
    try:
        wb.save(str(new_file(part)))  # 0600 from its first byte: docs/rules.md#private-files
        part.replace(path)
    except BaseException as exc:
        _close_archives(exc.__traceback__)
        raise
    finally:
        part.unlink(missing_ok=True)
    return path


def _close_archives(tb: TracebackType | None) -> None:
    """Close the zip openpyxl was writing when it failed (a full disk): left
    to the garbage collector, its second failure to close would print a
    traceback at the person after the plain message."""
    while tb is not None:
        for value in list(tb.tb_frame.f_locals.values()):
            if isinstance(value, zipfile.ZipFile):
                with contextlib.suppress(Exception):
                    value.close()
                with contextlib.suppress(Exception):
                    if value.fp is not None:
                        value.fp.close()
        tb = tb.tb_next


def discard(wb: Workbook) -> None:
    """Drop a workbook that will not be saved (a cancel, a refused file):
    close each sheet's stream and remove its temporary file now, rather
    than leave half-written streams to the garbage collector."""
    for ws in wb.worksheets:
        try:
            if not ws.closed:
                ws.close()
            writer = getattr(ws, "_writer", None)  # openpyxl keeps the sheet's temporary file there
            if writer is not None:
                writer.cleanup()
        except Exception:  # cleaning up after a failure must not hide it
            log.debug("could not clean up sheet %s", ws.title, exc_info=True)


__all__ = ["SheetWriter", "discard", "money_format", "new_workbook", "save"]
