"""Print preview: a printed document shown with QtPdf, printed to a PDF
printer, saved; a printer that is gone is said plainly and loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_helpers import diagnosed_fridge

from frontdesk.db.models import Technician
from frontdesk.printing.base import ShopHeader
from frontdesk.printing.feedback_card import CardData, write_feedback_cards
from frontdesk.ui.context import AppContext
from frontdesk.ui.print_preview import PrintPreviewDialog


def a_card(tmp_path: Path) -> Path:
    from datetime import date

    card = CardData(serial="C2026-000042", ticket_no="T2026-000123", issued_on=date(2026, 11, 24), technician="刘师傅",
                    customer="张三", product="冰箱 海尔 BCD-216")
    return write_feedback_cards([card], tmp_path / "card.pdf", ShopHeader("鸿运家电维修中心"), layout="a6")


def test_preview_prints_to_a_pdf_printer_and_saves(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = a_card(tmp_path)
    dialog = PrintPreviewDialog(pdf, "Feedback card", "card")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.document.pageCount() == 1 and dialog.ui.pagesLabel.text() == "1 page"
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(dialog.printed, timeout=20_000) as done:
        assert dialog.print_to(printer)
        assert dialog.ui.progressBar.isVisible() and not dialog.ui.printButton.isEnabled()
    assert done.args == [1]
    assert dialog.ui.messageLabel.text() == "Printed 1 page."
    assert not dialog.ui.progressBar.isVisible() and dialog.ui.printButton.isEnabled()
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 1
    saved = dialog.save_as(str(tmp_path / "copy.pdf"))
    assert saved is not None and saved.read_bytes() == pdf.read_bytes()
    assert dialog.save_as(str(tmp_path / "no-such-folder" / "x.pdf")) is None
    assert "Could not save" in dialog.ui.messageLabel.text()
    dialog.accept()


def test_a_printer_that_is_gone_loses_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = a_card(tmp_path)
    dialog = PrintPreviewDialog(pdf, "Feedback card", "card")
    qtbot.addWidget(dialog)
    printer = QPrinter()
    printer.setPrinterName("Counter-2 thermal (unplugged)")
    assert not dialog.print_to(printer)
    assert "is not there" in dialog.ui.messageLabel.text() and pdf.exists()


def test_printing_runs_in_the_background_and_can_be_cancelled(qtbot: QtBot, tmp_path: Path) -> None:
    from datetime import date

    cards = [CardData(serial=f"C2026-{i:06d}", ticket_no=f"T2026-{i:06d}", issued_on=date(2026, 11, 24),
                      technician="刘师傅") for i in range(1, 5)]
    pdf = write_feedback_cards(cards, tmp_path / "cards.pdf", ShopHeader("鸿运家电维修中心"), layout="a6")
    dialog = PrintPreviewDialog(pdf, "Feedback cards", "card")
    qtbot.addWidget(dialog)
    dialog.show()
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(dialog.printed, timeout=20_000) as done:
        assert dialog.print_to(printer)
        assert dialog.ui.cancelPrintButton.isVisible()
        assert not dialog.print_to(printer)  # one print run at a time
        assert "Still printing" in dialog.ui.messageLabel.text()
        qtbot.mouseClick(dialog.ui.cancelPrintButton, Qt.MouseButton.LeftButton)
    assert done.args == [0]
    assert "cancelled" in dialog.ui.messageLabel.text() and pdf.exists()
    assert dialog.ui.printButton.isEnabled() and not dialog.ui.cancelPrintButton.isVisible()
    with qtbot.waitSignal(dialog.printed, timeout=60_000) as again:  # and it prints again, whole
        assert dialog.print_to(printer)
    assert again.args == [4] and len(PdfReader(tmp_path / "printed.pdf").pages) == 4


def test_print_from_a_ticket_and_a_reprinted_receipt_says_copy(qtbot: QtBot, tmp_path: Path, ctx: AppContext,
                                                               shop: dict[str, object]) -> None:
    from frontdesk.billing import payments
    from frontdesk.followup import service as followup
    from frontdesk.intake import repairs, service, states
    from frontdesk.ui.receipts import ReceiptsScreen
    from frontdesk.ui.ticket_detail import TicketDetailDialog

    ticket_id = diagnosed_fridge(ctx, shop, approve=True)
    with ctx.db.write() as s:
        r = service.get_ticket(s, ticket_id)
        total = payments.balance(s, ticket_id).outstanding
        receipt = payments.take_payment(s, ctx.actor, ticket_id, "cash", total, tendered=total, counter="main")
        service.move(s, ctx.actor, ticket_id, states.IN_REPAIR)
        repairs.record_repair(s, ctx.actor, ticket_id, repairs.RepairResult("no_cooling", "adjusted"))
        tech = s.scalars(select(Technician)).first()
        assert tech is not None
        followup.issue_card(s, ctx.actor, ticket_id, technician_id=tech.id)
        r_number = r.number
    detail = TicketDetailDialog(ctx, ticket_id)
    qtbot.addWidget(detail)
    card = detail.print_document("card")
    assert card is not None and card.document.pageCount() == 1  # type: ignore[attr-defined]
    assert r_number in PdfReader(card.pdf).pages[0].extract_text()  # type: ignore[attr-defined]
    card.close()

    screen = ReceiptsScreen(ctx)
    qtbot.addWidget(screen)
    screen.ui.dayEdit.setText("")
    screen.load()
    roll = screen.print_receipt("80mm")
    assert roll is not None
    assert abs(roll.document.pagePointSize(0).width() - 80 / 25.4 * 72) < 1  # type: ignore[attr-defined]
    roll.close()
    screen.reprint()
    copy = screen.print_dialog
    assert copy is not None
    text = "".join(page.extract_text() for page in PdfReader(copy.pdf).pages)  # type: ignore[attr-defined]
    assert "COPY" in text and receipt.number in text
    printer = copy.printer()  # type: ignore[attr-defined]
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "copy-printed.pdf"))
    with qtbot.waitSignal(copy.printed, timeout=20_000):  # type: ignore[attr-defined]
        assert copy.print_to(printer)  # type: ignore[attr-defined]
    assert len(PdfReader(tmp_path / "copy-printed.pdf").pages) == 1



def a_roll_receipt(ctx: AppContext, shop: dict[str, object], tmp_path: Path) -> tuple[str, Path]:
    """A paid ticket's receipt on the 80 mm roll: (its number, the PDF)."""
    from frontdesk.billing import payments
    from frontdesk.printing import documents

    ticket_id = diagnosed_fridge(ctx, shop, approve=True)
    with ctx.db.write() as s:
        total = payments.balance(s, ticket_id).outstanding
        receipt = payments.take_payment(s, ctx.actor, ticket_id, "card", total, counter="main")
        pdf = documents.print_receipt(s, receipt.number, tmp_path / "roll.pdf", size="80mm")
    return receipt.number, pdf


