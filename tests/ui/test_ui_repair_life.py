"""The life of a repair as the clerk walks it in the window: the "Next step"
buttons of the ticket say what happens next for every state; the repair
record and the pick-up dialogs; the products not collected.

(a) a walk-in phone out of warranty: intake, pull-back, inspection, quote,
approval by phone, the repair record, the payment, back at the counter
(ready for pick-up, listed as not collected), the pick-up with the loaner
taken back first, closed, the pick-up receipt printed;
(b) a phone call through a visit: visit booked, diagnosed on the visit,
repaired in warranty on site, closed;
(c) work out of warranty started before the customer approved: a reason,
then a manager."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_helpers import Approvals, type_text

from frontdesk import clock, pickup
from frontdesk.billing import payments, schedules
from frontdesk.db.models import AuditRecord, RepairRecord, Ticket
from frontdesk.followup import service as followup
from frontdesk.followup.models import CallBack
from frontdesk.intake import faults, service, states
from frontdesk.loaners import service as loaners
from frontdesk.ui import ticket_detail as td
from frontdesk.ui.book_visit import BookVisitDialog
from frontdesk.ui.context import AppContext
from frontdesk.ui.followup_page import FollowUpPage
from frontdesk.ui.intake import IntakeScreen
from frontdesk.ui.loan_dialogs import LoanDialog
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.pickup_dialog import PickupDialog
from frontdesk.ui.repair_dialog import RepairDialog
from frontdesk.ui.ticket_detail import TicketDetailDialog, TicketView
from frontdesk.users import Actor


def timeline(dialog: TicketDetailDialog) -> list[str]:
    t = dialog.ui.timeline
    return [t.item(r, 2).text() for r in range(t.rowCount())]


def steps(dialog: TicketDetailDialog) -> list[str]:
    """The step buttons the clerk sees, by their text (mnemonics left out)."""
    return [b.text().replace("&", "") for b in dialog.step_buttons.values() if not b.isHidden()]


def state_of(ctx: AppContext, ticket_id: int) -> str:
    return ctx.read(lambda s: s.get_one(Ticket, ticket_id).state)


def manager_of(shop: dict[str, object]) -> Actor:
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    return manager


def test_walk_in_out_of_warranty_from_intake_to_pick_up(qtbot: QtBot, ctx: AppContext, shop: dict[str, object],
                                                        approvals: Approvals, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader

    manager = manager_of(shop)
    with ctx.db.write() as s:
        schedules.install_default_schedule(s, manager, now=clock.now() - timedelta(days=400))
        loaners.add_unit(s, manager, "LN-0007", "mobile_phone", "Redmi 12", "RM12-77")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()

    # Intake at the counter: a phone bought three years ago (out of warranty), its charger left with it.
    intake = window.pages["intake"]
    assert isinstance(intake, IntakeScreen)
    u = intake.ui
    type_text(u.nameEdit, "赵敏")
    qtbot.keyClicks(u.phoneEdit, "13600001234")
    u.categoryCombo.setCurrentIndex(u.categoryCombo.findData("mobile_phone"))
    qtbot.keyClicks(u.brandEdit, "Huawei")
    qtbot.keyClicks(u.modelEdit, "Mate 60")
    qtbot.keyClicks(u.serialEdit, "HW-60-1")
    u.purchaseDateEdit.setText((clock.now().date() - timedelta(days=3 * 365)).isoformat())
    u.invoiceCheck.setChecked(True)
    qtbot.keyClicks(u.faultEdit, "Screen flickers")
    type_text(u.requestEdit, "维修")
    intake.accessory_checks["charger"].setChecked(True)
    with qtbot.waitSignal(intake.ticket_saved) as saved:
        qtbot.mouseClick(u.saveButton, Qt.MouseButton.LeftButton)
    ticket_id, number = saved.args
    assert ctx.read(lambda s: s.get_one(Ticket, ticket_id).warranty_status) == "out"

    detail = window.open_ticket(ticket_id)
    d = detail.ui
    assert f"{number} — Received" in d.factsLabel.text()
    assert d.nextLabel.text() == "<b>Received: start the diagnosis.</b>"
    assert steps(detail) == ["Start diagnosis", "Book a visit…", "Start repair (manager)…", "Close ticket",
                             "Cancel ticket"]

    # Pulled back to the workshop: the ticket stays received, the product is at the workshop.
    pull = detail.pull_back()
    assert pull is not None
    pull.checks["scratches"].setChecked(True)  # type: ignore[attr-defined]
    assert pull.ui.accessoriesEdit.text() == "Charger"  # type: ignore[attr-defined]
    pull.check()  # type: ignore[attr-defined]
    assert d.messageLabel.text() == "Pulled back to the workshop."
    assert state_of(ctx, ticket_id) == states.RECEIVED and f"{number} — Received" in d.factsLabel.text()
    assert d.whereValueLabel.text() == "At the workshop" and d.backButton.isEnabled()

    # A loaner for the days without the phone.
    lend = detail.lend_loaner()
    assert lend is not None
    lend.ui.tagEdit.setText("LN-0007")  # type: ignore[attr-defined]
    lend.ui.conditionEdit.setText("屏幕完好")  # type: ignore[attr-defined]
    lend.check()  # type: ignore[attr-defined]
    assert d.messageLabel.text().startswith(f"Loaner LN-0007 lent on ticket {number}")
    assert d.whereValueLabel.text() == "At the workshop · loaner LN-0007 is out"

    # The inspection.
    qtbot.mouseClick(d.diagnoseButton, Qt.MouseButton.LeftButton)
    assert d.messageLabel.text() == "The diagnosis started."
    assert f"{number} — Diagnosing" in d.factsLabel.text()
    assert d.nextLabel.text().startswith("<b>Being diagnosed: quote the repair for the customer to approve")
    assert steps(detail) == ["Quote…", "Start repair (manager)…", "Record the repair…", "Close ticket",
                             "Cancel ticket"]

    # The quote, in the quote panel.
    qtbot.mouseClick(d.quoteButton, Qt.MouseButton.LeftButton)
    assert d.tabs.currentWidget() is d.billingTab
    panel = detail.quote_panel
    p = panel.ui
    p.kindCombo.setCurrentIndex(p.kindCombo.findData("labour"))
    p.codeCombo.setCurrentIndex(p.codeCombo.findData("medium"))
    p.addLineButton.click()
    p.kindCombo.setCurrentIndex(p.kindCombo.findData("part"))
    p.codeCombo.setCurrentIndex(p.codeCombo.findData("SJ-SCREEN"))
    p.addLineButton.click()
    calc = panel.reprice()
    # 80 labour + 650 screen, VAT included (a new shop's prices): 83.98 of it
    assert calc is not None and (calc.total, calc.tax) == (Decimal("730.00"), Decimal("83.98"))
    qtbot.mouseClick(p.makeQuoteButton, Qt.MouseButton.LeftButton)
    assert p.messageLabel.text() == "The quote is ready for the customer."
    assert f"{number} — Quoted" in d.factsLabel.text()
    assert d.nextLabel.text() == "<b>Quoted: waiting for the customer's answer (Quote and payments).</b>"
    assert steps(detail) == ["The customer's answer…"]

    # Approved by phone: the ticket's next step follows at once (no stale "diagnosing" line).
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("赵敏", True)))
    qtbot.mouseClick(p.phoneApproveButton, Qt.MouseButton.LeftButton)
    assert p.messageLabel.text() == "The customer approved the quote: the repair can start."
    assert f"{number} — Approved" in d.factsLabel.text()
    assert d.nextLabel.text() == "<b>The customer approved the quote: start the repair.</b>"
    assert d.messageLabel.text() == ""
    assert steps(detail) == ["Start repair"]
    d.tabs.setCurrentWidget(d.historyTab)

    qtbot.mouseClick(d.repairButton, Qt.MouseButton.LeftButton)
    assert approvals.asked == []  # approved by the customer: no manager
    assert d.messageLabel.text() == "The repair started."
    assert steps(detail) == ["Record the repair…", "Waiting for parts"]

    # The repair record: the screen replaced, its serials kept.
    qtbot.mouseClick(d.recordButton, Qt.MouseButton.LeftButton)
    record = detail.step_dialog
    assert isinstance(record, RepairDialog) and record.isVisible()
    r = record.ui
    assert [r.actionCombo.itemData(i) for i in range(r.actionCombo.count())] == list(faults.ACTIONS)
    r.faultCombo.setCurrentIndex(r.faultCombo.findData("screen"))
    r.actionCombo.setCurrentIndex(r.actionCombo.findData(faults.REPLACED_PART))
    assert r.partsTable.rowCount() == 1  # a part replaced: a row to type it in
    for col, text in enumerate(("SJ-SCREEN", "屏幕总成", "NEW-123", "OLD-456")):
        r.partsTable.item(0, col).setText(text)
    r.noteEdit.setPlainText("Screen cable worn")
    r.buttons.button(r.buttons.StandardButton.Save).click()
    assert not record.isVisible()
    assert d.messageLabel.text() == "Repair recorded: Replaced a part, Screen. Parts: SJ-SCREEN."
    assert f"{number} — Repaired" in d.factsLabel.text()
    assert "Repair: Replaced a part: Screen (SJ-SCREEN)" in detail.facts_text()
    assert "In repair → Repaired: Replaced a part: Screen (SJ-SCREEN)" in timeline(detail)
    # At the workshop, the product cannot be handed over yet.
    assert steps(detail) == ["Ready for pick-up", "Pick-up…"]
    assert not d.readyButton.isEnabled() and not d.pickupButton.isEnabled()
    assert "back at the counter" in d.nextLabel.text()

    # The customer pays.
    pay = panel.open_payment("payment")
    pay.ui.methodCombo.setCurrentIndex(pay.ui.methodCombo.findData("cash"))  # type: ignore[attr-defined]
    pay.ui.tenderedEdit.setText(f"{calc.total + Decimal('20'):.2f}")  # type: ignore[attr-defined]
    pay.take()  # type: ignore[attr-defined]
    assert p.messageLabel.text() == "Receipt R2026-000001 issued. Change: ¥20.00"
    assert "outstanding ¥0.00" in p.balanceLabel.text()

    # Back at the counter: ready for pick-up, the customer to be called, listed as not collected.
    qtbot.mouseClick(d.backButton, Qt.MouseButton.LeftButton)
    assert d.messageLabel.text() == "The product is back at the counter: ready for pick-up (the customer will be called)."
    assert f"{number} — Ready for pick-up" in d.factsLabel.text()
    assert d.nextLabel.text().startswith("<b>Ready for pick-up since ")
    assert steps(detail) == ["Pick-up…"] and d.pickupButton.isEnabled()
    calls = ctx.read(lambda s: [c.reason for c in s.scalars(select(CallBack).where(CallBack.ticket_id == ticket_id))])
    assert calls == [followup.READY_TO_COLLECT]
    page = window.show_page("callbacks")
    assert isinstance(page, FollowUpPage)
    page.tabs.setCurrentWidget(page.uncollected)
    waiting = page.uncollected
    assert waiting.ui.countLabel.text() == "1 product waiting for pick-up."
    assert waiting.model.rowCount() == 1
    assert [waiting.model.data(waiting.model.index(0, c)) for c in (0, 2, 3)] == ["0", number, "赵敏"]
    with qtbot.waitSignal(waiting.open_requested) as opened:
        waiting.ui.table.setFocus()
        qtbot.keyClick(waiting.ui.table, Qt.Key.Key_Return)
    assert opened.args == [ticket_id]
    assert window.details[ticket_id] is detail  # the ticket already open comes to the front

    # The pick-up: the charger to tick, the loaner still out.
    qtbot.mouseClick(d.pickupButton, Qt.MouseButton.LeftButton)
    handover = detail.step_dialog
    assert isinstance(handover, PickupDialog) and handover.isVisible()
    h = handover.ui
    assert "Replaced a part" in h.repairLabel.text() and "SJ-SCREEN 屏幕总成 (new serial NEW-123, old serial OLD-456)" \
        in h.repairLabel.text()
    assert h.moneyLabel.text() == f"Paid ¥{calc.total:.2f} · nothing owed"
    assert not h.owedReasonEdit.isVisible() and not h.payButton.isVisible()
    assert h.loanerLabel.text() == "Loaner LN-0007 is still out: take it back first."
    assert "Loaner LN-0007 is still out" in h.problemsLabel.text()
    assert list(handover.checks) == ["Charger"] and not h.printButton.isEnabled()
    qtbot.mouseClick(h.handOverButton, Qt.MouseButton.LeftButton)
    assert h.messageLabel.text() == "Tick what was handed back: Charger."
    assert state_of(ctx, ticket_id) == states.READY

    back = handover.take_loaner_back()
    assert isinstance(back, LoanDialog) and back.ui.tagEdit.text() == "LN-0007"
    back.ui.conditionEdit.setText("完好")
    back.check()
    assert h.messageLabel.text() == "Loaner LN-0007 is back."
    assert h.loanerLabel.text() == "No loaner is out on this ticket." and not h.loanerButton.isVisible()
    assert h.problemsLabel.text() == ""
    assert d.whereValueLabel.text() == "Back at the counter"  # the ticket heard of it
    handover.checks["Charger"].setChecked(True)
    qtbot.mouseClick(h.handOverButton, Qt.MouseButton.LeftButton)
    assert approvals.asked == []
    assert h.messageLabel.text() == (f"Ticket {number} is closed: the customer collected the product. "
                                     "Print the pick-up receipt for the customer to sign?")
    assert h.printButton.isEnabled() and not h.handOverButton.isEnabled()
    assert f"{number} — Closed" in d.factsLabel.text()
    assert d.nextLabel.text().startswith("<b>Picked up by the customer on ")
    assert steps(detail) == [] and d.printPickupButton.isEnabled()
    assert d.whereValueLabel.text() == "With the customer"

    qtbot.mouseClick(h.printButton, Qt.MouseButton.LeftButton)
    preview = handover.print_dialog
    assert preview is not None and preview.isVisible()
    text = "".join(page.extract_text() for page in PdfReader(preview.pdf).pages)  # type: ignore[attr-defined]
    assert number in text and "SJ-SCREEN" in text
    preview.close()
    handover.close()
    again = detail.print_document("pickup")  # a copy, later, from the ticket
    assert again is not None and again.windowTitle() == f"Pick-up receipt {number}"
    again.close()

    lines = timeline(detail)
    for expected in ("Received → Diagnosing", "Approved → In repair",
                     "In repair → Repaired: Replaced a part: Screen (SJ-SCREEN)",
                     "Repaired → Ready for pick-up: Back from the workshop",
                     "Ready for pick-up → Closed: Picked up by the customer"):
        assert expected in lines, lines
    assert any(line.startswith("Diagnosing → Quoted") for line in lines)
    assert any(line.startswith("Quoted → Approved") for line in lines)
    assert ctx.read(lambda s: payments.balance(s, ticket_id).outstanding) == 0
    assert ctx.read(lambda s: pickup.uncollected(s)) == []
    waiting.refresh()
    assert waiting.model.rowCount() == 0


def test_phone_call_through_a_visit_repaired_in_warranty_on_site(qtbot: QtBot, ctx: AppContext,
                                                                 approvals: Approvals) -> None:
    today = clock.now().date()
    with ctx.db.write() as s:
        r = service.take_intake(s, ctx.actor, service.IntakeForm(
            channel=service.PHONE, name="王芳", phone="13700001111", address="朝阳区建国路88号", area="朝阳区",
            category="air_conditioner", brand="格力", model="KFR-35", serial="GL-35-9",
            purchase_date=today - timedelta(days=60), invoice_shown=True, fault="不制冷", request="上门维修"),
            now=clock.now() - timedelta(hours=2))
    assert ctx.read(lambda s: s.get_one(Ticket, r.ticket_id).warranty_status) == "in"
    detail = TicketDetailDialog(ctx, r.ticket_id)
    qtbot.addWidget(detail)
    detail.show()
    d = detail.ui
    assert d.nextLabel.text() == "<b>Received: book a visit, or start the diagnosis.</b>"
    d.technicianCombo.setCurrentIndex(d.technicianCombo.findText("陈师傅"))
    qtbot.mouseClick(d.assignButton, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(d.visitButton, Qt.MouseButton.LeftButton)
    booking = detail.step_dialog
    assert isinstance(booking, BookVisitDialog) and booking.isVisible()
    b = booking.ui
    day = date.fromisoformat(b.dayEdit.text())
    assert day > today and b.addressEdit.placeholderText() == "朝阳区 朝阳区建国路88号"
    assert b.technicianCombo.currentText() == "陈师傅"  # the ticket's technician
    b.windowCombo.setCurrentIndex(1)
    booking.check()
    assert d.messageLabel.text() == f"Visit booked for {day.isoformat()} 13:00–17:00."
    assert f"{r.number} — Visit booked" in d.factsLabel.text()
    assert d.nextLabel.text() == "<b>Visit booked: start the diagnosis on the visit, or call the visit off.</b>"
    assert steps(detail) == ["Start diagnosis", "Call off the visit", "Start repair", "Cancel ticket"]

    qtbot.mouseClick(d.diagnoseButton, Qt.MouseButton.LeftButton)
    assert f"{r.number} — Diagnosing" in d.factsLabel.text()
    assert d.nextLabel.text().startswith("<b>Being diagnosed: in warranty, start the repair")
    qtbot.keyClicks(d.stepNoteEdit, "gas low")
    qtbot.mouseClick(d.repairButton, Qt.MouseButton.LeftButton)
    assert approvals.asked == []  # in warranty: no approval, no manager
    assert "Diagnosing → In repair: gas low" in timeline(detail) and d.stepNoteEdit.text() == ""

    qtbot.mouseClick(d.recordButton, Qt.MouseButton.LeftButton)
    record = detail.step_dialog
    assert isinstance(record, RepairDialog)
    r2 = record.ui
    assert r2.technicianCombo.currentText() == "陈师傅"  # the ticket's technician
    r2.faultCombo.setCurrentIndex(r2.faultCombo.findData("no_cooling"))
    r2.actionCombo.setCurrentIndex(r2.actionCombo.findData(faults.ADJUSTED))
    r2.buttons.button(r2.buttons.StandardButton.Save).click()
    assert d.messageLabel.text() == "Repair recorded: Adjusted, Not cooling."
    assert f"{r.number} — Repaired" in d.factsLabel.text()
    assert d.nextLabel.text() == "<b>Repaired. Close the ticket.</b>"
    assert steps(detail) == ["Close ticket"]  # nothing at the shop to pick up

    qtbot.mouseClick(d.closeTicketButton, Qt.MouseButton.LeftButton)
    assert d.messageLabel.text() == "The ticket is closed."
    assert state_of(ctx, r.ticket_id) == states.CLOSED
    assert d.nextLabel.text() == f"<b>Closed on {today.isoformat()}.</b>"
    assert steps(detail) == [] and not d.stepNoteEdit.isEnabled()
    lines = timeline(detail)
    assert any(line.startswith("Visit booked for") for line in lines)
    for expected in ("Visit booked → Diagnosing", "In repair → Repaired: Adjusted: Not cooling",
                     "Repaired → Closed"):
        assert expected in lines, lines
    tech = ctx.read(lambda s: s.scalars(select(RepairRecord)).one().technician_id)
    assert tech == ctx.read(lambda s: s.get_one(Ticket, r.ticket_id).technician_id) and tech is not None


@pytest.fixture
def fridge(ctx: AppContext, shop: dict[str, object]) -> int:
    """A fridge out of warranty for labour, being diagnosed, no quote yet."""
    with ctx.db.write() as s:
        r = service.take_intake(s, ctx.actor, service.IntakeForm(
            channel=service.WALK_IN, name="王芳", phone="13700001111", category="refrigerator", brand="美的",
            model="BCD-520", serial="MD-77", purchase_date=date(2024, 9, 10), invoice_shown=True, fault="不制冷",
            request="维修"), now=clock.now() - timedelta(hours=2))
        service.move(s, ctx.actor, r.ticket_id, states.DIAGNOSING, now=clock.now() - timedelta(hours=1))
    return r.ticket_id


def test_work_out_of_warranty_before_approval_needs_a_reason_and_a_manager(
        qtbot: QtBot, ctx: AppContext, fridge: int, approvals: Approvals, shop: dict[str, object]) -> None:
    manager = manager_of(shop)
    detail = TicketDetailDialog(ctx, fridge)
    qtbot.addWidget(detail)
    detail.show()
    d = detail.ui
    assert d.repairButton.text() == "Start &repair (manager)…"
    assert "required" in d.stepNoteEdit.placeholderText()

    qtbot.mouseClick(d.repairButton, Qt.MouseButton.LeftButton)  # no reason yet: no manager called over
    assert approvals.asked == []
    assert d.messageLabel.text().startswith("The customer has not approved work out of warranty")

    qtbot.keyClicks(d.stepNoteEdit, "customer on a trip, agreed to any cost")
    approvals.manager = None  # the manager does not come
    qtbot.mouseClick(d.repairButton, Qt.MouseButton.LeftButton)
    assert len(approvals.asked) == 1 and approvals.asked[0].startswith("A manager must approve: start work on ticket")
    assert "A manager must approve" in d.messageLabel.text()
    assert state_of(ctx, fridge) == states.DIAGNOSING
    assert d.stepNoteEdit.text() == "customer on a trip, agreed to any cost"  # what was typed stays

    approvals.manager = manager
    qtbot.mouseClick(d.repairButton, Qt.MouseButton.LeftButton)
    assert d.messageLabel.text() == "The repair started."
    assert state_of(ctx, fridge) == states.IN_REPAIR
    lines = timeline(detail)
    assert ("Work started without the customer's approval, on Wang Manager's word: customer on a trip, agreed to any cost"
            in lines)
    approver = ctx.read(lambda s: s.scalar(select(AuditRecord.approver_id).where(
        AuditRecord.action == "ticket.approval_override")))
    assert approver == manager.id
    assert steps(detail) == ["Record the repair…", "Waiting for parts"]
    qtbot.mouseClick(d.partsButton, Qt.MouseButton.LeftButton)
    assert steps(detail) == ["Parts arrived"]
    qtbot.mouseClick(d.partsArrivedButton, Qt.MouseButton.LeftButton)
    assert d.messageLabel.text() == "The parts arrived: the repair goes on."
    assert "Waiting for parts → In repair" in timeline(detail)


def test_the_repair_record_offers_what_the_state_allows_and_says_what_is_missing(
        qtbot: QtBot, ctx: AppContext, fridge: int) -> None:
    detail = TicketDetailDialog(ctx, fridge)
    qtbot.addWidget(detail)
    record = detail.record_repair()
    assert isinstance(record, RepairDialog)
    r = record.ui
    # Still being diagnosed: only "no fault found" or "cannot be repaired"; no parts.
    assert [r.actionCombo.itemData(i) for i in range(r.actionCombo.count())] == [faults.NO_FAULT,
                                                                                 faults.CANNOT_REPAIR]
    assert not r.partsTable.isEnabled() and not r.addPartButton.isEnabled()
    faults_offered = [r.faultCombo.itemData(i) for i in range(r.faultCombo.count())]
    assert faults_offered == [f.key for f in ctx.read(lambda s: faults.fault_categories("refrigerator", s))]
    r.actionCombo.setCurrentIndex(r.actionCombo.findData(faults.NO_FAULT))
    record.save()
    assert detail.ui.messageLabel.text() == "Repair recorded: No fault found, Not cooling."
    assert state_of(ctx, fridge) == states.REPAIRED
    # Walk-in with the product at the shop: it goes back through the pick-up, never closed directly.
    assert steps(detail) == ["Ready for pick-up", "Pick-up…"]


def test_a_part_replaced_needs_its_number(qtbot: QtBot, ctx: AppContext, fridge: int, shop: dict[str, object],
                                         approvals: Approvals) -> None:
    approvals.manager = manager_of(shop)
    detail = TicketDetailDialog(ctx, fridge)
    qtbot.addWidget(detail)
    detail.ui.stepNoteEdit.setText("warranty card holder")
    assert detail.start_repair()
    record = detail.record_repair()
    assert isinstance(record, RepairDialog)
    r = record.ui
    r.faultCombo.setCurrentIndex(r.faultCombo.findData("no_cooling"))
    r.actionCombo.setCurrentIndex(r.actionCombo.findData(faults.REPLACED_PART))
    r.partsTable.item(0, 2).setText("NEW-1")  # a serial but no part number
    record.save()
    assert r.messageLabel.text() == "Part 1 has no part number."
    assert record.isVisible() and state_of(ctx, fridge) == states.IN_REPAIR
    r.partsTable.setCurrentCell(0, 0)
    qtbot.mouseClick(r.removePartButton, Qt.MouseButton.LeftButton)
    record.save()
    assert r.messageLabel.text() == "Name the part that was replaced."
    qtbot.mouseClick(r.addPartButton, Qt.MouseButton.LeftButton)
    r.partsTable.item(0, 0).setText("YS-1001")
    record.save()
    assert state_of(ctx, fridge) == states.REPAIRED
    assert ctx.read(lambda s: [p.part_no for p in s.scalars(select(RepairRecord)).one().parts]) == ["YS-1001"]


def test_money_owed_at_pick_up_needs_a_reason_and_a_manager(qtbot: QtBot, ctx: AppContext, fridge: int,
                                                            shop: dict[str, object], approvals: Approvals) -> None:
    from frontdesk.billing import quotes

    manager = manager_of(shop)
    with ctx.db.write() as s:
        schedules.install_default_schedule(s, manager, now=clock.now() - timedelta(days=400))
        q = quotes.make_quote(s, ctx.actor, fridge, [quotes.QuoteItem("labour", "minor")])
        quotes.approve_quote(s, ctx.actor, q.id)
        service.move(s, ctx.actor, fridge, states.IN_REPAIR)
    detail = TicketDetailDialog(ctx, fridge)
    qtbot.addWidget(detail)
    record = detail.record_repair()
    record.ui.faultCombo.setCurrentIndex(record.ui.faultCombo.findData("door"))  # type: ignore[attr-defined]
    record.ui.actionCombo.setCurrentIndex(record.ui.actionCombo.findData(faults.ADJUSTED))  # type: ignore[attr-defined]
    record.save()  # type: ignore[attr-defined]
    qtbot.mouseClick(detail.ui.readyButton, Qt.MouseButton.LeftButton)
    assert detail.ui.messageLabel.text() == "Ready for pick-up: the customer will be called to collect it."
    handover = detail.pick_up()
    assert isinstance(handover, PickupDialog)
    h = handover.ui
    total = ctx.read(lambda s: payments.balance(s, fridge).outstanding)
    assert total > 0 and f"still to pay ¥{total:.2f}" in h.moneyLabel.text()
    assert h.owedReasonEdit.isVisibleTo(handover) and h.payButton.isVisibleTo(handover)
    # The customer pays part of it at the counter.
    pay = handover.open_payment()
    assert pay is not None and pay.ui.amountEdit.text() == f"{total:.2f}"  # type: ignore[attr-defined]
    pay.ui.amountEdit.setText("20")  # type: ignore[attr-defined]
    pay.ui.methodCombo.setCurrentIndex(pay.ui.methodCombo.findData("card"))  # type: ignore[attr-defined]
    pay.take()  # type: ignore[attr-defined]
    assert h.messageLabel.text() == "Receipt R2026-000001 issued."
    owed = total - 20
    assert h.moneyLabel.text().startswith("Paid ¥20.00") and f"still to pay ¥{owed:.2f}" in h.moneyLabel.text()
    handover.hand_over()
    assert h.messageLabel.text() == f"Say why ¥{owed:.2f} may be owed."
    assert approvals.asked == []
    h.owedReasonEdit.setText("pays on Friday")
    approvals.manager = manager
    assert handover.hand_over()
    assert len(approvals.asked) == 1 and "still owed" in approvals.asked[0]
    assert state_of(ctx, fridge) == states.CLOSED
    assert any(line.startswith(f"¥{owed:.2f} owed at pick-up, on manager's word: pays on Friday") or
               "owed at pick-up" in line for line in timeline(detail))


def test_the_ticket_dialog_fits_a_small_screen(qtbot: QtBot, ctx: AppContext, fridge: int) -> None:
    detail = TicketDetailDialog(ctx, fridge)
    qtbot.addWidget(detail)
    detail.show()
    hint = detail.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768 - 40  # a 1366x768 screen less its task bar
    assert detail.height() <= 768 - 40


def _targets(step: str, state: str) -> set[str]:
    """The state a step's button moves the ticket to (the quote panel's
    answer buttons for "the customer's answer")."""
    if step == td.QUOTE:
        return {states.QUOTED} if state == states.DIAGNOSING else {states.APPROVED, states.DECLINED}
    if step == td.PICKUP:
        return {states.CLOSED} if state == states.READY else {states.READY}  # a repaired product is made ready first
    return {{td.DIAGNOSE: states.DIAGNOSING, td.VISIT: states.SCHEDULED, td.CALL_OFF: states.RECEIVED,
             td.REPAIR: states.IN_REPAIR, td.RECORD: states.REPAIRED, td.WORK_DONE: states.REPAIRED,
             td.PARTS: states.AWAITING_PARTS, td.PARTS_ARRIVED: states.IN_REPAIR, td.READY: states.READY,
             td.CLOSE: states.CLOSED, td.CANCEL: states.CANCELLED}[step]}


def test_every_legal_move_has_a_button_and_every_state_a_next_step() -> None:
    base = TicketView(id=1, number="T2026-000001", state=states.RECEIVED, title_html="", facts=[], warranty="",
                      warranty_detail="",
                      verify_fields=[], technician_id=None, uncertain=False, awaiting_response=False,
                      where=loaners.WITH_CUSTOMER, loan_out="", category="refrigerator", accessories=[],
                      promised_return_on=None, events=[], technicians=[])
    variants = [replace(base, kind=kind, channel=channel, pulled_back=pulled)
                for kind in (service.REPAIR, service.INSTALLATION) for channel in (service.WALK_IN, service.PHONE)
                for pulled in (False, True)]
    sentences = set()
    for state, legal in states.TRANSITIONS.items():
        reached: set[str] = set()
        for view in variants:
            for step in td.steps_for(replace(view, state=state)):
                assert _targets(step, state) <= legal, (state, step)
                reached |= _targets(step, state)
        assert reached == legal, state
        sentence = td.next_step(replace(base, state=state))
        assert sentence and sentence != states.label(state)
        sentences.add(sentence)
    assert len(sentences) == len(states.TRANSITIONS)  # each state says its own next step
