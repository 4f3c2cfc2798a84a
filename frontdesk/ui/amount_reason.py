"""One small dialog for the manager's money acts that need an amount and a
reason: a waiver or discount, a void (reason only), a correction."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QDialog, QWidget

from frontdesk.billing.payments import METHODS
from frontdesk.i18n import _
from frontdesk.ui.errors import show_inline
from frontdesk.ui.generated.amount_reason_ui import Ui_AmountReasonDialog
from frontdesk.ui.payment_dialog import read_amount


class AmountReasonDialog(QDialog):
    """``amount`` and ``reason`` (and ``method``) are set when accepted."""

    def __init__(self, title: str, intro: str, *, ask_amount: bool = True, ask_method: bool = False,
                 amount: Decimal | None = None, with_reason: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AmountReasonDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.introLabel.setText(intro)
        self.ask_amount = ask_amount
        self.amount: Decimal | None = None
        self.reason = ""
        self.method: str | None = None
        for widget in (self.ui.amountLabel, self.ui.amountEdit):
            widget.setVisible(ask_amount)
        for widget in (self.ui.methodLabel, self.ui.methodCombo):
            widget.setVisible(ask_method)
        self.with_reason = with_reason
        for widget in (self.ui.reasonLabel, self.ui.reasonEdit):
            widget.setVisible(with_reason)
        for key, text in METHODS.items():
            self.ui.methodCombo.addItem(_(text), key)
        if amount is not None:
            self.ui.amountEdit.setText(f"{amount:.2f}")
        self.ui.buttons.accepted.connect(self.check)
        self.ui.buttons.rejected.connect(self.reject)
        (self.ui.amountEdit if ask_amount else self.ui.reasonEdit).setFocus()

    def check(self) -> None:
        amount = read_amount(self.ui.amountEdit.text()) if self.ask_amount else None
        if self.ask_amount and (amount is None or amount <= 0):
            show_inline(self.ui.messageLabel, _("The amount must be a number like 120 or 120.50."))
            return
        reason = self.ui.reasonEdit.text().strip()
        if not reason and self.with_reason:
            show_inline(self.ui.messageLabel, _("Write down the reason."))
            return
        self.amount, self.reason = amount, reason
        self.method = str(self.ui.methodCombo.currentData()) if self.ui.methodCombo.isVisible() else None
        self.accept()
