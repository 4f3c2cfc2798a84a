"""Opening a dialog without blocking: the window (and the tests) go on
while it is up, and ``on_accept`` runs when it is accepted."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog

from frontdesk.ui.qt_support import fit_to_screen

D = TypeVar("D", bound=QDialog)


def open_modeless(dialog: D, on_accept: Callable[[], None]) -> D:
    dialog.accepted.connect(on_accept)
    fit_to_screen(dialog)
    dialog.open()
    return dialog
