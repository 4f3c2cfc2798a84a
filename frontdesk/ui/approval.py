"""The manager-approval dialog: any action a clerk may do only with a
manager's consent asks for it here (the manager types their PIN).  The PIN
is checked by ``users.sign_in`` in a transaction of its own, so a wrong one
stays in the audit trail (with what it was to approve) whatever becomes of
the work it was asked for."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from frontdesk import users
from frontdesk.db.engine import Database
from frontdesk.errors import FrontDeskError
from frontdesk.i18n import _
from frontdesk.ui.errors import describe, show_inline
from frontdesk.ui.generated.approval_ui import Ui_ApprovalDialog


class ApprovalDialog(QDialog):
    def __init__(self, db: Database, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.ui = Ui_ApprovalDialog()
        self.ui.setupUi(self)
        self.approver: users.Actor | None = None
        self.what = what
        self.ui.whatLabel.setText(what)
        with db.read() as s:
            for u in users.list_users(s):
                if u.active and u.role == users.MANAGER:
                    self.ui.managerCombo.addItem(f"{u.name} {u.full_name}".strip(), u.name)
        self.ui.buttons.accepted.connect(self.check)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.pinEdit.setFocus()

    def check(self) -> None:
        name = self.ui.managerCombo.currentData()
        if not name:
            show_inline(self.ui.messageLabel, _("There is no manager to approve."))
            return
        try:
            self.approver = users.sign_in(self.db, name, self.ui.pinEdit.text(), manager=True, purpose=self.what)
        except FrontDeskError as exc:
            self.ui.pinEdit.clear()
            show_inline(self.ui.messageLabel, describe(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, db: Database, what: str, parent: QWidget | None = None) -> users.Actor | None:
        dialog = cls(db, what, parent)
        return dialog.approver if dialog.exec() == QDialog.DialogCode.Accepted else None
