"""Every command that asks a manager's PIN checks it through users.sign_in,
in a transaction of its own: a wrong PIN (or a clerk's PIN) leaves its
``login.failed`` record in the audit trail after the command has refused,
and the work it asked for did not happen.  (The window's paths are in
tests/ui/test_ui_failed_pins.py.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from frontdesk.billing import schedules
from frontdesk.billing.models import FeeSchedule
from frontdesk.cli import EXIT_ERROR
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, User
from tests.conftest import CLERK_PIN, seed_users
from tests.dayclose.test_day_close import DAY, known_day
from tests.test_cli import _clean_environment, run  # noqa: F401  (the autouse fixture, the runner)


def _failed(db: Database) -> list[tuple[str, dict[str, object]]]:
    with db.read() as s:
        return [(r.entity_id, r.detail) for r in s.scalars(
            select(AuditRecord).where(AuditRecord.action == "login.failed").order_by(AuditRecord.id))]


# (database, folder) -> (the command's words before and after --db, what the work would change)
Path_ = Callable[[Database, Path], tuple[list[str], list[str], Callable[[], object]]]


def _day_close(db: Database, tmp: Path) -> tuple[list[str], list[str], Callable[[], object]]:
    return (["day-close"], ["--date", DAY.isoformat(), "--close", "--counted", "598", "--float", "500"],
            lambda: _read(db, lambda s: dayclose.is_closed(s, DAY, "main")))


def _fees_import(db: Database, tmp: Path) -> tuple[list[str], list[str], Callable[[], object]]:
    book = tmp / "fees.xlsx"
    with db.read() as s:
        schedules.export_workbook(s, book, None)  # a workbook that imports
    return (["fees", "import"], [str(book)], lambda: _read(db, lambda s: s.scalar(select(func.count(FeeSchedule.id)))))


def _export(db: Database, tmp: Path) -> tuple[list[str], list[str], Callable[[], object]]:
    out = tmp / "hq.xlsx"
    return (["export"], ["--from", "2026-11-01", "--to", "2026-11-30", "-o", str(out), "--unmasked", "--quiet"],
            out.exists)


def _users_add(db: Database, tmp: Path) -> tuple[list[str], list[str], Callable[[], object]]:
    return (["users", "add"], ["newbie", "--role", "clerk"],  # the manager's PIN is refused before the new one is asked
            lambda: _read(db, lambda s: s.scalar(select(func.count(User.id)))))


def _read(db: Database, work: Callable[..., object]) -> object:
    with db.read() as s:
        return work(s)


PATHS: dict[str, tuple[Path_, str]] = {"day-close --close": (_day_close, "day.close"), "fees import": (_fees_import, "fees.import"),
         "export --unmasked": (_export, "export.unmasked"), "users add": (_users_add, "user.add")}


@pytest.mark.parametrize("path", list(PATHS))
def test_a_wrong_pin_on_the_command_line_is_audited_and_nothing_is_done(
        path: str, sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    manager, clerk = seed_users(sqlite_db)
    known_day(sqlite_db, manager, clerk)  # a fee schedule, a day with receipts
    make, purpose = PATHS[path]
    command, rest, state = make(sqlite_db, tmp_path)
    before, failed = state(), len(_failed(sqlite_db))
    monkeypatch.setenv("FRONTDESK_PIN", "0000")
    code, _out, err = run(capsys, *command, "--db", sqlite_db.url, *rest, "--user", "manager")
    assert code == EXIT_ERROR and "Wrong user name or PIN" in err
    assert state() == before  # the work did not happen
    assert _failed(sqlite_db)[failed:] == [("manager", {"for": purpose})]  # and the refusal stayed in the trail
    monkeypatch.setenv("FRONTDESK_PIN", CLERK_PIN)  # a clerk's own PIN is no manager's
    code, _out, err = run(capsys, *command, "--db", sqlite_db.url, *rest, "--user", "clerk")
    assert code == EXIT_ERROR and "clerk is not a manager" in err
    assert state() == before
    assert _failed(sqlite_db)[failed + 1:] == [("clerk", {"for": purpose, "reason": "not a manager"})]
