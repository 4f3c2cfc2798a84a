"""A ticket with its timeline, and the next steps the desk can take on it.

The "Next step" box says where the ticket is in the life of a repair and
offers one button per step its state allows (docs/rules.md#the-life-of-a-ticket):
start the diagnosis, book a visit, quote, start the repair (a manager and a
reason when the customer has not approved work out of warranty), wait for
parts, record the repair, mark it ready for pick-up, hand it over, close or
cancel.  Each button says what happens next; the quote and the customer's
answer are in the quote panel."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)
from sqlalchemy.orm import Session, joinedload

from frontdesk import clock, pickup, settings, technicians
from frontdesk.claims import service as claims
from frontdesk.db import driver
from frontdesk.db.models import Ticket
from frontdesk.i18n import _, ngettext
from frontdesk.intake import fields, repairs, responses, service, states, timeline
from frontdesk.intake.preview import ticket_warranty
from frontdesk.intake.warranty import EXCLUSION_REASONS, STATUS_IN, STATUS_LABELS, category_label
from frontdesk.loaners import service as loaners
from frontdesk.money import format_money
from frontdesk.ui.book_visit import BookVisitDialog
from frontdesk.ui.context import AppContext
from frontdesk.ui.correct_dialog import CorrectDialog
from frontdesk.ui.dialogs import open_modeless
from frontdesk.ui.errors import show_inline
from frontdesk.ui.generated.ticket_detail_ui import Ui_TicketDetailDialog
from frontdesk.ui.loan_dialogs import LoanDialog, PullBackDialog
from frontdesk.ui.pickup_dialog import PickupDialog
from frontdesk.ui.qt_support import FocusFollower, fit_to_screen
from frontdesk.ui.quote_panel import QuotePanel
from frontdesk.ui.repair_dialog import RepairDialog

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TicketView:
    """Everything the dialog shows, read in one session."""

    id: int
    number: str
    state: str
    title_html: str  # the number and the state, as a heading
    facts: list[tuple[str, str]]  # (label, value) rows: the channel, the customer, the product, the fault...
    warranty: str  # in or out of warranty, or unknown
    warranty_detail: str  # why, part by part
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
    kind: str = service.REPAIR
    channel: str = service.WALK_IN
    # Work out of warranty the customer has not approved: starting it needs a manager and a reason.
    needs_override: bool = False
    pulled_back: bool = False  # the product was pulled back (now or before): it is at the shop
    ready_at: datetime | None = None
    closed_at: datetime | None = None
    picked_up_at: datetime | None = None
    condition: tuple[str, ...] = ()  # the condition checked with the customer at intake
    condition_note: str = ""
    claim: claims.TicketClaim | None = None  # the maker's order number and the claim to the maker
    claim_text: str = ""

    @property
    def at_shop(self) -> bool:
        """The customer's product is at the shop: it goes back through the pick-up."""
        return bool(self.category) and (self.channel == service.WALK_IN or self.pulled_back)


# The steps the "Next step" box offers, one button each (in this order).
DIAGNOSE, VISIT, CALL_OFF, QUOTE, REPAIR, RECORD, WORK_DONE, PARTS, PARTS_ARRIVED, READY, PICKUP, CLOSE, CANCEL = (
    "diagnose", "visit", "call_off", "quote", "repair", "record", "work_done", "parts", "parts_arrived", "ready",
    "pickup", "close", "cancel")


def steps_for(view: TicketView) -> list[str]:
    """The steps offered for the ticket's state, in the order of the buttons."""
    state, serviced = view.state, view.kind in service.SERVICE_KINDS
    out: list[str] = []
    if state == states.RECEIVED:
        if serviced:
            out += [DIAGNOSE, VISIT, REPAIR]
        if view.kind != service.COMPLAINT:  # a complaint closes with the complaint (Call-backs page)
            out.append(CLOSE)
        out.append(CANCEL)
    elif state == states.SCHEDULED:
        out += [DIAGNOSE, REPAIR, CALL_OFF, CANCEL]
    elif state == states.DIAGNOSING:
        if view.category:
            out.append(QUOTE)
        out.append(REPAIR)
        if view.kind == service.REPAIR:
            out.append(RECORD)  # no fault found, or cannot be repaired
        out += [CLOSE, CANCEL]
    elif state == states.QUOTED:
        out.append(QUOTE)
    elif state == states.APPROVED:
        out.append(REPAIR)
    elif state == states.IN_REPAIR:
        out += [RECORD if view.kind == service.REPAIR else WORK_DONE, PARTS]
    elif state == states.AWAITING_PARTS:
        out.append(PARTS_ARRIVED)
    elif state in (states.REPAIRED, states.DECLINED):
        if view.at_shop:
            out += [READY, PICKUP]
        if not (view.channel == service.WALK_IN and view.category):
            out.append(CLOSE)
    elif state == states.READY:
        out.append(PICKUP)
    return out


