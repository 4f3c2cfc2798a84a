"""The day close (日结): a business day's figures from the data, the drawer
counted by note and coin (blind if the manager wants: the expected cash
stays hidden until the count is saved), over/short, closing the day (a
manager's act that locks its money in the database), the reconciliation
printed, and the head-office workbook.

Closing first shows what will be closed (:class:`CloseConfirmDialog`: the
day, the counter, the receipts, the money by method, the drawer, the other
counters still open that day, and a warning when the day is not over), then
asks a manager's PIN in the approval dialog, even when a manager is signed
in: a close cannot be undone."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QTableWidgetItem, QWidget
from sqlalchemy.orm import Session

from frontdesk import clock, counters
from frontdesk.billing import payments
from frontdesk.dayclose import service as dayclose
from frontdesk.dayclose.service import ClosePreview, DayFigures
from frontdesk.errors import FrontDeskError
from frontdesk.i18n import _
from frontdesk.intake import states
from frontdesk.money import format_money
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import report, show_inline
from frontdesk.ui.generated.close_confirm_ui import Ui_CloseConfirmDialog
from frontdesk.ui.generated.dayclose_ui import Ui_DayCloseScreen
from frontdesk.ui.qt_support import FocusFollower
from frontdesk.users import Actor

log = logging.getLogger(__name__)

RED, GREEN = "#b00020", "#1b5e20"


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def report_html(f: DayFigures) -> str:
    """The day's figures as the manager reads them before closing."""
    m = f.money

    def table(rows: Sequence[tuple[str, ...]], head: tuple[str, ...] | None = None,
              right: tuple[int, ...] = (1,), width: str = "70%") -> str:
        def cell(tag: str, i: int, text: str) -> str:
            return f'<{tag} align="{"right" if i in right else "left"}">{escape(text)}</{tag}>'

        out = [f'<table cellspacing="0" cellpadding="3" width="{width}">']
        if head:
            out.append("<tr>" + "".join(cell("th", i, h) for i, h in enumerate(head)) + "</tr>")
        out += ["<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>" for row in rows]
        out.append("</table>")
        return "".join(out)


    title = f"{_('Day close {day}').format(day=f.day.isoformat())} · {f.shop_name}"
    if f.counter != counters.MAIN:
        title += " · " + _("Counter: {counter}").format(counter=counters.label(f.counter))
    parts = [f"<h3>{escape(title)}</h3>"]
    parts.append(f"<h4>{escape(_('Receipts issued'))}</h4>")
    rows = [(_("Receipts issued"), str(f.receipt_count)),
            (_("First number"), f.first_number or "-"), (_("Last number"), f.last_number or "-")]
    if f.gaps:
        rows.append((_("Gaps in the sequence"), ", ".join(f.gaps)))
    if f.withdrawn:
        rows.append((_("Withdrawn by a restore"), ", ".join(f.withdrawn)))
    rows.append((_("Reprints (COPY)"), str(len(f.reprints))))
    parts.append(table(rows))
    if f.voids:
        parts.append(f"<p><b>{escape(_('Voided'))}</b></p>")
        parts.append(table([(v.number, v.ticket_number, m(v.amount), v.reason, v.approver) for v in f.voids],
                           (_("Receipt"), _("Ticket"), _("Amount"), _("Reason"), _("Approved by")), right=(2,),
                           width="100%"))
    if f.corrections:
        parts.append(f"<p><b>{escape(_('Corrections, difference'))}</b></p>")
        parts.append(table([(c.number, c.corrects, m(c.amount), m(c.net), c.reason) for c in f.corrections],
                           (_("Receipt"), _("Corrects receipt"), _("Amount"), _("Difference"), _("Reason")),
                           right=(2, 3), width="100%"))
    parts.append(f"<h4>{escape(_('Money by method'))}</h4>")
    parts.append(table([(payments.method_text(ln.method), str(ln.count), m(ln.money_in), m(ln.money_out), m(ln.net)) for ln in f.methods]
                       + [(_("Net of the day"), "", "", "", m(f.net_total))],
                       ("", _("Receipts"), _("In"), _("Out"), _("Net")), right=(1, 2, 3, 4), width="100%"))
    parts.append(table([
        (_("Payments ({count})").format(count=f.payments_count), m(f.payments_total)),
        (_("Deposits taken ({count})").format(count=f.deposits_taken_count), m(f.deposits_taken)),
        (_("Deposits returned ({count})").format(count=f.deposits_returned_count), m(f.deposits_returned)),
        (_("Deposits kept ({count})").format(count=f.deposits_kept_count), m(f.deposits_kept)),
        (_("Deposits put toward a bill ({count})").format(count=f.deposits_applied_count), m(f.deposits_applied)),
        (_("Other refunds ({count})").format(count=f.refunds_count), m(f.refunds)),
        (_("Waived and discounted"), m(f.waived_total)),
    ]))
    parts.append(f"<h4>{escape(_('The desk'))}</h4>")
    still_open = ", ".join(f"{states.label(k)} {v}" for k, v in sorted(f.open_by_state.items()) if v)
    parts.append(table([
        (_("Tickets opened"), str(f.tickets_opened)), (_("Tickets closed"), str(f.tickets_closed)),
        (_("Still open, by state"), still_open or "-"), (_("Quotes declined"), str(f.quotes_declined)),
        (_("Invoices owed ({count})").format(count=len(f.invoices_owed)),
         ", ".join(i.ticket_number for i in f.invoices_owed) or "-"),
        (_("Loaners out / overdue"), f"{len(f.loans_out)} / {len(f.loans_overdue)}"),
        (_("Deposits held"), m(f.deposits_held)), (_("Pull-backs not yet returned"), str(f.pullbacks_out)),
        (_("Call-backs due / done / late"), f"{f.callbacks_due} / {f.callbacks_done} / {f.callbacks_late}"),
        (_("Feedback cards issued / returned"), f"{f.cards_issued} / {f.cards_returned}"),
        (_("Rated satisfied"), _pct(f.satisfaction) or "-"),
    ]))
    if f.waivers:
        parts.append(table([(w.ticket_number, m(w.amount), w.reason, w.approver) for w in f.waivers],
                           (_("Ticket"), _("Amount"), _("Reason"), _("Approved by")), width="100%"))
    return "".join(parts)


