"""The window locks itself after the shop's idle minutes (and on Ctrl+L): it
hides, asks the same user's PIN again, and comes back as it was; a key press
restarts the idle count, and 0 minutes turns the lock off.  Nothing typed is
lost: Esc on the lock screen does nothing, and quitting (from the lock, File >
Quit, closing the window) asks before an unsaved intake or an open dialog is
thrown away."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot
from ui_helpers import type_text

from frontdesk import settings
from frontdesk.ui.context import AppContext
from frontdesk.ui.intake import IntakeScreen
from frontdesk.ui.login import LoginDialog
from frontdesk.ui.main_window import LockCover, MainWindow
from frontdesk.users import Actor
from tests.conftest import CLERK_PIN


def _idle_minutes(ctx: AppContext, manager: object, minutes: int) -> None:
    assert isinstance(manager, Actor)
    with ctx.db.write() as s:
        settings.update(s, manager, {"idle_lock_minutes": minutes})


def _login_typing(pin: str, seen: list[tuple[str, bool]], window: Callable[[], MainWindow]) -> Callable[[LoginDialog], int]:
    """Stands in for the modal login: notes who it asks for and whether the
    window is hidden meanwhile, types ``pin`` and presses OK."""
    def exec_(dialog: LoginDialog) -> int:
        seen.append((dialog.ui.userEdit.currentText(), window().isVisible()))
        dialog.ui.pinEdit.setText(pin)
        dialog.check()
        return dialog.result()
    return exec_


@pytest.mark.parametrize("pin", [CLERK_PIN, "0000"])
def test_the_window_locks_after_the_idle_minutes(qtbot: QtBot, ctx: AppContext, shop: dict[str, object],
                                                 monkeypatch: pytest.MonkeyPatch, pin: str) -> None:
    _idle_minutes(ctx, shop["manager"], 3)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.idle_timer.isActive() and win.idle_timer.interval() == 3 * 60_000

    win.idle_timer.stop()  # a key press anywhere starts the count again
    QApplication.sendEvent(win, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"))
    assert win.idle_timer.isActive()

    seen: list[tuple[str, bool]] = []
    monkeypatch.setattr(LoginDialog, "exec", _login_typing(pin, seen, lambda: win))
    win.idle_timer.timeout.emit()  # the idle minutes have passed
    assert seen == [("clerk", False)]  # the same user is asked, with the window hidden
    # A wrong PIN leaves the lock on screen (the stand-in returns what the dialog decided: nothing yet).
    assert win.isVisible() is (pin == CLERK_PIN)
    if pin == CLERK_PIN:
        assert win.ctx.actor == shop["clerk"] and win.idle_timer.isActive()


def test_no_idle_lock_at_zero_minutes(qtbot: QtBot, ctx: AppContext, shop: dict[str, object]) -> None:
    _idle_minutes(ctx, shop["manager"], 0)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert not win.idle_timer.isActive()
    QApplication.sendEvent(win, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"))
    assert not win.idle_timer.isActive()


def _type_intake(qtbot: QtBot, win: MainWindow) -> IntakeScreen:
    intake = win.show_page("intake")
    assert isinstance(intake, IntakeScreen)
    u = intake.ui
    type_text(u.nameEdit, "王小明")
    qtbot.keyClicks(u.phoneEdit, "139 8888 7777")
    type_text(u.faultEdit, "不制冷，有异响")
    assert intake.has_unsaved()
    return intake


def test_esc_on_the_lock_screen_keeps_the_intake_being_typed(qtbot: QtBot, ctx: AppContext,
                                                              _quitting_asks_nobody: list[list[str]]) -> None:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    intake = _type_intake(qtbot, win)
    seen: dict[str, object] = {}

    def at_the_lock() -> None:
        login = QApplication.activeModalWidget()
        assert isinstance(login, LoginDialog)
        try:
            seen["window hidden"] = not win.isVisible()
            qtbot.keyClick(login.ui.pinEdit, Qt.Key.Key_Escape)
            seen["lock after Esc"] = login.isVisible()
            seen["said"] = login.ui.messageLabel.text()
            qtbot.keyClicks(login.ui.pinEdit, CLERK_PIN)
            qtbot.keyClick(login.ui.pinEdit, Qt.Key.Key_Return)
        finally:
            if login.isVisible():  # never leave a modal dialog waiting: the test would hang
                login.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(0, at_the_lock)
    qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ctrl+L locks
    assert seen == {"window hidden": True, "lock after Esc": True,
                    "said": "Locked: type your PIN to go back to your work."}
    assert win.isVisible() and not win.locked and win.idle_timer.isActive()  # still running, nothing quit
    assert _quitting_asks_nobody == []  # and nothing was asked about throwing work away
    u = intake.ui
    assert (u.nameEdit.text(), u.phoneEdit.text(), u.faultEdit.toPlainText()) == (
        "王小明", "139 8888 7777", "不制冷，有异响")
    assert win.ui.pages.currentWidget() is intake


def test_an_open_dialog_stays_open_under_the_lock(qtbot: QtBot, ctx: AppContext,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A payment dialog is opened window-modal: the lock covers it (hiding it
    would end it) and after the PIN it is there as it was."""
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    dialog = QDialog(win)
    dialog.setWindowTitle("Take a payment")
    amount = QLineEdit(dialog)
    dialog.open()
    qtbot.keyClicks(amount, "120.00")
    covered: list[bool] = []

    def unlock(login: LoginDialog) -> int:
        covered.append(dialog.isVisible() and dialog.findChild(LockCover) is not None)
        login.ui.pinEdit.setText(CLERK_PIN)
        login.check()
        return login.result()

    monkeypatch.setattr(LoginDialog, "exec", unlock)
    win.lock()
    assert covered == [True] and dialog.isVisible() and amount.text() == "120.00"
    assert not any(cover.isVisible() for cover in dialog.findChildren(LockCover))  # uncovered
    assert win.isVisible()
    assert win.unsaved_work() == ["the open dialog “Take a payment”"]
    dialog.reject()


