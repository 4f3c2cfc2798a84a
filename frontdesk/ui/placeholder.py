"""A screen whose part of the program is not built yet: it says so plainly
rather than showing an empty page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from frontdesk.ui.generated.placeholder_ui import Ui_PlaceholderScreen


class PlaceholderScreen(QWidget):
    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PlaceholderScreen()
        self.ui.setupUi(self)
        self.ui.titleLabel.setText(f"<h2>{title}</h2>")
        self.ui.textLabel.setText(text)