def early_warning(p: ClosePreview) -> str:
    """The warning of a close before the shop's closing hour ("" when the day is over)."""
    if not p.early:
        return ""
    return _("{day} is not over: the shop closes at {closing} and it is {now}. Closing now locks the money of the "
             "rest of the day at counter {counter}.").format(day=p.figures.day.isoformat(),
                                                             closing=p.closing.strftime("%H:%M"),
                                                             now=p.at.strftime("%H:%M"), counter=counters.label(p.figures.counter))


def confirmation_html(p: ClosePreview) -> str:
    """What the close will close: the day, the counter and its figures."""
    f = p.figures
    m = f.money

    def row(label: str, value: str) -> str:
        return f'<tr><td>{escape(label)}</td><td align="right">{escape(value)}</td></tr>'

    receipts = str(f.receipt_count)
    if f.first_number:
        receipts += f" ({f.first_number} – {f.last_number})"
    rows = [row(_("Day"), f.day.isoformat()), row(_("Counter"), counters.label(f.counter)), row(_("Receipts issued"), receipts)]
    rows += [row(payments.method_text(ml.method), f"{m(ml.net)} ({ml.count})") for ml in f.methods if ml.count or ml.net]
    rows += [row(_("Net of the day"), m(f.net_total)), row(_("Expected cash"), m(f.expected_cash) or "-"),
             row(_("Cash counted"), m(f.counted_cash) or "-"), row(_("Over/short"), m(f.over_short) or "-")]
    if f.gaps:
        rows.append(row(_("Gaps in the sequence"), ", ".join(f.gaps)))
    if f.withdrawn:
        rows.append(row(_("Withdrawn by a restore"), ", ".join(f.withdrawn)))
    rows.append(row(_("Other counters still open that day"), ", ".join(map(counters.label, p.others_open)) or _("none")))
    return '<table cellspacing="0" cellpadding="3" width="100%">' + "".join(rows) + "</table>"


