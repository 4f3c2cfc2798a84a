"""Where the parts of the program react to ticket events.

Intake knows nothing of call-backs, loaners or claims: it calls the functions
below, and each calls the parts that listen, by name:

- :func:`after_intake` after a ticket is taken: call-backs due for a
  consultation or a misuse resolved on the phone (followup);
- :func:`after_move` after a ticket changes state: the call-back after a
  repair the technician was not sure of (followup);
- :func:`after_repair` after an in-warranty repair is recorded done: its
  claim to the maker (claims);
- :func:`before_close` before a ticket is closed, which a part refuses by
  raising: a loaner still out (loaners).

A new listener is one more line in one of these functions, typed, so grep and
mypy see every caller (see docs/architecture.md#how-the-parts-hear-of-a-ticket).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from frontdesk.followup import service as followup

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from frontdesk.db.models import Ticket
    from frontdesk.users import Actor


def after_intake(session: Session, actor: Actor, ticket: Ticket, now: datetime) -> None:
    followup.on_intake(session, actor, ticket, now)


def after_move(session: Session, actor: Actor, ticket: Ticket, from_state: str, to_state: str, now: datetime) -> None:
    followup.on_move(session, actor, ticket, from_state, to_state, now)


def after_repair(session: Session, actor: Actor, ticket: Ticket, now: datetime) -> None:
    # Imported at the first repair, not at load: claims imports intake, which imports this module.
    from frontdesk.claims import service as claims

    claims.draft_claim(session, actor, ticket.id, now)


def before_close(session: Session, actor: Actor, ticket: Ticket, approver: Actor | None, note: str,
                 now: datetime) -> None:
    # Imported at the first close, not at load: loaners (through billing) imports intake, which imports this module.
    from frontdesk.loaners import service as loaners

    loaners.before_close(session, actor, ticket, approver, note, now)
