"""The Correct dialog from the ticket's window: a clerk fixes a saved
ticket's facts, and "Verify" opens it with the facts to verify highlighted
to record what was seen."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session
from ui_helpers import type_text

from frontdesk import i18n
from frontdesk.billing import quotes, schedules
from frontdesk.billing.pricing import QuoteItem
from frontdesk.db.models import AuditRecord, Ticket
from frontdesk.intake import service, states
from frontdesk.ui.context import AppContext
from frontdesk.ui.correct_dialog import HIGHLIGHT, CorrectDialog
from frontdesk.ui.ticket_detail import TicketDetailDialog
from frontdesk.users import Actor


def timeline(dialog: TicketDetailDialog) -> list[str]:
    t = dialog.ui.timeline
    return [t.item(r, 2).text() for r in range(t.rowCount())]


def save(dialog: CorrectDialog) -> None:
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def ticket(ctx: AppContext, **form: object) -> int:
    fields: dict[str, object] = {
        "channel": service.WALK_IN, "name": "李雷", "phone": "139 0000 2222", "category": "refrigerator",
        "model": "BCD-300", "serial": "LL-1", "purchase_date": date(2025, 3, 1), "invoice_shown": True,
        "fault": "不制冷", "request": "维修"}
    fields.update(form)
    with ctx.db.write() as s:
        return service.take_intake(s, ctx.actor, service.IntakeForm(**fields),  # type: ignore[arg-type]
                                   now=datetime(2026, 11, 2, 10)).ticket_id


def facts(ctx: AppContext, ticket_id: int, *names: str) -> tuple[object, ...]:
    """The ticket's (or its customer's, or product's) facts by name, read in a session."""
    def read(s: Session) -> tuple[object, ...]:
        t = s.get_one(Ticket, ticket_id)
        return tuple(getattr(t, n) if hasattr(Ticket, n) else getattr(t.customer, n) if n == "name"
                     else getattr(t.product, n) for n in names)
    return ctx.read(read)


