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
def _documents_in_a_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save dialog makes its default folder (Documents/FrontDesk/exports)
    when it is not there: in a throw-away folder, never in the user's own."""
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "Documents"))
