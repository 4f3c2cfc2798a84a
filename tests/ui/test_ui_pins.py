"""Guessing held back, as the window shows it: the login and the approval
dialog say how long to wait, or that a manager must unlock; the Settings'
users section unlocks (a manager's act: a clerk gets the approval dialog)
and shows who waits or is locked; a clerk's change of the shop profile is
audited with the clerk and the manager who approved it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from frontdesk import clock, settings
from frontdesk.db.models import AuditRecord
from frontdesk.errors import NotAllowed
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.context import AppContext
from frontdesk.ui.login import LoginDialog
from frontdesk.ui.settings_screen import SettingsScreen
from frontdesk.users import Actor, sign_in
from tests.conftest import CLERK_PIN, MANAGER_PIN

START = datetime(2026, 11, 24, 10, 0)


@pytest.fixture
def moments(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    """The shop's clock: the last moment of the list (a test appends)."""
    at = [START]
    monkeypatch.setattr(clock, "now", lambda: at[-1])
    return at


def _login(dialog: LoginDialog, name: str, pin: str) -> str:
    dialog.ui.userEdit.setCurrentText(name)
    dialog.ui.pinEdit.setText(pin)
    dialog.check()
    return dialog.ui.messageLabel.text()


def test_the_login_says_how_long_to_wait_then_that_a_manager_must_unlock(
        qtbot: QtBot, ctx: AppContext, moments: list[datetime]) -> None:
    dialog = LoginDialog(ctx.db)
    qtbot.addWidget(dialog)
    assert _login(dialog, "clerk", "0000") == "Wrong user name or PIN."
    assert _login(dialog, "clerk", "0001") == "Wrong user name or PIN."
    assert _login(dialog, "clerk", "0002") == ("Wrong user name or PIN. Too many wrong PINs for clerk: "
                                               "try again in 30 seconds.")
    # The right PIN inside the wait is not even checked.
    assert _login(dialog, "clerk", CLERK_PIN) == "Too many wrong PINs for clerk: try again in 30 seconds."
    assert dialog.actor is None and dialog.ui.pinEdit.text() == ""
    moments.append(START + timedelta(seconds=30))
    _login(dialog, "clerk", "0003")  # one more wrong: a minute
    moments.append(moments[-1] + timedelta(minutes=1))
    _login(dialog, "clerk", "0004")  # and another: two minutes
    assert _login(dialog, "clerk", CLERK_PIN) == "Too many wrong PINs for clerk: try again in 2 minutes."
    for n in range(3):  # three more, each after its wait: the eighth locks
        moments.append(moments[-1] + timedelta(minutes=10))
        said = _login(dialog, "clerk", f"000{5 + n}")
    assert said == ("Wrong user name or PIN. clerk is locked after too many wrong PINs: a manager must unlock "
                    "the user.")
    moments.append(moments[-1] + timedelta(days=1))
    assert _login(dialog, "clerk", CLERK_PIN) == ("clerk is locked after too many wrong PINs: a manager must "
                                                  "unlock the user.")
    assert dialog.actor is None


def test_the_approval_dialog_says_how_long_to_wait(qtbot: QtBot, ctx: AppContext, moments: list[datetime]) -> None:
    dialog = ApprovalDialog(ctx.db, "A manager must approve: void a receipt")
    qtbot.addWidget(dialog)
    for pin in ("0000", "0001", "0002", MANAGER_PIN):
        dialog.ui.pinEdit.setText(pin)
        dialog.check()
    assert dialog.approver is None
    assert dialog.ui.messageLabel.text() == "Too many wrong PINs for manager: try again in 30 seconds."
    moments.append(START + timedelta(seconds=31))
    dialog.ui.pinEdit.setText(MANAGER_PIN)
    dialog.check()
    assert dialog.approver is not None and dialog.result() == QDialog.DialogCode.Accepted


def _manager_types_the_pin(monkeypatch: pytest.MonkeyPatch, asked: list[str]) -> None:
    """The real approval dialog, where the manager types the right PIN."""
    def exec_(dialog: ApprovalDialog) -> int:
        asked.append(dialog.what)
        dialog.ui.pinEdit.setText(MANAGER_PIN)
        dialog.check()
        return int(QDialog.DialogCode.Accepted if dialog.approver is not None else QDialog.DialogCode.Rejected)

    monkeypatch.setattr(ApprovalDialog, "exec", exec_)


def test_a_clerk_unlocks_a_user_only_with_a_managers_pin(
        qtbot: QtBot, ctx: AppContext, shop: dict[str, object], moments: list[datetime],
        monkeypatch: pytest.MonkeyPatch) -> None:
    manager, clerk = shop["manager"], shop["clerk"]
    assert isinstance(manager, Actor) and isinstance(clerk, Actor)
    window = AppContext(ctx.db, clerk, "main")  # approvals through the real dialog
    for n in range(3):
        with pytest.raises(NotAllowed, match="Wrong user name or PIN"):
            sign_in(ctx.db, "clerk", f"000{n}")
    screen = SettingsScreen(window)
    qtbot.addWidget(screen)
    table = screen.ui.usersTable
    rows = {table.item(r, 0).text(): table.item(r, 4).text() for r in range(table.rowCount())}
    assert rows == {"clerk": "waits 30 seconds", "manager": ""}
    asked: list[str] = []
    _manager_types_the_pin(monkeypatch, asked)
    table.setCurrentCell(list(rows).index("clerk"), 0)
    qtbot.mouseClick(screen.ui.unlockUserButton, Qt.MouseButton.LeftButton)
    assert asked == ["A manager must approve: unlock a user"]
    assert screen.ui.usersMessage.text() == "clerk is unlocked."
    assert table.item(list(rows).index("clerk"), 4).text() == ""
    with ctx.db.read() as s:
        record = s.scalars(select(AuditRecord).where(AuditRecord.action == "user.unlock")).one()
        assert (record.user_id, record.approver_id, record.detail) == (clerk.id, manager.id,
                                                                       {"name": "clerk", "failures": 3})


def test_a_clerks_change_of_the_shop_profile_names_the_approving_manager(
        qtbot: QtBot, ctx: AppContext, shop: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    manager, clerk = shop["manager"], shop["clerk"]
    assert isinstance(manager, Actor) and isinstance(clerk, Actor)
    screen = SettingsScreen(AppContext(ctx.db, clerk, "main"))
    qtbot.addWidget(screen)
    asked: list[str] = []
    _manager_types_the_pin(monkeypatch, asked)
    screen.inputs["pin_min_length"].setText("6")  # type: ignore[attr-defined]
    qtbot.mouseClick(screen.ui.saveProfileButton, Qt.MouseButton.LeftButton)
    assert asked == ["A manager must approve: change the shop profile"]
    assert screen.ui.profileMessage.text() == "The shop profile is saved."
    with ctx.db.read() as s:
        assert settings.get(s, "pin_min_length") == 6
        record = s.scalars(select(AuditRecord).where(AuditRecord.action == "settings.update")).one()
        assert (record.user_id, record.approver_id, record.detail) == (clerk.id, manager.id,
                                                                       {"keys": ["pin_min_length"]})
        approval = s.scalars(select(AuditRecord).where(AuditRecord.action == "login")).one()
        assert (approval.user_id, approval.detail) == (manager.id, {"for": asked[0]})
    screen.load_users()
    assert screen.ui.newPinEdit.placeholderText() == "6 to 20 digits"
