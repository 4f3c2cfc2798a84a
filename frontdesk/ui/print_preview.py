"""Print preview: a document made by frontdesk.printing (a PDF) shown with
QtPdf, printed to a chosen printer, or saved as a PDF.  The printer chosen
for a kind of document (receipts on the thermal printer...) is remembered
on this machine.  A printer that is gone gives a clear message; the PDF is
kept, so nothing is lost and it can be printed again later."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from frontdesk.i18n import _
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import show_inline
from frontdesk.ui.generated.print_preview_ui import Ui_PrintPreviewDialog

log = logging.getLogger(__name__)

PRINTER_KEY = "printing/printer/{kind}"
RENDER_DPI = 300


def remembered_printer(kind: str) -> str:
    return str(QSettings().value(PRINTER_KEY.format(kind=kind), ""))


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of ``document`` on ``printer``; returns the pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for page in range(document.pageCount()):
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


class PrintPreviewDialog(QDialog):
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
        self.ui.pagesLabel.setText(_("{count} pages").format(count=self.document.pageCount()))
        self.ui.printButton.clicked.connect(self.choose_printer)
        self.ui.saveButton.clicked.connect(lambda: self.save_as())
        self.ui.closeButton.clicked.connect(self.accept)

    def printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        name = remembered_printer(self.kind)
        if name:
            printer.setPrinterName(name)
        if self.document.pageCount():
            size = self.document.pagePointSize(0)
            printer.setPageSize(QPageSize(size, QPageSize.Unit.Point, _("Document")))
        return printer

    def choose_printer(self) -> None:
        printer = self.printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print (the PDF stays, so a failed print loses nothing)."""
        is_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(printer.outputFileName())
        if not is_file and printer.printerName() not in QPrinterInfo.availablePrinterNames():
            show_inline(self.ui.messageLabel, _("The printer {name} is not there. The document is kept: print it "
                                                "again when the printer is back, or save it as a PDF.").format(
                name=printer.printerName() or _("(none)")))
            return False
        pages = print_pdf(self.document, printer)
        if not pages:
            show_inline(self.ui.messageLabel, _("The printer did not start. The document is kept: try again."))
            return False
        if not is_file:
            QSettings().setValue(PRINTER_KEY.format(kind=self.kind), printer.printerName())
        show_inline(self.ui.messageLabel, _("Printed {count} pages.").format(count=pages), ok=True)
        return True

    def save_as(self, path: str | None = None) -> Path | None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, _("Save as PDF"), self.pdf.name, _("PDF files (*.pdf)"))
            if not path:
                return None
        try:
            shutil.copyfile(self.pdf, path)
        except OSError as exc:
            show_inline(self.ui.messageLabel, _("Could not save: {error}").format(error=exc.strerror or exc))
            return None
        show_inline(self.ui.messageLabel, _("Saved to {path}.").format(path=path), ok=True)
        return Path(path)


_temp_dir: Path | None = None


def _temp_path(name: str) -> Path:
    """A file in this run's own temporary folder (kept until the program ends,
    so a document can be printed again)."""
    import tempfile

    global _temp_dir
    if _temp_dir is None:
        _temp_dir = Path(tempfile.mkdtemp(prefix="frontdesk-print-"))
    return _temp_dir / name


def preview(ctx: AppContext, parent: QWidget, title: str, kind: str, filename: str,
            make: Callable[[Session, Path], Path], label: QLabel) -> PrintPreviewDialog | None:
    """Make a document (``make(session, path)``) and open its preview without
    blocking; an expected problem (nothing to print) is said in ``label``."""
    from frontdesk.errors import FrontDeskError
    from frontdesk.ui.errors import describe

    path = _temp_path(filename)
    try:
        made = ctx.read(lambda s: make(s, path))
    except (FrontDeskError, OSError) as exc:
        show_inline(label, describe(exc))
        return None
    dialog = PrintPreviewDialog(made, title, kind, parent)
    dialog.open()
    return dialog
