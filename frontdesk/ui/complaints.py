"""Open complaints with the answer promised (late in red, close in orange);
a manager closes one with how it was resolved."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QWidget

from frontdesk import clock
from frontdesk.followup import complaints
from frontdesk.i18n import N_, _, ngettext
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import show_inline
from frontdesk.ui.generated.complaints_ui import Ui_ComplaintsScreen
from frontdesk.ui.row_table import LATE, SOON, RowTableModel, attach, when

log = logging.getLogger(__name__)

COLUMNS = (("promised", N_("Answer promised")), ("late", N_("Late")), ("ticket", N_("Ticket")),
           ("customer", N_("Customer")), ("phone", N_("Phone")), ("handler", N_("Handled by")),
           ("opened", N_("Opened")), ("what", N_("What happened")))


def _text(row: complaints.ComplaintRow, key: str) -> str:
    if key == "late":
        return _("overdue") if row.overdue else _("soon") if row.answer_soon else ""
    return {"promised": when(row.promised_answer_at), "ticket": row.ticket_number, "customer": row.customer_name,
            "phone": row.phone, "handler": row.handler, "opened": when(row.opened_at),
            "what": " ".join(row.what_happened.split())}.get(key, "")


def _brush(row: complaints.ComplaintRow) -> QBrush | None:
    return LATE if row.overdue else SOON if row.answer_soon else None


class ComplaintsScreen(QWidget):
    """Emits ``open_requested(ticket_id)``, and ``changed()`` once a complaint
    is closed (its ticket may close with it)."""

    open_requested = Signal(int)
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ComplaintsScreen()
        self.ui.setupUi(self)
        u = self.ui
        self.model = RowTableModel(COLUMNS, _text, _brush, self)
        attach(u.table, self.model)
        u.table.selectionModel().currentRowChanged.connect(lambda *_a: self.show_selected())
        u.table.doubleClicked.connect(lambda _i: self.open_ticket())
        u.resolutionEdit.returnPressed.connect(self.close_selected)
        u.closeButton.clicked.connect(self.close_selected)
        u.openButton.clicked.connect(self.open_ticket)
        u.refreshButton.clicked.connect(self.refresh)
        self.refresh()

    def refresh(self, keep_row: int = 0) -> None:
        rows = self.ctx.read(lambda s: complaints.open_complaints(s, clock.now()))
        self.model.set_rows(rows)
        self.ui.countLabel.setText(ngettext("{count} open complaint, {overdue} past the promised answer",
                                            "{count} open complaints, {overdue} past the promised answer",
                                            len(rows)).format(count=len(rows),
                                                              overdue=sum(1 for r in rows if r.overdue)))
        if rows:
            self.ui.table.selectRow(min(keep_row, self.model.rowCount() - 1))
        self.show_selected()

    def current(self) -> complaints.ComplaintRow | None:
        index = self.ui.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def show_selected(self) -> None:
        row = self.current()
        self.ui.detailLabel.setText("" if row is None else "<b>{head}</b><br>{what}".format(
            head=html.escape(_("{customer}, opened {opened} by {who}").format(
                customer=row.customer_name, opened=when(row.opened_at), who=row.opened_by)),
            what=html.escape(row.what_happened)))

    def close_selected(self) -> bool:
        """A manager closes the selected complaint (the PIN is asked when the
        person at the desk is not one); the resolution typed is kept."""
        row = self.current()
        u = self.ui
        if row is None:
            show_inline(u.messageLabel, _("Select the complaint first."))
            return False
        actor = self.ctx.actor
        resolution = u.resolutionEdit.text()
        if not resolution.strip():  # before a manager is called over
            show_inline(u.messageLabel, _("Write down how the complaint was resolved."))
            u.resolutionEdit.setFocus()
            return False
        position = u.table.currentIndex().row()
        closed = self.ctx.write(lambda s, approver: complaints.close_complaint(
            s, actor, row.id, resolution, approver=approver).id, self, u.messageLabel)
        if closed is None:
            return False
        u.resolutionEdit.clear()
        self.refresh(position)
        self.changed.emit()
        show_inline(u.messageLabel, _("The complaint of {customer} is closed.").format(customer=row.customer_name), ok=True)
        return True

    def open_ticket(self) -> None:
        row = self.current()
        if row is None or row.ticket_id is None:
            show_inline(self.ui.messageLabel, _("Select the complaint first."))
            return
        self.open_requested.emit(row.ticket_id)
