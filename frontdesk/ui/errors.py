"""The one place that shows errors.

An expected problem (a :class:`~frontdesk.errors.FrontDeskError`: bad input,
not allowed, database busy, printer gone) becomes a clear message, inline in
the screen's message label when it has one, else in a message box.  Anything
else is a bug: it is logged, and a crash dialog shows a report the clerk can
copy, while the window stays open.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from frontdesk import __version__
from frontdesk.errors import FrontDeskError, ValidationError
from frontdesk.i18n import _

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


def describe(exc: BaseException) -> str:
    """The sentence the person at the desk reads."""
    if isinstance(exc, ValidationError):
        return "\n".join(exc.fields.values()) or exc.message
    if isinstance(exc, FrontDeskError):
        return exc.message
    # Here, not at the top: this module is loaded at start, before SQLAlchemy, to catch any error.
    from sqlalchemy.exc import OperationalError

    if isinstance(exc, OperationalError):
        return _("The database cannot be reached: {error}").format(error=str(exc.orig).splitlines()[0] if exc.orig else exc)
    if isinstance(exc, OSError):
        # Here, not at the top: this module is loaded at start, to catch any error.
        from frontdesk import file_errors

        return file_errors.plain(exc)
    return str(exc)


def show_inline(label: QLabel, text: str, ok: bool = False) -> None:
    label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
    label.setText(text)


def report(parent: QWidget | None, exc: BaseException, label: QLabel | None = None) -> None:
    """Show an expected problem; hand anything else to the crash dialog."""
    if isinstance(exc, (FrontDeskError, OSError)) or type(exc).__name__ == "OperationalError":
        # What kind of problem, not its words: a message may name a customer,
        # and a database error carries its SQL (docs/rules.md#private-files).
        log.info("shown to the user: %s%s", type(exc).__name__,
                 f" ({', '.join(exc.fields)})" if isinstance(exc, ValidationError) and exc.fields else "")
        if label is not None:
            show_inline(label, describe(exc))
        else:
            QMessageBox.warning(parent, _("FrontDesk"), describe(exc))
        return
    crash(type(exc), exc, exc.__traceback__)


def log_file() -> Path | None:
    for handler in logging.getLogger().handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            return Path(name)
    return None


class CrashDialog(QDialog):
    def __init__(self, report_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("FrontDesk: something went wrong"))
        layout = QVBoxLayout(self)
        where = log_file()
        intro = _("This is a bug in FrontDesk, not something you did. Nothing you saved before is lost. "
                  "Copy the report below and send it to your support contact.")
        if where:
            intro += " " + _("It is also in the log file {path}.").format(path=where)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.text = QPlainTextEdit(report_text)
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(_("Copy the report"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(report_text))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)


def crash_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    lines = "".join(traceback.format_exception(exc_type, exc, tb))
    return f"FrontDesk {__version__}, Python {sys.version.split()[0]}\n\n{lines}"


def crash(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    text = crash_report(exc_type, exc, tb)
    log.error("unexpected error\n%s", text)
    if QApplication.instance() is None or _headless():
        return
    CrashDialog(text, QApplication.activeWindow()).exec()


def _headless() -> bool:
    app = QApplication.instance()
    return app is not None and QApplication.platformName() in ("offscreen", "minimal")


def install_excepthook() -> None:
    """A bug in a slot must not kill the program silently."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, FrontDeskError):
            report(QApplication.activeWindow(), exc)
            return
        crash(exc_type, exc, tb)

    sys.excepthook = hook
