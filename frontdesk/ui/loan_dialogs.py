"""The dialogs of pull-back repairs: lend a loaner, take it back, pull a
product back to the workshop.  A USB scanner types a tag and Enter into
whatever field has focus, so the tag fields act on Enter."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QCompleter, QDialog, QGridLayout, QTableWidgetItem, QWidget

from frontdesk import clock, settings
from frontdesk.billing import payments
from frontdesk.billing.payments import METHODS
from frontdesk.errors import FrontDeskError
from frontdesk.i18n import _
from frontdesk.intake import service
from frontdesk.intake.warranty import category_label, load_category_rules
from frontdesk.loaners import service as loaners
from frontdesk.money import format_money
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import show_inline
from frontdesk.ui.fields import parse_day, split_list
from frontdesk.ui.generated.loan_ui import Ui_LoanDialog
from frontdesk.ui.generated.pullback_ui import Ui_PullBackDialog
from frontdesk.ui.generated.unit_ui import Ui_UnitDialog
from frontdesk.ui.payment_dialog import read_amount
from frontdesk.ui.receipt_output import show_receipt


class LoanDialog(QDialog):
    """``mode`` "lend" or "return"; ``done_text`` says what happened when accepted."""

    def __init__(self, ctx: AppContext, mode: str, ticket_number: str = "", tag: str = "",
                 due: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mode = mode
        self.done_text = ""
        self.receipt_ids: list[int] = []  # the receipts issued (deposit; damage charge and refund)
        self.receipt_dialogs: list[object] = []  # their previews (None: printed straight away)
        self.ui = Ui_LoanDialog()
        self.ui.setupUi(self)
        u = self.ui
        lending = mode == "lend"
        self.setWindowTitle(_("Lend a loaner") if lending else _("Take a loaner back"))
        u.introLabel.setText(_("The unit must be of the same category as the customer's product.") if lending
                             else _("Check the unit against the condition it went out in."))
        for widget in (u.ticketLabel, u.ticketEdit, u.dueLabel, u.dueEdit, u.depositLabel, u.depositEdit,
                       u.methodLabel, u.methodCombo, u.agreementCheck):
            widget.setVisible(lending)
        for widget in (u.damageLabel, u.damageEdit, u.keepLabel, u.keepEdit, u.maintenanceCheck):
            widget.setVisible(not lending)
        for key, text in METHODS.items():
            u.methodCombo.addItem(_(text), key)
        u.ticketEdit.setText(ticket_number)
        u.tagEdit.setText(tag)
        if due is not None:
            u.dueEdit.setText(due.isoformat())
        u.buttons.accepted.connect(self.check)
        u.buttons.rejected.connect(self.reject)
        self.offered: list[str] = []
        if lending:
            u.ticketEdit.editingFinished.connect(self.offer_units)
            self.offer_units()
        else:
            u.tagEdit.editingFinished.connect(self.show_loan)
            self.show_loan()
        (u.tagEdit if ticket_number or not lending else u.ticketEdit).setFocus()

    def offer_units(self) -> list[str]:
        """The available units of the ticket product's category, offered
        as the clerk types the tag (and named above it)."""
        number = self.ui.ticketEdit.text().strip()
        if not number:
            return []

        def read(s: object) -> tuple[str, list[str], Decimal | None]:
            ticket = service.find_ticket(s, number)  # type: ignore[arg-type]
            category = ticket.product.category if ticket.product else ""
            return (category, [x.tag for x in loaners.available_units(s, category)] if category else [],  # type: ignore[arg-type]
                    loaners.default_deposit(s, category) if category else None)  # type: ignore[arg-type]

        try:
            category, tags, deposit = self.ctx.read(read)  # type: ignore[arg-type]
        except FrontDeskError as exc:
            show_inline(self.ui.messageLabel, exc.message)
            return []
        self.ui.messageLabel.clear()
        if deposit is not None and not self.ui.depositEdit.text().strip():
            self.ui.depositEdit.setText(f"{deposit:.2f}")  # the shop's deposit for the category
        self.offered = tags
        self.ui.tagEdit.setCompleter(QCompleter(tags, self))
        if tags:
            self.ui.introLabel.setText(_("Available {category} loaners: {tags}").format(
                category=category_label(category), tags=", ".join(tags[:8]) + (" …" if len(tags) > 8 else "")))
        else:
            self.ui.introLabel.setText(_("No {category} loaner is available now.").format(category=category_label(category)))
        return tags

    def show_loan(self) -> None:
        """Taking a unit back: what it went out as, and the deposit held."""
        tag = self.ui.tagEdit.text().strip()
        if not tag:
            return

        def read(s: object) -> tuple[loaners.LoanView, Decimal] | None:
            unit = loaners.find_unit(s, tag)  # type: ignore[arg-type]
            loan = loaners.open_loan_of_unit(s, unit.id)  # type: ignore[arg-type]
            if loan is None:
                return None
            held = payments.balance(s, loan.ticket_id).deposits_held if loan.deposit else Decimal(0)  # type: ignore[arg-type]
            return loaners.loan_view(s, loan), held  # type: ignore[arg-type]

        try:
            found = self.ctx.read(read)  # type: ignore[arg-type]
        except FrontDeskError as exc:
            show_inline(self.ui.messageLabel, exc.message)
            return
        self.ui.messageLabel.clear()
        if found is None:
            return
        loan, held = found
        currency = str(self.ctx.read(lambda s: settings.get(s, "currency")))
        text = _("Lent on ticket {ticket} to {customer} on {day}, out as: {condition}.").format(
            ticket=loan.ticket_number, customer=loan.customer, day=loan.lent_at.strftime("%Y-%m-%d"),
            condition=loan.condition_out or "—")
        if held:
            text += " " + _("Deposit held: {held}; what is not kept is refunded.").format(
                held=format_money(held, currency))
        self.ui.introLabel.setText(text)
        self.ui.keepEdit.setEnabled(bool(held))

    def check(self) -> None:
        u = self.ui
        tag = u.tagEdit.text().strip()
        condition = u.conditionEdit.text()
        actor, counter = self.ctx.actor, self.ctx.counter
        if self.mode == "lend":
            try:
                due = parse_day(u.dueEdit.text())
            except ValueError as exc:
                show_inline(u.messageLabel, str(exc))
                return
            deposit = read_amount(u.depositEdit.text())
            if u.depositEdit.text().strip() and deposit is None:
                show_inline(u.messageLabel, _("The amount must be a number like 120 or 120.50."))
                return
            number, method, signed = u.ticketEdit.text(), str(u.methodCombo.currentData()), u.agreementCheck.isChecked()

            def lend(s: object, _a: object) -> str:
                ticket = service.find_ticket(s, number)  # type: ignore[arg-type]
                loan = loaners.lend(s, actor, ticket.id, tag, due, condition, deposit, method, signed,  # type: ignore[arg-type]
                                    counter=counter)
                self.receipt_ids = [loan.deposit_receipt_id] if loan.deposit_receipt_id else []
                return _("Loaner {tag} lent on ticket {ticket}, due back {due}.").format(
                    tag=tag.upper(), ticket=ticket.number, due=loan.due_on.isoformat() if loan.due_on else "—")

            text = self.ctx.write(lend, self, u.messageLabel)  # type: ignore[arg-type]
        else:
            keep = read_amount(u.keepEdit.text())
            if u.keepEdit.text().strip() and keep is None:
                show_inline(u.messageLabel, _("The amount must be a number like 120 or 120.50."))
                return
            damage, maintenance = u.damageEdit.text(), u.maintenanceCheck.isChecked()

            def back(s: object, approver: object) -> str:
                loan = loaners.return_loan(s, actor, tag, condition, damage, approver=approver,  # type: ignore[arg-type]
                                           to_maintenance=maintenance, counter=counter, keep=keep)
                self.receipt_ids = [r for r in (loan.damage_receipt_id, loan.refund_receipt_id) if r]
                return _("Loaner {tag} is back.").format(tag=tag.upper())

            text = self.ctx.write(back, self, u.messageLabel)  # type: ignore[arg-type]
        if text is not None:
            self.done_text = text
            self.accept()
            parent = self.parentWidget() or self
            for receipt_id in self.receipt_ids:  # the deposit; the damage charge and the refund
                self.receipt_dialogs.append(show_receipt(parent, self.ctx, receipt_id))


class PullBackDialog(QDialog):
    def __init__(self, ctx: AppContext, ticket_id: int, category: str, accessories: list[str],
                 parent: QWidget | None = None, *, condition: tuple[str, ...] = (), condition_note: str = "") -> None:
        """``condition`` and ``condition_note``: what was checked with the
        customer at intake, ticked and written again here to be confirmed."""
        super().__init__(parent)
        self.ctx = ctx
        self.ticket_id = ticket_id
        self.ui = Ui_PullBackDialog()
        self.ui.setupUi(self)
        u = self.ui
        u.introLabel.setText(_("The product goes to the workshop. The customer signs the pull-back receipt "
                               "with the condition checked here."))
        grid = QGridLayout(u.conditionBox)
        grid.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[str, QCheckBox] = {}
        for i, key in enumerate(service.condition_checks(category)):
            box = QCheckBox(_(service.CONDITION_LABELS[key]), u.conditionBox)
            box.setChecked(key in condition)
            self.checks[key] = box
            grid.addWidget(box, i // 2, i % 2)
        u.accessoriesEdit.setText(", ".join(map(service.accessory_label, accessories)))
        u.noteEdit.setText(condition_note)
        with ctx.db.read() as s:
            cal = settings.work_calendar(s)
        promised = clock.now().date()
        for _day in range(5):  # five working days by default
            promised = cal.next_working_day(promised)
        u.promisedEdit.setText(promised.isoformat())
        u.buttons.accepted.connect(self.check)
        u.buttons.rejected.connect(self.reject)

    def check(self) -> None:
        u = self.ui
        try:
            promised = parse_day(u.promisedEdit.text())
        except ValueError as exc:
            show_inline(u.messageLabel, str(exc))
            return
        condition = [k for k, box in self.checks.items() if box.isChecked()]
        note, accessories, actor = u.noteEdit.text(), split_list(u.accessoriesEdit.text()), self.ctx.actor
        if self.ctx.write(lambda s, _a: loaners.pull_back(s, actor, self.ticket_id, condition, note, accessories,
                                                          promised).id,
                          self, u.messageLabel) is not None:
            self.accept()


class UnitDialog(QDialog):
    """Add a loaner unit (``unit_id`` None) or edit one, with its history."""

    def __init__(self, ctx: AppContext, unit_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)


        self.ctx = ctx
        self.unit_id = unit_id
        self.done_text = ""
        self.ui = Ui_UnitDialog()
        self.ui.setupUi(self)
        u = self.ui
        for key in load_category_rules():
            u.categoryCombo.addItem(category_label(key), key)
        u.historyTable.setColumnCount(5)
        u.historyTable.setHorizontalHeaderLabels([_("Lent"), _("Ticket"), _("Customer"), _("Returned"), _("Condition")])
        u.historyTable.verticalHeader().setVisible(False)
        if unit_id is None:
            self.setWindowTitle(_("Add a loaner unit"))
            for widget in (u.historyLabel, u.historyTable):
                widget.setVisible(False)
        else:
            unit, history = ctx.read(lambda s: (loaners.unit_view(s, unit_id), loaners.unit_history(s, unit_id)))
            self.setWindowTitle(_("Loaner {tag}").format(tag=unit.tag))
            u.tagEdit.setText(unit.tag)
            u.categoryCombo.setCurrentIndex(max(0, u.categoryCombo.findData(unit.category)))
            u.modelEdit.setText(unit.model)
            u.serialEdit.setText(unit.serial)
            u.conditionEdit.setText(unit.condition)
            u.noteEdit.setText(unit.note)
            u.historyTable.setRowCount(len(history))
            for r, h in enumerate(history):
                back = h.returned_at.strftime("%Y-%m-%d") if h.returned_at else _("out")
                condition = " → ".join(x for x in (h.condition_out, h.condition_back) if x)
                if h.damage:
                    condition += f" ({h.damage})"
                for c, value in enumerate((h.lent_at.strftime("%Y-%m-%d"), h.ticket_number, h.customer, back, condition)):
                    u.historyTable.setItem(r, c, QTableWidgetItem(value))
            u.historyTable.resizeColumnsToContents()
        u.buttons.accepted.connect(self.check)
        u.buttons.rejected.connect(self.reject)

    def check(self) -> None:
        u = self.ui
        values = (u.tagEdit.text(), str(u.categoryCombo.currentData() or ""), u.modelEdit.text(), u.serialEdit.text(),
                  u.conditionEdit.text(), u.noteEdit.text())
        actor, unit_id = self.ctx.actor, self.unit_id
        if unit_id is None:
            done = self.ctx.write(lambda s, _a: loaners.add_unit(s, actor, *values).tag, self, u.messageLabel)
            text = _("Loaner {tag} added.")
        else:
            done = self.ctx.write(lambda s, _a: loaners.edit_unit(s, actor, unit_id, *values).tag, self, u.messageLabel)
            text = _("Loaner {tag} saved.")
        if done is not None:
            self.done_text = text.format(tag=done)
            self.accept()
