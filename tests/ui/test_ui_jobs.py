"""Work in the background (frontdesk.ui.jobs): the result, the progress and
the errors come back on the window's thread; a cancel stops the work; an
expected error is a clear message and a bug the crash dialog, both through
frontdesk.ui.errors; closing the window stops and waits for its work."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from frontdesk.errors import Conflict
from frontdesk.ui import errors as ui_errors
from frontdesk.ui import jobs
from frontdesk.ui.jobs import Cancelled, Job, Progress

WAIT_MS = 10_000


def on_gui_thread() -> bool:
    app = QApplication.instance()
    assert app is not None
    return QThread.currentThread() is app.thread()


@dataclass
class Shown:
    """What frontdesk.ui.errors showed: message boxes and crash dialogs, each
    with whether it was made on the window's thread."""

    messages: list[tuple[str, bool]] = field(default_factory=list)
    crashes: list[tuple[str, bool]] = field(default_factory=list)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Iterator[Shown]:
    seen = Shown()

    def warning(parent: QWidget | None, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        seen.messages.append((text, on_gui_thread()))
        return QMessageBox.StandardButton.Ok

    def exec_(dialog: ui_errors.CrashDialog) -> int:
        seen.crashes.append((dialog.text.toPlainText(), on_gui_thread()))
        return 0

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(ui_errors, "_headless", lambda: False)  # the crash dialog is made, its exec recorded
    monkeypatch.setattr(ui_errors.CrashDialog, "exec", exec_)
    yield seen
    assert not jobs.running(), "a test left a job running"


class Screen(QDialog):
    """A dialog that runs a job and writes down what it hears, and where."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)
        QVBoxLayout(self).addWidget(self.label)
        self.heard: list[tuple[str, object, bool]] = []

    def hear(self, what: str) -> object:
        def callback(*args: object) -> None:
            self.heard.append((what, args[0] if len(args) == 1 else args, on_gui_thread()))
        return callback

    def run(self, work: object, label: bool = False) -> Job[object]:
        return Job(work, owner=self, on_success=self.hear("success"),  # type: ignore[arg-type]
                   on_progress=self.hear("progress"), on_cancelled=self.hear("cancelled"),
                   on_done=self.hear("done"), error_label=self.label if label else None, name="test").start()


@pytest.fixture
def screen(qtbot: QtBot) -> Screen:
    s = Screen()
    qtbot.addWidget(s)
    s.show()
    return s


def wait_ended(qtbot: QtBot, job: Job[Any]) -> None:
    qtbot.waitUntil(lambda: not job.is_running, timeout=WAIT_MS)


def test_the_result_and_the_progress_arrive_on_the_windows_thread(qtbot: QtBot, screen: Screen, shown: Shown) -> None:
    worked_on: list[bool] = []

    def work(progress: Progress) -> int:
        worked_on.append(on_gui_thread())
        for done in range(1, 4):
            assert progress.report(done, 3, f"step {done}")
        return 42

    job = screen.run(work)
    wait_ended(qtbot, job)
    assert worked_on == [False]  # the work ran off the window's thread
    assert job.state == jobs.SUCCEEDED and job.result == 42
    progress = [args for what, args, _gui in screen.heard if what == "progress"]
    assert progress and progress[-1] == (3, 3, "step 3")  # the newest report always arrives
    assert [h for h in screen.heard if h[0] != "progress"] == [("done", (), True), ("success", 42, True)]
    assert all(gui for _what, _args, gui in screen.heard)
    assert not shown.messages and not shown.crashes


def test_cancel_stops_the_work_and_says_cancelled_without_an_error(qtbot: QtBot, screen: Screen,
                                                                    shown: Shown) -> None:
    started, steps = threading.Event(), []

    def work(progress: Progress) -> str:
        started.set()
        for step in range(10_000):
            progress.check()  # raises Cancelled once asked to stop
            steps.append(step)
            threading.Event().wait(0.005)
        return "finished anyway"

    job = screen.run(work)
    assert started.wait(5)
    job.cancel()
    wait_ended(qtbot, job)
    assert job.state == jobs.CANCELLED and job.result is None and len(steps) < 10_000
    assert [h for h in screen.heard if h[0] != "progress"] == [("done", (), True), ("cancelled", (), True)]
    assert not shown.messages and not shown.crashes

    def returns_early(progress: Progress) -> str:  # the other way to stop: just return
        while progress.report(0, 0, "waiting"):
            threading.Event().wait(0.005)
        return "partial"

    screen.heard.clear()
    job = screen.run(returns_early)
    job.cancel()
    wait_ended(qtbot, job)
    assert job.state == jobs.CANCELLED and ("cancelled", (), True) in screen.heard
    assert not any(what == "success" for what, _a, _g in screen.heard)

    gate = threading.Event()

    def never_looks(progress: Progress) -> str:  # a cancel it did not see: it finished, its result stands
        gate.wait(5)
        return "written"

    screen.heard.clear()
    job = screen.run(never_looks)
    job.cancel()
    gate.set()
    wait_ended(qtbot, job)
    assert job.state == jobs.SUCCEEDED and ("success", "written", True) in screen.heard


def test_an_expected_error_is_a_clear_message(qtbot: QtBot, screen: Screen, shown: Shown) -> None:
    def work(progress: Progress) -> None:
        raise Conflict("Someone at counter 2 changed this ticket.")

    job = screen.run(work)
    wait_ended(qtbot, job)
    assert job.state == jobs.FAILED and isinstance(job.error, Conflict)
    assert shown.messages == [("Someone at counter 2 changed this ticket.", True)] and not shown.crashes
    assert ("done", (), True) in screen.heard and not any(w in ("success", "cancelled") for w, _a, _g in screen.heard)

    job = screen.run(work, label=True)  # the screen's message label, when it has one
    wait_ended(qtbot, job)
    assert screen.label.text() == "Someone at counter 2 changed this ticket." and len(shown.messages) == 1


def test_a_bug_is_the_crash_dialog_with_the_workers_traceback(qtbot: QtBot, screen: Screen, shown: Shown) -> None:
    def broken_work(progress: Progress) -> None:
        {}["no such key"]  # a bug

    job = screen.run(broken_work, label=True)
    wait_ended(qtbot, job)
    assert job.state == jobs.FAILED and not shown.messages and screen.label.text() == ""
    [(report, gui)] = shown.crashes
    assert gui and "KeyError: 'no such key'" in report and "broken_work" in report


def test_closing_the_window_cancels_its_work_and_waits(qtbot: QtBot, screen: Screen, shown: Shown) -> None:
    started, ended = threading.Event(), threading.Event()

    def work(progress: Progress) -> None:
        started.set()
        try:
            while not progress.cancelled:
                threading.Event().wait(0.005)
            raise Cancelled
        finally:
            ended.set()

    job = screen.run(work)
    assert started.wait(5)
    screen.reject()
    assert ended.is_set() and job.state == jobs.CANCELLED  # waited for, and reported before the window went
    assert screen.heard[-2:] == [("done", (), True), ("cancelled", (), True)]
    assert not shown.messages and not shown.crashes


def test_a_window_destroyed_under_its_work_stops_it_and_hears_nothing(qtbot: QtBot, shown: Shown) -> None:
    import shiboken6

    owner = Screen()
    started = threading.Event()

    def work(progress: Progress) -> None:
        started.set()
        while progress.report(0):
            threading.Event().wait(0.005)

    job = owner.run(work)
    assert started.wait(5)
    shiboken6.delete(owner)
    assert job.state == jobs.CANCELLED and not jobs.running()


def test_a_job_without_a_window_is_the_programs_and_shows_its_error(qtbot: QtBot, shown: Shown) -> None:
    def work(progress: Progress) -> None:
        raise Conflict("The backup folder is in use.")

    job: Job[None] = Job(work, owner=None, name="backup").start()
    wait_ended(qtbot, job)
    assert shown.messages == [("The backup folder is in use.", True)]
