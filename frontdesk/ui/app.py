"""Start the window: language, fonts, the database (upgraded if older), the
login, then the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from frontdesk.db.engine import Database
    from frontdesk.ui.jobs import Job

log = logging.getLogger(__name__)


def _log_to_file() -> None:
    # Here, not at the top: the login must be on screen before the database layer and the main window load.
    from frontdesk.logs import log_to_file
    from frontdesk.paths import data_dir

    try:
        log_to_file(data_dir() / "frontdesk.log")  # 0600, rotated, scrubbed of personal data
    except OSError:
        return


def _open(url: str | None) -> Any:
    # Here, not at the top: the login must be on screen before the database layer and the main window load.
    from frontdesk.db.migrate import open_database
    from frontdesk.paths import default_url

    return open_database(url or default_url(), daily_backup=False)  # the day's copy: in the background after login


def run(url: str | None, lang: str | None = None) -> int:
    """The login is on screen at once; the database opens behind it (the
    database layer loads, an older schema is backed up and upgraded)."""
    # Here, not at the top: the login must be on screen before the database layer and the main window load.
    from PySide6.QtCore import QTimer

    # Here, not at the top: the login must be on screen before the database layer and the main window load.
    from frontdesk.private_files import private_umask
    from frontdesk.ui.errors import install_excepthook, report
    from frontdesk.ui.login import AFTER_SHOWN_MS, LoginDialog
    from frontdesk.ui.machine import counter_language, this_counter
    from frontdesk.ui.qt_support import application, apply_language, install_fonts

    private_umask()  # what this process creates is its user's alone (docs/rules.md#private-files)
    app = application(sys.argv[:1], fonts=False)
    # Right after the login is on screen: the log file and the shipped CJK
    # font (the shop's name, in Chinese, comes with the database anyway).
    QTimer.singleShot(AFTER_SHOWN_MS, _log_to_file)
    QTimer.singleShot(AFTER_SHOWN_MS, lambda: install_fonts(app))
    counter = this_counter()
    chosen = lang or counter_language("")  # this counter's own language, if it has one
    apply_language(app, chosen or None)
    install_excepthook()
    login = LoginDialog(opener=lambda: _open(url))

    def shop_language(code: str) -> None:
        if not chosen and code:
            apply_language(app, code)
            login.retranslate()

    login.opened.connect(shop_language)
    if not login.exec() or login.actor is None or login.db is None:
        if login.open_error is not None:
            report(None, login.open_error)  # a message, or the crash dialog for a bug
            return 2
        return 0
    db = login.db
    # Imported once the login is on screen: the screens take longer to load
    # than the login, and the clerk is typing a PIN meanwhile.
    from frontdesk.ui.context import AppContext
    from frontdesk.ui.main_window import MainWindow

    window = MainWindow(AppContext(db, login.actor, counter))
    window.show()
    _daily_backup_in_background(db)
    keeper = db.keep_log_short()  # the write-ahead log copied in the background, not by a clerk's save
    try:
        return app.exec()
    finally:
        if keeper is not None:
            keeper.stop()


def _daily_backup_in_background(db: Database) -> Job[Path | None]:
    """Today's automatic copy, made while the clerk works (a large database
    takes a while to copy; the window must not wait for it, nor quitting:
    the copy is written to a temporary name and renamed when complete, so a
    copy cut short by quitting is no copy, never half a one).  It says
    nothing unless it fails: a problem is a message, a bug the crash dialog.
    Returns the job."""
    # Start time: this module is loaded before the login shows, so the backup and the jobs come in here.
    from frontdesk import backup
    from frontdesk.ui.jobs import Job

    return Job(lambda progress: backup.daily_backup_if_due(db), owner=None, name="daily-backup").start()
