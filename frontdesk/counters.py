"""Which counter (cash desk) this program runs at.

A shop with several counters closes each drawer on its own: every receipt
and waiver records the counter it was made at, and a day is closed per
counter.  The counter is a property of the machine (the window keeps its
name in this machine's settings and sets it here at start; the command line
takes ``--counter``); a shop with one desk never needs to name it
(``main``).
"""

from __future__ import annotations

MAIN = "main"
MAX_LENGTH = 40

_current = MAIN


def clean(name: str | None) -> str:
    """A counter's name with its spaces tidied; empty means the main counter.
    Raises ValueError when it is too long."""
    text = " ".join((name or "").split()) or MAIN
    if len(text) > MAX_LENGTH:
        raise ValueError(name)
    return text


def set_current(name: str | None) -> str:
    """This process works at counter ``name`` from now on; returns the name used."""
    global _current
    _current = clean(name)
    return _current


def current() -> str:
    """The counter this process works at (the default of every new receipt)."""
    return _current
