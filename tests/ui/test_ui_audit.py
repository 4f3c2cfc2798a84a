"""The Audit trail tab of the Settings: a manager reads and filters the trail
in a table that loads a page at a time; a clerk opening it is asked for a
manager's PIN, and the approval ends when the tab is left."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from ui_helpers import Approvals

from frontdesk import audit, clock
from frontdesk.intake.service import IntakeResult
from frontdesk.ui.audit_screen import AuditScreen
from frontdesk.ui.context import AppContext
from frontdesk.ui.settings_screen import SettingsScreen
from frontdesk.users import Actor


def _column(screen: AuditScreen, key: str) -> list[str]:
    model = screen.model
    col = [k for k, _t in model.columns].index(key)
    return [str(model.data(model.index(r, col))) for r in range(model.rowCount())]


def _open_tab(qtbot: QtBot, settings: SettingsScreen) -> AuditScreen:
    settings.show()
    qtbot.waitExposed(settings)
    settings.ui.tabs.setCurrentWidget(settings.audit)
    return settings.audit


def test_a_manager_filters_the_audit_trail(qtbot: QtBot, ctx: AppContext, shop: dict[str, object],
                                          qtmodeltester: object) -> None:
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    ctx.actor = manager
    settings = SettingsScreen(ctx)
    qtbot.addWidget(settings)
    assert settings.ui.tabs.tabText(settings.ui.tabs.indexOf(settings.audit)) == "Audit trail"
    screen = _open_tab(qtbot, settings)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    assert not screen.ui.unlockButton.isVisible()
    everything = ctx.read(lambda s: audit.search(s, manager, audit.AuditQuery()))
    assert screen.model.rowCount() == len(everything)
    assert _column(screen, "action")[0] == everything[0].action  # newest first
    qtmodeltester.check(screen.model)  # type: ignore[attr-defined]

    screen.ui.actionCombo.setEditText("user.")
    qtbot.mouseClick(screen.ui.showButton, Qt.MouseButton.LeftButton)
    assert set(_column(screen, "action")) == {"user.add"}
    assert "Role: Clerk" in " ".join(_column(screen, "detail"))  # the role by its label, not its key

    screen.ui.actionCombo.setEditText("")
    first = shop["first_ticket"]
    assert isinstance(first, IntakeResult)
    screen.ui.referenceEdit.setText(first.number)
    qtbot.mouseClick(screen.ui.showButton, Qt.MouseButton.LeftButton)
    assert _column(screen, "action") == ["ticket.create"]
    assert _column(screen, "record") == [first.number]  # the number a person knows, not the row id
    assert _column(screen, "user") == ["Li Clerk"]

    screen.ui.referenceEdit.clear()
    clerk_index = screen.ui.userCombo.findText("Li Clerk")  # people by their names
    screen.ui.userCombo.setCurrentIndex(clerk_index)
    qtbot.mouseClick(screen.ui.showButton, Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() > 0 and "Wang Manager" not in _column(screen, "user")

    screen.ui.fromEdit.setText("2026-13-45")
    qtbot.mouseClick(screen.ui.showButton, Qt.MouseButton.LeftButton)
    assert "is not a date" in screen.ui.messageLabel.text()
    screen.ui.fromEdit.setText("2030-01-01")
    qtbot.mouseClick(screen.ui.showButton, Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() == 0
    assert screen.ui.messageLabel.text() == "No audit records match."


def test_the_trail_loads_a_page_at_a_time(qtbot: QtBot, ctx: AppContext, shop: dict[str, object]) -> None:
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    ctx.actor = manager
    with ctx.db.write() as s:
        for i in range(450):
            audit.record(s, manager.id, "test.many", "test", i, at=clock.now())
    screen = AuditScreen(ctx)
    qtbot.addWidget(screen)
    assert screen.unlock()
    model = screen.model
    assert model.rowCount() == 200 and len(model.all_rows) == 200  # one page read, not the whole trail
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400 and len(model.all_rows) == 400
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    total = ctx.read(lambda s: len(audit.search(s, manager, audit.AuditQuery(), limit=10_000)))
    assert model.rowCount() == total
    ids = [row.id for row in model.all_rows]
    assert ids == sorted(set(ids), reverse=True)  # no row twice, none skipped between pages


def test_a_clerk_needs_a_managers_pin_to_read_the_trail(qtbot: QtBot, ctx: AppContext, approvals: Approvals,
                                                       shop: dict[str, object]) -> None:
    settings = SettingsScreen(ctx)
    qtbot.addWidget(settings)
    screen = _open_tab(qtbot, settings)
    qtbot.waitUntil(lambda: len(approvals.asked) == 1)
    assert approvals.asked == ["A manager must approve: read the audit trail"]
    assert screen.model.rowCount() == 0
    assert screen.ui.messageLabel.text() == "Only a manager can read the audit trail."
    assert screen.ui.unlockButton.isVisible() and not screen.ui.table.isEnabled()

    clerk = shop["clerk"]
    approvals.manager = clerk  # type: ignore[assignment]  # a clerk's approval is none
    qtbot.mouseClick(screen.ui.unlockButton, Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() == 0 and screen.ui.unlockButton.isVisible()

    approvals.manager = shop["manager"]  # type: ignore[assignment]
    qtbot.mouseClick(screen.ui.unlockButton, Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() > 0
    assert not screen.ui.unlockButton.isVisible() and screen.ui.table.isEnabled()

    settings.ui.tabs.setCurrentIndex(0)  # leaving the tab ends the approval
    assert screen.model.rowCount() == 0 and screen.approver is None
    approvals.manager = None
    settings.ui.tabs.setCurrentWidget(screen)
    qtbot.waitUntil(lambda: len(approvals.asked) == 4)
    assert screen.model.rowCount() == 0


def test_verify_the_trail_says_it_is_intact_or_where_it_breaks(qtbot: QtBot, ctx: AppContext,
                                                                shop: dict[str, object]) -> None:
    """The button checks the hash chain in the background, for anyone (reading only, no PIN)."""
    from sqlalchemy import func, select, text

    from frontdesk.db.models import AuditRecord

    screen = AuditScreen(ctx)
    qtbot.addWidget(screen)
    qtbot.mouseClick(screen.ui.verifyButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.ui.messageLabel.text().startswith("Audit trail intact: "))
    assert screen.ui.verifyButton.isEnabled()
    with ctx.db.write() as s:  # an attacker with the database: the lock dropped, a record changed
        rec_id = s.scalar(select(func.min(AuditRecord.id)))
        s.execute(text("DROP TRIGGER audit_log_no_update"))
        s.execute(text("UPDATE audit_log SET action = 'ticket.nothing' WHERE id = :id"), {"id": rec_id})
    qtbot.mouseClick(screen.ui.verifyButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.ui.messageLabel.text().startswith("Audit trail broken"))
    assert screen.ui.messageLabel.text().startswith(f"Audit trail broken at record #{rec_id} (")
    assert screen.ui.messageLabel.text().endswith("action ticket.nothing): its content does not match its hash.")
