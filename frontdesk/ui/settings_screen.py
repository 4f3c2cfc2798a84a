"""Settings: the shop profile (shared by every counter), users, and this
counter's own settings (its language, its name, how it gives out receipts).  The profile's fields come from the one declaration in
:mod:`frontdesk.settings`, so a new setting shows up here by itself."""

from __future__ import annotations

import base64
import logging
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)
from sqlalchemy.orm import Session

from frontdesk import counters, i18n, settings, users
from frontdesk.errors import ValidationError
from frontdesk.i18n import _
from frontdesk.intake import faults
from frontdesk.loaners import service as loaners
from frontdesk.ui.audit_screen import AuditScreen
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import show_inline
from frontdesk.ui.fees_screen import FeesScreen
from frontdesk.ui.fields import split_list
from frontdesk.ui.generated.settings_ui import Ui_SettingsScreen
from frontdesk.ui.machine import (
    COUNTER_KEY,
    LANGUAGE_KEY,
    RECEIPT_SIZES,
    prints_receipts_straight,
    receipt_size,
    set_prints_receipts_straight,
    set_receipt_size,
)

log = logging.getLogger(__name__)

LIST_KEYS = {"working_weekdays", "holidays", "extra_workdays"}
FAULTS_KEY = "extra_fault_categories"
DEPOSITS_KEY = "loaner_deposits"


