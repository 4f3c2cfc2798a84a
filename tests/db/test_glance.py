"""The reads the window makes as the clerk types and scrolls (a page of the
ticket list, the customers a few keystrokes find) run outside any
transaction, and an SQLite database's write-ahead log is copied into its file
in the background instead of by a clerk's save
(docs/architecture.md#transactions-and-concurrency)."""

from __future__ import annotations

import sqlite3
import time

from sqlalchemy import event, select, text

from frontdesk.db.engine import WAL_AUTOCHECKPOINT_PAGES, Database
from frontdesk.db.models import Setting
from frontdesk.intake import query


def _rows(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(text("SELECT count(*) FROM settings")) or 0)


def test_a_glance_sees_each_statement_at_its_own_moment(db: Database) -> None:
    """On SQLite a read session keeps one snapshot, a glance does not: what
    another connection commits between its two statements, the second one
    sees (as every statement of a read does on PostgreSQL, read committed)."""
    before = _rows(db)
    with db.read() as s:
        assert s.scalar(text("SELECT count(*) FROM settings")) == before
        with db.write() as w:
            w.add(Setting(key="glance.test", value="1"))
        seen = s.scalar(text("SELECT count(*) FROM settings"))
        assert seen == (before if db.dialect == "sqlite" else before + 1)
    with db.glance() as s:
        assert s.scalar(text("SELECT count(*) FROM settings")) == before + 1
        with db.write() as w:
            w.add(Setting(key="glance.test2", value="2"))
        assert s.scalar(text("SELECT count(*) FROM settings")) == before + 2


def test_a_glance_begins_no_transaction(db: Database) -> None:
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        with db.glance() as s:
            rows = query.page(s, query.TicketFilter())
            s.scalars(select(Setting.key)).all()
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert rows == []
    assert len(statements) == 2 and not [x for x in statements if x.split()[0] in ("BEGIN", "ROLLBACK")]
    with db.glance() as s:  # and leaves the pooled connection as a read finds it: in a transaction again
        s.execute(text("SELECT 1"))
    with db.read() as s:
        if db.dialect == "postgresql":
            assert s.connection().connection.dbapi_connection.autocommit is False  # type: ignore[union-attr]
        assert s.scalar(text("SELECT count(*) FROM settings")) == _rows(db)


def _in_the_file(path: str) -> int:
    """The settings the database file itself holds, its log left aside
    (``immutable``: SQLite reads the file as it is and ignores the log)."""
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM settings WHERE key LIKE 'keeper.%'").fetchone()[0])
    except sqlite3.DatabaseError:
        return -1  # read while the keeper was writing the file (immutable promises SQLite it is not): look again
    finally:
        conn.close()


def _wait_for_the_file(path: str, rows: int) -> None:
    deadline = time.monotonic() + 10
    while _in_the_file(path) < rows and time.monotonic() < deadline:
        time.sleep(0.05)


def test_the_log_keeper_copies_the_log_into_the_file(sqlite_db: Database) -> None:
    path = sqlite_db.engine.url.database
    assert path
    with sqlite_db.read() as s:
        assert s.scalar(text("PRAGMA wal_autocheckpoint")) == WAL_AUTOCHECKPOINT_PAGES
    with sqlite_db.write() as w:
        for n in range(200):
            w.add(Setting(key=f"keeper.{n}", value="x" * 500))
    time.sleep(0.3)
    assert _in_the_file(path) == 0  # committed, in the log: SQLite copies nothing by itself below the threshold
    keeper = sqlite_db.keep_log_short(interval=0.05)
    assert keeper is not None
    try:
        _wait_for_the_file(path, 200)
    finally:
        keeper.stop()
    assert _in_the_file(path) == 200
    assert not keeper._thread.is_alive()


def test_no_keeper_for_a_server_database(db: Database) -> None:
    if db.dialect == "postgresql":
        assert db.keep_log_short() is None


def test_the_log_keeper_waits_for_a_quiet_moment(sqlite_db: Database) -> None:
    """Saves coming one after the other are not slowed by copying beside
    them: the keeper copies once no commit came for its interval."""
    path = sqlite_db.engine.url.database
    assert path
    keeper = sqlite_db.keep_log_short(interval=0.5)
    assert keeper is not None
    try:
        for n in range(40):  # a save every 20 ms for 0.8 s
            with sqlite_db.write() as w:
                w.add(Setting(key=f"keeper.{n}", value="x" * 500))
            time.sleep(0.02)
        assert _in_the_file(path) == 0  # nothing copied while the saves came
        _wait_for_the_file(path, 40)
    finally:
        keeper.stop()
    assert _in_the_file(path) == 40
