"""The service figures for the manager (docs/rules.md#service-figures): a
period (this or last month, this or last week, or the days typed), every
figure with what it counted, the selected figure broken down (by category,
technician, channel or days waiting) as bars and over the last six months
as a line; a figure, a bar or a month opens the tickets behind it.

The figures are counted off the window's thread (:class:`~frontdesk.ui.jobs.Job`),
the period and the six months of the trend one after the other, with a
progress bar and a Cancel button; a period changed while counting drops
the count under way, whose result is never shown."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from frontdesk import clock, settings
from frontdesk.figures import catalog
from frontdesk.figures import service as figures
from frontdesk.i18n import N_, _, ngettext
from frontdesk.money import format_money
from frontdesk.ui.charts import Bar, BarChart, Line, LineChart
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import show_inline
from frontdesk.ui.figure_tickets import FigureTicketsDialog
from frontdesk.ui.generated.figures_ui import Ui_FiguresScreen
from frontdesk.ui.jobs import PENDING, RUNNING, SUCCEEDED, Cancelled, Job, Progress
from frontdesk.ui.row_table import RowTableModel, attach

log = logging.getLogger(__name__)

THIS_MONTH, LAST_MONTH, THIS_WEEK, LAST_WEEK, CUSTOM = "this_month", "last_month", "this_week", "last_week", "custom"
PERIODS: tuple[tuple[str, str], ...] = (
    (THIS_MONTH, N_("This month")),
    (LAST_MONTH, N_("Last month")),
    (THIS_WEEK, N_("This week")),
    (LAST_WEEK, N_("Last week")),
    (CUSTOM, N_("Days chosen")),
)
TREND_MONTHS = 6
COLUMNS = (("figure", N_("Figure")), ("value", N_("Value")), ("counted", N_("Counted from")),
           ("previous", N_("The period before")))


def period_of(choice: str, today: date, first: date | None = None, last: date | None = None) -> figures.Period:
    """The period a choice of the list means on ``today`` (a week starts on
    Monday; this month or week runs to today); ``first``..``last`` (days
    included) for the days chosen."""
    if choice == THIS_MONTH:
        return figures.Period(today.replace(day=1), today + timedelta(days=1))
    if choice == LAST_MONTH:
        return figures.Period.month(today.replace(day=1) - timedelta(days=1))
    monday = today - timedelta(days=today.weekday())
    if choice == THIS_WEEK:
        return figures.Period(monday, today + timedelta(days=1))
    if choice == LAST_WEEK:
        return figures.Period(monday - timedelta(days=7), monday)
    assert first is not None and last is not None
    return figures.Period(first, last + timedelta(days=1))


def period_before(period: figures.Period) -> figures.Period:
    """What a period is compared with: the month before a calendar month,
    else as many days just before it (the week before a week)."""
    if period.start.day == 1 and period.end == figures.Period.month(period.start).end:
        return figures.Period.month(period.start - timedelta(days=1))
    return figures.Period(period.start - (period.end - period.start), period.start)


def value_text(v: figures.FigureValue | None, currency: str) -> str:
    """A figure's value as the manager reads it; "–" when nothing was counted."""
    if v is None or v.value is None:
        return "–"
    unit = catalog.FIGURES[v.key].unit
    if unit == catalog.PERCENT:
        return f"{v.value:.1f}%"
    if unit == catalog.DAYS:
        return _("{n} days").format(n=f"{v.value:.2f}")
    if unit == catalog.MONEY:
        return format_money(v.value, currency)
    return str(int(v.value))


def counted_text(v: figures.FigureValue | None, currency: str) -> str:
    """What a value was counted from: "45 of 52", "52 tickets", "12 bills"."""
    if v is None or v.denominator is None:
        return ""
    unit = catalog.FIGURES[v.key].unit
    if unit == catalog.PERCENT and v.numerator is not None:
        return _("{part} of {whole}").format(part=int(v.numerator), whole=v.denominator)
    if unit == catalog.MONEY and v.numerator is not None and v.key == "average_bill":
        return ngettext("{total} over {n} bill", "{total} over {n} bills", v.denominator).format(
            total=format_money(v.numerator, currency), n=v.denominator)
    return ngettext("{n} counted", "{n} counted", v.denominator).format(n=v.denominator)


