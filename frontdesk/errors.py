"""Typed errors raised by services.

The window shows a :class:`FrontDeskError` as a clear message (it is an
expected problem); anything else is a bug and reaches the crash dialog.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from frontdesk.i18n import _


class FrontDeskError(Exception):
    """An expected problem with a message meant for the person at the desk."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(FrontDeskError):
    """Input that cannot be accepted; ``fields`` maps field name -> message."""

    def __init__(self, fields: Mapping[str, str], message: str | None = None) -> None:
        self.fields = dict(fields)
        text = message or "; ".join(f"{msg}" for msg in self.fields.values())
        super().__init__(text)


class NotAllowed(FrontDeskError):
    """The acting user may not do this."""


class NeedsManager(NotAllowed):
    """Allowed only with a manager's approval (PIN) at that moment."""


class LockedOut(NotAllowed):
    """Too many wrong PINs for a name: no PIN is checked for it until
    ``until`` (``seconds`` from when it was said), or, when ``until`` is
    None, until a manager unlocks the user."""

    def __init__(self, message: str, name: str, until: datetime | None, seconds: int | None) -> None:
        super().__init__(message)
        self.name = name
        self.until = until
        self.seconds = seconds

    @property
    def locked(self) -> bool:
        """Locked until a manager unlocks (not a wait that ends by itself)."""
        return self.until is None


class NotFound(FrontDeskError):
    """The record asked for does not exist."""


class Conflict(FrontDeskError):
    """Someone else changed or holds the record (another counter, a race)."""


class IllegalTransition(FrontDeskError):
    """A ticket cannot move from its state to the one asked for."""


class DatabaseUnavailable(FrontDeskError):
    """The database cannot be reached, or stays locked/busy."""


class DatabaseBusy(DatabaseUnavailable):
    """The database stayed locked by another writer (another counter, a
    backup) after a brief wait: nothing was saved, the same action may simply
    be tried again."""


class DayClosed(FrontDeskError):
    """The business day is closed: its money is locked (by the database)."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("That day is closed: its payments, voids and edits are locked. "
                                      "Make the correction on a later day."))


class ClockWentBack(FrontDeskError):
    """The computer's clock is earlier than a receipt already issued: money
    dated before the last receipt would land on a day already counted (or
    closed), so nothing is recorded until the clock is set right."""


class AuditLocked(FrontDeskError):
    """The audit trail is append-only: the database refuses to change or
    delete a record of it."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("The audit trail cannot be changed or deleted."))
