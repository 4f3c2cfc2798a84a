"""The chart widgets (frontdesk/ui/charts.py): what they draw, read back from
the chart, the click that names a series and month or a group, and the chart
library loaded only when a chart is first shown."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.ui.charts import Bar, BarChart, Line, LineChart

ROOT = Path(__file__).resolve().parents[2]


def show(qtbot: QtBot, chart: LineChart | BarChart) -> None:
    qtbot.addWidget(chart)
    chart.resize(640, 360)
    chart.show()
    qtbot.waitExposed(chart)


def test_a_line_chart_of_months_with_a_gap_and_a_target(qtbot: QtBot) -> None:
    chart = LineChart()
    chart.set_lines([Line("median", "Median days", [("2026-09", 3.5), ("2026-10", None), ("2026-11", Decimal("2.9"))]),
                     Line("p90", "90th percentile", [("2026-09", 6.0), ("2026-10", 7.5), ("2026-11", 5.0)])],
                    title="Turnaround", x_title="Month", y_title="Days", target=4, target_name="Promise")
    show(qtbot, chart)
    assert chart.shown_title() == "Turnaround"
    assert chart.shown_axes() == (["2026-09", "2026-10", "2026-11"], "Month", "Days")
    lines = chart.shown_lines()
    # October has no median: the line breaks there, both pieces under one name.
    assert lines["Median days"] == [("2026-09", 3.5), ("2026-11", 2.9)]
    assert lines["90th percentile"] == [("2026-09", 6.0), ("2026-10", 7.5), ("2026-11", 5.0)]
    assert {value for _month, value in lines["Promise"]} == {4.0}

    clicks: list[tuple[str, str]] = []
    chart.point_clicked.connect(lambda key, month: clicks.append((key, month)))
    assert chart.view is not None
    qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton, pos=chart.point_at("p90", "2026-10"))
    qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton, pos=chart.point_at("median", "2026-11"))
    assert clicks == [("p90", "2026-10"), ("median", "2026-11")]
    qtbot.mouseMove(chart.view.viewport(), chart.point_at("p90", "2026-09"))
    assert chart.shown_tip() == "90th percentile\n2026-09: 6.0"


def test_a_bar_chart_of_groups_top_down_with_its_texts_red_and_target(qtbot: QtBot) -> None:
    chart = BarChart()
    chart.set_bars([Bar("t7", "刘师傅", Decimal("95.0"), "95.0% (20)"), Bar("t9", "陈师傅", 50, low=True),
                    ("Washing machine", 82.5)],
                   title="Satisfied share, 2026-11", value_title="Share (%)", value_max=100, target=80)
    show(qtbot, chart)
    assert chart.shown_bars() == [("刘师傅", 95.0, "95.0% (20)", False), ("陈师傅", 50.0, "50.0", True),
                                  ("Washing machine", 82.5, "82.5", False)]
    assert chart.shown_target() == 80.0

    keys: list[str] = []
    chart.bar_clicked.connect(keys.append)
    assert chart.view is not None
    for key in ("t9", "Washing machine", "t7"):
        qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_at(key))
    assert keys == ["t9", "Washing machine", "t7"]
    qtbot.mouseMove(chart.view.viewport(), chart.bar_at("t9"))
    assert chart.shown_tip() == "陈师傅: 50.0"

    # Upright bars keep the order left to right and click the same way.
    chart.set_bars([("2026-10", 3), ("2026-11", 5)], horizontal=False)
    assert [(label, value) for label, value, _text, _red in chart.shown_bars()] == [("2026-10", 3.0), ("2026-11", 5.0)]
    qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_at("2026-11"))
    assert keys[-1] == "2026-11"


def test_nothing_to_draw_says_so(qtbot: QtBot) -> None:
    chart = BarChart()
    chart.set_bars([], title="Satisfied share", empty_text="No returned cards in this range.")
    show(qtbot, chart)
    assert chart.shown_title() == "Satisfied share\nNo returned cards in this range." and chart.shown_bars() == []
    chart.set_bars([("A", 1)], title="Now one")
    assert chart.shown_title() == "Now one" and len(chart.shown_bars()) == 1
    lines = LineChart()
    lines.set_lines([Line("x", "X", [("2026-11", None)])], empty_text="No tickets in these months.")
    show(qtbot, lines)
    assert lines.shown_title() == "No tickets in these months." and lines.shown_lines() == {}


def test_data_set_while_hidden_is_drawn_at_the_show(qtbot: QtBot) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_bars([("A", 1), ("B", 2)])
    assert chart.view is None  # nothing built for a chart nobody sees
    chart.show()
    qtbot.waitExposed(chart)
    assert [label for label, *_rest in chart.shown_bars()] == ["A", "B"]


def test_the_window_does_not_load_the_chart_library_until_a_chart_shows() -> None:
    """Every screen imported and charts given data: QtCharts is still not
    loaded (the window's start stays light); the first chart shown loads it."""
    script = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
import frontdesk.ui.main_window
from frontdesk.ui.charts import BarChart
chart = BarChart()
chart.set_bars([("A", 1)])
assert "PySide6.QtCharts" not in sys.modules, "loaded too early"
chart.show()
app.processEvents()
assert "PySide6.QtCharts" in sys.modules and chart.shown_bars()[0][0] == "A"
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
