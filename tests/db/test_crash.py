"""A counter process killed (SIGKILL, as by a power cut) at a random moment
in the middle of intake, payments or a long demo fill leaves a database that
passes the integrity check, opens, and holds no half-written work.

A "payment" is a receipt row (payment, deposit, refund or correction) with
its audit record and its line on the ticket's timeline, written in one
transaction; so half-written would be a receipt without those, or an audit
record or timeline line naming a receipt that is not there.

FRONTDESK_CRASH_KILLS (default 20) sets how many kills; the test stops
early (after at least a quarter of them) when FRONTDESK_CRASH_SECONDS
(default 30) have passed, so it stays bounded on a slow machine.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import re
import shutil
import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from frontdesk.billing import payments
from frontdesk.billing.models import Receipt
from frontdesk.db.engine import Database
from frontdesk.db.migrate import current_revision, head_revision, open_database
from tests.billing.billing_helpers import NOW, add_schedule, approved_ticket
from tests.conftest import seed_users
from tests.db import crash_worker

KILLS = int(os.environ.get("FRONTDESK_CRASH_KILLS", "20"))
SECONDS = float(os.environ.get("FRONTDESK_CRASH_SECONDS", "30"))
# fork starts a worker in milliseconds (spawn re-imports everything: a second each)
START = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _rows(conn: sqlite3.Connection, sql: str) -> list[Any]:
    return conn.execute(sql).fetchall()


def _gapless(conn: sqlite3.Connection, table: str, sequence: str, prefix: str) -> int:
    """The table's numbers run 1..n without a gap in every year, match the
    counter row, and are well formed; returns n over all years."""
    found: dict[int, list[str]] = {}
    for (number,) in _rows(conn, f"SELECT number FROM {table}"):
        m = re.fullmatch(rf"{prefix}(\d{{4}})-(\d{{6}})", number)
        assert m, number
        found.setdefault(int(m[1]), []).append(number)
    counters = dict(_rows(conn, f"SELECT year, last FROM number_sequences WHERE name = '{sequence}'"))
    assert set(counters) == set(found)
    for year, numbers in found.items():
        assert sorted(numbers) == [f"{prefix}{year}-{n:06d}" for n in range(1, len(numbers) + 1)], (table, year)
        assert counters[year] == len(numbers), (table, year)
    return sum(len(v) for v in found.values())


def check_after_crash(path: Path) -> tuple[int, int]:
    """Every promise the kill test checks; returns (tickets, receipts)."""
    conn = sqlite3.connect(str(path))  # the first connection replays what the -wal holds
    try:
        assert _rows(conn, "PRAGMA integrity_check") == [("ok",)]
        assert _rows(conn, "PRAGMA foreign_key_check") == []
        # every ticket has its first timeline event ("created") and its audit record
        assert _rows(conn, """SELECT number FROM tickets t WHERE coalesce((SELECT kind FROM ticket_events e
                              WHERE e.ticket_id = t.id ORDER BY e.id LIMIT 1), '') != 'created'""") == []
        assert _rows(conn, """SELECT number FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM audit_log a
                              WHERE a.action = 'ticket.create' AND a.entity_id = CAST(t.id AS TEXT))""") == []
        # every receipt has its audit record and its timeline line ...
        assert _rows(conn, """SELECT number FROM receipts r WHERE NOT EXISTS (SELECT 1 FROM audit_log a
                              WHERE a.entity = 'receipt' AND a.entity_id = CAST(r.id AS TEXT)
                              AND a.action = 'receipt.' || r.kind)""") == []
        assert _rows(conn, """SELECT number FROM receipts r WHERE NOT EXISTS (SELECT 1 FROM ticket_events e
                              WHERE e.ticket_id = r.ticket_id AND e.kind = 'receipt'
                              AND e.text LIKE '%' || r.number || '%')""") == []
        # ... and no audit record or timeline line names a receipt that is not there
        assert _rows(conn, """SELECT id FROM audit_log a WHERE a.entity = 'receipt' AND NOT EXISTS
                              (SELECT 1 FROM receipts r WHERE CAST(r.id AS TEXT) = a.entity_id)""") == []
        orphans = [text for (text,) in _rows(conn, "SELECT text FROM ticket_events WHERE kind = 'receipt'")
                   if not _rows(conn, "SELECT 1 FROM receipts WHERE number = '{}'".format(
                       re.search(r"R\d{4}-\d{6}", text)[0]))]  # type: ignore[index]
        assert orphans == []
        tickets = _gapless(conn, "tickets", "ticket", "T")
        receipts = _gapless(conn, "receipts", payments.SEQUENCE, payments.PREFIX)
    finally:
        conn.close()
    db = open_database(str(path), daily_backup=False)  # opens (and would upgrade) as the program does
    try:
        assert current_revision(db) == head_revision()
        with db.read() as s:
            for ticket_id in s.scalars(select(Receipt.ticket_id).distinct()):
                assert payments.balance(s, ticket_id).outstanding >= 0  # never overpaid
    finally:
        db.dispose()
    return tickets, receipts


def _kill_at_random(target: Callable[..., None], args: tuple[Any, ...], rng: random.Random) -> None:
    ctx: Any = multiprocessing.get_context(START)
    started = ctx.Event()
    worker = ctx.Process(target=target, args=(*args, started), daemon=True)
    worker.start()
    try:
        assert started.wait(60), "the worker never committed its first round"
        time.sleep(rng.uniform(0.0, 0.6))
        assert worker.is_alive(), f"the worker stopped by itself (exit code {worker.exitcode})"
    finally:
        os.kill(worker.pid, signal.SIGKILL)  # type: ignore[arg-type]
        worker.join(30)
    assert worker.exitcode == -signal.SIGKILL


def _rounds(kills: int) -> range:
    return range(max(1, kills))


def test_counter_killed_at_random_moments_leaves_a_sound_database(sqlite_db: Database) -> None:
    manager, clerk = seed_users(sqlite_db)
    add_schedule(sqlite_db, manager)
    path = Path(sqlite_db.engine.url.database or "")
    sqlite_db.dispose()  # no connection of ours crosses the fork
    rng = random.Random(os.environ.get("FRONTDESK_CRASH_SEED", time.time_ns()))
    deadline = time.monotonic() + SECONDS
    receipts_seen = []
    for n in _rounds(KILLS):
        if time.monotonic() > deadline and n >= KILLS // 4:
            break
        _kill_at_random(crash_worker.counter, (sqlite_db.url, (clerk.id, clerk.name, clerk.role), n), rng)
        receipts_seen.append(check_after_crash(path)[1])
    assert receipts_seen[-1] > receipts_seen[0] > 0  # each life did work after the one before was killed


def test_demo_fill_killed_at_random_moments_leaves_a_sound_database(sqlite_db: Database, tmp_path: Path) -> None:
    template = Path(sqlite_db.engine.url.database or "")
    sqlite_db.dispose()
    rng = random.Random(os.environ.get("FRONTDESK_CRASH_SEED", time.time_ns()))
    deadline = time.monotonic() + SECONDS / 3
    for n in _rounds(KILLS // 4):
        if time.monotonic() > deadline and n >= 2:
            break
        path = tmp_path / f"demo-{n}.sqlite"
        shutil.copy(template, path)
        _kill_at_random(crash_worker.demo, (f"sqlite:///{path}", n), rng)
        check_after_crash(path)


@pytest.mark.parametrize("harm", [
    "DELETE FROM ticket_events WHERE kind = 'created'",
    # (the audit trail cannot be deleted from, even here: its triggers refuse)
    "INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) "
    "VALUES ('2026-11-24 10:00:00', 1, 'receipt.payment', 'receipt', '99', '{}')",
    "UPDATE receipts SET kind = 'deposit'",
    "DELETE FROM ticket_events WHERE kind = 'receipt'",
    "DELETE FROM receipts",
    "UPDATE receipts SET number = 'R2026-000009'",
    "UPDATE number_sequences SET last = last + 1 WHERE name = 'receipt'",
])
def test_the_check_sees_half_written_work(sqlite_db: Database, harm: str) -> None:
    """The check is not blind: each kind of half-written work it looks for fails it."""
    manager, clerk = seed_users(sqlite_db)
    ticket_id, _quote = approved_ticket(sqlite_db, manager, clerk)
    with sqlite_db.write() as s:
        payments.take_payment(s, clerk, ticket_id, "cash", "100.00", now=NOW, counter="main")
    path = Path(sqlite_db.engine.url.database or "")
    sqlite_db.dispose()
    assert check_after_crash(path) == (1, 1)
    with sqlite3.connect(str(path)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(harm)
    with pytest.raises(AssertionError):
        check_after_crash(path)