def next_step(view: TicketView) -> str:
    """One sentence: where the ticket is and what comes next."""
    state = view.state
    if state == states.RECEIVED:
        if view.kind == service.COMPLAINT:
            return _("A complaint: a manager closes it in the complaints list (Call-backs).")
        if view.kind not in service.SERVICE_KINDS:
            return _("Received: close the ticket once the customer has their answer.")
        if view.channel == service.PHONE:
            return _("Received: book a visit, or start the diagnosis.")
        return _("Received: start the diagnosis.")
    if state == states.SCHEDULED:
        return _("Visit booked: start the diagnosis on the visit, or call the visit off.")
    if state == states.DIAGNOSING:
        if view.needs_override:
            text = _("Being diagnosed: quote the repair for the customer to approve (Quote and payments). Out of "
                     "warranty, the repair starts after the customer's approval, or on a manager's word with a reason.")
        else:
            text = _("Being diagnosed: in warranty, start the repair; quote whatever is charged.")
        if view.kind == service.REPAIR:
            text += " " + _("If there is nothing to repair, record it: no fault found, or cannot be repaired.")
        return text
    if state == states.QUOTED:
        return _("Quoted: waiting for the customer's answer (Quote and payments).")
    if state == states.APPROVED:
        return _("The customer approved the quote: start the repair.")
    if state == states.IN_REPAIR:
        if view.kind == service.REPAIR:
            return _("In repair: record the repair when the work is done, or mark it waiting for parts.")
        return _("In progress: mark the work done, or waiting for parts.")
    if state == states.AWAITING_PARTS:
        return _("Waiting for parts: when they arrive, the repair goes on.")
    if state in (states.REPAIRED, states.DECLINED):
        head = _("Repaired.") if state == states.REPAIRED else _("The customer declined the quote.")
        if not view.at_shop:
            return head + " " + _("Close the ticket.")
        if view.where == loaners.AT_WORKSHOP:
            return head + " " + _("The product is at the workshop: once it is back at the counter it is ready for "
                                  "pick-up.")
        return head + " " + _("Mark it ready for pick-up (the customer is called), or hand it over now (Pick-up).")
    if state == states.READY:
        since = view.ready_at.strftime("%Y-%m-%d") if view.ready_at else ""
        return _("Ready for pick-up since {day}: hand it over when the customer comes (Pick-up).").format(day=since)
    if state == states.CLOSED:
        if view.picked_up_at is not None:
            return _("Picked up by the customer on {day}: the ticket is closed.").format(
                day=view.picked_up_at.strftime("%Y-%m-%d"))
        return _("Closed on {day}.").format(day=view.closed_at.strftime("%Y-%m-%d") if view.closed_at else "")
    if state == states.CANCELLED:
        return _("Cancelled: nothing more to do.")
    return states.label(state)


def claim_text(tc: claims.TicketClaim, currency: str) -> str:
    """One line on the maker: its order number, the claim's state, amount
    and deadline, and the old parts it wants back."""
    parts = [_("maker's order {number}").format(number=tc.maker_order_no) if tc.maker_order_no
             else _("no maker's order number")]
    if tc.number:
        parts.append(_("claim {number} to {maker}: {state}, {amount}").format(
            number=tc.number, maker=tc.maker_code, state=claims.state_label(tc.state).lower(),
            amount=format_money(tc.amount_claimed or 0, currency)))
        if tc.state == claims.DRAFTED and tc.claim_due is not None:
            due = _("submit by {due}").format(due=tc.claim_due.isoformat())
            if tc.flag == claims.LATE:
                due += " " + _("(late)")
            elif tc.flag == claims.DUE_SOON:
                due += " " + _("(due soon)")
            parts.append(due)
        if tc.level_missing:
            parts.append(_("repair level missing"))
        if tc.tags:
            parts.append(ngettext("{n} old part goes back", "{n} old parts go back", tc.tags).format(n=tc.tags))
    return " · ".join(parts)


# What the dialog shows of the ticket itself, loaded with it in one
# statement: the customer and the product.  The timeline is read on its own
# on the driver's cursor (:func:`frontdesk.intake.timeline.lines`): joined
# here, its rows each carried the ticket, customer and product again, and
# SQLAlchemy's making of them cost 1-2 ms on PostgreSQL (docs/performance.md).
SHOWN = (joinedload(Ticket.customer), joinedload(Ticket.product))


def read_ticket(session: Session, ticket_id: int) -> Ticket:
    """The ticket with what the dialog shows of it.  Its caller keeps it
    referenced while the rest is read: the session holds its rows weakly,
    and the services that read the ticket, its customer or its product
    again then find them there instead of asking the database."""
    return service.get_ticket(session, ticket_id, options=SHOWN)


def load_view(session: Session, ticket_id: int) -> TicketView:
    return view_of(session, read_ticket(session, ticket_id))


@dataclass(frozen=True)
class _Has:
    repair: bool
    pullback: bool
    loan: bool
    claim: bool
    earlier_repair_days: int | None  # the product's days in repair on its earlier tickets (None: no product)


