"""Private files (finding 7 of issue 17): the database, backups, exports and
log were created 0644 in a 0755 folder, readable by every local user.

Now what the program creates is 0600 in folders it makes 0700: through the
command line (which also sets the umask), and as a library under an open
umask (explicit modes).  What the shop made itself keeps its mode."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from frontdesk import backup, logs, paths
from frontdesk.cli import main
from frontdesk.db.engine import Database
from frontdesk.db.migrate import upgrade
from frontdesk.headoffice.export import export_workbook
from frontdesk.printing import documents

DAY = "2026-11-24"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual umask of a desktop session (022): files 0644 unless the program says otherwise."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's data and documents folders in a throw-away place; no FRONTDESK_DB."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "Documents"))
    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    return tmp_path


def test_the_command_line_makes_the_database_its_backup_and_exports_private(home: Path, open_umask: None) -> None:
    assert main(["db", "upgrade"]) == 0  # the default database, in the user's data folder
    folder = home / "data" / "FrontDesk"
    database = folder / "frontdesk.sqlite"
    assert mode(folder) == 0o700
    assert mode(database) == 0o600
    for extra in (folder / "frontdesk.sqlite-wal", folder / "frontdesk.sqlite-shm"):
        if extra.exists():
            assert mode(extra) == 0o600, extra
    copies = list((folder / "backups").iterdir())  # the day's automatic copy, made as it opened
    assert copies and mode(folder / "backups") == 0o700
    assert {mode(p) for p in copies} == {0o600}
    out = home / "out"
    out.mkdir()
    out.chmod(0o755)  # a folder the shop made
    assert main(["export", "--from", DAY, "--to", DAY, "-o", str(out / "office.xlsx"), "--quiet"]) == 0
    assert main(["day-close", "--date", DAY, "--pdf", str(out / "close.pdf")]) == 0
    assert mode(out / "office.xlsx") == 0o600
    assert mode(out / "close.pdf") == 0o600
    assert mode(out) == 0o755  # the shop's own folder keeps its mode


def test_library_use_under_an_open_umask_is_private_too(home: Path, open_umask: None) -> None:
    assert mode(paths.data_dir()) == 0o700
    assert mode(paths.exports_dir()) == 0o700
    assert mode(home / "Documents" / "FrontDesk") == 0o700  # the parents it made too
    path = home / "shop" / "frontdesk.sqlite"
    path.parent.mkdir()
    db = Database(f"sqlite:///{path}")
    try:
        upgrade(db)
        assert mode(path) == 0o600
        assert mode(path.with_name("frontdesk.sqlite-wal")) == 0o600
        copy = backup.backup(db, home / "copies" / "today.sqlite")
        assert mode(copy) == 0o600 and mode(copy.parent) == 0o700
        export = export_workbook(db, None, home / "shop" / "office.xlsx", date(2026, 11, 24), date(2026, 11, 24))
        assert mode(export.path) == 0o600
        with db.read() as s:
            pdf = documents.print_reconciliation(s, date(2026, 11, 24), home / "shop" / "close.pdf", counter="main")
        assert mode(pdf) == 0o600
    finally:
        db.dispose()


def test_a_database_the_shop_made_keeps_its_mode(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "shared.sqlite"
    sqlite3.connect(path).close()
    path.chmod(0o640)  # the shop's choice (a group that may read it)
    db = Database(f"sqlite:///{path}")
    try:
        upgrade(db)
    finally:
        db.dispose()
    assert mode(path) == 0o640


def test_the_log_and_its_rotated_files_are_private(tmp_path: Path, open_umask: None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 300)
    path = tmp_path / "frontdesk.log"
    handler = logs.log_to_file(path)
    try:
        for n in range(20):
            logging.getLogger("frontdesk.test").warning("line %d of a log that rotates", n)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    rotated = sorted(tmp_path.glob("frontdesk.log*"))
    assert len(rotated) == 1 + logs.BACKUPS
    assert {mode(p) for p in rotated} == {0o600}
