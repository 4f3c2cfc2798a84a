"""The benchmark's cases that need the window (:mod:`frontdesk.bench` runs
them, each in a fresh process of its own): the ticket list's model, typing a
name in the intake, opening a ticket, scrolling the ticket list, and the
start to the login window against a bare PySide6 window.

The window's cases go through the real widgets, offscreen: the key events a
keyboard sends (press and release, with their text) or an input method sends
(the pinyin being composed, then the character committed) go to the field,
and the time runs until the widget that shows the result gets its paint
event.  Each side here returns its samples in ms (see ``frontdesk.bench.Side``).
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

import frontdesk
from frontdesk import counters
from frontdesk.bench import Env, Side, Work, _actor, _child_env, _timed
from frontdesk.db.engine import Database

WAIT_MS = 3000  # a paint that has not come by then is recorded as this long


def _app() -> QApplication:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.ui.qt_support import application

    return application([sys.argv[0]])


def _context(db: Database) -> Any:
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.ui.context import AppContext

    return AppContext(db, _actor(db, "li"), counters.MAIN)


def _settle(ms: int = 50) -> None:
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        time.sleep(0.002)


class PaintWait(QObject):
    """Waits, running the window's event loop, for ``widget``'s next paint
    event once ``ready()`` holds; returns the moment (perf_counter) it came."""

    def __init__(self, widget: QWidget, ready: Callable[[], bool] = lambda: True) -> None:
        super().__init__()
        self.widget = widget
        self.ready = ready
        self.loop = QEventLoop()
        self.painted_at: float | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Paint and self.painted_at is None and self.ready():
            self.painted_at = time.perf_counter()
            self.loop.quit()
        return False

    def arm(self) -> None:
        """Forget a paint that came before the action about to be timed."""
        self.painted_at = None

    def wait(self, started: float) -> float:
        """ms from ``started`` to the paint (WAIT_MS when none came in time)."""
        if self.painted_at is None:
            QTimer.singleShot(WAIT_MS, self.loop.quit)
            self.loop.exec()
        painted, self.painted_at = self.painted_at, None
        return (painted - started) * 1000 if painted is not None else float(WAIT_MS)


# -- the ticket list's model -------------------------------------------------------------------------

def ticket_list_side(env: Env) -> Work:
    _app()
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.intake import query
    from frontdesk.ui.tickets import TicketTableModel

    db = env.database()

    def ours() -> None:
        model = TicketTableModel(db)
        model.set_filter(query.TicketFilter())
        for row in range(min(40, model.rowCount())):  # what the first screen shows (display role)
            for col in range(model.columnCount()):
                model.data(model.index(row, col))
        model.canFetchMore()

    ours()
    return lambda: [_timed(ours) for _n in range(int(env.params["count"]))]


# -- typing a returning customer's name in the intake ------------------------------------------------

def _key_events(ch: str) -> list[QEvent]:
    """What a keyboard sends for a Latin letter: a press and a release, each with its text."""
    key = Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
    return [QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, ch),
            QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, ch)]


def _composing(pinyin: str) -> QInputMethodEvent:
    return QInputMethodEvent(pinyin, [])


def _commit(ch: str) -> QInputMethodEvent:
    event = QInputMethodEvent("", [])
    event.setCommitString(ch)
    return event


def typing_side(env: Env) -> Work:
    """Each keystroke of a returning customer's name, to its matches painted
    in the list; Chinese characters come as an input method sends them."""
    _app()
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.ui.intake import IntakeScreen

    db = env.database()
    screen = IntakeScreen(_context(db))
    screen.resize(1200, 900)
    screen.show()
    _settle(300)
    edit, matches = screen.ui.nameEdit, screen.ui.matchesList
    edit.setFocus()
    shown: list[str] = []
    show = screen.live.show

    def show_and_note(text: str, result: Any) -> None:
        show(text, result)
        shown.append(text)

    screen.live.show = show_and_note
    painted = PaintWait(matches.viewport(), lambda: bool(shown) and shown[-1] == edit.text().strip())
    names: list[str] = env.params["names"]
    typed = [name[:2] if not name.isascii() else name.split()[0].lower()[:5] for name in names]

    def type_all(timed: bool) -> list[float]:
        samples: list[float] = []
        for text in typed:
            edit.clear()
            screen.live.cancel()
            matches.clear()
            _settle(30)
            for ch in text:
                shown.clear()
                painted.arm()
                if ch.isascii():
                    started = time.perf_counter()
                    for event in _key_events(ch):
                        QApplication.sendEvent(edit, event)
                else:  # the input method: the pinyin composed (before the clock), then the character committed
                    QApplication.sendEvent(edit, _composing("zh"))
                    started = time.perf_counter()
                    QApplication.sendEvent(edit, _commit(ch))
                samples.append(painted.wait(started))
        return samples

    type_all(False)  # warm: the first keystrokes load what the search uses
    return lambda: {"samples": type_all(True), "extra": {"keystrokes": sum(len(t) for t in typed)}}


# -- opening a ticket -------------------------------------------------------------------------------

def open_ticket_side(env: Env) -> Work:
    """From the dialog asked for to its first paint, as main_window.open_ticket
    does it: the window's spare dialog, made ahead while the clerk works (here:
    waited for between opens, outside the timed region), is read and shown."""
    _app()
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.ui.ticket_detail import SpareDetail

    db = env.database()
    ctx = _context(db)
    ids: list[int] = env.params["ids"]
    spare = SpareDetail(ctx)
    spare.prepare_later()

    def open_one(ticket_id: int) -> float:
        deadline = time.perf_counter() + 10
        while spare.spare is None and time.perf_counter() < deadline:
            _settle(20)
        started = time.perf_counter()
        dialog = spare.take(ticket_id)
        painted = PaintWait(dialog)
        dialog.show()
        ms = painted.wait(started)
        dialog.close()
        dialog.deleteLater()
        _settle(20)
        return ms

    open_one(ids[-1])
    return lambda: [open_one(i) for i in ids]


# -- scrolling the ticket list by a page ------------------------------------------------------------

def scroll_side(env: Env) -> Work:
    """The list's scroll bar taken to its end, as the wheel or Page Down does
    at the last row: the view asks the model for the next page (fetchMore) and
    paints it.  A sample is the time of that step (the scroll bar's move with
    the page read and inserted); the time to the paint is kept beside it."""
    _app()
    # Loaded when this case runs, so each case pays only for what it measures.
    from frontdesk.ui.tickets import TicketsScreen

    db = env.database()
    screen = TicketsScreen(_context(db))
    screen.resize(1300, 800)
    screen.show()
    model, table = screen.model, screen.ui.table
    deadline = time.perf_counter() + 10
    while model.rowCount() == 0 and time.perf_counter() < deadline:
        _settle(20)
    if model.rowCount() == 0:
        model.refresh()
    _settle(100)
    bar = table.verticalScrollBar()
    painted = PaintWait(table.viewport())

    def page() -> tuple[float, float]:
        before = model.rowCount()
        painted.arm()
        started = time.perf_counter()
        bar.setValue(bar.maximum())
        if model.rowCount() == before and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())  # the view did not ask: as it would at the next wheel turn
        step = (time.perf_counter() - started) * 1000
        return step, painted.wait(started)

    page()
    _settle(50)

    def work() -> dict[str, Any]:
        steps: list[float] = []
        paints: list[float] = []
        for _n in range(int(env.params["pages"])):
            if not model.canFetchMore(QModelIndex()):
                break
            step, paint = page()
            steps.append(step)
            paints.append(paint)
            _settle(20)
        paints.sort()
        return {"samples": steps, "extra": {"rows": model.rowCount(),
                                            "to_paint_median_ms": round(paints[len(paints) // 2], 3) if paints else None}}

    return work


# -- the start -------------------------------------------------------------------------------------

def compiled() -> bool:
    """The program's modules compiled to bytecode beside their source, as an
    installed program's are (pip compiles them when it installs): a start
    that finds none compiles each module it imports from its source, and
    measures the compiler (a checkout run with ``PYTHONDONTWRITEBYTECODE``
    never keeps what it compiled: 1.75x a bare window against 1.48x).  The
    bare window's PySide6 is compiled already.  False when some could not be
    written (a read-only install: compiled there at install)."""
    return bool(compileall.compile_dir(str(Path(frontdesk.__file__).parent), quiet=2))


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


def run_script(side: str, env: Env) -> dict[str, Any]:
    """``side`` "app" (the program to its login window) or "bare" (a bare
    window), as a fresh process timed from outside: wall time, and its CPU
    time from the kernel's account of it."""
    args = [sys.executable, "-c", STARTUP_APP, env.url] if side == "app" else [sys.executable, "-c", STARTUP_BARE]
    if side == "app":
        compiled()
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_child_env())
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = (time.perf_counter() - started) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"start-up script failed ({proc.returncode}): "
                           f"{proc.stderr.read().decode(errors='replace')[-2000:] if proc.stderr else ''}")
    if proc.stderr:
        proc.stderr.close()
    cpu = (usage.ru_utime + usage.ru_stime) * 1000
    return {"pid": proc.pid, "wall_ms": wall, "cpu_ms": cpu, "samples_ms": [wall], "extra": {}}


SIDES: dict[str, Side] = {
    "window.ticket_list": ticket_list_side, "window.typing": typing_side, "window.open_ticket": open_ticket_side,
    "window.scroll": scroll_side,
}

__all__ = ["SIDES", "open_ticket_side", "run_script", "scroll_side", "ticket_list_side", "typing_side"]
