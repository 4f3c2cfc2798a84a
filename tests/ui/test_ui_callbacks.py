"""The Call-backs page driven like the desk drives it: the call-back list by
the keyboard (select, press Alt+1 to Alt+4, see the row leave and its retry
or follow-up appear; Ctrl+Z takes the last one back), a dissatisfied card entered by the keyboard and its
follow-up in the list, a complaint closed with a manager's PIN, the card
supervision flags and the satisfaction figures with their chart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QCheckBox, QTableView, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import Approvals

from frontdesk import clock, technicians
from frontdesk.followup import service as fu
from frontdesk.followup.models import CallBack
from frontdesk.intake import service
from frontdesk.ui.callbacks import CallbacksScreen
from frontdesk.ui.complaints import ComplaintsScreen
from frontdesk.ui.context import AppContext
from frontdesk.ui.followup_page import FollowUpPage
from frontdesk.ui.row_table import LATE
from frontdesk.ui.satisfaction import SatisfactionScreen
from frontdesk.ui.supervision import SupervisionScreen
from frontdesk.users import Actor
from tests.followup.followup_data import card_for, known_cards

NOW = datetime(2026, 11, 24, 10, 30)  # a Tuesday, inside calling hours
ALT = Qt.KeyboardModifier.AltModifier
focused: Callable[[], QWidget | None] = QApplication.focusWidget


@pytest.fixture
def at_now(monkeypatch: pytest.MonkeyPatch) -> datetime:
    monkeypatch.setattr(clock, "now", lambda: NOW)
    return NOW


def table_rows(view: QTableView) -> list[dict[str, str]]:
    """What a table shows, row by row, by column title."""
    model = view.model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [{titles[c]: model.data(model.index(r, c)) for c in range(model.columnCount())}
            for r in range(model.rowCount())]


def row_colour(view: QTableView, row: int) -> QColor | None:
    brush = view.model().data(view.model().index(row, 0), Qt.ItemDataRole.ForegroundRole)
    return brush.color() if brush is not None else None


def consultation(ctx: AppContext, name: str, phone: str, at: datetime) -> str:
    with ctx.db.write() as s:
        return service.take_intake(s, ctx.actor, service.IntakeForm(
            channel=service.PHONE, kind=service.CONSULTATION, name=name, phone=phone), now=at).number


def shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def test_work_the_call_back_list_by_keyboard(qtbot: QtBot, ctx: AppContext, at_now: datetime) -> None:
    late = consultation(ctx, "李四", "139 1234 5678", datetime(2026, 11, 23, 10, 0))  # due yesterday 12:00
    fresh = consultation(ctx, "王五", "137 1234 5678", datetime(2026, 11, 24, 10, 0))  # due today 12:00
    screen = CallbacksScreen(ctx)
    shown(qtbot, screen)
    u = screen.ui
    rows = table_rows(u.queueTable)
    assert [(r["Ticket"], r["Late"]) for r in rows] == [(late, "overdue"), (fresh, "")]  # overdue first
    assert row_colour(u.queueTable, 0) == LATE.color() and row_colour(u.queueTable, 1) is None
    assert "2 calls to make, 1 overdue" in u.countLabel.text()

    # The overdue call: a note, then Alt+3 (no answer): it leaves, its retry comes 2 hours later.
    u.queueTable.setFocus()
    u.queueTable.selectRow(0)
    qtbot.keyClicks(u.noteEdit, "no one home")
    qtbot.keyClick(u.noteEdit, Qt.Key.Key_Return)  # back to the list
    assert u.queueTable.hasFocus()
    qtbot.keyClick(u.queueTable, Qt.Key.Key_3)  # a bare digit records nothing: it says which keys do
    assert u.messageLabel.text() == "Alt+1 to Alt+4 record what came of the call."
    assert len(table_rows(u.queueTable)) == 2
    qtbot.keyClick(u.queueTable, Qt.Key.Key_3, ALT)
    assert "Try again 2026-11-24 12:30" in u.messageLabel.text()
    rows = table_rows(u.queueTable)
    assert [(r["Ticket"], r["Attempt"], r["Due"]) for r in rows] == [
        (fresh, "1", "2026-11-24 12:00"), (late, "2", "2026-11-24 12:30")]
    assert u.noteEdit.text() == ""
    made = table_rows(u.doneTable)
    assert [(m["Ticket"], m["Outcome"], m["Called by"], m["Note"]) for m in made] == [
        (late, "No answer", "Li Clerk", "no one home")]  # by the full name

    # Alt+2 (reached, not fine) on the first: a follow-up the next working day takes its place.
    u.queueTable.selectRow(0)
    qtbot.keyClick(u.queueTable, Qt.Key.Key_2, ALT)
    assert "A follow-up call is due 2026-11-25 10:30" in u.messageLabel.text()
    rows = table_rows(u.queueTable)
    assert [(r["Ticket"], r["Why"]) for r in rows] == [
        (late, "After a phone consultation"), (fresh, "Follow-up: customer not yet satisfied")]

    # Alt+1 (reached, fine): gone for good; Alt+4 (wrong number): the ticket is put to verify.
    qtbot.keyClick(u.queueTable, Qt.Key.Key_1, ALT)
    assert [r["Ticket"] for r in table_rows(u.queueTable)] == [fresh]
    qtbot.keyClick(u.queueTable, Qt.Key.Key_4, ALT)
    assert f"Ticket {fresh} is flagged to verify the phone number" in u.messageLabel.text()
    assert table_rows(u.queueTable) == [] and "0 calls to make" in u.countLabel.text()
    with ctx.db.read() as s:
        ticket = service.get_ticket(s, service.find_ticket(s, fresh).id)
        assert ticket.to_verify and "phone" in ticket.verify_fields
    assert len(table_rows(u.doneTable)) == 4

    # Nothing selected: a key says so and records nothing.
    qtbot.keyClick(u.queueTable, Qt.Key.Key_1, ALT)
    assert u.messageLabel.text() == "Select the call first."


def test_a_call_recorded_from_the_note_is_undone(qtbot: QtBot, ctx: AppContext, at_now: datetime) -> None:
    """Alt+1 in the note field records the call (the "1" is not typed into
    the note); Ctrl+Z takes it back: the call is due again with no outcome."""
    number = consultation(ctx, "李四", "139 1234 5678", datetime(2026, 11, 24, 9, 0))
    screen = CallbacksScreen(ctx)
    shown(qtbot, screen)
    u = screen.ui
    before = table_rows(u.queueTable)
    assert "Alt+1" in u.keysLabel.text() and "Ctrl+Z" in u.keysLabel.text()
    assert u.fineButton.text() == "Reached, fine (Alt+1)" and u.wrongNumberButton.text() == "Wrong number (Alt+4)"
    assert not screen.undoButton.isEnabled()
    u.queueTable.selectRow(0)
    qtbot.keyClicks(u.noteEdit, "fixed, thanks")
    qtbot.keyClick(u.noteEdit, Qt.Key.Key_1, ALT)
    assert table_rows(u.queueTable) == []
    made = table_rows(u.doneTable)
    assert [(m["Ticket"], m["Outcome"], m["Note"]) for m in made] == [(number, "Reached, customer is fine",
                                                                        "fixed, thanks")]
    assert screen.undoButton.isEnabled() and "Ctrl+Z takes it back" in u.messageLabel.text()

    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert u.messageLabel.text() == "Call to 李四: undone, it is due again."
    assert table_rows(u.queueTable) == before and table_rows(u.doneTable) == []
    with ctx.db.read() as s:
        row = fu.queue(s, at_now)[0]
        cb = s.get(CallBack, row.id)
        assert cb is not None and (cb.done_at, cb.outcome, cb.note) == (None, None, "")
    assert not screen.undoButton.isEnabled()
    qtbot.keyClick(u.queueTable, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # only the last one, once
    assert u.messageLabel.text().startswith("Nothing to undo")

    # Recorded again (Alt+3 from the list): the chance to undo ends after a few seconds.
    qtbot.keyClick(u.queueTable, Qt.Key.Key_3, ALT)
    assert screen.undoButton.isEnabled() and screen.undo_timer.isActive()
    assert screen.undo_timer.interval() == int(fu.UNDO_WINDOW.total_seconds() * 1000)
    screen.undo_timer.timeout.emit()
    assert not screen.undoButton.isEnabled()
    qtbot.mouseClick(screen.undoButton, Qt.MouseButton.LeftButton)
    assert [m["Outcome"] for m in table_rows(u.doneTable)] == ["No answer"]


def test_enter_opens_the_ticket_of_the_call(qtbot: QtBot, ctx: AppContext, at_now: datetime) -> None:
    number = consultation(ctx, "李四", "139 1234 5678", datetime(2026, 11, 24, 9, 0))
    screen = CallbacksScreen(ctx)
    shown(qtbot, screen)
    with ctx.db.read() as s:
        ticket_id = service.find_ticket(s, number).id
    with qtbot.waitSignal(screen.open_requested) as opened:
        qtbot.keyClick(screen.ui.queueTable, Qt.Key.Key_Return)
    assert opened.args == [ticket_id]


def test_a_dissatisfied_card_by_keyboard_opens_a_follow_up(qtbot: QtBot, ctx: AppContext, at_now: datetime) -> None:
    with ctx.db.read() as s:
        tech = {name: tid for tid, name in technicians.technician_names(s)}["刘师傅"]
    card_id = card_for(ctx.db, ctx.actor, tech, 1, datetime(2026, 11, 20, 15, 0))
    with ctx.db.read() as s:
        view = fu.card_view(s, card_id)
    page = FollowUpPage(ctx)
    shown(qtbot, page)
    page.tabs.setCurrentWidget(page.cards)
    u = page.cards.ui
    focus: Callable[[], QWidget | None] = QApplication.focusWidget

    # Nothing found: said plainly, the text kept.
    qtbot.keyClicks(u.cardEdit, "T1999-000001")
    qtbot.keyClick(u.cardEdit, Qt.Key.Key_Return)
    assert u.messageLabel.text() == "No feedback card for T1999-000001."
    assert u.cardEdit.text() == "T1999-000001"

    # The QR code carries the ticket number: scanned, Enter.
    u.cardEdit.clear()
    qtbot.keyClicks(u.cardEdit, view.ticket_number)
    qtbot.keyClick(u.cardEdit, Qt.Key.Key_Return)
    assert view.serial in u.cardInfoLabel.text() and "刘师傅" in u.cardInfoLabel.text()
    # Enter before rating: the form says what is missing and keeps what was typed.
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    assert "Rate the repair quality" in u.messageLabel.text()
    assert u.cardEdit.text() == view.ticket_number
    # 1 = not satisfied for the quality, 3 = satisfied for the attitude, Space signs, Enter saves.
    u.quality3Radio.setFocus()
    qtbot.keyClick(focus(), Qt.Key.Key_1)
    assert u.quality1Radio.isChecked() and focus() in (u.attitude3Radio, u.attitude2Radio, u.attitude1Radio)
    qtbot.keyClick(focus(), Qt.Key.Key_3)
    # Named with its type: the generated form's widgets are Any, and "is" would narrow Any to QWidget | None.
    signed: QCheckBox = u.signedCheck
    assert u.attitude3Radio.isChecked() and focus() is signed
    qtbot.keyClick(focus(), Qt.Key.Key_Space)
    assert signed.isChecked()
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    assert u.messageLabel.text() == (f"Card {view.serial} saved: not satisfied. "
                                     "A follow-up call-back is due 2026-11-24 10:30.")
    assert u.cardEdit.text() == "" and not u.quality1Radio.isChecked() and focus() is u.cardEdit
    entered = table_rows(u.recentTable)
    assert [(e["Feedback card"], e["Quality"], e["Attitude"], e["Signed"]) for e in entered] == [
        (view.serial, "Not satisfied", "Satisfied", "yes")]

    # The follow-up is in the call-back list at once.
    calls = table_rows(page.callbacks.ui.queueTable)
    assert [(c["Ticket"], c["Why"]) for c in calls] == [(view.ticket_number, "Feedback card: not satisfied")]

    # The same card again: refused, naming it.
    qtbot.keyClicks(u.cardEdit, view.serial)
    qtbot.keyClick(u.cardEdit, Qt.Key.Key_Return)
    assert u.messageLabel.text() == f"Card {view.serial} was already entered (returned 2026-11-24)."


def test_a_manager_closes_a_complaint(qtbot: QtBot, ctx: AppContext, shop: dict[str, object],
                                      approvals: Approvals, monkeypatch: pytest.MonkeyPatch) -> None:
    with ctx.db.write() as s:
        for name, phone, promised in (("孙一", "13811110001", datetime(2026, 11, 24, 9, 0)),
                                      ("孙二", "13811110002", datetime(2026, 11, 26, 9, 0))):
            service.take_intake(s, ctx.actor, service.IntakeForm(
                channel=service.PHONE, kind=service.COMPLAINT, name=name, phone=phone, what_happened="师傅迟到",
                promised_answer_at=promised), now=datetime(2026, 11, 23, 10, 0))
    monkeypatch.setattr(clock, "now", lambda: NOW)
    screen = ComplaintsScreen(ctx)
    shown(qtbot, screen)
    u = screen.ui
    rows = table_rows(u.table)
    assert [(r["Customer"], r["Late"], r["Answer promised"]) for r in rows] == [
        ("孙一", "overdue", "2026-11-24 09:00"), ("孙二", "", "2026-11-26 09:00")]
    assert row_colour(u.table, 0) == LATE.color()
    assert "2 open complaints, 1 past the promised answer" in u.countLabel.text()
    assert "师傅迟到" in u.detailLabel.text()

    qtbot.mouseClick(u.closeButton, Qt.MouseButton.LeftButton)  # no resolution written
    assert "Write down how the complaint was resolved." in u.messageLabel.text()
    qtbot.keyClicks(u.resolutionEdit, "apologised, fee refunded")
    approvals.manager = None  # the manager does not come
    qtbot.keyClick(u.resolutionEdit, Qt.Key.Key_Return)
    assert approvals.asked and len(table_rows(u.table)) == 2
    assert u.resolutionEdit.text() == "apologised, fee refunded"  # nothing lost
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    approvals.manager = manager
    qtbot.mouseClick(u.closeButton, Qt.MouseButton.LeftButton)
    assert u.messageLabel.text() == "The complaint of 孙一 is closed."
    assert [r["Customer"] for r in table_rows(u.table)] == ["孙二"]


@pytest.fixture
def known(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    with ctx.db.read() as s:
        tech = {name: tid for tid, name in technicians.technician_names(s)}
    known_cards(ctx.db, ctx.actor, too_good=tech["刘师傅"], honest=tech["陈师傅"])
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 13, 12, 0))
    return tech


def test_supervision_flags_what_a_manager_should_look_at(qtbot: QtBot, ctx: AppContext, known: dict[str, int]) -> None:
    screen = SupervisionScreen(ctx)
    shown(qtbot, screen)
    u = screen.ui
    u.fromEdit.setText("2026-11-01")
    qtbot.keyClick(u.fromEdit, Qt.Key.Key_Return)
    rows = {r["Technician"]: r for r in table_rows(u.techTable)}
    liu, chen = rows["刘师傅"], rows["陈师傅"]
    assert (liu["Handed out"], liu["Cards back"], liu["Missing"]) == ("5", "5", "0")
    assert liu["Flags"] == "Every card came back the day it was handed out; Every card has top marks"
    assert (chen["Handed out"], chen["Cards back"], chen["Missing"], chen['"Satisfied" unsigned']) == ("3", "2", "1", "1")
    assert "Card not returned" in chen["Flags"] and "without the customer's signature" in chen["Flags"]
    assert all(row_colour(u.techTable, i) == LATE.color() for i in range(2))
    flagged = table_rows(u.flaggedTable)
    assert sorted((f["Technician"], f["Flag"]) for f in flagged) == [
        ("陈师傅", "\"Satisfied\" without the customer's signature"), ("陈师傅", "Card not returned")]
    assert "8 cards handed out, 7 back, 1 missing, 2 flagged" in u.countLabel.text()

    u.technicianCombo.setCurrentIndex(u.technicianCombo.findText("刘师傅"))
    assert [r["Technician"] for r in table_rows(u.techTable)] == ["刘师傅"] and table_rows(u.flaggedTable) == []

    # A range back to front: said inline, the figures stay.
    u.toEdit.setText("2026-10-01")
    qtbot.mouseClick(u.showButton, Qt.MouseButton.LeftButton)
    assert u.messageLabel.text() == "The first day comes after the last one."
    assert len(table_rows(u.techTable)) == 1


def test_satisfaction_per_technician_and_category_with_a_chart(qtbot: QtBot, ctx: AppContext,
                                                                known: dict[str, int]) -> None:
    screen = SatisfactionScreen(ctx)
    shown(qtbot, screen)
    u = screen.ui
    rows = table_rows(u.table)
    assert [(r["Period"], r["Technician"], r["Cards back"], r["Rated satisfied"], r["Share"]) for r in rows] == [
        ("2026-11", "刘师傅", "5", "5", "100.0%"), ("2026-11", "陈师傅", "2", "1", "50.0%")]
    assert "7 cards back, 85.7% satisfied" in u.countLabel.text()
    # The chart shows the latest period's groups: the share, the text at the bar's end, red below 80 %.
    assert screen.chart.shown_title() == "Satisfied share, 2026-11"
    assert screen.chart.shown_bars() == [("刘师傅", 100.0, "100.0% (5)", False), ("陈师傅", 50.0, "50.0% (2)", True)]

    # A click on a bar selects its group's row.
    assert screen.chart.view is not None
    assert u.table.currentIndex().row() == 1
    qtbot.mouseClick(screen.chart.view.viewport(), Qt.MouseButton.LeftButton, pos=screen.chart.bar_at("刘师傅"))
    assert u.table.currentIndex().row() == 0

    u.groupCombo.setCurrentIndex(u.groupCombo.findData("category"))
    u.periodCombo.setCurrentIndex(u.periodCombo.findData("week"))
    rows = table_rows(u.table)
    assert [(r["Period"], r["Product category"], r["Share"]) for r in rows] == [
        ("2026-W45", "Refrigerator", "100.0%"), ("2026-W45", "Washing machine", "0.0%")]
    assert screen.chart.shown_title() == "Satisfied share, 2026-W45"
    assert [(label, text, red) for label, _v, text, red in screen.chart.shown_bars()] == [
        ("Refrigerator", "100.0% (6)", False), ("Washing machine", "0.0% (1)", True)]

    u.fromEdit.setText("2026-11-31")
    qtbot.keyClick(u.fromEdit, Qt.Key.Key_Return)
    assert "is not a date" in u.messageLabel.text() and len(table_rows(u.table)) == 2

    # A range with no cards: the chart says so instead of drawing nothing.
    u.fromEdit.setText("2026-01-01")
    u.toEdit.setText("2026-01-31")
    qtbot.keyClick(u.toEdit, Qt.Key.Key_Return)
    assert table_rows(u.table) == []
    assert screen.chart.shown_title() == "No returned cards in this range." and screen.chart.shown_bars() == []


def test_the_satisfaction_chart_waits_for_its_tab(qtbot: QtBot, ctx: AppContext, known: dict[str, int]) -> None:
    """The chart library loads when the tab is first shown, not with the window's pages."""
    page = FollowUpPage(ctx)
    shown(qtbot, page)
    assert page.satisfaction.chart.view is None
    page.tabs.setCurrentWidget(page.satisfaction)
    assert page.satisfaction.chart.view is not None
    assert [label for label, *_rest in page.satisfaction.chart.shown_bars()] == ["刘师傅", "陈师傅"]


