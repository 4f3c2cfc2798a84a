"""Corrupt or foreign files given to `frontdesk fees import`, `frontdesk
consolidate` and `frontdesk restore`: refused with a message (one typed
refusal from the service, a message and exit code 2 from the command),
and nothing changed.  Adds the kinds of file the other tests do not try:
empty, random bytes, a zip that is not a workbook, a real workbook of
another shape, a truncated copy of a good file (and the other commands'
good files)."""

from __future__ import annotations

import random
import shutil
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from frontdesk import backup
from frontdesk.billing import schedules
from frontdesk.billing.models import FeeSchedule
from frontdesk.cli import EXIT_ERROR, main
from frontdesk.db.engine import Database
from frontdesk.db.models import Ticket
from frontdesk.headoffice.consolidate import WorkbookRefused, consolidate
from frontdesk.headoffice.export import export_workbook
from frontdesk.intake import service as intake
from frontdesk.users import get_actor
from tests.billing.billing_helpers import NOW, fridge_form
from tests.conftest import MANAGER_PIN, seed_users


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FRONTDESK_DB", "FRONTDESK_LANG", "FRONTDESK_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)


def _other_workbook(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "价目表"
    ws.append(["名称", "价格"])
    ws.append(["小修", 50])
    ws.append(["'; DROP TABLE tickets; --", "=1+1"])
    wb.save(str(path))


def _zip_not_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
        z.writestr("[Content_Types].xml", "<Types/>")


def _sqlite_foreign(path: Path) -> None:
    with sqlite3.connect(str(path)) as conn:
        conn.execute("CREATE TABLE tickets (x)")


MAKERS: dict[str, Callable[[Path, Path], object]] = {
    "empty": lambda p, good: p.write_bytes(b""),
    "random bytes": lambda p, good: p.write_bytes(random.Random(8).randbytes(5000)),
    "text named .xlsx": lambda p, good: p.write_text("id,name\n1,张三\n", encoding="utf-8"),
    "zip, not a workbook": lambda p, good: _zip_not_workbook(p),
    "workbook of another shape": lambda p, good: _other_workbook(p),
    "truncated copy": lambda p, good: p.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2]),
    "truncated at 100 bytes": lambda p, good: p.write_bytes(good.read_bytes()[:100]),
    "an SQLite file of another program": lambda p, good: _sqlite_foreign(p),
}


@pytest.fixture
def shop_db(sqlite_db: Database, tmp_path: Path) -> Iterator[tuple[Database, str]]:
    _manager, clerk = seed_users(sqlite_db)
    with sqlite_db.write() as s:
        intake.take_intake(s, clerk, fridge_form(serial="BAD-1"), now=NOW)
    yield sqlite_db, str(sqlite_db.engine.url)


def _state(db: Database) -> tuple[int, int]:
    with db.read() as s:
        return (int(s.scalar(select(func.count()).select_from(FeeSchedule)) or 0),
                int(s.scalar(select(func.count()).select_from(Ticket)) or 0))


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == EXIT_ERROR, (out, err)
    assert "Traceback" not in err and err.strip().startswith("frontdesk"), err
    return err


@pytest.mark.parametrize("kind", [k for k in MAKERS if k != "an SQLite file of another program"])
def test_fees_import_refuses(shop_db: tuple[Database, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             kind: str) -> None:
    db, url = shop_db
    good = tmp_path / "good.xlsx"
    with db.read() as s:
        schedules.export_workbook(s, good)
    bad = tmp_path / "fees.xlsx"
    MAKERS[kind](bad, good)
    before = _state(db)
    with db.write() as s:
        manager = get_actor(s, "manager")
        with pytest.raises(schedules.ScheduleRefused) as refused:
            schedules.import_workbook(s, manager, bad)
    assert refused.value.problems and all(len(str(p)) > 10 for p in refused.value.problems)
    assert _state(db) == before
    err = _cli(capsys, "fees", "import", str(bad), "--db", url)
    assert "nothing was changed" in err
    assert _state(db) == before


@pytest.fixture
def shop_workbook(shop_db: tuple[Database, str], tmp_path: Path) -> Path:
    db, _url = shop_db
    path = tmp_path / "S01.xlsx"
    export_workbook(db, None, path, date(2026, 11, 1), date(2026, 11, 30))
    return path


@pytest.mark.parametrize("kind", list(MAKERS))
def test_consolidate_refuses(shop_workbook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             kind: str) -> None:
    bad = tmp_path / "S02.xlsx"
    MAKERS[kind](bad, shop_workbook)
    out = tmp_path / "all.xlsx"
    with pytest.raises(WorkbookRefused) as refused:
        consolidate([shop_workbook, bad], out)
    assert [r.path for r in refused.value.refusals] == [bad]
    assert len(refused.value.refusals[0].reason) > 10
    assert not out.exists() and not list(tmp_path.glob("all.xlsx*"))
    err = _cli(capsys, "consolidate", str(shop_workbook), str(bad), "-o", str(out), "--quiet")
    assert "nothing was written" in err and "S02.xlsx" in err
    assert not out.exists()


@pytest.mark.parametrize("kind", [k for k in MAKERS if k != "workbook of another shape"]
                         + ["a head-office workbook", "a fee schedule workbook"])
def test_restore_refuses(shop_db: tuple[Database, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                         kind: str) -> None:
    db, url = shop_db
    good = backup.backup(db, tmp_path / "good.sqlite")
    bad = tmp_path / "bad.sqlite"
    if kind == "a head-office workbook":
        export_workbook(db, None, tmp_path / "S01.xlsx", date(2026, 11, 1), date(2026, 11, 30))
        shutil.copy(tmp_path / "S01.xlsx", bad)
    elif kind == "a fee schedule workbook":
        with db.read() as s:
            schedules.export_workbook(s, tmp_path / "fees.xlsx")
        shutil.copy(tmp_path / "fees.xlsx", bad)
    else:
        MAKERS[kind](bad, good)
    database = backup.database_file(db)
    before = database.read_bytes()
    with pytest.raises(backup.BackupRefused) as refused:
        backup.restore(bad, db)
    assert len(refused.value.message) > 10
    err = _cli(capsys, "restore", str(bad), "--yes", "--db", url)
    assert len(err.strip()) > 20
    assert database.read_bytes() == before
    assert not (database.parent / "backups").exists() or not list((database.parent / "backups").iterdir())
