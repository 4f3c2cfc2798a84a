"""The audit trail is a hash chain: every record carries the hash of the one
before; ``frontdesk audit verify`` passes on an untouched database and names
the first record changed or the gap left by one deleted, as an attacker with
sqlite3 would do it (the lock's triggers dropped first)."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import event, select

from frontdesk import audit
from frontdesk.cli import main
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditChain, AuditRecord
from frontdesk.demo import DemoOptions, fill
from frontdesk.users import Actor

AT = datetime(2026, 11, 25, 10, 0)


def _verify(db: Database) -> audit.ChainCheck:
    with db.read() as s:
        return audit.verify_chain(s.connection())


def test_records_are_chained_in_the_order_they_were_recorded(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, _clerk = users
    with db.write() as s:
        first = audit.record(s, manager.id, "test.one", "thing", 1, {"b": 2, "a": [1, "二"]}, at=AT)
        second = audit.record(s, manager.id, "test.two", "thing", 2, {}, at=AT)
        s.flush()
        ids = (first.id, second.id)
    with db.write() as s:
        audit.record(s, manager.id, "test.three", "thing", 3, {"n": None}, at=AT)
    with db.read() as s:
        chain = list(s.scalars(select(AuditRecord).order_by(AuditRecord.id)))
        head = s.get(AuditChain, 1)
        assert chain[0].prev_hash == audit.GENESIS
        for before, after in zip(chain, chain[1:], strict=False):
            assert after.prev_hash == before.hash
        assert [r.action for r in chain[-3:]] == ["test.one", "test.two", "test.three"]
        assert (chain[-3].id, chain[-2].id) == ids
        assert head is not None and (head.head_id, head.head_hash) == (chain[-1].id, chain[-1].hash)
        last_id, last_hash, n = chain[-1].id, chain[-1].hash or "", len(chain)
    check = _verify(db)
    assert check.intact and check.count == n
    assert check.message == f"Audit trail intact: {n} records, head #{last_id} {last_hash[:12]}"


def test_a_transaction_flushing_several_times_chains_on_from_its_own_head(
        db: Database, users: tuple[Actor, Actor]) -> None:
    """After its first flush a transaction holds the chain's lock: its later
    flushes chain on from where it left the head without reading the head or
    the last id again (the intake's second record), and a savepoint rolled
    back takes its records with it without leaving the next one chained
    onto a record that is gone."""
    manager, _clerk = users
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    with db.write() as s:
        audit.record(s, manager.id, "test.one", "thing", 1, {}, at=AT)
        s.flush()
        event.listen(db.engine, "before_cursor_execute", seen)
        try:
            audit.record(s, manager.id, "test.two", "thing", 2, {}, at=AT)
            s.flush()
        finally:
            event.remove(db.engine, "before_cursor_execute", seen)
        assert not [x for x in statements if "FROM audit_chain" in x or "max(audit_log.id)" in x], statements
        try:
            with s.begin_nested():
                audit.record(s, manager.id, "test.gone", "thing", 3, {}, at=AT)
                s.flush()
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        audit.record(s, manager.id, "test.three", "thing", 4, {}, at=AT)
    with db.write() as s:  # the next transaction reads the head again
        audit.record(s, manager.id, "test.four", "thing", 5, {}, at=AT)
    with db.read() as s:
        actions = list(s.scalars(select(AuditRecord.action).order_by(AuditRecord.id)))
    assert actions[-4:] == ["test.one", "test.two", "test.three", "test.four"]
    assert _verify(db).intact


def test_appends_from_two_sessions_at_once_keep_one_chain(db: Database, users: tuple[Actor, Actor]) -> None:
    """On PostgreSQL the counters append at once: the chain's lock makes them
    take turns, so no two records are chained onto the same head."""
    manager, _clerk = users
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def append(n: int) -> None:
        try:
            start.wait()
            for i in range(15):
                with db.write() as s:
                    audit.record(s, manager.id, "test.concurrent", "thing", f"{n}-{i}", {"i": i}, at=AT)
                    audit.record(s, manager.id, "test.concurrent", "thing", f"{n}-{i}b", {}, at=AT)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=append, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    check = _verify(db)
    assert check.intact, check.message
    with db.read() as s:
        assert len(s.scalars(select(AuditRecord.id).where(AuditRecord.action == "test.concurrent")).all()) == 60


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("chain") / "demo.sqlite"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    fill(db, DemoOptions(days=2, tickets=20, seed=1, now=datetime(2026, 11, 25, 15, 0), close_days=True))
    db.engine.dispose()
    yield path


def _attack(source: Path, target: Path, *sql: str) -> Path:
    shutil.copy(source, target)
    con = sqlite3.connect(target)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("DROP TRIGGER audit_log_no_delete")
    for statement in sql:
        con.execute(statement)
    con.commit()
    con.close()
    return target


def _row(path: Path, rec_id: int) -> tuple[str, str]:
    con = sqlite3.connect(path)
    at, action = con.execute("SELECT at, action FROM audit_log WHERE id = ?", (rec_id,)).fetchone()
    con.close()
    return str(at)[:19], str(action)


def _cli(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str]:
    code = main(["audit", "verify", "--db", str(path)])
    return code, capsys.readouterr().out.strip()


def test_verify_passes_on_a_demo_database(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _cli(capsys, demo_file)
    assert code == 0
    assert out.startswith("Audit trail intact: ") and " records, head #" in out


def test_a_changed_record_is_named(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _attack(demo_file, tmp_path / "changed.sqlite",
                   "UPDATE audit_log SET detail = '{\"amount\": \"1.00\"}' WHERE id = 30")
    at, action = _row(path, 30)
    code, out = _cli(capsys, path)
    assert code == 2
    assert out == f"Audit trail broken at record #30 ({at}, action {action}): its content does not match its hash."


def test_a_record_deleted_in_the_middle_is_named(demo_file: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = _attack(demo_file, tmp_path / "deleted.sqlite", "DELETE FROM audit_log WHERE id = 40")
    at, action = _row(path, 41)
    code, out = _cli(capsys, path)
    assert code == 2
    assert out == f"Audit trail broken at record #41 ({at}, action {action}): it does not follow record #39."


def test_records_cut_off_the_end_are_missed(demo_file: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    con = sqlite3.connect(demo_file)
    head = con.execute("SELECT head_id FROM audit_chain").fetchone()[0]
    con.close()
    path = _attack(demo_file, tmp_path / "cut.sqlite", f"DELETE FROM audit_log WHERE id > {head - 3}")
    code, out = _cli(capsys, path)
    assert code == 2
    assert out == (f"Audit trail broken after record #{head - 3}: the trail ended at record #{head}; the records "
                   f"after #{head - 3} are missing.")


def test_a_rehashed_forgery_still_breaks_the_link_after_it(demo_file: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """An attacker who recomputes the changed record's own hash breaks the
    next record's link instead."""
    path = _attack(demo_file, tmp_path / "rehashed.sqlite")
    db = Database(f"sqlite:///{path}")
    with db.read() as s:
        rec = s.get(AuditRecord, 30)
        assert rec is not None
        forged = audit.record_hash(rec.prev_hash or "", rec.id, rec.at, rec.user_id, rec.approver_id, rec.action,
                                   rec.entity, rec.entity_id, {"forged": True})
    db.engine.dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE audit_log SET detail = '{\"forged\": true}', hash = ? WHERE id = 30", (forged,))
    con.commit()
    con.close()
    at, action = _row(path, 31)
    code, out = _cli(capsys, path)
    assert code == 2
    assert out == f"Audit trail broken at record #31 ({at}, action {action}): it does not follow record #30."
