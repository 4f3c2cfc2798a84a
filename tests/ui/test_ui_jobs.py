"""Work in the background (frontdesk.ui.jobs): the result, the progress and
the errors come back on the window's thread; a cancel stops the work; an
expected error is a clear message and a bug the crash dialog, both through
frontdesk.ui.errors; closing the window stops and waits for its work."""

from __future__ import annotations

import errno
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from frontdesk.backup import BackupRefused
from frontdesk.db.engine import Database
from frontdesk.errors import Conflict
from frontdesk.ui import errors as ui_errors
from frontdesk.ui import jobs
from frontdesk.ui.context import AppContext
from frontdesk.ui.export_dialog import ExportDialog
from frontdesk.ui.jobs import Cancelled, Job, Progress
from frontdesk.ui.print_preview import PrintPreviewDialog

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

    def hear(self, what: str) -> Callable[..., None]:
        def callback(*args: object) -> None:
            self.heard.append((what, args[0] if len(args) == 1 else args, on_gui_thread()))
        return callback

    def run(self, work: Callable[[Progress], object], label: bool = False) -> Job[object]:
        return Job(work, owner=self, on_success=self.hear("success"),
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
        empty: dict[str, int] = {}
        empty["no such key"]  # a bug

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


# Each screen's background work: an error raised inside it is shown on the
# window's thread, through frontdesk.ui.errors.

@pytest.fixture
def inline(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Messages frontdesk.ui.errors.report said inline in a screen's label."""
    said: list[tuple[str, bool]] = []
    show = ui_errors.show_inline

    def recording(label: QLabel, text: str, ok: bool = False) -> None:
        said.append((text, on_gui_thread()))
        show(label, text, ok)

    monkeypatch.setattr(ui_errors, "show_inline", recording)
    return said


def export_dialog(qtbot: QtBot, ctx: AppContext, path: Path) -> ExportDialog:
    dialog = ExportDialog(ctx, date(2026, 10, 1), date(2026, 10, 31))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.fileEdit.setText(str(path))
    return dialog


def test_an_export_to_a_folder_that_is_not_there_says_so(qtbot: QtBot, ctx: AppContext, tmp_path: Path,
                                                         shown: Shown, inline: list[tuple[str, bool]]) -> None:
    dialog = export_dialog(qtbot, ctx, tmp_path / "gone" / "shop.xlsx")
    with qtbot.waitSignal(dialog.finished_export, timeout=WAIT_MS) as ended:
        assert dialog.start()
    assert ended.args == [""]
    assert inline == [(f"No such folder: {tmp_path / 'gone'}", True)]  # raised by the export, off the window's thread
    assert dialog.ui.messageLabel.text() == f"No such folder: {tmp_path / 'gone'}"
    assert dialog.ui.exportButton.isEnabled() and not dialog.ui.progressBar.isVisible()
    assert not shown.messages and not shown.crashes


def test_a_bug_inside_the_export_is_the_crash_dialog(qtbot: QtBot, ctx: AppContext, tmp_path: Path, shown: Shown,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from frontdesk.headoffice import export

    def broken_save(*args: object) -> None:
        raise TypeError("the workbook writer broke")

    monkeypatch.setattr(export, "save", broken_save)
    target = tmp_path / "shop.xlsx"
    dialog = export_dialog(qtbot, ctx, target)
    with qtbot.waitSignal(dialog.finished_export, timeout=WAIT_MS) as ended:
        assert dialog.start()
    assert ended.args == [""] and not target.exists()
    [(report, gui)] = shown.crashes
    assert gui and "TypeError: the workbook writer broke" in report and "broken_save" in report
    assert dialog.ui.exportButton.isEnabled() and not dialog.ui.cancelButton.isVisible()


def test_closing_the_export_dialog_cancels_the_export(qtbot: QtBot, ctx: AppContext, tmp_path: Path,
                                                     shown: Shown, monkeypatch: pytest.MonkeyPatch) -> None:
    from frontdesk.headoffice import export

    started = threading.Event()
    real = export.new_workbook

    def slow_workbook() -> object:  # the export is under way when the dialog closes
        started.set()
        threading.Event().wait(0.3)
        return real()

    monkeypatch.setattr(export, "new_workbook", slow_workbook)
    target = tmp_path / "shop.xlsx"
    dialog = export_dialog(qtbot, ctx, target)
    ends: list[str] = []
    dialog.finished_export.connect(ends.append)
    assert dialog.start()
    assert started.wait(5)
    dialog.reject()
    assert ends == [""] and not target.exists() and not jobs.running()
    assert dialog.ui.messageLabel.text() == "The export was cancelled; no file was written."


class FailingPrinter(QPrinter):
    """A printer that takes the first page and then fails (``error`` raised
    at the second)."""

    def __init__(self, path: Path, error: Exception) -> None:
        super().__init__(QPrinter.PrinterMode.HighResolution)
        self.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.setOutputFileName(str(path))
        self.error = error

    def newPage(self) -> bool:
        raise self.error


def two_pages(tmp_path: Path) -> Path:
    from frontdesk.printing.base import ShopHeader
    from frontdesk.printing.feedback_card import CardData, write_feedback_cards

    cards = [CardData(serial=f"C2026-{i:06d}", ticket_no=f"T2026-{i:06d}", issued_on=date(2026, 11, 24),
                      technician="刘师傅") for i in (1, 2)]
    return write_feedback_cards(cards, tmp_path / "cards.pdf", ShopHeader("鸿运家电维修中心"), layout="a6")


def print_preview(qtbot: QtBot, tmp_path: Path) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(two_pages(tmp_path), "Feedback cards", "card")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.document.pageCount() == 2
    return dialog


def test_a_printer_that_fails_while_printing_says_so_and_keeps_the_document(
        qtbot: QtBot, tmp_path: Path, shown: Shown, inline: list[tuple[str, bool]]) -> None:
    dialog = print_preview(qtbot, tmp_path)
    printer = FailingPrinter(tmp_path / "printed.pdf", OSError(errno.EIO, "Input/output error"))
    with qtbot.waitSignal(dialog.printed, timeout=WAIT_MS) as ended:
        assert dialog.print_to(printer)
    assert ended.args == [0] and dialog.pdf.exists()
    assert inline == [("Could not use the file or device: Input/output error.", True)]
    assert dialog.ui.printButton.isEnabled() and not dialog.ui.cancelPrintButton.isVisible()
    assert not shown.messages and not shown.crashes


@pytest.mark.qt_log_ignore("QPainter::begin")
def test_a_printer_that_does_not_start_says_so(qtbot: QtBot, tmp_path: Path, shown: Shown,
                                               inline: list[tuple[str, bool]]) -> None:
    dialog = print_preview(qtbot, tmp_path)
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "no-such-folder" / "printed.pdf"))
    with qtbot.waitSignal(dialog.printed, timeout=WAIT_MS) as ended:
        assert dialog.print_to(printer)
    assert ended.args == [0]
    assert inline == [("The printer did not start. The document is kept: try again.", True)]


def test_a_bug_while_printing_is_the_crash_dialog(qtbot: QtBot, tmp_path: Path, shown: Shown) -> None:
    dialog = print_preview(qtbot, tmp_path)
    printer = FailingPrinter(tmp_path / "printed.pdf", ZeroDivisionError("page size divided by zero"))
    with qtbot.waitSignal(dialog.printed, timeout=WAIT_MS) as ended:
        assert dialog.print_to(printer)
    assert ended.args == [0]
    [(report, gui)] = shown.crashes
    assert gui and "ZeroDivisionError: page size divided by zero" in report and "newPage" in report
    assert dialog.ui.printButton.isEnabled()


@pytest.fixture
def start_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    """frontdesk.ui.app.run without its lasting effects on the test process
    (the log file, the counter, the excepthook)."""
    from frontdesk.ui import app, machine

    monkeypatch.setattr(app, "_log_to_file", lambda: None)
    monkeypatch.setattr(machine, "this_counter", lambda: "main")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)


