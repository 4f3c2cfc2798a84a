"""The window locks itself after the shop's idle minutes: it hides, asks the
same user's PIN again, and comes back (or closes when the login is given up);
a key press restarts the idle count, and 0 minutes turns the lock off."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from frontdesk import settings
from frontdesk.ui.context import AppContext
from frontdesk.ui.login import LoginDialog
from frontdesk.ui.main_window import MainWindow
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


@pytest.mark.parametrize(("pin", "comes_back"), [(CLERK_PIN, True), ("0000", False)])
def test_the_window_locks_after_the_idle_minutes(qtbot: QtBot, ctx: AppContext, shop: dict[str, object],
                                                 monkeypatch: pytest.MonkeyPatch, pin: str, comes_back: bool) -> None:
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
    assert win.isVisible() is comes_back
    if comes_back:
        assert win.ctx.actor == shop["clerk"] and win.idle_timer.isActive()


def test_no_idle_lock_at_zero_minutes(qtbot: QtBot, ctx: AppContext, shop: dict[str, object]) -> None:
    _idle_minutes(ctx, shop["manager"], 0)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert not win.idle_timer.isActive()
    QApplication.sendEvent(win, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"))
    assert not win.idle_timer.isActive()
