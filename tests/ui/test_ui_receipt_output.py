"""The receipt at the payment: a payment, deposit, refund or correction taken
in the window gives out its receipt at once, in the print preview or
straight on this counter's receipt printer, on the counter's receipt size
(docs/rules.md#receipts-and-invoices)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from ui_helpers import Approvals, diagnosed_fridge

from frontdesk.billing import payments
from frontdesk.billing.models import Waiver
from frontdesk.loaners import service as loaners
from frontdesk.ui import print_preview
from frontdesk.ui.context import AppContext
from frontdesk.ui.jobs import Progress
from frontdesk.ui.machine import prints_receipts_straight, receipt_size, set_prints_receipts_straight, set_receipt_size
from frontdesk.ui.payment_dialog import PaymentDialog
from frontdesk.ui.pickup_dialog import PickupDialog
from frontdesk.ui.print_preview import PrinterFailed, PrintPreviewDialog
from frontdesk.ui.receipts import ReceiptsScreen
from frontdesk.ui.settings_screen import SettingsScreen
from frontdesk.ui.ticket_detail import TicketDetailDialog
from frontdesk.users import Actor

ROLL_WIDTH_PT = 80 / 25.4 * 72
A5_WIDTH_PT = 148 / 25.4 * 72
THERMAL = "Counter 1 thermal"


@pytest.fixture
def quoted(ctx: AppContext, shop: dict[str, object]) -> int:
    """A fridge whose quote the customer approved: money is owed."""
    return diagnosed_fridge(ctx, shop, approve=True)


def billing_tab(qtbot: QtBot, ctx: AppContext, ticket_id: int) -> TicketDetailDialog:
    dialog = TicketDetailDialog(ctx, ticket_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.tabs.setCurrentIndex(1)
    return dialog


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def previews() -> list[PrintPreviewDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog) and w.isVisible()]


def pay(dialog: QDialog | None, amount: str | None = None, method: str = "card") -> payments.ReceiptView:
    """The payment dialog filled in and confirmed as the clerk does: the receipt it issued."""
    assert isinstance(dialog, PaymentDialog)
    u = dialog.ui
    u.methodCombo.setCurrentIndex(u.methodCombo.findData(method))
    if amount is not None:
        u.amountEdit.setText(amount)
    dialog.take()
    assert dialog.receipt is not None, u.messageLabel.text()
    assert dialog.result() == QDialog.DialogCode.Accepted
    return dialog.receipt


class Printed:
    """Stands in for the print run itself (there is no printer here): records
    what would have been printed, on which printer, on what paper."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, outcome: Callable[[], int] = lambda: 1) -> None:
        self.runs: list[tuple[Path, QPrinter]] = []
        self.names: list[str] = []
        self.outcome = outcome
        real = print_preview.document_printer

        def document_printer(document: QPdfDocument, name: str = "") -> QPrinter:
            self.names.append(name)
            return real(document, name)

        def print_work(pdf: Path, printer: QPrinter) -> Callable[[Progress], int]:
            self.runs.append((pdf, printer))
            return lambda _progress: self.outcome()

        monkeypatch.setattr(print_preview, "document_printer", document_printer)
        monkeypatch.setattr(print_preview, "print_work", print_work)
        monkeypatch.setattr(print_preview, "available_printers", lambda: [THERMAL, "Office laser"])


def test_a_payment_opens_its_receipt_in_the_preview(qtbot: QtBot, ctx: AppContext, quoted: int) -> None:
    panel = billing_tab(qtbot, ctx, quoted).quote_panel
    receipt = pay(panel.open_payment("payment"))
    assert panel.ui.messageLabel.text() == f"Receipt {receipt.number} issued."
    preview = panel.print_dialog
    assert isinstance(preview, PrintPreviewDialog) and preview.isVisible() and previews() == [preview]
    assert receipt.number in preview.windowTitle() and receipt.number in pdf_text(preview.pdf)
    assert preview.document.pageCount() == 1
    assert abs(preview.document.pagePointSize(0).width() - A5_WIDTH_PT) < 1  # the counter's size: A5 by default
    assert preview.kind == "a5"


