"""The login at start (and when the window is locked): a user name and PIN.

At start the dialog is on screen at once and the database is opened behind
it (loading the database layer and upgrading an older schema take longer
than showing a window): the fields wait, then fill with the shop's users.
This module imports no database library at load time for that reason."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from frontdesk.errors import FrontDeskError
from frontdesk.i18n import _
from frontdesk.ui.errors import describe, show_inline
from frontdesk.ui.generated.login_ui import Ui_LoginDialog
from frontdesk.ui.jobs import PENDING, Job, Progress

if TYPE_CHECKING:
    from frontdesk.db.engine import Database
    from frontdesk.users import Actor


AFTER_SHOWN_MS = 50  # a zero timer could run before the dialog's first paint


def _shop_and_users(db: Database) -> tuple[str, list[str], str]:
    """The shop's name, its active users and its language."""
    # Here, not at the top: the login shows before the database layer loads.
    from frontdesk import settings, users

    with db.read() as s:
        names = [u.name for u in users.list_users(s) if u.active]
        return str(settings.get(s, "shop_name")), names, str(settings.get(s, "language"))


def opening_work(opener: Callable[[], Database]) -> Callable[[Progress], tuple[Database, str, list[str], str]]:
    """Opening the database (and reading what the login shows) as a
    background job's work."""

    def work(progress: Progress) -> tuple[Database, str, list[str], str]:
        db = opener()
        return (db, *_shop_and_users(db))

    return work


class LoginDialog(QDialog):
    """``LoginDialog(db)`` for a database already open (the lock), or
    ``LoginDialog(opener=...)`` at start.  Emits ``opened(shop_language)``
    once the database is open.  When it cannot be, the dialog is rejected
    with ``open_error`` saying why: the caller shows it (through
    :func:`frontdesk.ui.errors.report`) once the login is gone.

    As the lock screen (``confirm_quit`` given) Esc never leaves it: only a
    PIN does, or its Quit button (or closing it) once ``confirm_quit()``
    agreed, which asks before anything typed is thrown away.  The dialog is
    then rejected."""

    opened = Signal(str)

    def __init__(self, db: Database | None = None, parent: QWidget | None = None, last_user: str = "",
                 opener: Callable[[], Database] | None = None,
                 confirm_quit: Callable[[], bool] | None = None) -> None:
        super().__init__(parent)
        self.confirm_quit = confirm_quit
        self.db: Database | None = None
        self.actor: Actor | None = None
        self.first_start = False
        self.open_error: BaseException | None = None
        self.last_user = last_user
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        # Two buttons, not a QDialogButtonBox: making one makes the Qt namespace's hundred enums, 40 ms before
        # the login could show (docs/performance.md, "The start").
        self.ui.okButton.clicked.connect(self.check)
        self.ui.cancelButton.clicked.connect(self.reject)
        if confirm_quit is not None:
            self.setWindowTitle(_("FrontDesk is locked"))
            self.ui.cancelButton.setText(_("&Quit FrontDesk…"))
        self.opening: Job[tuple[Database, str, list[str], str]] | None = None
        if db is not None:
            self._ready(db, *_shop_and_users(db))
        elif opener is not None:
            self._waiting(True)
            show_inline(self.ui.messageLabel, _("Opening the database…"), ok=True)
            # Closing the login while the database opens waits for the opening.
            self.opening = Job(opening_work(opener), owner=self, on_success=lambda opened: self._ready(*opened),
                               on_failure=self._open_failed, name="open-database")
        self.ui.pinEdit.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """The database starts opening once the dialog is on screen (loading
        it in the same moment would slow the window down)."""
        super().showEvent(event)
        opening = self.opening
        if opening is not None and opening.state == PENDING:
            QTimer.singleShot(AFTER_SHOWN_MS, self._start_opening)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """On the lock screen Esc stays: it would otherwise quit the program
        and lose what was being typed behind the lock."""
        if self.confirm_quit is not None and event.key() == QtCore.Qt.Key.Key_Escape:
            show_inline(self.ui.messageLabel, _("Locked: type your PIN to go back to your work."), ok=True)
            self.ui.pinEdit.setFocus()
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Cancel at start; Quit on the lock screen, once ``confirm_quit`` agrees."""
        if self.confirm_quit is not None and not self.confirm_quit():
            self.ui.pinEdit.setFocus()
            return
        super().reject()

    def _start_opening(self) -> None:
        if self.opening is not None and self.opening.state == PENDING and self.isVisible():
            self.opening.start()

    def _waiting(self, waiting: bool) -> None:
        for widget in (self.ui.userEdit, self.ui.pinEdit, self.ui.okButton, self.ui.cancelButton):
            widget.setEnabled(not waiting)

    def _open_failed(self, exc: BaseException) -> None:
        self.open_error = exc
        self.reject()

    def _ready(self, db: Database, shop: str, names: list[str], language: str) -> None:
        self.db = db
        self._waiting(False)
        self.ui.messageLabel.clear()
        self.opened.emit(language)  # the window may switch to the shop's language here
        # Centred by its paragraph: the label's alignment would need the Qt namespace, which costs the start
        # 30-50 ms (docs/performance.md, "The start").
        self.ui.shopLabel.setText(f'<p align="center"><b>{html.escape(shop)}</b></p>')
        self.ui.userEdit.clear()
        self.ui.userEdit.addItems(names)
        self.first_start = not names
        if self.first_start:
            self.setWindowTitle(_("FrontDesk: first start"))
            show_inline(self.ui.messageLabel, _("No users yet. Choose the manager's user name and a PIN of 4 to 20 "
                                                "digits: the manager adds the clerks in Settings."), ok=True)
            self.ui.userEdit.setCurrentText("manager")
        if self.last_user:
            self.ui.userEdit.setCurrentText(self.last_user)
        self.ui.pinEdit.setFocus()

    def check(self) -> None:
        # Here, not at the top: the login shows before the database layer loads.
        from frontdesk import users

        if self.db is None:
            return
        db = self.db
        name = self.ui.userEdit.currentText().strip()
        pin = self.ui.pinEdit.text()
        try:
            if self.first_start:
                db.run(lambda s: users.add_user(s, None, name, users.MANAGER, pin))
            self.actor = users.sign_in(db, name, pin)
        except FrontDeskError as exc:
            self.ui.pinEdit.clear()
            self.ui.pinEdit.setFocus()
            show_inline(self.ui.messageLabel, describe(exc))
            return
        self.accept()

    def retranslate(self) -> None:
        """After a language switch: the form's own texts again."""
        shop = self.ui.shopLabel.text()
        message: Any = self.ui.messageLabel.text()
        self.ui.retranslateUi(self)
        self.ui.shopLabel.setText(shop)
        self.ui.messageLabel.setText(message)
        if self.confirm_quit is not None:
            self.ui.cancelButton.setText(_("&Quit FrontDesk…"))
