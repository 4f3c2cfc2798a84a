"""One warranty job's claim walked through the window from start to end
(docs/rules.md#claims-to-the-makers): the maker's order number typed on the
ticket, the repair recorded in the repair dialog drafts the claim (shown on
the ticket) and brings up the old-part tag to print, the tag scanned into a
return batch, the claim submitted, the maker's settlement imported (a
preview, then a manager) pays it short, the claim on the appeal list,
appealed, and settled."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_helpers import Approvals, record_thermostat_repair, type_text

from frontdesk import clock
from frontdesk.claims.models import Claim, OldPart
from frontdesk.db.models import AuditRecord
from frontdesk.ui import claims as claims_page
from frontdesk.ui.context import AppContext
from frontdesk.ui.print_preview import PrintPreviewDialog
from frontdesk.ui.ticket_detail import TicketDetailDialog
from frontdesk.users import Actor
from tests.claims.claim_helpers import FRIDAY, add_maker, add_standard, repair, warranty_ticket


def _pdf_text(path: Path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(path).pages)  # type: ignore[attr-defined]


def _claims(page: claims_page.ClaimsScreen) -> list[dict[str, str]]:
    model = page.model
    return [{key: model.data(model.index(r, c)) for c, (key, _t) in enumerate(claims_page.COLUMNS)}
            for r in range(model.rowCount())]


def test_a_warranty_job_from_repair_to_an_appealed_short_payment(
        qtbot: QtBot, ctx: AppContext, shop: dict[str, object], approvals: Approvals,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    add_standard(ctx.db, manager, add_maker(ctx.db))
    monkeypatch.setattr(clock, "now", lambda: FRIDAY)  # Friday 2026-11-27
    ticket = warranty_ticket(ctx.db, ctx.actor, km="18.0", at=datetime(2026, 11, 20, 10, 0))

    # The ticket: the maker's order number typed after intake.
    detail = TicketDetailDialog(ctx, ticket)
    qtbot.addWidget(detail)
    u = detail.ui
    assert u.claimValueLabel.text() == "no maker's order number"
    assert not u.claimTagsButton.isEnabled()
    assert detail.set_maker_order_no("HR-2026-5501")
    assert u.claimValueLabel.text() == "maker's order HR-2026-5501"

    # The repair recorded: its claim drafted, shown on the ticket, and the old part's tag comes up to print.
    record_thermostat_repair(detail)
    # medium refrigerator labour 120.00 + the 10-30 km band 25.00 + the thermostat's handling 10.00
    assert u.claimValueLabel.text() == ("maker's order HR-2026-5501 · claim C2026-000001 to HAIER: drafted, ¥155.00 · "
                                        "submit by 2026-12-02 (due soon) · 1 old part goes back")
    tag = ctx.read(lambda s: s.query(OldPart.tag).scalar())
    tags = detail.print_dialog
    assert isinstance(tags, PrintPreviewDialog) and tags.isVisible()  # offered at once, without asking
    assert tag in _pdf_text(tags.pdf) and "BX-THERM" in _pdf_text(tags.pdf) and "T2026-000002" in _pdf_text(tags.pdf)
    tags.reject()
    assert u.claimTagsButton.isEnabled()

    # The Claims page: the claim, due soon; its service order number came from the ticket.
    page = claims_page.ClaimsScreen(ctx)
    qtbot.addWidget(page)
    assert [(c["number"], c["state"], c["flag"], c["claimed"]) for c in _claims(page)] == [
        ("C2026-000001", "Drafted", "due soon", "¥155.00")]
    assert page.ui.submitButton.isEnabled() and not page.ui.appealButton.isEnabled()
    assert not page.ui.closeButton.isEnabled()

    # The part goes into a return batch by its tag.
    parts = page.old_parts()
    qtbot.addWidget(parts)
    parts.ui.makerCombo.setCurrentIndex(parts.ui.makerCombo.findData("HAIER"))
    batch = parts.open_batch()
    type_text(parts.ui.scanEdit, tag)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(parts.ui.scanEdit, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))
    assert parts.ui.messageLabel.text() == f"{tag} is in batch {batch}."
    parts.reject()

    # Submitted on Monday.
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 30, 9, 0))
    page.refresh()
    assert page.submit("HC-2026-0042")
    assert [(c["state"], c["maker_no"]) for c in _claims(page)] == [("Submitted", "HC-2026-0042")]
    assert not page.ui.submitButton.isEnabled() and not page.ui.levelButton.isEnabled()

    # The maker's settlement pays it short; imported after a preview, by a manager.
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 12, 10, 9, 0))
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["索赔单号", "结算金额", "备注"])
    ws.append(["HC-2026-0042", 120, "里程超标准"])
    path = tmp_path / "海尔11月结算.xlsx"
    wb.save(path)
    dialog = page.import_settlement()
    qtbot.addWidget(dialog)
    dialog.set_file(path)
    for name, title in (("claim_no", "索赔单号"), ("amount_paid", "结算金额"), ("reason", "备注")):
        dialog.set_column(name, title)
    assert dialog.preview()
    assert ctx.read(lambda s: s.get(Claim, 1).state) == "submitted"  # type: ignore[union-attr]  # a preview writes nothing
    approvals.manager = manager
    assert dialog.import_settlement()

    # On the appeal list: paid 120.00 of 155.00, to appeal by Thursday 2026-12-17 (5 working days).
    page.ui.stateCombo.setCurrentIndex(page.ui.stateCombo.findData(claims_page.TO_APPEAL))
    assert [(c["state"], c["paid"], c["short"], c["appeal"]) for c in _claims(page)] == [
        ("Paid short", "¥120.00", "¥35.00", "2026-12-17")]
    assert page.ui.appealButton.isEnabled() and page.ui.closeButton.isEnabled()
    assert page.appeal("派工单里程 18 km，有回执为证")
    assert page.ui.messageLabel.text().startswith("Claim C2026-000001 appealed.")
    page.ui.stateCombo.setCurrentIndex(page.ui.stateCombo.findData(claims_page.OPEN))
    assert [c["state"] for c in _claims(page)] == ["Appealed"]
    assert page.close_claim(confirm=False)
    assert _claims(page) == []  # settled: no longer open
    page.ui.stateCombo.setCurrentIndex(page.ui.stateCombo.findData(claims_page.EVERY))
    assert [(c["state"], c["short"]) for c in _claims(page)] == [("Settled", "¥35.00")]

    detail.reload()
    assert "claim C2026-000001 to HAIER: settled, ¥155.00" in u.claimValueLabel.text()
    assert ctx.read(lambda s: [a.action for a in s.query(AuditRecord).filter(
        AuditRecord.entity == "claim").order_by(AuditRecord.id)]) == [
        "claim.draft", "claim.submit", "claim.settle", "claim.appeal", "claim.close"]


def test_the_monthly_statement_of_the_maker_shown_opens_in_the_preview(
        qtbot: QtBot, ctx: AppContext, shop: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    add_standard(ctx.db, manager, add_maker(ctx.db))
    monkeypatch.setattr(clock, "now", lambda: FRIDAY)
    ticket = warranty_ticket(ctx.db, ctx.actor, km="18.0", at=datetime(2026, 11, 20, 10, 0))
    repair(ctx.db, ctx.actor, ticket)
    page = claims_page.ClaimsScreen(ctx)
    qtbot.addWidget(page)
    assert page.print_statement("2026-11") is None  # every maker shown: which one?
    assert page.ui.messageLabel.text() == "Choose the maker of the statement in the Maker list first."
    page.ui.makerCombo.setCurrentIndex(page.ui.makerCombo.findData("HAIER"))
    assert page.print_statement("11/2026") is None
    assert page.ui.messageLabel.text() == "Give the month as YYYY-MM, e.g. 2026-10 (not 11/2026)."
    shown = page.print_statement("2026-11")
    assert isinstance(shown, PrintPreviewDialog)
    text = _pdf_text(shown.pdf)
    assert "C2026-000001" in text and "163.00" in text and "2026-11" in text
    shown.reject()
