"""The receipt list: every receipt of a day (or all), its settlement list,
reprints marked COPY, voids and corrections with a manager's approval."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QTableWidgetItem, QWidget

from frontdesk import clock
from frontdesk.billing import payments
from frontdesk.billing.payments import ReceiptView
from frontdesk.i18n import N_, _, ngettext
from frontdesk.money import format_money, percent
from frontdesk.ui.amount_reason import AmountReasonDialog
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs import open_modeless
from frontdesk.ui.errors import show_inline
from frontdesk.ui.fields import parse_day
from frontdesk.ui.generated.receipts_ui import Ui_ReceiptsScreen
from frontdesk.ui.machine import receipt_size
from frontdesk.ui.receipt_output import receipt_preview, show_receipt

log = logging.getLogger(__name__)

COLUMNS = (N_("Receipt"), N_("Issued"), N_("Ticket"), N_("Customer"), N_("Kind"), N_("Method"), N_("Amount"), N_("Note"))


def _m(value: Decimal | None, currency: str) -> str:
    return "—" if value is None else format_money(value, currency)


def receipt_html(r: ReceiptView) -> str:
    """The receipt as the desk sees it before printing: a settlement list
    with both standards per line, tax, payment, and COPY or VOID marks."""
    esc = html.escape
    cur = r.currency
    marks = []
    if r.copy:
        marks.append(f"<p style='font-size:20px;color:#b00020;text-align:center'><b>{esc(_('COPY'))}</b></p>")
    if r.voided:
        marks.append(f"<p style='font-size:20px;color:#b00020;text-align:center'><b>{esc(_('VOID'))}</b><br>"
                     f"{esc(r.void_reason)} ({esc(r.void_approver or '')})</p>")
    rows = "".join(
        f"<tr><td>{esc(ln.description or ln.kind_label)}</td><td align='right'>{ln.qty}</td>"
        f"<td align='right'>{_m(ln.schedule_price, cur)}</td><td align='right'>{_m(ln.card_price, cur)}</td>"
        f"<td>{esc(ln.applied_label)}</td><td align='right'>{_m(ln.amount, cur)}</td></tr>"
        for ln in r.lines)
    head = (f"<tr><th align='left'>{esc(_('Line'))}</th><th>{esc(_('Qty'))}</th><th>{esc(_('Schedule'))}</th>"
            f"<th>{esc(_('Card'))}</th><th>{esc(_('Applied'))}</th><th>{esc(_('Amount'))}</th></tr>")
    corrects = (f"<p>{esc(_('Corrects receipt {number} ({reason}).').format(number=r.corrects_number, reason=r.correction_reason))}</p>"
                if r.corrects_number else "")
    payment = _("{kind} by {method}: {amount}").format(kind=r.kind_label, method=r.method_label, amount=_m(r.amount, cur))
    cash = ""
    if r.tendered is not None:
        cash = "<br>" + esc(_("Tendered {tendered}, change {change}").format(
            tendered=_m(r.tendered, cur), change=_m(r.change, cur)))
    saving = (f"<br>{esc(_('The lower standard saved you {saving}.').format(saving=_m(r.saving, cur)))}"
              if r.saving > 0 else "")
    waived = f"<br>{esc(_('Waived {amount}').format(amount=_m(r.waived, cur)))}" if r.waived else ""
    return (
        f"<h3 style='text-align:center'>{esc(r.shop_name)}</h3>"
        f"<p style='text-align:center'>{esc(r.shop_address)} {esc(r.shop_phone)}</p>"
        f"{''.join(marks)}"
        f"<p><b>{esc(_('Receipt {number}').format(number=r.number))}</b><br>"
        f"{esc(_('Ticket {number}').format(number=r.ticket_number))} · {esc(r.customer)}<br>"
        f"{r.issued_at:%Y-%m-%d %H:%M} · {esc(r.issued_by)}</p>{corrects}"
        f"<table width='100%' cellspacing='0' cellpadding='2'>{head}{rows}</table>"
        f"<p>{esc(_('Subtotal {subtotal}, tax {rate}% {tax}, total {total}').format(subtotal=_m(r.subtotal, cur), rate=percent(r.tax_rate), tax=_m(r.bill_tax, cur), total=_m(r.bill_total, cur)))}"
        f"{waived}{saving}</p>"
        f"<p><b>{esc(payment)}</b>{cash}<br>"
        f"{esc(_('Paid before {before}; outstanding after {after}').format(before=_m(r.paid_before, cur), after=_m(r.outstanding_after, cur)))}</p>"
        f"<p style='color:#555'>{esc(r.footer)}</p>"
    )


class ReceiptsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ReceiptsScreen()
        self.ui.setupUi(self)
        self.rows: list[payments.ReceiptRow] = []
        self.dialog: QDialog | None = None
        self.print_dialog: QDialog | None = None
        u = self.ui
        u.table.setColumnCount(len(COLUMNS))
        u.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        u.table.verticalHeader().setVisible(False)
        u.dayEdit.setText(clock.now().date().isoformat())
        self.timer = QTimer(self, singleShot=True, interval=200)
        self.timer.timeout.connect(self.load)
        u.dayEdit.textChanged.connect(lambda _t: self.timer.start())
        u.searchEdit.textChanged.connect(lambda _t: self.timer.start())
        u.table.currentCellChanged.connect(lambda *_a: self.show_selected())
        u.reprintButton.clicked.connect(self.reprint)
        u.printButton.clicked.connect(lambda: self.print_receipt("a5"))
        u.print80Button.clicked.connect(lambda: self.print_receipt("80mm"))
        u.voidButton.clicked.connect(self.void)
        u.correctButton.clicked.connect(self.correct)
        self.load()

    def load(self) -> None:
        u = self.ui
        try:
            day = parse_day(u.dayEdit.text())
        except ValueError as exc:
            show_inline(u.messageLabel, str(exc))
            return
        u.messageLabel.clear()
        text = u.searchEdit.text().strip().upper()
        rows = self.ctx.read(lambda s: payments.list_receipts(s, day=day))
        if text:
            rows = [r for r in rows if text in r.number or text in r.ticket_number or text in r.customer.upper()]
        self.rows = rows
        table = u.table
        table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            note = _("void") if r.voided else (_("corrects {number}").format(number=r.corrects_number)
                                               if r.corrects_number else "")
            if r.reprints:
                note = ", ".join(p for p in (note, _("reprinted {count}×").format(count=r.reprints)) if p)
            for c, value in enumerate((r.number, r.issued_at.strftime("%Y-%m-%d %H:%M"), r.ticket_number, r.customer,
                                       r.kind_label, r.method_label, f"{r.amount:.2f}", note)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                if c == 6:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if r.voided:
                    item.setForeground(Qt.GlobalColor.gray)
                table.setItem(i, c, item)
        table.resizeColumnsToContents()
        total = sum((r.net for r in rows if not r.voided), Decimal("0"))
        u.countLabel.setText(ngettext("{count} receipt, net {total}", "{count} receipts, net {total}", len(rows)).format(
            count=len(rows), total=f"{total:.2f}"))
        if rows:
            table.setCurrentCell(0, 0)
        self.show_selected()

    def selected_id(self) -> int | None:
        row = self.ui.table.currentRow()
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def show_selected(self, view: ReceiptView | None = None) -> None:
        rid = self.selected_id()
        if rid is None:
            self.ui.preview.clear()
            return
        if view is None:
            view = self.ctx.read(lambda s: payments.receipt_view(s, rid))
        self.ui.preview.setHtml(receipt_html(view))

    def reprint(self) -> ReceiptView | None:
        rid = self.selected_id()
        if rid is None:
            return None
        actor = self.ctx.actor
        view = self.ctx.write(lambda s, _a: payments.reprint(s, actor, rid), self, self.ui.messageLabel)
        if view is not None:
            row = self.ui.table.currentRow()
            self.load()
            self.ui.table.setCurrentCell(row, 0)
            self.show_selected(view)  # the copy as reprinted
            show_inline(self.ui.messageLabel, _("Receipt {number} reprinted as a COPY.").format(number=view.number), ok=True)
            self.print_receipt(receipt_size(), copy=True)  # on this counter's receipt size
        return view

    def void(self) -> QDialog | None:
        rid = self.selected_id()
        if rid is None:
            return None
        number = self.rows[self.ui.table.currentRow()].number
        dialog = AmountReasonDialog(_("Void a receipt"), _("Receipt {number} keeps its number and is marked void. "
                                                          "A manager approves.").format(number=number),
                                    ask_amount=False, parent=self)
        actor = self.ctx.actor

        def done() -> None:
            if self.ctx.write(lambda s, approver: payments.void_receipt(s, actor, rid, dialog.reason, approver=approver),
                              self, self.ui.messageLabel) is not None:
                self.load()
                show_inline(self.ui.messageLabel, _("Receipt {number} is void.").format(number=number), ok=True)

        return self._open(dialog, done)

    def correct(self) -> QDialog | None:
        rid = self.selected_id()
        if rid is None:
            return None
        current = self.rows[self.ui.table.currentRow()]
        dialog = AmountReasonDialog(_("Correct a receipt"), _("A new receipt corrects {number}, which stays on file "
                                                             "marked as corrected. A manager approves.").format(number=current.number),
                                    ask_method=True, amount=current.amount, parent=self)
        actor, counter = self.ctx.actor, self.ctx.counter

        def done() -> None:
            view = self.ctx.write(lambda s, approver: payments.correct_receipt(
                s, actor, rid, dialog.amount or Decimal(0), dialog.reason, method=dialog.method, approver=approver,
                counter=counter),
                self, self.ui.messageLabel)
            if view is not None:
                self.load()
                show_inline(self.ui.messageLabel, _("Receipt {new} replaces {old}.").format(
                    new=view.number, old=current.number), ok=True)
                self.print_dialog = show_receipt(self, self.ctx, view.id, self.ui.messageLabel)

        return self._open(dialog, done)

    def _open(self, dialog: QDialog, on_accept: Callable[[], None]) -> QDialog:
        self.dialog = dialog
        return open_modeless(dialog, on_accept)

    def print_receipt(self, size: str, copy: bool = False) -> QDialog | None:
        """The selected receipt in the print preview (A5, or the 80 mm roll
        for this counter's receipt printer)."""
        row = self.ui.table.currentRow()
        if not 0 <= row < len(self.rows):
            return None
        self.print_dialog = receipt_preview(self, self.ctx, self.rows[row].number, size, copy, self.ui.messageLabel)
        return self.print_dialog

    def refresh(self) -> None:
        self.load()