@dataclass(frozen=True)
class Counted:
    """What one count brought back: the period's figures and the months of the trend."""

    period: figures.Period
    shown: figures.Figures
    before: figures.Figures | None  # the period before it (period_before), once counted
    trend: tuple[figures.Figures, ...]
    currency: str


class FiguresScreen(QWidget):
    """Emits ``open_requested(ticket_id)`` for a ticket opened from the tickets behind a figure."""

    open_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = u = Ui_FiguresScreen()
        u.setupUi(self)
        self.counted: Counted | None = None
        self.job: Job[Any] | None = None  # the latest count started
        self.generation = 0  # each refresh: a result of an earlier one is dropped
        self.trended = 0  # the refresh whose trend is shown
        self.tickets_dialog: FigureTicketsDialog | None = None
        self.model = RowTableModel(COLUMNS, self._text, None, self, right_aligned=frozenset({"value", "previous"}))
        attach(u.table, self.model)
        header = u.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.bars = BarChart(u.chartsWidget)
        self.trend = LineChart(u.chartsWidget)
        u.chartsLayout.addWidget(self.bars, 3)
        u.chartsLayout.addWidget(self.trend, 2)
        u.splitter.setStretchFactor(0, 6)
        u.splitter.setStretchFactor(1, 5)
        u.splitter.setSizes([600, 500])  # the figures' names readable, the charts beside them
        for key, title in PERIODS:
            u.periodCombo.addItem(_(title), key)
        for key, title in catalog.BREAKDOWNS.items():
            u.breakdownCombo.addItem(_(title), key)
        u.breakdownCombo.setCurrentIndex(u.breakdownCombo.findData(catalog.CATEGORY))
        today = clock.now().date()
        u.fromEdit.setDate(QDate(today.year, today.month, 1))
        u.toEdit.setDate(QDate(today.year, today.month, today.day))
        u.progressBar.hide()
        u.cancelButton.hide()
        u.periodCombo.currentIndexChanged.connect(lambda _i: self._period_chosen())
        u.fromEdit.dateChanged.connect(lambda _d: self.refresh())
        u.toEdit.dateChanged.connect(lambda _d: self.refresh())
        u.breakdownCombo.currentIndexChanged.connect(lambda _i: self.show_charts())
        u.refreshButton.clicked.connect(lambda: self.refresh())
        u.cancelButton.clicked.connect(self.cancel)
        u.ticketsButton.clicked.connect(lambda: self.open_tickets())
        u.table.activated.connect(lambda _i: self.open_tickets())  # Enter or a double click
        u.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self.show_charts())
        self.bars.bar_clicked.connect(lambda group: self.open_tickets(group=group))
        self.trend.point_clicked.connect(lambda _key, month: self.open_tickets(month=month))
        self._period_chosen(count=False)
        self.shown_once = False

    # -- the period --------------------------------------------------------------------------

    def _period_chosen(self, count: bool = True) -> None:
        custom = self.ui.periodCombo.currentData() == CUSTOM
        for widget in (self.ui.fromLabel, self.ui.fromEdit, self.ui.toLabel, self.ui.toEdit):
            widget.setEnabled(custom)
        if count:
            self.refresh()

    def period(self) -> figures.Period | None:
        """The period chosen; None (said) when the days chosen run backwards."""
        u = self.ui
        choice = str(u.periodCombo.currentData() or THIS_MONTH)
        first, last = u.fromEdit.date().toPython(), u.toEdit.date().toPython()
        if choice == CUSTOM and last < first:
            show_inline(u.messageLabel, _("The period ends before it begins: choose the days again."))
            return None
        return period_of(choice, clock.now().date(), first, last)  # type: ignore[arg-type]

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self.shown_once:  # counted when first looked at, not when the window opens
            self.shown_once = True
            self.refresh()

    # -- counting ----------------------------------------------------------------------------

    def refresh(self, wait: bool = False) -> bool:
        """Count the figures of the period chosen (and of the period before)
        in the background, show them, then count the months of the trend
        (the count under way is dropped); ``wait`` (tests, the screenshots)
        blocks until both are shown.  False when the period is refused."""
        period = self.period()
        if period is None:
            return False
        self.ui.messageLabel.clear()
        self.generation += 1
        generation = self.generation
        if self.job is not None and self.job.is_running:
            self.job.cancel()
        db = self.ctx.db
        now = clock.now()

        def work(progress: Progress) -> Counted:
            with db.read() as s:
                return Counted(period, figures.compute(s, period, now=now), None, (),
                               str(settings.get(s, "currency")))

        self._start(work, lambda counted: self._counted(generation, counted))
        if wait:
            deadline = time.monotonic() + 60
            while self.trended != generation and time.monotonic() < deadline and (
                    self.job is not None and self.job.state in (PENDING, RUNNING, SUCCEEDED)):
                QCoreApplication.processEvents()  # the results come through the event loop
                time.sleep(0.005)
        return True

    def _start(self, work: Callable[[Progress], Any], on_success: Callable[[Any], None]) -> None:
        u = self.ui
        u.progressBar.setRange(0, 0)
        u.progressBar.show()
        u.cancelButton.show()
        u.refreshButton.setEnabled(False)
        job: Job[Any] = Job(work, owner=self, on_progress=self._progress, on_done=lambda: self._done(job),
                            on_success=on_success, error_label=self.ui.messageLabel, name="figures")
        self.job = job.start()

    def _progress(self, done: float, total: float, text: str) -> None:
        self.ui.progressBar.setRange(0, int(total))
        self.ui.progressBar.setValue(int(done))
        self.ui.progressBar.setToolTip(text)

    def _done(self, job: Job[Any]) -> None:
        """Before its result: the bar goes (the trend's count brings it back)."""
        if job is not self.job:
            return  # a count dropped for a newer one: the newer one owns the bar
        u = self.ui
        u.progressBar.hide()
        u.cancelButton.hide()
        u.refreshButton.setEnabled(True)

    def cancel(self) -> None:
        if self.job is not None and self.job.is_running:
            self.job.cancel()
            show_inline(self.ui.messageLabel, _("Counting stopped: the figures shown are those counted before."))

    def _counted(self, generation: int, counted: Counted) -> None:
        if generation != self.generation:
            return  # stale: the period changed while it was counting
        self.counted = counted
        selected = self.selected_key()
        rows = list(catalog.FIGURES)
        self.model.set_rows(rows)
        self.ui.table.selectRow(rows.index(selected) if selected in rows else 0)
        self.ui.asOfLabel.setText(_("{period}: counted on {moment}; what waits (products, loaners, claims) as of "
                                    "{as_of}.").format(period=counted.period.label,
                                                       moment=clock.now().strftime("%Y-%m-%d %H:%M"),
                                                       as_of=counted.shown.as_of.strftime("%Y-%m-%d %H:%M")))
        self.show_charts()
        db = self.ctx.db
        now = clock.now()
        earlier = period_before(counted.period)
        months = figures.last_months(TREND_MONTHS, until=counted.period.last_day)

        def work(progress: Progress) -> tuple[figures.Figures, tuple[figures.Figures, ...]]:
            known = {counted.period: counted.shown}
            steps = 1 + len(months)
            with db.read() as s:
                progress.report(0, steps, _("Counting {period}").format(period=earlier.label))
                known[earlier] = before = figures.compute(s, earlier, now=now)
                trend: list[figures.Figures] = []
                for n, month in enumerate(months, start=1):
                    if progress.report(n, steps, _("Counting {period}").format(period=month.label)) is False:
                        raise Cancelled()
                    trend.append(known.get(month) or figures.compute(s, month, now=now))
            return before, tuple(trend)

        self._start(work, lambda found: self._trended(generation, counted, *found))

    def _trended(self, generation: int, base: Counted, before: figures.Figures,
                 trend: tuple[figures.Figures, ...]) -> None:
        """The period before and the months: the comparison column and the line."""
        if generation != self.generation or self.counted is not base:
            return
        self.counted = replace(base, before=before, trend=trend)
        self.trended = generation
        self.model.layoutChanged.emit()  # the period before's column
        self.show_charts()

    # -- what is shown -----------------------------------------------------------------------

    def _text(self, key: str, column: str) -> str:
        c = self.counted
        if c is None:
            return ""
        if column == "figure":
            return catalog.FIGURES[key].label()
        if column == "previous":
            return value_text(c.before.get(key), c.currency) if c.before is not None else "…"
        shown = c.shown.get(key)
        return value_text(shown, c.currency) if column == "value" else counted_text(shown, c.currency)

    def selected_key(self) -> str | None:
        index = self.ui.table.currentIndex()
        key = self.model.row(index.row()) if index.isValid() else None
        return key if isinstance(key, str) else None

    def breakdown(self) -> str:
        return str(self.ui.breakdownCombo.currentData() or catalog.ALL)

    def show_charts(self) -> None:
        """The selected figure by the breakdown chosen (bars) and over the months (a line)."""
        c, key = self.counted, self.selected_key()
        if c is None or key is None:
            return
        spec = catalog.FIGURES[key]
        breakdown = self.breakdown()
        title = spec.label()
        unit = {catalog.DAYS: _("days"), catalog.PERCENT: "%", catalog.MONEY: c.currency}.get(spec.unit, _("count"))
        if breakdown not in spec.breakdowns:
            self.bars.set_bars([], title=title, empty_text=_("This figure is not broken down by {breakdown}.").format(
                breakdown=_(catalog.BREAKDOWNS[breakdown]).lower()))
        else:
            values = [v for v in c.shown.of(key, breakdown) if v.value is not None]
            bars = [Bar(v.group, catalog.group_title(breakdown, v.group), v.value or Decimal(0),
                        f"{value_text(v, c.currency)} ({counted_text(v, c.currency)})") for v in values]
            self.bars.set_bars(bars, title=f"{title} · {_(catalog.BREAKDOWNS[breakdown])}", value_title=unit,
                               value_max=100 if spec.unit == catalog.PERCENT else None,
                               decimals=0 if spec.unit == catalog.COUNT else 1,
                               empty_text=_("Nothing counted in {period}.").format(period=c.period.label))
        points = [(f.period.label, (v.value if (v := f.get(key)) is not None else None)) for f in c.trend]
        self.trend.set_lines([Line(key, title, points)] if any(p is not None for _m, p in points) else [],
                             title=_("The last {n} months").format(n=TREND_MONTHS), y_title=unit,
                             decimals=0 if spec.unit == catalog.COUNT else 1,
                             empty_text=_("Nothing counted in the last {n} months.").format(n=TREND_MONTHS)
                             if c.trend else _("Counting the months…"))

    # -- the tickets behind ------------------------------------------------------------------

    def open_tickets(self, group: str | None = None, month: str | None = None) -> FigureTicketsDialog | None:
        """The tickets the selected figure counted: in the period (or the
        ``month`` of the trend clicked), all or one ``group`` of the
        breakdown (a bar clicked)."""
        c, key = self.counted, self.selected_key()
        if c is None or key is None:
            show_inline(self.ui.messageLabel, _("Select a figure first."))
            return None
        period = c.period
        if month is not None:
            period = next((f.period for f in c.trend if f.period.label == month), period)
        breakdown = self.breakdown() if group is not None else catalog.ALL
        title = catalog.FIGURES[key].label() + " · " + period.label
        if group is not None:
            title += " · " + catalog.group_title(breakdown, group)
        dialog = FigureTicketsDialog(self.ctx, key, period, breakdown, group or "", title, self)
        dialog.open_requested.connect(self.open_requested)
        self.tickets_dialog = dialog
        dialog.open()
        return dialog


__all__ = ["COLUMNS", "Counted", "FiguresScreen", "PERIODS", "counted_text", "period_before", "period_of",
           "value_text"]
