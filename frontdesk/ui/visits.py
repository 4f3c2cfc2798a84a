"""A day's visits grouped by area, and giving an area to one technician."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QTreeWidgetItem, QWidget

from frontdesk import clock, technicians
from frontdesk.i18n import _, ngettext
from frontdesk.intake import visits
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import show_inline
from frontdesk.ui.fields import parse_day
from frontdesk.ui.generated.visits_ui import Ui_VisitsDialog

STATE_LABELS = {"booked": "", "done": "✓", "cancelled": "✗"}


class VisitsDialog(QDialog):
    changed = Signal()

    def __init__(self, ctx: AppContext, day: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_VisitsDialog()
        self.ui.setupUi(self)
        u = self.ui
        u.tree.setColumnCount(6)
        u.tree.setHeaderLabels([_("Area / time"), _("Ticket"), _("Customer"), _("Phone"), _("Address"), _("Technician")])
        for tid, name in ctx.read(lambda s: technicians.technician_names(s)):
            u.technicianCombo.addItem(name, tid)
        u.prevButton.clicked.connect(lambda: self.shift(-1))
        u.nextButton.clicked.connect(lambda: self.shift(1))
        u.todayButton.clicked.connect(lambda: self.set_day(clock.now().date()))
        u.dayEdit.returnPressed.connect(self.load)
        u.tree.currentItemChanged.connect(self._selected)
        u.assignButton.clicked.connect(self.assign)
        u.closeButton.clicked.connect(self.accept)
        self.set_day(day or clock.now().date())

    def day(self) -> date | None:
        try:
            return parse_day(self.ui.dayEdit.text())
        except ValueError as exc:
            show_inline(self.ui.messageLabel, str(exc))
            return None

    def set_day(self, day: date) -> None:
        self.ui.dayEdit.setText(day.isoformat())
        self.load()

    def shift(self, days: int) -> None:
        day = self.day()
        if day is not None:
            self.set_day(day + timedelta(days=days))

    def load(self) -> None:
        day = self.day()
        if day is None:
            return
        self.ui.messageLabel.clear()
        plan = self.ctx.read(lambda s: visits.day_plan(s, day))
        tree = self.ui.tree
        tree.clear()
        total = 0
        for group in plan:
            title = group.area or _("(no area)")
            suggestion = _("suggested: {name}").format(name=group.suggested_technician) if group.suggested_technician else ""
            top = QTreeWidgetItem([f"{title}  ({len(group.visits)})", "", "", "", suggestion, ""])
            top.setData(0, Qt.ItemDataRole.UserRole, (group.area, group.suggested_technician_id))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for v in group.visits:
                child = QTreeWidgetItem([
                    f"{v.window_start:%H:%M}–{v.window_end:%H:%M} {STATE_LABELS.get(v.state, v.state)}", v.number,
                    v.customer, v.phone, v.address, v.technician])
                child.setData(0, Qt.ItemDataRole.UserRole, (group.area, group.suggested_technician_id))
                top.addChild(child)
                total += 1
            tree.addTopLevelItem(top)
            top.setExpanded(True)
        for col in range(tree.columnCount()):
            tree.resizeColumnToContents(col)
        self.ui.countLabel.setText(_("{visits} in {areas}").format(
            visits=ngettext("{count} visit", "{count} visits", total).format(count=total),
            areas=ngettext("{count} area", "{count} areas", len(plan)).format(count=len(plan))))
        if tree.topLevelItemCount():
            tree.setCurrentItem(tree.topLevelItem(0))

    def _selected(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        if item is None:
            return
        _area, suggested = item.data(0, Qt.ItemDataRole.UserRole)
        if suggested is not None:
            self.ui.technicianCombo.setCurrentIndex(max(0, self.ui.technicianCombo.findData(suggested)))

    def assign(self) -> None:
        item = self.ui.tree.currentItem()
        day = self.day()
        tech = self.ui.technicianCombo.currentData()
        if item is None or day is None or tech is None:
            show_inline(self.ui.messageLabel, _("Select an area and a technician first."))
            return
        area, _suggested = item.data(0, Qt.ItemDataRole.UserRole)
        actor = self.ctx.actor
        changed = self.ctx.write(lambda s, _a: visits.assign_area(s, actor, day, area, tech), self, self.ui.messageLabel)
        if changed is None:
            return
        self.load()
        show_inline(self.ui.messageLabel, ngettext("{count} visit given to {name}.", "{count} visits given to {name}.",
                                                   changed).format(
            count=changed, name=self.ui.technicianCombo.currentText()), ok=True)
        self.changed.emit()
