"""Backups: the online copy, its check, restore, rotation, the daily and the
before-upgrade copies, and the command line's backup and restore."""

from __future__ import annotations

import argparse
import io
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from frontdesk import backup, backup_cli
from frontdesk.backup import BackupRefused, keep_by_rotation
from frontdesk.db.engine import Database
from frontdesk.db.migrate import current_revision, head_revision, open_database
from frontdesk.errors import DatabaseUnavailable
from frontdesk.intake import service as intake
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, fridge_form
from tests.conftest import MANAGER_PIN, seed_users

PG_URL = "postgresql+psycopg://frontdesk@localhost/frontdesk"


def _ticket(db: Database, clerk: Actor, serial: str) -> str:
    with db.write() as s:
        result = intake.take_intake(s, clerk, fridge_form(serial=serial), now=NOW)
        return result.number


def _numbers(path: Path) -> list[str]:
    conn = sqlite3.connect(str(path))
    try:
        return [r[0] for r in conn.execute("SELECT number FROM tickets ORDER BY number")]
    finally:
        conn.close()


@pytest.fixture
def filled(sqlite_db: Database) -> tuple[Database, Actor, Path]:
    _manager, clerk = seed_users(sqlite_db)
    _ticket(sqlite_db, clerk, "SN-A")
    return sqlite_db, clerk, backup.database_file(sqlite_db)


