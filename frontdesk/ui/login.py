"""The login at start (and when the window is locked): a user name and PIN."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from frontdesk import settings, users
from frontdesk.db.engine import Database
from frontdesk.errors import FrontDeskError
from frontdesk.i18n import _
from frontdesk.ui.errors import describe, show_inline
from frontdesk.ui.generated.login_ui import Ui_LoginDialog


class LoginDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, last_user: str = "") -> None:
        super().__init__(parent)
        self.db = db
        self.actor: users.Actor | None = None
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        with db.read() as s:
            self.ui.shopLabel.setText(f"<b>{settings.get(s, 'shop_name')}</b>")
            for u in users.list_users(s):
                if u.active:
                    self.ui.userEdit.addItem(u.name)
        self.first_start = self.ui.userEdit.count() == 0
        if self.first_start:
            self.setWindowTitle(_("FrontDesk: first start"))
            show_inline(self.ui.messageLabel, _("No users yet. Choose the manager's user name and a PIN of 4 to 12 "
                                                "digits: the manager adds the clerks in Settings."), ok=True)
            self.ui.userEdit.setCurrentText("manager")
        if last_user:
            self.ui.userEdit.setCurrentText(last_user)
        self.ui.buttons.accepted.connect(self.check)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.pinEdit.setFocus()

    def check(self) -> None:
        name = self.ui.userEdit.currentText().strip()
        pin = self.ui.pinEdit.text()
        try:
            if self.first_start:
                self.db.run(lambda s: users.add_user(s, None, name, users.MANAGER, pin))
            self.actor = users.sign_in(self.db, name, pin)
        except FrontDeskError as exc:
            self.ui.pinEdit.clear()
            self.ui.pinEdit.setFocus()
            show_inline(self.ui.messageLabel, describe(exc))
            return
        self.accept()