class CloseConfirmDialog(QDialog):
    """Close the day? What will be closed, with the warning when the day is
    not over; accepted, the screen asks for a manager's PIN."""

    def __init__(self, preview: ClosePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.ui = Ui_CloseConfirmDialog()
        self.ui.setupUi(self)
        day = preview.figures.day.isoformat()
        self.setWindowTitle(_("Close {day}?").format(day=day))
        warning = early_warning(preview)
        self.ui.warningLabel.setText(f'<b style="color:{RED}">{escape(warning)}</b>' if warning else "")
        self.ui.warningLabel.setVisible(bool(warning))
        self.ui.summaryView.setHtml(confirmation_html(preview))
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Close {day} early").format(day=day) if warning else _("Close {day}").format(day=day))
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)  # Enter does not close a day
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)


class DayCloseScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_DayCloseScreen()
        self.ui.setupUi(self)
        self.figures: DayFigures | None = None
        self.print_dialog: QDialog | None = None
        self.export_dialog: QDialog | None = None
        self.confirm_dialog: CloseConfirmDialog | None = None
        u = self.ui
        today = clock.now().date()
        u.dayEdit.setMaximumDate(QDate(today.year, today.month, today.day))
        for name in ctx.read(lambda s: dayclose.counters_of(s, counter=ctx.counter)):  # this counter first
            u.counterCombo.addItem(counters.label(name), name)
        u.counterCombo.setVisible(u.counterCombo.count() > 1)  # one desk: nothing to choose
        u.counterLabel.setVisible(u.counterCombo.count() > 1)
        start = ctx.read(lambda s: dayclose.day_to_close(s, today, counter=ctx.counter))  # a day left open, else today
        u.dayEdit.setDate(QDate(start.year, start.month, start.day))
        u.dayEdit.dateChanged.connect(self.load)
        u.counterCombo.currentIndexChanged.connect(self.load)
        u.prevButton.clicked.connect(lambda: self.step(-1))
        u.nextButton.clicked.connect(lambda: self.step(1))
        u.todayButton.clicked.connect(self.go_today)
        QShortcut(QKeySequence("Alt+Left"), self, lambda: self.step(-1))
        QShortcut(QKeySequence("Alt+Right"), self, lambda: self.step(1))
        u.blindCheck.toggled.connect(lambda _on: self.read_figures())
        u.drawerForm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        u.drawerContentsLayout.addStretch(1)  # the rows keep their height, and scroll on a small screen
        FocusFollower(u.drawerScroll)
        table = u.denominationsTable
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([_("Note or coin"), _("Pieces"), _("Amount")])
        table.verticalHeader().setVisible(False)
        table.setRowCount(len(dayclose.DENOMINATIONS))
        for r, face in enumerate(dayclose.DENOMINATIONS):
            face_item = QTableWidgetItem(format_money(Decimal(face)))
            face_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            face_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, 0, face_item)
            table.setItem(r, 1, QTableWidgetItem(""))
            amount = QTableWidgetItem("")
            amount.setFlags(Qt.ItemFlag.ItemIsEnabled)
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, 2, amount)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows_height = table.verticalHeader().defaultSectionSize() * len(dayclose.DENOMINATIONS)
        table.setFixedHeight(rows_height + table.horizontalHeader().sizeHint().height() + 4)
        table.itemChanged.connect(self._pieces_changed)
        u.saveCountButton.clicked.connect(self.save_count)
        u.closeDayButton.clicked.connect(self.close_day)
        u.printButton.clicked.connect(self.print_reconciliation)
        u.exportButton.clicked.connect(self.open_export)
        self.load()

    # ---- the day ------------------------------------------------------------------

    def counter(self) -> str:
        return str(self.ui.counterCombo.currentData() or self.ctx.counter)

    def day(self) -> date:
        d = self.ui.dayEdit.date()
        return date(d.year(), d.month(), d.day())

    def step(self, days: int) -> None:
        self.ui.dayEdit.setDate(self.ui.dayEdit.date().addDays(days))

    def go_today(self) -> None:
        today = clock.now().date()
        self.ui.dayEdit.setDate(QDate(today.year, today.month, today.day))

    def load(self, *_args: object) -> None:
        """Read the day's figures and fill the drawer's fields from the saved count."""
        f = self.read_figures()
        u = self.ui
        u.floatEdit.setText(f"{f.opening_float:.2f}" if f.opening_float is not None else "")
        table = u.denominationsTable
        table.blockSignals(True)
        for r, face in enumerate(dayclose.DENOMINATIONS):
            pieces = f.denominations.get(face)
            table.item(r, 1).setText(str(pieces) if pieces else "")
        table.blockSignals(False)
        self._pieces_changed()
        u.noteEdit.setText(f.note)

    def read_figures(self) -> DayFigures:
        """The figures, the day's state and the drawer's result (what was typed stays)."""
        u = self.ui
        day = self.day()
        blind = u.blindCheck.isChecked()
        counter = self.counter()
        self.figures = f = self.ctx.read(lambda s: dayclose.day_figures(s, day, counter, blind=blind))
        u.reportView.setHtml(report_html(f))
        closed = f.closed
        for w in (u.floatEdit, u.denominationsTable, u.noteEdit, u.saveCountButton, u.closeDayButton):
            w.setEnabled(not closed and day <= clock.now().date())
        if closed:
            u.stateLabel.setText(f'<b style="color:{GREEN}">' + escape(_("CLOSED {at} by {name}, approved by {manager}").format(
                at=f.closed_at.strftime("%Y-%m-%d %H:%M") if f.closed_at else "", name=f.closed_by or "",
                manager=f.approved_by or "")) + "</b>")
        else:
            u.stateLabel.setText(f'<span style="color:{RED}">' + escape(_("NOT CLOSED: figures as they stand")) + "</span>")
        self._show_drawer(f)
        return f

    def _show_drawer(self, f: DayFigures) -> None:
        u = self.ui
        u.expectedValue.setText(f.money(f.expected_cash) if f.expected_cash is not None
                                else _("hidden until counted") if f.blind else "-")
        if f.over_short is None:
            u.overShortValue.setText("-")
        else:
            colour = GREEN if f.over_short == 0 else RED
            sign = "+" if f.over_short > 0 else ""
            u.overShortValue.setText(f'<b style="color:{colour}">{sign}{escape(f.money(f.over_short))}</b>')

    # ---- the count ------------------------------------------------------------------

    def pieces(self) -> dict[str, int]:
        """Pieces per face value as typed (raises ValueError naming the bad row)."""
        out: dict[str, int] = {}
        table = self.ui.denominationsTable
        for r, face in enumerate(dayclose.DENOMINATIONS):
            text = table.item(r, 1).text().strip()
            if not text:
                continue
            if not text.isdigit():
                raise ValueError(_("The number of {face} pieces must be a whole number from 0 to {limit}.").format(
                    face=format_money(Decimal(face)), limit=dayclose.MAX_PIECES))
            if int(text):
                out[face] = int(text)
        return out

    def _pieces_changed(self, *_args: object) -> None:
        table = self.ui.denominationsTable
        table.blockSignals(True)
        total = Decimal(0)
        for r, face in enumerate(dayclose.DENOMINATIONS):
            text = table.item(r, 1).text().strip()
            amount = Decimal(face) * int(text) if text.isdigit() else None
            table.item(r, 2).setText(format_money(amount) if amount else "")
            total += amount or 0
        table.blockSignals(False)
        self.ui.countedValue.setText(format_money(total))

    def _count(self) -> tuple[Decimal, dict[str, int]] | None:
        u = self.ui
        try:
            opening = Decimal(u.floatEdit.text().strip().replace(",", "") or "x")
        except InvalidOperation:
            show_inline(u.messageLabel, _("Type the opening float as an amount, like 500.00."))
            u.floatEdit.setFocus()
            return None
        try:
            pieces = self.pieces()
        except ValueError as exc:
            show_inline(u.messageLabel, str(exc))
            return None
        if not pieces:
            show_inline(u.messageLabel, _("Enter the cash counted in the drawer."))
            u.denominationsTable.setFocus()
            return None
        return opening, pieces

    def save_count(self) -> DayFigures | None:
        count = self._count()
        if count is None:
            return None
        opening, pieces = count
        day, actor, counter = self.day(), self.ctx.actor, self.counter()
        result = self.ctx.write(lambda s, _a: dayclose.save_count(s, actor, day, opening, denominations=pieces,
                                                                  counter=counter), self, self.ui.messageLabel)
        if result is None:
            return None
        self.load()
        show_inline(self.ui.messageLabel, _("The count is saved: {counted} counted, {expected} expected.").format(
            counted=result.money(result.counted_cash), expected=result.money(result.expected_cash)), ok=True)
        return result

    def close_day(self) -> DayFigures | None:
        """Show what will be closed and ask to confirm; then a manager's PIN
        (even a manager signed in types it); then close."""
        count = self._count()
        if count is None:
            return None
        opening, pieces = count
        day, actor, note, counter = self.day(), self.ctx.actor, self.ui.noteEdit.text(), self.counter()
        label = self.ui.messageLabel
        try:
            preview = self.ctx.read(lambda s: dayclose.close_preview(s, day, counter=counter, opening_float=opening,
                                                                     denominations=pieces))
        except FrontDeskError as exc:
            report(self, exc, label)
            return None
        self.confirm_dialog = CloseConfirmDialog(preview, self)
        if self.confirm_dialog.exec() != QDialog.DialogCode.Accepted:
            show_inline(label, _("{day} is still open: the close was cancelled.").format(day=day.isoformat()))
            return None
        assert self.ctx.ask_manager is not None
        approver = self.ctx.ask_manager(self, _("Closing {day} at counter {counter} locks its money: a manager's PIN, "
                                                "please.").format(day=day.isoformat(), counter=counters.label(counter)))
        if approver is None or not approver.is_manager:
            show_inline(label, _("{day} is still open: closing it needs a manager's PIN.").format(day=day.isoformat()))
            return None
        early = preview.early  # the manager was warned and confirmed

        def work(s: Session, _approver: Actor | None) -> DayFigures:
            return dayclose.close_day(s, actor, day, approver, opening_float=opening, denominations=pieces, note=note,
                                      counter=counter, early=early)

        result = self.ctx.write(work, self, label)
        if result is None:
            return None
        self.load()
        show_inline(self.ui.messageLabel, _("{day} is closed. Print the reconciliation and sign it.").format(
            day=day.isoformat()), ok=True)
        return result

    # ---- printing and the workbook ----------------------------------------------------

    def print_reconciliation(self) -> QDialog | None:
        # Here, not at the top: reportlab loads at the first print, not when the window opens.
        from frontdesk.printing import documents
        from frontdesk.ui.print_preview import preview

        day, counter = self.day(), self.counter()
        self.print_dialog = preview(self.ctx, self, _("Day close {day}").format(day=day.isoformat()), "reconciliation",
                                    f"dayclose-{day.isoformat()}.pdf",
                                    lambda s, path: documents.print_reconciliation(s, day, path, counter),
                                    self.ui.messageLabel)
        return self.print_dialog

    def open_export(self) -> QDialog:
        # Here, not at the top: openpyxl loads at the first export, not when the window opens.
        from frontdesk.ui.dialogs import open_modeless
        from frontdesk.ui.export_dialog import ExportDialog

        day = self.day()
        dialog = ExportDialog(self.ctx, day.replace(day=1), day, self)
        self.export_dialog = dialog
        open_modeless(dialog, lambda: None)
        return dialog

    def refresh(self) -> None:
        self.load()

    def showEvent(self, event: QShowEvent) -> None:
        """The figures as they stand whenever the page is brought up."""
        super().showEvent(event)
        if self.figures is not None and not self.figures.closed:
            self.read_figures()