def test_backup_while_another_counter_writes(filled: tuple[Database, Actor, Path], tmp_path: Path) -> None:
    db, clerk, path = filled
    writer = sqlite3.connect(str(path), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE tickets SET fault = 'half written'")  # not committed while the copy runs
    try:
        out = backup.backup(db, tmp_path / "copy" / "b.sqlite")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    info = backup.check_backup(out)
    assert (info.revision, info.tickets) == (head_revision(), 1)
    assert [p.name for p in out.parent.iterdir()] == ["b.sqlite"]  # no temp file, no -wal beside it
    conn = sqlite3.connect(str(out))
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("SELECT fault FROM tickets").fetchone()[0] != "half written"
    conn.close()


def test_backup_refuses_clearly(filled: tuple[Database, Actor, Path], tmp_path: Path) -> None:
    db, _clerk, path = filled
    with pytest.raises(BackupRefused, match="cannot overwrite the database itself"):
        backup.backup(db, path)
    with pytest.raises(BackupRefused, match="is a folder"):
        backup.backup(db, tmp_path)
    with pytest.raises(BackupRefused, match="no database to back up"):
        backup.backup(str(tmp_path / "missing.sqlite"), tmp_path / "x.sqlite")
    with pytest.raises(BackupRefused, match="in-memory"):
        backup.backup("sqlite://", tmp_path / "x.sqlite")


def test_postgresql_is_sent_to_pg_dump_and_pg_restore(tmp_path: Path) -> None:
    with pytest.raises(BackupRefused, match="pg_dump"):
        backup.backup(PG_URL, tmp_path / "x.sqlite")
    with pytest.raises(BackupRefused, match="pg_restore"):
        backup.restore(tmp_path / "x.sqlite", PG_URL)
    assert backup.daily_backup_if_due(Database(PG_URL)) is None


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(4096 + 100, len(data), 997):  # every page but the header's
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("make, problem", [
    (lambda p: None, "No such backup file"),
    (lambda p: p.write_bytes(b""), "not an SQLite database"),
    (lambda p: p.write_text("id,name\n1,张三\n", encoding="utf-8"), "not an SQLite database"),
    (lambda p: sqlite3.connect(str(p)).executescript("CREATE TABLE notes (x); INSERT INTO notes VALUES (1);"),
     "not a FrontDesk database"),
])
def test_check_refuses_foreign_files(tmp_path: Path, make: object, problem: str) -> None:
    path = tmp_path / "foreign.sqlite"
    make(path)  # type: ignore[operator]
    with pytest.raises(BackupRefused, match=problem):
        backup.check_backup(path)


def test_check_refuses_a_damaged_or_newer_backup(filled: tuple[Database, Actor, Path], tmp_path: Path) -> None:
    db, _clerk, _path = filled
    damaged = backup.backup(db, tmp_path / "damaged.sqlite")
    _corrupt(damaged)
    with pytest.raises(BackupRefused, match="damaged|cannot be read"):
        backup.check_backup(damaged)
    newer = backup.backup(db, tmp_path / "newer.sqlite")
    with sqlite3.connect(str(newer)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(BackupRefused, match="newer FrontDesk"):
        backup.check_backup(newer)
    empty = backup.backup(db, tmp_path / "empty.sqlite")
    with sqlite3.connect(str(empty)) as conn:
        conn.execute("DELETE FROM alembic_version")
    with pytest.raises(BackupRefused, match="no schema version"):
        backup.check_backup(empty)


def test_restore_replaces_the_database_and_keeps_what_it_replaced(filled: tuple[Database, Actor, Path],
                                                                   tmp_path: Path) -> None:
    db, clerk, path = filled
    saved = backup.backup(db, tmp_path / "saved.sqlite")
    later = _ticket(db, clerk, "SN-B")
    with db.read() as s:  # the program keeps its engine (and pooled connection) open
        assert s.execute(text("SELECT count(*) FROM tickets")).scalar() == 2
    result = backup.restore(saved, db)
    assert result.database == path
    assert result.previous is not None and result.previous.parent == path.parent / "backups"
    assert later in _numbers(result.previous)
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM tickets")).scalar() == 1
    assert backup.check_backup(path).tickets == 1
    assert later not in _numbers(path)
    _ticket(db, clerk, "SN-C")  # the restored database takes new work (numbering continues from the backup)


def test_restore_refuses_a_bad_file_and_changes_nothing(filled: tuple[Database, Actor, Path], tmp_path: Path) -> None:
    db, _clerk, path = filled
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database")
    before = _numbers(path)
    with pytest.raises(BackupRefused, match="not an SQLite database"):
        backup.restore(bad, db)
    assert _numbers(path) == before
    assert not (path.parent / "backups").exists()
    with pytest.raises(BackupRefused, match="the database itself"):
        backup.restore(path, db)


def test_restore_to_a_new_file(filled: tuple[Database, Actor, Path], tmp_path: Path) -> None:
    db, _clerk, path = filled
    saved = backup.backup(db, tmp_path / "saved.sqlite")
    target = tmp_path / "new" / "frontdesk.sqlite"
    with pytest.raises(BackupRefused, match="folder for the database does not exist"):
        backup.restore(saved, str(target))
    target.parent.mkdir()
    result = backup.restore(saved, str(target))
    assert result.previous is None
    assert _numbers(target) == _numbers(path)


# Rotation -------------------------------------------------------------------

stamps = st.lists(st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31)), max_size=60)
days = st.integers(min_value=0, max_value=10)


@settings(max_examples=300, deadline=None)
@given(stamps, days, days)
def test_rotation_keeps_the_newest_of_recent_days_and_weeks(taken: list[datetime], daily: int, weekly: int) -> None:
    kept = keep_by_rotation(taken, daily, weekly)
    assert kept <= set(taken)
    assert len(kept) <= daily + weekly
    if taken and (daily or weekly):
        assert max(taken) in kept  # the newest backup always survives
    recent_days = sorted({t.date() for t in taken}, reverse=True)[:daily]
    for day in recent_days:
        assert max(t for t in taken if t.date() == day) in kept
    weeks = sorted({t.isocalendar()[:2] for t in taken}, reverse=True)[:weekly]
    for week in weeks:
        assert max(t for t in taken if t.isocalendar()[:2] == week) in kept
    for t in kept:  # nothing kept but the newest of its day or of its week
        assert t == max(u for u in taken if u.date() == t.date()) or \
            t == max(u for u in taken if u.isocalendar()[:2] == t.isocalendar()[:2])
    assert keep_by_rotation(kept, daily, weekly) == kept  # running it again deletes nothing more


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=23), min_size=1, max_size=90))
def test_one_backup_a_day_for_months_keeps_seven_days_and_four_weeks(hours: list[int]) -> None:
    start = datetime(2026, 1, 1)
    kept: set[datetime] = set()
    for n, hour in enumerate(hours):  # rotation runs after every day's backup, as the program does
        kept = keep_by_rotation(kept | {start + timedelta(days=n, hours=hour)})
    last = start + timedelta(days=len(hours) - 1)
    assert {t.date() for t in kept} >= {(last - timedelta(days=d)).date() for d in range(min(7, len(hours)))}
    assert len(kept) <= 7 + 4
    assert len({t.isocalendar()[:2] for t in kept}) >= min(4, len({(start + timedelta(days=n)).isocalendar()[:2]
                                                                  for n in range(len(hours))}))


