"""This machine's own settings (QSettings): the window's language, the
counter's name, and how this counter gives out the receipts it issues (on
A5 or the 80 mm roll; shown first in the print preview, or printed straight
away).  Kept apart from the settings screen so that the start can read them
before the database layer is loaded."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from frontdesk import counters
from frontdesk.i18n import N_

LANGUAGE_KEY = "ui/language"
COUNTER_KEY = "counter/name"
RECEIPT_SIZE_KEY = "counter/receipt_size"
PRINT_STRAIGHT_KEY = "counter/print_receipts_straight"
# The sizes of frontdesk.printing.receipt (not imported: it loads reportlab), the first the default.
RECEIPT_SIZES: dict[str, str] = {"a5": N_("A5 sheet"), "80mm": N_("80 mm roll")}


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


def receipt_size() -> str:
    """The size this counter prints its receipts on: "a5" or "80mm"."""
    value = str(QSettings().value(RECEIPT_SIZE_KEY, "") or "")
    return value if value in RECEIPT_SIZES else next(iter(RECEIPT_SIZES))


def set_receipt_size(size: str) -> None:
    if size not in RECEIPT_SIZES:
        raise ValueError(f"size must be one of {tuple(RECEIPT_SIZES)}, not {size!r}")
    QSettings().setValue(RECEIPT_SIZE_KEY, size)


def prints_receipts_straight() -> bool:
    """Whether a receipt just issued goes straight to this counter's receipt
    printer (else it opens in the print preview first)."""
    value = QSettings().value(PRINT_STRAIGHT_KEY, False)
    return value is True or str(value).lower() in ("true", "1")


def set_prints_receipts_straight(straight: bool) -> None:
    QSettings().setValue(PRINT_STRAIGHT_KEY, bool(straight))
