"""The head-office workbook of a period, written in the background: a
progress bar, a cancel button (a cancelled export leaves no file), and the
window stays usable.  Names and phones are masked unless a manager approves
an unmasked export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from frontdesk import i18n, settings
from frontdesk.db.engine import Database
from frontdesk.headoffice.export import ExportCancelled, ExportResult, export_workbook
from frontdesk.i18n import _, ngettext
from frontdesk.paths import exports_dir
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import report, show_inline
from frontdesk.ui.generated.export_ui import Ui_ExportDialog
from frontdesk.ui.jobs import Cancelled, Job, Progress
from frontdesk.users import MANAGER, Actor


def export_work(db: Database, actor: Actor, path: Path, date_from: date, date_to: date, unmasked: bool,
                approver: Actor | None, language: str) -> Callable[[Progress], ExportResult]:
    """The export as a background job's work: :func:`export_workbook`, which
    opens its own session; a cancel leaves no file."""

    def work(progress: Progress) -> ExportResult:
        try:
            return export_workbook(db, actor, path, date_from, date_to, unmasked=unmasked, approver=approver,
                                   progress=lambda fraction, note: progress.report(fraction, 1.0, note),
                                   language=language)
        except ExportCancelled:
            raise Cancelled from None

    return work


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ExportDialog(QDialog):
    """Emits ``finished_export(path or "")`` when a run ends."""

    finished_export = Signal(str)

    def __init__(self, ctx: AppContext, date_from: date, date_to: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = u = Ui_ExportDialog()
        u.setupUi(self)
        self.job: Job[ExportResult] | None = None
        self.shop_code = str(ctx.read(lambda s: settings.get(s, "shop_code")))  # read once, not per date typed
        u.fromEdit.setDate(_qdate(date_from))
        u.toEdit.setDate(_qdate(date_to))
        for code, name in i18n.LANGUAGES.items():
            u.languageCombo.addItem(name, code)
        u.languageCombo.setCurrentIndex(max(0, u.languageCombo.findData(i18n.current_language())))
        u.fileEdit.setText(str(self.default_path()))
        u.fromEdit.dateChanged.connect(self._suggest_name)
        u.toEdit.dateChanged.connect(self._suggest_name)
        u.chooseButton.clicked.connect(lambda: self.choose_file())
        u.exportButton.clicked.connect(self.start)
        u.cancelButton.clicked.connect(self.cancel)
        u.closeButton.clicked.connect(self.reject)
        u.progressBar.setRange(0, 1000)
        u.progressBar.setVisible(False)
        u.cancelButton.setVisible(False)

    def default_path(self) -> Path:
        return exports_dir() / self.suggested_name()

    def suggested_name(self) -> str:
        code = self.shop_code
        return f"{code}_{_date(self.ui.fromEdit.date()):%Y%m%d}-{_date(self.ui.toEdit.date()):%Y%m%d}.xlsx"

    def _suggest_name(self, *_args: object) -> None:
        current = Path(self.ui.fileEdit.text())
        self.ui.fileEdit.setText(str(current.with_name(self.suggested_name())))

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Save the head-office workbook"), self.ui.fileEdit.text(),
                                                    _("Excel workbooks (*.xlsx)"))
        if path:
            self.ui.fileEdit.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def start(self) -> bool:
        """Start the export in the background (False when it cannot start)."""
        u = self.ui
        if self.job is not None:
            return False
        date_from, date_to = _date(u.fromEdit.date()), _date(u.toEdit.date())
        path = Path(u.fileEdit.text().strip()).expanduser()
        unmasked = u.unmaskedCheck.isChecked()
        approver: Actor | None = None
        if unmasked and self.ctx.actor.role != MANAGER:
            assert self.ctx.ask_manager is not None
            approver = self.ctx.ask_manager(self, _("A manager must approve: {what}").format(
                what=_("export customer names and phones unmasked")))
            if approver is None:
                show_inline(u.messageLabel, _("Not exported: unmasked names and phones need a manager."))
                return False
        work = export_work(self.ctx.db, self.ctx.actor, path, date_from, date_to, unmasked, approver,
                           str(u.languageCombo.currentData()))
        # Closing the dialog cancels the export and waits for it (no half-written file).
        job = Job(work, owner=self, on_progress=self._progress, on_done=self._done, on_success=self._written,
                  on_cancelled=self._cancelled, on_failure=self._failed, name="export")
        self.job = job
        u.progressBar.setValue(0)
        u.progressBar.setVisible(True)
        u.cancelButton.setVisible(True)
        u.exportButton.setEnabled(False)
        u.noteLabel.setText("")
        show_inline(u.messageLabel, _("Exporting to {path}…").format(path=path), ok=True)
        job.start()
        return True

    def _progress(self, done: float, total: float, note: str) -> None:
        fraction = done / total if total else 0.0
        self.ui.progressBar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        self.ui.noteLabel.setText(note)

    def _done(self) -> None:
        self.job = None
        u = self.ui
        u.progressBar.setVisible(False)
        u.cancelButton.setVisible(False)
        u.exportButton.setEnabled(True)
        u.noteLabel.setText("")

    def _written(self, result: ExportResult) -> None:
        rows = result.rows
        tickets, receipts = rows.get("tickets", 0), rows.get("receipts", 0)
        show_inline(self.ui.messageLabel, _("Written to {path}: {tickets}, {receipts} ({masked}).").format(
            path=result.path,
            tickets=ngettext("{count} ticket", "{count} tickets", tickets).format(count=tickets),
            receipts=ngettext("{count} receipt", "{count} receipts", receipts).format(count=receipts),
            masked=_("names and phones masked") if result.masked else _("names and phones unmasked")),
            ok=True)
        self.finished_export.emit(str(result.path))

    def _cancelled(self) -> None:
        show_inline(self.ui.messageLabel, _("The export was cancelled; no file was written."))
        self.finished_export.emit("")

    def _failed(self, exc: BaseException) -> None:
        report(self, exc, self.ui.messageLabel)  # expected: said in the dialog; a bug: the crash dialog
        self.finished_export.emit("")

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
