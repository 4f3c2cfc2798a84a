"""The claims to the makers (docs/rules.md#claims-to-the-makers): by maker
and by what to do, the oldest deadline first; a claim late for submission
red, one due within days orange.  Enter or a double click opens its
ticket; "Submitted…" records the maker's claim number.  The totals are of
the claims shown, as the workbook's ``claims`` sheet adds them up."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import clock, settings
from frontdesk.billing.pricing import LEVELS
from frontdesk.claims import service, settlements
from frontdesk.claims.models import Maker
from frontdesk.errors import ValidationError
from frontdesk.i18n import N_, _, ngettext
from frontdesk.money import ZERO, format_money
from frontdesk.printing import claims_statement as statement_paper
from frontdesk.printing import oldparts as oldparts_paper
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import show_inline
from frontdesk.ui.generated.claims_ui import Ui_ClaimsScreen
from frontdesk.ui.old_parts_dialog import OldPartsDialog
from frontdesk.ui.print_preview import PrintPreviewDialog, preview
from frontdesk.ui.row_table import LATE, SOON, RowTableModel, attach
from frontdesk.ui.settlement_dialog import SettlementDialog

log = logging.getLogger(__name__)

COLUMNS = (("number", N_("Claim")), ("ticket", N_("Ticket")), ("maker", N_("Maker")), ("state", N_("State")),
           ("repaired", N_("Repaired on")), ("due", N_("Claim by")), ("flag", N_("Deadline")),
           ("claimed", N_("Claimed")), ("paid", N_("Paid")), ("short", N_("Short")), ("appeal", N_("Appeal by")),
           ("maker_no", N_("Maker's claim")))
FLAGS = {service.LATE: N_("late"), service.DUE_SOON: N_("due soon")}
# What the "Show" list offers: (key, title); a claim state shows the claims in it.
OPEN, TO_ACT, TO_APPEAL, EVERY = "open", "to_act", "to_appeal", "all"
SHOWS: tuple[tuple[str, str], ...] = (
    (OPEN, N_("Open claims (not yet settled)")),
    (TO_ACT, N_("Late or due soon")),
    (TO_APPEAL, N_("To appeal (before the deadline)")),
    (EVERY, N_("Every claim")),
)
CLOSED = frozenset({service.SETTLED})


class ClaimsScreen(QWidget):
    """Emits ``open_requested(ticket_id)``."""

    open_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.currency = "CNY"
        self.ui = Ui_ClaimsScreen()
        self.ui.setupUi(self)
        u = self.ui
        self.model = RowTableModel(COLUMNS, self._text, self._brush, self,
                                   right_aligned=frozenset({"claimed", "paid", "short"}))
        attach(u.table, self.model)
        for key, title in SHOWS:
            u.stateCombo.addItem(_(title), key)
        for state in service.STATES:
            u.stateCombo.addItem(service.state_label(state), state)
        u.table.activated.connect(lambda _i: self.open_ticket())  # Enter or a double click
        u.openButton.clicked.connect(self.open_ticket)
        u.refreshButton.clicked.connect(self.refresh)
        u.submitButton.clicked.connect(lambda: self.submit())
        u.levelButton.clicked.connect(lambda: self.set_level())
        u.appealButton.clicked.connect(lambda: self.appeal())
        u.closeButton.clicked.connect(lambda: self.close_claim())
        u.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._enable_acts())
        u.tagsButton.clicked.connect(lambda: self.print_tags())
        u.oldPartsButton.clicked.connect(lambda: self.old_parts())
        self.print_dialog: PrintPreviewDialog | None = None
        u.settlementButton.clicked.connect(lambda: self.import_settlement().open())
        u.statementButton.clicked.connect(lambda: self.print_statement())
        self.fill_makers()
        u.makerCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        u.stateCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def fill_makers(self) -> None:
        makers = self.ctx.read(lambda s: [(m.code, m.name) for m in s.scalars(select(Maker).order_by(Maker.code))])
        combo = self.ui.makerCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_("Every maker"), "")
        for code, name in makers:
            combo.addItem(f"{code} · {name}", code)
        combo.blockSignals(False)

    def _money(self, amount: Decimal | None) -> str:
        return "" if amount is None else format_money(amount, self.currency)

    def _text(self, row: service.ClaimRow, key: str) -> str:
        texts = {
            "number": row.number, "ticket": row.ticket_number, "maker": row.maker_code,
            "state": service.state_label(row.state), "repaired": row.repaired_on.isoformat(),
            "due": row.claim_due.isoformat(), "flag": _(FLAGS[row.flag]) if row.flag in FLAGS else "",
            "claimed": self._money(row.amount_claimed), "paid": self._money(row.amount_paid),
            "short": self._money(row.short) if row.amount_paid is not None and row.state != service.REJECTED else "",
            "appeal": row.appeal_due.isoformat() if row.appeal_due else "", "maker_no": row.maker_claim_no,
        }
        return texts.get(key, "")

    def _brush(self, row: service.ClaimRow) -> QBrush | None:
        return LATE if row.flag == service.LATE else SOON if row.flag == service.DUE_SOON else None

    def rows(self, session: Session) -> list[service.ClaimRow]:
        """The claims the filters ask for."""
        today = clock.now().date()
        maker = self.ui.makerCombo.currentData() or None
        show = self.ui.stateCombo.currentData() or OPEN
        state = show if show in service.STATE_LABELS else None
        rows = service.list_claims(session, maker, state, today=today)
        if show == OPEN:
            rows = [r for r in rows if r.state not in CLOSED]
        elif show == TO_ACT:
            rows = [r for r in rows if r.flag in FLAGS]
        elif show == TO_APPEAL:
            due = {a.claim_id: a.appeal_due for a in settlements.appeal_list(session, today, maker)}
            rows = sorted((r for r in rows if r.id in due), key=lambda r: (due[r.id], r.number))
        return rows

    def refresh(self) -> None:
        u = self.ui
        rows, self.currency = self.ctx.read(lambda s: (self.rows(s), str(settings.get(s, "currency"))))
        self.model.set_rows(rows)
        u.totalsLabel.setText(totals_text(rows, self.currency))
        if rows:
            u.table.selectRow(0)
        self._enable_acts()

    def _enable_acts(self) -> None:
        """Each act on the selected claim offered only where its state allows it."""
        index = self.ui.table.currentIndex()
        row = self.model.row(index.row()) if index.isValid() else None
        state = row.state if row is not None else ""
        u = self.ui
        u.submitButton.setEnabled(state == service.DRAFTED)
        u.levelButton.setEnabled(state == service.DRAFTED)
        u.appealButton.setEnabled(state in (service.PAID_SHORT, service.REJECTED))
        u.closeButton.setEnabled(state in (*service.ANSWERED, service.APPEALED))
        for button in (u.tagsButton, u.openButton):
            button.setEnabled(row is not None)

    def selected(self) -> service.ClaimRow | None:
        index = self.ui.table.currentIndex()
        row = self.model.row(index.row()) if index.isValid() else None
        if row is None:
            show_inline(self.ui.messageLabel, _("Select the claim first."))
        return row

    def open_ticket(self) -> None:
        row = self.selected()
        if row is not None:
            self.ui.messageLabel.clear()
            self.open_requested.emit(row.ticket_id)

    def import_settlement(self) -> SettlementDialog:
        """The settlement import (a preview first) for the maker shown;
        the page is shown again once a settlement is written."""
        dialog = SettlementDialog(self.ctx, self.ui.makerCombo.currentData() or None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(lambda _id: self.refresh())
        return dialog

    def submit(self, maker_claim_no: str | None = None) -> bool:
        """Record the selected claim as submitted today with the maker's
        claim number (asked when not given)."""
        row = self.selected()
        if row is None:
            return False
        if maker_claim_no is None:
            maker_claim_no, ok = QInputDialog.getText(
                self, _("Submitted to {maker}").format(maker=row.maker_code),
                _("The maker's claim number for {number}:").format(number=row.number))
            if not ok:
                return False
        actor = self.ctx.actor
        today = clock.now().date()
        done = self.ctx.write(lambda s, _a: service.submit_claim(s, actor, row.id, maker_claim_no, today).number,
                              self, self.ui.messageLabel)
        if done is None:
            return False
        self.refresh()
        show_inline(self.ui.messageLabel, _("Claim {number} submitted ({maker_no}).").format(
            number=done, maker_no=maker_claim_no.strip()), ok=True)
        return True

    def _act(self, row: service.ClaimRow, act: Callable[[Session], object], done: str) -> bool:
        """Write ``act`` on the selected claim, show the page again with the
        claim still selected, and say ``done``."""
        if self.ctx.write(lambda s, _a: act(s), self, self.ui.messageLabel) is None:
            return False
        self.refresh()
        for r, shown in enumerate(self.model.all_rows):
            if shown.id == row.id:
                self.ui.table.selectRow(r)
        show_inline(self.ui.messageLabel, done, ok=True)
        return True

    def set_level(self, level: str | None = None) -> bool:
        """The repair level of a drafted claim (asked when not given): its
        labour is priced again by the same standard."""
        row = self.selected()
        if row is None:
            return False
        if level is None:
            titles = [_(title) for title in LEVELS.values()]
            title, ok = QInputDialog.getItem(self, _("Repair level of {number}").format(number=row.number),
                                             _("The repair level the maker's standard prices:"), titles, 0, False)
            if not ok:
                return False
            level = list(LEVELS)[titles.index(title)]
        actor = self.ctx.actor
        now = clock.now()
        return self._act(row, lambda s: service.set_repair_level(s, actor, row.id, level, now),
                         _("Claim {number}: repair level {level}.").format(number=row.number,
                                                                          level=_(LEVELS.get(level, level))))

    def appeal(self, note: str | None = None) -> bool:
        """The shop contested the selected claim's short payment or
        rejection today (a note asked when not given)."""
        row = self.selected()
        if row is None:
            return False
        if note is None:
            note, ok = QInputDialog.getText(self, _("Appealed to {maker}").format(maker=row.maker_code),
                                            _("What the appeal of {number} says (optional):").format(
                                                number=row.number))
            if not ok:
                return False
        actor = self.ctx.actor
        today = clock.now().date()
        return self._act(row, lambda s: service.appeal_claim(s, actor, row.id, today, note),
                         _("Claim {number} appealed.").format(number=row.number))

    def close_claim(self, confirm: bool = True) -> bool:
        """Settle the selected claim for good (asked first)."""
        row = self.selected()
        if row is None:
            return False
        if confirm and QMessageBox.question(
                self, _("Settle claim {number}").format(number=row.number),
                _("Settle claim {number} for good? Nothing more will be asked of the maker on it.").format(
                    number=row.number)) != QMessageBox.StandardButton.Yes:
            return False
        actor = self.ctx.actor
        today = clock.now().date()
        return self._act(row, lambda s: service.close_claim(s, actor, row.id, today),
                         _("Claim {number} settled.").format(number=row.number))

    def print_tags(self) -> PrintPreviewDialog | None:
        """The selected claim's old-part tags in the print preview."""
        row = self.selected()
        if row is None:
            return None
        number = row.number
        self.print_dialog = preview(self.ctx, self, _("Old part tags of claim {number}").format(number=number),
                                    "labels", f"old-part-tags-{number}.pdf",
                                    lambda s, p: oldparts_paper.print_old_part_tags(s, p, claim_number=number),
                                    self.ui.messageLabel)
        return self.print_dialog

    def print_statement(self, month: str | None = None) -> PrintPreviewDialog | None:
        """The monthly statement of the maker shown, for ``month``
        (YYYY-MM; asked when not given, last month offered), in the print
        preview."""
        maker = self.ui.makerCombo.currentData()
        if not maker:
            show_inline(self.ui.messageLabel, _("Choose the maker of the statement in the Maker list first."))
            return None
        if month is None:
            last = settlements.previous_month(clock.now().date()).strftime("%Y-%m")
            month, ok = QInputDialog.getText(self, _("Monthly statement of {maker}").format(maker=maker),
                                             _("The month of the repairs (YYYY-MM):"), text=last)
            if not ok:
                return None
        try:
            first = settlements.month_of(month)
        except ValidationError as exc:
            show_inline(self.ui.messageLabel, str(exc))
            return None
        self.ui.messageLabel.clear()
        self.print_dialog = preview(
            self.ctx, self, _("Statement of {maker} for {month}").format(maker=maker, month=f"{first:%Y-%m}"),
            "statement", f"statement-{maker}-{first:%Y-%m}.pdf",
            lambda s, p: statement_paper.print_statement(s, maker, first, p), self.ui.messageLabel)
        return self.print_dialog

    def old_parts(self) -> OldPartsDialog:
        """The old parts owed back and their batches (not modal: the page stays usable)."""
        dialog = OldPartsDialog(self.ctx, self)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()
        return dialog


def totals_text(rows: Sequence[service.ClaimRow], currency: str) -> str:
    """The claims shown, added up: claimed, paid, short, rejected (what the
    workbook's claims sheet adds up the same way)."""
    claimed = sum((r.amount_claimed for r in rows), ZERO)
    paid = sum((r.amount_paid or ZERO for r in rows), ZERO)
    short = sum((r.short for r in rows if r.amount_paid is not None and r.state != service.REJECTED), ZERO)
    rejected = sum((r.amount_claimed for r in rows if r.state == service.REJECTED), ZERO)
    return ngettext("{n} claim: claimed {claimed}, paid {paid}, short {short}, rejected {rejected}",
                    "{n} claims: claimed {claimed}, paid {paid}, short {short}, rejected {rejected}",
                    len(rows)).format(n=len(rows), claimed=format_money(claimed, currency),
                                      paid=format_money(paid, currency), short=format_money(short, currency),
                                      rejected=format_money(rejected, currency))