ROLL_WIDTH_PT = 80 / 25.4 * 72


def test_a_roll_receipt_prints_on_paper_of_its_own_size(qtbot: QtBot, tmp_path: Path, ctx: AppContext,
                                                        shop: dict[str, object]) -> None:
    """80 mm wide and as long as the receipt, full page: not Letter or A4,
    and not shrunk inside a printer's margins."""
    number, pdf = a_roll_receipt(ctx, shop, tmp_path)
    dialog = PrintPreviewDialog(pdf, f"Receipt {number}", "receipt")
    qtbot.addWidget(dialog)
    length = dialog.document.pagePointSize(0).height()
    assert length > 200  # a real receipt, longer than it is wide
    printer = dialog.printer()
    layout = printer.pageLayout()
    page = layout.fullRectPoints()
    assert abs(page.width() - ROLL_WIDTH_PT) < 1 and abs(page.height() - length) < 1
    assert printer.fullPage() and layout.margins().isNull()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(dialog.printed, timeout=20_000) as done:
        assert dialog.print_to(printer)
    assert done.args == [1]
    box = PdfReader(tmp_path / "printed.pdf").pages[0].mediabox
    assert abs(float(box.width) - ROLL_WIDTH_PT) < 1 and abs(float(box.height) - length) < 1


def test_the_print_dialog_does_not_put_letter_paper_back(qtbot: QtBot, tmp_path: Path, ctx: AppContext,
                                                         shop: dict[str, object],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Picking a printer in the print dialog gives it that printer's default
    paper; the receipt is still printed on its own."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtWidgets import QDialog

    from frontdesk.ui import print_preview

    class PrintDialog:  # as the real one does when a printer is picked: its default paper, its margins
        def __init__(self, printer: QPrinter, _parent: object) -> None:
            self.printer = printer

        def exec(self) -> QDialog.DialogCode:
            self.printer.setFullPage(False)
            self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
            self.printer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Point)
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(print_preview, "QPrintDialog", PrintDialog)
    _number, pdf = a_roll_receipt(ctx, shop, tmp_path)
    dialog = PrintPreviewDialog(pdf, "Receipt", "receipt")
    qtbot.addWidget(dialog)
    sent: list[QPrinter] = []

    def print_to(printer: QPrinter) -> bool:
        sent.append(printer)
        return True

    monkeypatch.setattr(dialog, "print_to", print_to)
    dialog.choose_printer()
    assert len(sent) == 1
    page = sent[0].pageLayout().fullRectPoints()
    assert abs(page.width() - ROLL_WIDTH_PT) < 1
    assert abs(page.height() - dialog.document.pagePointSize(0).height()) < 1
    assert sent[0].fullPage() and sent[0].pageLayout().margins().isNull()
