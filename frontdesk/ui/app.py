"""Start the window: language, fonts, the database (upgraded if older), the
login, then the main window."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from frontdesk import settings
from frontdesk.errors import FrontDeskError
from frontdesk.i18n import _

log = logging.getLogger(__name__)


def _log_to_file() -> None:
    from frontdesk.db.engine import data_dir

    try:
        handler = logging.handlers.RotatingFileHandler(data_dir() / "frontdesk.log", maxBytes=2_000_000, backupCount=3,
                                                       encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)


def run(url: str, lang: str | None = None) -> int:
    from PySide6.QtWidgets import QMessageBox

    from frontdesk.db.migrate import open_database
    from frontdesk.ui.context import AppContext
    from frontdesk.ui.errors import install_excepthook
    from frontdesk.ui.login import LoginDialog
    from frontdesk.ui.qt_support import apply_language, application
    from frontdesk.ui.settings_screen import counter_language, this_counter

    _log_to_file()
    app = application(sys.argv[:1])
    this_counter()
    apply_language(app, lang)
    install_excepthook()
    try:
        db = open_database(url, daily_backup=False)  # the day's copy is made in the background below
        with db.read() as s:
            shop_language = str(settings.get(s, "language"))
    except FrontDeskError as exc:
        QMessageBox.critical(None, _("FrontDesk"), exc.message)
        return 2
    if lang is None:
        apply_language(app, counter_language(shop_language))
    login = LoginDialog(db)
    if not login.exec() or login.actor is None:
        return 0
    # Imported once the login is on screen: the screens take longer to load
    # than the login, and the clerk is typing a PIN meanwhile.
    from frontdesk.ui.main_window import MainWindow

    window = MainWindow(AppContext(db, login.actor))
    window.show()
    _daily_backup_in_background(db)
    return app.exec()


def _daily_backup_in_background(db: object) -> None:
    """Today's automatic copy, made while the clerk works (a large database
    takes a while to copy; the window must not wait for it)."""
    import threading

    from frontdesk import backup

    threading.Thread(target=backup.daily_backup_if_due, args=(db,), name="daily-backup", daemon=True).start()
