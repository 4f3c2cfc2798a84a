"""Where the parts of the program react to ticket events.

Intake knows nothing of call-backs or loaners; it calls these hooks, and each
part listed in ``PARTS`` that defines the matching function reacts:

- ``on_intake(session, actor, ticket, now)`` after a ticket is taken;
- ``on_move(session, actor, ticket, from_state, to_state, now)`` after a move;
- ``before_close(session, actor, ticket, approver, note)`` before a ticket is
  closed: raise to refuse (e.g. a loaner is still out).
"""

from __future__ import annotations

import importlib
from datetime import datetime
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from frontdesk.db.models import Ticket
    from frontdesk.users import Actor

PARTS = ("frontdesk.followup.service", "frontdesk.loaners.service")


@cache
def parts() -> tuple[ModuleType, ...]:
    loaded = []
    for name in PARTS:
        try:
            loaded.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name is None or not name.startswith(exc.name):
                raise
    return tuple(loaded)


def after_intake(session: Session, actor: Actor, ticket: Ticket, now: datetime) -> None:
    for part in parts():
        if hasattr(part, "on_intake"):
            part.on_intake(session, actor, ticket, now)


def after_move(session: Session, actor: Actor, ticket: Ticket, from_state: str, to_state: str, now: datetime) -> None:
    for part in parts():
        if hasattr(part, "on_move"):
            part.on_move(session, actor, ticket, from_state, to_state, now)


def before_close(session: Session, actor: Actor, ticket: Ticket, approver: Actor | None, note: str) -> None:
    for part in parts():
        if hasattr(part, "before_close"):
            part.before_close(session, actor, ticket, approver, note)
