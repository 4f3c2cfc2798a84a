"""Satisfaction for the manager: the share of returned cards rated
satisfied, per technician or per product category, by week or month; the
chart shows the groups of the period selected in the table (the latest at
first), a bar each, red below 80 %; a click on a bar selects its row."""

from __future__ import annotations

import logging
from decimal import Decimal

from PySide6.QtWidgets import QWidget

from frontdesk.followup import figures
from frontdesk.i18n import N_, _, ngettext
from frontdesk.ui.charts import Bar, BarChart
from frontdesk.ui.context import AppContext
from frontdesk.ui.generated.satisfaction_ui import Ui_SatisfactionScreen
from frontdesk.ui.row_table import RowTableModel, attach, init_range, read_range

log = logging.getLogger(__name__)

GROUPS = (("technician", N_("Technician")), ("category", N_("Product category")), ("all", N_("All cards")))
PERIODS = (("month", N_("Month")), ("week", N_("Week")))
COLUMNS = (("period", N_("Period")), ("group", N_("Group")), ("returned", N_("Cards back")),
           ("satisfied", N_("Rated satisfied")), ("share", N_("Share")))
LOW_SHARE = Decimal("80")  # groups below this share are drawn red


def _text(row: figures.SatisfactionRow, key: str) -> str:
    return {"period": row.period, "group": row.group, "returned": str(row.returned), "satisfied": str(row.satisfied),
            "share": f"{row.share}%"}.get(key, "")


class SatisfactionScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_SatisfactionScreen()
        self.ui.setupUi(self)
        u = self.ui
        self.model = RowTableModel(COLUMNS, _text, None, self,
                                   right_aligned=frozenset({"returned", "satisfied", "share"}))
        attach(u.table, self.model)
        self.chart = BarChart(u.chartGroup)
        self.chart.setObjectName("satisfactionChart")
        self.chart.bar_clicked.connect(self.select_group)
        u.chartLayout.addWidget(self.chart)
        u.splitter.setSizes([450, 650])
        for combo, choices in ((u.groupCombo, GROUPS), (u.periodCombo, PERIODS)):
            for key, title in choices:
                combo.addItem(_(title), key)
            combo.currentIndexChanged.connect(lambda _i: self.load())
        u.table.selectionModel().currentRowChanged.connect(lambda *_a: self.draw())
        init_range(u.fromEdit, u.toEdit, u.showButton, self.load, days=90)
        self.load()

    def load(self) -> bool:
        u = self.ui
        days = read_range(u.fromEdit, u.toEdit, u.messageLabel)
        if days is None:
            return False
        group_by, period = u.groupCombo.currentData(), u.periodCombo.currentData()
        rows = self.ctx.read(lambda s: figures.satisfaction(s, days[0], days[1], group_by=group_by, period=period))
        self.model.columns = tuple((key, dict(GROUPS)[group_by] if key == "group" else title) for key, title in COLUMNS)
        self.model.set_rows(rows)
        returned, satisfied = sum(r.returned for r in rows), sum(r.satisfied for r in rows)
        total = figures.SatisfactionRow("", "", returned, satisfied)
        u.countLabel.setText(ngettext("{returned} card back, {share}% satisfied", "{returned} cards back, {share}% satisfied",
                                      returned).format(returned=returned, share=total.share))
        if rows:
            u.table.selectRow(len(rows) - 1)  # the latest period is last
        self.draw()
        return True

    def draw(self) -> None:
        index = self.ui.table.currentIndex()
        row = self.model.row(index.row()) if index.isValid() else None
        rows: list[figures.SatisfactionRow] = self.model.all_rows
        shown = [r for r in rows if row is not None and r.period == row.period]
        self.chart.set_bars([Bar(r.group, r.group, r.share, f"{r.share}% ({r.returned})", low=r.share < LOW_SHARE)
                             for r in shown],
                            title=_("Satisfied share, {period}").format(period=row.period) if row else "",
                            value_title=_("Share") + " (%)", value_max=100,
                            empty_text=_("No returned cards in this range."))

    def select_group(self, group: str) -> None:
        """A click on a bar selects that group's row of the period shown."""
        current = self.model.row(self.ui.table.currentIndex().row())
        for i, r in enumerate(self.model.all_rows[:self.model.shown]):
            if current is not None and r.period == current.period and r.group == group:
                self.ui.table.selectRow(i)

    def refresh(self) -> None:
        self.load()
