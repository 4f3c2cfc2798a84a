"""This machine's own settings (QSettings): the window's language and the
counter's name.  Kept apart from the settings screen so that the start can
read them before the database layer is loaded."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from frontdesk import counters

LANGUAGE_KEY = "ui/language"
COUNTER_KEY = "counter/name"


def counter_language(default: str) -> str:
    """This counter's language (QSettings), else ``default`` (the shop's)."""
    value = QSettings().value(LANGUAGE_KEY, "")
    return str(value) if value else default


def this_counter() -> str:
    """This machine's counter (QSettings); the main counter when it has none
    (or a name that is not one)."""
    try:
        return counters.clean(str(QSettings().value(COUNTER_KEY, "") or ""))
    except ValueError:
        return counters.MAIN
