"""A read-only table model over plain rows (dataclasses from a service),
shown a page at a time, and the colours the follow-up lists share.

Each screen names its columns as ``(key, title)`` and gives a function that
turns a row and a key into the text shown, and optionally one that gives a
row's colour (overdue red, due soon orange)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTableView, QWidget

from frontdesk import clock
from frontdesk.i18n import _
from frontdesk.ui.errors import show_inline
from frontdesk.ui.fields import parse_day

Index = QModelIndex | QPersistentModelIndex
LATE = QBrush(QColor("#b00020"))
SOON = QBrush(QColor("#b26a00"))
PAGE_SIZE = 200


class RowTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[tuple[str, str]], text: Callable[[Any, str], str],
                 brush: Callable[[Any], QBrush | None] | None = None, parent: QWidget | None = None,
                 page_size: int = PAGE_SIZE, right_aligned: frozenset[str] = frozenset()) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.text = text
        self.brush = brush
        self.page_size = page_size
        self.right_aligned = right_aligned
        self.all_rows: list[Any] = []
        self.shown = 0

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.all_rows = list(rows)
        self.shown = min(len(self.all_rows), self.page_size)
        self.endResetModel()

    def row(self, index: int) -> Any:
        return self.all_rows[index] if 0 <= index < self.shown else None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self.shown < len(self.all_rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self.shown >= len(self.all_rows):
            return
        more = min(len(self.all_rows), self.shown + self.page_size)
        self.beginInsertRows(QModelIndex(), self.shown, more - 1)
        self.shown = more
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return _(self.columns[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self.shown) or not (0 <= index.column() < len(self.columns)):
            return None
        row = self.all_rows[index.row()]
        key = self.columns[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and self.brush is not None:
            return self.brush(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.right_aligned:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def attach(view: QTableView, model: RowTableModel) -> None:
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    model.modelReset.connect(view.resizeColumnsToContents)


def when(value: Any) -> str:
    """A date or a moment as the lists show it."""
    if value is None:
        return ""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    return f"{value:%Y-%m-%d %H:%M}"


def init_range(from_edit: QLineEdit, to_edit: QLineEdit, show: QAbstractButton, load: Callable[[], object],
               days: int = 30) -> None:
    """The last ``days`` days up to today; Enter in either field or the
    button shows the range."""
    today = clock.now().date()
    from_edit.setText((today - timedelta(days=days - 1)).isoformat())
    to_edit.setText(today.isoformat())
    for edit in (from_edit, to_edit):
        edit.returnPressed.connect(load)
    show.clicked.connect(load)


def read_range(from_edit: QLineEdit, to_edit: QLineEdit, message: QLabel) -> tuple[date, date] | None:
    """The day range typed in two fields; a clear inline message and None
    when either is not a date or the range is back to front."""
    try:
        start, end = parse_day(from_edit.text()), parse_day(to_edit.text())
    except ValueError as exc:
        show_inline(message, str(exc))
        return None
    if start is None or end is None:
        show_inline(message, _("Type both days of the range, like 2026-11-01 and 2026-11-30."))
        return None
    if start > end:
        show_inline(message, _("The first day comes after the last one."))
        return None
    message.clear()
    return start, end
