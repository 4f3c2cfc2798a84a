"""The workbook's cells as openpyxl's own write-only sheet would make them
from the same values, though the sheet takes the cells it is given ready
(money, dates, text with a quote prefix) without openpyxl's costly refusal
of each as a value first (frontdesk/headoffice/xlsx.py, SheetWriter._cells),
and a column's numbers and text are set on a cell of their type without
openpyxl typing each value again."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils.exceptions import IllegalCharacterError

from frontdesk.headoffice.schema import BOOL, DATE, DATETIME, INT, MONEY, NUMBER, TEXT, Column
from frontdesk.headoffice.xlsx import DATE_FORMAT, DATETIME_FORMAT, RISKY, SheetWriter, discard, money_format

COLUMNS = (Column("text", "Text"), Column("count", "Count", INT), Column("amount", "Amount", MONEY),
           Column("day", "Day", DATE), Column("at", "At", DATETIME), Column("done", "Done", BOOL),
           Column("rate", "Rate", NUMBER), Column("note", "Note", TEXT))
ROWS: list[list[Any]] = [
    ["张三", 3, Decimal("350.30"), date(2026, 11, 24), datetime(2026, 11, 24, 10, 5), True, Decimal("87.5"), ""],
    ["=SUM(A1)", 0, Decimal("-12.00"), datetime(2026, 11, 25, 9, 0), datetime(2026, 11, 25, 9, 0), False, 0, "@x"],
    [None, None, None, None, None, None, None, None],
    [" spaced ", 12345678901, "0.10", date(2021, 1, 1), datetime(2021, 1, 1), False, Decimal("1E+2"), "-1+2"],
]


def plain_openpyxl(path: Path) -> None:
    """The same sheet written the way openpyxl's documentation shows: a
    cell of its own, typed by openpyxl, for every formatted value."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("s")
    header = []
    for col in COLUMNS:
        cell = WriteOnlyCell(ws, value=col.header())
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    formats = {MONEY: money_format("CNY"), DATE: DATE_FORMAT, DATETIME: DATETIME_FORMAT}
    for row in ROWS:
        cells: list[Any] = []
        for col, value in zip(COLUMNS, row, strict=True):
            if value is None or value == "":  # empty text is a blank cell, as no value is
                cells.append(None)
            elif col.type in formats:
                shown = (Decimal(value) if col.type == MONEY
                         else value.date() if col.type == DATE and isinstance(value, datetime) else value)
                cell = WriteOnlyCell(ws, value=shown)
                cell.number_format = formats[col.type]
                cells.append(cell)
            elif col.type == TEXT and str(value).startswith(RISKY):
                cell = WriteOnlyCell(ws, value=value)
                cell.data_type = "s"
                cell.quotePrefix = True
                cells.append(cell)
            else:
                cells.append({INT: int, BOOL: bool, NUMBER: Decimal}.get(col.type, str)(value))
        ws.append(cells)
    wb.save(str(path))


def cells(path: Path) -> list[tuple[Any, ...]]:
    ws = load_workbook(str(path))["s"]
    return [(c.coordinate, c.value, c.data_type, c.number_format, c.font.b, c.quotePrefix)
            for row in ws.iter_rows() for c in row]


def test_each_cell_is_the_one_openpyxl_makes_of_the_same_value(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    out = SheetWriter(wb, "s", COLUMNS, "CNY")
    out.extend(ROWS)
    wb.save(str(tmp_path / "ours.xlsx"))
    plain_openpyxl(tmp_path / "plain.xlsx")
    ours, plain = cells(tmp_path / "ours.xlsx"), cells(tmp_path / "plain.xlsx")
    assert ours == plain
    by_place = {c[0]: c for c in ours}
    assert by_place["A3"][1:3] == ("=SUM(A1)", "s") and by_place["A3"][5]  # text, never a formula
    assert by_place["C2"][1:4] == (350.3, "n", money_format("CNY"))
    assert by_place["E3"][1:4] == (datetime(2026, 11, 25, 9, 0), "d", DATETIME_FORMAT)
    assert by_place["D3"][1] == datetime(2026, 11, 25)  # a day, though given a moment
    assert by_place["A4"][1] is None and by_place["B5"][1] == 12345678901
    assert by_place["H2"][1:3] == (None, "n")  # empty text: a blank cell


def test_text_that_reads_like_an_excel_error_stays_text(tmp_path: Path) -> None:
    """openpyxl would write ``#N/A`` typed by it as an error cell; a
    customer's or clerk's text is text, whatever it says."""
    wb = Workbook(write_only=True)
    out = SheetWriter(wb, "s", COLUMNS, "CNY")
    out.append(["#N/A", 1, None, None, None, None, None, "#DIV/0!"])
    wb.save(str(tmp_path / "errors.xlsx"))
    by_place = {c[0]: c for c in cells(tmp_path / "errors.xlsx")}
    assert by_place["A2"][1:3] == ("#N/A", "s") and by_place["H2"][1:3] == ("#DIV/0!", "s")


def test_a_character_a_workbook_cannot_hold_is_refused_as_openpyxl_refuses_it(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    out = SheetWriter(wb, "s", COLUMNS, "CNY")
    with pytest.raises(IllegalCharacterError):
        out.append(["bell\x07", 1, Decimal("1"), date(2026, 1, 1), datetime(2026, 1, 1), True, 1, ""])
        wb.save(str(tmp_path / "bad.xlsx"))
    discard(wb)  # as the export drops a workbook it will not save
