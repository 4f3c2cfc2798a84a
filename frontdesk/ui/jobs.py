"""One way to run work in the background (in the manner of Anki's QueryOp).

A job is a plain callable ``work(progress) -> result``, run off the window's
thread.  It holds no widget and touches none; it opens its own database
session if it needs one (``with db.read() as s``: a session belongs to one
thread).  ``progress.report(done, total, text)`` tells the window how far it
is, and returns False once the window asked it to stop; the work then raises
:class:`Cancelled` or simply returns (cooperative cancel: nothing is killed).

In use::

    self.job = Job(work, owner=self, on_progress=self.show_progress, on_done=self.put_back,
                   on_success=self.show_result, on_cancelled=self.say_cancelled,
                   error_label=self.ui.messageLabel).start()
    ... self.job.cancel()  # the Cancel button

Everything comes back on the window's thread, through a queued signal:
``on_progress(done, total, text)``, then at the end ``on_done()`` (put the
screen back: buttons, progress bar) and exactly one of ``on_success(result)``,
``on_cancelled()`` or the error.  An error is shown through the one place
that shows errors, :func:`frontdesk.ui.errors.report`: an expected problem
(a :class:`~frontdesk.errors.FrontDeskError`, a device or database that
cannot be reached) becomes a clear message (inline in ``error_label`` when
given), anything else the crash dialog with its report (the worker's
traceback included).  ``on_failure(exc)`` takes the error instead, for a
caller that shows it later (still through ``report``).  No dialog is ever
made on the worker thread.

Who waits for it: a job with an ``owner`` widget is cancelled and waited for
when that widget's window closes (hides) or is destroyed, and when the
program quits, so no screen is left with work writing behind it (the work
ends as cancelled if it saw the request, else with its result).  A job without an owner (the daily
backup) belongs to the program: nothing waits for it and quitting does not
either.  Every job is referenced from here until it has reported, so the
garbage collector never ends one early.

Why a Python thread (``threading.Thread``, daemon) and not a QThread or the
QThreadPool: the backup must not hold up quitting, and neither Qt way allows
that (PySide6 6.12, measured): a QThread still running when the program ends
aborts it ("QThread: Destroyed while thread is still running"), and a thread
pool's destructor (the global pool's in QCoreApplication's) waits for its
running work.  A daemon thread does neither, has no C++ object the garbage
collector could delete under it, and Qt adopts it when the work uses Qt
objects of its own (a QPdfDocument, a QPainter on a QPrinter: both allowed
off the GUI thread).  The results cross to the window's thread through a
QObject living there, with queued signals: the Qt way of crossing threads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from frontdesk.ui.errors import report

log = logging.getLogger(__name__)

T = TypeVar("T")

PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED = "pending", "running", "succeeded", "failed", "cancelled"


class Cancelled(Exception):
    """Raised by work that stops because it was asked to."""


class Progress:
    """Handed to the work: thread-safe; the window sees the newest report
    (reports sent faster than the window takes them are merged, never queued
    up behind each other)."""

    def __init__(self, notify: Callable[[], None]) -> None:
        self._notify = notify
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._latest: tuple[float, float, str] | None = None
        self.seen = False  # the work was told to stop (and so returned early, if it returned)

    @property
    def cancelled(self) -> bool:
        """The window asked the work to stop."""
        if self._cancel.is_set():
            self.seen = True
            return True
        return False

    def report(self, done: float, total: float = 0, text: str = "") -> bool:
        """Tell the window how far the work is (``total`` 0: unknown).
        Returns False once the work should stop (so it fits the domain's
        ``keep_going``/``progress`` callbacks)."""
        with self._lock:
            first = self._latest is None
            self._latest = (done, total, text)
        if first:
            self._notify()
        return not self.cancelled

    def check(self) -> None:
        """Raise :class:`Cancelled` if the window asked the work to stop."""
        if self.cancelled:
            raise Cancelled

    def _take(self) -> tuple[float, float, str] | None:
        with self._lock:
            latest, self._latest = self._latest, None
        return latest


class _Post(QObject):
    """The one object on the window's thread where workers post: a queued
    signal carries the job across.  (One for all jobs, never deleted: a job
    is then a plain Python object that may be freed on any thread.)  It also
    watches the windows that own running jobs."""

    progressed = Signal(object)
    finished = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        queued = QtCore.Qt.ConnectionType.QueuedConnection  # made when the first job starts: after the login shows
        self.progressed.connect(self._on_progress, queued)
        self.finished.connect(self._on_finished, queued)

    @Slot(object)
    def _on_progress(self, job: Job[Any]) -> None:
        job._deliver_progress()

    @Slot(object)
    def _on_finished(self, job: Job[Any]) -> None:
        job._deliver()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A window closed (done(), close(), hide()) gets a Hide that is not
        # spontaneous; a minimized one gets a spontaneous one and goes on.
        if event.type() == QEvent.Type.Hide and not event.spontaneous():
            for job in running():
                if job._window is watched:
                    job.cancel_and_wait()
        return False


_post: _Post | None = None
_alive: set[Job[Any]] = set()


def _the_post() -> _Post:
    global _post
    if _post is None:
        app = QCoreApplication.instance()
        assert app is not None
        _post = _Post()
        app.aboutToQuit.connect(_on_quit)
    return _post


def running() -> list[Job[Any]]:
    """The jobs started and not yet reported (for the tests and for quitting)."""
    return list(_alive)


def _on_quit() -> None:
    for job in running():
        if job.owner is not None:
            job.cancel_and_wait()
        else:
            job.cancel()  # the program's own work (the backup): nothing waits for it


def _on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


class Job(Generic[T]):
    """``Job(work, owner=..., on_success=...).start()``; see the module's text."""

    def __init__(self, work: Callable[[Progress], T], *, owner: QWidget | None,
                 on_success: Callable[[T], None] | None = None,
                 on_progress: Callable[[float, float, str], None] | None = None,
                 on_cancelled: Callable[[], None] | None = None,
                 on_failure: Callable[[BaseException], None] | None = None,
                 on_done: Callable[[], None] | None = None,
                 error_label: QLabel | None = None, name: str = "job") -> None:
        if not _on_gui_thread():
            raise RuntimeError("a job is made on the window's thread")
        self.work, self.owner, self.name = work, owner, name
        self.on_success, self.on_progress, self.on_cancelled = on_success, on_progress, on_cancelled
        self.on_failure, self.on_done, self.error_label = on_failure, on_done, error_label
        self.state = PENDING
        self.result: T | None = None
        self.error: BaseException | None = None
        self._post: _Post | None = None  # made at the start (the login makes its job before it shows)
        self.progress = Progress(self._send_progress)
        self._outcome: tuple[str, object] | None = None
        self._ended = threading.Event()
        self._window: QWidget | None = None
        self._detached = False

    # the window's side

    def start(self) -> Job[T]:
        if self.state != PENDING:
            raise RuntimeError(f"the job {self.name} was started already")
        self.state = RUNNING
        self._post = _the_post()
        _alive.add(self)
        if self.owner is not None:
            self._window = self.owner.window()
            self._window.installEventFilter(self._post)
            self.owner.destroyed.connect(self._owner_gone)
        threading.Thread(target=self._run, name=f"job-{self.name}", daemon=True).start()
        return self

    @property
    def is_running(self) -> bool:
        return self.state == RUNNING

    def cancel(self) -> None:
        """Ask the work to stop.  It ends as cancelled once it has seen the
        request (``report`` returned False, ``cancelled`` was True, ``check``
        raised); work that ended without seeing it delivers its result (an
        export that finished has written its file), and an error it raises on
        the way is still shown."""
        self.progress._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work has ended (True) or ``timeout`` seconds passed."""
        return self._ended.wait(timeout)

    def cancel_and_wait(self) -> None:
        """Stop the work and report its end now (not later from the event
        loop): a closing window is put back before it goes."""
        if self.state != RUNNING:
            return
        self.cancel()
        self.wait()
        self._deliver()

    def _owner_gone(self) -> None:
        """The owner is being destroyed: stop the work, wait for it, and
        report nothing to a screen that is no longer there."""
        self._detached = True
        self.cancel_and_wait()

    def _deliver_progress(self) -> None:
        update = self.progress._take()
        if update is None or self.state != RUNNING or self._detached or self.on_progress is None:
            return
        self.on_progress(*update)

    def _unwatch(self) -> None:
        window, self._window = self._window, None
        if self._detached:
            return  # the owner is being destroyed: its connections and filters go with it
        if window is not None and self._post is not None and shiboken6.isValid(window) and not any(
                job._window is window for job in running()):
            window.removeEventFilter(self._post)
        if self.owner is not None and shiboken6.isValid(self.owner):
            self.owner.destroyed.disconnect(self._owner_gone)

    def _deliver(self) -> None:
        if self.state != RUNNING or self._outcome is None:
            return
        kind, value = self._outcome
        if kind == SUCCEEDED and self.progress.seen:
            kind, value = CANCELLED, None  # told to stop, it returned early: not a result
        self.state = kind
        _alive.discard(self)
        self._unwatch()
        if kind == FAILED:
            assert isinstance(value, BaseException)
            self.error = value
            if self._detached:
                log.error("background job %s failed after its window closed", self.name, exc_info=value)
                return
        if self._detached:
            return
        if self.on_done is not None:
            self.on_done()
        if kind == SUCCEEDED:
            self.result = cast(T, value)
            if self.on_success is not None:
                self.on_success(self.result)
        elif kind == CANCELLED:
            log.info("background job %s cancelled", self.name)
            if self.on_cancelled is not None:
                self.on_cancelled()
        else:
            assert isinstance(value, BaseException)
            if self.on_failure is not None:
                self.on_failure(value)
            else:
                report(self.owner, value, self.error_label)

    # the worker's side: no widget, no dialog

    def _send_progress(self) -> None:
        if self._post is None:  # not started: nobody listens yet
            return
        try:
            self._post.progressed.emit(self)
        except RuntimeError:  # the program is ending: nobody to tell
            pass

    def _run(self) -> None:
        try:
            outcome: tuple[str, object] = (SUCCEEDED, self.work(self.progress))
        except Cancelled:
            outcome = (CANCELLED, None)
        except BaseException as exc:  # shown on the window's thread
            outcome = (FAILED, exc)
        self._outcome = outcome
        self._ended.set()
        assert self._post is not None  # run by start(), which made it
        try:
            self._post.finished.emit(self)
        except RuntimeError:
            pass


__all__ = ["Cancelled", "Job", "Progress", "running"]
