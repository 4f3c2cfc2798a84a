"""Take a payment (or a deposit), or pay a refund: the method, the amount,
and for cash taken the amount tendered with the change shown as it is
typed.  The receipt is issued by the service in the same transaction; the
screen that opened the dialog gives it out (:mod:`frontdesk.ui.receipt_output`)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from frontdesk.billing import payments
from frontdesk.billing.payments import METHODS
from frontdesk.i18n import _
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import show_inline
from frontdesk.ui.generated.payment_ui import Ui_PaymentDialog


def read_amount(text: str) -> Decimal | None:
    """An amount typed at the desk (¥ and thousands separators allowed);
    None when it is not a number with at most two decimals."""
    cleaned = (text or "").strip().replace("¥", "").replace("￥", "").replace(",", "").replace("，", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value.as_tuple().exponent < -2:  # type: ignore[operator]
        return None
    return value


class PaymentDialog(QDialog):
    def __init__(self, ctx: AppContext, ticket_id: int, outstanding: Decimal, kind: str = "payment",
                 ticket_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket_id = ticket_id
        self.kind = kind
        self.receipt: payments.ReceiptView | None = None
        self.ui = Ui_PaymentDialog()
        self.ui.setupUi(self)
        u = self.ui
        if kind == payments.DEPOSIT:
            self.setWindowTitle(_("Take a deposit"))
        elif kind == payments.REFUND:
            self.setWindowTitle(_("Refund the customer"))
        u.ticketLabel.setText(ticket_text)
        for key, text in METHODS.items():
            u.methodCombo.addItem(_(text), key)
        if outstanding > 0:
            u.amountEdit.setText(f"{outstanding:.2f}")
        u.methodCombo.currentIndexChanged.connect(self.update_change)
        u.amountEdit.textChanged.connect(self.update_change)
        u.tenderedEdit.textChanged.connect(self.update_change)
        u.buttons.accepted.connect(self.take)
        u.buttons.rejected.connect(self.reject)
        u.amountEdit.setFocus()
        u.amountEdit.selectAll()
        self.update_change()

    def method(self) -> str:
        return str(self.ui.methodCombo.currentData())

    def update_change(self, *_args: object) -> None:
        u = self.ui
        cash = self.method() == payments.CASH and self.kind != payments.REFUND  # a refund is handed out: no change
        for widget in (u.tenderedLabel, u.tenderedEdit, u.changeTitle, u.changeLabel):
            widget.setVisible(cash)
        amount = read_amount(u.amountEdit.text())
        tendered = read_amount(u.tenderedEdit.text())
        ok_button = u.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if amount is None or amount <= 0:
            u.changeLabel.setText("")
            ok_button.setEnabled(False)
            if u.amountEdit.text().strip():
                show_inline(u.messageLabel, _("The amount must be a number like 120 or 120.50."))
            return
        u.messageLabel.clear()
        ok_button.setEnabled(True)
        if cash and tendered is not None:
            if tendered < amount:
                u.changeLabel.setText("")
                show_inline(u.messageLabel, _("The cash handed over is less than the amount."))
                ok_button.setEnabled(False)
            else:
                u.changeLabel.setText(f"¥ {tendered - amount:.2f}")

    def take(self) -> None:
        amount = read_amount(self.ui.amountEdit.text())
        if amount is None:
            show_inline(self.ui.messageLabel, _("The amount must be a number like 120 or 120.50."))
            return
        cash = self.method() == payments.CASH and self.kind != payments.REFUND
        tendered = read_amount(self.ui.tenderedEdit.text()) if cash else None
        actor, counter = self.ctx.actor, self.ctx.counter
        method, kind = self.method(), self.kind
        receipt = self.ctx.write(
            lambda s, _a: payments.take_payment(s, actor, self.ticket_id, method, amount, tendered=tendered, kind=kind,
                                                counter=counter),
            self, self.ui.messageLabel)
        if receipt is None:
            return
        self.receipt = receipt
        self.accept()
