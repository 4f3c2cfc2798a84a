"""What every screen holds: the database, the person logged in, this
machine's counter (passed to the services that take money or close a day),
and one way to run a service (with a manager's approval when the service
asks for it)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from PySide6.QtWidgets import QLabel, QWidget
from sqlalchemy.orm import Session

from frontdesk.db.engine import Database
from frontdesk.errors import FrontDeskError, NeedsManager
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.errors import report
from frontdesk.users import Actor

log = logging.getLogger(__name__)
T = TypeVar("T")

# (parent, what the manager approves) -> the approving manager, or None if cancelled
ApprovalAsker = Callable[[QWidget | None, str], Actor | None]


def _with_approver(work: Callable[[Session, Actor | None], T], approver: Actor | None, session: Session) -> T:
    return work(session, approver)


def _default_asker(ctx: AppContext) -> ApprovalAsker:
    def ask(parent: QWidget | None, what: str) -> Actor | None:
        return ApprovalDialog.ask(ctx.db, what, parent)

    return ask


@dataclass
class AppContext:
    db: Database
    actor: Actor
    counter: str  # this machine's counter (cash desk): the drawer its receipts, waivers and day closes are at
    ask_manager: ApprovalAsker | None = None
    shop_name: str = ""
    last_error: FrontDeskError | None = None

    def __post_init__(self) -> None:
        if self.ask_manager is None:
            self.ask_manager = _default_asker(self)

    def read(self, work: Callable[[Session], T]) -> T:
        return self.db.query(work)

    def glance(self, work: Callable[[Session], T]) -> T:
        """``work`` in a glance (Database.glance): for what a screen shows
        at once and shows again after every change, such as an opened ticket."""
        return self.db.query(work, glance=True)

    def write(self, work: Callable[[Session, Actor | None], T], parent: QWidget | None = None,
              label: QLabel | None = None) -> T | None:
        """Run ``work(session, approver)`` in one write transaction.  When the
        service needs a manager, ask for one and run it again with the
        approver; an expected problem is shown (inline in ``label`` when
        given) and None returned."""
        approver: Actor | None = None
        self.last_error = None
        while True:
            try:
                return self.db.run(partial(_with_approver, work, approver))
            except NeedsManager as exc:
                self.last_error = exc
                if approver is not None:
                    report(parent, exc, label)
                    return None
                assert self.ask_manager is not None
                approver = self.ask_manager(parent, exc.message)
                if approver is None:
                    report(parent, exc, label)
                    return None
            except FrontDeskError as exc:
                self.last_error = exc
                report(parent, exc, label)
                return None