# Whether the ticket has a repair record, a pull-back, a loaner out and a
# claim, and its product's days in repair on its earlier tickets (:p is NULL
# when it has no product: no rows, a sum of 0, which the caller does not use).
_HAS = """SELECT
 EXISTS (SELECT 1 FROM repair_records WHERE ticket_id = :t),
 EXISTS (SELECT 1 FROM pullbacks WHERE ticket_id = :t),
 EXISTS (SELECT 1 FROM loans WHERE ticket_id = :t AND returned_at IS NULL),
 EXISTS (SELECT 1 FROM claims WHERE ticket_id = :t),
 (SELECT COALESCE(SUM(repair_days), 0) FROM tickets WHERE product_id = :p AND id < :t)"""


def _has(session: Session, t: Ticket) -> _Has:
    """Whether the ticket has a repair record, a pull-back, a loaner out and
    a claim, and its product's days in repair before it, in one statement:
    each is then read only when there is one (most tickets have none of the
    four, which were four statements, and the days a fifth).  Run on the
    driver's cursor: built as SQLAlchemy's expression each time, it cost
    three times its round trip on PostgreSQL (docs/performance.md)."""
    (repair, pullback, loan, claim, days), = driver.rows(session, _HAS, {"t": t.id, "p": t.product_id})
    return _Has(bool(repair), bool(pullback), bool(loan), bool(claim),
                None if t.product_id is None else int(days))


def view_of(session: Session, t: Ticket) -> TicketView:
    """Everything the dialog shows of ``t`` (read with :func:`read_ticket`)."""
    c = t.customer
    p = t.product
    rows = [
        (_("Channel"), f"{_(service.CHANNELS[t.channel])} · {_(service.KINDS[t.kind])}"),
        (_("Taken"), t.intake_at.strftime("%Y-%m-%d %H:%M")),
        (_("Customer"), f"{c.name}  {c.phone_display or c.phone}"),
        (_("Address"), " ".join(x for x in (t.area, t.address) if x) or "—"),
    ]
    if p is not None:
        rows += [
            (_("Product"), " ".join(x for x in (category_label(p.category), p.brand, p.model) if x)),
            (_("Serial no."), p.serial or "—"),
            (_("Purchase date"), p.purchase_date.isoformat() if p.purchase_date else "—"),
        ]
    rows += [
        (_("Fault"), t.fault or "—"),
        (_("Request"), t.request or "—"),
    ]
    if t.accessories:
        rows.append((_("Accessories"), ", ".join(map(service.accessory_label, t.accessories))))
    if t.condition or t.condition_note:
        labels = [_(service.CONDITION_LABELS.get(k, k)) for k in t.condition]
        rows.append((_("Condition"), ", ".join(labels + ([t.condition_note] if t.condition_note else []))))
    if t.passcode_given:
        rows.append((_("Passcode"), _("given")))
    if t.respond_by and not t.responded_at:
        rows.append((_("Answer by"), t.respond_by.strftime("%Y-%m-%d %H:%M")))
    if t.prior_repairs_same_fault:
        rows.append((_("Earlier repairs"), str(t.prior_repairs_same_fault)))
    if t.repeat_of_id:
        rows.append((_("Repeat repair"), _("failed again within 30 days of a repair")))
    has = _has(session, t)
    techs = technicians.technician_names(session)
    repair = repairs.repair_of(session, t.id) if has.repair else None
    if repair is not None:
        done = _("{action}: {fault}").format(action=repair.action_label, fault=repair.fault_label)
        if repair.parts:
            done += " (" + ", ".join(p.part_no for p in repair.parts) + ")"
        rows.append((_("Repair"), done))
    title = f"<h2 style='margin:0'>{html.escape(t.number)} — {html.escape(states.label(t.state))}</h2>"
    status = ticket_warranty(session, t, earlier_repair_days=has.earlier_repair_days)
    if status is None:
        warranty, warranty_detail = _("No product on this ticket."), ""
    else:
        warranty = _(STATUS_LABELS[status.overall])
        details = [status.summary, *(f"  • {ln.label}: {ln.reason}" for ln in status.lines)]
        if t.warranty_exclusion:
            details.append(_(EXCLUSION_REASONS.get(t.warranty_exclusion, t.warranty_exclusion)))
        warranty_detail = "\n".join(details)
    events = timeline.lines(session, t.id)
    last_pb = loaners.last_pullback(session, t.id) if has.pullback else None
    pb = last_pb if last_pb is not None and last_pb.handed_back_at is None else None  # the open one
    where = loaners.location(pb) if p is not None else ""
    loan = loaners.open_loan_of_ticket(session, t.id) if has.loan else None
    claim = claims.ticket_claim(session, t.id, clock.now().date()) if has.claim else claims.TicketClaim(
        t.maker_order_no)
    return TicketView(
        id=t.id, number=t.number, state=t.state, title_html=title, facts=rows, warranty=warranty,
        warranty_detail=warranty_detail,
        verify_fields=list(t.verify_fields or []), technician_id=t.technician_id,
        uncertain=t.technician_uncertain,
        awaiting_response=t.respond_by is not None and t.responded_at is None and t.state in states.OPEN,
        where=where, loan_out=loan.unit.tag if loan is not None else "", category=p.category if p else "",
        accessories=list(t.accessories or []), condition=tuple(t.condition or ()), condition_note=t.condition_note or "",
        promised_return_on=pb.promised_return_on if pb is not None else None,
        events=events, technicians=techs, kind=t.kind, channel=t.channel,
        needs_override=t.state in states.BEFORE_APPROVAL and t.warranty_status != STATUS_IN,
        pulled_back=last_pb is not None,
        ready_at=t.ready_at, closed_at=t.closed_at, picked_up_at=t.picked_up_at,
        claim=claim, claim_text=claim_text(claim, str(settings.get(session, "currency"))),
    )


