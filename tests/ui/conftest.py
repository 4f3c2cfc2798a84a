from collections.abc import Iterator
from pathlib import Path

import pytest
from ui_helpers import _program_translator, approvals, ctx, shop  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True, scope="session")
def _settings_of_this_machine_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Per-machine settings (printers, counter name, language) written by the
    tests go to a throw-away folder, never to the user's own configuration."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture(autouse=True)
def _this_machine_starts_fresh(_settings_of_this_machine_in_a_temporary_folder: None) -> None:
    """Each test starts with this machine's settings empty: a language, a
    counter or a printer chosen by one test does not leak into the next."""
    from PySide6.QtCore import QSettings

    QSettings().clear()
    QSettings().sync()


@pytest.fixture(autouse=True)
def _no_preview_left_open() -> Iterator[None]:
    """A print preview is a window of its own (a payment opens one): closed
    before and after each test, so a test sees only the previews it opened."""
    from PySide6.QtWidgets import QApplication

    from frontdesk.ui.print_preview import PrintPreviewDialog

    def close_all() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, PrintPreviewDialog) and widget.isVisible():
                widget.close()

    close_all()
    yield
    close_all()


@pytest.fixture(autouse=True)
def _quitting_asks_nobody(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The window asks before a quit throws away an unsaved intake or an open
    dialog; tests that do not answer it themselves agree (a question box
    would wait for ever when the test closes its window).  Returns what was
    asked about."""
    # Here, not at the top: the fixtures of this file load before the screens' modules are wanted.
    from frontdesk.ui.main_window import MainWindow

    asked: list[list[str]] = []

    def agree(self: MainWindow, what: list[str], parent: object = None, question: object = None) -> bool:
        asked.append(list(what))
        return True

    monkeypatch.setattr(MainWindow, "confirm_discard", agree)
    return asked


@pytest.fixture(autouse=True)
def _documents_in_a_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save dialog makes its default folder (Documents/FrontDesk/exports)
    when it is not there: in a throw-away folder, never in the user's own."""
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "Documents"))
