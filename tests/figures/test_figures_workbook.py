"""The service figures in the head-office workbook (format 6): the figures
sheet is what compute() gives for the same months, and consolidation lays
three shops side by side, ranks them the better way and charts the
headline figure."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from frontdesk import settings
from frontdesk.billing.models import Quote
from frontdesk.db.engine import Database
from frontdesk.db.models import RepairRecord
from frontdesk.figures.catalog import HEADLINE
from frontdesk.figures.service import Period, by_month
from frontdesk.headoffice import schema
from frontdesk.headoffice.consolidate import WorkbookRefused, consolidate
from frontdesk.headoffice.export import export_workbook
from frontdesk.users import Actor
from tests.conftest import seed_users
from tests.figures.october import NOW, Shop, build

D = Decimal


def sheet_rows(path: Path, sheet: str, columns: tuple[schema.Column, ...]) -> list[dict[str, Any]]:
    wb = load_workbook(str(path), read_only=True)
    try:
        out = []
        for row in wb[sheet].iter_rows(min_row=2, max_col=len(columns), values_only=True):  # blank cells as None
            if any(v is not None for v in row):
                out.append(dict(zip((c.key for c in columns), row, strict=False)))
        return out
    finally:
        wb.close()


def number(value: Any) -> Decimal | None:
    return None if value is None else Decimal(repr(value) if isinstance(value, float) else str(value))


@pytest.mark.parametrize("first, last", [(date(2026, 10, 1), date(2026, 10, 31)), (date(2026, 9, 20), date(2026, 11, 2))])
def test_the_figures_sheet_is_what_compute_gives(db: Database, users: tuple[Actor, Actor], tmp_path: Path,
                                                 first: date, last: date) -> None:
    build(db, users[0])
    path = export_workbook(db, None, tmp_path / "shop.xlsx", first, last, now=NOW).path
    rows = sheet_rows(path, "figures", schema.SHEETS["figures"])
    with db.read() as s:
        months = by_month(s, Period(first, date.fromordinal(last.toordinal() + 1)), now=NOW)
    expected = [(m.period.label, v.key, v.breakdown, v.group, v.value, v.unit, v.numerator, v.denominator, m.as_of)
                for m in months for v in m.values]
    found = [(r["month"], r["figure"], r["breakdown"], r["group"] or "", number(r["value"]), r["unit"],
              number(r["numerator"]), r["denominator"], r["as_of"]) for r in rows]
    assert found == expected
    assert len({r["shop"] for r in rows}) == 1
    bill = next(r for r in rows if r["figure"] == "average_bill" and r["breakdown"] == "all"
                and r["month"] == "2026-10")
    assert (bill["figure_title"], bill["breakdown_title"], bill["group_title"]) == ("Average bill", "All", "All")
    assert (number(bill["value"]), number(bill["numerator"]), bill["denominator"]) == (D("181.67"), D("363.33"), 2)


def _shop(tmp_path: Path, sqlite_template: Path, code: str) -> tuple[Database, Shop]:
    path = tmp_path / f"{code}.sqlite"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    manager, _clerk = seed_users(db)
    shop = build(db, manager)
    with db.write() as s:
        settings.store(s, {"shop_code": code})
    return db, shop


def test_consolidation_ranks_three_shops_on_each_figure(tmp_path: Path, sqlite_template: Path) -> None:
    files = []
    for code, t3_repaired, t5_quote in (("A", datetime(2026, 10, 12, 14), "declined"),  # as built: 2.25 days, 2 of 3
                                        ("B", datetime(2026, 10, 10, 9), "approved"),  # T3 0.04 days: median 1.50; 3 of 3
                                        ("C", datetime(2026, 10, 20, 8), "declined")):  # 4.00 days, 2 of 3
        db, shop = _shop(tmp_path, sqlite_template, code)
        with db.write() as s:
            s.execute(update(RepairRecord).where(RepairRecord.ticket_id == shop.tickets["T3"])
                      .values(recorded_at=t3_repaired))
            if t5_quote == "approved":
                s.execute(update(Quote).where(Quote.ticket_id == shop.tickets["T5"], Quote.state == "declined")
                          .values(state="approved", approved_at=datetime(2026, 10, 25, 10), declined_at=None))
        files.append(export_workbook(db, None, tmp_path / f"{code}.xlsx", date(2026, 10, 1), date(2026, 10, 31),
                                     now=NOW).path)
        db.dispose()
    out = consolidate(files, tmp_path / "all.xlsx").path
    ranked = sheet_rows(out, "figures_by_shop", schema.FIGURES_BY_SHOP)

    def line(figure: str, breakdown: str = "all", group: str = "") -> list[tuple[str, Decimal | None, int | None]]:
        return [(r["shop"], number(r["value"]), r["rank"]) for r in ranked
                if r["figure"] == figure and r["breakdown"] == breakdown and (r["group"] or "") == group]

    assert line("turnaround_repaired_median") == [("B", D("1.50"), 1), ("A", D("2.25"), 2), ("C", D("4.00"), 3)]
    assert line("quote_acceptance") == [("B", D("100.0"), 1), ("A", D("66.7"), 2), ("C", D("66.7"), 2)]
    assert line("average_bill") == [("A", D("181.67"), None), ("B", D("181.67"), None), ("C", D("181.67"), None)]
    assert line("turnaround_repaired_median", "technician", "Tech A") == [
        ("B", D("0.04"), 1), ("A", D("2.25"), 2), ("C", D("4.00"), 3)]
    first = next(r for r in ranked if r["figure"] == "quote_acceptance" and r["shop"] == "B")
    assert (first["ranked"], first["better"], number(first["numerator"]), first["denominator"]) == (3, "higher", D(3), 3)
    headline = sheet_rows(out, "headline", schema.HEADLINE_COLUMNS)
    assert [(r["shop"], number(r["value"])) for r in headline] == [("B", D("1.50")), ("A", D("2.25")),
                                                                   ("C", D("4.00"))]
    assert HEADLINE == "turnaround_repaired_median"
    with zipfile.ZipFile(out) as z:
        assert any(n.startswith("xl/charts/chart") for n in z.namelist())  # a native Excel chart
    every = sheet_rows(out, "figures", schema.consolidated_columns("figures"))
    assert {r["shop"] for r in every} == {"A", "B", "C"}


def test_a_workbook_of_format_5_is_still_consolidated_without_figures(tmp_path: Path, sqlite_template: Path) -> None:
    files = []
    for code in ("A", "B"):
        db, _shop_ids = _shop(tmp_path, sqlite_template, code)
        files.append(export_workbook(db, None, tmp_path / f"{code}.xlsx", date(2026, 10, 1), date(2026, 10, 31),
                                     now=NOW).path)
        db.dispose()
    wb = load_workbook(str(files[0]))  # A as format 5 wrote it: no figures sheet, nor its schema rows
    del wb["figures"]
    wb.save(str(tmp_path / "cut.xlsx"))  # still saying format 6: refused
    with pytest.raises(WorkbookRefused, match="sheets missing figures"):
        consolidate([tmp_path / "cut.xlsx"], tmp_path / "cut-all.xlsx")
    described = wb["schema"]
    for r in range(described.max_row, 1, -1):
        if described.cell(r, 1).value == "figures":
            described.delete_rows(r)
        elif described.cell(r, 2).value == "format_version":
            described.cell(r, 6).value = "5"
    wb.save(str(files[0]))
    out = consolidate(files, tmp_path / "all.xlsx").path
    ranked = sheet_rows(out, "figures_by_shop", schema.FIGURES_BY_SHOP)
    assert {r["shop"] for r in ranked} == {"B"}
    assert all(r["rank"] == 1 for r in ranked if r["figure"] == "turnaround_repaired_median" and r["value"] is not None)
    shops = sheet_rows(out, "shops", schema.SHOPS_COLUMNS)
    assert [(r["shop"], r["figures_rows"]) for r in shops] == [("A", 0), ("B", len(ranked))]
