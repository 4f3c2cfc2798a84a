"""Counters (cash desks): their names.

A shop with several counters closes each drawer on its own: every receipt
and waiver records the counter it was made at, and a day is closed per
counter.  The counter is a property of the machine: the window keeps its
name in this machine's settings and holds it (``AppContext.counter``), the
command line takes ``--counter``, and each passes it to the services that
make receipts, waivers and day closes (``counter=``).  Nothing here
remembers a counter for the process.  A shop with one desk never needs to
name it (``main``).
"""

from __future__ import annotations

from frontdesk.errors import ValidationError
from frontdesk.i18n import N_, _

MAIN = "main"
MAX_LENGTH = 40
MAIN_LABEL = N_("Main")


def label(name: str) -> str:
    """A counter as people read it: the main one by its title, in the
    language in use (its key ``main`` stays in the database and the
    workbook's columns); a named one by its name."""
    return _(MAIN_LABEL) if name == MAIN else name


def clean(name: str | None) -> str:
    """A counter's name with its spaces tidied; empty means the main counter.
    Raises ValueError when it is too long."""
    text = " ".join((name or "").split()) or MAIN
    if len(text) > MAX_LENGTH:
        raise ValueError(name)
    return text


def checked(name: str | None) -> str:
    """:func:`clean` for a service: a name too long is the caller's input to
    refuse (:class:`ValidationError` on ``counter``)."""
    try:
        return clean(name)
    except ValueError as exc:
        raise ValidationError({"counter": _("The counter's name must be 1 to 40 characters.")}) from exc
