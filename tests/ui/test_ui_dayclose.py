"""The day close at the window: the manager counts the drawer blind by note
and coin, sees over/short, closes the day after a confirmation showing what
will be closed and with a manager's PIN, even a manager signed in (the
inputs lock), is warned when the day is not over, prints the reconciliation,
and writes the head-office workbook in the background (and can cancel it,
leaving no file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_helpers import Approvals

from frontdesk import clock
from frontdesk.dayclose import service as dayclose
from frontdesk.db.models import AuditRecord
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.context import AppContext
from frontdesk.ui.dayclose import CloseConfirmDialog, DayCloseScreen
from frontdesk.users import Actor
from tests.conftest import MANAGER_PIN
from tests.dayclose.test_day_close import COUNT, DAY, at, known_day


def type_count(screen: DayCloseScreen, opening: str, pieces: dict[str, str]) -> None:
    screen.ui.floatEdit.setText(opening)
    table = screen.ui.denominationsTable
    for r, face in enumerate(dayclose.DENOMINATIONS):
        table.item(r, 1).setText(pieces.get(face, ""))


def confirm_with(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[CloseConfirmDialog]:
    """The confirmation, answered ``answer`` (Close / Cancel); the dialogs shown are kept."""
    shown: list[CloseConfirmDialog] = []

    def exec_(dialog: CloseConfirmDialog) -> int:
        shown.append(dialog)
        return int(QDialog.DialogCode.Accepted if answer else QDialog.DialogCode.Rejected)

    monkeypatch.setattr(CloseConfirmDialog, "exec", exec_)
    return shown


def pins_typed(monkeypatch: pytest.MonkeyPatch, *pins: str) -> list[str]:
    """The real approval dialog, where the manager types ``pins`` in turn
    (then cancels if none was right); what it said after each is kept."""
    said: list[str] = []

    def exec_(dialog: ApprovalDialog) -> int:
        for pin in pins:
            dialog.ui.pinEdit.setText(pin)
            dialog.check()
            said.append(dialog.ui.messageLabel.text())
            if dialog.approver is not None:
                return int(QDialog.DialogCode.Accepted)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(ApprovalDialog, "exec", exec_)
    return said


@pytest.fixture
def manager_screen(qtbot: QtBot, ctx: AppContext, shop: dict[str, object],
                   monkeypatch: pytest.MonkeyPatch) -> DayCloseScreen:
    """The day close as the manager signed in sees it, with the window's own
    approval dialog; the drawer counted (598 for 600 expected)."""
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    known_day(ctx.db, manager, ctx.actor)
    monkeypatch.setattr(clock, "now", lambda: at(18))
    screen = DayCloseScreen(AppContext(ctx.db, manager, "main"))
    qtbot.addWidget(screen)
    type_count(screen, "500", {k: str(v) for k, v in COUNT.items()})
    return screen


def failed_pins(ctx: AppContext) -> list[dict[str, object]]:
    return ctx.read(lambda s: [r.detail for r in s.scalars(
        select(AuditRecord).where(AuditRecord.action == "login.failed").order_by(AuditRecord.id))])


def test_a_manager_signed_in_confirms_what_is_closed_and_types_the_pin(
        qtbot: QtBot, ctx: AppContext, manager_screen: DayCloseScreen, monkeypatch: pytest.MonkeyPatch) -> None:
    screen, u = manager_screen, manager_screen.ui

    def is_closed() -> bool:
        return ctx.read(lambda s: dayclose.is_closed(s, DAY, counter="main"))

    confirmed = confirm_with(monkeypatch, False)  # the confirmation, cancelled: nothing closed, no PIN asked
    said = pins_typed(monkeypatch)
    assert screen.close_day() is None
    summary = confirmed[0].ui.summaryView.toPlainText()
    for text in ("2026-11-24", "Main", "5 (R2026-000001 – R2026-000005)", "Cash", "¥100.00", "Bank card", "¥180.00",
                 "Expected cash", "¥600.00", "¥598.00", "-¥2.00", "Other counters still open that day"):
        assert text in summary, text
    assert not confirmed[0].ui.warningLabel.isVisibleTo(confirmed[0])  # 18:00: the day is over
    assert said == [] and not is_closed() and "the close was cancelled" in u.messageLabel.text()

    confirm_with(monkeypatch, True)
    said = pins_typed(monkeypatch)  # confirmed, then the PIN dialog cancelled without a PIN
    assert screen.close_day() is None and said == [] and not is_closed()
    assert u.messageLabel.text() == "2026-11-24 is still open: closing it needs a manager's PIN."

    said = pins_typed(monkeypatch, "0000", "1357")  # a wrong PIN, then a clerk's: both refused
    assert screen.close_day() is None and not is_closed()
    assert said == ["Wrong user name or PIN.", "Wrong user name or PIN."]
    assert [d.get("for") for d in failed_pins(ctx)] == [
        "Closing 2026-11-24 at counter Main locks its money: a manager's PIN, please."] * 2  # kept in the trail

    # A third wrong PIN in a row: the manager waits 30 seconds, the right PIN unchecked meanwhile.
    said = pins_typed(monkeypatch, "0000", MANAGER_PIN)
    assert screen.close_day() is None and not is_closed()
    assert said == ["Wrong user name or PIN. Too many wrong PINs for manager: try again in 30 seconds.",
                    "Too many wrong PINs for manager: try again in 30 seconds."]
    monkeypatch.setattr(clock, "now", lambda: at(18, 1))
    said = pins_typed(monkeypatch, MANAGER_PIN)
    assert screen.close_day() is not None and is_closed()
    assert u.messageLabel.text() == "2026-11-24 is closed. Print the reconciliation and sign it."
    assert len(failed_pins(ctx)) == 3


def test_before_the_closing_hour_the_confirmation_warns_the_day_is_not_over(
        qtbot: QtBot, ctx: AppContext, manager_screen: DayCloseScreen, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: at(3, 33))  # the small hours of the day being closed
    confirmed = confirm_with(monkeypatch, True)
    pins_typed(monkeypatch, MANAGER_PIN)
    assert manager_screen.close_day() is not None
    dialog = confirmed[0]
    assert dialog.ui.warningLabel.isVisibleTo(dialog)
    assert "2026-11-24 is not over: the shop closes at 18:00 and it is 03:33. Closing now locks the money of the " \
           "rest of the day at counter Main." in dialog.ui.warningLabel.text()
    assert dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Close 2026-11-24 early"
    detail = ctx.read(lambda s: s.scalars(select(AuditRecord.detail).where(AuditRecord.action == "day.close")).one())
    assert detail["early"] is True


@pytest.fixture
def day_screen(qtbot: QtBot, ctx: AppContext, shop: dict[str, object],
               monkeypatch: pytest.MonkeyPatch) -> DayCloseScreen:
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    known_day(ctx.db, manager, ctx.actor)
    monkeypatch.setattr(clock, "now", lambda: at(18))  # the screen's today: the day to close is DAY
    screen = DayCloseScreen(ctx)
    qtbot.addWidget(screen)
    return screen


def test_count_blind_then_close_with_a_manager_and_print(qtbot: QtBot, ctx: AppContext, approvals: Approvals,
                                                         shop: dict[str, object], day_screen: DayCloseScreen,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    screen, u = day_screen, day_screen.ui
    assert screen.day() == DAY
    report = u.reportView.toPlainText()
    assert "R2026-000001" in report and "R2026-000005" in report and "typed twice" in report
    assert "NOT CLOSED" in u.stateLabel.text()
    qtbot.mouseClick(u.blindCheck, Qt.MouseButton.LeftButton)
    assert u.expectedValue.text() == "hidden until counted"

    type_count(screen, "500", {"100": "5", "50": "abc"})
    qtbot.mouseClick(u.saveCountButton, Qt.MouseButton.LeftButton)
    assert "¥50.00 pieces must be a whole number" in u.messageLabel.text()
    assert ctx.read(lambda s: dayclose.get_close(s, DAY, counter="main")) is None  # nothing saved
    type_count(screen, "500", {k: str(v) for k, v in COUNT.items()})
    assert u.countedValue.text() == "¥598.00"
    qtbot.mouseClick(u.saveCountButton, Qt.MouseButton.LeftButton)
    assert u.messageLabel.text() == "The count is saved: ¥598.00 counted, ¥600.00 expected."
    assert u.expectedValue.text() == "¥600.00" and "-¥2.00" in u.overShortValue.text()

    u.noteEdit.setText("short by 2")
    confirmed = confirm_with(monkeypatch, True)
    qtbot.mouseClick(u.closeDayButton, Qt.MouseButton.LeftButton)
    assert len(confirmed) == 1 and "¥598.00" in confirmed[0].ui.summaryView.toPlainText()
    assert approvals.asked == ["Closing 2026-11-24 at counter Main locks its money: a manager's PIN, please."]
    assert u.messageLabel.text() == "2026-11-24 is still open: closing it needs a manager's PIN."
    assert not ctx.read(lambda s: dayclose.is_closed(s, DAY, counter="main"))
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    approvals.manager = manager
    qtbot.mouseClick(u.closeDayButton, Qt.MouseButton.LeftButton)
    assert u.messageLabel.text() == "2026-11-24 is closed. Print the reconciliation and sign it."
    assert ctx.read(lambda s: dayclose.is_closed(s, DAY, counter="main"))
    assert "CLOSED" in u.stateLabel.text() and "approved by Wang Manager" in u.stateLabel.text()
    assert not u.saveCountButton.isEnabled() and not u.closeDayButton.isEnabled() and not u.floatEdit.isEnabled()
    assert u.denominationsTable.item(0, 1).text() == "5"  # the count as closed

    dialog = screen.print_reconciliation()
    assert dialog is not None
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(dialog.pdf).pages)  # type: ignore[attr-defined]
    assert "R2026-000001" in text and "598.00" in text and "600.00" in text and "shortby2" in text
    dialog.close()


def test_the_workbook_is_written_in_the_background_and_a_cancel_leaves_no_file(
        qtbot: QtBot, ctx: AppContext, approvals: Approvals, day_screen: DayCloseScreen, tmp_path: Path) -> None:
    dialog = day_screen.open_export()
    u = dialog.ui  # type: ignore[attr-defined]
    assert u.fileEdit.text().endswith("_20261101-20261124.xlsx")
    target = tmp_path / "shop.xlsx"
    u.fileEdit.setText(str(target))
    with qtbot.waitSignal(dialog.finished_export, timeout=30_000) as cancelled:  # type: ignore[attr-defined]
        assert dialog.start()  # type: ignore[attr-defined]
        assert u.progressBar.isVisible() and not u.exportButton.isEnabled()
        qtbot.mouseClick(u.cancelButton, Qt.MouseButton.LeftButton)
    assert cancelled.args == [""] and not target.exists()
    assert u.messageLabel.text() == "The export was cancelled; no file was written."

    u.unmaskedCheck.setChecked(True)  # a clerk: the manager is asked, and says no
    assert not dialog.start()  # type: ignore[attr-defined]
    assert "need a manager" in u.messageLabel.text() and approvals.asked
    u.unmaskedCheck.setChecked(False)
    with qtbot.waitSignal(dialog.finished_export, timeout=30_000) as done:  # type: ignore[attr-defined]
        qtbot.mouseClick(u.exportButton, Qt.MouseButton.LeftButton)
    assert done.args == [str(target)] and target.exists()
    assert u.messageLabel.text().startswith(f"Written to {target}:") and "masked" in u.messageLabel.text()
    book = load_workbook(target, read_only=True)
    receipts = list(book["receipts"].iter_rows(min_row=2, values_only=True))
    assert len(receipts) == 5
    tickets = list(book["tickets"].iter_rows(min_row=2, values_only=True))
    assert tickets and all("*" in str(row) for row in tickets)  # names and phones masked


def test_each_counter_has_its_drawer_and_the_counter_is_named_in_the_settings(
        qtbot: QtBot, ctx: AppContext, shop: dict[str, object], day_screen: DayCloseScreen) -> None:
    from decimal import Decimal

    from sqlalchemy import select

    from frontdesk.billing.models import Receipt
    from frontdesk.ui.payment_dialog import PaymentDialog
    from frontdesk.ui.settings_screen import SettingsScreen

    assert not day_screen.ui.counterCombo.isVisibleTo(day_screen)  # one desk: nothing to choose
    assert ctx.counter == "main"
    settings_screen = SettingsScreen(ctx)
    qtbot.addWidget(settings_screen)
    settings_screen.ui.counterEdit.setText("  desk   2 ")
    assert settings_screen.save_counter() == "desk 2" and ctx.counter == "desk 2"  # the window holds it
    ticket = ctx.read(lambda s: s.scalar(select(Receipt.ticket_id).limit(1)))
    assert ticket is not None
    dialog = PaymentDialog(ctx, ticket, Decimal("20"))  # the payment screen takes money at the window's counter
    qtbot.addWidget(dialog)
    dialog.take()
    assert dialog.receipt is not None
    assert ctx.read(lambda s: s.scalar(select(Receipt.counter).order_by(Receipt.seq.desc()).limit(1))) == "desk 2"
    screen = DayCloseScreen(ctx)
    qtbot.addWidget(screen)
    combo = screen.ui.counterCombo
    assert [combo.itemText(i) for i in range(combo.count())] == ["desk 2", "Main"]
    assert [combo.itemData(i) for i in range(combo.count())] == ["desk 2", "main"]  # the key behind the title
    report = screen.ui.reportView.toPlainText()
    assert "Counter: desk 2" in report and "R2026-000006" in report and "R2026-000001" not in report
    combo.setCurrentIndex(1)
    report = screen.ui.reportView.toPlainText()
    assert "R2026-000001" in report and "R2026-000006" not in report and "Counter:" not in report
