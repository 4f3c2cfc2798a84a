"""Pick-up: the customer collects the product (docs/rules.md#pick-up).

The dialog shows what the desk checks with the customer (``pickup.check``):
what was done, what was paid and is still owed, a loaner still out (taken
back here, with the loaner return dialog), and one box per accessory to tick
as it is handed back.  Money still owed needs a reason and a manager (the
PIN is asked when the service says so).  "Hand over" closes the ticket;
then the pick-up receipt can be printed for the customer to sign."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QWidget
from sqlalchemy.orm import Session

from frontdesk import settings
from frontdesk.i18n import _, ngettext
from frontdesk.intake import states
from frontdesk.intake.service import accessory_label
from frontdesk.money import ZERO, format_money
from frontdesk.pickup import PickupCheck, check, pick_up
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs import open_modeless
from frontdesk.ui.errors import ERROR_STYLE, show_inline
from frontdesk.ui.generated.pickup_ui import Ui_PickupDialog
from frontdesk.ui.loan_dialogs import LoanDialog
from frontdesk.ui.payment_dialog import PaymentDialog
from frontdesk.ui.receipt_output import show_receipt

log = logging.getLogger(__name__)

# States the pick-up takes a product from (a repaired or declined one is made
# ready for pick-up by the pick-up itself).
HANDED_OVER_FROM = frozenset({states.READY, states.REPAIRED, states.DECLINED})


class PickupDialog(QDialog):
    """Emits ``changed(text)`` after every saved step (a payment, the loaner
    back, the hand-over), with what happened."""

    changed = Signal(str)

    def __init__(self, ctx: AppContext, ticket_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket_id = ticket_id
        self.ui = Ui_PickupDialog()
        self.ui.setupUi(self)
        self.checks: dict[str, QCheckBox] = {}
        self.found: PickupCheck | None = None
        self.currency = "CNY"
        self.picked_up = False
        self.dialog: QDialog | None = None  # the payment or loaner return open now
        self.print_dialog: QDialog | None = None
        u = self.ui
        self.no_accessories = QLabel(_("No accessories were taken in."), u.accessoriesGroup)
        u.accessoriesLayout.addWidget(self.no_accessories)
        u.payButton.clicked.connect(self.open_payment)
        u.loanerButton.clicked.connect(self.take_loaner_back)
        u.handOverButton.clicked.connect(self.hand_over)
        u.printButton.clicked.connect(self.print_receipt)
        u.closeButton.clicked.connect(self.reject)
        self.load()

    def _read(self, s: Session) -> tuple[PickupCheck, str]:
        return check(s, self.ticket_id), str(settings.get(s, "currency"))

    def load(self) -> PickupCheck:
        found, self.currency = self.ctx.read(self._read)
        self.found = found
        u = self.ui
        cur = self.currency
        self.setWindowTitle(_("Pick-up of ticket {number}").format(number=found.number))
        u.introLabel.setText(
            f"<b>{html.escape(found.number)}</b> · {html.escape(found.customer)} · "
            f"{html.escape(found.product or _('no product'))} — {html.escape(states.label(found.state))}")
        u.repairLabel.setText(self._repair_html(found))
        money = [_("Paid {paid}").format(paid=format_money(found.paid, cur))]
        if found.outstanding > ZERO:
            money.append("<b style='color:#b00020'>" + html.escape(
                _("still to pay {amount}").format(amount=format_money(found.outstanding, cur))) + "</b>")
        else:
            money.append(_("nothing owed"))
        u.moneyLabel.setText(" · ".join(money))
        owed = found.outstanding > ZERO and not self.picked_up
        u.payButton.setVisible(owed)
        for widget in (u.owedReasonLabel, u.owedReasonEdit):
            widget.setVisible(owed)
        if found.loaner_out:
            u.loanerLabel.setText(_("Loaner {tag} is still out: take it back first.").format(tag=found.loaner_out))
            u.loanerLabel.setStyleSheet(ERROR_STYLE)
        else:
            u.loanerLabel.setText(_("No loaner is out on this ticket."))
            u.loanerLabel.setStyleSheet("")
        u.loanerButton.setVisible(bool(found.loaner_out))
        self._fill_accessories(found.accessories)
        # The pick-up makes a repaired or declined product ready itself: that is no problem to show.
        problems = found.problems[1:] if found.state in (states.REPAIRED, states.DECLINED) else found.problems
        if self.picked_up:
            problems = []
        u.problemsLabel.setText("<br>".join(html.escape(p) for p in problems))
        u.problemsLabel.setStyleSheet(ERROR_STYLE)
        u.handOverButton.setEnabled(not self.picked_up and found.state in HANDED_OVER_FROM)
        u.printButton.setEnabled(self.picked_up or found.state == states.CLOSED)
        return found

    def _repair_html(self, found: PickupCheck) -> str:
        r = found.repair
        if r is None:
            return html.escape(_("No repair was recorded on this ticket."))
        lines = [f"<b>{html.escape(r.action_label)}</b>: {html.escape(r.fault_label)}"]
        if r.note:
            lines.append(html.escape(r.note))
        for p in r.parts:
            text = " ".join(x for x in (p.part_no, p.description) if x)
            serials = ", ".join(x for x in (
                _("new serial {serial}").format(serial=p.new_serial) if p.new_serial else "",
                _("old serial {serial}").format(serial=p.old_serial) if p.old_serial else "") if x)
            lines.append("· " + html.escape(text + (f" ({serials})" if serials else "")))
        if r.technician:
            lines.append(html.escape(_("Technician: {name}").format(name=r.technician)))
        if found.repair_warranty_days:
            lines.append(html.escape(ngettext("The shop's repair is warranted for {days} day.",
                                              "The shop's repair is warranted for {days} days.",
                                              found.repair_warranty_days).format(days=found.repair_warranty_days)))
        return "<br>".join(lines)

    def _fill_accessories(self, items: tuple[str, ...]) -> None:
        """One box per accessory taken in; what was ticked stays ticked."""
        if list(self.checks) != list(items):
            for box in self.checks.values():
                box.deleteLater()
            self.checks = {}
            for item in items:
                box = QCheckBox(accessory_label(item), self.ui.accessoriesGroup)
                self.ui.accessoriesLayout.addWidget(box)
                self.checks[item] = box
        self.no_accessories.setVisible(not items)
        for box in self.checks.values():
            box.setEnabled(not self.picked_up)

    # ---- steps -----------------------------------------------------------------

    def _step_done(self, text: str) -> None:
        self.load()
        show_inline(self.ui.messageLabel, text, ok=True)
        self.changed.emit(text)

    def open_payment(self) -> QDialog | None:
        found = self.found
        if found is None:
            return None
        text = _("Ticket {number}, {customer}: outstanding {outstanding}").format(
            number=found.number, customer=html.escape(found.customer),
            outstanding=format_money(found.outstanding, self.currency))
        dialog = PaymentDialog(self.ctx, self.ticket_id, found.outstanding, "payment", text, self)
        self.dialog = dialog

        def done() -> None:
            receipt = dialog.receipt
            if receipt is None:
                return
            self._step_done(_("Receipt {number} issued.").format(number=receipt.number))
            self.print_dialog = show_receipt(self, self.ctx, receipt.id, self.ui.messageLabel)

        return open_modeless(dialog, done)

    def take_loaner_back(self) -> QDialog | None:
        """The loaner return dialog, with the tag of the loaner out."""
        found = self.found
        if found is None or not found.loaner_out:
            return None
        dialog = LoanDialog(self.ctx, "return", tag=found.loaner_out, parent=self)
        self.dialog = dialog
        return open_modeless(dialog, lambda: self._step_done(dialog.done_text))

    def hand_over(self) -> bool:
        found = self.found
        u = self.ui
        if found is None or self.picked_up:
            return False
        handed = [item for item, box in self.checks.items() if box.isChecked()]
        reason = u.owedReasonEdit.text()
        if found.outstanding > ZERO and not reason.strip():  # before a manager is called over
            show_inline(u.messageLabel, _("Say why {amount} may be owed.").format(
                amount=format_money(found.outstanding, self.currency)))
            u.owedReasonEdit.setFocus()
            return False
        actor = self.ctx.actor
        number = self.ctx.write(lambda s, approver: pick_up(s, actor, self.ticket_id, handed, reason,
                                                            approver=approver).number, self, u.messageLabel)
        if number is None:
            return False
        self.picked_up = True
        text = _("Ticket {number} is closed: the customer collected the product.").format(number=number)
        self._step_done(text)
        show_inline(u.messageLabel, text + " " + _("Print the pick-up receipt for the customer to sign?"), ok=True)
        u.printButton.setDefault(True)
        u.printButton.setFocus()
        return True

    def print_receipt(self) -> QDialog | None:
        # Here, not at the top: reportlab loads at the first print, not when the window opens.
        from frontdesk.printing import documents
        from frontdesk.ui.print_preview import preview

        if self.found is None:
            return None
        number = self.found.number
        self.print_dialog = preview(self.ctx, self, f"{_('Pick-up receipt')} {number}", "pickup",
                                    f"pickup-{number}.pdf", lambda s, p: documents.print_pickup(s, number, p),
                                    self.ui.messageLabel)
        return self.print_dialog