class LogoField(QWidget):
    """The shop's logo: a thumbnail, Choose… and Remove (the picture is kept
    base64 in the shop profile; it is checked when the profile is saved)."""

    def __init__(self, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.thumb = QLabel(self)
        self.thumb.setObjectName("logoThumb")
        self.thumb.setFixedSize(120, 48)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setStyleSheet("border: 1px solid #c8c8c8;")
        self.choose = QPushButton(_("Choose…"), self)
        self.remove = QPushButton(_("Remove"), self)
        for w in (self.thumb, self.choose, self.remove):
            layout.addWidget(w)
        layout.addStretch(1)
        self.choose.clicked.connect(lambda: self.pick())
        self.remove.clicked.connect(lambda: self.set_value(""))
        self.set_value(value)

    def value(self) -> str:
        return self._value

    def set_value(self, value: str) -> None:
        self._value = value or ""
        data = settings.decode_logo(self._value)
        pixmap = QPixmap()
        if data and pixmap.loadFromData(QByteArray(data)):
            self.thumb.setPixmap(pixmap.scaled(self.thumb.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
        else:
            self.thumb.clear()
            self.thumb.setText(_("(no logo)") if not self._value else _("(not a picture)"))
        self.remove.setEnabled(bool(self._value))

    def pick(self, path: str | None = None) -> bool:
        """Take a picture file (asks for one when ``path`` is None)."""
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self, _("Choose the shop's logo"), "",
                                                        _("Pictures (*.png *.jpg *.jpeg)"))
            if not path:
                return False
        try:
            with open(path, "rb") as f:
                data = f.read(settings.LOGO_MAX_BYTES + 1)
        except OSError as exc:
            self.thumb.setText(_("(cannot read)"))
            self.thumb.setToolTip(str(exc.strerror or exc))
            return False
        self.set_value(base64.b64encode(data).decode("ascii"))
        return True


class SettingsScreen(QWidget):
    """Emits ``language_changed(code)`` and ``profile_saved()``."""

    language_changed = Signal(str)
    profile_saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_SettingsScreen()
        self.ui.setupUi(self)
        self.inputs: dict[str, QWidget] = {}
        self._build_profile()
        u = self.ui
        u.saveProfileButton.clicked.connect(self.save_profile)
        for key, text in users.ROLES.items():
            u.newRoleCombo.addItem(_(text), key)
        u.addUserButton.clicked.connect(self.add_user)
        u.toggleUserButton.clicked.connect(self.toggle_user)
        u.unlockUserButton.clicked.connect(self.unlock_user)
        u.pinButton.clicked.connect(self.change_pin)
        for code, name in i18n.LANGUAGES.items():
            u.languageCombo.addItem(name, code)
        u.languageCombo.setCurrentIndex(max(0, u.languageCombo.findData(i18n.current_language())))
        u.languageCombo.currentIndexChanged.connect(self._language_picked)

        u.counterEdit.setText("" if ctx.counter == counters.MAIN else ctx.counter)
        u.counterEdit.setMaxLength(counters.MAX_LENGTH)
        u.counterEdit.setPlaceholderText(counters.label(counters.MAIN))  # empty: the main counter
        u.counterEdit.editingFinished.connect(self.save_counter)
        for code, text in RECEIPT_SIZES.items():
            u.receiptSizeCombo.addItem(_(text), code)
        u.receiptSizeCombo.setCurrentIndex(max(0, u.receiptSizeCombo.findData(receipt_size())))
        u.receiptSizeCombo.currentIndexChanged.connect(lambda _i: set_receipt_size(str(u.receiptSizeCombo.currentData())))
        u.printStraightCheck.setChecked(prints_receipts_straight())
        u.printStraightCheck.toggled.connect(set_prints_receipts_straight)
        u.databaseLabel.setText(_("Database: {url}").format(url=ctx.db.engine.url.render_as_string(hide_password=True)))
        self.load_users()

        self.fees = FeesScreen(ctx, self)
        self.ui.tabs.insertTab(1, self.fees, _("Fee schedules"))

        self.audit = AuditScreen(ctx, self)
        self.ui.tabs.addTab(self.audit, _("Audit trail"))

    # ---- the shop profile ------------------------------------------------

    def _build_profile(self) -> None:
        form = self.ui.profileForm
        assert isinstance(form, QFormLayout)
        values = self.ctx.read(settings.load)
        for spec in settings.SPECS:
            widget: QWidget
            if spec.key == "language":
                combo = QComboBox(self)
                for code, name in i18n.LANGUAGES.items():
                    combo.addItem(name, code)
                combo.setCurrentIndex(max(0, combo.findData(values[spec.key])))
                widget = combo
            elif spec.key == "shop_logo":
                widget = LogoField(str(values[spec.key] or ""), self)
            elif isinstance(spec.default, bool):
                check = QCheckBox(self)
                check.setChecked(bool(values[spec.key]))
                widget = check
            else:
                edit = QLineEdit(self)
                edit.setText(self._as_text(spec.key, values[spec.key]))
                if spec.key in LIST_KEYS:
                    edit.setPlaceholderText(_("separated by commas"))
                elif spec.key == FAULTS_KEY:
                    edit.setPlaceholderText(_("e.g. Refrigerator: Smell, Rust; All: Dust"))
                elif spec.key == DEPOSITS_KEY:
                    edit.setPlaceholderText(_("e.g. Refrigerator: 500; Mobile phone: 200"))
                widget = edit
            widget.setObjectName(f"setting_{spec.key}")
            self.inputs[spec.key] = widget
            label = QLabel(_(spec.label), self)
            label.setBuddy(widget)
            form.addRow(label, widget)

    @staticmethod
    def _as_text(key: str, value: Any) -> str:
        if key in LIST_KEYS:
            return ", ".join(str(v) for v in value or [])
        if key == FAULTS_KEY:
            return faults.extra_as_text(value or {})
        if key == DEPOSITS_KEY:
            return loaners.deposits_as_text(value or {})
        return "" if value is None else str(value)

    def profile_values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                out[key] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            elif isinstance(widget, LogoField):
                out[key] = widget.value()
            elif isinstance(widget, QLineEdit):
                text = widget.text()
                if key in (FAULTS_KEY, DEPOSITS_KEY):
                    read = faults.extra_from_text if key == FAULTS_KEY else loaners.deposits_from_text
                    try:
                        out[key] = read(text)
                    except ValueError as exc:
                        # The domain's check names the field; this says which part it cannot read.
                        out[key] = str(exc)
                else:
                    out[key] = split_list(text) if key in LIST_KEYS else text
        return out

    def save_profile(self) -> None:
        values = self.profile_values()
        actor = self.ctx.actor
        for widget in self.inputs.values():
            widget.setStyleSheet("")
        result = self.ctx.write(lambda s, approver: settings.update(s, actor, values, approver),
                                self, self.ui.profileMessage)
        if result is None:
            if isinstance(self.ctx.last_error, ValidationError):
                for key in self.ctx.last_error.fields:
                    if key in self.inputs:
                        self.inputs[key].setStyleSheet("border: 1px solid #b00020;")
            return
        show_inline(self.ui.profileMessage, _("The shop profile is saved."), ok=True)
        self.profile_saved.emit()

    # ---- users ------------------------------------------------------------

    def load_users(self) -> None:
        rows = self.ctx.read(lambda s: [(u.id, u.name, u.full_name, u.role, u.active, users.lock_state(s, u))
                                        for u in users.list_users(s)])
        table = self.ui.usersTable
        table.setColumnCount(5)
        table.setHorizontalHeaderLabels([_("Name"), _("Full name"), _("Role"), _("Active"), _("Wrong PINs")])
        table.setRowCount(len(rows))
        for r, (uid, name, full, role, active, held) in enumerate(rows):
            for c, value in enumerate((name, full, _(users.ROLES.get(role, role)), _("yes") if active else _("no"),
                                       held)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, uid)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        self.ui.newPinEdit.setPlaceholderText(self.ctx.read(users.pin_rule))  # the shop's minimum may have changed

    def add_user(self) -> None:
        u = self.ui
        name, full, role, pin = u.newNameEdit.text(), u.newFullNameEdit.text(), u.newRoleCombo.currentData(), u.newPinEdit.text()
        actor = self.ctx.actor
        result = self.ctx.write(lambda s, approver: users.add_user(s, actor, name, role, pin, full, approver=approver),
                                self, u.usersMessage)
        if result is None:
            return
        for edit in (u.newNameEdit, u.newFullNameEdit, u.newPinEdit):
            edit.clear()
        self.load_users()
        show_inline(u.usersMessage, _("Added {name}.").format(name=name), ok=True)

    def _selected_user(self) -> tuple[int, str, int] | None:
        """The selected user's id, name and row (None, said, when none is)."""
        row = self.ui.usersTable.currentRow()
        item = self.ui.usersTable.item(row, 0) if row >= 0 else None
        if item is None:
            show_inline(self.ui.usersMessage, _("Select a user first."))
            return None
        return int(item.data(Qt.ItemDataRole.UserRole)), item.text(), row

    def toggle_user(self) -> None:
        selected = self._selected_user()
        if selected is None:
            return
        uid, _name, row = selected
        active = self.ui.usersTable.item(row, 3).text() == _("yes")
        actor = self.ctx.actor

        def work(session: Session, approver: users.Actor | None) -> bool:
            users.set_active(session, actor, uid, not active, approver=approver)
            return True

        done = self.ctx.write(work, self, self.ui.usersMessage)
        if done:
            self.load_users()
            show_inline(self.ui.usersMessage, _("Saved."), ok=True)

    def unlock_user(self) -> None:
        """Lift the wait or the lock that wrong PINs put on the selected user
        (a manager's act: a clerk gets the approval dialog)."""
        selected = self._selected_user()
        if selected is None:
            return
        _uid, name, _row = selected
        actor = self.ctx.actor
        done = self.ctx.write(lambda s, approver: users.unlock(s, actor, name, approver=approver), self,
                              self.ui.usersMessage)
        if done is not None:
            self.load_users()
            show_inline(self.ui.usersMessage, _("{name} is unlocked.").format(name=name), ok=True)

    def change_pin(self) -> None:
        rule = self.ctx.read(users.pin_rule)
        pin, ok = QInputDialog.getText(self, _("Change my PIN"), _("New PIN ({rule})").format(rule=rule),
                                       QLineEdit.EchoMode.Password)
        if not ok:
            return
        actor = self.ctx.actor
        def work(session: Session, _approver: users.Actor | None) -> bool:
            users.set_pin(session, actor, actor.id, pin)
            return True

        if self.ctx.write(work, self, self.ui.usersMessage):
            show_inline(self.ui.usersMessage, _("Your PIN is changed."), ok=True)

    # ---- this counter ---------------------------------------------------------

    def save_counter(self) -> str:
        """Name this machine's counter (kept on this machine; the window's
        screens take money at it from now on)."""
        name = counters.clean(self.ui.counterEdit.text())
        QSettings().setValue(COUNTER_KEY, "" if name == counters.MAIN else name)
        self.ctx.counter = name
        return name

    def _language_picked(self) -> None:
        code = str(self.ui.languageCombo.currentData())
        QSettings().setValue(LANGUAGE_KEY, code)
        self.language_changed.emit(code)

