"""The loaner board: the pool by status and category, the loans out (overdue
in red), the pull-backs whose promised return is near, and a scan field:
a tag typed or scanned with Enter offers to lend an available unit or to
take back a lent one."""

from __future__ import annotations

import logging
from datetime import timedelta

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QInputDialog, QTableWidget, QTableWidgetItem, QWidget

from frontdesk import clock
from frontdesk.errors import FrontDeskError
from frontdesk.i18n import N_, _, ngettext
from frontdesk.intake.warranty import category_label, load_category_rules
from frontdesk.loaners import service as loaners
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs import open_modeless
from frontdesk.ui.errors import describe, show_inline
from frontdesk.ui.generated.loaners_ui import Ui_LoanersScreen
from frontdesk.ui.loan_dialogs import LoanDialog, UnitDialog

log = logging.getLogger(__name__)

UNIT_COLUMNS = (N_("Tag"), N_("Category"), N_("Model"), N_("Serial no."), N_("Status"), N_("Ticket"), N_("Due back"),
                N_("Condition"))
OUT_COLUMNS = (N_("Tag"), N_("Ticket"), N_("Customer"), N_("Phone"), N_("Due back"), N_("Days late"), N_("Deposit"))
SLIP_COLUMNS = (N_("Ticket"), N_("Customer"), N_("Phone"), N_("Product"), N_("Promised"), N_("Days left"))
LATE = QBrush(QColor("#b00020"))
SOON = QBrush(QColor("#b26a00"))
DUE_SOON_DAYS = 2


