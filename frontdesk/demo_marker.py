"""Which databases the demo may fill: a new one, or one it made itself.

The demo adds the manager wang with the PIN 1111 that the README prints,
overwrites the shop's name, phone and address and issues receipts; over a
shop's own database that would hand anyone a manager's PIN and put demo
receipts in the shop's numbering.  So a database the demo fills first
remembers it (the ``made_by_demo`` row of the settings table, which no
screen shows or changes), and the demo refuses any other database that
holds users, customers, tickets or receipts.  There is no way around it:
give ``--db`` a new file (docs/rules.md#the-demo-fills-only-its-own-databases).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import __version__
from frontdesk.billing.models import Receipt
from frontdesk.db.models import Customer, Setting, Ticket, User
from frontdesk.errors import FrontDeskError
from frontdesk.i18n import _

MARKER = "made_by_demo"  # not a key of frontdesk.settings.SPECS: the settings screen cannot set it


class NotADemoDatabase(FrontDeskError):
    """The database holds a shop's own data: the demo leaves it alone."""

    def __init__(self) -> None:
        super().__init__(_("This database holds a shop's own data: the demo fills only a new database or one it "
                           "made. Give --db a new file."))


def made_by_demo(session: Session) -> bool:
    return session.get(Setting, MARKER) is not None


def holds_shop_data(session: Session) -> bool:
    """Whether anything a shop keeps is there: a user, a customer, a ticket or a receipt."""
    return any(session.scalar(select(model.id).limit(1)) is not None for model in (User, Customer, Ticket, Receipt))


def claim(session: Session, now: datetime) -> None:
    """At the start of the demo's first write transaction: go on over a
    database the demo made, mark a new (empty) one as the demo's, refuse
    any other with :class:`NotADemoDatabase` (nothing is written)."""
    if made_by_demo(session):
        return
    if holds_shop_data(session):
        raise NotADemoDatabase()
    session.add(Setting(key=MARKER, value={"at": now.isoformat(sep=" "), "version": __version__}))
    session.flush()


def require(session: Session) -> None:
    """For a loader that writes past the services (frontdesk.bulkdemo):
    only into a database the demo made."""
    if not made_by_demo(session):
        raise NotADemoDatabase()