def test_daily_backup_once_a_day_with_rotation(filled: tuple[Database, Actor, Path]) -> None:
    db, _clerk, path = filled
    folder = path.parent / "backups"
    foreign = folder / "my-own-copy.sqlite"
    folder.mkdir()
    foreign.write_bytes(b"mine")
    first = backup.daily_backup_if_due(db, now=datetime(2026, 3, 1, 9, 0))
    assert first is not None and first.parent == folder
    assert backup.daily_backup_if_due(db, now=datetime(2026, 3, 1, 17, 0)) is None
    for n in range(1, 40):
        backup.daily_backup_if_due(db, now=datetime(2026, 3, 1, 9, 0) + timedelta(days=n))
    autos = backup.list_backups(folder, path.stem)
    assert 7 <= len(autos) <= 11
    assert autos[0].at == datetime(2026, 4, 9, 9, 0)
    assert foreign.read_bytes() == b"mine"  # not ours: never rotated out
    backup.check_backup(autos[-1].path)


def test_a_failing_daily_backup_does_not_stop_the_shop(filled: tuple[Database, Actor, Path]) -> None:
    db, _clerk, path = filled
    (path.parent / "backups").write_text("a file where the folder should be")
    assert backup.daily_backup_if_due(db) is None


def test_opening_backs_up_once_a_day(filled: tuple[Database, Actor, Path]) -> None:
    db, _clerk, path = filled
    db.dispose()
    open_database(str(path)).dispose()
    open_database(str(path)).dispose()
    assert [f.kind for f in backup.list_backups(path.parent / "backups", path.stem)] == ["auto"]


def test_opening_a_database_from_a_newer_program_is_refused(filled: tuple[Database, Actor, Path]) -> None:
    db, _clerk, path = filled
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    with pytest.raises(DatabaseUnavailable, match="newer FrontDesk"):
        open_database(str(path))
    assert current_revision(Database(str(path))) == "9999"


# The command line -----------------------------------------------------------

def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", default=argparse.SUPPRESS)

    backup_cli.add_parsers(parser.add_subparsers(dest="command"), common)
    return parser.parse_args(argv)


class _Stdin(io.StringIO):
    def __init__(self, text: str, tty: bool) -> None:
        super().__init__(text)
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_cli_backup_and_restore(filled: tuple[Database, Actor, Path], tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from frontdesk.cli import CliError

    db, clerk, path = filled
    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)  # both are a manager's acts
    out = tmp_path / "cli.sqlite"
    assert backup_cli.cmd_backup(_parse(["backup", "--db", str(path), "-o", str(out)])) == 0
    assert "1 ticket)" in capsys.readouterr().out
    with pytest.raises(CliError, match="already exists"):
        backup_cli.cmd_backup(_parse(["backup", "--db", str(path), "-o", str(out)]))
    assert backup_cli.cmd_backup(_parse(["backup", "--db", str(path)])) == 0
    assert len(list((path.parent / "backups").glob(f"{path.stem}-*.sqlite"))) == 1
    later = _ticket(db, clerk, "SN-B")

    monkeypatch.setattr("sys.stdin", _Stdin("", tty=False))
    with pytest.raises(CliError, match="--yes"):
        backup_cli.cmd_restore(_parse(["restore", str(out), "--db", str(path)]))
    monkeypatch.setattr("sys.stdin", _Stdin("no\n", tty=True))
    assert backup_cli.cmd_restore(_parse(["restore", str(out), "--db", str(path)])) != 0
    assert later in _numbers(path)
    assert "Nothing was restored" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", _Stdin("yes\n", tty=True))
    assert backup_cli.cmd_restore(_parse(["restore", str(out), "--db", str(path)])) == 0
    assert later not in _numbers(path)
    assert "was saved as" in capsys.readouterr().out

    _corrupt(out)
    with pytest.raises(BackupRefused):
        backup_cli.cmd_restore(_parse(["restore", str(out), "--db", str(path), "--yes"]))
    assert backup.check_backup(path).tickets == 1