UNREACHABLE = "postgresql+psycopg://frontdesk@127.0.0.1:9/frontdesk"  # nothing listens on port 9


def test_a_database_that_cannot_be_reached_at_start_is_a_message(qtbot: QtBot, shown: Shown,
                                                                 start_quietly: None) -> None:
    from frontdesk.ui.app import run

    assert run(UNREACHABLE) == 2
    [(text, gui)] = shown.messages
    assert gui and text.startswith("The database cannot be reached: ") and "127.0.0.1" in text
    assert not shown.crashes


def test_a_bug_while_opening_the_database_is_the_crash_dialog(qtbot: QtBot, shown: Shown, start_quietly: None,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from frontdesk.ui import app

    def broken_open(url: str | None) -> object:
        raise AttributeError("'NoneType' object has no attribute 'engine'")

    monkeypatch.setattr(app, "_open", broken_open)
    assert app.run("sqlite:///unused.sqlite") == 2
    [(report, gui)] = shown.crashes
    assert gui and "AttributeError" in report and "broken_open" in report and not shown.messages


def test_the_daily_backup_runs_in_the_background_and_says_nothing(qtbot: QtBot, sqlite_db: Database,
                                                                  shown: Shown) -> None:
    from frontdesk.ui.app import _daily_backup_in_background

    job = _daily_backup_in_background(sqlite_db)
    wait_ended(qtbot, job)
    assert job.state == jobs.SUCCEEDED and job.result is not None and job.result.exists()
    assert not shown.messages and not shown.crashes


@pytest.mark.parametrize("error", [BackupRefused("The backup folder is not writable."),
                                   RuntimeError("the rotation broke")])
def test_a_failing_daily_backup_is_a_message_or_the_crash_dialog(qtbot: QtBot, sqlite_db: Database, shown: Shown,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 error: Exception) -> None:
    from frontdesk import backup
    from frontdesk.ui.app import _daily_backup_in_background

    def failing(db: Database, *args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(backup, "daily_backup_if_due", failing)
    job = _daily_backup_in_background(sqlite_db)
    wait_ended(qtbot, job)
    assert job.state == jobs.FAILED
    if isinstance(error, BackupRefused):
        assert shown.messages == [("The backup folder is not writable.", True)] and not shown.crashes
    else:
        [(report, gui)] = shown.crashes
        assert gui and "RuntimeError: the rotation broke" in report and not shown.messages


def test_the_first_export_on_a_fresh_machine_offers_a_folder_that_exists(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: Shown) -> None:
    """A HOME with no Documents folder: the dialog offers
    Documents/FrontDesk/exports, made for it, and the export is written there."""
    home = tmp_path / "fresh-home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DOCUMENTS_DIR", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    dialog = ExportDialog(ctx, date(2026, 10, 1), date(2026, 10, 31))
    qtbot.addWidget(dialog)
    dialog.show()
    offered = Path(dialog.ui.fileEdit.text())
    assert offered.parent == home / "Documents" / "FrontDesk" / "exports" and offered.parent.is_dir()
    with qtbot.waitSignal(dialog.finished_export, timeout=WAIT_MS) as ended:
        assert dialog.start()
    assert ended.args == [str(offered)] and offered.is_file()
    assert not shown.messages and not shown.crashes


def test_the_default_folder_falls_back_to_home_when_it_cannot_be_made(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from frontdesk import paths

    home = tmp_path / "home"
    home.mkdir()
    (home / "Documents").write_text("a file where the folder should be")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    assert paths.exports_dir() == home
