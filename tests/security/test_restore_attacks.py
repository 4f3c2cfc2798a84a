"""Restore and backup as an attacker and a careless manager use them (issue 17).

The findings, as attacks: restoring an older backup erased the audit records
of a void and three receipts, left no record of itself, and numbered the next
payments R2026-000003... again; a crafted SQLite file brought in triggers of
its own and left the locks out; another shop's file was taken; restore and
backup asked for no PIN; rotation deleted the copy made before a restore."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from frontdesk import audit, backup
from frontdesk.backup import BackupRefused
from frontdesk.billing import payments
from frontdesk.billing.models import Receipt
from frontdesk.cli import EXIT_OK, main
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, WithdrawnNumber
from frontdesk.errors import AuditLocked
from frontdesk.headoffice.consolidate import consolidate
from frontdesk.headoffice.export import export_workbook
from frontdesk.users import Actor
from tests.billing.billing_helpers import MANAGER_PIN, NOW, approved_ticket
from tests.conftest import seed_users

Shop = tuple[Database, Actor, Actor, int, Path]


def _rows(path: Path) -> list[tuple[Any, ...]]:
    """Every audit record of the SQLite file, every column."""
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
    finally:
        conn.close()


def _pay(db: Database, clerk: Actor, ticket_id: int, amount: str, at: datetime = NOW) -> payments.ReceiptView:
    with db.write() as s:
        return payments.take_payment(s, clerk, ticket_id, payments.CASH, amount, now=at, counter="main")


@pytest.fixture
def shop(sqlite_db: Database) -> Shop:
    manager, clerk = seed_users(sqlite_db)
    ticket_id, _quote = approved_ticket(sqlite_db, manager, clerk)
    _pay(sqlite_db, clerk, ticket_id, "10.00")  # R2026-000001, in the backup
    return sqlite_db, manager, clerk, ticket_id, backup.database_file(sqlite_db)


def _after_the_backup(shop: Shop) -> list[str]:
    """A void and three receipts after the backup: the evidence the finding lost."""
    db, manager, clerk, ticket_id, _path = shop
    first = _pay(db, clerk, ticket_id, "20.00", NOW + timedelta(minutes=5))
    with db.write() as s:
        payments.void_receipt(s, clerk, first.id, "rung up twice", approver=manager, now=NOW + timedelta(minutes=6))
    second = _pay(db, clerk, ticket_id, "30.00", NOW + timedelta(minutes=7))
    third = _pay(db, clerk, ticket_id, "40.00", NOW + timedelta(minutes=8))
    return [first.number, second.number, third.number]


def test_a_restore_keeps_the_evidence_and_never_numbers_twice(shop: Shop, tmp_path: Path) -> None:
    db, manager, clerk, ticket_id, path = shop
    saved = backup.backup(db, tmp_path / "saved.sqlite")
    issued = _after_the_backup(shop)
    assert issued == ["R2026-000002", "R2026-000003", "R2026-000004"]
    trail = _rows(path)

    result = backup.restore(saved, db, approver=manager)

    after = _rows(path)
    assert after[:len(trail)] == trail  # every record, the void's and the receipts' too, verbatim
    assert {r[4] for r in trail[-5:]} >= {"receipt.void", "receipt.payment"}
    assert result.withdrawn == tuple(issued) and result.carried > 0
    assert result.previous is not None and result.previous.is_file()
    with db.read() as s:
        record = s.scalars(select(AuditRecord).where(AuditRecord.action == "database.restore")).one()
        assert record.id == after[-1][0] and record.user_id == manager.id and record.approver_id == manager.id
        assert record.detail["file"] == str(saved.resolve())
        assert record.detail["approved_by"] == "manager"
        assert record.detail["replaced_last_receipt"] == "R2026-000004"
        assert record.detail["replaced_last_audit_id"] == trail[-1][0]
        assert record.detail["withdrawn_numbers"] == 3 and record.detail["carried_records"] == result.carried
        assert list(s.scalars(select(WithdrawnNumber.number).order_by(WithdrawnNumber.seq))) == issued
        assert s.scalars(select(Receipt.number)).all() == ["R2026-000001"]  # the data is the backup's
    # The next receipt continues after the highest ever issued: never R2026-000002 again.
    assert _pay(db, clerk, ticket_id, "5.00", NOW + timedelta(minutes=20)).number == "R2026-000005"
    with db.read() as s:
        figures = dayclose.day_figures(s, NOW.date(), "main")
    assert figures.gaps == ()
    assert figures.withdrawn == tuple(issued)
    with pytest.raises(AuditLocked), db.write() as s:  # the trail carried over is locked like the rest
        s.execute(delete(AuditRecord))
    with db.engine.connect() as conn:  # the carried records, the restore's and the next payment's: one chain
        check = audit.verify_chain(conn)
    assert check.intact, check.message
    assert check.head_id == _rows(path)[-1][0]


def test_the_workbook_explains_the_withdrawn_numbers(shop: Shop, tmp_path: Path) -> None:
    db, manager, clerk, ticket_id, _path = shop
    saved = backup.backup(db, tmp_path / "saved.sqlite")
    issued = _after_the_backup(shop)
    backup.restore(saved, db, approver=manager)
    _pay(db, clerk, ticket_id, "5.00", NOW + timedelta(minutes=20))
    book = tmp_path / "S01.xlsx"
    export_workbook(db, None, book, date(2026, 11, 1), date(2026, 11, 30))
    consolidate([book], tmp_path / "all.xlsx")  # its own check: no hole in R2026-000001..5

    from openpyxl import load_workbook

    sheet = load_workbook(book, read_only=True)["receipts"]
    rows = list(sheet.iter_rows(values_only=True))
    status_at = rows[0].index("Status")
    withdrawn = [r[0] for r in rows[1:] if r[status_at] == "withdrawn"]
    assert withdrawn == issued


def test_the_numbers_a_restore_withdrew_stay_withdrawn_after_another_restore(shop: Shop, tmp_path: Path) -> None:
    db, manager, clerk, ticket_id, _path = shop
    older = backup.backup(db, tmp_path / "older.sqlite")
    _pay(db, clerk, ticket_id, "1.00")  # R…2
    saved = backup.backup(db, tmp_path / "saved.sqlite")
    _pay(db, clerk, ticket_id, "1.00")  # R…3
    assert backup.restore(saved, db, approver=manager).withdrawn == ("R2026-000003",)
    assert backup.restore(older, db, approver=manager).withdrawn == ("R2026-000002",)
    with db.read() as s:
        assert list(s.scalars(select(WithdrawnNumber.number).order_by(WithdrawnNumber.seq))) == [
            "R2026-000002", "R2026-000003"]
        assert len(s.scalars(select(AuditRecord).where(AuditRecord.action == "database.restore")).all()) == 2
    assert _pay(db, clerk, ticket_id, "1.00").number == "R2026-000004"


# Hostile files ----------------------------------------------------------------

CRAFTED = {
    "drops the voids' records": (
        "DROP TRIGGER audit_log_no_delete; CREATE TRIGGER hide_voids AFTER INSERT ON audit_log "
        "WHEN new.action = 'receipt.void' BEGIN DELETE FROM audit_log WHERE action = 'receipt.void'; END;",
        "the file has an extra trigger 'hide_voids' the program does not make"),
    "promotes a clerk": (
        "CREATE TRIGGER promote AFTER UPDATE ON users WHEN new.name = 'clerk' "
        "BEGIN UPDATE users SET role = 'manager' WHERE name = 'clerk'; END;",
        "the file has an extra trigger 'promote' the program does not make"),
    "no audit lock": ("DROP TRIGGER audit_log_no_delete;",
                      "the file lacks the trigger 'audit_log_no_delete' the program makes"),
    "a lock that locks nothing": (
        "DROP TRIGGER audit_log_no_update; CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "WHEN 0 BEGIN SELECT RAISE(ABORT, 'FRONTDESK_AUDIT_LOCKED'); END;",
        "the file's trigger 'audit_log_no_update' is not the program's own"),
    "a view of its own": ("CREATE VIEW pins AS SELECT name, pin_hash FROM users;",
                          "the file has an extra view 'pins' the program does not make"),
    "an extra table": ("CREATE TABLE notes (x TEXT);", "the file has an extra table 'notes' the program does not make"),
}


@pytest.mark.parametrize("attack", list(CRAFTED))
def test_a_crafted_file_is_refused_and_nothing_changes(shop: Shop, tmp_path: Path, attack: str) -> None:
    db, manager, _clerk, _ticket, path = shop
    crafted = backup.backup(db, tmp_path / "crafted.sqlite")
    script, message = CRAFTED[attack]
    conn = sqlite3.connect(str(crafted))
    conn.executescript(script)
    conn.close()
    trail = _rows(path)
    with pytest.raises(BackupRefused) as refused:
        backup.restore(crafted, db, approver=manager)
    assert message in refused.value.message
    assert "Nothing was changed" in refused.value.message
    assert _rows(path) == trail
    assert not (path.parent / "backups").exists()


def test_the_day_lock_is_part_of_the_schema(shop: Shop, tmp_path: Path) -> None:
    db, manager, _clerk, _ticket, path = shop
    locks = [n for (kind, n) in backup.reference_schema(backup.check_backup(path).revision) if kind == "trigger"]
    assert {"audit_log_no_update", "audit_log_no_delete"} <= set(locks)
    day_locks = [n for n in locks if "audit" not in n]
    assert day_locks  # the day-close locks: a file without them is refused like the audit lock
    crafted = backup.backup(db, tmp_path / "crafted.sqlite")
    conn = sqlite3.connect(str(crafted))
    conn.execute(f"DROP TRIGGER {day_locks[0]}")
    conn.commit()
    conn.close()
    with pytest.raises(BackupRefused, match=f"lacks the trigger '{day_locks[0]}'"):
        backup.check_backup(crafted)


def test_another_shops_file_or_a_forged_one_is_refused(shop: Shop, tmp_path: Path, sqlite_template: Path) -> None:
    db, manager, _clerk, _ticket, path = shop
    # Another shop: its own trail from the start.
    other_path = tmp_path / "other" / "frontdesk.sqlite"
    other_path.parent.mkdir()
    shutil.copy(sqlite_template, other_path)
    other = Database(str(other_path))
    seed_users(other)
    with other.write() as s:
        audit.record(s, None, "settings.change", "settings", "", {"shop_name": "another shop"}, at=NOW)
    other.dispose()
    # A forged one: this shop's backup with a record this shop never made.
    forged = backup.backup(db, tmp_path / "forged.sqlite")
    forger = Database(str(forged))
    with forger.write() as s:
        audit.record(s, manager.id, "receipt.payment", "receipt", "99", {"number": "R2026-000099"}, at=NOW)
    forger.dispose()
    trail = _rows(path)
    for file in (other_path, forged):
        with pytest.raises(BackupRefused, match="does not continue this database's audit trail"):
            backup.restore(file, db, approver=manager)
        assert _rows(path) == trail
    assert not (path.parent / "backups").exists()


# The PIN ----------------------------------------------------------------------

def test_restore_needs_a_managers_pin_and_a_wrong_one_stays_in_the_trail(
        shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    db, _manager, _clerk, _ticket, path = shop
    saved = backup.backup(db, tmp_path / "saved.sqlite")
    _after_the_backup(shop)
    trail = _rows(path)
    monkeypatch.delenv("FRONTDESK_PIN", raising=False)
    assert main(["restore", str(saved), "--db", str(path), "--yes"]) != EXIT_OK  # no terminal, no PIN
    assert "No PIN given" in capsys.readouterr().err
    monkeypatch.setenv("FRONTDESK_PIN", "0000")
    assert main(["restore", str(saved), "--db", str(path), "--yes"]) != EXIT_OK
    assert "Wrong user name or PIN" in capsys.readouterr().err
    monkeypatch.setenv("FRONTDESK_PIN", "1357")  # the clerk's PIN, named as the approver
    assert main(["restore", str(saved), "--db", str(path), "--yes", "--user", "clerk"]) != EXIT_OK
    assert "not a manager" in capsys.readouterr().err
    after = _rows(path)
    assert after[:len(trail)] == trail
    failed = [r for r in after[len(trail):] if r[4] == "login.failed"]
    assert len(failed) == 2 and all("restore" in str(r) for r in failed)
    assert not list((path.parent / "backups").glob("*before-restore*"))

    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)
    assert main(["restore", str(saved), "--db", str(path), "--yes"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "R2026-000002, R2026-000003, R2026-000004" in out and "withdrawn" in out
    with db.read() as s:
        record = s.scalars(select(AuditRecord).where(AuditRecord.action == "database.restore")).one()
        assert record.detail["approved_by"] == "manager"


def test_backup_needs_a_managers_pin_is_private_and_recorded(
        shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _db, manager, _clerk, _ticket, path = shop
    out = tmp_path / "anywhere.sqlite"
    monkeypatch.delenv("FRONTDESK_PIN", raising=False)
    assert main(["backup", "--db", str(path), "-o", str(out)]) != EXIT_OK
    monkeypatch.setenv("FRONTDESK_PIN", "0000")
    assert main(["backup", "--db", str(path), "-o", str(out)]) != EXIT_OK
    assert "Wrong user name or PIN" in capsys.readouterr().err
    assert not out.exists()
    assert [r for r in _rows(path) if r[4] == "login.failed" and "backup" in str(r)]

    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)
    assert main(["backup", "--db", str(path), "-o", str(out), "--user", "manager"]) == EXIT_OK
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    last = _rows(path)[-1]
    assert last[4] == "database.backup" and last[2] == manager.id and last[3] == manager.id
    assert str(out.resolve()) in last[7]
    assert backup.check_backup(out).tickets == 1


# Rotation ---------------------------------------------------------------------

def test_copies_made_before_a_restore_are_never_rotated_away(shop: Shop, tmp_path: Path) -> None:
    db, manager, _clerk, _ticket, path = shop
    saved = backup.backup(db, tmp_path / "saved.sqlite")
    copies = []
    for n in range(8):
        result = backup.restore(saved, db, approver=manager, now=datetime(2026, 12, 1, 9, 0) + timedelta(days=n))
        assert result.previous is not None
        copies.append(result.previous)
    assert all(p.is_file() for p in copies)
    kinds = [f.kind for f in backup.list_backups(path.parent / "backups", path.stem)]
    assert kinds.count(backup.BEFORE_RESTORE) == 8
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in copies)
    with db.read() as s:
        assert len(s.scalars(select(AuditRecord).where(AuditRecord.action == "database.restore")).all()) == 8
