"""The window as a whole: login, manager approval, settings, language,
the generated forms, and the screenshots."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_helpers import Approvals

from frontdesk import i18n, settings
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, User
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.context import AppContext
from frontdesk.ui.intake import IntakeScreen
from frontdesk.ui.login import LoginDialog
from frontdesk.ui.main_window import PAGES, MainWindow
from frontdesk.ui.qt_support import apply_language
from frontdesk.ui.settings_screen import SettingsScreen
from frontdesk.users import Actor

ROOT = Path(__file__).resolve().parents[2]


def test_login_refuses_a_wrong_pin_and_accepts_the_right_one(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = LoginDialog(ctx.db)
    qtbot.addWidget(dialog)
    dialog.show()
    users_offered = [dialog.ui.userEdit.itemText(i) for i in range(dialog.ui.userEdit.count())]
    assert users_offered == ["clerk", "manager"]
    dialog.ui.userEdit.setCurrentText("clerk")
    qtbot.keyClicks(dialog.ui.pinEdit, "0000")
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.actor is None
    assert dialog.ui.messageLabel.text() == "Wrong user name or PIN."
    assert dialog.ui.pinEdit.text() == ""
    qtbot.keyClicks(dialog.ui.pinEdit, "1357")
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.name == "clerk" and dialog.actor.role == "clerk"


def test_the_login_is_on_screen_before_the_database_is_open(qtbot: QtBot, ctx: AppContext) -> None:
    import threading

    from frontdesk.errors import DatabaseUnavailable

    gate = threading.Event()

    def slow_open() -> Database:
        gate.wait(10)  # the database layer loading, a schema upgrade...
        return ctx.db

    dialog = LoginDialog(opener=slow_open)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.isVisible() and dialog.ui.messageLabel.text() == "Opening the database…"
    assert not dialog.ui.pinEdit.isEnabled() and dialog.db is None
    with qtbot.waitSignal(dialog.opened, timeout=10_000) as opened:
        gate.set()
    assert opened.args == ["en"] and dialog.db is ctx.db and dialog.ui.pinEdit.isEnabled()
    assert [dialog.ui.userEdit.itemText(i) for i in range(dialog.ui.userEdit.count())] == ["clerk", "manager"]
    dialog.ui.userEdit.setCurrentText("clerk")
    qtbot.keyClicks(dialog.ui.pinEdit, "1357")
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.name == "clerk"

    def unreachable() -> Database:
        raise DatabaseUnavailable("Cannot reach the database server.")

    failed = LoginDialog(opener=unreachable)
    qtbot.addWidget(failed)
    with qtbot.waitSignal(failed.rejected, timeout=10_000):
        failed.show()
    assert isinstance(failed.open_error, DatabaseUnavailable) and failed.db is None


def test_first_start_creates_the_manager(qtbot: QtBot, sqlite_db: Database) -> None:
    dialog = LoginDialog(sqlite_db)
    qtbot.addWidget(dialog)
    assert dialog.first_start and "No users yet" in dialog.ui.messageLabel.text()
    dialog.ui.userEdit.setCurrentText("boss")
    qtbot.keyClicks(dialog.ui.pinEdit, "12")
    dialog.check()
    assert "The PIN must be 4 to 20 digits." in dialog.ui.messageLabel.text()
    qtbot.keyClicks(dialog.ui.pinEdit, "9876")
    dialog.check()
    assert dialog.actor is not None and dialog.actor.is_manager
    with sqlite_db.read() as s:
        assert [u.name for u in s.scalars(select(User))] == ["boss"]


def test_approval_dialog_checks_the_managers_pin(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = ApprovalDialog(ctx.db, "A manager must approve: close a complaint")
    qtbot.addWidget(dialog)
    assert dialog.ui.whatLabel.text() == "A manager must approve: close a complaint"
    assert [dialog.ui.managerCombo.itemData(i) for i in range(dialog.ui.managerCombo.count())] == ["manager"]
    qtbot.keyClicks(dialog.ui.pinEdit, "1357")  # the clerk's PIN
    dialog.check()
    assert dialog.approver is None and "Wrong user name or PIN." in dialog.ui.messageLabel.text()
    qtbot.keyClicks(dialog.ui.pinEdit, "2468")
    dialog.check()
    assert dialog.approver is not None and dialog.approver.name == "manager"
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_clerk_changes_the_shop_profile_only_with_a_manager(qtbot: QtBot, ctx: AppContext, approvals: Approvals,
                                                              shop: dict[str, object]) -> None:
    screen = SettingsScreen(ctx)
    qtbot.addWidget(screen)
    name = screen.inputs["shop_name"]
    rate = screen.inputs["tax_rate"]
    name.setText("鸿运家电维修中心")  # type: ignore[attr-defined]
    rate.setText("13%")  # type: ignore[attr-defined]
    qtbot.mouseClick(screen.ui.saveProfileButton, Qt.MouseButton.LeftButton)
    assert approvals.asked == ["A manager must approve: change the shop profile"]
    assert "A manager must approve" in screen.ui.profileMessage.text()
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    approvals.manager = manager
    qtbot.mouseClick(screen.ui.saveProfileButton, Qt.MouseButton.LeftButton)
    assert "Tax rate must be a number" in screen.ui.profileMessage.text()
    assert "border" in rate.styleSheet()
    assert ctx.read(lambda s: settings.get(s, "shop_name")) != "鸿运家电维修中心"  # nothing half-saved
    rate.setText("0.09")  # type: ignore[attr-defined]
    qtbot.mouseClick(screen.ui.saveProfileButton, Qt.MouseButton.LeftButton)
    assert screen.ui.profileMessage.text() == "The shop profile is saved."
    assert ctx.read(lambda s: (settings.get(s, "shop_name"), settings.get(s, "tax_rate"))) == ("鸿运家电维修中心", "0.09")
    audit = ctx.read(lambda s: s.execute(select(AuditRecord.approver_id, AuditRecord.detail).where(
        AuditRecord.action == "settings.update")).one())
    assert tuple(audit) == (manager.id, {"keys": ["shop_name", "tax_rate"]})


def test_users_tab_adds_a_clerk_with_a_managers_approval(qtbot: QtBot, ctx: AppContext, approvals: Approvals,
                                                         shop: dict[str, object]) -> None:
    screen = SettingsScreen(ctx)
    qtbot.addWidget(screen)
    approvals.manager = shop["manager"]  # type: ignore[assignment]
    u = screen.ui
    qtbot.keyClicks(u.newNameEdit, "zhao")
    u.newFullNameEdit.setText("赵磊")
    qtbot.keyClicks(u.newPinEdit, "3333")
    qtbot.mouseClick(u.addUserButton, Qt.MouseButton.LeftButton)
    assert u.usersMessage.text() == "Added zhao."
    names = [u.usersTable.item(r, 0).text() for r in range(u.usersTable.rowCount())]
    assert names == ["clerk", "manager", "zhao"]
    qtbot.keyClicks(u.newNameEdit, "zhao")
    qtbot.keyClicks(u.newPinEdit, "12345")
    qtbot.mouseClick(u.addUserButton, Qt.MouseButton.LeftButton)
    assert "A user named zhao already exists." in u.usersMessage.text()


def test_the_window_speaks_chinese(qtbot: QtBot, ctx: AppContext, qapp: QApplication) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    nav = [window.ui.navList.item(i).text() for i in range(window.ui.navList.count())]
    assert nav == ["Intake", "Tickets", "Receipts", "Loaners", "Call-backs", "Day close", "Settings", "Claims", "Figures"]
    screen = window.pages["settings"]
    assert isinstance(screen, SettingsScreen)
    screen.ui.languageCombo.setCurrentIndex(screen.ui.languageCombo.findData("zh_CN"))
    assert i18n.current_language() == "zh_CN"
    nav = [window.ui.navList.item(i).text() for i in range(window.ui.navList.count())]
    assert nav == [i18n._(title) for _key, title in PAGES]
    assert nav[0] != "Intake" and all(not t.isascii() for t in nav)
    intake = window.pages["intake"]
    assert isinstance(intake, IntakeScreen)
    # Form strings (from the .ui) and code strings both come from the one catalog.
    assert intake.ui.saveButton.text() == i18n._("&Save ticket") != "&Save ticket"
    assert intake.ui.customerGroup.title() == i18n._("Customer") != "Customer"
    assert intake.ui.categoryCombo.itemText(1) == i18n._("Refrigerator") != "Refrigerator"
    assert window.ui.menuFile.title() == i18n._("&File") != "&File"
    apply_language(qapp, "en")


def test_navigation_by_keyboard(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    for number, (key, _title) in enumerate(PAGES, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.ui.pages.currentWidget() is window.pages[key]
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.ui.pages.currentWidget() is window.pages["intake"]


def test_generated_forms_are_current() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "compile_forms.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_screenshots_show_every_screen(ctx: AppContext, tmp_path: Path) -> None:
    from frontdesk.ui.screenshot import render_all

    files = render_all(ctx.db.url, tmp_path / "shots", "zh_CN")
    names = sorted(f.name for f in files)
    assert "00-login.png" in names and "01-intake.png" in names and f"{len(PAGES) + 1:02d}-ticket.png" in names
    assert f"{len(PAGES) + 1:02d}-ticket-history.png" in names
    # every page, the login, the intake's matches, the ticket's two tabs, and the call-back page's five other tabs
    assert len([n for n in names if n[:2].isdigit()]) == len(PAGES) + 4 + 5
    for f in files:
        image = QImage(str(f))
        assert image.width() >= 300 and image.height() >= 150, f
        colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
        assert len(colours) > 8, f"{f.name} looks blank"  # text is anti-aliased: many shades
    apply_language(QApplication.instance(), "en")  # type: ignore[arg-type]


def test_the_shops_logo_is_chosen_in_the_settings(qtbot: QtBot, ctx: AppContext, approvals: Approvals,
                                                 shop: dict[str, object], tmp_path: Path) -> None:
    from PIL import Image

    from frontdesk.ui.settings_screen import LogoField

    manager = shop["manager"]
    assert isinstance(manager, Actor)
    approvals.manager = manager
    screen = SettingsScreen(ctx)
    qtbot.addWidget(screen)
    logo = screen.inputs["shop_logo"]
    assert isinstance(logo, LogoField) and logo.thumb.text() == "(no logo)" and not logo.remove.isEnabled()
    (tmp_path / "bad.png").write_bytes(b"this is not a picture")
    assert logo.pick(str(tmp_path / "bad.png"))
    qtbot.mouseClick(screen.ui.saveProfileButton, Qt.MouseButton.LeftButton)
    assert "Logo on printed documents is not a picture" in screen.ui.profileMessage.text()
    assert not logo.pick(str(tmp_path / "missing.png"))
    Image.new("RGB", (300, 100), (20, 90, 160)).save(tmp_path / "logo.png")
    assert logo.pick(str(tmp_path / "logo.png"))
    assert logo.thumb.pixmap() is not None and not logo.thumb.pixmap().isNull() and logo.remove.isEnabled()
    qtbot.mouseClick(screen.ui.saveProfileButton, Qt.MouseButton.LeftButton)
    assert screen.ui.profileMessage.text() == "The shop profile is saved."
    stored = ctx.read(lambda s: settings.decode_logo(settings.get(s, "shop_logo")))
    assert stored == (tmp_path / "logo.png").read_bytes()
    qtbot.mouseClick(logo.remove, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.ui.saveProfileButton, Qt.MouseButton.LeftButton)
    assert ctx.read(lambda s: settings.get(s, "shop_logo")) == ""


def test_the_navigation_counts_overdue_call_backs(qtbot: QtBot, ctx: AppContext, shop: dict[str, object]) -> None:
    from datetime import datetime

    from frontdesk.db.models import Ticket
    from frontdesk.followup import service as followup

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    item = window.ui.navList.item([k for k, _t in PAGES].index("callbacks"))
    assert item.text() == "Call-backs"
    with ctx.db.write() as s:
        ticket = s.scalars(select(Ticket)).first()
        assert ticket is not None
        followup.schedule(s, None, customer_id=ticket.customer_id, ticket_id=ticket.id, reason=followup.CONSULTATION,
                          at=datetime(2026, 10, 12, 10, 0))
    window.update_due()
    assert item.text() == "Call-backs (1 overdue)"


LOGIN_ALONE = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6 import QtCore
from PySide6.QtWidgets import QApplication
app = QApplication([])
from frontdesk.ui.login import LoginDialog
login = LoginDialog(opener=lambda: None)
login.show()
app.processEvents()
print("shown", login.isVisible(), "Qt made", "Qt" in vars(QtCore), login.ui.okButton.isDefault())
"""


def test_the_login_shows_without_making_the_qt_namespace() -> None:
    """PySide6 makes the ``Qt`` namespace's hundred-odd enum classes when it
    is first touched (a button box's type does): 30-40 ms of the start that
    the login need not pay (docs/performance.md, "The start").  In a fresh
    process: the window's own tests have touched it long ago."""
    done = subprocess.run([sys.executable, "-c", LOGIN_ALONE], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "shown True Qt made False True" in done.stdout, done.stdout + done.stderr


def test_the_lock_screen_keeps_its_quit_button_through_a_language_change(qtbot: QtBot, ctx: AppContext) -> None:
    login = LoginDialog(ctx.db, confirm_quit=lambda: False)
    qtbot.addWidget(login)
    assert login.ui.cancelButton.text() == "&Quit FrontDesk…"
    login.retranslate()
    assert login.ui.cancelButton.text() == "&Quit FrontDesk…" and login.ui.okButton.text() == "OK"
