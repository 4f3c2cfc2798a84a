"""Billing at the counter: the quote priced by the lower standard, the
customer's approval, a cash payment with change, a void with (and without)
the manager's PIN, and a reprint marked COPY."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_helpers import Approvals, diagnosed_fridge

from frontdesk.billing import payments, quotes
from frontdesk.billing.models import Receipt
from frontdesk.db.models import Ticket, User
from frontdesk.intake import states
from frontdesk.ui.context import AppContext
from frontdesk.ui.fees_screen import FeesScreen
from frontdesk.ui.receipts import ReceiptsScreen
from frontdesk.ui.ticket_detail import TicketDetailDialog


@pytest.fixture
def fridge(ctx: AppContext, shop: dict[str, object]) -> int:
    """A fridge out of warranty for labour, its compressor still covered, being diagnosed."""
    return diagnosed_fridge(ctx, shop)


def open_billing(qtbot: QtBot, ctx: AppContext, ticket_id: int) -> TicketDetailDialog:
    dialog = TicketDetailDialog(ctx, ticket_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.tabs.setCurrentIndex(1)
    return dialog


def add(panel: object, kind: str, code: str | None = None, component: str | None = None) -> None:
    u = panel.ui  # type: ignore[attr-defined]
    u.kindCombo.setCurrentIndex(u.kindCombo.findData(kind))
    if code is not None:
        u.codeCombo.setCurrentIndex(u.codeCombo.findData(code))
    if component is not None:
        u.componentCombo.setCurrentIndex(u.componentCombo.findData(component))
    u.addLineButton.click()


def cell(table: object, row: int, col: int) -> str:
    return table.item(row, col).text()  # type: ignore[attr-defined]


def test_quote_approve_pay_cash_void_and_reprint(qtbot: QtBot, ctx: AppContext, fridge: int, approvals: Approvals,
                                                 shop: dict[str, object]) -> None:
    dialog = open_billing(qtbot, ctx, fridge)
    panel = dialog.quote_panel
    u = panel.ui
    assert u.makeQuoteButton.isEnabled() is False  # nothing to quote yet
    add(panel, "labour", "major")
    add(panel, "part", None, "compressor")
    lines = u.linesTable
    assert lines.rowCount() == 2
    assert cell(lines, 0, 5) == "Fee schedule" and cell(lines, 0, 6) != "0.00"
    assert cell(lines, 1, 1) == "Compressor" and cell(lines, 1, 6) == "0.00"  # the compressor is in warranty
    calc = panel.reprice()
    # a new shop's prices include VAT: the total is the lines' sum, the VAT in it shown
    assert calc is not None and calc.total == calc.subtotal and calc.tax == (calc.total * 13 / 113).quantize(Decimal("0.01"))
    assert f"<b>total ¥{calc.total:.2f}</b> (of which VAT 13% ¥{calc.tax:.2f})" in u.totalsLabel.text()
    qtbot.mouseClick(u.makeQuoteButton, Qt.MouseButton.LeftButton)
    assert u.messageLabel.text() == "The quote is ready for the customer."
    assert ctx.read(lambda s: s.get_one(Ticket, fridge).state) == states.QUOTED
    assert not u.addLineButton.isEnabled() and u.approveButton.isEnabled()

    qtbot.mouseClick(u.approveButton, Qt.MouseButton.LeftButton)
    assert "approved" in u.messageLabel.text()
    assert ctx.read(lambda s: s.get_one(Ticket, fridge).state) == states.APPROVED
    assert "Approved at the counter by 王芳" in u.totalsLabel.text()
    timeline = [dialog.ui.timeline.item(r, 2).text() for r in range(dialog.ui.timeline.rowCount())]
    assert any("approved at the counter" in t for t in timeline)

    # Cash: the change shows as the amount tendered is typed.
    pay = panel.open_payment("payment")
    pu = pay.ui  # type: ignore[attr-defined]
    assert Decimal(pu.amountEdit.text()) == calc.total
    pu.methodCombo.setCurrentIndex(pu.methodCombo.findData("cash"))
    qtbot.keyClicks(pu.tenderedEdit, "100")
    assert "less than the amount" in pu.messageLabel.text()
    pu.tenderedEdit.setText(f"{calc.total + Decimal('50'):.2f}")
    assert pu.changeLabel.text() == "¥ 50.00"
    pay.take()  # type: ignore[attr-defined]
    assert u.messageLabel.text() == "Receipt R2026-000001 issued. Change: ¥50.00"
    assert cell(u.receiptsTable, 0, 0) == "R2026-000001"
    assert "outstanding ¥0.00" in u.balanceLabel.text()

    # The receipt list: a clerk's void needs the manager's PIN.
    screen = ReceiptsScreen(ctx)
    qtbot.addWidget(screen)
    screen.ui.dayEdit.setText("")
    screen.load()
    assert screen.ui.table.rowCount() == 1 and cell(screen.ui.table, 0, 0) == "R2026-000001"
    assert "Receipt R2026-000001" in screen.ui.preview.toPlainText()
    assert "COPY" not in screen.ui.preview.toPlainText()
    view = screen.reprint()
    assert view is not None and view.copy
    assert "COPY" in screen.ui.preview.toPlainText()
    assert "reprinted 1×" in cell(screen.ui.table, 0, 7)

    void = screen.void()
    assert void is not None
    void.ui.reasonEdit.setText("wrong method")  # type: ignore[attr-defined]
    approvals.manager = None  # the manager does not come
    void.check()  # type: ignore[attr-defined]
    assert approvals.asked[-1].startswith("A manager must approve")
    assert "A manager must approve" in screen.ui.messageLabel.text()
    assert ctx.read(lambda s: s.scalars(select(Receipt)).one().voided_at) is None

    void = screen.void()
    assert void is not None
    void.ui.reasonEdit.setText("wrong method")  # type: ignore[attr-defined]
    approvals.manager = shop["manager"]  # type: ignore[assignment]
    void.check()  # type: ignore[attr-defined]
    assert screen.ui.messageLabel.text() == "Receipt R2026-000001 is void."
    receipt = ctx.read(lambda s: s.execute(select(Receipt.number, Receipt.void_reason)).one())
    assert tuple(receipt) == ("R2026-000001", "wrong method")  # the number is kept
    assert "VOID" in screen.ui.preview.toPlainText()
    assert ctx.read(lambda s: payments.balance(s, fridge).outstanding) == calc.total


def test_declined_quote_owes_the_inspection_fee(qtbot: QtBot, ctx: AppContext, fridge: int) -> None:
    dialog = open_billing(qtbot, ctx, fridge)
    panel = dialog.quote_panel
    add(panel, "labour", "medium")
    panel.ui.makeQuoteButton.click()
    assert panel.ui.faultFoundCheck.isChecked()
    panel.ui.declineButton.click()
    assert panel.ui.messageLabel.text() == "The customer declined the quote."
    owed = ctx.read(lambda s: quotes.quote_view(s, quotes.current_quote(s, fridge).id).owed)  # type: ignore[union-attr]
    assert owed > 0 and f"¥{owed:.2f}" in panel.ui.balanceLabel.text()
    assert ctx.read(lambda s: s.get_one(Ticket, fridge).state) == states.DECLINED


def test_a_waiver_needs_the_manager(qtbot: QtBot, ctx: AppContext, fridge: int, approvals: Approvals,
                                    shop: dict[str, object]) -> None:
    dialog = open_billing(qtbot, ctx, fridge)
    panel = dialog.quote_panel
    add(panel, "labour", "minor")
    panel.ui.makeQuoteButton.click()
    panel.ui.approveButton.click()
    waiver = panel.open_waiver()
    waiver.ui.amountEdit.setText("abc")  # type: ignore[attr-defined]
    waiver.ui.reasonEdit.setText("老顾客")  # type: ignore[attr-defined]
    waiver.check()  # type: ignore[attr-defined]
    assert "must be a number" in waiver.ui.messageLabel.text()  # type: ignore[attr-defined]
    waiver.ui.amountEdit.setText("10")  # type: ignore[attr-defined]
    approvals.manager = shop["manager"]  # type: ignore[assignment]
    waiver.check()  # type: ignore[attr-defined]
    assert panel.ui.messageLabel.text() == "Waiver of ¥10.00 recorded."
    assert "waived ¥10.00" in panel.ui.balanceLabel.text()
    assert len(approvals.asked) == 1 and approvals.asked[0].startswith("A manager must approve")
    assert ctx.read(lambda s: [(w.amount, w.reason) for w in payments.list_waivers(s, ticket_id=fridge)]) == [
        (Decimal("10.00"), "老顾客")]


def test_fee_schedule_editor_saves_with_a_manager_and_lists_import_problems(
        qtbot: QtBot, ctx: AppContext, fridge: int, approvals: Approvals, shop: dict[str, object], tmp_path: Path) -> None:
    screen = FeesScreen(ctx)
    qtbot.addWidget(screen)
    assert screen.ui.versionCombo.count() == 1 and screen.ui.linesTable.rowCount() > 10
    path = screen.export_file(str(tmp_path / "fees.xlsx"))
    assert path is not None and path.exists()
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb["labour"].cell(row=2, column=4).value = "not a price"  # category, level, description, price
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    approvals.manager = shop["manager"]  # type: ignore[assignment]
    screen.import_file(str(bad))
    assert "The workbook was refused; nothing was changed" in screen.ui.messageLabel.text()
    assert "labour, row 2" in screen.ui.messageLabel.text()
    assert screen.ui.versionCombo.count() == 1
    (tmp_path / "junk.xlsx").write_bytes(b"not a workbook")
    screen.import_file(str(tmp_path / "junk.xlsx"))
    assert "nothing was changed" in screen.ui.messageLabel.text()


def test_void_through_the_real_approval_dialog_takes_the_managers_pin(
        qtbot: QtBot, ctx: AppContext, fridge: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QDialog

    from frontdesk.ui.approval import ApprovalDialog
    from frontdesk.ui.context import AppContext as RealContext

    real = RealContext(ctx.db, ctx.actor, ctx.counter)  # the approval dialog the window uses
    with ctx.db.write() as s:
        quote = quotes.make_quote(s, ctx.actor, fridge, [quotes.QuoteItem("labour", "minor")])
        quotes.approve_quote(s, ctx.actor, quote.id)
        receipt = payments.take_payment(s, ctx.actor, fridge, "card", quote.total, counter="main")
    typed: list[str] = []

    def exec_typing(dialog: ApprovalDialog) -> int:
        # The manager types a PIN: first a wrong one, then theirs.
        for pin in ("0000", "2468"):
            dialog.ui.pinEdit.setText(pin)
            dialog.check()
            typed.append(dialog.ui.messageLabel.text())
            if dialog.approver is not None:
                return int(QDialog.DialogCode.Accepted)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(ApprovalDialog, "exec", exec_typing)
    screen = ReceiptsScreen(real)
    qtbot.addWidget(screen)
    screen.ui.dayEdit.setText("")
    screen.load()
    void = screen.void()
    assert void is not None
    void.ui.reasonEdit.setText("customer paid twice")  # type: ignore[attr-defined]
    void.check()  # type: ignore[attr-defined]
    assert typed[0] == "Wrong user name or PIN."
    assert screen.ui.messageLabel.text() == f"Receipt {receipt.number} is void."
    approver = ctx.read(lambda s: s.scalars(select(Receipt)).one().void_approver_id)
    manager_id = ctx.read(lambda s: s.scalar(select(User.id).where(User.name == "manager")))
    assert approver == manager_id


def test_the_fee_lines_show_titles_and_keep_their_keys(qtbot: QtBot, ctx: AppContext, fridge: int) -> None:
    """Kinds, categories, labour levels and components by their titles;
    the lines read back from the table are the keys they were, and a title
    typed in a new row is read as its key."""
    screen = FeesScreen(ctx)
    qtbot.addWidget(screen)
    table = screen.ui.linesTable
    shown = {table.item(r, c).text() for r in range(table.rowCount()) for c in range(5) if table.item(r, c)}
    assert {"Labour", "Refrigerator", "Minor"} <= shown and not {"labour", "refrigerator", "minor"} & shown
    assert screen.draft is not None
    lines, problems = screen.table_lines()
    assert problems == [] and [(x.kind, x.category, x.code, x.component) for x in lines] == [
        (x.kind, x.category, x.code, x.component) for x in screen.draft.lines]
    row = table.rowCount()
    table.insertRow(row)
    for column, text in enumerate(("Labour", "Refrigerator", "Major", "big job", "", "300")):
        table.setItem(row, column, QTableWidgetItem(text))
    added = screen.table_lines()[0][-1]
    assert (added.kind, added.category, added.code, added.price) == ("labour", "refrigerator", "major",
                                                                    Decimal("300"))
