"""F1 (and Help > Keys and the day's steps) opens the help page: the keys of
the screen in use first, then those that work everywhere and on the other
screens, then the steps of a day at the desk, in the window's language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from frontdesk import i18n
from frontdesk.intake.service import IntakeResult
from frontdesk.ui.context import AppContext
from frontdesk.ui.help_dialog import STEPS, HelpDialog, help_html
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.qt_support import apply_language


def press_f1(qtbot: QtBot, window: MainWindow) -> HelpDialog:
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    dialog = window.help_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_f1_opens_the_help_with_the_keys_of_the_screen_in_use(qtbot: QtBot, ctx: AppContext,
                                                               shop: dict[str, object]) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert window.ui.menuHelp.actions()[0] is window.actionHelp and window.actionHelp.shortcut().toString() == "F1"

    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # Call-backs
    text = press_f1(qtbot, window).browser.toPlainText()
    assert text.index("Call-backs (this screen)") < text.index("Everywhere") < text.index("Intake")
    callbacks = text[:text.index("Everywhere")]
    for key in ("Alt+1", "Alt+2", "Alt+3", "Alt+4", "Ctrl+Z"):
        assert key in callbacks
    assert "F2" in text and "Ctrl+L" in text
    steps = text[text.index("The steps of a day"):]
    where = [steps.index(step) for step in ("Intake", "Quote", "Approval", "Repair", "Payment", "Pick-up",
                                            "Call-back", "Day close", "Workbook")]
    assert where == sorted(where) and len(STEPS) == 9
    window.help_dialog.close()  # type: ignore[union-attr]

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Intake
    text = press_f1(qtbot, window).browser.toPlainText()
    assert text.startswith("Keys") and "Intake (this screen)" in text and "Ctrl+S" in text.split("Everywhere")[0]

    first = shop["first_ticket"]
    assert isinstance(first, IntakeResult)
    ticket = window.open_ticket(first.ticket_id)
    qtbot.waitUntil(ticket.isActiveWindow)
    qtbot.keyClick(ticket, Qt.Key.Key_F1)  # from the ticket's own window
    text = window.help_dialog.browser.toPlainText()  # type: ignore[union-attr]
    assert text.split("Everywhere")[0].count("(this screen)") == 1 and "A ticket (this screen)" in text
    assert "in the step note" in text.split("Everywhere")[0]


def test_the_help_speaks_the_windows_language(qapp: QApplication) -> None:
    apply_language(qapp, "zh_CN")
    try:
        page = help_html("callbacks")
        assert i18n._("Call-backs") != "Call-backs" and i18n._("Call-backs") in page and "Alt+1" in page
        assert i18n._("Day close") in page
    finally:
        apply_language(qapp, "en")
