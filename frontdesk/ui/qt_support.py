"""Qt set-up shared by the window, the screenshots and the tests: one
translation mechanism (gettext behind a QTranslator), the shipped CJK font,
and the application object."""

from __future__ import annotations

import logging
import sys

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSize, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from frontdesk import i18n
from frontdesk.paths import resource

log = logging.getLogger(__name__)

# Fonts that show Chinese well; when none is installed, the shipped one is used.
SYSTEM_CJK_FAMILIES = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
                       "WenQuanYi Zen Hei", "Hiragino Sans GB")
SHIPPED_FAMILY = "WenQuanYi Micro Hei"


class GettextTranslator(QTranslator):
    """Routes every ``QCoreApplication.translate`` (the generated forms) to
    the program's gettext catalog, so screens and printouts share it."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # type: ignore[override]
                  n: int = -1) -> str | None:
        # None becomes a null QString: "no translation here", so Qt keeps the
        # source text (an empty string would blank the label).
        if not source or i18n.current_language() == i18n.DEFAULT_LANGUAGE:
            return None
        out = i18n.gettext(source)
        return None if out == source else out

    def isEmpty(self) -> bool:
        return False


_translators: list[QTranslator] = []


def apply_language(app: QCoreApplication, lang: str | None) -> str:
    """Switch the catalog and Qt's own strings (OK, Cancel...) to ``lang``."""
    code = i18n.set_language(lang)
    for tr in _translators:
        app.removeTranslator(tr)
    _translators.clear()
    gettext_tr = GettextTranslator(app)
    _translators.append(gettext_tr)
    if code != i18n.DEFAULT_LANGUAGE:
        qt_tr = QTranslator(app)
        if qt_tr.load(QLocale(code), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) or \
                qt_tr.load(QLocale(code), "qt", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _translators.append(qt_tr)
        QLocale.setDefault(QLocale(code))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    for tr in _translators:
        app.installTranslator(tr)
    return code


def install_fonts(app: QApplication) -> None:
    font_path = resource("fonts", "wqy-microhei.ttc")
    font_id = QFontDatabase.addApplicationFont(str(font_path))
    if font_id < 0:
        log.warning("could not load the shipped CJK font %s", font_path)
        return
    families = set(QFontDatabase.families())
    if not any(f in families for f in SYSTEM_CJK_FAMILIES):
        font = QFont(SHIPPED_FAMILY)
        font.setPointSize(max(app.font().pointSize(), 10))
        app.setFont(font)


def application(argv: list[str] | None = None, fonts: bool = True) -> QApplication:
    """The one QApplication (made on first call); ``fonts=False`` leaves the
    shipped CJK font for the caller to install later (the start shows the
    login first)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("FrontDesk")
        app.setOrganizationName("FrontDesk")
        if fonts:
            install_fonts(app)
    assert isinstance(app, QApplication)
    return app


# Room a window manager takes around a window before it is first shown (the
# frame is not known yet): the title bar and the borders.
FRAME_ALLOWANCE = QSize(16, 40)


def fit_to_screen(window: QWidget) -> None:
    """Keep ``window`` within the screen it opens on, less the taskbar and
    its frame: a form's default size or a geometry kept from a larger screen
    never puts its buttons out of reach (a counter PC is often 1366x768).
    The layouts shrink down to the window's minimum, which fits such a
    screen (tests/ui/test_ui_fit.py)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    room = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()
    if frame.width() <= 0 and frame.height() <= 0:
        frame = FRAME_ALLOWANCE
    width = max(window.minimumWidth(), min(window.width(), room.width() - frame.width()))
    height = max(window.minimumHeight(), min(window.height(), room.height() - frame.height()))
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    moved = window.testAttribute(QtCore.Qt.WidgetAttribute.WA_Moved)
    if not moved and window.parentWidget() is not None:
        return  # a dialog is centred on its parent when shown, and Qt keeps it on the screen
    outer = QSize(width, height) + frame
    if moved:  # a kept position: pulled back onto the screen
        x = max(room.x(), min(window.x(), room.x() + room.width() - outer.width()))
        y = max(room.y(), min(window.y(), room.y() + room.height() - outer.height()))
    else:  # else in the middle, so the window manager does not push its bottom off the screen
        x = room.x() + max(0, room.width() - outer.width()) // 2
        y = room.y() + max(0, room.height() - outer.height()) // 2
    if (x, y) != (window.x(), window.y()):
        window.move(x, y)


class FocusFollower(QObject):
    """Scrolls ``scroll`` to whatever takes the focus inside it, however it
    came (a mnemonic, a shortcut, a click on a label): a field reached from
    the keyboard is never left out of view. Tab alone QScrollArea already
    follows. Owned by the scroll area, so it goes with it."""

    def __init__(self, scroll: QScrollArea) -> None:
        super().__init__(scroll)
        self.scroll = scroll
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.follow)

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self.scroll):
            return  # the focus moves on while the scroll area is being destroyed, before this follower is
        contents = self.scroll.widget()
        if new is not None and contents is not None and contents.isAncestorOf(new):
            self.scroll.ensureWidgetVisible(new)
