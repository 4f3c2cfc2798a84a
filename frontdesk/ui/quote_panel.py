"""The quote and payments of a ticket (a tab of the ticket dialog).

The clerk adds lines; every change prices them at once by the lowest-rate
rule (both standards per line, the one applied, the saving), so the
customer sees the quote before anything is saved.  Then: the customer
approves (at the counter or by phone) or declines; payments and deposits
issue receipts; a waiver needs a manager; an invoice can be owed."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QHeaderView, QInputDialog, QTableWidgetItem, QWidget
from sqlalchemy.orm import Session

from frontdesk.billing import cards, payments, quotes
from frontdesk.billing.pricing import KINDS, LEVELS, QuoteCalc, QuoteItem, applied_label, component_label, kind_label
from frontdesk.errors import FrontDeskError
from frontdesk.i18n import N_, _
from frontdesk.intake import service, states
from frontdesk.intake.warranty import WHOLE_UNIT, load_category_rules
from frontdesk.money import format_money, percent
from frontdesk.ui.amount_reason import AmountReasonDialog
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs import open_modeless
from frontdesk.ui.errors import describe, show_inline
from frontdesk.ui.generated.quote_panel_ui import Ui_QuotePanel
from frontdesk.ui.payment_dialog import PaymentDialog
from frontdesk.ui.receipt_output import show_receipt

log = logging.getLogger(__name__)

LINE_COLUMNS = (N_("Line"), N_("For"), N_("Qty"), N_("Schedule"), N_("Card"), N_("Applied"), N_("Amount"), N_("Note"))
RECEIPT_COLUMNS = (N_("Receipt"), N_("Issued"), N_("Kind"), N_("Method"), N_("Amount"), N_("Note"))
REFUSED = QBrush(QColor("#b00020"))
FREE = QBrush(QColor("#1b5e20"))


def _money(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.2f}"


class QuotePanel(QWidget):
    """Emits ``changed()`` after every saved step."""

    changed = Signal()

    def __init__(self, ctx: AppContext, ticket_id: int, parent: QWidget | None = None, *,
                 load: bool = True) -> None:
        """``load`` False: the ticket dialog reads the panel's facts with its
        own (:meth:`load` in its read session) and shows them
        (:meth:`show_facts`): opening a ticket is one read session."""
        super().__init__(parent)
        self.ctx = ctx
        self.ticket_id = ticket_id
        self.ui = Ui_QuotePanel()
        self.ui.setupUi(self)
        self.items: list[QuoteItem] = []
        self.quotable: list[quotes.QuotableItem] = []
        self.dialog: QDialog | None = None  # the payment or waiver dialog open now
        self.print_dialog: QDialog | None = None  # the preview of the last receipt issued here
        self.quote: quotes.QuoteView | None = None
        self.currency = "CNY"
        u = self.ui
        for table, columns in ((u.linesTable, LINE_COLUMNS), (u.receiptsTable, RECEIPT_COLUMNS)):
            table.setColumnCount(len(columns))
            table.setHorizontalHeaderLabels([_(c) for c in columns])
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
        u.cardCombo.currentIndexChanged.connect(self._card_changed)
        u.kindCombo.currentIndexChanged.connect(self._fill_codes)
        u.codeCombo.currentIndexChanged.connect(self._code_picked)
        u.addLineButton.clicked.connect(self.add_line)
        u.removeLineButton.clicked.connect(self.remove_line)
        u.makeQuoteButton.clicked.connect(self.make_quote)
        u.approveButton.clicked.connect(lambda: self.approve("counter"))
        u.phoneApproveButton.clicked.connect(lambda: self.approve("phone"))
        u.declineButton.clicked.connect(self.decline)
        u.payButton.clicked.connect(lambda: self.open_payment("payment"))
        u.depositButton.clicked.connect(self.open_apply_deposit)
        u.refundButton.clicked.connect(lambda: self.open_payment("refund"))
        u.waiverButton.clicked.connect(self.open_waiver)
        u.invoiceButton.clicked.connect(self.invoice)
        self._loading = False
        u.softwareCheck.setVisible(False)
        if load:
            self.reload()

    # ---- loading ------------------------------------------------------------

    def _facts(self, s: Session) -> dict[str, object]:
        t = service.get_ticket(s, self.ticket_id)
        category = t.product.category if t.product else ""
        editions = [(e.id, e.label) for e in cards.card_editions(s, category=category)] if category else []
        current = quotes.current_quote(s, self.ticket_id)
        return {
            "state": t.state, "number": t.number, "category": category, "editions": editions,
            "suggested": cards.suggest_card_edition(s, self.ticket_id) if category else None,
            "quote": quotes.quote_view(s, current.id) if current is not None else None,
            "balance": payments.balance(s, self.ticket_id),
            "receipts": payments.list_receipts(s, ticket_id=self.ticket_id),
            "invoice": payments.invoice_status(s, self.ticket_id),
            "customer": t.customer.name,
        }

    def load(self, s: Session) -> dict[str, object]:
        """Everything the panel shows, read in ``s``: the facts and the
        lines that can be quoted under the card the panel will show."""
        facts = self._facts(s)
        quote: quotes.QuoteView | None = facts["quote"]  # type: ignore[assignment]
        wanted = quote.card_edition_id if quote is not None else facts["suggested"]
        editions: list[tuple[int, str]] = facts["editions"]  # type: ignore[assignment]
        chosen = next((eid for eid, _text in editions if eid == wanted), None)  # else "(no warranty card)"
        try:
            facts["quotable"], facts["quotable_error"] = quotes.quotable_items(s, self.ticket_id, chosen), None
        except FrontDeskError as exc:  # no schedule in force on the intake day
            facts["quotable"], facts["quotable_error"] = [], exc
        return facts

    def reload(self) -> None:
        self.show_facts(self.ctx.read(self.load))

    def show_facts(self, facts: dict[str, object]) -> None:
        """Show what :meth:`load` read (no database read)."""
        self.facts = facts
        self.quote = facts["quote"]  # type: ignore[assignment]
        u = self.ui
        self._loading = True
        u.cardCombo.clear()
        u.cardCombo.addItem(_("(no warranty card)"), None)
        for eid, text in facts["editions"]:  # type: ignore[attr-defined]
            u.cardCombo.addItem(text, eid)
        chosen = self.quote.card_edition_id if self.quote is not None else facts["suggested"]
        u.cardCombo.setCurrentIndex(max(0, u.cardCombo.findData(chosen)))
        u.componentCombo.clear()
        u.componentCombo.addItem(component_label(WHOLE_UNIT), WHOLE_UNIT)
        rule = load_category_rules().get(str(facts["category"]))
        for comp in rule.components if rule else ():
            u.componentCombo.addItem(component_label(comp.key), comp.key)
        self._loading = False
        self._show_quotable(facts["quotable"], facts["quotable_error"])  # type: ignore[arg-type]
        state = str(facts["state"])
        # A quoted ticket without a quote: its draft was withdrawn by a correction, the quote is made again.
        quotable = states.can_move(state, states.QUOTED) or state == states.QUOTED
        can_quote = bool(facts["category"]) and self.quote is None and quotable
        for widget in (u.cardCombo, u.kindCombo, u.codeCombo, u.qtySpin, u.componentCombo, u.addLineButton,
                       u.removeLineButton, u.makeQuoteButton):
            widget.setEnabled(can_quote)
        waiting = self.quote is not None and state == states.QUOTED
        for widget in (u.approveButton, u.phoneApproveButton, u.declineButton, u.faultFoundCheck):
            widget.setEnabled(waiting)
        if self.quote is not None:
            self.show_quote(self.quote)
        elif not facts["category"]:
            u.linesTable.setRowCount(0)
            u.totalsLabel.setText(_("No product on this ticket: nothing to quote."))
        elif not quotable:
            self.reprice()
            if not self.items:
                u.totalsLabel.setText(_("A quote is made while the ticket is being diagnosed ({state} now).").format(
                    state=states.label(state)))
        else:
            self.reprice()
        self.show_payments()

    def _load_quotable(self) -> None:
        card_id = self.ui.cardCombo.currentData()
        try:
            quotable = self.ctx.read(lambda s: quotes.quotable_items(s, self.ticket_id, card_id))
        except FrontDeskError as exc:  # no schedule in force on the intake day
            self._show_quotable([], exc)
        else:
            self._show_quotable(quotable, None)

    def _show_quotable(self, quotable: list[quotes.QuotableItem], error: FrontDeskError | None) -> None:
        self.quotable = quotable
        if error is not None:
            show_inline(self.ui.messageLabel, describe(error))
        u = self.ui
        self._loading = True
        u.kindCombo.clear()
        for kind in KINDS:
            if any(q.kind == kind for q in self.quotable):
                u.kindCombo.addItem(kind_label(kind), kind)
        self._loading = False
        self._fill_codes()

    def _fill_codes(self, *_args: object) -> None:
        if self._loading:
            return
        u = self.ui
        kind = u.kindCombo.currentData()
        u.codeCombo.clear()
        for q in self.quotable:
            if q.kind != kind:
                continue
            name = _(LEVELS[q.code]) if q.code in LEVELS else (q.code or "")
            text = " ".join(p for p in (name, q.description) if p) or kind_label(q.kind)
            prices = _("schedule {schedule}, card {card}").format(schedule=_money(q.schedule_price),
                                                                   card=_money(q.card_price))
            # The prices first: a narrow combo cuts the end of the text, never the price.
            u.codeCombo.addItem(f"{prices} · {text}", q.code)
            u.codeCombo.setItemData(u.codeCombo.count() - 1, f"{text} ({prices})", Qt.ItemDataRole.ToolTipRole)
        self._code_picked()

    def _code_picked(self, *_args: object) -> None:
        kind, code = self.ui.kindCombo.currentData(), self.ui.codeCombo.currentData()
        item = next((q for q in self.quotable if q.kind == kind and q.code == code), None)
        if item is not None:
            self.ui.componentCombo.setCurrentIndex(max(0, self.ui.componentCombo.findData(item.component)))

    def _card_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._load_quotable()
        self.reprice()

    # ---- building the quote ------------------------------------------------------

    def add_line(self) -> None:
        u = self.ui
        kind = u.kindCombo.currentData()
        if not kind:
            return
        code = u.codeCombo.currentData()
        if code is None:  # typed by hand (a part number not in the list)
            code = u.codeCombo.currentText().strip()
        self.items.append(QuoteItem(kind=str(kind), code=str(code or ""), qty=u.qtySpin.value(),
                                    component=str(u.componentCombo.currentData() or WHOLE_UNIT)))
        u.qtySpin.setValue(1)
        self.reprice()

    def remove_line(self) -> None:
        row = self.ui.linesTable.currentRow()
        if 0 <= row < len(self.items):
            del self.items[row]
            self.reprice()

    def reprice(self) -> QuoteCalc | None:
        """Price what is typed so far (nothing saved)."""
        if self.quote is not None:
            return None
        card_id = self.ui.cardCombo.currentData()
        items = list(self.items)
        if not items:
            self._fill_lines([])
            self.ui.totalsLabel.setText(_("Add the lines of the repair: each is priced by the lower of the fee "
                                          "schedule and the customer's warranty card."))
            self.ui.makeQuoteButton.setEnabled(False)
            return None
        try:
            calc = self.ctx.read(lambda s: quotes.preview_quote(s, self.ticket_id, items, card_id))
        except FrontDeskError as exc:
            show_inline(self.ui.messageLabel, describe(exc))
            return None
        rows: list[tuple[str, str, str, Decimal | None, Decimal | None, str, str, str, QBrush | None]] = []
        for ln in calc.lines:
            rows.append((ln.item.label(), component_label(ln.item.component), str(ln.item.qty), ln.schedule_price,
                         ln.card_price, _applied(ln.applied), _money(ln.amount), ln.reason,
                         FREE if ln.in_warranty else None))
        for item, reason in calc.refused:
            rows.append((item.label(), component_label(item.component), str(item.qty), None, None, _("cannot be charged"),
                         "—", reason, REFUSED))
        self._fill_lines(rows)
        self.ui.totalsLabel.setText(self._totals(calc.subtotal, calc.tax_rate, calc.tax, calc.total, calc.saving,
                                                 calc.prices_include_tax))
        self.ui.makeQuoteButton.setEnabled(self.ui.addLineButton.isEnabled() and bool(calc.lines) and not calc.refused)
        # Software set-up between one and three months after installation: the manager decides.
        self.ui.softwareCheck.setVisible(calc.needs_decision)
        return calc

    def _fill_lines(self, rows: list[tuple[str, str, str, Decimal | None, Decimal | None, str, str, str, QBrush | None]]) -> None:
        table = self.ui.linesTable
        table.setRowCount(len(rows))
        for r, (label, comp, qty, sched, card, applied, amount, note, brush) in enumerate(rows):
            for c, value in enumerate((label, comp, qty, _money(sched), _money(card), applied, amount, note)):
                item = QTableWidgetItem(value)
                if c in (2, 3, 4, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if brush is not None:
                    item.setForeground(brush)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    def _totals(self, subtotal: Decimal, rate: Decimal, tax: Decimal, total: Decimal, saving: Decimal,
                included: bool) -> str:
        cur = self.currency
        if included:
            text = _("<b>total {total}</b> (of which VAT {rate}% {tax})").format(
                rate=percent(rate), tax=format_money(tax, cur), total=format_money(total, cur))
        else:
            text = _("Subtotal {subtotal} · VAT {rate}% {tax} · <b>total {total}</b>").format(
                subtotal=format_money(subtotal, cur), rate=percent(rate), tax=format_money(tax, cur),
                total=format_money(total, cur))
        if saving > 0:
            text += " · " + _("the lower standard saves the customer {saving}").format(saving=format_money(saving, cur))
        return text

    def show_quote(self, q: quotes.QuoteView) -> None:
        self.currency = q.currency
        rows = [(ln.description or ln.kind_label, ln.component_label, str(ln.qty), ln.schedule_price, ln.card_price,
                 ln.applied_label, _money(ln.amount), ln.reason, FREE if ln.in_warranty else None)
                for ln in (*q.lines, *q.inspection_lines)]
        self._fill_lines(rows)
        status = html.escape(q.state_label)
        if q.approved_at is not None:
            how = _("by phone") if q.approval_channel == "phone" else _("at the counter")
            status = _("Approved {how} by {name} at {time} (clerk {clerk})").format(
                how=how, name=html.escape(q.approved_customer_name), time=q.approved_at.strftime("%Y-%m-%d %H:%M"),
                clerk=html.escape(q.approved_by or ""))
        elif q.declined_at is not None:
            status = _("Declined at {time}: owed {owed}").format(time=q.declined_at.strftime("%Y-%m-%d %H:%M"),
                                                                 owed=format_money(q.owed, q.currency))
        schedule = _("Fee schedule {name} (from {day})").format(name=html.escape(q.schedule_name),
                                                               day=q.schedule_effective_from.isoformat())
        card = html.escape(q.card_label) if q.card_label else _("no warranty card")
        self.ui.totalsLabel.setText(f"{self._totals(q.subtotal, q.tax_rate, q.tax, q.total, q.saving, q.prices_include_tax)} · "
                                    f"{schedule} · {card}<br><b>{status}</b>")

    def show_payments(self) -> None:
        bal: payments.Balance = self.facts["balance"]  # type: ignore[assignment]
        cur = self.currency
        parts = [_("Owed {due}").format(due=format_money(bal.due, cur))]
        if bal.waived:
            parts.append(_("waived {waived}").format(waived=format_money(bal.waived, cur)))
        parts.append(_("paid {paid}").format(paid=format_money(bal.paid, cur)))
        parts.append("<b>" + _("outstanding {outstanding}").format(outstanding=format_money(bal.outstanding, cur)) + "</b>")
        if bal.deposits_taken:
            deposit = _("loaner deposit held {held}").format(held=format_money(bal.deposits_held, cur))
            for amount, text in ((bal.deposits_applied, _("put toward the bill {amount}")),
                                 (bal.deposits_kept, _("kept for damage {amount}")),
                                 (bal.deposits_refunded, _("refunded {amount}"))):
                if amount:
                    deposit += ", " + text.format(amount=format_money(amount, cur))
            parts.append(deposit)
        invoice = self.facts["invoice"]
        if invoice is not None:
            if invoice.owed:  # type: ignore[attr-defined]
                parts.append("<span style='color:#8a6d00'>" + _("invoice owed") + "</span>")
            else:
                parts.append(_("invoice {number}").format(number=html.escape(invoice.invoice_no)))  # type: ignore[attr-defined]
        self.ui.balanceLabel.setText(" · ".join(parts))
        self.ui.payButton.setEnabled(bal.outstanding > 0)
        self.ui.depositButton.setEnabled(bal.outstanding > 0 and bal.deposits_held > 0)
        self.ui.waiverButton.setEnabled(bal.outstanding > 0)
        self.ui.refundButton.setVisible(bal.refundable > 0)  # more paid than owed (a lower quote, a waiver)
        self.ui.invoiceButton.setText(_("Record the invoice number…") if invoice is not None and invoice.owed  # type: ignore[attr-defined]
                                      else _("Customer asks for an invoice"))
        self.ui.invoiceButton.setEnabled(invoice is None or bool(invoice.owed))  # type: ignore[attr-defined]
        rows: list[payments.ReceiptRow] = self.facts["receipts"]  # type: ignore[assignment]
        table = self.ui.receiptsTable
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            note = _("void") if row.voided else (_("corrects {number}").format(number=row.corrects_number)
                                                 if row.corrects_number else "")
            for c, value in enumerate((row.number, row.issued_at.strftime("%Y-%m-%d %H:%M"), row.kind_label,
                                       row.method_label, _money(row.amount), note)):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()

    # ---- saving -------------------------------------------------------------------

    def _saved(self, text: str) -> None:
        self.items = []
        self.reload()
        show_inline(self.ui.messageLabel, text, ok=True)
        self.changed.emit()

    def make_quote(self) -> None:
        items, card_id, actor = list(self.items), self.ui.cardCombo.currentData(), self.ctx.actor
        software = self.ui.softwareCheck.isChecked() if not self.ui.softwareCheck.isHidden() else None
        quote = self.ctx.write(lambda s, approver: quotes.make_quote(s, actor, self.ticket_id, items, card_id,
                                                                     approver=approver, software_charge=software).id,
                               self, self.ui.messageLabel)
        if quote is not None:
            self._saved(_("The quote is ready for the customer."))

    def approve(self, channel: str) -> None:
        if self.quote is None:
            return
        name = ""
        if channel == "phone":
            name, ok = QInputDialog.getText(self, _("Approved by phone"), _("Who agreed on the phone?"),
                                            text=str(self.facts["customer"]))
            if not ok:
                return
        quote_id, actor = self.quote.id, self.ctx.actor
        if self.ctx.write(lambda s, _a: quotes.approve_quote(s, actor, quote_id, channel, name).id,
                          self, self.ui.messageLabel) is not None:
            self._saved(_("The customer approved the quote: the repair can start."))

    def decline(self) -> None:
        if self.quote is None:
            return
        quote_id, actor, found = self.quote.id, self.ctx.actor, self.ui.faultFoundCheck.isChecked()
        if self.ctx.write(lambda s, _a: quotes.decline_quote(s, actor, quote_id, found).id,
                          self, self.ui.messageLabel) is not None:
            self._saved(_("The customer declined the quote."))

    def _open(self, dialog: QDialog, on_accept: Callable[[], None]) -> QDialog:
        """Open a dialog without blocking (tests and the window go on)."""
        self.dialog = dialog
        return open_modeless(dialog, on_accept)

    def open_payment(self, kind: str) -> QDialog:
        """The payment, deposit or refund dialog; once it has issued the
        receipt, the receipt is given out as this counter is set up."""
        bal: payments.Balance = self.facts["balance"]  # type: ignore[assignment]
        amount = {payments.PAYMENT: bal.outstanding, payments.REFUND: bal.refundable}.get(kind, Decimal("0"))
        customer = html.escape(str(self.facts["customer"]))
        if kind == payments.REFUND:
            text = _("Ticket {number}, {customer}: the customer is owed {amount}").format(
                number=self.facts["number"], customer=customer, amount=format_money(bal.refundable, self.currency))
        else:
            text = _("Ticket {number}, {customer}: outstanding {outstanding}").format(
                number=self.facts["number"], customer=customer,
                outstanding=format_money(bal.outstanding, self.currency))
        dialog = PaymentDialog(self.ctx, self.ticket_id, amount, kind, text, self)

        def done() -> None:
            receipt = dialog.receipt
            if receipt is None:
                return
            text = _("Receipt {number} issued.").format(number=receipt.number)
            if receipt.change:
                text += " " + _("Change: {change}").format(change=format_money(receipt.change, self.currency))
            self._saved(text)
            self.print_dialog = show_receipt(self, self.ctx, receipt.id, self.ui.messageLabel)

        return self._open(dialog, done)

    def open_apply_deposit(self) -> QDialog:
        """The customer asks to pay (part of) the bill from the loaner
        deposit held: no money changes hands; a receipt says so."""
        bal: payments.Balance = self.facts["balance"]  # type: ignore[assignment]
        cur = self.currency
        dialog = AmountReasonDialog(
            _("Use the deposit"),
            _("The customer asks to put part of the {held} deposit held toward the {outstanding} outstanding.")
            .format(held=format_money(bal.deposits_held, cur), outstanding=format_money(bal.outstanding, cur)),
            amount=min(bal.deposits_held, bal.outstanding), with_reason=False, parent=self)
        actor, counter = self.ctx.actor, self.ctx.counter

        def done() -> None:
            amount = dialog.amount or Decimal(0)
            receipt = self.ctx.write(lambda s, _a: payments.apply_deposit(s, actor, self.ticket_id, amount,
                                                                           counter=counter),
                                     self, self.ui.messageLabel)
            if receipt is not None:
                self._saved(_("Receipt {number} issued.").format(number=receipt.number))
                self.print_dialog = show_receipt(self, self.ctx, receipt.id, self.ui.messageLabel)

        return self._open(dialog, done)

    def open_waiver(self) -> QDialog:
        dialog = AmountReasonDialog(_("Waiver or discount"),
                                    _("The customer pays less. A manager approves with their PIN."), parent=self)
        actor, counter = self.ctx.actor, self.ctx.counter

        def done() -> None:
            amount, reason = dialog.amount, dialog.reason
            if self.ctx.write(lambda s, approver: payments.grant_waiver(s, actor, self.ticket_id, amount or Decimal(0),
                                                                        reason, approver=approver,
                                                                        counter=counter).id,
                              self, self.ui.messageLabel) is not None:
                self._saved(_("Waiver of {amount} recorded.").format(amount=format_money(amount or Decimal(0), self.currency)))

        return self._open(dialog, done)

    def invoice(self) -> None:
        status = self.facts["invoice"]
        actor = self.ctx.actor
        if status is None:
            buyer, ok = QInputDialog.getText(self, _("Invoice"), _("The invoice is made out to (empty: the customer)"))
            if not ok:
                return
            if self.ctx.write(lambda s, _a: payments.request_invoice(s, actor, self.ticket_id, buyer),
                              self, self.ui.messageLabel) is not None:
                self._saved(_("The invoice is owed until its number is recorded."))
            return
        number, ok = QInputDialog.getText(self, _("Invoice"), _("Invoice number"))
        if ok and self.ctx.write(lambda s, _a: payments.record_invoice(s, actor, self.ticket_id, number),
                                 self, self.ui.messageLabel) is not None:
            self._saved(_("Invoice {number} recorded.").format(number=number.strip()))


def _applied(applied: str) -> str:
    return applied_label(applied)