FACT_WRAP_PX = 240  # a fact wider than this wraps: narrower than the facts' column at the smallest dialog


def _restyle(widget: QWidget, sheet: str) -> None:
    """Set ``sheet`` when it changes: setting a style sheet, even the same
    one, restyles the widget."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


class TicketDetailDialog(QDialog):
    """Emits ``changed(ticket_id)`` after every saved step."""

    changed = Signal(int)

    def __init__(self, ctx: AppContext, ticket_id: int | None, parent: QWidget | None = None) -> None:
        """``ticket_id`` None makes the dialog without a ticket (a spare made
        ahead, see :class:`SpareDetail`): :meth:`bind` gives it one."""
        super().__init__(parent)
        self.ctx = ctx
        self.ticket_id = 0  # no ticket yet: bind() gives the one it shows
        self.ui = Ui_TicketDetailDialog()
        self.ui.setupUi(self)
        self.designed_size = self.size()  # the form's: a spare shown off the screen while empty is put back to it
        u = self.ui
        u.timeline.setColumnCount(3)
        u.timeline.setHorizontalHeaderLabels([_("When"), _("Who"), _("What")])
        u.timeline.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        u.timeline.verticalHeader().setVisible(False)
        self.step_buttons: dict[str, QPushButton] = {
            DIAGNOSE: u.diagnoseButton, VISIT: u.visitButton, CALL_OFF: u.callOffButton, QUOTE: u.quoteButton,
            REPAIR: u.repairButton, RECORD: u.recordButton, WORK_DONE: u.workDoneButton, PARTS: u.partsButton,
            PARTS_ARRIVED: u.partsArrivedButton, READY: u.readyButton, PICKUP: u.pickupButton,
            CLOSE: u.closeTicketButton, CANCEL: u.cancelTicketButton,
        }
        u.diagnoseButton.clicked.connect(lambda: self.move_to(states.DIAGNOSING, _("The diagnosis started.")))
        u.visitButton.clicked.connect(self.book_visit)
        u.callOffButton.clicked.connect(
            lambda: self.move_to(states.RECEIVED, _("The visit is called off: the request is back to received.")))
        u.quoteButton.clicked.connect(lambda: u.tabs.setCurrentWidget(u.billingTab))
        u.repairButton.clicked.connect(self.start_repair)
        u.partsButton.clicked.connect(lambda: self.move_to(states.AWAITING_PARTS, _("Waiting for parts.")))
        u.partsArrivedButton.clicked.connect(
            lambda: self.move_to(states.IN_REPAIR, _("The parts arrived: the repair goes on.")))
        u.recordButton.clicked.connect(self.record_repair)
        u.workDoneButton.clicked.connect(lambda: self.move_to(states.REPAIRED, _("The work is done.")))
        u.readyButton.clicked.connect(self.mark_ready)
        u.pickupButton.clicked.connect(self.pick_up)
        u.closeTicketButton.clicked.connect(lambda: self.move_to(states.CLOSED, _("The ticket is closed.")))
        u.cancelTicketButton.clicked.connect(self.cancel)
        u.stepNoteEdit.returnPressed.connect(self._step_enter)
        u.assignButton.clicked.connect(self.assign)
        u.noteButton.clicked.connect(self.add_note)
        u.noteEdit.returnPressed.connect(self.add_note)
        u.verifyButton.clicked.connect(self.verify)
        self.correctButton = QPushButton(_("Correct &facts…"), self)  # beside Verify: the same dialog
        self.correctButton.setToolTip(_("Correct the customer, the product's facts, the fault or the request"))
        u.verifyLayout.addWidget(self.correctButton)
        self.correctButton.clicked.connect(lambda: self.correct())
        self.correct_dialog: CorrectDialog | None = None
        u.respondedButton.clicked.connect(self.responded)
        u.uncertainCheck.clicked.connect(self.set_uncertain)
        u.closeButton.clicked.connect(self.accept)
        u.pullBackButton.clicked.connect(self.pull_back)
        u.printCardButton.clicked.connect(lambda: self.print_document("card"))
        u.printPullbackButton.clicked.connect(lambda: self.print_document("pullback"))
        u.printAgreementButton.clicked.connect(lambda: self.print_document("agreement"))
        u.printPickupButton.clicked.connect(lambda: self.print_document("pickup"))
        u.backButton.clicked.connect(self.back_at_counter)
        u.lendLoanerButton.clicked.connect(self.lend_loaner)
        u.makerOrderButton.clicked.connect(lambda: self.set_maker_order_no())
        # Two lines kept for the maker's line: a tab page does not grow to the height its wrapped text needs.
        u.claimValueLabel.setMinimumHeight(2 * u.claimValueLabel.fontMetrics().lineSpacing() + 2)
        u.claimTagsButton.clicked.connect(lambda: self.print_tags())
        self.loan_dialog: QDialog | None = None
        self.step_dialog: QDialog | None = None  # the visit, repair record or pick-up dialog open now
        self.print_dialog: QDialog | None = None
        self.view: TicketView | None = None

        # The quote and payments are made when their tab is first shown (or
        # asked for): the dialog opens on the timeline, and a panel it does not
        # show would be built, read, laid out and polished for nothing
        # (docs/performance.md#opening-a-ticket).
        self._quote_panel: QuotePanel | None = None
        u.tabs.currentChanged.connect(self._tab_shown)
        if ticket_id is not None:
            self.bind(ticket_id)

    def bind(self, ticket_id: int) -> None:
        """Show ``ticket_id``: once, on a dialog made without a ticket."""
        if self.ticket_id:
            raise RuntimeError(f"ticket dialog already shows ticket {self.ticket_id}")
        self.ticket_id = ticket_id
        self.reload()
        if self.size() != self.designed_size:  # a spare, shown off the screen while it held no ticket
            self.resize(self.designed_size)
        fit_to_screen(self)

    @property
    def quote_panel(self) -> QuotePanel:
        """The quote and payments panel, made and read on first use."""
        if self._quote_panel is None:
            u = self.ui
            panel = self._quote_panel = QuotePanel(self.ctx, self.ticket_id, self, load=False)
            u.billingLayout.addWidget(panel)
            self._keep_quote_buttons_in_view()
            FocusFollower(u.billingScroll)  # the quote and payments scroll when the dialog is small
            panel.show_facts(self.ctx.read(panel.load))
            # Shown now, not at the next turn of the event loop (it may be made while the dialog is
            # shown), and once filled: a list box takes its width from what it holds when first shown.
            panel.show()
            panel.changed.connect(self._billing_changed)
        return self._quote_panel

    def _tab_shown(self, index: int) -> None:
        if self.ui.tabs.widget(index) is self.ui.billingTab:
            self.quote_panel  # noqa: B018 (made on first use)

    def _keep_quote_buttons_in_view(self) -> None:
        """The quote's buttons (make it, the customer's answer) in a row
        below the scroll, always in view: inside it, at 1366x768 they sat
        below the fold (docs/architecture.md#forms)."""
        p, u = self.quote_panel.ui, self.ui
        bar = QWidget(u.billingTab)
        bar.setObjectName("quoteButtonBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 4, 0, 0)
        for button in (p.makeQuoteButton, p.approveButton, p.phoneApproveButton, p.declineButton):
            p.quoteButtons.removeWidget(button)
            row.addWidget(button)
        row.addStretch(1)
        u.billingTabLayout.addWidget(bar)
        bar.show()

    def reload(self, billing: bool = True) -> None:
        """Read the ticket (and, with ``billing``, the quote panel's facts
        once the panel is made) in one read session, then show them."""
        panel = self._quote_panel if billing else None

        def read(s: Session) -> tuple[TicketView, dict[str, object] | None]:
            ticket = read_ticket(s, self.ticket_id)  # held until the panel has read too
            return view_of(s, ticket), panel.load(s) if panel is not None else None

        view, facts = self.ctx.glance(read)  # shown again after every step: no transaction for it
        if panel is not None and facts is not None:
            panel.show_facts(facts)
        self.view = view
        u = self.ui
        self.setWindowTitle(_("Ticket {number}").format(number=view.number))
        u.factsLabel.setText(view.title_html)
        self._show_facts(view.facts)
        u.warrantyLabel.setText(view.warranty)
        u.warrantyDetailLabel.setText(view.warranty_detail)
        u.timeline.setRowCount(len(view.events))
        for r, (at, who, text) in enumerate(view.events):
            for c, value in enumerate((at.strftime("%Y-%m-%d %H:%M"), who, text)):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                u.timeline.setItem(r, c, item)
        u.timeline.resizeColumnToContents(0)
        u.timeline.resizeRowsToContents()
        self._show_steps(view)
        u.technicianCombo.clear()
        u.technicianCombo.addItem(_("(nobody)"), None)
        for tid, name in view.technicians:
            u.technicianCombo.addItem(name, tid)
        u.technicianCombo.setCurrentIndex(max(0, u.technicianCombo.findData(view.technician_id)))
        u.uncertainCheck.setChecked(view.uncertain)
        if view.verify_fields:
            u.verifyFieldsLabel.setText(", ".join(fields.field_label(f) for f in view.verify_fields))
        else:
            u.verifyFieldsLabel.setText(_("nothing"))
        _restyle(u.verifyFieldsLabel, "color: #8a6d00;" if view.verify_fields else "")
        u.verifyButton.setEnabled(bool(view.verify_fields))
        u.respondedButton.setVisible(view.awaiting_response)
        where = loaners.location_label(view.where) if view.where else _("no product on this ticket")
        if view.where == loaners.WITH_CUSTOMER and view.channel == service.WALK_IN and view.picked_up_at is None \
                and view.state not in states.FINAL:
            where = _("At the shop: handed in at the counter")  # a walk-in's product stays until it is picked up
        if view.loan_out:
            where += " · " + _("loaner {tag} is out").format(tag=view.loan_out)
        u.whereValueLabel.setText(where)
        u.pullBackButton.setEnabled(bool(view.category) and view.where == loaners.WITH_CUSTOMER
                                    and view.state in states.OPEN)
        u.backButton.setEnabled(view.where == loaners.AT_WORKSHOP)
        u.lendLoanerButton.setEnabled(bool(view.category) and not view.loan_out and view.state in states.OPEN)
        u.printPickupButton.setEnabled(view.picked_up_at is not None)
        has_maker = bool(view.category) or bool(view.claim and view.claim.maker_order_no)
        for widget in (u.claimLabel, u.claimValueLabel, u.makerOrderButton, u.claimTagsButton):
            widget.setVisible(has_maker)
        u.claimValueLabel.setText(view.claim_text)
        _restyle(u.claimValueLabel, "color: #b00020;" if view.claim and view.claim.flag == claims.LATE else
                 "color: #a15c00;" if view.claim and view.claim.flag == claims.DUE_SOON else "")
        u.claimTagsButton.setEnabled(bool(view.claim and view.claim.tags))

    def _show_facts(self, facts: list[tuple[str, str]]) -> None:
        """The facts as a form of plain labels: a rich-text table in one
        word-wrapped label was laid out again for every width the dialog's
        layout tried (half of the time to the first paint).  The rows already
        there are given the new texts (a spare dialog makes them ahead)."""
        form = self.ui.factsForm
        metrics = self.fontMetrics()
        for row, (label, value) in enumerate(facts):
            if row == form.rowCount():
                self._add_fact_rows(1)
            name = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            shown = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
            assert isinstance(name, QLabel) and isinstance(shown, QLabel)
            name.setText(label)
            shown.setText(value)
            # Only a value that may not fit on its line wraps: a word-wrapped label is laid out again for
            # every width tried, and most values (a name, a date, a serial) are short.
            shown.setWordWrap("\n" in value or metrics.horizontalAdvance(value) > FACT_WRAP_PX)
        while form.rowCount() > len(facts):
            form.removeRow(form.rowCount() - 1)

    def _add_fact_rows(self, count: int) -> None:
        form = self.ui.factsForm
        muted = QPalette(self.palette())  # a colour, not a style sheet: each one would restyle its label
        muted.setColor(QPalette.ColorRole.WindowText, QColor("#555555"))
        for _n in range(count):
            name = QLabel()
            name.setPalette(muted)
            shown = QLabel()
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(name, shown)

    def facts_text(self) -> str:
        """The facts as the clerk reads them, a "label: value" line each."""
        form = self.ui.factsForm
        lines = []
        for row in range(form.rowCount()):
            name = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            shown = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
            if isinstance(name, QLabel) and isinstance(shown, QLabel):
                lines.append(f"{name.text()}: {shown.text()}")
        return "\n".join(lines)

    def _show_steps(self, view: TicketView) -> None:
        """The sentence saying what comes next, and a button for each step offered."""
        u = self.ui
        u.nextLabel.setText(f"<b>{html.escape(next_step(view), quote=False)}</b>")
        offered = steps_for(view)
        for key, button in self.step_buttons.items():
            button.setVisible(key in offered)
            button.setEnabled(True)
            button.setToolTip("")
        u.quoteButton.setText(_("The customer's &answer…") if view.state == states.QUOTED else _("&Quote…"))
        if view.needs_override:
            u.repairButton.setText(_("Start &repair (manager)…"))
            u.repairButton.setToolTip(_("The customer has not approved work out of warranty: a manager approves, "
                                        "and the step note says why."))
        else:
            u.repairButton.setText(_("Start &repair"))
        if view.where == loaners.AT_WORKSHOP and view.state != states.READY:
            for button in (u.readyButton, u.pickupButton):
                button.setEnabled(False)
                button.setToolTip(_("The product is still at the workshop: mark it back at the counter first."))
        u.stepNoteEdit.setEnabled(bool(offered))
        u.stepNoteEdit.setPlaceholderText(
            _("why the work starts before the customer approved (required)")
            if view.needs_override and REPAIR in offered else _("note for the step (optional)"))

    def _billing_changed(self) -> None:
        # What the last step said is stale once the quote or a payment changed the ticket.
        self.ui.messageLabel.clear()
        self.reload(billing=False)
        self.changed.emit(self.ticket_id)

    def _done(self, text: str) -> None:
        self.reload()
        show_inline(self.ui.messageLabel, text, ok=True)
        self.changed.emit(self.ticket_id)

    # ---- the steps ------------------------------------------------------------------

    def move_to(self, target: str, done_text: str) -> bool:
        """Move the ticket (with the step note); a manager is asked when the
        service says so."""
        note = self.ui.stepNoteEdit.text()
        actor = self.ctx.actor
        if self.ctx.write(lambda s, approver: service.move(s, actor, self.ticket_id, target, note,
                                                           approver=approver).id,
                          self, self.ui.messageLabel) is None:
            return False
        self.ui.stepNoteEdit.clear()
        self._done(done_text)
        return True

    def start_repair(self) -> bool:
        """Work the customer has not approved (out of warranty) starts only on
        a manager's word, with the reason in the step note."""
        u = self.ui
        if self.view is not None and self.view.needs_override and not u.stepNoteEdit.text().strip():
            show_inline(u.messageLabel, _("The customer has not approved work out of warranty: write in the step "
                                          "note why it starts now, then a manager approves."))
            u.stepNoteEdit.setFocus()
            return False
        return self.move_to(states.IN_REPAIR, _("The repair started."))

    def _step_enter(self) -> None:
        """Enter in the step note: the one step offered, when there is only one."""
        shown = [b for b in self.step_buttons.values() if not b.isHidden() and b.isEnabled()]
        if len(shown) == 1:
            shown[0].click()

    def mark_ready(self) -> bool:
        note, actor = self.ui.stepNoteEdit.text(), self.ctx.actor
        if self.ctx.write(lambda s, _a: pickup.mark_ready(s, actor, self.ticket_id, note).id,
                          self, self.ui.messageLabel) is None:
            return False
        self.ui.stepNoteEdit.clear()
        self._done(_("Ready for pick-up: the customer will be called to collect it."))
        return True

    def cancel(self) -> bool:
        if self.view is None:
            return False
        answer = QMessageBox.question(self, _("Cancel ticket"), _(
            "Cancel ticket {number}? A cancelled ticket cannot be reopened.").format(number=self.view.number))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.move_to(states.CANCELLED, _("The ticket is cancelled."))

    def book_visit(self) -> QDialog:
        dialog = BookVisitDialog(self.ctx, self.ticket_id, self)
        self.step_dialog = dialog
        return open_modeless(dialog, lambda: self._done(dialog.done_text))

    def record_repair(self) -> QDialog:
        """The repair record; when it drafts a claim whose maker wants old
        parts back, their tags come up to print at once (they go on the parts
        at the bench)."""
        dialog = RepairDialog(self.ctx, self.ticket_id, self)
        self.step_dialog = dialog
        tagged_before = bool(self.view and self.view.claim and self.view.claim.tags)

        def recorded() -> None:
            self._done(dialog.done_text)
            if not tagged_before and self.view is not None and self.view.claim and self.view.claim.tags:
                self.print_tags()

        return open_modeless(dialog, recorded)

    def set_maker_order_no(self, number: str | None = None) -> bool:
        """Type (or correct) the maker's service order number; it goes on the claim too."""
        if number is None:
            current = self.view.claim.maker_order_no if self.view and self.view.claim else ""
            number, ok = QInputDialog.getText(self, _("Maker's service order number"),
                                              _("The service order number the maker gave this job:"), text=current)
            if not ok:
                return False
        actor = self.ctx.actor
        now = clock.now()
        if self.ctx.write(lambda s, _a: claims.set_maker_order_no(s, actor, self.ticket_id, number, now),
                          self, self.ui.messageLabel) is None:
            return False
        self._done(_("Maker's service order number saved."))
        return True

    def print_tags(self) -> QDialog | None:
        """The old-part tags of this ticket's claim, in the print preview."""
        # Here, not at the top: reportlab loads at the first print, not when the window opens.
        from frontdesk.printing import oldparts as oldparts_paper
        from frontdesk.ui.print_preview import preview

        if self.view is None:
            return None
        number = self.view.number
        self.print_dialog = preview(self.ctx, self, _("Old part tags of ticket {number}").format(number=number),
                                    "labels", f"old-part-tags-{number}.pdf",
                                    lambda s, p: oldparts_paper.print_old_part_tags(s, p, ticket_number=number),
                                    self.ui.messageLabel)
        return self.print_dialog

    def pick_up(self) -> QDialog:
        """The pick-up dialog; it stays open after the hand-over to print the receipt."""
        dialog = PickupDialog(self.ctx, self.ticket_id, self)
        dialog.changed.connect(self._done)
        self.step_dialog = dialog
        dialog.open()
        return dialog

    # ---- the rest of the ticket ----------------------------------------------------------

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

    def verify(self) -> CorrectDialog:
        """The correction dialog with the facts to verify highlighted: saving
        records the values seen (and corrects what differs)."""
        return self.correct(verifying=True)

    def correct(self, *, verifying: bool = False) -> CorrectDialog:
        dialog = CorrectDialog(self.ctx, self.ticket_id, verifying, self)
        self.correct_dialog = dialog
        return open_modeless(dialog, lambda: self._done(dialog.done_text))

    def responded(self) -> None:
        actor = self.ctx.actor
        if self.ctx.write(lambda s, _a: responses.mark_responded(s, actor, self.ticket_id, _("called the customer back")),
                          self, self.ui.messageLabel) is not None:
            self._done(_("The customer's request is answered."))

    def pull_back(self) -> QDialog | None:
        if self.view is None:
            return None
        dialog = PullBackDialog(self.ctx, self.ticket_id, self.view.category, self.view.accessories, self,
                                condition=self.view.condition, condition_note=self.view.condition_note)
        self.loan_dialog = dialog
        return open_modeless(dialog, lambda: self._done(_("Pulled back to the workshop.")))

    def back_at_counter(self) -> None:
        actor = self.ctx.actor
        state = self.ctx.write(lambda s, _a: loaners.back_at_counter(s, actor, self.ticket_id).ticket.state,
                               self, self.ui.messageLabel)
        if state == states.READY:
            self._done(_("The product is back at the counter: ready for pick-up (the customer will be called)."))
        elif state is not None:
            self._done(_("The product is back at the counter."))

    def lend_loaner(self) -> QDialog | None:
        if self.view is None:
            return None
        dialog = LoanDialog(self.ctx, "lend", self.view.number, due=self.view.promised_return_on, parent=self)
        self.loan_dialog = dialog
        return open_modeless(dialog, lambda: self._done(dialog.done_text))

    def print_document(self, which: str) -> QDialog | None:
        """The feedback card, the pull-back receipt, the loaner agreement or the
        pick-up receipt of this ticket, in the print preview."""
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
            "pickup": (_("Pick-up receipt"), lambda s, p: documents.print_pickup(s, number, p)),
        }
        title, make = makers[which]
        self.print_dialog = preview(self.ctx, self, f"{title} {number}", which, f"{which}-{number}.pdf", make,
                                    self.ui.messageLabel)
        return self.print_dialog


SPARE_AFTER_MS = 400  # the next spare is made this long after one is taken: after the dialog's first paint
SPARE_FACT_ROWS = 12  # the facts' rows a spare makes ahead: most tickets show 9 to 13


class SpareDetail(QObject):
    """One ticket dialog made ahead, while the clerk does something else.

    Opening a ticket is then reading and painting it: the dialog's widgets,
    its platform window and its style were made before the clerk asked
    (docs/performance.md#opening-a-ticket).  Each spare shows one ticket and
    is never reused; the next one is made a moment after it is taken."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.owner = parent
        self.spare: TicketDetailDialog | None = None

    def prepare(self) -> None:
        """Make the spare now, when there is none."""
        if self.spare is None:
            dialog = TicketDetailDialog(self.ctx, None, self.owner)
            for button in dialog.step_buttons.values():  # as most tickets have them: a few shown at bind
                button.hide()
            # Shown once off the screen: its platform window, backing store, polish and first layout are
            # made now, not when the clerk opens a ticket.
            dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            dialog.show()
            QCoreApplication.sendPostedEvents(dialog)  # its layout requests, as the event loop would
            dialog.hide()
            dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
            # The facts' rows, made after: shown empty, their sizes stayed those of no text (on X11, where the
            # off-screen show lays them out; tests/ui/test_ui_ticket_open.py compares).
            dialog._add_fact_rows(SPARE_FACT_ROWS)
            dialog.ui.factsWidget.ensurePolished()
            self.spare = dialog

    def prepare_later(self, ms: int = SPARE_AFTER_MS) -> None:
        QTimer.singleShot(ms, self, self.prepare)

    def take(self, ticket_id: int) -> TicketDetailDialog:
        """A dialog showing ``ticket_id``: the spare when there is one (made
        again later), a new one otherwise."""
        dialog, self.spare = self.spare, None
        if dialog is None:
            dialog = TicketDetailDialog(self.ctx, None, self.owner)
        dialog.bind(ticket_id)
        self.prepare_later()
        return dialog

    def drop(self) -> None:
        """Throw the spare away (the language changed: it speaks the old one)."""
        if self.spare is not None:
            self.spare.deleteLater()
            self.spare = None
