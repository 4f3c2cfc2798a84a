"""The benchmark's cases that need the window (:mod:`frontdesk.bench` runs
them): the ticket list's model, and the start to the login window against a
bare PySide6 window, each in a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from frontdesk.bench import Case, _timed
from frontdesk.db.engine import Database
from frontdesk.i18n import _


def case_ticket_list(db: Database, rounds: int) -> Case:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.intake import query
    from frontdesk.ui.qt_support import application
    from frontdesk.ui.tickets import TicketTableModel

    application([sys.argv[0]])
    case = Case(_("ticket list: model created, first screen fetched"), "<= 150 ms", max_median=150)

    def ours() -> None:
        model = TicketTableModel(db)
        model.set_filter(query.TicketFilter())
        for row in range(min(40, model.rowCount())):  # what the first screen shows (display role)
            for col in range(model.columnCount()):
                model.data(model.index(row, col))
        model.canFetchMore()

    ours()
    for _n in range(rounds):
        case.samples_ms.append(_timed(ours))
    return case


STARTUP_APP = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from frontdesk.ui import login
    def shown(self):
        self.show()
        from PySide6.QtWidgets import QApplication
        QApplication.processEvents()
        sys.stdout.flush()
        os._exit(0 if self.isVisible() else 3)
    login.LoginDialog.exec = shown
    from frontdesk.cli import main
    sys.exit(main(["--db", sys.argv[1], "gui"]))
""")

STARTUP_BARE = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.show()
    QApplication.processEvents()
    os._exit(0 if w.isVisible() else 3)
""")


def _run_script(script: str, *args: str) -> float:
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120)
    ms = (time.perf_counter() - t) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"start-up script failed ({done.returncode}): {done.stderr[-2000:]}")
    return ms


def case_startup(path: Path, rounds: int) -> Case:
    case = Case(_("program start to the login window (fresh process)"), "<= 1.5x bare PySide6 QMainWindow",
                max_ratio=1.5)
    _run_script(STARTUP_BARE)
    _run_script(STARTUP_APP, str(path))
    for _n in range(rounds):
        case.baseline_ms.append(_run_script(STARTUP_BARE))
        case.samples_ms.append(_run_script(STARTUP_APP, str(path)))
    return case
