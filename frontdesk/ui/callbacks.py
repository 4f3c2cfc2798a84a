"""The call-back list: the calls due, overdue first (red) and due soon
(orange); select one, type a note if you like, and press Alt+1, Alt+2, Alt+3
or Alt+4 to record what came of it (shortcuts, so they work from the note
field without typing into it, and from the list); Ctrl+Z or Undo takes the
last one back for a few seconds (``followup.service.undo_outcome``); Enter
opens the ticket.  Below, the calls made today and who made them."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget
from sqlalchemy.orm import Session

from frontdesk import clock
from frontdesk.followup import service as fu
from frontdesk.i18n import N_, _, ngettext
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import show_inline
from frontdesk.ui.generated.callbacks_ui import Ui_CallbacksScreen
from frontdesk.ui.row_table import LATE, SOON, RowTableModel, attach, when
from frontdesk.users import Actor

log = logging.getLogger(__name__)

QUEUE_COLUMNS = (("due", N_("Due")), ("late", N_("Late")), ("ticket", N_("Ticket")), ("customer", N_("Customer")),
                 ("phone", N_("Phone")), ("attempt", N_("Attempt")), ("reason", N_("Why")))
DONE_COLUMNS = (("at", N_("Called")), ("by", N_("Called by")), ("ticket", N_("Ticket")), ("customer", N_("Customer")),
                ("reason", N_("Why")), ("outcome", N_("Outcome")), ("note", N_("Note")))
# Alt with a digit: a shortcut, never typed into the note.
KEYS = {"Alt+1": fu.REACHED_FINE, "Alt+2": fu.REACHED_NOT_FINE, "Alt+3": fu.NO_ANSWER, "Alt+4": fu.WRONG_NUMBER}
DIGITS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)
UNDO_MS = int(fu.UNDO_WINDOW.total_seconds() * 1000)


def _queue_text(row: fu.QueueRow, key: str) -> str:
    if key == "late":
        return _("overdue") if row.overdue else _("soon") if row.due_soon else ""
    return {"due": when(row.due_at), "ticket": row.ticket_number, "customer": row.customer_name, "phone": row.phone,
            "reason": row.reason_label, "attempt": str(row.attempt)}.get(key, "")


def _queue_brush(row: fu.QueueRow) -> QBrush | None:
    return LATE if row.overdue else SOON if row.due_soon else None


def _done_text(row: fu.CallRow, key: str) -> str:
    return {"at": when(row.done_at), "by": row.called_by, "ticket": row.ticket_number, "customer": row.customer_name,
            "reason": row.reason_label, "outcome": row.outcome_label, "note": row.note}.get(key, "")


class CallbacksScreen(QWidget):
    """Emits ``open_requested(ticket_id)``, and ``changed()`` once a call is
    recorded (or found recorded by another counter): the queue, and the
    counts shown elsewhere, are not what they were."""

    open_requested = Signal(int)
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_CallbacksScreen()
        self.ui.setupUi(self)
        u = self.ui
        self.model = RowTableModel(QUEUE_COLUMNS, _queue_text, _queue_brush, self, right_aligned=frozenset({"attempt"}))
        self.done_model = RowTableModel(DONE_COLUMNS, _done_text, None, self)
        attach(u.queueTable, self.model)
        attach(u.doneTable, self.done_model)
        u.splitter.setStretchFactor(0, 3)
        u.splitter.setStretchFactor(1, 2)
        u.queueTable.installEventFilter(self)
        u.queueTable.doubleClicked.connect(lambda _i: self.open_ticket())
        u.openButton.clicked.connect(self.open_ticket)
        u.refreshButton.clicked.connect(self._refresh_clicked)
        u.noteEdit.returnPressed.connect(u.queueTable.setFocus)
        for button, outcome in ((u.fineButton, fu.REACHED_FINE), (u.notFineButton, fu.REACHED_NOT_FINE),
                                (u.noAnswerButton, fu.NO_ANSWER), (u.wrongNumberButton, fu.WRONG_NUMBER)):
            button.clicked.connect(lambda _c=False, o=outcome: self.record(o))
        for keys, outcome in KEYS.items():
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda o=outcome: self.record(o))
        # Beside the outcomes; made here so that the form's layout stays the designer's.
        self.undoButton = QPushButton(_("&Undo (Ctrl+Z)"), self)
        self.undoButton.setObjectName("undoButton")
        self.undoButton.setEnabled(False)
        self.undoButton.clicked.connect(self.undo)
        u.outcomeLayout.insertWidget(u.outcomeLayout.indexOf(u.wrongNumberButton) + 1, self.undoButton)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)
        self.undoable: tuple[int, str] | None = None  # the call just recorded, and what was said of it
        self.undo_timer = QTimer(self, singleShot=True, interval=UNDO_MS)
        self.undo_timer.timeout.connect(self.end_undo)
        self.refresh()

    def refresh(self, keep_row: int = 0) -> None:
        now = clock.now()
        rows, done = self.ctx.read(lambda s: (fu.queue(s, now), fu.calls_made(s, now.date())))
        self.model.set_rows(rows)
        self.done_model.set_rows(done)
        overdue = sum(1 for r in rows if r.overdue)
        self.ui.countLabel.setText(ngettext("{count} call to make, {overdue} overdue; {done} made today",
                                            "{count} calls to make, {overdue} overdue; {done} made today",
                                            len(rows)).format(count=len(rows), overdue=overdue, done=len(done)))
        if rows:
            self.ui.queueTable.selectRow(min(keep_row, self.model.rowCount() - 1))

    def current(self) -> fu.QueueRow | None:
        index = self.ui.queueTable.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def record(self, outcome: str) -> bool:
        """Record the selected call's outcome with the note typed; the row
        leaves the list, and what it raised (a retry, a follow-up) shows."""
        row = self.current()
        u = self.ui
        if row is None:
            show_inline(u.messageLabel, _("Select the call first."))
            return False
        actor = self.ctx.actor
        note = u.noteEdit.text()

        def work(s: Session, _approver: Actor | None) -> str:
            nxt = fu.record_outcome(s, actor, row.id, outcome, note)
            return when(nxt.due_at) if nxt is not None else ""

        position = u.queueTable.currentIndex().row()
        next_due = self.ctx.write(work, self, u.messageLabel)
        if next_due is None:
            self.refresh(position)  # someone else may have recorded it: show the list as it is now
            self.changed.emit()
            return False
        done = _("Call to {customer}: {outcome}.").format(customer=row.customer_name, outcome=_(fu.OUTCOMES[outcome]))
        if outcome == fu.REACHED_NOT_FINE:
            done += " " + _("A follow-up call is due {due}.").format(due=next_due)
        elif outcome == fu.NO_ANSWER:
            done += " " + _("Try again {due}.").format(due=next_due)
        elif outcome == fu.WRONG_NUMBER and row.ticket_number:
            done += " " + _("Ticket {number} is flagged to verify the phone number.").format(number=row.ticket_number)
        u.noteEdit.clear()
        self.refresh(position)
        self.changed.emit()
        show_inline(u.messageLabel, done + " " + _("Ctrl+Z takes it back."), ok=True)
        u.queueTable.setFocus()
        self.undoable = (row.id, _("Call to {customer}").format(customer=row.customer_name))
        self.undoButton.setEnabled(True)
        self.undo_timer.start()  # only the last call, only for a few seconds
        return True

    def _refresh_clicked(self) -> None:
        self.end_undo()  # the next act: the call just recorded stays as it is
        self.refresh()

    def end_undo(self) -> None:
        self.undoable = None
        self.undo_timer.stop()
        self.undoButton.setEnabled(False)

    def undo(self) -> bool:
        """Take back the call just recorded: it is due again, as it was."""
        u = self.ui
        if self.undoable is None:
            show_inline(u.messageLabel, _("Nothing to undo: only the last call, for a few seconds after it is recorded."))
            return False
        callback_id, what = self.undoable
        self.end_undo()
        actor = self.ctx.actor
        if self.ctx.write(lambda s, _a: fu.undo_outcome(s, actor, callback_id), self, u.messageLabel) is None:
            self.refresh()
            return False
        self.refresh()
        self.changed.emit()
        rows = [self.model.row(r) for r in range(self.model.rowCount())]
        for position, row in enumerate(rows):
            if row is not None and row.id == callback_id:
                u.queueTable.selectRow(position)
        show_inline(u.messageLabel, _("{what}: undone, it is due again.").format(what=what), ok=True)
        u.queueTable.setFocus()
        return True

    def open_ticket(self) -> None:
        self.end_undo()  # the next act: the call just recorded stays as it is
        row = self.current()
        if row is None or row.ticket_id is None:
            show_inline(self.ui.messageLabel, _("This call has no ticket.") if row else _("Select the call first."))
            return
        self.open_requested.emit(row.ticket_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.queueTable and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return super().eventFilter(watched, event)
            key = Qt.Key(event.key())
            if key in DIGITS:  # the old keys record nothing now: say which ones do
                show_inline(self.ui.messageLabel, _("Alt+1 to Alt+4 record what came of the call."))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_ticket()
                return True
        return super().eventFilter(watched, event)
