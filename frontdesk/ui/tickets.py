"""The ticket list: search and filters over a lazily loading table model.

The model holds plain rows, loads a page at a time in keyset order (newest
first) and asks for the next page only when the view scrolls near the end,
so a shop with a million tickets opens the list at once.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QWidget

from frontdesk import clock, settings
from frontdesk.db.engine import Database
from frontdesk.i18n import N_, _, ngettext
from frontdesk.intake import query, service, states
from frontdesk.intake.warranty import STATUS_LABELS, category_label
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import report, show_inline
from frontdesk.ui.fields import parse_day
from frontdesk.ui.generated.tickets_ui import Ui_TicketsScreen
from frontdesk.ui.live_search import LiveSearch
from frontdesk.ui.visits import VisitsDialog

log = logging.getLogger(__name__)

PAGE_SIZE = query.PAGE_SIZE
Index = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[tuple[str, str], ...] = (
    ("number", N_("Ticket")),
    ("intake_at", N_("Taken")),
    ("channel", N_("Channel")),
    ("kind", N_("Kind")),
    ("state", N_("State")),
    ("customer", N_("Customer")),
    ("phone", N_("Phone")),
    ("product", N_("Product")),
    ("warranty", N_("Warranty")),
    ("technician", N_("Technician")),
    ("flags", N_("Flags")),
)
PRODUCT_COLUMN = [key for key, _title in COLUMNS].index("product")


class TicketTableModel(QAbstractTableModel):
    """Rows of :class:`frontdesk.intake.query.TicketRow`, fetched on demand."""

    def __init__(self, db: Database, parent: Any = None, page_size: int = PAGE_SIZE, read_ahead: bool = False) -> None:
        """With ``read_ahead``, the page after the rows shown is read in the
        background as soon as they are shown, so that scrolling to the end
        finds it read (docs/architecture.md#searching-as-you-type)."""
        super().__init__(parent)
        self.db = db
        self.page_size = page_size
        self.filter = query.TicketFilter()
        self.rows: list[query.TicketRow] = []
        self._more = False
        self._next: tuple[query.TicketFilter, int, list[query.TicketRow]] | None = None  # read ahead
        self.ahead: LiveSearch[tuple[query.TicketFilter, int], list[query.TicketRow]] | None = None
        if read_ahead:
            self.ahead = LiveSearch(lambda asked: _page_after(db, *asked, page_size), self._read_ahead, self,
                                    on_error=lambda exc: log.info("reading the next page ahead failed: %s", exc))

    # -- loading --
    def set_filter(self, flt: query.TicketFilter) -> None:
        self.beginResetModel()
        self.filter = flt
        with self.db.glance() as s:
            self.rows = query.page(s, flt, None, self.page_size)
        self._more = len(self.rows) == self.page_size
        self.endResetModel()
        self._ask_ahead()

    def refresh(self) -> None:
        self.set_filter(self.filter)

    def show_found(self, flt: query.TicketFilter, rows: list[query.TicketRow]) -> None:
        """The first page of ``flt``, read elsewhere (the search as one types)."""
        self.beginResetModel()
        self.filter = flt
        self.rows = list(rows)
        self._more = len(self.rows) == self.page_size
        self.endResetModel()
        self._ask_ahead()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or not self._more:
            return
        before = self.rows[-1].id if self.rows else None
        if self._next is not None and self._next[0] is self.filter and self._next[1] == before:
            more = self._next[2]  # read ahead while the clerk looked at the rows above
        else:
            with self.db.glance() as s:
                more = query.page(s, self.filter, before, self.page_size)
        self._next = None
        self._more = len(more) == self.page_size
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()
        self._ask_ahead()

    def _ask_ahead(self) -> None:
        self._next = None
        if self.ahead is None:
            return
        if self._more and self.rows:
            self.ahead.request((self.filter, self.rows[-1].id))
        else:
            self.ahead.cancel()

    def _read_ahead(self, asked: tuple[query.TicketFilter, int], rows: list[query.TicketRow]) -> None:
        flt, before = asked
        if flt is self.filter and self.rows and self.rows[-1].id == before:  # still the page the list needs next
            self._next = (flt, before, rows)

    # -- reading --
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section][1])
        return None

    def row_id(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) or not (0 <= index.column() < len(COLUMNS)):
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.overdue:
                return QBrush(QColor("#b00020"))
            if row.state in states.FINAL:
                return QBrush(QColor("#666666"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole and key == "flags":
            return self._text(row, key) or None
        return None

    @staticmethod
    def _text(row: query.TicketRow, key: str) -> str:
        if key == "number":
            return row.number
        if key == "intake_at":
            return row.intake_at.strftime("%Y-%m-%d %H:%M")
        if key == "channel":
            return _(service.CHANNELS.get(row.channel, row.channel))
        if key == "kind":
            return _(service.KINDS.get(row.kind, row.kind))
        if key == "state":
            return states.label(row.state)
        if key == "customer":
            return row.customer_name
        if key == "phone":
            return row.phone
        if key == "product":
            return " ".join(p for p in (category_label(row.category) if row.category else "", row.model) if p)
        if key == "warranty":
            return _(STATUS_LABELS.get(row.warranty_status, row.warranty_status)) if row.category else ""
        if key == "technician":
            return row.technician or ""
        if key == "flags":
            flags = []
            if row.to_verify:
                flags.append(_("to verify"))
            if row.overdue:
                flags.append(_("response overdue"))
            return ", ".join(flags)
        return ""


class TicketsScreen(QWidget):
    """Emits ``open_requested(ticket_id)``."""

    open_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_TicketsScreen()
        self.ui.setupUi(self)
        self.model = TicketTableModel(ctx.db, self, read_ahead=True)
        u = self.ui
        u.table.setModel(self.model)
        header = u.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The product takes the room left (it is what the clerk reads); flags are short words.
        header.setSectionResizeMode(PRODUCT_COLUMN, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate((105, 118, 62, 80, 90, 80, 110, 220, 95, 70, 60)):
            if col != PRODUCT_COLUMN:
                u.table.setColumnWidth(col, width)
        u.table.verticalHeader().setVisible(False)
        u.table.verticalHeader().setDefaultSectionSize(24)
        u.stateCombo.addItem(_("(any)"), None)
        for key in states.TRANSITIONS:
            u.stateCombo.addItem(states.label(key), key)
        u.channelCombo.addItem(_("(any)"), None)
        for key, text in service.CHANNELS.items():
            u.channelCombo.addItem(_(text), key)
        # Typing searches at once, off the window's thread (frontdesk/ui/live_search.py).
        db, size = ctx.db, self.model.page_size
        self.live: LiveSearch[query.TicketFilter, list[query.TicketRow]] = LiveSearch(
            lambda flt: _first_page(db, flt, size), self._found, self,
            on_error=lambda exc: report(self, exc, self.ui.messageLabel))
        for edit in (u.searchEdit, u.fromEdit, u.toEdit):
            edit.textChanged.connect(lambda _t: self.search_typed())
        for combo in (u.stateCombo, u.channelCombo):
            combo.currentIndexChanged.connect(self.apply_filter)
        for check in (u.openCheck, u.verifyCheck, u.overdueCheck, u.dueSoonCheck):
            check.toggled.connect(self.apply_filter)
        u.searchEdit.returnPressed.connect(self._search_enter)
        u.table.activated.connect(lambda index: self._open_row(index.row()))
        u.openButton.clicked.connect(lambda: self._open_row(u.table.currentIndex().row()))
        u.visitsButton.clicked.connect(self.show_visits)
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self.apply_filter()

    def current_filter(self) -> query.TicketFilter | None:
        u = self.ui
        problems = []
        days = []
        for edit in (u.fromEdit, u.toEdit):
            try:
                days.append(parse_day(edit.text()))
            except ValueError as exc:
                problems.append(str(exc))
                days.append(None)
        if problems:
            show_inline(u.messageLabel, " ".join(problems))
            return None
        u.messageLabel.clear()
        state = u.stateCombo.currentData()
        respond_before = None
        if u.dueSoonCheck.isChecked():
            hours = int(self.ctx.read(lambda s: settings.get(s, "response_warning_hours")))
            respond_before = clock.now() + timedelta(hours=hours)
        return query.TicketFilter(
            text=u.searchEdit.text(),
            states=[state] if state else [],
            channel=u.channelCombo.currentData(),
            date_from=days[0],
            date_to=days[1],
            to_verify=u.verifyCheck.isChecked(),
            overdue=u.overdueCheck.isChecked(),
            open_only=u.openCheck.isChecked(),
            respond_before=respond_before,
        )

    def apply_filter(self, *_args: object) -> None:
        """Filter now, on this thread (a list or box changed, Enter)."""
        self.live.cancel()
        flt = self.current_filter()
        if flt is not None:
            self.model.set_filter(flt)
            if self.model.rowCount():
                self.ui.table.selectRow(0)

    def search_typed(self) -> None:
        """A key in the search or date fields: searched off the window's thread."""
        flt = self.current_filter()
        if flt is None:
            self.live.cancel()
        else:
            self.live.request(flt)

    def _found(self, flt: query.TicketFilter, rows: list[query.TicketRow]) -> None:
        self.model.show_found(flt, rows)
        if self.model.rowCount():
            self.ui.table.selectRow(0)

    def refresh(self) -> None:
        self.model.refresh()

    def _update_count(self, *_args: object) -> None:
        n = self.model.rowCount()
        if self.model.canFetchMore():
            self.ui.countLabel.setText(_("{count} shown, more as you scroll").format(count=n))
        else:
            self.ui.countLabel.setText(ngettext("{count} ticket", "{count} tickets", n).format(count=n))

    def _search_enter(self) -> None:
        self.apply_filter()
        if self.model.rowCount() == 1:
            self._open_row(0)
        else:
            self.ui.table.setFocus()

    def _open_row(self, row: int) -> None:
        ticket_id = self.model.row_id(row)
        if ticket_id is not None:
            self.open_requested.emit(ticket_id)

    def show_visits(self) -> None:
        dialog = VisitsDialog(self.ctx, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.refresh)
        self.visits_dialog = dialog
        dialog.show()

    def show_due_soon(self) -> None:
        """Only the phone requests whose promised answer is about to be missed."""
        u = self.ui
        for widget in (u.verifyCheck, u.overdueCheck):
            widget.setChecked(False)
        u.searchEdit.clear()
        u.stateCombo.setCurrentIndex(0)
        u.channelCombo.setCurrentIndex(0)
        u.dueSoonCheck.setChecked(True)
        self.apply_filter()

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()


def _page_after(db: Database, flt: query.TicketFilter, before_id: int, size: int) -> list[query.TicketRow]:
    """The page of ``flt`` after ``before_id`` (on the reading ahead's own thread: its own session)."""
    with db.glance() as s:
        return query.page(s, flt, before_id, size)


def _first_page(db: Database, flt: query.TicketFilter, size: int) -> list[query.TicketRow]:
    """The newest page of tickets ``flt`` finds (on the search's own thread: its own session)."""
    with db.glance() as s:
        return query.page(s, flt, None, size)
