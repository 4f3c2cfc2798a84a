"""Record the repair: what the technician found (the fault category of the
product's kind) and did, the parts replaced with their serials, and who did
it (docs/rules.md#the-repair-record).  Saving writes the repair record and
marks the ticket repaired, in one transaction; a refusal is said in the
dialog and what was typed stays."""

from __future__ import annotations

import html
import logging

from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QTableWidgetItem, QWidget
from sqlalchemy.orm import Session

from frontdesk import technicians
from frontdesk.billing.pricing import LEVELS
from frontdesk.i18n import N_, _
from frontdesk.intake import faults, repairs, service, states
from frontdesk.intake.warranty import category_label
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import show_inline
from frontdesk.ui.generated.repair_ui import Ui_RepairDialog

log = logging.getLogger(__name__)

PART_COLUMNS = (N_("Part number"), N_("Description"), N_("New serial"), N_("Old serial"))


class RepairDialog(QDialog):
    """``done_text`` says what was recorded once accepted."""

    def __init__(self, ctx: AppContext, ticket_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket_id = ticket_id
        self.done_text = ""
        self.ui = Ui_RepairDialog()
        self.ui.setupUi(self)
        u = self.ui

        def facts(s: Session) -> tuple[str, str, str, str, int | None, list[faults.FaultCategory],
                                       list[tuple[int, str]]]:
            t = service.get_ticket(s, ticket_id)
            category = t.product.category if t.product is not None else ""
            what = " ".join(x for x in ((category_label(category), t.product.brand, t.product.model)
                                        if t.product is not None else ()) if x)
            return (t.number, t.state, what, t.fault, t.technician_id, faults.fault_categories(category, s),
                    technicians.technician_names(s))

        number, state, product, fault, technician_id, categories, techs = ctx.read(facts)
        self.state = state
        self.setWindowTitle(_("Record the repair of ticket {number}").format(number=number))
        intro = f"<b>{html.escape(number)}</b> · {html.escape(product or _('no product'))}"
        if fault:
            intro += "<br>" + html.escape(_("Fault reported: {fault}").format(fault=fault))
        if state == states.DIAGNOSING:
            intro += "<br>" + html.escape(_("Still being diagnosed: record only that no fault was found or that "
                                            "it cannot be repaired. A repair starts in repair."))
        u.introLabel.setText(intro)
        for fc in categories:
            u.faultCombo.addItem(fc.label, fc.key)
        offered = faults.WITHOUT_REPAIR if state == states.DIAGNOSING else set(faults.ACTIONS)
        for key in faults.ACTIONS:
            if key in offered:
                u.actionCombo.addItem(faults.action_label(key), key)
        u.levelCombo.addItem(_("(not said)"), "")
        for key, title in LEVELS.items():
            u.levelCombo.addItem(_(title), key)
        u.technicianCombo.addItem(_("(nobody)"), None)
        for tid, name in techs:
            u.technicianCombo.addItem(name, tid)
        u.technicianCombo.setCurrentIndex(max(0, u.technicianCombo.findData(technician_id)))
        table = u.partsTable
        table.setColumnCount(len(PART_COLUMNS))
        table.setHorizontalHeaderLabels([_(c) for c in PART_COLUMNS])
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        u.addPartButton.clicked.connect(self.add_part)
        u.removePartButton.clicked.connect(self.remove_part)
        u.actionCombo.currentIndexChanged.connect(self._action_changed)
        u.buttons.accepted.connect(self.save)
        u.buttons.rejected.connect(self.reject)
        self._action_changed()
        u.faultCombo.setFocus()

    def _action_changed(self, *_args: object) -> None:
        """Parts only where something was repaired; a part replaced needs one
        row at least (an empty one is offered to type in)."""
        u = self.ui
        action = u.actionCombo.currentData()
        allowed = action not in faults.WITHOUT_REPAIR
        for widget in (u.partsLabel, u.partsTable, u.addPartButton, u.removePartButton, u.levelLabel, u.levelCombo):
            widget.setEnabled(allowed)
        if action == faults.REPLACED_PART and u.partsTable.rowCount() == 0:
            self.add_part()

    def add_part(self) -> None:
        table = self.ui.partsTable
        row = table.rowCount()
        table.insertRow(row)
        for col in range(table.columnCount()):
            table.setItem(row, col, QTableWidgetItem(""))
        table.setCurrentCell(row, 0)
        table.editItem(table.item(row, 0))

    def remove_part(self) -> None:
        table = self.ui.partsTable
        row = table.currentRow()
        if 0 <= row < table.rowCount():
            table.removeRow(row)

    def parts(self) -> list[repairs.PartReplaced]:
        """The rows typed (a row left wholly empty is no part)."""
        table = self.ui.partsTable
        if not table.isEnabled():
            return []
        out = []
        for row in range(table.rowCount()):
            cells = [(table.item(row, c).text() if table.item(row, c) is not None else "").strip()
                     for c in range(table.columnCount())]
            if any(cells):
                out.append(repairs.PartReplaced(*cells))
        return out

    def repair_result(self) -> repairs.RepairResult:
        u = self.ui
        return repairs.RepairResult(
            fault_category=str(u.faultCombo.currentData() or ""), action=str(u.actionCombo.currentData() or ""),
            note=u.noteEdit.toPlainText(), parts=tuple(self.parts()), technician_id=u.technicianCombo.currentData(),
            level=str(u.levelCombo.currentData() or "") if u.levelCombo.isEnabled() else "")

    def save(self) -> None:
        table = self.ui.partsTable
        if table.state() == QAbstractItemView.State.EditingState:  # the cell being typed in counts
            table.setCurrentCell(-1, -1)
        result, actor = self.repair_result(), self.ctx.actor
        saved = self.ctx.write(lambda s, _a: repairs.record_repair(s, actor, self.ticket_id, result).id,
                               self, self.ui.messageLabel)
        if saved is None:
            return
        text = _("Repair recorded: {action}, {fault}.").format(
            action=faults.action_label(result.action), fault=faults.fault_label(result.fault_category))
        if result.parts:
            text += " " + _("Parts: {parts}.").format(parts=", ".join(p.part_no for p in result.parts))
        self.done_text = text
        show_inline(self.ui.messageLabel, text, ok=True)
        self.accept()