def test_quitting_asks_before_throwing_an_intake_away(qtbot: QtBot, ctx: AppContext,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    intake = _type_intake(qtbot, win)
    answers: list[bool] = [False, False, True]
    asked: list[list[str]] = []

    def answer(self: MainWindow, what: list[str], parent: object = None, question: object = None) -> bool:
        asked.append(what)
        return answers.pop(0)

    monkeypatch.setattr(MainWindow, "confirm_discard", answer)
    win.ui.actionQuit.trigger()  # File > Quit: "no" keeps everything
    assert win.isVisible() and intake.ui.nameEdit.text() == "王小明"
    assert asked == [["the intake being typed"]]

    def quit_at_the_lock(login: LoginDialog) -> int:
        qtbot.keyClick(login.ui.pinEdit, Qt.Key.Key_Escape)  # nothing
        assert login.result() == 0 and not asked[1:]
        login.reject()  # the lock's Quit button: asked, "no": the lock stays
        assert len(asked) == 2
        login.reject()  # again, "yes": the program quits
        return login.result()

    monkeypatch.setattr(LoginDialog, "exec", quit_at_the_lock)
    win.lock()
    assert len(asked) == 3 and not win.isVisible()


def test_f2_does_not_throw_away_the_intake_being_typed(qtbot: QtBot, ctx: AppContext,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    intake = _type_intake(qtbot, win)
    answers = [False, True]
    asked: list[list[str]] = []

    def answer(self: MainWindow, what: list[str], parent: object = None, question: object = None) -> bool:
        asked.append(what)
        return answers.pop(0)

    monkeypatch.setattr(MainWindow, "confirm_discard", answer)
    win.show_page("tickets")
    win.ui.actionNewIntake.trigger()  # F2 from another page: back to the intake as it was, nothing asked
    assert win.ui.pages.currentWidget() is intake and intake.ui.nameEdit.text() == "王小明" and asked == []
    win.ui.actionNewIntake.trigger()  # F2 on the intake: asked; "no" keeps it
    assert asked == [["the intake being typed"]] and intake.ui.nameEdit.text() == "王小明"
    win.ui.actionNewIntake.trigger()  # "yes": a fresh form
    assert len(asked) == 2 and not intake.has_unsaved()
