"""A maker's settlement workbook imported in the window, with a preview
before anything is written (docs/rules.md#settlements-and-appeals).

The clerk picks the maker, the workbook, the maker's settlement date and
the month it settles; the maker's saved column mapping is shown as a small
table (our field -> the workbook's column title), the workbook's own header
titles offered in each row's list.  "Preview" reads the workbook outside
any write transaction (the workbook guard bounds the read) and shows what
each row comes to: unmatched and ambiguous rows red, duplicates and rows
already settled orange, the totals below.  A refused workbook shows its
problems (sheet, row, column) and nothing is written.  "Import" writes what
was previewed, matched again in the write transaction (a manager's act: a
clerk is asked for a manager), saves the mapping for the maker and says
what was settled and what was left."""

from __future__ import annotations

import logging
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QHeaderView, QTableWidgetItem, QWidget
from sqlalchemy import select

from frontdesk import clock, settings, workbook_guard
from frontdesk.claims import settlements as st
from frontdesk.claims.models import Maker
from frontdesk.errors import FrontDeskError, ValidationError
from frontdesk.i18n import N_, _
from frontdesk.money import format_money
from frontdesk.settlements_cli import imported_lines, summary_lines
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import report, show_inline
from frontdesk.ui.generated.settlement_ui import Ui_SettlementDialog
from frontdesk.ui.row_table import LATE, SOON, RowTableModel, attach

log = logging.getLogger(__name__)

COLUMNS = (("row", N_("Row")), ("number", N_("Number")), ("status", N_("Status")), ("claim", N_("Claim")),
           ("claimed", N_("Claimed")), ("paid", N_("Paid")), ("short", N_("Short")), ("note", N_("Reason or note")))
RED = frozenset({st.UNMATCHED, st.AMBIGUOUS})  # rows a person must look at
ORANGE = frozenset({st.DUPLICATE, st.SETTLED, st.RECORDED})  # rows left, for a known reason


