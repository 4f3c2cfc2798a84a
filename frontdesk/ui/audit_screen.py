"""The audit trail, for a manager: filters (days, user, action, ticket or
receipt number) over a table that loads a page at a time from the database
as it is scrolled (keyset pages from :func:`frontdesk.audit.search`).

A clerk who opens the tab is asked for a manager's PIN; the approval holds
while the tab stays open and ends when it is left.  "Verify the trail"
checks the audit records' hash chain in the background (reading only: no
PIN) and says whether it is intact or the first record where it breaks."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from frontdesk import audit, users
from frontdesk.audit import AuditQuery, AuditRow
from frontdesk.audit_text import detail_text
from frontdesk.errors import FrontDeskError
from frontdesk.i18n import N_, _
from frontdesk.ui.context import AppContext
from frontdesk.ui.errors import show_inline
from frontdesk.ui.fields import parse_day
from frontdesk.ui.generated.audit_ui import Ui_AuditScreen
from frontdesk.ui.jobs import Cancelled, Job, Progress
from frontdesk.ui.row_table import RowTableModel, attach, when
from frontdesk.users import Actor

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (("at", N_("When")), ("user", N_("User")), ("approver", N_("Approved by")), ("action", N_("Action")),
           ("record", N_("Record")), ("detail", N_("Details")))
PAGE = 200


def _text(row: AuditRow, key: str) -> str:
    if key == "at":
        return when(row.at)
    if key == "record":
        return row.reference or f"{row.entity} {row.entity_id}".strip()
    if key == "detail":
        return detail_text(row.detail)
    return str(getattr(row, key))


class AuditModel(RowTableModel):
    """Rows come from ``load(before_id)`` a page at a time: scrolling to the
    end fetches the next page, so a trail of millions opens at once."""

    def __init__(self, load: Callable[[int | None], list[AuditRow]], parent: QWidget | None = None) -> None:
        super().__init__(COLUMNS, _text, parent=parent, page_size=PAGE)
        self.load = load
        self.exhausted = True

    def restart(self) -> None:
        first = self.load(None)
        self.exhausted = len(first) < self.page_size
        self.set_rows(first)

    def clear(self) -> None:
        self.exhausted = True
        self.set_rows([])

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and (self.shown < len(self.all_rows) or not self.exhausted)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        if self.shown >= len(self.all_rows) and not self.exhausted:
            page = self.load(self.all_rows[-1].id if self.all_rows else None)
            self.exhausted = len(page) < self.page_size
            self.all_rows.extend(page)
        super().fetchMore(parent)


class AuditScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = u = Ui_AuditScreen()
        u.setupUi(self)
        self.approver: Actor | None = None
        self.query = AuditQuery()
        self.model = AuditModel(self._page, self)
        attach(u.table, self.model)
        u.showButton.clicked.connect(self.search)
        for edit in (u.fromEdit, u.toEdit, u.referenceEdit):
            edit.returnPressed.connect(self.search)
        u.unlockButton.clicked.connect(self.unlock)
        u.verifyButton.clicked.connect(self.verify)
        self.verify_job: Job[audit.ChainCheck] | None = None
        self._lock()

    @property
    def unlocked(self) -> bool:
        return self.ctx.actor.is_manager or self.approver is not None

    def _lock(self) -> None:
        """No approval any more: the table is emptied and the filters wait."""
        self.approver = None
        self.model.clear()
        self._show_open(self.unlocked)
        if not self.unlocked:
            show_inline(self.ui.messageLabel, _("Only a manager can read the audit trail."))

    def _show_open(self, unlocked: bool) -> None:
        for w in (self.ui.showButton, self.ui.table, self.ui.userCombo, self.ui.actionCombo):
            w.setEnabled(unlocked)
        self.ui.unlockButton.setVisible(not unlocked)

    def unlock(self) -> bool:
        """A clerk asks a manager to approve reading the trail; then it shows."""
        if not self.unlocked:
            assert self.ctx.ask_manager is not None
            approver = self.ctx.ask_manager(self, _("A manager must approve: {what}").format(
                what=_("read the audit trail")))
            if approver is None or not approver.is_manager:
                self._lock()
                return False
            self.approver = approver
            self._show_open(True)
            self.ui.messageLabel.clear()
        self._fill_choices()
        return self.search()

    def _fill_choices(self) -> None:
        names, actions = self.ctx.read(lambda s: ([(x.id, users.shown_name(x)) for x in users.list_users(s)], audit.actions(s)))
        combo = self.ui.userCombo
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(_("(everyone)"), None)
        for uid, name in names:
            combo.addItem(name, uid)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        action = self.ui.actionCombo
        typed = action.currentText()
        action.clear()
        action.addItem("")
        prefixes = sorted({a.split(".")[0] + "." for a in actions if "." in a})
        action.addItems(prefixes + actions)
        action.setEditText(typed)

    def read_query(self) -> AuditQuery | None:
        u = self.ui
        try:
            start, end = parse_day(u.fromEdit.text()), parse_day(u.toEdit.text())
        except ValueError as exc:
            show_inline(u.messageLabel, str(exc))
            return None
        data: Any = u.userCombo.currentData()
        return AuditQuery(date_from=start, date_to=end, user_id=int(data) if data is not None else None,
                          action=u.actionCombo.currentText().strip(), reference=u.referenceEdit.text().strip())

    def _page(self, before_id: int | None) -> list[AuditRow]:
        actor, approver, query = self.ctx.actor, self.approver, self.query
        return self.ctx.read(lambda s: audit.search(s, actor, query, approver, before_id=before_id, limit=PAGE))

    def search(self) -> bool:
        """Show the first page for the filters typed (False: not shown)."""
        if not self.unlocked:
            return False
        query = self.read_query()
        if query is None:
            return False
        self.query = query
        try:
            self.model.restart()
        except FrontDeskError as exc:
            self.model.clear()
            show_inline(self.ui.messageLabel, exc.message)
            return False
        rows = len(self.model.all_rows)
        if rows == 0:
            show_inline(self.ui.messageLabel, _("No audit records match."), ok=True)
        else:
            self.ui.messageLabel.clear()
        return True

    def verify(self) -> bool:
        """Check the hash chain in the background; the result in the message line."""
        if self.verify_job is not None and self.verify_job.is_running:
            return False
        db = self.ctx.db

        def work(progress: Progress) -> audit.ChainCheck:
            def checked(n: int) -> None:
                if progress.report(n, 0, _("{n} records checked").format(n=n)) is False:
                    raise Cancelled()

            with db.read() as s:
                return audit.verify_chain(s.connection(), checked)

        self.ui.verifyButton.setEnabled(False)
        show_inline(self.ui.messageLabel, _("Checking the audit trail…"), ok=True)
        self.verify_job = Job(work, owner=self, on_success=self._verified,
                              on_done=lambda: self.ui.verifyButton.setEnabled(True),
                              error_label=self.ui.messageLabel, name="audit-verify").start()
        return True

    def _verified(self, check: audit.ChainCheck) -> None:
        show_inline(self.ui.messageLabel, check.message, ok=check.intact)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.model.all_rows:
            # after the tab is painted: a clerk is asked for a manager's PIN on opening it
            QTimer.singleShot(0, self._opened)

    def _opened(self) -> None:
        if self.isVisible() and not self.model.all_rows:
            self.unlock()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not self.ctx.actor.is_manager:
            self._lock()  # a clerk's approval ends when the tab is left