def open_detail(qtbot: QtBot, ctx: AppContext, ticket_id: int) -> TicketDetailDialog:
    dialog = TicketDetailDialog(ctx, ticket_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_clerk_corrects_a_ticket_and_the_warranty_follows(qtbot: QtBot, ctx: AppContext) -> None:
    ticket_id = ticket(ctx)
    detail = open_detail(qtbot, ctx, ticket_id)
    assert ctx.read(lambda s: s.get_one(Ticket, ticket_id).warranty_status) == "partial"
    detail.correctButton.click()
    dialog = detail.correct_dialog
    assert dialog is not None and not dialog.verifying and dialog.isVisible()
    u = dialog.ui
    assert (u.nameEdit.text(), u.serialEdit.text(), u.purchaseDateEdit.text()) == ("李雷", "LL-1", "2025-03-01")
    assert u.invoiceCheck.isChecked() and u.categoryValueLabel.text() == "Refrigerator"
    assert u.faultCategoryCombo.currentText() == "—"

    u.purchaseDateEdit.setText("2026-13-01")
    save(dialog)
    assert "not a date" in u.messageLabel.text() and "border" in u.purchaseDateEdit.styleSheet()
    assert dialog.isVisible()

    u.purchaseDateEdit.setText("2026-06-01")
    u.serialEdit.setText("LL-10")
    u.faultCategoryCombo.setCurrentIndex(u.faultCategoryCombo.findData("no_cooling"))
    type_text(u.nameEdit, "梅")
    save(dialog)
    assert not dialog.isVisible()
    assert "Corrected: Customer name, Serial number, Purchase date, Fault category." in detail.ui.messageLabel.text()
    (line,) = [t for t in timeline(detail) if t.startswith("Corrected:")]
    assert "Serial number: LL-1 → LL-10" in line and "Warranty: Partly in warranty → In warranty" in line
    assert facts(ctx, ticket_id, "name", "serial", "fault_category", "warranty_status") == (
        "李雷梅", "LL-10", "no_cooling", "in")
    record = ctx.read(lambda s: s.query(AuditRecord).filter_by(action="ticket.correct").one().detail)
    assert ["serial", "LL-1", "LL-10"] in record["changes"]

    detail.correctButton.click()  # nothing changed: said, nothing saved
    again = detail.correct_dialog
    assert again is not None and again is not dialog
    save(again)
    assert "Nothing was changed." in again.ui.messageLabel.text() and again.isVisible()


def test_verify_highlights_the_facts_to_check_and_records_what_was_seen(qtbot: QtBot, ctx: AppContext) -> None:
    ticket_id = ticket(ctx, serial="", invoice_shown=False)
    detail = open_detail(qtbot, ctx, ticket_id)
    assert detail.ui.verifyButton.isEnabled()
    detail.ui.verifyButton.click()
    dialog = detail.correct_dialog
    assert dialog is not None and dialog.verifying
    u = dialog.ui
    assert "Check these with the customer" in u.introLabel.text()
    assert "Serial number" in u.introLabel.text() and "Invoice or warranty card" in u.introLabel.text()
    for widget in (u.serialEdit, u.invoiceCheck, u.invoiceNoEdit, u.cardCheck, u.cardDateEdit):
        assert widget.styleSheet() == HIGHLIGHT
    assert u.nameEdit.styleSheet() == ""
    assert u.buttons.button(QDialogButtonBox.StandardButton.Save).text() == "&Verified"
    type_text(u.serialEdit, "LL-77")  # read off the unit
    u.invoiceCheck.setChecked(True)  # the customer brought the invoice
    type_text(u.invoiceNoEdit, "FP-2026-1")
    save(dialog)
    assert not dialog.isVisible()
    assert detail.ui.verifyFieldsLabel.text() == "nothing" and not detail.ui.verifyButton.isEnabled()
    (line,) = [t for t in timeline(detail) if t.startswith("Verified:")]
    assert "Serial number: — → LL-77" in line
    assert facts(ctx, ticket_id, "to_verify", "serial", "invoice_no", "warranty_status") == (
        False, "LL-77", "FP-2026-1", "partial")


def test_a_closed_ticket_cannot_be_corrected(qtbot: QtBot, ctx: AppContext) -> None:
    ticket_id = ticket(ctx)
    with ctx.db.write() as s:
        service.move(s, ctx.actor, ticket_id, states.CANCELLED)
    detail = open_detail(qtbot, ctx, ticket_id)
    dialog = detail.correct()
    assert "can no longer be corrected" in dialog.ui.introLabel.text()
    assert not dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def test_a_draft_withdrawn_by_a_correction_is_quoted_again(qtbot: QtBot, ctx: AppContext,
                                                           shop: dict[str, object]) -> None:
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    ticket_id = ticket(ctx)
    with ctx.db.write() as s:
        schedules.install_default_schedule(s, manager, now=datetime(2026, 1, 1, 9))
        service.move(s, ctx.actor, ticket_id, states.DIAGNOSING)
        quotes.make_quote(s, ctx.actor, ticket_id, [QuoteItem("labour", "minor")])
    detail = open_detail(qtbot, ctx, ticket_id)
    panel = detail.quote_panel.ui
    assert not panel.makeQuoteButton.isEnabled() and panel.approveButton.isEnabled()
    dialog = detail.correct()
    dialog.ui.purchaseDateEdit.setText("2026-06-01")  # in warranty after all
    save(dialog)
    assert "withdrawn" in detail.ui.messageLabel.text() and "Make the quote again" in detail.ui.messageLabel.text()
    assert any("withdrawn" in t for t in timeline(detail))
    assert not panel.approveButton.isEnabled()  # nothing for the customer to answer now
    panel.kindCombo.setCurrentIndex(panel.kindCombo.findData("labour"))
    panel.codeCombo.setCurrentIndex(panel.codeCombo.findData("minor"))
    panel.addLineButton.click()
    assert panel.makeQuoteButton.isEnabled()
    panel.makeQuoteButton.click()

    def current(s: Session) -> tuple[str, object] | None:
        quote = quotes.current_quote(s, ticket_id)
        return (quote.state, quote.total) if quote is not None else None
    assert ctx.read(current) == (quotes.DRAFT, 0)  # quoted again, in warranty now


def test_the_timeline_reads_in_the_windows_language(qtbot: QtBot, ctx: AppContext) -> None:
    """An event written by an English session shows in Chinese to a Chinese
    clerk (the same row), and in English again to an English one."""
    ticket_id = ticket(ctx)
    with ctx.db.write() as s:
        service.move(s, ctx.actor, ticket_id, states.DIAGNOSING, now=datetime(2026, 11, 2, 11))
    english = open_detail(qtbot, ctx, ticket_id)
    assert "Received → Diagnosing" in timeline(english)
    try:
        i18n.set_language("zh_CN")
        chinese = open_detail(qtbot, ctx, ticket_id)
        assert "已受理 → 检测中" in timeline(chinese)
        assert not any("Received" in line for line in timeline(chinese))
    finally:
        i18n.set_language("en")
