"""The old parts that go back to their makers (docs/rules.md#old-parts-that-go-back):
the parts still owed (late red, due soon orange) and the return batches.
A batch is opened for a maker; the scanner types each tag and Enter into
the scan field, which puts the part into the batch chosen and says so (or
why not) at once, and keeps the focus for the next label.  The batch is
shipped with its carrier and waybill; its packing list opens in the print
preview or is saved as an .xlsx workbook for the maker."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget
from sqlalchemy import select

from frontdesk import clock
from frontdesk.claims import oldparts
from frontdesk.claims.models import Maker
from frontdesk.i18n import N_, _, ngettext
from frontdesk.paths import exports_dir
from frontdesk.printing import oldparts as paper
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import describe, show_inline
from frontdesk.ui.generated.old_parts_ui import Ui_OldPartsDialog
from frontdesk.ui.print_preview import PrintPreviewDialog, preview
from frontdesk.ui.qt_support import fit_to_screen
from frontdesk.ui.row_table import LATE, SOON, RowTableModel, attach

log = logging.getLogger(__name__)

DUE_COLUMNS = (("tag", N_("Old-part tag")), ("ticket", N_("Ticket")), ("maker", N_("Maker")), ("part_no", N_("Part no.")),
               ("old_serial", N_("Old S/N")), ("due", N_("Return by")), ("flag", N_("Deadline")),
               ("batch", N_("Batch")))
PACKED_COLUMNS = (("tag", N_("Old-part tag")), ("ticket", N_("Ticket")), ("part_no", N_("Part no.")),
                  ("description", N_("Description")), ("old_serial", N_("Old S/N")), ("claim", N_("Claim")))
NOT_IN_A_BATCH = N_("not in a batch")


def _due_text(row: oldparts.DuePart, key: str) -> str:
    return {"tag": row.tag, "ticket": row.ticket_number, "maker": row.maker_code, "part_no": row.part_no,
            "old_serial": row.old_serial, "due": row.return_due.isoformat() if row.return_due else "",
            "flag": row.flag_text, "batch": row.batch_number or _(NOT_IN_A_BATCH)}.get(key, "")


def _due_brush(row: oldparts.DuePart) -> QBrush | None:
    return LATE if row.flag == oldparts.LATE else SOON if row.flag == oldparts.DUE_SOON else None


def _packed_text(row: oldparts.PackedPart, key: str) -> str:
    return {"tag": row.tag, "ticket": row.ticket_number, "part_no": row.part_no, "description": row.description,
            "old_serial": row.old_serial, "claim": row.claim_number}.get(key, "")


class OldPartsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_OldPartsDialog()
        self.ui.setupUi(self)
        u = self.ui
        self.due_model = RowTableModel(DUE_COLUMNS, _due_text, _due_brush, self)
        attach(u.dueTable, self.due_model)
        self.packed_model = RowTableModel(PACKED_COLUMNS, _packed_text, None, self)
        attach(u.batchTable, self.packed_model)
        self.view: oldparts.BatchView | None = None
        self.print_dialog: PrintPreviewDialog | None = None
        makers = ctx.read(lambda s: [(m.code, m.name) for m in s.scalars(
            select(Maker).where(Maker.active.is_(True)).order_by(Maker.code))])
        for code, name in makers:
            u.makerCombo.addItem(f"{code} · {name}", code)
        u.openBatchButton.clicked.connect(lambda: self.open_batch())
        u.batchCombo.currentIndexChanged.connect(lambda _i: self.show_batch())
        u.scanEdit.returnPressed.connect(self.scan)
        u.removeButton.clicked.connect(lambda: self.remove())
        u.shipButton.clicked.connect(lambda: self.ship())
        u.printButton.clicked.connect(lambda: self.print_packing_list())
        u.saveButton.clicked.connect(lambda: self.save_workbook())
        u.closeButton.clicked.connect(self.reject)
        self.refresh()
        fit_to_screen(self)
        u.scanEdit.setFocus()

    # -- what is shown -----------------------------------------------------------------------------

    def refresh(self, batch_number: str | None = None) -> None:
        """The parts owed and the batches again; ``batch_number`` chosen (else the one chosen before)."""
        today = clock.now().date()
        due, batches = self.ctx.read(lambda s: (oldparts.parts_due(s, today), [
            (b.number, b.shipped_on, maker, count) for b, maker, count in oldparts.list_batches(s)]))
        self.due_model.set_rows(due)
        late = sum(1 for d in due if d.flag == oldparts.LATE)
        self.ui.dueCountLabel.setText(
            ngettext("{n} old part owed back", "{n} old parts owed back", len(due)).format(n=len(due)) + " · " +
            ngettext("{n} late", "{n} late", late).format(n=late))
        combo = self.ui.batchCombo
        keep = batch_number or combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for number, shipped_on, maker, count in batches:
            state = _("shipped {date}").format(date=shipped_on.isoformat()) if shipped_on else _("not shipped yet")
            combo.addItem(ngettext("{number} · {maker} · {n} part · {state}", "{number} · {maker} · {n} parts · {state}",
                                   count).format(number=number, maker=maker, n=count, state=state), number)
        found = combo.findData(keep) if keep else -1
        combo.setCurrentIndex(found if found >= 0 else 0 if combo.count() else -1)
        combo.blockSignals(False)
        self.show_batch()

    def show_batch(self) -> None:
        number = self.ui.batchCombo.currentData()
        before = self.view.number if self.view else None
        self.view = self.ctx.read(lambda s: oldparts.batch_view(s, oldparts.find_batch(s, number).id)) \
            if number else None
        view = self.view
        self.packed_model.set_rows(view.parts if view else [])
        is_open = view is not None and view.shipped_on is None
        for widget in (self.ui.scanEdit, self.ui.removeButton, self.ui.carrierEdit, self.ui.waybillEdit,
                       self.ui.shipButton):
            widget.setEnabled(is_open)
        for widget in (self.ui.printButton, self.ui.saveButton):
            widget.setEnabled(view is not None)
        if view is not None and view.shipped_on is not None:
            self.ui.carrierEdit.setText(view.carrier)
            self.ui.waybillEdit.setText(view.waybill)
        elif view is not None and view.number != before:  # what is typed for this box stays
            self.ui.carrierEdit.clear()
            self.ui.waybillEdit.clear()

    def _batch_id(self) -> int | None:
        if self.view is None:
            show_inline(self.ui.messageLabel, _("Open a new batch for the maker first, or choose a batch."))
            return None
        number = self.view.number
        return self.ctx.read(lambda s: oldparts.find_batch(s, number).id)

    # -- what is done ------------------------------------------------------------------------------

    def open_batch(self) -> str | None:
        code = self.ui.makerCombo.currentData()
        if not code:
            show_inline(self.ui.messageLabel, _("Choose the maker the box goes to first."))
            return None
        actor = self.ctx.actor
        number = self.ctx.write(lambda s, _a: oldparts.open_batch(s, actor, code).number, self,
                                self.ui.messageLabel)
        if number is None:
            return None
        self.refresh(number)
        show_inline(self.ui.messageLabel, _("Batch {batch} is open for {maker}: scan the tags into it.").format(
            batch=number, maker=code), ok=True)
        self.ui.scanEdit.setFocus()
        return number

    def scan(self) -> bool:
        """The tag in the scan field into the batch chosen; the field is
        cleared and keeps the focus for the next label."""
        edit = self.ui.scanEdit
        tag = oldparts.scanned(edit.text())
        edit.clear()
        edit.setFocus()
        if not tag:
            return False
        batch_id = self._batch_id()
        if batch_id is None:
            return False
        actor = self.ctx.actor
        done = self.ctx.write(lambda s, _a: oldparts.scan_into_batch(s, actor, batch_id, tag).tag, self,
                              self.ui.messageLabel)
        if done is None:
            return False
        assert self.view is not None
        number = self.view.number
        self.refresh(number)
        show_inline(self.ui.messageLabel, _("{tag} is in batch {batch}.").format(tag=done, batch=number), ok=True)
        return True

    def remove(self) -> bool:
        index = self.ui.batchTable.currentIndex()
        row = self.packed_model.row(index.row()) if index.isValid() else None
        if row is None:
            show_inline(self.ui.messageLabel, _("Select the part to take out of the batch first."))
            return False
        batch_id = self._batch_id()
        if batch_id is None:
            return False
        actor = self.ctx.actor
        tag = row.tag
        if self.ctx.write(lambda s, _a: oldparts.remove_from_batch(s, actor, batch_id, tag).tag, self,
                          self.ui.messageLabel) is None:
            return False
        assert self.view is not None
        number = self.view.number
        self.refresh(number)
        show_inline(self.ui.messageLabel, _("{tag} is out of batch {batch}.").format(tag=tag, batch=number), ok=True)
        return True

    def ship(self) -> bool:
        batch_id = self._batch_id()
        if batch_id is None:
            return False
        actor = self.ctx.actor
        carrier, waybill = self.ui.carrierEdit.text(), self.ui.waybillEdit.text()
        today = clock.now().date()
        number = self.ctx.write(lambda s, _a: oldparts.ship_batch(s, actor, batch_id, today, carrier, waybill).number,
                                self, self.ui.messageLabel)
        if number is None:
            return False
        self.refresh(number)
        show_inline(self.ui.messageLabel, _("Batch {batch} shipped with {carrier}, waybill {waybill}.").format(
            batch=number, carrier=carrier.strip(), waybill=waybill.strip()), ok=True)
        return True

    def print_packing_list(self) -> PrintPreviewDialog | None:
        if self.view is None:
            show_inline(self.ui.messageLabel, _("Choose the batch first."))
            return None
        number = self.view.number
        self.print_dialog = preview(self.ctx, self, _("Old parts packing list {batch}").format(batch=number),
                                    "packing_list", f"packing-{number}.pdf",
                                    lambda s, p: paper.print_packing_list(s, number, p), self.ui.messageLabel)
        return self.print_dialog

    def save_workbook(self, path: str | None = None) -> Path | None:
        if self.view is None:
            show_inline(self.ui.messageLabel, _("Choose the batch first."))
            return None
        number = self.view.number
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, _("Save the packing list"),
                                                        str(exports_dir() / f"packing-{number}.xlsx"),
                                                        _("Excel workbooks (*.xlsx)"))
            if not path:
                return None
        target = path
        try:
            written = self.ctx.read(lambda s: paper.export_packing_list(s, number, target))
        except OSError as exc:
            show_inline(self.ui.messageLabel, describe(exc))
            return None
        show_inline(self.ui.messageLabel, _("Written to {path}.").format(path=written), ok=True)
        return written
