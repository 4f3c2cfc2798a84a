"""Charts for the screens: a line chart of series over months and a bar
chart of groups, drawn by QtCharts (docs/architecture.md#charts).

The interface knows nothing of the chart library: a caller passes plain
values (``Line`` and ``Bar``, or lists of ``(label, value)``) and translated
titles, and hears of a click through a signal carrying its own keys:

    trend = LineChart(parent)
    trend.point_clicked.connect(lambda key, month: ...)       # ("turnaround", "2026-11")
    trend.set_lines([Line("turnaround", _("Median days"), [("2026-10", 3.5), ("2026-11", 2.9)])],
                    y_title=_("Days"), target=3.0, target_name=_("Target"))

    breakdown = BarChart(parent)
    breakdown.bar_clicked.connect(lambda key: ...)             # the Bar's key, e.g. a technician's id
    breakdown.set_bars([Bar("7", "刘师傅", 95.0, "95.0% (20)"), Bar("9", "陈师傅", 50.0, low=True)],
                       value_title=_("Share (%)"), value_max=100)

QtCharts loads when a chart is first shown, not when the window opens: a
chart on a tab nobody opened costs nothing. Data set while hidden is drawn
at the next show. ``shown_lines()`` / ``shown_bars()`` read back what the
chart draws, from the chart itself, for the tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen, QShowEvent
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem, QLabel, QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtCharts import QAbstractSeries, QChart, QChartView

Number = float | int | Decimal

BAR = QColor("#1565c0")
LOW = QColor("#b00020")
TARGET = QColor("#2e7d32")
# Lines in the order given: blue, orange, green, purple, brown, grey (told apart in print too).
LINE_COLOURS = ("#1565c0", "#e65100", "#2e7d32", "#6a1b9a", "#6d4c41", "#546e7a")
BAR_ROW = 30  # height of one horizontal bar's row


@dataclass(frozen=True)
class Line:
    """One series over months: ``key`` comes back in ``point_clicked``,
    ``name`` is the legend's (translated) text, ``points`` are ``(month,
    value)`` in order; a value of None leaves a gap (a month with nothing to
    count)."""
    key: str
    name: str
    points: Sequence[tuple[str, Number | None]]


@dataclass(frozen=True)
class Bar:
    """One group: ``key`` comes back in ``bar_clicked`` (an id, a code);
    ``label`` is shown beside the bar, ``text`` at its end (the value when
    empty); a ``low`` bar is drawn red."""
    key: str
    label: str
    value: Number
    text: str = ""
    low: bool = False


def as_bars(pairs: Sequence[Bar | tuple[str, Number]]) -> list[Bar]:
    """``(label, value)`` pairs as bars keyed by their label."""
    return [p if isinstance(p, Bar) else Bar(p[0], p[0], p[1]) for p in pairs]


def _number(value: Number) -> float:
    return float(value)


def _text(value: Number, decimals: int) -> str:
    return f"{float(value):.{decimals}f}"


class _Chart(QWidget):
    """What both charts share: the lazily built view, the line said when
    there is nothing to draw, the drawing deferred until shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 160)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("chartEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.layout_.addWidget(self.empty_label)
        self.view: QChartView | None = None
        self.title = ""
        self.empty_text = ""
        self._stale = True
        self._drawn_for: object = None

    def _changed(self, state: object) -> None:
        """Draws anew for ``state`` (all that was set): now if shown, else at
        the next show; not at all when nothing changed (a row selected again)."""
        if state == self._drawn_for and not self._stale:
            return
        self._drawn_for = state
        self._stale = True
        if self.isVisible():
            self.draw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.draw()

    def has_data(self) -> bool:
        raise NotImplementedError

    def draw(self) -> None:
        """Draws now, shown or not (a caller that grabs a hidden chart)."""
        self._stale = False
        if not self.has_data():
            self.empty_label.setText(self.title + ("\n" if self.title and self.empty_text else "") + self.empty_text)
            self.empty_label.show()
            if self.view is not None:
                self.view.hide()
            return
        self.empty_label.hide()
        chart = self._new_chart()
        if self.view is None:
            # Here, not at the top: QtCharts loads when a chart is first shown, not when the window opens.
            from PySide6.QtCharts import QChartView
            self.view = QChartView(chart, self)
            self.view.setObjectName("chartView")
            self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.layout_.addWidget(self.view)
        else:
            old = self.view.chart()
            self.view.setChart(chart)
            old.deleteLater()
        self.view.show()
        self._fill(chart)

    def _new_chart(self) -> QChart:
        # Here, not at the top: QtCharts loads when a chart is first shown, not when the window opens.
        from PySide6.QtCharts import QChart
        chart = QChart()
        chart.setTitle(self.title)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.layout().setContentsMargins(0, 0, 0, 0)
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def _fill(self, chart: QChart) -> None:
        raise NotImplementedError

    def _target_series(self, chart: QChart, name: str, points: Sequence[tuple[float, float]]) -> QAbstractSeries:
        # Here, not at the top: QtCharts loads when a chart is first shown, not when the window opens.
        from PySide6.QtCharts import QLineSeries
        line = QLineSeries()
        line.setName(name)
        line.setPen(QPen(TARGET, 2, Qt.PenStyle.DashLine))
        for x, y in points:
            line.append(x, y)
        chart.addSeries(line)
        if not name:
            for marker in chart.legend().markers(line):
                marker.setVisible(False)
        return line

    def shown_tip(self) -> str:
        """The tooltip of what the mouse is over (a point, a bar), empty elsewhere."""
        return self.view.chart().toolTip() if self.view is not None else ""

    def shown_title(self) -> str:
        """The chart's title, or the line said instead of an empty chart."""
        if self.view is not None and self.view.isVisibleTo(self):
            return self.view.chart().title()
        return self.empty_label.text()

    def _on_screen(self, value: QPointF, series: QAbstractSeries) -> QPoint:
        assert self.view is not None
        QApplication.processEvents()  # the layouts settle first: a chart just shown still has its first size
        chart = self.view.chart()
        return self.view.mapFromScene(chart.mapToScene(chart.mapToPosition(value, series)))


class LineChart(_Chart):
    """Series over months. ``point_clicked(key, month)`` on a click on or
    near a line."""

    point_clicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[Line] = []
        self.months: list[str] = []
        self.x_title = self.y_title = self.target_name = ""
        self.target: float | None = None
        self.y_min: float | None = None
        self.y_max: float | None = None
        self.decimals = 1

    def set_lines(self, lines: Sequence[Line], *, title: str = "", x_title: str = "", y_title: str = "",
                  target: Number | None = None, target_name: str = "", y_min: Number | None = 0,
                  y_max: Number | None = None, decimals: int = 1, empty_text: str = "") -> None:
        """The months are those of the lines, in the order first met; the y
        axis runs from ``y_min`` (0 unless None: from the data) to ``y_max``
        (from the data and the target unless given)."""
        self.lines = list(lines)
        self.months = []
        for line in self.lines:
            self.months.extend(m for m, _v in line.points if m not in self.months)
        self.title, self.x_title, self.y_title, self.empty_text = title, x_title, y_title, empty_text
        self.target = None if target is None else _number(target)
        self.target_name = target_name
        self.y_min = None if y_min is None else _number(y_min)
        self.y_max = None if y_max is None else _number(y_max)
        self.decimals = decimals
        self._changed((self.lines, title, x_title, y_title, target, target_name, y_min, y_max, decimals, empty_text))

    def has_data(self) -> bool:
        return any(v is not None for line in self.lines for _m, v in line.points)

    def _range(self) -> tuple[float, float]:
        values = [_number(v) for line in self.lines for _m, v in line.points if v is not None]
        if self.target is not None:
            values.append(self.target)
        low = self.y_min if self.y_min is not None else min(values)
        high = self.y_max if self.y_max is not None else max(values)
        if self.y_max is None:
            high += (high - low) * 0.1 or 1  # room above the highest point
        return low, max(high, low + 1)

    def _fill(self, chart: QChart) -> None:
        # Here, not at the top: QtCharts loads when a chart is first shown, not when the window opens.
        from PySide6.QtCharts import QBarCategoryAxis, QLineSeries, QValueAxis
        x_axis = QBarCategoryAxis()
        x_axis.append(self.months)
        x_axis.setTitleText(self.x_title)
        y_axis = QValueAxis()
        y_axis.setRange(*self._range())
        if self.y_max is None:
            y_axis.applyNiceNumbers()  # ticks at round values
        y_axis.setTitleText(self.y_title)
        y_axis.setLabelFormat(f"%.{self.decimals if self.y_max is None else 0}f")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        index = {m: i for i, m in enumerate(self.months)}
        for n, line in enumerate(self.lines):
            colour = QColor(LINE_COLOURS[n % len(LINE_COLOURS)])
            # A gap (None) breaks the line: each run of months with a value is a series of its own, one legend entry.
            runs: list[list[tuple[int, float]]] = [[]]
            for month, value in line.points:
                if value is None:
                    runs.append([])
                else:
                    runs[-1].append((index[month], _number(value)))
            first = True
            for run in (r for r in runs if r):
                series = QLineSeries()
                series.setName(line.name)
                series.setPen(QPen(colour, 2))
                series.setColor(colour)
                series.setPointsVisible(True)
                for x, y in run:
                    series.append(x, y)
                chart.addSeries(series)
                series.attachAxis(x_axis)
                series.attachAxis(y_axis)
                if not first:
                    for marker in chart.legend().markers(series):
                        marker.setVisible(False)
                first = False
                series.clicked.connect(lambda point, key=line.key: self._clicked(key, point))
                series.hovered.connect(lambda point, state, line=line: self._hovered(chart, line, point, state))
        if self.target is not None and self.months:
            target = self._target_series(chart, self.target_name,
                                         [(-0.5, self.target), (len(self.months) - 0.5, self.target)])
            target.attachAxis(x_axis)
            target.attachAxis(y_axis)
        chart.legend().setVisible(len(self.lines) > 1 or bool(self.target_name and self.target is not None))

    def _month_at(self, point: QPointF) -> str | None:
        i = round(point.x())
        return self.months[i] if 0 <= i < len(self.months) else None

    def _clicked(self, key: str, point: QPointF) -> None:
        month = self._month_at(point)
        if month is not None:
            self.point_clicked.emit(key, month)

    def _hovered(self, chart: QChart, line: Line, point: QPointF, state: bool) -> None:
        # The chart's own tooltip: the view asks the item under the mouse for one and hides any other.
        month = self._month_at(point)
        value = dict(line.points).get(month) if month is not None else None
        chart.setToolTip(f"{line.name}\n{month}: {_text(value, self.decimals)}" if state and value is not None else "")

    def shown_lines(self) -> dict[str, list[tuple[str, float]]]:
        """Each line's name and its drawn points as (month, value), read from
        the chart (the target line under its name, when it has one)."""
        out: dict[str, list[tuple[str, float]]] = {}
        if self.view is None or not self.view.isVisibleTo(self):
            return out
        for series in self.view.chart().series():
            points = [(p.x(), p.y()) for p in series.points()]  # type: ignore[attr-defined]
            out.setdefault(series.name(), []).extend(
                (self.months[int(x)] if float(x).is_integer() and 0 <= x < len(self.months) else "", y)
                for x, y in points)
        return out

    def point_at(self, key: str, month: str) -> QPoint:
        """Where a line's point is in the view (``self.view.viewport()``), for a test's click."""
        assert self.view is not None
        line = next(line for line in self.lines if line.key == key)
        value = dict(line.points)[month]
        assert value is not None
        series = next(s for s in self.view.chart().series() if s.name() == line.name)
        return self._on_screen(QPointF(self.months.index(month), _number(value)), series)

    def shown_axes(self) -> tuple[list[str], str, str]:
        """The month labels under the chart and the two axis titles."""
        if self.view is None:
            return [], "", ""
        chart = self.view.chart()
        x_axis = chart.axes(Qt.Orientation.Horizontal)[0]
        y_axis = chart.axes(Qt.Orientation.Vertical)[0]
        return list(x_axis.categories()), x_axis.titleText(), y_axis.titleText()  # type: ignore[attr-defined]


class BarChart(_Chart):
    """One bar per group, horizontal by default (long names, Chinese too, are
    never cut), with its text at the bar's end and an optional target line.
    ``bar_clicked(key)`` on a click on a bar."""

    bar_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.value_title = self.group_title = self.target_name = ""
        self.target: float | None = None
        self.value_max: float | None = None
        self.horizontal = True
        self.decimals = 1
        self.text_items: list[QGraphicsSimpleTextItem] = []

    def set_bars(self, bars: Sequence[Bar | tuple[str, Number]], *, title: str = "", value_title: str = "",
                 group_title: str = "", target: Number | None = None, target_name: str = "",
                 value_max: Number | None = None, horizontal: bool = True, decimals: int = 1,
                 empty_text: str = "") -> None:
        """Bars in the order given (the first on top, or on the left)."""
        self.bars = as_bars(bars)
        self.title, self.value_title, self.group_title, self.empty_text = title, value_title, group_title, empty_text
        self.target = None if target is None else _number(target)
        self.target_name = target_name
        self.value_max = None if value_max is None else _number(value_max)
        self.horizontal = horizontal
        self.decimals = decimals
        self.updateGeometry()
        self._changed((self.bars, title, value_title, group_title, target, target_name, value_max, horizontal,
                       decimals, empty_text))

    def has_data(self) -> bool:
        return bool(self.bars)

    def sizeHint(self) -> QSize:
        rows = max(len(self.bars), 2)
        return QSize(460, 90 + BAR_ROW * rows) if self.horizontal else QSize(120 + 60 * rows, 320)

    def _order(self) -> list[Bar]:
        # A horizontal bar series draws its first category at the bottom: given in reverse, the first is on top.
        return list(reversed(self.bars)) if self.horizontal else list(self.bars)

    def _fill(self, chart: QChart) -> None:
        # Here, not at the top: QtCharts loads when a chart is first shown, not when the window opens.
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QHorizontalBarSeries, QValueAxis
        bars = self._order()
        values = QBarSet(self.value_title)
        values.setColor(BAR)
        values.setPen(QPen(Qt.PenStyle.NoPen))
        values.setSelectedColor(LOW)
        for bar in bars:
            values.append(_number(bar.value))
        values.selectBars([i for i, bar in enumerate(bars) if bar.low])
        series = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        series.append(values)
        series.setBarWidth(0.6)
        chart.addSeries(series)
        groups = QBarCategoryAxis()
        groups.append([bar.label for bar in bars])
        groups.setTitleText(self.group_title)
        axis = QValueAxis()
        top = max([_number(b.value) for b in bars] + ([self.target] if self.target is not None else []))
        axis.setRange(min(0.0, *(_number(b.value) for b in bars)),
                      self.value_max if self.value_max is not None else (top * 1.15 or 1))
        axis.setTitleText(self.value_title)
        axis.setLabelFormat("%.0f" if self.value_max is not None else f"%.{self.decimals}f")
        chart.addAxis(groups, Qt.AlignmentFlag.AlignLeft if self.horizontal else Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom if self.horizontal else Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(groups)
        series.attachAxis(axis)
        chart.legend().setVisible(False)
        if self.target is not None:
            ends = [(-0.5, self.target), (len(bars) - 0.5, self.target)]
            target = self._target_series(chart, self.target_name,
                                         [(y, x) for x, y in ends] if self.horizontal else ends)
            target.attachAxis(axis)
            target.attachAxis(groups)
            chart.legend().setVisible(bool(self.target_name))
            for marker in chart.legend().markers(series):
                marker.setVisible(False)
        series.clicked.connect(lambda i, _set: self.bar_clicked.emit(bars[i].key))
        # The chart's own tooltip: the view asks the item under the mouse for one and hides any other.
        series.hovered.connect(lambda state, i, _set: chart.setToolTip(
            f"{bars[i].label}: {self._bar_text(bars[i])}" if state else ""))
        # Each bar's text at its end: drawn as items of the chart, placed again whenever the plot area moves.
        self.text_items = [QGraphicsSimpleTextItem(self._bar_text(bar), chart) for bar in bars]
        if self.horizontal:  # room on the right for the longest text at the end of a full bar
            widest = max(QFontMetrics(item.font()).horizontalAdvance(item.text()) for item in self.text_items)
            chart.setMargins(QMargins(4, 4, widest + 12, 4))
        items = self.text_items  # this chart's own: a chart being replaced may still move
        chart.plotAreaChanged.connect(lambda _area: self._place_texts(chart, series, bars, items))
        self._place_texts(chart, series, bars, items)

    def _bar_text(self, bar: Bar) -> str:
        return bar.text or _text(bar.value, self.decimals)

    def _place_texts(self, chart: QChart, series: QAbstractSeries, bars: list[Bar],
                     items: list[QGraphicsSimpleTextItem]) -> None:
        for i, (bar, item) in enumerate(zip(bars, items, strict=True)):
            value = _number(bar.value)
            end = chart.mapToPosition(QPointF(value, i) if self.horizontal else QPointF(i, value), series)
            box = item.boundingRect()
            if self.horizontal:
                item.setPos(end.x() + 6, end.y() - box.height() / 2)
            else:
                item.setPos(end.x() - box.width() / 2, end.y() - box.height() - 2)

    def shown_bars(self) -> list[tuple[str, float, str, bool]]:
        """Each bar as drawn, the first on top: (label, value, the text at its
        end, drawn red), read from the chart."""
        if self.view is None or not self.view.isVisibleTo(self):
            return []
        chart = self.view.chart()
        series = next(s for s in chart.series() if s.type() in (s.SeriesType.SeriesTypeBar,
                                                                  s.SeriesType.SeriesTypeHorizontalBar))
        values = series.barSets()[0]  # type: ignore[attr-defined]
        labels = chart.axes(Qt.Orientation.Vertical if self.horizontal else Qt.Orientation.Horizontal)[0]
        drawn = [(label, values.at(i), self.text_items[i].text(), values.isBarSelected(i))
                 for i, label in enumerate(labels.categories())]  # type: ignore[attr-defined]
        return list(reversed(drawn)) if self.horizontal else drawn

    def bar_at(self, key: str) -> QPoint:
        """The middle of a bar in the view (``self.view.viewport()``), for a test's click."""
        assert self.view is not None
        order = self._order()
        i = next(n for n, bar in enumerate(order) if bar.key == key)
        half = _number(order[i].value) / 2
        series = self.view.chart().series()[0]
        return self._on_screen(QPointF(half, i) if self.horizontal else QPointF(i, half), series)

    def shown_target(self) -> float | None:
        """Where the target line is drawn, if there is one."""
        if self.view is None:
            return None
        for series in self.view.chart().series():
            if series.type() == series.SeriesType.SeriesTypeLine:
                point = series.points()[0]  # type: ignore[attr-defined]
                return float(point.x() if self.horizontal else point.y())
        return None
