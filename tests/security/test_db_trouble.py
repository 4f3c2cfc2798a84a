"""Database trouble: a locked SQLite database is waited for briefly and then
reported as DatabaseBusy (a clear message, nothing saved), batch work that
asks for more attempts gets through once the lock is gone, and a PostgreSQL
server that dropped the program's connections is reconnected to, between two
operations and in the middle of one."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk import audit, clock
from frontdesk.db import engine as engine_module
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, User
from frontdesk.errors import DatabaseBusy, DatabaseUnavailable
from frontdesk.users import Actor
from tests.pg_sessions import terminate_others

BUSY_MS = 300


@pytest.fixture
def short_busy(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", BUSY_MS)
    sqlite_db.engine.dispose()
    yield sqlite_db


def _locked(db: Database) -> sqlite3.Connection:
    path = db.engine.url.database
    assert path
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


def _records(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(AuditRecord.id))) or 0


def _append(s: Session) -> None:
    audit.record(s, None, "test.write", "test", at=clock.now())


def test_a_locked_database_is_reported_after_a_brief_wait(short_busy: Database) -> None:
    db = short_busy
    before = _records(db)
    other = _locked(db)
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseBusy) as err:
            db.run(_append)
        waited = time.monotonic() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert err.value.message == ("The database is busy (another counter is saving). "
                                 "Nothing was lost: try again in a moment.")
    assert BUSY_MS / 1000 * 0.9 <= waited < 3 * BUSY_MS / 1000  # one busy wait, not three
    assert _records(db) == before
    db.run(_append)
    assert _records(db) == before + 1


def test_batch_work_asking_for_attempts_gets_through_once_the_lock_goes(short_busy: Database) -> None:
    db = short_busy
    before = _records(db)
    other = _locked(db)

    def release_lock() -> None:
        other.execute("ROLLBACK")
        other.close()

    release = threading.Timer(0.5, release_lock)
    release.start()
    try:
        db.run(_append, attempts=4)  # 3 busy waits and 0.2 + 0.4 + 0.8 s between them
    finally:
        release.join()
    assert _records(db) == before + 1


def test_a_broken_rule_is_not_mistaken_for_database_trouble(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, _clerk = users

    def add_same_name(s: Session) -> None:
        s.add(User(name=manager.name, role="clerk", pin_hash="x", full_name="", active=True, created_at=None))
        s.flush()

    with pytest.raises(IntegrityError):
        db.run(add_same_name)


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_postgresql_is_reconnected_to_between_two_operations(db: Database, users: tuple[Actor, Actor]) -> None:
    before = _records(db)
    db.run(_append)
    assert terminate_others(db) >= 1  # the pooled connection is gone
    db.run(_append)  # the next write gets a new connection
    assert terminate_others(db) >= 1
    assert _records(db) == before + 2  # and so does the next read


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_postgresql_lost_in_the_middle_of_a_write_is_retried(db: Database, users: tuple[Actor, Actor]) -> None:
    before = _records(db)
    tries: list[int] = []

    def work(s: Session) -> None:
        tries.append(1)
        s.execute(text("SELECT 1"))  # the transaction has its connection now
        if len(tries) == 1:
            terminate_others(db)  # ...and loses it before it writes
        _append(s)
        s.flush()

    db.run(work)
    assert len(tries) == 2
    assert _records(db) == before + 1


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_postgresql_connections_are_not_pinged_before_each_use(db: Database) -> None:
    """A ping is a round trip before every read; a dropped connection is
    found when it is used instead (the tests around this one)."""
    assert db.engine.pool._pre_ping is False  # type: ignore[attr-defined]


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_postgresql_a_read_through_the_connection_is_read_again(db: Database, users: tuple[Actor, Actor]) -> None:
    """The window's reads (``Database.query``, as the customer search as you
    type, which reads through the session's connection) are run again from
    their start after a lost connection, whether it was lost while idle or in
    the middle of the read."""
    manager, _clerk = users
    by_name = text("SELECT id FROM users WHERE name = :name")
    assert db.query(lambda s: s.connection().execute(by_name, {"name": manager.name}).scalar()) == manager.id
    assert terminate_others(db) >= 1
    assert db.query(lambda s: s.connection().execute(by_name, {"name": manager.name}).scalar()) == manager.id
    tries: list[int] = []

    def work(s: Session) -> int | None:
        tries.append(1)
        first = s.connection().execute(by_name, {"name": manager.name}).scalar()
        if len(tries) == 1:
            terminate_others(db)
        return s.connection().execute(select(User.id).where(User.id == first)).scalar()

    assert db.query(work) == manager.id
    assert len(tries) == 2


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_postgresql_lost_in_the_middle_of_a_read_block_says_so(db: Database, users: tuple[Actor, Actor]) -> None:
    """A ``with db.read()`` block has its first statement run again (nothing
    was read yet); lost after that, it ends with the plain message, and the
    next read gets a new connection."""
    manager, _clerk = users
    with db.read() as s:
        s.scalar(select(User.id))
    with pytest.raises(DatabaseUnavailable) as err, db.read() as s:
        assert s.scalar(select(User.id).where(User.id == manager.id)) == manager.id
        terminate_others(db)
        s.scalar(select(User.id))
    assert err.value.message.startswith("The database cannot be reached: ")
    assert _records(db) >= 1
