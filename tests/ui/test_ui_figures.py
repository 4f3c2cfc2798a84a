"""The Figures screen (docs/rules.md#service-figures) on the October shop
of tests/figures/october.py: what the manager reads equals what the figures
count (every figure, by hand where it matters), the breakdown's bars, the
six months' line, the tickets behind a figure, a bar and a month, and a
period that runs backwards refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from frontdesk import clock
from frontdesk.db.engine import Database
from frontdesk.figures import catalog
from frontdesk.figures import service as figures
from frontdesk.headoffice import schema
from frontdesk.headoffice.export import export_workbook
from frontdesk.ui import figures_screen as fs
from frontdesk.ui.context import AppContext
from frontdesk.ui.figure_tickets import FigureTicketsDialog
from tests.conftest import seed_users
from tests.figures.october import NOW, Shop, build
from tests.figures.test_figures_workbook import number, sheet_rows

OCTOBER = figures.Period.parse_month("2026-10")


@pytest.fixture
def october(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> tuple[AppContext, Shop]:
    manager, _clerk = seed_users(sqlite_db)
    shop = build(sqlite_db, manager)
    monkeypatch.setattr(clock, "now", lambda: NOW)
    return AppContext(sqlite_db, manager, "main"), shop


def _screen(qtbot: QtBot, ctx: AppContext) -> fs.FiguresScreen:
    screen = fs.FiguresScreen(ctx)
    qtbot.addWidget(screen)
    u = screen.ui
    u.periodCombo.setCurrentIndex(u.periodCombo.findData(fs.CUSTOM))
    u.fromEdit.setDate(QDate(2026, 10, 1))
    u.toEdit.setDate(QDate(2026, 10, 31))
    screen.refresh(wait=True)
    return screen


def _rows(screen: fs.FiguresScreen) -> dict[str, tuple[str, str, str]]:
    m = screen.model
    return {m.row(r): tuple(m.data(m.index(r, c)) for c in (1, 2, 3)) for r in range(m.rowCount())}


def _select(screen: fs.FiguresScreen, key: str) -> None:
    screen.ui.table.selectRow(list(catalog.FIGURES).index(key))


def _names(dialog: FigureTicketsDialog, shop: Shop) -> list[tuple[str, str]]:
    labels = {tid: label for label, tid in shop.tickets.items()}
    return [(labels[r.id], "✓" if r.hit else "") for r in dialog.model.all_rows]


def test_the_screen_shows_what_the_figures_count(qtbot: QtBot, october: tuple[AppContext, Shop]) -> None:
    ctx, _shop = october
    screen = _screen(qtbot, ctx)
    rows = _rows(screen)
    assert list(rows) == list(catalog.FIGURES)
    # by hand (tests/figures/test_figures.py): repairs of 4.00, 1.50, 2.25 and 10.00 days; the median is the 2nd
    assert rows["turnaround_repaired_median"][:2] == ("2.25 days", "4 counted")
    assert rows["repeat_30"][:2] == ("33.3%", "1 of 3")
    assert rows["repeat_90"][:2] == ("66.7%", "2 of 3")
    # every value as counted for the same period, and the month before (September) beside it
    counted = ctx.read(lambda s: figures.compute(s, OCTOBER, now=NOW))
    september = ctx.read(lambda s: figures.compute(s, figures.Period.parse_month("2026-09"), now=NOW))
    for key in catalog.FIGURES:
        assert rows[key][0] == fs.value_text(counted.get(key), "CNY"), key
        assert rows[key][1] == fs.counted_text(counted.get(key), "CNY"), key
        assert rows[key][2] == fs.value_text(september.get(key), "CNY"), key
    assert screen.ui.asOfLabel.text().startswith("2026-10: counted on 2026-12-06 09:00; what waits (products, "
                                                 "loaners, claims) as of 2026-11-01 00:00.")


def test_breakdown_bars_the_months_line_and_the_tickets_behind(
        qtbot: QtBot, october: tuple[AppContext, Shop]) -> None:
    ctx, shop = october
    screen = _screen(qtbot, ctx)
    screen.show()
    u = screen.ui
    _select(screen, "turnaround_repaired_median")
    u.breakdownCombo.setCurrentIndex(u.breakdownCombo.findData(catalog.CATEGORY))
    assert [(label, value) for label, value, _t, _low in screen.bars.shown_bars()] == [
        ("Colour TV", 2.25), ("Refrigerator", 1.5)]
    # six months to October; before it nothing was repaired (no point drawn)
    assert screen.trend.shown_lines() == {"Intake to repaired, median": [("2026-10", 2.25)]}
    assert screen.trend.shown_axes()[0] == ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]

    # the figure's tickets: the slowest first
    dialog = screen.open_tickets()
    assert isinstance(dialog, FigureTicketsDialog)
    assert _names(dialog, shop) == [("T5", ""), ("T1", ""), ("T3", ""), ("T2", "")]
    assert dialog.summary.text().endswith("4 tickets counted. Enter opens a ticket.")
    opened: list[int] = []
    screen.open_requested.connect(opened.append)
    dialog.table.selectRow(1)
    dialog.open_ticket(1)
    assert opened == [shop.tickets["T1"]]
    dialog.reject()

    # a bar: the refrigerators' only
    bar = screen.open_tickets(group="refrigerator")
    assert bar is not None and _names(bar, shop) == [("T1", ""), ("T2", "")]
    bar.reject()

    # a share: those counting toward it first, marked
    _select(screen, "repeat_90")
    shares = screen.open_tickets()
    assert shares is not None and _names(shares, shop) == [("T1", "✓"), ("T2", "✓"), ("T3", "")]
    assert "2 count toward the figure (first)" in shares.summary.text()
    shares.reject()

    # a figure not broken down so: said on the chart
    _select(screen, "loaners_overdue")
    assert screen.bars.shown_title() == "Loaners overdue\nThis figure is not broken down by category."


def test_a_month_of_the_line_and_a_period_run_backwards(qtbot: QtBot, october: tuple[AppContext, Shop]) -> None:
    ctx, shop = october
    screen = _screen(qtbot, ctx)
    _select(screen, "turnaround_repaired_median")
    month = screen.open_tickets(month="2026-10")
    assert month is not None and len(month.model.all_rows) == 4
    month.reject()
    u = screen.ui
    u.toEdit.setDate(QDate(2026, 9, 1))  # before the 1st of October
    assert u.messageLabel.text() == "The period ends before it begins: choose the days again."


def test_periods_offered() -> None:
    today = date(2026, 12, 6)  # a Sunday
    assert fs.period_of(fs.THIS_MONTH, today) == figures.Period(date(2026, 12, 1), date(2026, 12, 7))
    assert fs.period_of(fs.LAST_MONTH, today) == figures.Period.parse_month("2026-11")
    assert fs.period_of(fs.THIS_WEEK, today) == figures.Period(date(2026, 11, 30), date(2026, 12, 7))
    assert fs.period_of(fs.LAST_WEEK, today) == figures.Period(date(2026, 11, 23), date(2026, 11, 30))
    assert fs.period_of(fs.CUSTOM, today, date(2026, 10, 5), date(2026, 10, 11)) == figures.Period(
        date(2026, 10, 5), date(2026, 10, 12))
    # compared with the month before a month, else as many days just before
    assert fs.period_before(figures.Period.parse_month("2026-03")) == figures.Period.parse_month("2026-02")
    assert fs.period_before(figures.Period(date(2026, 11, 30), date(2026, 12, 7))) == figures.Period(
        date(2026, 11, 23), date(2026, 11, 30))
    assert fs.period_before(figures.Period(date(2026, 12, 1), date(2026, 12, 7))) == figures.Period(
        date(2026, 11, 25), date(2026, 12, 1))


def test_a_count_dropped_for_a_newer_period_never_shows(qtbot: QtBot, october: tuple[AppContext, Shop]) -> None:
    ctx, _shop = october
    screen = _screen(qtbot, ctx)
    u = screen.ui
    u.toEdit.blockSignals(True)
    u.fromEdit.setDate(QDate(2026, 9, 1))  # September counted, then at once October again
    u.toEdit.blockSignals(False)
    assert screen.refresh()
    u.fromEdit.blockSignals(True)
    u.fromEdit.setDate(QDate(2026, 10, 1))
    u.fromEdit.blockSignals(False)
    assert screen.refresh(wait=True)
    assert screen.counted is not None and screen.counted.period == OCTOBER
    assert [f.period.label for f in screen.counted.trend] == ["2026-05", "2026-06", "2026-07", "2026-08",
                                                              "2026-09", "2026-10"]
    assert _rows(screen)["turnaround_repaired_median"][0] == "2.25 days"


def test_the_workbooks_figures_sheet_is_what_the_screen_shows(
        qtbot: QtBot, october: tuple[AppContext, Shop], tmp_path: Path) -> None:
    """Head office reads in the `figures` sheet what the manager read on the
    screen for the same month: every figure's value and counts, and the
    bars of each breakdown."""
    ctx, _shop = october
    screen = _screen(qtbot, ctx)
    path = export_workbook(ctx.db, None, tmp_path / "shop.xlsx", date(2026, 10, 1), date(2026, 10, 31), now=NOW).path
    sheet = {(r["figure"], r["breakdown"], r["group"] or ""): r
             for r in sheet_rows(path, "figures", schema.SHEETS["figures"]) if r["month"] == "2026-10"}
    rows = _rows(screen)
    for key in catalog.FIGURES:
        cell = sheet[(key, catalog.ALL, "")]
        shown = figures.FigureValue(key, catalog.ALL, "", number(cell["value"]), number(cell["numerator"]),
                                    cell["denominator"])
        assert rows[key][:2] == (fs.value_text(shown, "CNY"), fs.counted_text(shown, "CNY")), key
    screen.show()
    _select(screen, "repeat_90")
    screen.ui.breakdownCombo.setCurrentIndex(screen.ui.breakdownCombo.findData(catalog.TECHNICIAN))
    bars = {label: value for label, value, _t, _low in screen.bars.shown_bars()}
    assert bars == {r["group"]: float(number(r["value"]) or 0) for (key, breakdown, _g), r in sheet.items()
                    if key == "repeat_90" and breakdown == catalog.TECHNICIAN and r["value"] is not None}
    assert bars == {"Tech A": 50.0, "Tech B": 100.0}