def _fill(table: QTableWidget, columns: tuple[str, ...], rows: list[tuple[str, ...]], brushes: list[QBrush | None]) -> None:
    table.setColumnCount(len(columns))
    table.setHorizontalHeaderLabels([_(c) for c in columns])
    table.verticalHeader().setVisible(False)
    table.setRowCount(len(rows))
    for r, (row, brush) in enumerate(zip(rows, brushes, strict=True)):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if brush is not None:
                item.setForeground(brush)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class LoanersScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_LoanersScreen()
        self.ui.setupUi(self)
        self.units: list[loaners.UnitView] = []
        self.dialog: QDialog | None = None
        u = self.ui
        u.statusCombo.addItem(_("(any)"), None)
        for key in ("available", "lent", "maintenance", "retired"):
            u.statusCombo.addItem(loaners.status_label(key), key)
        u.categoryCombo.addItem(_("(any)"), None)
        for key in load_category_rules():
            u.categoryCombo.addItem(category_label(key), key)
        u.statusCombo.currentIndexChanged.connect(self.load)
        u.categoryCombo.currentIndexChanged.connect(self.load)
        u.scanEdit.returnPressed.connect(self.scanned)
        u.lendButton.clicked.connect(lambda: self.open_loan("lend"))
        u.returnButton.clicked.connect(lambda: self.open_loan("return"))
        u.maintenanceButton.clicked.connect(self.toggle_maintenance)
        u.addUnitButton.clicked.connect(self.add_unit)
        u.editUnitButton.clicked.connect(self.edit_unit)
        u.unitsTable.doubleClicked.connect(lambda _i: self.edit_unit())
        u.retireButton.clicked.connect(self.retire)
        u.labelsButton.clicked.connect(self.print_labels)
        self.load()

    def load(self, *_args: object) -> None:
        u = self.ui
        today = clock.now().date()
        status, category = u.statusCombo.currentData(), u.categoryCombo.currentData()

        def read(s: object) -> tuple[list[loaners.UnitView], list[loaners.LoanView], list[loaners.PullBackView]]:
            return (loaners.list_units(s, status, category), loaners.loans_out(s, today),  # type: ignore[arg-type]
                    loaners.pullbacks_slipping(s, today))  # type: ignore[arg-type]

        self.units, out, slipping = self.ctx.read(read)  # type: ignore[arg-type]
        _fill(u.unitsTable, UNIT_COLUMNS, [
            (v.tag, category_label(v.category), v.model, v.serial, v.status_label, v.ticket_number or "",
             v.due_on.isoformat() if v.due_on else "", v.condition) for v in self.units],
            [LATE if v.due_on and v.due_on < today else None for v in self.units])
        _fill(u.outTable, OUT_COLUMNS, [
            (v.tag, v.ticket_number, v.customer, v.phone, v.due_on.isoformat() if v.due_on else "",
             str(v.days_overdue) if v.days_overdue else "", f"{v.deposit:.2f}" if v.deposit else "") for v in out],
            [LATE if v.days_overdue else SOON if v.due_on and v.due_on <= today + timedelta(days=DUE_SOON_DAYS) else None
             for v in out])
        _fill(u.slipTable, SLIP_COLUMNS, [
            (p.ticket_number, p.customer, p.phone, " ".join(x for x in (category_label(p.category), p.model) if x),
             p.promised_return_on.isoformat(), str(p.days_left)) for p in slipping],
            [LATE if p.days_left < 0 else None for p in slipping])
        late = sum(1 for v in out if v.days_overdue)
        u.countLabel.setText(ngettext("{units} unit, {out} out, {late} overdue", "{units} units, {out} out, {late} overdue",
                                      len(self.units)).format(units=len(self.units), out=len(out), late=late))

    def print_labels(self) -> QDialog | None:
        """Asset-tag labels for the selected units, else for every unit listed
        (retired ones left out), in a print preview."""
        # Here, not at the top: reportlab loads at the first print, not when the window opens.
        from frontdesk.printing import documents
        from frontdesk.ui.print_preview import preview

        rows = sorted({i.row() for i in self.ui.unitsTable.selectionModel().selectedRows()})
        chosen = [self.units[r] for r in rows if 0 <= r < len(self.units)]
        units = chosen or [v for v in self.units if v.status != loaners.RETIRED]
        if not units:
            show_inline(self.ui.messageLabel, _("There are no loaner units to label."))
            return None
        tags = [v.tag for v in units]
        return preview(self.ctx, self, _("Loaner asset tags ({count})").format(count=len(tags)), "labels",
                       "labels.pdf", lambda s, path: documents.print_labels(s, tags, path), self.ui.messageLabel)

    def selected(self) -> loaners.UnitView | None:
        row = self.ui.unitsTable.currentRow()
        return self.units[row] if 0 <= row < len(self.units) else None

    def scanned(self) -> QDialog | None:
        """A tag and Enter: select the unit and offer what can be done with it."""
        tag = self.ui.scanEdit.text().strip()
        if not tag:
            return None
        try:
            unit = self.ctx.read(lambda s: loaners.unit_view(s, loaners.find_unit(s, tag)))
        except FrontDeskError as exc:
            show_inline(self.ui.messageLabel, describe(exc))
            return None
        self.ui.scanEdit.clear()
        for row, v in enumerate(self.units):
            if v.id == unit.id:
                self.ui.unitsTable.selectRow(row)
        if unit.status == "lent":
            return self.open_loan("return", unit.tag)
        if unit.status == "available":
            return self.open_loan("lend", unit.tag)
        show_inline(self.ui.messageLabel, _("Loaner {tag} is {status}.").format(tag=unit.tag, status=unit.status_label))
        return None

    def open_loan(self, mode: str, tag: str | None = None, ticket_number: str = "") -> QDialog:
        unit = self.selected()
        return self._show(LoanDialog(self.ctx, mode, ticket_number, tag or (unit.tag if unit else ""), parent=self))

    def _show(self, dialog: LoanDialog | UnitDialog) -> QDialog:
        """Open a dialog without blocking; when it is accepted, reload the
        board and say what it did."""

        def done() -> None:
            self.load()
            show_inline(self.ui.messageLabel, dialog.done_text, ok=True)

        self.dialog = dialog
        return open_modeless(dialog, done)

    def toggle_maintenance(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        actor = self.ctx.actor
        on = unit.status != "maintenance"
        if self.ctx.write(lambda s, _a: loaners.set_maintenance(s, actor, unit.id, on).id, self,
                          self.ui.messageLabel) is not None:
            self.load()

    def add_unit(self) -> QDialog:
        return self._unit_dialog(None)

    def edit_unit(self) -> QDialog | None:
        unit = self.selected()
        return self._unit_dialog(unit.id) if unit is not None else None

    def _unit_dialog(self, unit_id: int | None) -> QDialog:
        return self._show(UnitDialog(self.ctx, unit_id, self))

    def retire(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        reason, ok = QInputDialog.getText(self, _("Retire a unit"), _("Why is loaner {tag} retired?").format(tag=unit.tag))
        if not ok:
            return
        actor = self.ctx.actor
        if self.ctx.write(lambda s, approver: loaners.retire_unit(s, actor, unit.id, reason, approver=approver).id,
                          self, self.ui.messageLabel) is not None:
            self.load()

    def refresh(self) -> None:
        self.load()

