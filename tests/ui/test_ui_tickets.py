"""The ticket list (lazy model, filters) and the ticket detail (its step
buttons, manager approval, notes, verification, cancelling)."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event, select, update
from ui_helpers import Approvals

from frontdesk.billing import schedules
from frontdesk.db.models import AuditRecord, NumberSequence, Ticket
from frontdesk.intake import query, responses, service, states, visits
from frontdesk.ui import ticket_detail as td
from frontdesk.ui.context import AppContext
from frontdesk.ui.ticket_detail import TicketDetailDialog
from frontdesk.ui.tickets import TicketsScreen, TicketTableModel
from frontdesk.users import Actor


def add_tickets(ctx: AppContext, n: int, **form: object) -> list[int]:
    ids = []
    with ctx.db.write() as s:
        for i in range(n):
            f = service.IntakeForm(channel=service.WALK_IN, name=f"Customer {i}", phone=f"1380000{i:04d}",
                                   category="microwave", model=f"M{i}", serial=f"SN{i:04d}", fault="no heat",
                                   request="repair", **form)  # type: ignore[arg-type]
            ids.append(service.take_intake(s, ctx.actor, f, now=datetime(2026, 11, 2, 9) + timedelta(hours=i)).ticket_id)
    return ids


def test_model_loads_lazily_and_passes_the_model_tester(qtbot: QtBot, qtmodeltester, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    add_tickets(ctx, 11)
    model = TicketTableModel(ctx.db, page_size=5)
    model.set_filter(model.filter)
    assert model.rowCount() == 5 and model.canFetchMore(QModelIndex())
    numbers = [model.data(model.index(r, 0)) for r in range(5)]
    assert numbers == sorted(numbers, reverse=True)  # newest first
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 12 and not model.canFetchMore(QModelIndex())
    assert model.data(model.index(11, 0)) == "T2026-000001"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) is not None
    qtmodeltester.check(model)


def test_the_next_page_is_read_ahead_while_the_rows_are_shown(qtbot: QtBot, ctx: AppContext) -> None:
    """With reading ahead the page after the rows shown is read in the
    background: scrolling to the end asks the database nothing, and a page
    read ahead for another filter is never shown."""
    add_tickets(ctx, 12)
    model = TicketTableModel(ctx.db, page_size=5, read_ahead=True)
    ahead = model.ahead
    assert ahead is not None
    model.set_filter(model.filter)
    qtbot.waitUntil(lambda: ahead.idle() and model._next is not None, timeout=3000)
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if threading.current_thread() is threading.main_thread():  # not the reading ahead of the page after
            statements.append(statement)

    event.listen(ctx.db.engine, "before_cursor_execute", seen)
    try:
        model.fetchMore(QModelIndex())
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", seen)
    assert statements == [] and model.rowCount() == 10
    assert [model.data(model.index(r, 0)) for r in range(10)] == [f"T2026-{n:06d}" for n in range(13, 3, -1)]
    # The filter changes before the page read ahead for the old one is used: it is dropped.
    qtbot.waitUntil(lambda: ahead.idle() and model._next is not None, timeout=3000)
    model.set_filter(query.TicketFilter(text="SN0011"))
    qtbot.waitUntil(ahead.idle, timeout=3000)
    assert model.rowCount() == 1 and not model.canFetchMore(QModelIndex()) and model._next is None
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 1


def test_the_count_says_1_ticket_and_2_tickets(qtbot: QtBot, ctx: AppContext) -> None:
    """Plural forms through ngettext: not "1 tickets"."""
    add_tickets(ctx, 2)  # serials SN0000 and SN0001
    screen = TicketsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.keyClicks(screen.ui.searchEdit, "SN0001")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    assert screen.ui.countLabel.text() == "1 ticket"
    screen.ui.searchEdit.clear()
    qtbot.keyClicks(screen.ui.searchEdit, "SN000")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=2000)
    assert screen.ui.countLabel.text() == "2 tickets"


def test_the_product_column_takes_the_room_left_not_the_flags(qtbot: QtBot, ctx: AppContext) -> None:
    """On a counter screen the product is what is read; flags are short words."""
    from frontdesk.ui.tickets import COLUMNS

    add_tickets(ctx, 1)
    screen = TicketsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1166, 600)  # the main window's page at 1366x768, less the sidebar
    screen.show()
    header = screen.ui.table.horizontalHeader()
    keys = [key for key, _title in COLUMNS]
    product, flags = header.sectionSize(keys.index("product")), header.sectionSize(keys.index("flags"))
    assert product >= 150 and product > 1.5 * flags


def test_filters_and_search(qtbot: QtBot, ctx: AppContext) -> None:
    add_tickets(ctx, 3)
    add_tickets(ctx, 2, purchase_date=None)  # no purchase date: to verify
    screen = TicketsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    u = screen.ui
    assert screen.model.rowCount() == 6 and "6 tickets" in u.countLabel.text()
    u.verifyCheck.setChecked(True)
    flagged = [screen.model.data(screen.model.index(r, 10)) for r in range(screen.model.rowCount())]
    assert flagged and all("to verify" in f for f in flagged)
    u.verifyCheck.setChecked(False)
    u.channelCombo.setCurrentIndex(u.channelCombo.findData("phone"))
    assert screen.model.rowCount() == 0 and "0 tickets" in u.countLabel.text()
    u.channelCombo.setCurrentIndex(0)
    qtbot.keyClicks(u.searchEdit, "SN0001")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=2000)  # serial prefix, two batches
    u.searchEdit.clear()
    qtbot.keyClicks(u.fromEdit, "2026-13-01")
    qtbot.waitUntil(lambda: "not a date" in u.messageLabel.text(), timeout=2000)
    u.fromEdit.setText("2026-11-02")
    u.stateCombo.setCurrentIndex(u.stateCombo.findData(states.CLOSED))
    assert screen.model.rowCount() == 0
    u.stateCombo.setCurrentIndex(u.stateCombo.findData(states.RECEIVED))
    assert screen.model.rowCount() == 5
    with qtbot.waitSignal(screen.open_requested) as blocker:
        u.table.setFocus()
        u.table.selectRow(0)
        qtbot.keyClick(u.table, Qt.Key.Key_Return)
    assert blocker.args == [screen.model.row_id(0)]


def test_typing_the_digits_of_a_ticket_number_finds_it(qtbot: QtBot, ctx: AppContext) -> None:
    """The customer reads "3602" off the slip: the list shows T2026-003602."""
    with ctx.db.write() as s:
        s.execute(update(NumberSequence).where(NumberSequence.name == "ticket", NumberSequence.year == 2026)
                  .values(last=3601))
    (wanted,) = add_tickets(ctx, 1)
    add_tickets(ctx, 2)
    screen = TicketsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    u = screen.ui
    assert screen.model.rowCount() == 4
    qtbot.keyClicks(u.searchEdit, "3602")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    assert screen.model.data(screen.model.index(0, 0)) == "T2026-003602"
    assert screen.model.row_id(0) == wanted
    with qtbot.waitSignal(screen.open_requested) as blocker:
        qtbot.keyClick(u.searchEdit, Qt.Key.Key_Return)  # the only match opens
    assert blocker.args == [wanted]
    u.searchEdit.setText("2026-3603")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1
                    and screen.model.data(screen.model.index(0, 0)) == "T2026-003603", timeout=2000)


def timeline(dialog: TicketDetailDialog) -> list[str]:
    t = dialog.ui.timeline
    return [t.item(r, 2).text() for r in range(t.rowCount())]


def shown_steps(dialog: TicketDetailDialog) -> list[str]:
    return [key for key, button in dialog.step_buttons.items() if not button.isHidden()]


def test_detail_moves_along_the_state_machine(qtbot: QtBot, ctx: AppContext) -> None:
    [ticket_id] = add_tickets(ctx, 1, purchase_date=datetime(2024, 1, 5).date(), invoice_shown=True)
    dialog = TicketDetailDialog(ctx, ticket_id)
    qtbot.addWidget(dialog)
    dialog.show()
    u = dialog.ui
    assert "T2026-000002" in u.factsLabel.text() and "Received" in u.factsLabel.text()
    assert u.warrantyLabel.text() == "Partly in warranty" and "Out of warranty" in u.warrantyDetailLabel.text()
    assert shown_steps(dialog) == [td.DIAGNOSE, td.VISIT, td.REPAIR, td.CLOSE, td.CANCEL]
    qtbot.keyClicks(u.stepNoteEdit, "on the bench")
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(u.diagnoseButton, Qt.MouseButton.LeftButton)
    assert "Received → Diagnosing: on the bench" in timeline(dialog)
    assert u.messageLabel.text() == "The diagnosis started."
    assert "Being diagnosed" in u.nextLabel.text()
    assert shown_steps(dialog) == [td.QUOTE, td.REPAIR, td.RECORD, td.CLOSE, td.CANCEL]
    u.technicianCombo.setCurrentIndex(u.technicianCombo.findText("刘师傅"))
    qtbot.mouseClick(u.assignButton, Qt.MouseButton.LeftButton)
    assert "Assigned to 刘师傅" in timeline(dialog)
    qtbot.keyClicks(u.noteEdit, "customer will call at 3pm")
    qtbot.keyClick(u.noteEdit, Qt.Key.Key_Return)
    assert "customer will call at 3pm" in timeline(dialog)
    qtbot.mouseClick(u.noteButton, Qt.MouseButton.LeftButton)  # empty note
    assert "The note is empty." in u.messageLabel.text()


def test_cancelling_a_ticket_is_confirmed_first(qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    [ticket_id] = add_tickets(ctx, 1)
    dialog = TicketDetailDialog(ctx, ticket_id)
    qtbot.addWidget(dialog)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: answers.pop(0)))
    qtbot.mouseClick(dialog.ui.cancelTicketButton, Qt.MouseButton.LeftButton)
    assert ctx.read(lambda s: s.get_one(Ticket, ticket_id).state) == states.RECEIVED
    qtbot.mouseClick(dialog.ui.cancelTicketButton, Qt.MouseButton.LeftButton)
    assert ctx.read(lambda s: s.get_one(Ticket, ticket_id).state) == states.CANCELLED
    assert dialog.ui.messageLabel.text() == "The ticket is cancelled."
    assert dialog.ui.nextLabel.text() == "<b>Cancelled: nothing more to do.</b>"
    assert shown_steps(dialog) == [] and not dialog.ui.lendLoanerButton.isEnabled()


@pytest.mark.parametrize("approve", [False, True])
def test_quoting_a_ticket_to_verify_needs_a_manager(qtbot: QtBot, ctx: AppContext, approvals: Approvals,
                                                    shop: dict[str, object], approve: bool) -> None:
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    [ticket_id] = add_tickets(ctx, 1)  # no purchase date: to verify
    with ctx.db.write() as s:
        schedules.install_default_schedule(s, manager, now=datetime(2026, 1, 1, 9))
        service.move(s, ctx.actor, ticket_id, states.DIAGNOSING)
    dialog = TicketDetailDialog(ctx, ticket_id)
    qtbot.addWidget(dialog)
    u = dialog.ui
    assert "Purchase date" in u.verifyFieldsLabel.text() and u.verifyButton.isEnabled()
    approvals.manager = manager if approve else None
    qtbot.mouseClick(u.quoteButton, Qt.MouseButton.LeftButton)  # the quote is made in the quote panel
    assert u.tabs.currentWidget() is u.billingTab
    panel = dialog.quote_panel.ui
    panel.kindCombo.setCurrentIndex(panel.kindCombo.findData("labour"))
    panel.codeCombo.setCurrentIndex(panel.codeCombo.findData("minor"))
    panel.addLineButton.click()
    qtbot.mouseClick(panel.makeQuoteButton, Qt.MouseButton.LeftButton)
    assert approvals.asked == ["A manager must approve: quote a ticket with facts to verify"]
    state = ctx.read(lambda s: s.get_one(Ticket, ticket_id).state)
    if approve:
        assert state == states.QUOTED
        assert "Quoted with facts to verify, approved by Wang Manager" in timeline(dialog)
        assert "Quoted: waiting for the customer's answer" in u.nextLabel.text()
        approver = ctx.read(lambda s: s.scalar(select(AuditRecord.approver_id).where(
            AuditRecord.action == "ticket.verify_override")))
        assert approver == manager.id
    else:
        assert state == states.DIAGNOSING
        assert "A manager must approve" in panel.messageLabel.text()
        qtbot.mouseClick(u.verifyButton, Qt.MouseButton.LeftButton)  # the facts to verify, highlighted
        assert dialog.correct_dialog is not None and dialog.correct_dialog.verifying
        dialog.correct_dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()  # "Verified"
        assert u.verifyFieldsLabel.text() == "nothing" and not u.verifyButton.isEnabled()
        qtbot.mouseClick(panel.makeQuoteButton, Qt.MouseButton.LeftButton)
        assert ctx.read(lambda s: s.get_one(Ticket, ticket_id).state) == states.QUOTED
        assert len(approvals.asked) == 1  # verified facts need no manager


def test_phone_requests_about_to_miss_the_promise_are_shown(qtbot: QtBot, ctx: AppContext) -> None:
    from frontdesk import clock
    from frontdesk.ui.main_window import MainWindow

    with ctx.db.write() as s:
        late = service.take_intake(s, ctx.actor, service.IntakeForm(
            channel=service.PHONE, name="王芳", phone="13700001111", address="朝阳区建国路88号", category="washing_machine",
            fault="leaks", request="repair"), now=clock.now() - timedelta(days=14))
        service.take_intake(s, ctx.actor, service.IntakeForm(  # answered: not listed
            channel=service.PHONE, name="Li Lei", phone="13700002222", address="海淀区", category="washing_machine",
            fault="leaks", request="repair", visit=None), now=clock.now() - timedelta(days=14))
        answered = s.scalars(select(Ticket).where(Ticket.number == "T2026-000003")).one()
        responses.mark_responded(s, ctx.actor, answered.id, "appointment made")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.ui.navList.item(1).text() == "Tickets (1 to answer)"
    assert late.number in window.ui.navList.item(1).toolTip()
    tickets = window.pages["tickets"]
    assert isinstance(tickets, TicketsScreen)
    tickets.show_due_soon()
    assert tickets.model.rowCount() == 1
    assert tickets.model.data(tickets.model.index(0, 0)) == late.number
    assert "response overdue" in tickets.model.data(tickets.model.index(0, 10))
    with ctx.db.write() as s:
        responses.mark_responded(s, ctx.actor, late.ticket_id, "visit booked")
    assert window.update_due() == 0 and window.ui.navList.item(1).text() == "Tickets"


def test_visits_grouped_by_area_and_given_to_one_technician(qtbot: QtBot, ctx: AppContext) -> None:
    from datetime import time

    from frontdesk import clock, technicians
    from frontdesk.db.models import Visit
    from frontdesk.ui.visits import VisitsDialog

    day = clock.now().date() + timedelta(days=2)
    techs = ctx.read(lambda s: {name: tid for tid, name in technicians.technician_names(s)})
    with ctx.db.write() as s:
        for name, area, start, tech in (("王芳", "朝阳区", 9, None), ("李雷", "朝阳区", 13, None),
                                        ("赵敏", "海淀区", 9, techs["刘师傅"])):
            service.take_intake(s, ctx.actor, service.IntakeForm(
                channel=service.PHONE, name=name, phone="1370000" + str(start).zfill(4), address=f"{area}某路1号",
                area=area, category="air_conditioner", fault="no cooling", request="visit",
                visit=visits.VisitRequest(day, time(start), time(start + 3), technician_id=tech)),
                now=clock.now() - timedelta(hours=1))
    dialog = VisitsDialog(ctx, day)
    qtbot.addWidget(dialog)
    tree = dialog.ui.tree
    assert tree.topLevelItemCount() == 2
    areas = [tree.topLevelItem(i).text(0) for i in range(2)]
    assert areas == ["朝阳区  (2)", "海淀区  (1)"]
    # 朝阳区 is 陈师傅's area; 海淀区 already has a visit of 刘师傅: each is suggested.
    assert "陈师傅" in tree.topLevelItem(0).text(4) and "刘师傅" in tree.topLevelItem(1).text(4)
    assert dialog.ui.countLabel.text() == "3 visits in 2 areas"
    tree.setCurrentItem(tree.topLevelItem(0))
    assert dialog.ui.technicianCombo.currentText() == "陈师傅"
    qtbot.mouseClick(dialog.ui.assignButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.messageLabel.text() == "2 visits given to 陈师傅."
    given = ctx.read(lambda s: sorted((v.area, v.technician_id) for v in s.scalars(select(Visit))))
    assert given == sorted([("朝阳区", techs["陈师傅"]), ("朝阳区", techs["陈师傅"]), ("海淀区", techs["刘师傅"])])
    assert tree.topLevelItem(0).child(0).text(5) == "陈师傅"
    dialog.ui.dayEdit.setText("not a day")
    qtbot.keyClick(dialog.ui.dayEdit, Qt.Key.Key_Return)
    assert "not a date" in dialog.ui.messageLabel.text()
