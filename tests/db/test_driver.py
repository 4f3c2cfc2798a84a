"""Reads on the driver's own cursor (frontdesk.db.driver): the same rows as
through SQLAlchemy, SQLAlchemy's errors when the driver fails, and a lost
PostgreSQL connection read again (docs/architecture.md#the-drivers-cursor)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from frontdesk import customers
from frontdesk.db import driver
from frontdesk.db.engine import Database, is_gone_error
from frontdesk.db.models import Customer, Ticket
from frontdesk.errors import DatabaseUnavailable
from frontdesk.intake import service as intake
from frontdesk.users import Actor
from tests.pg_sessions import terminate_others


def test_postgresql_gets_its_drivers_parameters_and_keeps_casts_and_percent_signs() -> None:
    sql = "SELECT x::text, 'a%' FROM t WHERE a = :low AND b < :high_2 AND c = ANY(:ids)"
    assert driver.driver_sql(sql, "postgresql") == (
        "SELECT x::text, 'a%%' FROM t WHERE a = %(low)s AND b < %(high_2)s AND c = ANY(%(ids)s)")
    assert driver.driver_sql(sql, "sqlite") == sql
    with pytest.raises(ValueError):
        driver.driver_sql(sql, "oracle")


def _customers(db: Database, clerk: Actor) -> list[int]:
    with db.write() as s:
        ids = [customers.create(s, clerk.id, f"Driver {n}", customers.check_phone(f"139{n:08d}")).id
               for n in range(3)]
        intake.take_intake(s, clerk, intake.IntakeForm(
            channel=intake.WALK_IN, kind=intake.REPAIR, name="Driver 0", phone="13900000000",
            category="mobile_phone", brand="Huawei", fault="screen"), now=datetime(2026, 11, 24, 10, 5, 6))
    return ids


def test_the_driver_reads_what_sqlalchemy_reads(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    ids = _customers(db, clerk)
    with db.glance() as s:
        got = driver.rows(s, "SELECT id, name FROM customers WHERE name >= :low ORDER BY id", {"low": "Driver"})
        want = [tuple(r) for r in s.execute(select(Customer.id, Customer.name)
                                            .where(Customer.name >= "Driver").order_by(Customer.id))]
        assert got == want and [r[0] for r in got] == ids
        # a ticket's moment as SQLAlchemy gives it, whatever the driver gives (SQLite: text)
        (raw,), = driver.rows(s, "SELECT max(intake_at) FROM tickets", {})
        assert driver.converter(Ticket.__table__.c.intake_at.type, s)(raw) == datetime(2026, 11, 24, 10, 5, 6)
    (match,) = db.query(lambda s: customers.search(s, "Driver 0"), glance=True)
    assert (match.id, match.ticket_count, match.last_visit) == (ids[0], 1, datetime(2026, 11, 24, 10, 5, 6))


def test_a_keystrokes_search_runs_on_the_driver_seen_by_the_engines_listeners(
        db: Database, users: tuple[Actor, Actor]) -> None:
    """SQLAlchemy's execution (its dialect's ``do_execute``) runs nothing;
    the engine's statement listeners see each statement all the same."""
    _manager, clerk = users
    _customers(db, clerk)
    seen: list[str] = []
    done: list[str] = []
    executed: list[str] = []

    def before(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    def after(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        done.append(statement)

    def do_execute(_cursor: object, statement: str, *_args: object) -> None:
        executed.append(statement)

    event.listen(db.engine, "before_cursor_execute", before)
    event.listen(db.engine, "after_cursor_execute", after)
    event.listen(db.engine, "do_execute", do_execute)
    try:
        with db.glance() as s:
            assert [m.name for m in customers.search(s, "driver")] == ["Driver 0", "Driver 1", "Driver 2"]
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
        event.remove(db.engine, "after_cursor_execute", after)
        event.remove(db.engine, "do_execute", do_execute)
    assert executed == []
    assert len(seen) == 2 and seen == done
    assert "FROM customer_keys" in seen[0] and "FROM customers c" in seen[1]


def test_a_failing_statement_is_sqlalchemys_error(db: Database) -> None:
    with pytest.raises(DBAPIError) as err, Session(db.engine) as s:
        driver.rows(s, "SELECT id FROM no_such_table WHERE id = :id", {"id": 1})
    assert "no_such_table" in str(err.value) and not is_gone_error(err.value)
    assert "[SQL parameters hidden" in str(err.value)  # as every statement's: no customer's data in the log


def test_a_write_on_the_drivers_cursor_is_in_the_sessions_transaction_and_runs_once(
        db: Database, users: tuple[Actor, Actor]) -> None:
    """A new customer's search keys go in one statement: the customer is
    found by them; rolled back with the session, they are gone; a
    duplicate key is SQLAlchemy's IntegrityError, and nothing is written
    twice."""
    _manager, clerk = users
    ids = _customers(db, clerk)
    with db.glance() as s:
        assert driver.rows(s, "SELECT key FROM customer_keys WHERE customer_id = :c ORDER BY key", {"c": ids[1]}) == [
            ("n:1",), ("n:driver",), ("n:driver 1",), ("p:13900000001",), ("p:8613900000001",), ("s:10000000931",)]
        assert [m.id for m in customers.search(s, "1390000000")] == ids  # by the phone's keys
    with Session(db.engine) as s:
        driver.execute(s, "INSERT INTO customer_keys (key, customer_id) VALUES (:k, :c)", {"k": "n:zzz", "c": ids[0]})
        assert driver.rows(s, "SELECT customer_id FROM customer_keys WHERE key = :k", {"k": "n:zzz"}) == [(ids[0],)]
        s.rollback()
        assert driver.rows(s, "SELECT customer_id FROM customer_keys WHERE key = :k", {"k": "n:zzz"}) == []
    with pytest.raises(IntegrityError), Session(db.engine) as s:
        key = driver.rows(s, "SELECT key FROM customer_keys WHERE customer_id = :c", {"c": ids[0]})[0][0]
        driver.execute(s, "INSERT INTO customer_keys (key, customer_id) VALUES (:k, :c)", {"k": key, "c": ids[0]})
    with db.glance() as s:
        assert driver.rows(s, "SELECT count(*) FROM customer_keys WHERE customer_id = :c", {"c": ids[0]}) == [(6,)]


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_postgresql_a_search_on_a_lost_connection_is_read_again(db: Database, users: tuple[Actor, Actor]) -> None:
    """The driver's error on a connection the server ended comes back as
    SQLAlchemy's, marked lost: the window's read (``Database.query``) reads
    again on a fresh connection; a plain ``glance`` says the database
    cannot be reached, and the next one works."""
    _manager, clerk = users
    ids = _customers(db, clerk)

    def search(s: Session) -> list[int]:
        return [m.id for m in customers.search(s, "driver")]

    assert db.query(search, glance=True) == ids
    assert terminate_others(db) >= 1
    assert db.query(search, glance=True) == ids
    assert terminate_others(db) >= 1
    with pytest.raises(DatabaseUnavailable) as err, db.glance() as s:
        search(s)
    assert err.value.__cause__ is not None and is_gone_error(err.value.__cause__)
    with db.glance() as s:
        assert search(s) == ids
