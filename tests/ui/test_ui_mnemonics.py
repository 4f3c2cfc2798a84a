"""Every Alt+letter does one thing in a window, in English and in Chinese.

A mnemonic (the ``&x`` of a label with a buddy, a button, a check box, a
group box, a tab, a menu title) is a shortcut of the whole window: two of
them on one letter make Alt+letter go to the first and then the next, never
at once where the clerk meant.  The test builds every window as the program
shows it (the main window with its menus, its sidebar and each page, the
call-back page's tabs, the ticket with its quote panel, every other form on
its own), in each language through the one catalog, and collects the
mnemonics that are on screen together: the pages of a stack or a tab widget
are on screen one at a time, everything else counts together (whether code
shows it or not: the intake's walk-in and phone fields, the ticket's
steps), as do the Alt shortcuts made in code (the call-back outcomes) and
the texts a button takes in code (the ticket's Quote / The customer's
answer).  The entries of each menu are checked among themselves."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QGroupBox,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMenuBar,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

import frontdesk.ui.generated as generated
from frontdesk.i18n import _
from frontdesk.intake.service import IntakeResult
from frontdesk.ui.context import AppContext
from frontdesk.ui.login import LoginDialog
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.qt_support import apply_language
from frontdesk.ui.ticket_detail import TicketDetailDialog

LANGUAGES = ("en", "zh_CN")


@dataclass(frozen=True)
class Mnemonic:
    key: str  # "Alt+N"
    text: str  # as shown: "Pho&ne", "电话(&N)"
    where: str  # the widget's object name


def mnemonic(text: str) -> str:
    """The Alt+letter Qt gives ``text`` ("" for none), as Qt reads it (``&&`` is an ampersand)."""
    key = QKeySequence.mnemonic(text)
    return "" if key.isEmpty() else key.toString(QKeySequence.SequenceFormat.PortableText).upper()


def own_mnemonics(widget: QWidget) -> list[Mnemonic]:
    """The mnemonics a widget itself makes: a button's text, a group box's
    title, each tab of a tab bar, each menu title of a menu bar, a label's
    text when it has a buddy (Qt ignores it otherwise), an item of a list
    (the sidebar: none today), and the Alt shortcuts made on it in code."""
    texts: list[str] = []
    if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
        texts.append(widget.text())
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count())]
    elif isinstance(widget, QMenuBar):
        texts += [action.text() for action in widget.actions()]
    elif isinstance(widget, QListWidget):
        texts += [widget.item(i).text() for i in range(widget.count())]
    found = [Mnemonic(mnemonic(t), t, widget.objectName()) for t in texts if mnemonic(t)]
    for shortcut in widget.findChildren(QShortcut, options=Qt.FindChildOption.FindDirectChildrenOnly):
        key = shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)
        if key.startswith("Alt+") and key.count("+") == 1:
            found.append(Mnemonic(key.upper(), key, f"{widget.objectName()} (shortcut)"))
    return found


def views(widget: QWidget) -> list[list[Mnemonic]]:
    """Every set of mnemonics that can be on screen together under ``widget``:
    one per page of each stack (a tab widget keeps its pages in one)."""
    own = own_mnemonics(widget)
    if isinstance(widget, QStackedWidget):
        pages = [v for page in map(widget.widget, range(widget.count())) if page is not None for v in views(page)]
        return [own + page for page in pages] or [own]
    together = [own]
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child.isWindow():
            continue  # a dialog or a menu of its own
        together = [a + b for a in together for b in views(child)]
    return together


def clashes(window: QWidget) -> list[str]:
    """Alt+letters that two things on screen together answer to, and the
    entries of a menu that share one."""
    found: set[str] = set()
    scopes = views(window)
    scopes += [[Mnemonic(mnemonic(a.text()), a.text(), menu.objectName()) for a in menu.actions()
                if mnemonic(a.text())] for menu in window.findChildren(QMenu)]
    for scope in scopes:
        by_key: dict[str, list[Mnemonic]] = {}
        for m in scope:
            by_key.setdefault(m.key, []).append(m)
        for key, ms in by_key.items():
            if len(ms) > 1:
                found.add(f"{window.objectName() or type(window).__name__}: {key} is "
                          + " and ".join(f"{m.text!r} ({m.where})" for m in ms))
    return sorted(found)


def forms() -> Iterator[tuple[str, type]]:
    """Every generated form class: ``Ui_Name``."""
    for info in pkgutil.iter_modules(generated.__path__):
        module = importlib.import_module(f"{generated.__name__}.{info.name}")
        for name, value in vars(module).items():
            if name.startswith("Ui_") and isinstance(value, type):
                yield name, value


def form_window(form: Any) -> QWidget:
    """A form set up on the kind of widget it was designed for."""
    base: type[QWidget] = QWidget
    source = form.setupUi.__code__.co_names  # what setupUi touches tells a main window from a dialog
    if "setCentralWidget" in source:
        base = QMainWindow
    elif form.__name__.endswith("Dialog"):
        base = QDialog
    window = base()
    form().setupUi(window)
    return window


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    code = str(request.param)
    apply_language(qapp, code)
    yield code
    apply_language(qapp, "en")


@pytest.mark.parametrize("name,form", sorted(forms()), ids=[name for name, _form in sorted(forms())])
def test_every_form_gives_each_letter_once(qtbot: QtBot, language: str, name: str, form: type) -> None:
    window = form_window(form)
    qtbot.addWidget(window)
    window.setObjectName(name)
    assert clashes(window) == []


def test_the_main_window_gives_each_letter_once(qtbot: QtBot, ctx: AppContext, language: str) -> None:
    """The menus, the sidebar and each page in turn (the call-back page's
    tabs, the settings' tabs), with the texts set in code."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    found = views(window)
    assert len(found) >= 7  # one per page at least
    assert any(m.text == _("&Help") for m in found[0])  # the menus count with every page
    assert any(m.key == "ALT+1" for scope in found for m in scope)  # the call-backs' Alt+1..4
    assert clashes(window) == []


def test_the_ticket_gives_each_letter_once(qtbot: QtBot, ctx: AppContext, shop: dict[str, object],
                                           language: str) -> None:
    """The ticket with its quote panel and its buttons made in code, with
    each text its step buttons take."""
    first = shop["first_ticket"]
    assert isinstance(first, IntakeResult)
    dialog = TicketDetailDialog(ctx, first.ticket_id)
    qtbot.addWidget(dialog)
    dialog.ui.tabs.setCurrentWidget(dialog.ui.billingTab)  # the quote panel is made when its tab is shown
    assert any(m.text == _("Correct &facts…") for scope in views(dialog) for m in scope)
    assert any(m.text == _("&Make the quote") for scope in views(dialog) for m in scope)
    u = dialog.ui
    for quote, repair in ((_("&Quote…"), _("Start &repair")),
                          (_("The customer's &answer…"), _("Start &repair (manager)…"))):
        u.quoteButton.setText(quote)
        u.repairButton.setText(repair)
        assert clashes(dialog) == []


def test_the_lock_screen_gives_each_letter_once(qtbot: QtBot, ctx: AppContext, language: str) -> None:
    login = LoginDialog(ctx.db, confirm_quit=lambda: False)
    qtbot.addWidget(login)
    assert clashes(login) == []


def test_the_collector_sees_a_clash(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.setObjectName("sample")
    stack = QStackedWidget(window)
    for text in ("&Save", "&Search"):
        page = QWidget()
        QPushButton(text, page)
        stack.addWidget(page)
    assert clashes(window) == []  # the pages of a stack are on screen one at a time
    QPushButton("&Send", window)
    assert clashes(window) == ["sample: ALT+S is '&Save' () and '&Send' ()",
                               "sample: ALT+S is '&Search' () and '&Send' ()"]
    QShortcut(QKeySequence("Alt+1"), window)
    QCheckBox("Reached (&1)", window)
    assert "sample: ALT+1 is 'Alt+1' (sample (shortcut)) and 'Reached (&1)' ()" in clashes(window)
    assert mnemonic("Fish && &chips") == "ALT+C" and mnemonic("R&&D") == "" and mnemonic("姓名(&N)") == "ALT+N"
