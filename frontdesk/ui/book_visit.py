"""Book a technician's visit on a ticket already taken (a phone request
answered with an appointment): the day, the time window, the technician and
the address (the ticket's by default).  The ticket becomes "visit booked"."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy.orm import Session

from frontdesk import clock, settings, technicians
from frontdesk.i18n import _
from frontdesk.intake import service, visits
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import show_inline
from frontdesk.ui.fields import parse_day
from frontdesk.ui.generated.book_visit_ui import Ui_BookVisitDialog
from frontdesk.ui.intake import VISIT_WINDOWS


class BookVisitDialog(QDialog):
    """``done_text`` says what was booked once accepted."""

    def __init__(self, ctx: AppContext, ticket_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket_id = ticket_id
        self.done_text = ""
        self.ui = Ui_BookVisitDialog()
        self.ui.setupUi(self)
        u = self.ui

        def facts(s: Session) -> tuple[str, str, int | None, list[tuple[int, str]], str]:
            t = service.get_ticket(s, ticket_id)
            day = settings.work_calendar(s).next_working_day(clock.now().date())
            return (t.number, " ".join(x for x in (t.area, t.address) if x), t.technician_id,
                    technicians.technician_names(s), day.isoformat())

        number, address, technician_id, techs, day = ctx.read(facts)
        self.setWindowTitle(_("Book a visit for ticket {number}").format(number=number))
        u.introLabel.setText(_("The technician goes to the customer: the ticket becomes \"visit booked\"."))
        u.dayEdit.setText(day)
        for start, end in VISIT_WINDOWS:
            u.windowCombo.addItem(f"{start:%H:%M}–{end:%H:%M}", (start, end))
        u.technicianCombo.addItem(_("(not yet)"), None)
        for tid, name in techs:
            u.technicianCombo.addItem(name, tid)
        u.technicianCombo.setCurrentIndex(max(0, u.technicianCombo.findData(technician_id)))
        u.addressEdit.setPlaceholderText(address)
        u.buttons.accepted.connect(self.check)
        u.buttons.rejected.connect(self.reject)
        u.dayEdit.setFocus()
        u.dayEdit.selectAll()

    def check(self) -> None:
        u = self.ui
        try:
            day = parse_day(u.dayEdit.text())
        except ValueError as exc:
            show_inline(u.messageLabel, str(exc))
            return
        if day is None:
            show_inline(u.messageLabel, _("Enter the day of the visit."))
            return
        start, end = u.windowCombo.currentData()
        req = visits.VisitRequest(day=day, window_start=start, window_end=end, address=u.addressEdit.text(),
                                  technician_id=u.technicianCombo.currentData())
        actor = self.ctx.actor
        if self.ctx.write(lambda s, _a: visits.book_visit(s, actor, self.ticket_id, req).id,
                          self, u.messageLabel) is not None:
            self.done_text = _("Visit booked for {day} {start}–{end}.").format(
                day=day.isoformat(), start=f"{start:%H:%M}", end=f"{end:%H:%M}")
            self.accept()
