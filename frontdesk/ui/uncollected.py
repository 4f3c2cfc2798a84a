"""Products ready for pick-up and not collected, longest waiting first
(``pickup.uncollected``); those waiting as long as the shop's reminder delay
or longer are red.  Enter or a double click opens the ticket."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QWidget

from frontdesk import clock, pickup, settings
from frontdesk.i18n import N_, _, ngettext
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import show_inline
from frontdesk.ui.generated.uncollected_ui import Ui_UncollectedScreen
from frontdesk.ui.row_table import LATE, RowTableModel, attach, when

log = logging.getLogger(__name__)

COLUMNS = (("days", N_("Days waiting")), ("ready", N_("Ready since")), ("ticket", N_("Ticket")),
           ("customer", N_("Customer")), ("phone", N_("Phone")), ("product", N_("Product")))


def _text(row: pickup.Waiting, key: str) -> str:
    return {"days": str(row.days_waiting), "ready": when(row.ready_at), "ticket": row.number,
            "customer": row.customer, "phone": row.phone, "product": row.product}.get(key, "")


class UncollectedScreen(QWidget):
    """Emits ``open_requested(ticket_id)``."""

    open_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reminder_days = 7
        self.ui = Ui_UncollectedScreen()
        self.ui.setupUi(self)
        u = self.ui
        self.model = RowTableModel(COLUMNS, _text, self._brush, self, right_aligned=frozenset({"days"}))
        attach(u.table, self.model)
        u.table.activated.connect(lambda _i: self.open_ticket())  # Enter or a double click
        u.openButton.clicked.connect(self.open_ticket)
        u.refreshButton.clicked.connect(self.refresh)
        self.refresh()

    def _brush(self, row: pickup.Waiting) -> QBrush | None:
        return LATE if row.days_waiting >= self.reminder_days else None

    def refresh(self, keep_row: int = 0) -> None:
        today = clock.now().date()
        rows, self.reminder_days = self.ctx.read(
            lambda s: (pickup.uncollected(s, today), int(settings.get(s, "pickup_reminder_days"))))
        self.model.set_rows(rows)
        self.ui.countLabel.setText(ngettext("{n} product waiting for pick-up.", "{n} products waiting for pick-up.",
                                            len(rows)).format(n=len(rows)))
        if rows:
            self.ui.table.selectRow(min(keep_row, self.model.rowCount() - 1))

    def open_ticket(self) -> None:
        index = self.ui.table.currentIndex()
        row = self.model.row(index.row()) if index.isValid() else None
        if row is None:
            show_inline(self.ui.messageLabel, _("Select the product first."))
            return
        self.ui.messageLabel.clear()
        self.open_requested.emit(row.ticket_id)