def test_backup_and_restore_through_the_frontdesk_command(filled: tuple[Database, Actor, Path], tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from frontdesk.cli import EXIT_OK, main

    db, clerk, path = filled
    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)
    out = tmp_path / "main.sqlite"
    assert main(["backup", "--db", str(path), "-o", str(out)]) == EXIT_OK
    assert "1 ticket)" in capsys.readouterr().out
    later = _ticket(db, clerk, "SN-C")
    assert main(["restore", str(out), "--db", str(path), "--yes"]) == EXIT_OK
    assert later not in _numbers(path)
    assert main(["restore", "/etc/hostname", "--db", str(path), "--yes"]) != EXIT_OK
    assert "not a FrontDesk backup" in capsys.readouterr().err


def test_copies_made_before_a_restore_are_never_pruned(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2026, 1, 1, 9, 0)
    for n in range(backup.KEEP_EACH_EVENT + 4):
        at = (start + timedelta(days=n)).strftime(backup.STAMP)
        (folder / f"shop-before-restore-{at}.sqlite").write_bytes(b"")
        (folder / f"shop-before-upgrade-0010-{at}.sqlite").write_bytes(b"")
    doomed = backup.prune(folder, "shop")
    kinds = [f.kind for f in backup.list_backups(folder, "shop")]
    assert kinds.count(backup.BEFORE_RESTORE) == backup.KEEP_EACH_EVENT + 4
    assert kinds.count(backup.BEFORE_UPGRADE) == backup.KEEP_EACH_EVENT and len(doomed) == 4


def test_a_backup_of_an_older_schema_is_checked_against_that_schema_and_restored(tmp_path: Path) -> None:
    from frontdesk.db.migrate import upgrade

    older = Database(str(tmp_path / "older.sqlite"))
    upgrade(older, "0010")
    # (no rows: the models are the newest schema's, this file is 0010's)
    older.dispose()
    info = backup.check_backup(tmp_path / "older.sqlite")
    assert info.revision == "0010"
    assert backup.reference_schema("0010") != backup.reference_schema(head_revision())
    conn = sqlite3.connect(str(tmp_path / "older.sqlite"))
    conn.execute("CREATE INDEX ix_mine ON users (name)")
    conn.commit()
    conn.close()
    with pytest.raises(BackupRefused, match="the file has an extra index 'ix_mine' the program does not make"):
        backup.check_backup(tmp_path / "older.sqlite")


def test_a_damaged_database_is_not_replaced_blindly(filled: tuple[Database, Actor, Path], tmp_path: Path) -> None:
    db, _clerk, _path = filled
    saved = backup.backup(db, tmp_path / "saved.sqlite")
    damaged = tmp_path / "shop" / "frontdesk.sqlite"
    damaged.parent.mkdir()
    backup.backup(db, damaged)
    _corrupt(damaged)
    with pytest.raises(BackupRefused, match="cannot be read .* Move its file aside"):
        backup.restore(saved, str(damaged))
    damaged.rename(damaged.with_name("damaged.sqlite"))
    assert backup.restore(saved, str(damaged)).previous is None
    assert _numbers(damaged) == _numbers(saved)