def header_titles(path: str | Path) -> list[str]:
    """The column titles of a settlement workbook's header, as offered in
    the mapping's lists: of its first sheet's first rows, the one with the
    most titles.  Empty when the workbook cannot be read (the preview says why)."""
    best: list[str] = []
    try:
        with workbook_guard.open_workbook(Path(path), workbook_guard.SETTLEMENT) as wb:
            if not wb.sheetnames:
                return []
            for values in wb.rows(wb.sheetnames[0], max_row=st.HEADER_SEARCH_ROWS):
                titles = [str(v).strip() for v in values if v is not None and str(v).strip()]
                if len(titles) > len(best):
                    best = titles
    except workbook_guard.UnsafeWorkbook as exc:
        log.info("settlement header not read: %s", exc)
        return []
    return list(dict.fromkeys(best))


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class SettlementDialog(QDialog):
    """Emits ``imported(settlement id)`` once a settlement is written."""

    imported = Signal(int)

    def __init__(self, ctx: AppContext, maker_code: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = u = Ui_SettlementDialog()
        u.setupUi(self)
        self.previewed: st.SettlementPreview | None = None
        self.titles: list[str] = []
        self.loaded_file = ""  # the workbook whose titles the mapping offers
        makers, self.currency = ctx.read(lambda s: (
            [(m.code, m.name, dict(m.settlement_columns or {})) for m in s.scalars(select(Maker).order_by(Maker.code))],
            str(settings.get(s, "currency"))))
        self.saved = {code: columns for code, _name, columns in makers}
        for code, name, _columns in makers:
            u.makerCombo.addItem(f"{code} · {name}", code)
        if maker_code:
            u.makerCombo.setCurrentIndex(max(0, u.makerCombo.findData(maker_code)))
        today = clock.now().date()
        u.settledEdit.setDate(_qdate(today))
        u.monthEdit.setDate(_qdate(st.previous_month(today)))
        u.settledEdit.dateChanged.connect(
            lambda q: u.monthEdit.setDate(_qdate(st.previous_month(_date(q)))))
        table = u.columnsTable
        table.setColumnCount(2)
        table.setRowCount(len(st.FIELDS))
        table.setHorizontalHeaderLabels([_("Our field"), _("The workbook's column title")])
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        for row, (name, meaning) in enumerate(st.FIELDS.items()):
            item = QTableWidgetItem(_(meaning))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 0, item)
            combo = QComboBox(table)
            combo.setEditable(True)
            combo.setAccessibleName(_(meaning))
            combo.currentTextChanged.connect(lambda _t: self._stale())
            table.setCellWidget(row, 1, combo)
        self.model = RowTableModel(COLUMNS, self._text, self._brush, self,
                                   right_aligned=frozenset({"row", "claimed", "paid", "short"}))
        attach(u.previewTable, self.model)
        self.show_mapping()
        u.makerCombo.currentIndexChanged.connect(lambda _i: self.show_mapping())
        u.fileEdit.editingFinished.connect(lambda: self.set_file(u.fileEdit.text()))
        u.fileEdit.textChanged.connect(lambda _t: self._stale())
        u.settledEdit.dateChanged.connect(lambda _d: self._stale())
        u.monthEdit.dateChanged.connect(lambda _d: self._stale())
        u.chooseButton.clicked.connect(lambda: self.choose_file())
        u.previewButton.clicked.connect(lambda: self.preview())
        u.importButton.clicked.connect(lambda: self.import_settlement())
        u.closeButton.clicked.connect(self.reject)
        u.importButton.setEnabled(False)

    # -- the inputs ---------------------------------------------------------------------------

    def maker_code(self) -> str:
        return str(self.ui.makerCombo.currentData() or "")

    def _combo(self, row: int) -> QComboBox:
        widget = self.ui.columnsTable.cellWidget(row, 1)
        assert isinstance(widget, QComboBox)
        return widget

    def show_mapping(self, columns: dict[str, str] | None = None) -> None:
        """The maker's saved mapping (or ``columns``) in the table, the
        workbook's titles offered in each list."""
        mapping = self.saved.get(self.maker_code(), {}) if columns is None else columns
        for row, name in enumerate(st.FIELDS):
            combo = self._combo(row)
            current = str(mapping.get(name) or "")
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(["", *self.titles])
            if current and combo.findText(current) < 0:
                combo.addItem(current)
            combo.setCurrentText(current)
            combo.blockSignals(False)
        self._stale()

    def set_column(self, name: str, title: str) -> None:
        """Map our field ``name`` to the workbook's column ``title`` ("" unmaps it)."""
        self._combo(list(st.FIELDS).index(name)).setCurrentText(title)

    def columns(self) -> dict[str, str]:
        """The mapping as shown: our field -> the workbook's column title."""
        out = {}
        for row, name in enumerate(st.FIELDS):
            title = self._combo(row).currentText().strip()
            if title:
                out[name] = title
        return out

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Open the maker's settlement workbook"),
                                                    self.ui.fileEdit.text(), _("Excel workbooks (*.xlsx)"))
        if path:
            self.set_file(path)

    def set_file(self, path: str | Path) -> None:
        """Take the workbook at ``path``: its header titles are offered in the mapping."""
        text = str(path).strip()
        if text == self.loaded_file and text == self.ui.fileEdit.text().strip():
            return  # the same workbook again (the field left, Enter): the mapping and the preview stand
        if text != self.ui.fileEdit.text():
            self.ui.fileEdit.setText(text)
        self.loaded_file = text
        self.titles = header_titles(text) if text else []
        self.show_mapping(self.columns())

    def _stale(self) -> None:
        """An input changed: the preview no longer stands for what would be imported."""
        if self.previewed is not None:
            self.previewed = None
            self.model.set_rows([])
            self.ui.totalsLabel.clear()
            show_inline(self.ui.messageLabel, _("Something changed: preview the workbook again before importing."))
        self.ui.importButton.setEnabled(False)

    # -- the preview --------------------------------------------------------------------------

    def preview(self) -> bool:
        """Read the workbook and show what each row comes to; nothing is
        written.  False (the problems shown) when it cannot be read."""
        u = self.ui
        path = u.fileEdit.text().strip()
        if path and path != self.loaded_file:
            self.set_file(path)  # typed, never left: its titles offered first (the mapping kept)
        self._stale()
        u.messageLabel.clear()
        code = self.maker_code()
        if not code:
            show_inline(u.messageLabel, _("Choose the maker first (add it under Makers if it is missing)."))
            return False
        if not path:
            show_inline(u.messageLabel, _("Choose the maker's settlement workbook (.xlsx) first."))
            return False
        columns = self.columns()
        try:
            columns = st.check_columns(columns, code)
            # Read outside any transaction: no lock is held while the file is parsed.
            parsed = st.parse_settlement(path, columns, maker_code=code, settled_on=_date(u.settledEdit.date()),
                                         month=_date(u.monthEdit.date()).replace(day=1))
        except st.SettlementRefused as exc:
            lines = [_("The workbook was refused; nothing was changed:"), *(str(p) for p in exc.problems)]
            if any(p.column in columns.values() for p in exc.problems):  # a mapped title not in the header
                lines.append(_("Map the columns to this workbook's titles in the table above, then preview again."))
            show_inline(u.messageLabel, "\n".join(lines))
            return False
        except ValidationError as exc:
            show_inline(u.messageLabel, exc.message)
            return False
        try:
            pv = self.ctx.read(lambda s: st.preview(s, parsed))
        except FrontDeskError as exc:  # the maker removed meanwhile, the database busy...
            report(self, exc, u.messageLabel)
            return False
        self.show_preview(pv)
        self.previewed = pv
        u.importButton.setEnabled(any(r.applied for r in pv.rows))
        if not u.importButton.isEnabled():
            show_inline(u.messageLabel, _("No row of this workbook settles a claim or records a deduction: "
                                          "check the maker and the columns."))
        return True

    def show_preview(self, pv: st.SettlementPreview) -> None:
        self.model.set_rows(pv.rows)
        self.ui.totalsLabel.setText("\n".join(summary_lines(pv)))

    def _money(self, amount: Decimal | None) -> str:
        return "" if amount is None else format_money(amount, self.currency)

    def _text(self, r: st.PreviewRow, key: str) -> str:
        src = r.source
        if key == "note":
            notes = [": ".join(t for t in (_(st.OUTCOME_TEXT[r.outcome]), src.reason) if t)
                     if r.outcome and r.applied else r.note or src.reason]
            if src.deduction is not None:
                notes.append(": ".join(t for t in (
                    _("deducted {amount}").format(amount=self._money(src.deduction)), src.deduction_reason) if t))
            return "; ".join(n for n in notes if n)
        paid = r.paid if r.paid is not None else src.amount_paid
        texts: dict[str, Any] = {
            "row": str(src.row), "number": src.claim_no or src.service_order_no, "status": r.status_text(),
            "claim": r.claim_number, "claimed": self._money(r.claimed), "paid": self._money(paid),
            "short": self._money(r.short) if r.applied else "",
        }
        return str(texts.get(key, ""))

    def _brush(self, r: st.PreviewRow) -> QBrush | None:
        return LATE if r.status in RED else SOON if r.status in ORANGE else None

    # -- the import ---------------------------------------------------------------------------

    def import_settlement(self) -> bool:
        """Write the settlement previewed (a manager's act) and save the
        mapping for the maker; says what was settled and what was left."""
        u = self.ui
        pv = self.previewed
        if pv is None:
            show_inline(u.messageLabel, _("Preview the workbook first: nothing is imported unseen."))
            return False
        actor, columns, maker_id = self.ctx.actor, dict(pv.parsed.columns), pv.maker_id
        now = clock.now()

        def work(s: Any, approver: Any) -> st.SettlementResult:
            maker = s.get(Maker, maker_id)
            assert maker is not None
            result = st.apply(s, actor, pv, now, approver)  # the manager is asked for the import itself
            st.save_columns(s, actor, maker, columns, now, approver)
            return result

        result = self.ctx.write(work, self, u.messageLabel)
        if result is None:
            return False
        self.saved[pv.maker_code] = columns
        self.previewed = None
        u.importButton.setEnabled(False)
        self.show_preview(result.preview)  # as matched when written: what was applied and what was left
        show_inline(u.messageLabel, " ".join(imported_lines(result.preview)), ok=True)
        self.imported.emit(result.settlement_id)
        return True


__all__ = ["SettlementDialog", "header_titles"]
