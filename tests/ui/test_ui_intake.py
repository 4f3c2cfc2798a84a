"""The intake screen as a clerk uses it: typing, picking a returning
customer from the live matches, the warranty updating, saving, and the
ticket found again in the list."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from ui_helpers import type_text

from frontdesk import clock
from frontdesk.db.models import Complaint, Customer, Ticket
from frontdesk.intake import faults, repairs, service, states
from frontdesk.ui.context import AppContext
from frontdesk.ui.intake import IntakeScreen
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.tickets import TicketsScreen


def make_intake(qtbot: QtBot, ctx: AppContext) -> IntakeScreen:
    screen = IntakeScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def values(ctx: AppContext, model: type, *attrs: str, **where: object) -> tuple:  # type: ignore[type-arg]
    """Attributes of the one row of ``model`` matching ``where``, read in a session."""
    def read(s):  # type: ignore[no-untyped-def]
        obj = s.scalars(select(model).filter_by(**where)).one()
        return tuple(getattr(obj, a) for a in attrs)
    return ctx.read(read)


def ticket_count(ctx: AppContext) -> int:
    return int(ctx.read(lambda s: s.scalar(select(func.count(Ticket.id))) or 0))


def test_walk_in_returning_customer_saved_and_found_in_the_list(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    screen = window.pages["intake"]
    assert isinstance(screen, IntakeScreen)
    u = screen.ui
    assert u.walkInRadio.isChecked() and u.counterGroup.isVisible() and not u.phoneGroup.isVisible()

    type_text(u.nameEdit, "张")
    qtbot.waitUntil(lambda: u.matchesList.count() == 1, timeout=2000)
    assert "张三" in u.matchesList.item(0).text()
    assert "138 0013 8000" in u.matchesList.item(0).text()
    qtbot.keyClick(u.nameEdit, Qt.Key.Key_Down)
    assert u.matchesList.hasFocus() and u.matchesList.currentRow() == 0
    qtbot.keyClick(u.matchesList, Qt.Key.Key_Return)
    assert u.nameEdit.text() == "张三"
    assert u.phoneEdit.text() == "138 0013 8000"
    assert screen.customer_id is not None
    texts = [u.historyList.item(i).text() for i in range(u.historyList.count())]
    assert any("BCD-216" in t and "HR-0001" in t for t in texts)
    assert any("T2026-000001" in t for t in texts)

    qtbot.keyClick(u.historyList, Qt.Key.Key_Return)  # reuse the fridge
    assert u.categoryCombo.currentData() == "refrigerator"
    assert u.serialEdit.text() == "HR-0001"
    assert u.purchaseDateEdit.text() == "2025-03-10"
    qtbot.keyClicks(u.faultEdit, "Noisy compressor")
    type_text(u.requestEdit, "维修")
    screen.accessory_checks["remote"].setChecked(True)
    screen.condition_checks["scratches"].setChecked(True)
    screen.update_preview()
    # Out for the whole unit after 12 months, the compressor still covered.
    view = u.warrantyView.toPlainText()
    assert "Partly in warranty" in view and "Compressor" in view
    assert "Every required fact is given." in u.verifyLabel.text()

    qtbot.keyClick(u.requestEdit, Qt.Key.Key_Return)  # Enter saves
    assert "Saved ticket T2026-000002." in u.resultLabel.text()
    assert u.nameEdit.text() == "" and screen.customer_id is None  # ready for the next customer

    channel, fault, accessories, condition, warranty, to_verify = values(
        ctx, Ticket, "channel", "fault", "accessories", "condition", "warranty_status", "to_verify", number="T2026-000002")
    assert (channel, fault, warranty, to_verify) == ("walk_in", "Noisy compressor", "partial", False)
    assert accessories == ["Remote control"] and condition == ["scratches"]
    assert ctx.read(lambda s: s.scalar(select(func.count(Customer.id)))) == 1  # not a duplicate customer

    tickets = window.pages["tickets"]
    assert isinstance(tickets, TicketsScreen)
    window.find_ticket()
    assert tickets.isVisible() and tickets.ui.searchEdit.hasFocus()
    qtbot.keyClicks(tickets.ui.searchEdit, "T2026-000002")
    qtbot.waitUntil(lambda: tickets.model.rowCount() == 1, timeout=2000)
    index = tickets.model.index(0, 5)
    assert tickets.model.data(index) == "张三"
    assert tickets.model.data(tickets.model.index(0, 0)) == "T2026-000002"
    assert tickets.model.data(tickets.model.index(0, 8)) == "Partly in warranty"


def test_phone_repair_request_flags_missing_facts_and_promises_an_answer(qtbot: QtBot, ctx: AppContext) -> None:
    screen = make_intake(qtbot, ctx)
    u = screen.ui
    qtbot.mouseClick(u.phoneRadio, Qt.MouseButton.LeftButton)
    assert u.phoneRadio.isChecked() and u.phoneGroup.isVisible() and not u.counterGroup.isVisible()
    assert u.kindCombo.isEnabled() and u.kindCombo.currentData() == "repair"
    qtbot.keyClicks(u.nameEdit, "John Smith")
    qtbot.keyClicks(u.phoneEdit, "139 1234 5678")
    u.categoryCombo.setCurrentIndex(u.categoryCombo.findData("air_conditioner"))
    qtbot.keyClicks(u.modelEdit, "KFR-35")
    qtbot.keyClicks(u.faultEdit, "Loud noise")
    screen.update_preview()
    hint = u.verifyLabel.text()
    assert hint.startswith('Will be saved as "to verify" until these are given: ')  # before the save, not "Saved"
    for missing in ("Address", "Serial number", "Purchase date", "Customer's request"):
        assert missing in hint
    assert "Warranty unknown" in u.warrantyView.toPlainText()

    qtbot.mouseClick(u.saveButton, Qt.MouseButton.LeftButton)
    result = u.resultLabel.text()
    assert "Saved ticket T2026-000002." in result
    flagged = result.split("To verify: ")[1].split(" Answer")[0].split(", ")
    assert sorted(flagged) == sorted(["Address", "Serial number", "Purchase date", "Customer's request"])
    assert "Answer the customer by" in result
    assert values(ctx, Ticket, "channel", "kind", "to_verify", "state", number="T2026-000002") == (
        "phone", "repair", True, states.RECEIVED)
    assert values(ctx, Ticket, "respond_by", number="T2026-000002")[0] is not None


def test_phone_complaint_and_visit(qtbot: QtBot, ctx: AppContext) -> None:
    screen = make_intake(qtbot, ctx)
    u = screen.ui
    u.phoneRadio.setChecked(True)
    u.kindCombo.setCurrentIndex(u.kindCombo.findData("complaint"))
    assert u.whatHappenedEdit.isVisible() and u.relatedTicketEdit.isVisible()
    assert not u.productGroup.isEnabled()
    type_text(u.nameEdit, "张三")
    qtbot.keyClicks(u.phoneEdit, "13800138000")
    qtbot.keyClicks(u.relatedTicketEdit, "t2026-000001")
    qtbot.mouseClick(u.saveButton, Qt.MouseButton.LeftButton)
    assert "Write down what happened." in u.verifyLabel.text()  # the service's own words
    assert ticket_count(ctx) == 1
    qtbot.keyClicks(u.whatHappenedEdit, "Technician was late twice")
    qtbot.mouseClick(u.saveButton, Qt.MouseButton.LeftButton)
    assert "Saved ticket T2026-000002." in u.resultLabel.text()
    assert values(ctx, Complaint, "what_happened", "closed_at") == ("Technician was late twice", None)

    # A phone repair with a visit booked on the next working day.
    u.phoneRadio.setChecked(True)
    u.kindCombo.setCurrentIndex(u.kindCombo.findData("repair"))
    u.visitCheck.setChecked(True)
    assert u.visitDayEdit.isVisible() and u.visitDayEdit.text()
    type_text(u.nameEdit, "王芳")
    qtbot.keyClicks(u.phoneEdit, "13700001111")
    type_text(u.addressEdit, "北京市朝阳区建国路88号")
    type_text(u.areaEdit, "朝阳区")
    qtbot.mouseClick(u.saveButton, Qt.MouseButton.LeftButton)
    assert "Saved ticket T2026-000003." in u.resultLabel.text()
    assert values(ctx, Ticket, "state", "area", number="T2026-000003") == (states.SCHEDULED, "朝阳区")


def test_bad_input_is_named_and_nothing_is_saved(qtbot: QtBot, ctx: AppContext) -> None:
    screen = make_intake(qtbot, ctx)
    u = screen.ui
    qtbot.keyClicks(u.nameEdit, "Li Lei")
    qtbot.keyClicks(u.phoneEdit, "13800138abc")
    qtbot.keyClicks(u.purchaseDateEdit, "2026-13-45")
    screen.update_preview()
    assert "2026-13-45 is not a date" in u.verifyLabel.text()
    assert "border" in u.purchaseDateEdit.styleSheet()
    qtbot.mouseClick(u.saveButton, Qt.MouseButton.LeftButton)
    assert ticket_count(ctx) == 1

    u.purchaseDateEdit.setText((clock.now().date() + timedelta(days=3)).isoformat())
    qtbot.mouseClick(u.saveButton, Qt.MouseButton.LeftButton)
    text = u.verifyLabel.text()
    assert "The phone number may only hold digits" in text
    assert "border" in u.phoneEdit.styleSheet()
    assert ticket_count(ctx) == 1
    assert u.nameEdit.text() == "Li Lei"  # nothing the clerk typed is lost


def test_warranty_and_sanbao_advice_follow_the_dates(qtbot: QtBot, ctx: AppContext) -> None:
    screen = make_intake(qtbot, ctx)
    u = screen.ui
    u.categoryCombo.setCurrentIndex(u.categoryCombo.findData("mobile_phone"))
    assert "passcode" not in u.passcodeCheck.text().lower() or u.passcodeCheck.isVisible()
    today = clock.now().date()
    u.purchaseDateEdit.setText((today - timedelta(days=5)).isoformat())
    u.invoiceCheck.setChecked(True)
    screen.update_preview()
    view = u.warrantyView.toPlainText()
    assert "In warranty" in view and "refund, exchange or repair" in view
    u.purchaseDateEdit.setText((today - timedelta(days=12)).isoformat())
    screen.update_preview()
    assert "exchange or repair" in u.warrantyView.toPlainText()
    assert "refund" not in u.warrantyView.toPlainText().split("advice")[1]
    u.purchaseDateEdit.setText((today - timedelta(days=800)).isoformat())
    screen.update_preview()
    assert "Out of warranty" in u.warrantyView.toPlainText() and "paid repair" in u.warrantyView.toPlainText()
    u.exclusionCombo.setCurrentIndex(u.exclusionCombo.findData("misuse"))
    u.purchaseDateEdit.setText((today - timedelta(days=30)).isoformat())
    screen.update_preview()
    assert "Damage from use against the manual" in u.warrantyView.toPlainText()
    # The phone's own checklist and the passcode question.
    assert "cracked_screen" in screen.condition_checks and u.passcodeCheck.isVisible()
    u.categoryCombo.setCurrentIndex(u.categoryCombo.findData("refrigerator"))
    assert "cracked_screen" not in screen.condition_checks and not u.passcodeCheck.isVisible()


def test_a_phone_call_gets_provisional_advice_and_walk_ins_as_before(qtbot: QtBot, ctx: AppContext) -> None:
    """The customer on the phone says when they bought it: warranty and 三包
    advice are shown, marked provisional (the invoice is seen at the visit);
    the pane says the status once."""
    screen = make_intake(qtbot, ctx)
    u = screen.ui
    u.phoneRadio.setChecked(True)
    u.categoryCombo.setCurrentIndex(u.categoryCombo.findData("mobile_phone"))
    u.purchaseDateEdit.setText((clock.now().date() - timedelta(days=5)).isoformat())
    screen.update_preview()
    view = u.warrantyView.toPlainText()
    assert "No purchase date" not in view and "Warranty unknown" not in view
    assert view.startswith("In warranty: whole unit until") and view.count("In warranty: whole unit") == 1
    assert view.count("provisional — to verify at the visit") == 2  # on the warranty and on the advice
    assert "refund, exchange or repair" in view
    assert not u.invoiceCheck.isChecked()
    u.invoiceCheck.setChecked(True)  # the customer sent a photo of the invoice
    screen.update_preview()
    assert "provisional" not in u.warrantyView.toPlainText()

    u.walkInRadio.setChecked(True)  # at the counter: no proof, no advice, as before
    u.invoiceCheck.setChecked(False)
    screen.update_preview()
    view = u.warrantyView.toPlainText()
    assert "provisional" not in view
    assert view.count("Warranty unknown") == 1 and view.count("Proof of purchase needed") == 1
    assert "No purchase date: verify the purchase before advising." in view


def test_the_fault_category_counts_the_earlier_repairs_of_that_fault(qtbot: QtBot, ctx: AppContext) -> None:
    """A returning customer's fridge repaired twice for not cooling: picking
    that fault category turns the advice into a free exchange, and the ticket
    keeps the fault category."""
    bought = clock.now().date() - timedelta(days=200)
    with ctx.db.write() as s:
        for days_ago in (150, 90):
            at = datetime.combine(clock.now().date() - timedelta(days=days_ago), time(10))
            taken = service.take_intake(s, ctx.actor, service.IntakeForm(
                channel=service.WALK_IN, name="王芳", phone="137 0000 1111", category="refrigerator",
                model="BCD-500", serial="WF-1", purchase_date=bought, invoice_shown=True, fault="不制冷",
                request="维修"), now=at)
            service.move(s, ctx.actor, taken.ticket_id, states.DIAGNOSING, now=at)
            service.move(s, ctx.actor, taken.ticket_id, states.IN_REPAIR, now=at)
            repairs.record_repair(s, ctx.actor, taken.ticket_id, repairs.RepairResult(
                "no_cooling", faults.REPLACED_PART, parts=[repairs.PartReplaced("BX-THERM")]), now=at)
        customer_id = taken.customer_id
    screen = make_intake(qtbot, ctx)
    u = screen.ui
    assert not u.faultCategoryCombo.isEnabled() and u.faultCategoryCombo.currentText() == "—"
    screen.pick_customer(customer_id)
    qtbot.keyClick(u.historyList, Qt.Key.Key_Return)  # the fridge
    assert u.categoryCombo.currentData() == "refrigerator" and u.faultCategoryCombo.isEnabled()
    assert u.faultCategoryCombo.itemText(0) == "—" and u.faultCategoryCombo.currentData() == ""
    screen.update_preview()
    assert "free repair" in u.warrantyView.toPlainText()
    u.faultCategoryCombo.setCurrentIndex(u.faultCategoryCombo.findData("no_cooling"))
    assert u.faultCategoryCombo.currentText() == "Not cooling"
    screen.update_preview()
    view = u.warrantyView.toPlainText()
    assert "Already repaired 2 times for this fault" in view and "free exchange" in view
    type_text(u.faultEdit, "又不制冷")
    type_text(u.requestEdit, "换机")
    qtbot.mouseClick(u.saveButton, Qt.MouseButton.LeftButton)
    assert "Saved ticket" in u.resultLabel.text()
    number = u.resultLabel.text().split("Saved ticket ")[1].split(".")[0]
    assert values(ctx, Ticket, "fault_category", "prior_repairs_same_fault", number=number) == ("no_cooling", 2)
    assert u.faultCategoryCombo.currentText() == "—"  # cleared for the next customer


def test_a_product_with_an_open_ticket_is_shown_with_a_way_to_open_it(qtbot: QtBot, ctx: AppContext) -> None:
    """张三's fridge is still in for repair (T2026-000001): bringing it again
    shows that ticket, and opens it instead of taking a new one."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    screen = window.pages["intake"]
    assert isinstance(screen, IntakeScreen)
    u = screen.ui
    screen.update_preview()
    assert not u.duplicateLabel.isVisible() and not u.openDuplicateButton.isVisible()

    first = ctx.read(lambda s: s.scalars(select(Ticket).where(Ticket.number == "T2026-000001")).one().id)
    customer_id = ctx.read(lambda s: s.scalars(select(Customer.id)).one())
    screen.pick_customer(customer_id)
    qtbot.keyClick(u.historyList, Qt.Key.Key_Return)  # the fridge
    screen.update_preview()
    assert u.duplicateLabel.isVisible() and u.openDuplicateButton.isVisible()
    text = u.duplicateLabel.text()
    assert "Already open" in text and f"ticket:{first}" in text and "T2026-000001" in text
    assert "the same product (serial HR-0001)" in text
    with qtbot.waitSignal(screen.open_requested) as blocker:
        qtbot.mouseClick(u.openDuplicateButton, Qt.MouseButton.LeftButton)
    assert blocker.args == [first]
    assert first in window.details and window.details[first].isVisible()  # the ticket's own dialog
    window.details[first].close()

    # Another fridge of the same customer: the open ticket still shows, as the customer's.
    u.serialEdit.setText("HR-0002")
    screen.product_id = None
    screen.update_preview()
    assert "the customer's Refrigerator BCD-216" in u.duplicateLabel.text()
    with qtbot.waitSignal(screen.open_requested) as blocker:
        u.duplicateLabel.linkActivated.emit(f"ticket:{first}")
    assert blocker.args == [first]

    # A new customer typing that serial is warned too; a microwave is not.
    screen.clear()
    u.categoryCombo.setCurrentIndex(u.categoryCombo.findData("microwave"))
    type_text(u.serialEdit, "HR-0001")
    screen.update_preview()
    assert u.duplicateLabel.isVisible() and "T2026-000001" in u.duplicateLabel.text()
    u.serialEdit.setText("MW-1")
    screen.update_preview()
    assert not u.duplicateLabel.isVisible()