def test_the_lists_show_rows_a_page_at_a_time(qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from frontdesk.ui.row_table import RowTableModel

    model = RowTableModel((("n", "Number"), ("sq", "Square")), lambda n, key: str(n if key == "n" else n * n),
                          page_size=2)
    model.set_rows(range(5))
    assert model.rowCount() == 2 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 5 and not model.canFetchMore()
    assert model.data(model.index(4, 1)) == "16" and model.headerData(1, Qt.Orientation.Horizontal) == "Square"
    qtmodeltester.check(model)


def test_the_sidebar_count_of_overdue_calls_drops_as_the_calls_are_made(qtbot: QtBot, ctx: AppContext,
                                                                         at_now: datetime) -> None:
    """"(2 overdue)" on the sidebar follows the calls recorded on the
    Call-backs page, not only the minute timer."""
    from frontdesk.ui.main_window import PAGES, MainWindow

    consultation(ctx, "李四", "139 1234 5678", datetime(2026, 11, 23, 9, 0))  # both due yesterday
    consultation(ctx, "王五", "137 1234 5678", datetime(2026, 11, 23, 10, 0))
    window = MainWindow(ctx)
    window.due_timer.stop()  # only what is done on the page may change the count here
    shown(qtbot, window)
    item = window.ui.navList.item([k for k, _t in PAGES].index("callbacks"))
    assert item.text() == "Call-backs (2 overdue)"
    page = window.show_page("callbacks")
    assert isinstance(page, FollowUpPage)
    u = page.callbacks.ui
    u.queueTable.setFocus()
    u.queueTable.selectRow(0)
    qtbot.keyClick(u.queueTable, Qt.Key.Key_1, ALT)  # reached, fine
    assert item.text() == "Call-backs (1 overdue)"
    page.callbacks.undo()  # taken back: overdue again
    assert item.text() == "Call-backs (2 overdue)"
    u.queueTable.selectRow(0)
    qtbot.keyClick(u.queueTable, Qt.Key.Key_1, ALT)
    u.queueTable.selectRow(0)
    qtbot.keyClick(u.queueTable, Qt.Key.Key_1, ALT)
    assert item.text() == "Call-backs"
    assert window.ui.statusBar.currentMessage().startswith("Li Clerk (Clerk)")  # signed in: by the full name
