"""A ticket with its timeline, and the next steps the desk can take on it."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget
from sqlalchemy.orm import Session

from frontdesk import technicians
from frontdesk.i18n import _
from frontdesk.intake import fields, responses, service, states
from frontdesk.intake.preview import ticket_warranty
from frontdesk.intake.warranty import EXCLUSION_REASONS, STATUS_LABELS, category_label
from frontdesk.loaners import service as loaners
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs import open_modeless
from frontdesk.ui.errors import show_inline
from frontdesk.ui.generated.ticket_detail_ui import Ui_TicketDetailDialog
from frontdesk.ui.loan_dialogs import LoanDialog, PullBackDialog
from frontdesk.ui.quote_panel import QuotePanel

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TicketView:
    """Everything the dialog shows, read in one session."""

    id: int
    number: str
    state: str
    facts_html: str
    warranty_html: str
    verify_fields: list[str]
    technician_id: int | None
    uncertain: bool
    awaiting_response: bool
    where: str  # loaners.product_location
    loan_out: str  # the tag of the loaner out on the ticket, or ""
    category: str
    accessories: list[str]
    promised_return_on: date | None
    events: list[tuple[datetime, str, str]]
    technicians: list[tuple[int, str]]


def _row(label: str, value: str) -> str:
    return f"<tr><td style='color:#555;padding-right:8px'>{html.escape(label)}</td><td>{html.escape(value)}</td></tr>"


def load_view(session: Session, ticket_id: int) -> TicketView:
    t = service.get_ticket(session, ticket_id)
    c = t.customer
    p = t.product
    rows = [
        _row(_("Channel"), f"{_(service.CHANNELS[t.channel])} · {_(service.KINDS[t.kind])}"),
        _row(_("Taken"), t.intake_at.strftime("%Y-%m-%d %H:%M")),
        _row(_("Customer"), f"{c.name}  {c.phone_display or c.phone}"),
        _row(_("Address"), " ".join(x for x in (t.area, t.address) if x) or "—"),
    ]
    if p is not None:
        rows += [
            _row(_("Product"), " ".join(x for x in (category_label(p.category), p.brand, p.model) if x)),
            _row(_("Serial no."), p.serial or "—"),
            _row(_("Purchase date"), p.purchase_date.isoformat() if p.purchase_date else "—"),
        ]
    rows += [
        _row(_("Fault"), t.fault or "—"),
        _row(_("Request"), t.request or "—"),
    ]
    if t.accessories:
        rows.append(_row(_("Accessories"), ", ".join(t.accessories)))
    if t.condition or t.condition_note:
        labels = [_(service.CONDITION_LABELS.get(k, k)) for k in t.condition]
        rows.append(_row(_("Condition"), ", ".join(labels + ([t.condition_note] if t.condition_note else []))))
    if t.passcode_given:
        rows.append(_row(_("Passcode"), _("given")))
    if t.respond_by and not t.responded_at:
        rows.append(_row(_("Answer by"), t.respond_by.strftime("%Y-%m-%d %H:%M")))
    if t.prior_repairs_same_fault:
        rows.append(_row(_("Earlier repairs"), str(t.prior_repairs_same_fault)))
    if t.repeat_of_id:
        rows.append(_row(_("Repeat repair"), _("failed again within 30 days of a repair")))
    facts = (f"<h2 style='margin:0'>{html.escape(t.number)} — {html.escape(states.label(t.state))}</h2>"
             f"<table>{''.join(rows)}</table>")
    status = ticket_warranty(session, t)
    if status is None:
        warranty = f"<b>{html.escape(_('No product on this ticket.'))}</b>"
    else:
        lines = "".join(f"<li>{html.escape(ln.label)}: {html.escape(ln.reason)}</li>" for ln in status.lines)
        warranty = (f"<b>{html.escape(_(STATUS_LABELS[status.overall]))}</b><br>{html.escape(status.summary)}"
                    f"<ul>{lines}</ul>")
        if t.warranty_exclusion:
            warranty += html.escape(_(EXCLUSION_REASONS.get(t.warranty_exclusion, t.warranty_exclusion)))
    events = [(e.at, e.user.name if e.user else "", e.text) for e in t.events]
    techs = [(x.id, x.name) for x in technicians.list_technicians(session)]
    where = loaners.product_location(session, t.id) if p is not None else ""
    loan = loaners.open_loan_of_ticket(session, t.id)
    pb = loaners.open_pullback(session, t.id)
    return TicketView(
        id=t.id, number=t.number, state=t.state, facts_html=facts, warranty_html=warranty,
        verify_fields=list(t.verify_fields or []), technician_id=t.technician_id,
        uncertain=t.technician_uncertain,
        awaiting_response=t.respond_by is not None and t.responded_at is None and t.state in states.OPEN,
        where=where, loan_out=loan.unit.tag if loan is not None else "", category=p.category if p else "",
        accessories=list(t.accessories or []), promised_return_on=pb.promised_return_on if pb is not None else None,
        events=events, technicians=techs,
    )


class TicketDetailDialog(QDialog):
    """Emits ``changed(ticket_id)`` after every saved step."""

    changed = Signal(int)

    def __init__(self, ctx: AppContext, ticket_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket_id = ticket_id
        self.ui = Ui_TicketDetailDialog()
        self.ui.setupUi(self)
        u = self.ui
        u.timeline.setColumnCount(3)
        u.timeline.setHorizontalHeaderLabels([_("When"), _("Who"), _("What")])
        u.timeline.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        u.timeline.verticalHeader().setVisible(False)
        u.moveButton.clicked.connect(self.move_ticket)
        u.assignButton.clicked.connect(self.assign)
        u.noteButton.clicked.connect(self.add_note)
        u.noteEdit.returnPressed.connect(self.add_note)
        u.verifyButton.clicked.connect(self.verify)
        u.respondedButton.clicked.connect(self.responded)
        u.uncertainCheck.clicked.connect(self.set_uncertain)
        u.closeButton.clicked.connect(self.accept)
        u.pullBackButton.clicked.connect(self.pull_back)
        u.printCardButton.clicked.connect(lambda: self.print_document("card"))
        u.printPullbackButton.clicked.connect(lambda: self.print_document("pullback"))
        u.printAgreementButton.clicked.connect(lambda: self.print_document("agreement"))
        u.backButton.clicked.connect(self.back_at_counter)
        u.lendLoanerButton.clicked.connect(self.lend_loaner)
        self.loan_dialog: QDialog | None = None
        self.print_dialog: QDialog | None = None
        self.view: TicketView | None = None

        self.quote_panel = QuotePanel(ctx, ticket_id, self)
        u.billingLayout.addWidget(self.quote_panel)
        self.quote_panel.changed.connect(self._billing_changed)
        self.reload(billing=False)  # the panel has just loaded itself

    def reload(self, billing: bool = True) -> None:
        if billing:
            self.quote_panel.reload()
        view = self.ctx.read(lambda s: load_view(s, self.ticket_id))
        self.view = view
        u = self.ui
        self.setWindowTitle(_("Ticket {number}").format(number=view.number))
        u.factsLabel.setText(view.facts_html)
        u.warrantyLabel.setText(view.warranty_html)
        u.timeline.setRowCount(len(view.events))
        for r, (at, who, text) in enumerate(view.events):
            for c, value in enumerate((at.strftime("%Y-%m-%d %H:%M"), who, text)):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                u.timeline.setItem(r, c, item)
        u.timeline.resizeColumnToContents(0)
        u.timeline.resizeRowsToContents()
        u.moveCombo.clear()
        for target in sorted(states.TRANSITIONS.get(view.state, ()), key=list(states.TRANSITIONS).index):
            u.moveCombo.addItem(states.label(target), target)
        u.moveCombo.setEnabled(u.moveCombo.count() > 0)
        u.moveButton.setEnabled(u.moveCombo.count() > 0)
        u.technicianCombo.clear()
        u.technicianCombo.addItem(_("(nobody)"), None)
        for tid, name in view.technicians:
            u.technicianCombo.addItem(name, tid)
        u.technicianCombo.setCurrentIndex(max(0, u.technicianCombo.findData(view.technician_id)))
        u.uncertainCheck.setChecked(view.uncertain)
        if view.verify_fields:
            u.verifyFieldsLabel.setText(", ".join(fields.field_label(f) for f in view.verify_fields))
            u.verifyFieldsLabel.setStyleSheet("color: #8a6d00;")
        else:
            u.verifyFieldsLabel.setText(_("nothing"))
            u.verifyFieldsLabel.setStyleSheet("")
        u.verifyButton.setEnabled(bool(view.verify_fields))
        u.respondedButton.setVisible(view.awaiting_response)
        where = loaners.location_label(view.where) if view.where else _("no product on this ticket")
        if view.loan_out:
            where += " · " + _("loaner {tag} is out").format(tag=view.loan_out)
        u.whereValueLabel.setText(where)
        u.pullBackButton.setEnabled(bool(view.category) and view.where == loaners.WITH_CUSTOMER
                                    and view.state in states.OPEN)
        u.backButton.setEnabled(view.where == loaners.AT_WORKSHOP)
        u.lendLoanerButton.setEnabled(bool(view.category) and not view.loan_out and view.state in states.OPEN)

    def _billing_changed(self) -> None:
        self.reload(billing=False)
        self.changed.emit(self.ticket_id)

    def _done(self, text: str) -> None:
        self.reload()
        show_inline(self.ui.messageLabel, text, ok=True)
        self.changed.emit(self.ticket_id)

    def move_ticket(self) -> None:
        target = self.ui.moveCombo.currentData()
        if not target:
            return
        note = self.ui.moveNoteEdit.text()
        actor = self.ctx.actor
        if self.ctx.write(lambda s, approver: service.move(s, actor, self.ticket_id, target, note, approver=approver),
                          self, self.ui.messageLabel) is not None:
            self.ui.moveNoteEdit.clear()
            self._done(_("Now {state}.").format(state=states.label(target)))

    def assign(self) -> None:
        tech = self.ui.technicianCombo.currentData()
        actor = self.ctx.actor
        if self.ctx.write(lambda s, _a: service.assign_technician(s, actor, self.ticket_id, tech),
                          self, self.ui.messageLabel) is not None:
            self._done(_("Technician saved."))

    def set_uncertain(self, checked: bool) -> None:
        actor = self.ctx.actor
        if self.ctx.write(lambda s, _a: service.set_uncertain(s, actor, self.ticket_id, checked),
                          self, self.ui.messageLabel) is not None:
            self._done(_("Saved."))

    def add_note(self) -> None:
        text = self.ui.noteEdit.text()
        actor = self.ctx.actor
        if self.ctx.write(lambda s, _a: service.add_note(s, actor, self.ticket_id, text),
                          self, self.ui.messageLabel) is not None:
            self.ui.noteEdit.clear()
            self._done(_("Note added."))

    def verify(self) -> None:
        actor = self.ctx.actor
        if self.ctx.write(lambda s, _a: service.verify(s, actor, self.ticket_id),
                          self, self.ui.messageLabel) is not None:
            self._done(_("Every fact is verified."))

    def responded(self) -> None:
        actor = self.ctx.actor
        if self.ctx.write(lambda s, _a: responses.mark_responded(s, actor, self.ticket_id, _("called the customer back")),
                          self, self.ui.messageLabel) is not None:
            self._done(_("The customer's request is answered."))

    def pull_back(self) -> QDialog | None:
        if self.view is None:
            return None
        dialog = PullBackDialog(self.ctx, self.ticket_id, self.view.category, self.view.accessories, self)
        self.loan_dialog = dialog
        return open_modeless(dialog, lambda: self._done(_("Pulled back to the workshop.")))

    def back_at_counter(self) -> None:
        actor = self.ctx.actor
        if self.ctx.write(lambda s, _a: loaners.back_at_counter(s, actor, self.ticket_id).id,
                          self, self.ui.messageLabel) is not None:
            self._done(_("The product is back at the counter."))

    def lend_loaner(self) -> QDialog | None:
        if self.view is None:
            return None
        dialog = LoanDialog(self.ctx, "lend", self.view.number, due=self.view.promised_return_on, parent=self)
        self.loan_dialog = dialog
        return open_modeless(dialog, lambda: self._done(dialog.done_text))

    def print_document(self, which: str) -> QDialog | None:
        """The feedback card, the pull-back receipt or the loaner agreement of
        this ticket, in the print preview."""
        # Here, not at the top: reportlab loads at the first print, not when the window opens.
        from frontdesk.printing import documents
        from frontdesk.ui.print_preview import preview

        if self.view is None:
            return None
        number = self.view.number
        makers = {
            "card": (_("Feedback card"), lambda s, p: documents.print_feedback_card(s, number, p, layout="a6")),
            "pullback": (_("Pull-back receipt"), lambda s, p: documents.print_pullback(s, number, p)),
            "agreement": (_("Loaner agreement"), lambda s, p: documents.print_agreement(s, number, p)),
        }
        title, make = makers[which]
        self.print_dialog = preview(self.ctx, self, f"{title} {number}", which, f"{which}-{number}.pdf", make,
                                    self.ui.messageLabel)
        return self.print_dialog
