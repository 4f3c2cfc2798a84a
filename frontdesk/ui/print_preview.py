"""Print preview: a document made by frontdesk.printing (a PDF) shown with
QtPdf, printed to a chosen printer, or saved as a PDF.  The printer chosen
for a kind of document (receipts on the thermal printer...) is remembered
on this machine.  A document is printed on paper of its own size, full page
(it carries its own margins): an 80 mm receipt on the roll, as long as it
is, never shrunk onto Letter or A4.  Printing runs in the background (a
progress bar and a cancel button; the window stays usable).  A printer that
is gone gives a clear message; the PDF is kept, so nothing is lost and it
can be printed again later.  :func:`print_straight` prints a document with
no preview (a receipt, when the counter prints them straight away)."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSettings, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from frontdesk.errors import FrontDeskError
from frontdesk.i18n import _, ngettext
from frontdesk.paths import exports_dir
from frontdesk.private_files import new_file
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import describe, report, show_inline
from frontdesk.ui.generated.print_preview_ui import Ui_PrintPreviewDialog
from frontdesk.ui.jobs import Job, Progress
from frontdesk.ui.qt_support import fit_to_screen

log = logging.getLogger(__name__)

PRINTER_KEY = "printing/printer/{kind}"
RENDER_DPI = 300


def remembered_printer(kind: str) -> str:
    return str(QSettings().value(PRINTER_KEY.format(kind=kind), ""))


def available_printers() -> list[str]:
    """The printers this machine can print on now."""
    return list(QPrinterInfo.availablePrinterNames())


def fit_to_document(printer: QPrinter, document: QPdfDocument) -> None:
    """Set ``printer`` up for ``document``'s own page: the size of its first
    page (an 80 mm receipt: the roll's width and the receipt's length; an A5
    receipt: A5), upright or turned as the page is, full page with no
    margins, since every document of frontdesk.printing carries its own.
    Called again after the print dialog, which puts the printer's default
    paper (Letter, A4) back when a printer is picked in it."""
    if not document.pageCount():
        return
    size = document.pagePointSize(0)
    landscape = size.width() > size.height()
    upright = QSizeF(size.height(), size.width()) if landscape else QSizeF(size)
    printer.setFullPage(True)
    # Exactly: the default fuzzy match snaps a receipt that happens to be
    # near a standard sheet (an envelope) to that sheet's width.
    printer.setPageSize(QPageSize(upright, QPageSize.Unit.Point, _("Document"),
                                  QPageSize.SizeMatchPolicy.ExactMatch))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def document_printer(document: QPdfDocument, name: str = "") -> QPrinter:
    """A printer (``name``, else this machine's default) set up for ``document``."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if name:
        printer.setPrinterName(name)  # first: naming a printer puts its default paper back
    fit_to_document(printer, document)
    return printer


def print_pdf(document: QPdfDocument, printer: QPrinter,
              keep_going: Callable[[int, int], bool] | None = None) -> int:
    """Paint every page of ``document`` on ``printer``; returns the pages
    printed.  ``keep_going(done, total)`` is asked before each page: False
    aborts the print run (0 is returned)."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for page in range(document.pageCount()):
            if keep_going is not None and not keep_going(page, document.pageCount()):
                printer.abort()
                return 0
            if page:
                printer.newPage()
            target = painter.viewport()
            size = document.pagePointSize(page)
            pixels = QSize(int(size.width() / 72 * RENDER_DPI), int(size.height() / 72 * RENDER_DPI))
            image = document.render(page, pixels).scaled(
                target.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            painter.drawImage(target.x(), target.y(), image)
        return document.pageCount()
    finally:
        painter.end()


class PrinterFailed(FrontDeskError):
    """The printer did not take the document."""


def print_work(pdf: Path, printer: QPrinter) -> Callable[[Progress], int]:
    """Printing as a background job's work: the PDF file on ``printer``, with
    its own QPdfDocument (painting on a QPrinter off the window's thread is
    supported by Qt).  Returns the pages printed; a printer that does not
    start is an expected problem (the PDF is kept)."""

    def work(progress: Progress) -> int:
        document = QPdfDocument()
        try:
            document.load(str(pdf))
            pages = print_pdf(document, printer, lambda done, total: progress.report(done, total))
        finally:
            document.close()
        if not pages:
            progress.check()  # stopped by a cancel: not a failure
            raise PrinterFailed(_("The printer did not start. The document is kept: try again."))
        return pages

    return work


class PrintPreviewDialog(QDialog):
    """Emits ``printed(pages)`` when a print run ends (0: it failed or was
    cancelled)."""

    printed = Signal(int)

    def __init__(self, pdf: Path, title: str, kind: str = "document", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = Path(pdf)
        self.kind = kind
        self.ui = Ui_PrintPreviewDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.titleLabel.setText(f"<b>{title}</b>")
        # The document stays unparented: parented to the view it crashes on teardown.
        self.document = QPdfDocument()
        self.document.load(str(self.pdf))
        self.view = QPdfView(self.ui.viewBox)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout = QVBoxLayout(self.ui.viewBox)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        pages = self.document.pageCount()
        self.ui.pagesLabel.setText(ngettext("{count} page", "{count} pages", pages).format(count=pages))
        self.job: Job[int] | None = None
        self.ui.cancelPrintButton.clicked.connect(self.cancel_printing)
        self.ui.printButton.clicked.connect(self.choose_printer)
        self.ui.saveButton.clicked.connect(lambda: self.save_as())
        self.ui.closeButton.clicked.connect(self.accept)
        fit_to_screen(self)  # the form's default height is for a tall screen

    def printer(self) -> QPrinter:
        """The printer remembered for this kind of document, set up for it."""
        return document_printer(self.document, remembered_printer(self.kind))

    def choose_printer(self) -> None:
        printer = self.printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        fit_to_document(printer, self.document)  # the dialog gave the chosen printer its default paper
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Start printing in the background; False when it cannot start (the
        PDF stays, so a failed print loses nothing).  ``printed`` says the end."""
        if self.job is not None:
            show_inline(self.ui.messageLabel, _("Still printing: wait for it to finish or cancel it."))
            return False
        is_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(printer.outputFileName())
        if not is_file and printer.printerName() not in available_printers():
            show_inline(self.ui.messageLabel, _("The printer {name} is not there. The document is kept: print it "
                                                "again when the printer is back, or save it as a PDF.").format(
                name=printer.printerName() or _("(none)")))
            return False
        # Closing the dialog cancels the print run and waits for it (never a
        # thread left painting on a closed window).
        job = Job(print_work(self.pdf, printer), owner=self, on_progress=self._progress, on_done=self._done,
                  on_success=lambda pages: self._printed(printer, is_file, pages), on_cancelled=self._cancelled,
                  on_failure=self._failed, name="print")
        self.job = job
        u = self.ui
        u.progressBar.setRange(0, max(1, self.document.pageCount()))
        u.progressBar.setValue(0)
        u.progressBar.setVisible(True)
        u.cancelPrintButton.setVisible(True)
        u.printButton.setEnabled(False)
        show_inline(u.messageLabel, _("Printing on {name}…").format(
            name=printer.printerName() or printer.outputFileName()), ok=True)
        job.start()
        return True

    def _progress(self, done: float, total: float, _text: str) -> None:
        self.ui.progressBar.setRange(0, max(1, int(total)))
        self.ui.progressBar.setValue(int(done))

    def _done(self) -> None:
        self.job = None
        u = self.ui
        u.progressBar.setVisible(False)
        u.cancelPrintButton.setVisible(False)
        u.printButton.setEnabled(True)

    def _printed(self, printer: QPrinter, is_file: bool, pages: int) -> None:
        if not is_file:
            QSettings().setValue(PRINTER_KEY.format(kind=self.kind), printer.printerName())
        show_inline(self.ui.messageLabel, ngettext("Printed {count} page.", "Printed {count} pages.", pages).format(
            count=pages), ok=True)
        self.printed.emit(pages)

    def _cancelled(self) -> None:
        show_inline(self.ui.messageLabel, _("Printing was cancelled. The document is kept: print it again when "
                                            "you are ready."))
        self.printed.emit(0)

    def _failed(self, exc: BaseException) -> None:
        report(self, exc, self.ui.messageLabel)  # a printer that failed: said here; a bug: the crash dialog
        self.printed.emit(0)

    def cancel_printing(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def save_as(self, path: str | None = None) -> Path | None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, _("Save as PDF"), str(exports_dir() / self.pdf.name),
                                                        _("PDF files (*.pdf)"))
            if not path:
                return None
        try:
            shutil.copyfile(self.pdf, new_file(path))  # 0600 when made here: docs/rules.md#private-files
        except OSError as exc:
            show_inline(self.ui.messageLabel, _("Could not save: {error}").format(error=exc.strerror or exc))
            return None
        show_inline(self.ui.messageLabel, _("Saved to {path}.").format(path=path), ok=True)
        return Path(path)


_temp_dir: Path | None = None


def _temp_path(name: str) -> Path:
    """A file in this run's own temporary folder (kept until the program ends,
    so a document can be printed again)."""
    global _temp_dir
    if _temp_dir is None:
        _temp_dir = Path(tempfile.mkdtemp(prefix="frontdesk-print-"))
    return _temp_dir / name


def make_document(ctx: AppContext, parent: QWidget | None, filename: str, make: Callable[[Session, Path], Path],
                  label: QLabel | None) -> Path | None:
    """Make a document (``make(session, path)``) in this run's temporary
    folder; an expected problem (nothing to print) is said in ``label``
    (else in a message box) and None returned."""
    path = _temp_path(filename)
    try:
        return ctx.read(lambda s: make(s, path))
    except (FrontDeskError, OSError) as exc:
        if label is not None:
            show_inline(label, describe(exc))
        else:
            report(parent, exc)
        return None


def preview(ctx: AppContext, parent: QWidget, title: str, kind: str, filename: str,
            make: Callable[[Session, Path], Path], label: QLabel | None) -> PrintPreviewDialog | None:
    """Make a document (``make(session, path)``) and open its preview without
    blocking; an expected problem (nothing to print) is said in ``label``."""
    made = make_document(ctx, parent, filename, make, label)
    if made is None:
        return None
    dialog = PrintPreviewDialog(made, title, kind, parent)
    dialog.open()
    return dialog


def print_straight(pdf: Path, printer_name: str, owner: QWidget | None,
                   on_failure: Callable[[BaseException], None]) -> Job[int]:
    """Print ``pdf`` on ``printer_name`` at once, with no preview, in the
    background, on paper of the document's size.  ``owner`` is the widget
    whose window the job belongs to (closing it cancels the print run).  A
    printer that fails goes to ``on_failure`` (the PDF is kept)."""
    document = QPdfDocument()
    try:
        document.load(str(pdf))
        printer = document_printer(document, printer_name)
    finally:
        document.close()
    printer.setDocName(pdf.stem)
    return Job(print_work(pdf, printer), owner=owner, on_failure=on_failure, name="print").start()