def test_on_the_roll_the_preview_shows_the_80_mm_receipt(qtbot: QtBot, ctx: AppContext, quoted: int) -> None:
    set_receipt_size("80mm")
    panel = billing_tab(qtbot, ctx, quoted).quote_panel
    receipt = pay(panel.open_payment("payment"), method="cash")
    preview = panel.print_dialog
    assert isinstance(preview, PrintPreviewDialog) and receipt.number in pdf_text(preview.pdf)
    assert abs(preview.document.pagePointSize(0).width() - ROLL_WIDTH_PT) < 1
    assert preview.kind == "receipt"  # printed on the printer remembered for receipts on the roll
    printer = preview.printer()
    assert abs(printer.pageLayout().fullRectPoints().width() - ROLL_WIDTH_PT) < 1


def test_printed_straight_away_on_the_remembered_printer(qtbot: QtBot, ctx: AppContext, quoted: int,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    set_receipt_size("80mm")
    set_prints_receipts_straight(True)
    QSettings().setValue(print_preview.PRINTER_KEY.format(kind="receipt"), THERMAL)
    printed = Printed(monkeypatch)
    panel = billing_tab(qtbot, ctx, quoted).quote_panel
    receipt = pay(panel.open_payment("payment"))
    assert panel.print_dialog is None and previews() == []  # no preview
    assert printed.names == [THERMAL] and len(printed.runs) == 1
    pdf, printer = printed.runs[0]
    assert receipt.number in pdf_text(pdf)
    assert abs(printer.pageLayout().fullRectPoints().width() - ROLL_WIDTH_PT) < 1 and printer.fullPage()
    qtbot.wait(50)  # the print run reports back: nothing more opens
    assert previews() == []
    assert panel.ui.messageLabel.text() == f"Receipt {receipt.number} issued."


def test_with_no_receipt_printer_yet_the_preview_opens_and_says_why(qtbot: QtBot, ctx: AppContext, quoted: int,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    set_prints_receipts_straight(True)
    printed = Printed(monkeypatch)
    panel = billing_tab(qtbot, ctx, quoted).quote_panel
    receipt = pay(panel.open_payment("payment"), amount="10")
    preview = panel.print_dialog
    assert isinstance(preview, PrintPreviewDialog) and receipt.number in pdf_text(preview.pdf)
    assert "No receipt printer is chosen on this counter yet" in preview.ui.messageLabel.text()
    assert printed.runs == []
    QSettings().setValue(print_preview.PRINTER_KEY.format(kind="a5"), "Back office laser (gone)")
    receipt = pay(panel.open_payment("payment"), amount="10")
    preview = panel.print_dialog
    assert isinstance(preview, PrintPreviewDialog) and receipt.number in pdf_text(preview.pdf)
    assert "Back office laser (gone) is not there" in preview.ui.messageLabel.text()
    assert printed.runs == []


def test_a_printer_that_fails_opens_the_kept_receipt(qtbot: QtBot, ctx: AppContext, quoted: int,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    set_prints_receipts_straight(True)
    QSettings().setValue(print_preview.PRINTER_KEY.format(kind="a5"), "Office laser")

    def jammed() -> int:
        raise PrinterFailed("The printer did not start. The document is kept: try again.")

    printed = Printed(monkeypatch, jammed)
    panel = billing_tab(qtbot, ctx, quoted).quote_panel
    receipt = pay(panel.open_payment("payment"))
    assert panel.print_dialog is None and printed.names == ["Office laser"]
    qtbot.waitUntil(lambda: len(previews()) == 1, timeout=5_000)
    preview = previews()[0]
    assert preview.pdf == printed.runs[0][0] and receipt.number in pdf_text(preview.pdf)
    assert "The printer did not start" in preview.ui.messageLabel.text()


def test_using_the_deposit_and_a_refund_open_their_receipts(qtbot: QtBot, ctx: AppContext, quoted: int,
                                                             shop: dict[str, object]) -> None:
    """The customer asks to pay the bill from the loaner deposit held: the
    receipt opens; a bill overpaid (here: a discount recorded after the
    payment, as an older version allowed) shows Refund…, whose receipt opens."""
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    with ctx.db.write() as s:
        loaners.add_unit(s, manager, "LN-1", "refrigerator")
        loaners.lend(s, ctx.actor, quoted, "LN-1", date(2026, 12, 30), "良好", "500", counter="main")
        owed = payments.balance(s, quoted).outstanding
    panel = billing_tab(qtbot, ctx, quoted).quote_panel
    assert panel.ui.refundButton.isHidden() and panel.ui.depositButton.isEnabled()
    assert "loaner deposit held ¥500.00" in panel.ui.balanceLabel.text()
    use = panel.open_apply_deposit()
    assert Decimal(use.ui.amountEdit.text()) == owed  # type: ignore[attr-defined]
    use.check()  # type: ignore[attr-defined]
    preview = panel.print_dialog
    assert isinstance(preview, PrintPreviewDialog)
    applied = ctx.read(lambda s: payments.list_receipts(s, ticket_id=quoted))[-1]
    assert applied.kind == payments.DEPOSIT_APPLIED and applied.number in pdf_text(preview.pdf)
    preview.accept()
    assert not panel.ui.depositButton.isEnabled()  # nothing owed any more
    assert f"put toward the bill ¥{owed:.2f}" in panel.ui.balanceLabel.text()

    with ctx.db.write() as s:
        s.add(Waiver(ticket_id=quoted, amount=Decimal("10.00"), reason="旧版本的折扣", approver_id=manager.id,
                     granted_by_id=manager.id, at=datetime(2026, 11, 21, 9), counter="main"))
    panel.reload()
    assert panel.ui.refundButton.isVisible()
    dialog = panel.open_payment("refund")
    u = dialog.ui  # type: ignore[attr-defined]
    assert dialog.windowTitle() == "Refund the customer" and Decimal(u.amountEdit.text()) == Decimal("10.00")
    u.methodCombo.setCurrentIndex(u.methodCombo.findData("cash"))
    assert u.tenderedEdit.isHidden()  # money handed out: nothing tendered, no change
    dialog.take()  # type: ignore[attr-defined]
    refund = dialog.receipt  # type: ignore[attr-defined]
    assert refund is not None and refund.kind == payments.REFUND and refund.amount == Decimal("10.00")
    preview = panel.print_dialog
    assert isinstance(preview, PrintPreviewDialog) and refund.number in pdf_text(preview.pdf)
    assert ctx.read(lambda s: payments.balance(s, quoted).outstanding) == 0
    assert panel.ui.refundButton.isHidden()


def test_a_correction_opens_its_receipt(qtbot: QtBot, ctx: AppContext, quoted: int, approvals: Approvals,
                                        shop: dict[str, object]) -> None:
    with ctx.db.write() as s:
        paid = payments.take_payment(s, ctx.actor, quoted, "cash", Decimal("50"), counter="main")
    screen = ReceiptsScreen(ctx)
    qtbot.addWidget(screen)
    screen.ui.dayEdit.setText("")
    screen.load()
    dialog = screen.correct()
    assert dialog is not None
    du = dialog.ui  # type: ignore[attr-defined]
    du.amountEdit.setText("40")
    du.methodCombo.setCurrentIndex(du.methodCombo.findData("card"))
    du.reasonEdit.setText("card, not cash")
    approvals.manager = shop["manager"]  # type: ignore[assignment]
    dialog.check()  # type: ignore[attr-defined]
    message = screen.ui.messageLabel.text()
    assert message.startswith("Receipt R2026-") and f"replaces {paid.number}" in message
    number = message.split()[1]
    preview = screen.print_dialog
    assert isinstance(preview, PrintPreviewDialog) and preview.isVisible()
    text = pdf_text(preview.pdf)
    assert number in text and paid.number in text  # the correction, naming the receipt it corrects


def test_a_payment_at_the_pick_up_opens_its_receipt(qtbot: QtBot, ctx: AppContext, quoted: int) -> None:
    dialog = PickupDialog(ctx, quoted)
    qtbot.addWidget(dialog)
    dialog.show()
    receipt = pay(dialog.open_payment())
    assert dialog.ui.messageLabel.text() == f"Receipt {receipt.number} issued."
    preview = dialog.print_dialog
    assert isinstance(preview, PrintPreviewDialog) and receipt.number in pdf_text(preview.pdf)


def test_the_counter_sets_its_receipts_in_settings(qtbot: QtBot, ctx: AppContext) -> None:
    screen = SettingsScreen(ctx)
    qtbot.addWidget(screen)
    u = screen.ui
    assert u.receiptSizeCombo.currentData() == "a5" and not u.printStraightCheck.isChecked()
    u.receiptSizeCombo.setCurrentIndex(u.receiptSizeCombo.findData("80mm"))
    u.printStraightCheck.setChecked(True)
    assert receipt_size() == "80mm" and prints_receipts_straight()
    again = SettingsScreen(ctx)  # kept on this machine
    qtbot.addWidget(again)
    assert again.ui.receiptSizeCombo.currentText() == "80 mm roll" and again.ui.printStraightCheck.isChecked()
    u.printStraightCheck.setChecked(False)
    assert not prints_receipts_straight()
