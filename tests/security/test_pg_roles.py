"""Least privilege on a real PostgreSQL (finding 4 of issue 17): the role
every counter used owned the tables, so ``ALTER TABLE audit_log DISABLE
TRIGGER USER`` then ``DELETE`` worked, and ¥1,000 was added to a receipt on
a closed day.

Here the database is set up as the README says (``frontdesk db roles``,
then ``frontdesk db upgrade`` as the owner role); the counter role does a
counter's day of work through the services, and each attack is refused.
Skipped without FRONTDESK_TEST_PG_URL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from frontdesk.billing import payments
from frontdesk.billing.models import Receipt
from frontdesk.cli import main
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.db.migrate import open_database
from frontdesk.db.models import AuditRecord
from frontdesk.db.roles import COUNTER_PASSWORD_ENV, OWNER_PASSWORD_ENV
from frontdesk.errors import DatabaseUnavailable
from frontdesk.headoffice.export import export_workbook
from tests.billing.billing_helpers import NOW, approved_ticket
from tests.conftest import PG_ENV, _pg_admin_url, seed_users

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@dataclass(frozen=True)
class Setup:
    admin: str  # the database, as the administrator who ran 'db roles'
    owner: str  # ... as the owner role
    counter: str  # ... as the counter role
    owner_role: str
    counter_role: str


def _url(admin: str, database: str, role: str | None = None) -> str:
    url = make_url(admin).set(database=database)
    if role is not None:
        url = url.set(username=role, password=None)
    return url.render_as_string(hide_password=False).replace("postgresql+psycopg://", "postgresql://", 1)


def _roles(monkeypatch: pytest.MonkeyPatch, url: str, owner: str, counter: str, *, passwords: bool = True) -> int:
    if passwords:
        monkeypatch.setenv(OWNER_PASSWORD_ENV, "owner-secret-1")
        monkeypatch.setenv(COUNTER_PASSWORD_ENV, "counter-secret-1")
    else:
        monkeypatch.delenv(OWNER_PASSWORD_ENV, raising=False)
        monkeypatch.delenv(COUNTER_PASSWORD_ENV, raising=False)
    return main(["db", "roles", "--db", url, "--owner", owner, "--counter", counter])


@pytest.fixture
def pg_roles(monkeypatch: pytest.MonkeyPatch) -> Iterator[Setup]:
    admin = _pg_admin_url()
    if admin is None:
        pytest.skip(f"PostgreSQL tests need {PG_ENV}")
    tag = uuid.uuid4().hex[:8]
    database, owner, counter = f"pgfiles_roles_{tag}", f"pgfiles_owner_{tag}", f"pgfiles_counter_{tag}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{database}"'))
    setup = Setup(_url(admin, database), _url(admin, database, owner), _url(admin, database, counter), owner, counter)
    try:
        yield setup
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            for role in (owner, counter):
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        engine.dispose()


def _refused(conn: psycopg.Connection[Any], sql: str) -> psycopg.Error:
    with pytest.raises(psycopg.Error) as err:
        conn.execute(sql)
    return err.value


def test_the_counter_role_works_at_the_counter_and_cannot_undo_the_trail_or_a_closed_day(
        pg_roles: Setup, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    s = pg_roles
    assert _roles(monkeypatch, s.admin, s.owner_role, s.counter_role) == 0
    assert _roles(monkeypatch, s.admin, s.owner_role, s.counter_role, passwords=False) == 0  # again: fine
    out = capsys.readouterr().out
    assert f"frontdesk db upgrade --db {s.owner}" in out
    assert f"Counters connect as:             {s.counter}" in out
    # The counter role cannot make the tables: it is told whom to ask.
    with pytest.raises(DatabaseUnavailable) as err:
        open_database(s.counter)
    assert err.value.message == ("This database has no tables yet and this role may not create them: ask whoever "
                                 "manages the database to run 'frontdesk db upgrade' with the owner role.")
    assert main(["db", "upgrade", "--db", s.owner]) == 0

    db = open_database(s.counter)  # current: no DDL tried
    try:
        manager, clerk = seed_users(db)
        ticket, _quote = approved_ticket(db, manager, clerk)  # intake, schedule, quote
        with db.write() as ses:
            receipt = payments.take_payment(ses, clerk, ticket, "cash", "100", tendered="100", now=NOW,
                                            counter="main")
        with db.write() as ses:
            dayclose.close_day(ses, manager, NOW.date(), opening_float="0", counted="100", counter="main",
                               now=datetime(2026, 11, 24, 21, 0))
        result = export_workbook(db, manager, tmp_path / "office.xlsx", NOW.date(), NOW.date())
        assert result.rows
        with db.read() as ses:
            audit_rows = ses.scalar(select(func.count(AuditRecord.id)))
    finally:
        db.dispose()

    with psycopg.connect(s.counter, autocommit=True) as conn:
        assert conn.execute("SELECT current_user").fetchone() == (s.counter_role,)
        must_own = [
            "ALTER TABLE audit_log DISABLE TRIGGER USER",
            "ALTER TABLE receipts DISABLE TRIGGER ALL",
            "DROP TRIGGER receipts_day_lock ON receipts",
            "DROP TRIGGER audit_log_readonly ON audit_log",
            "DROP TABLE audit_log",
            "ALTER TABLE receipts DROP CONSTRAINT amount_positive",
            "ALTER FUNCTION frontdesk_day_is_closed(date, varchar) RENAME TO gone",
        ]
        for sql in must_own:
            error = _refused(conn, sql)
            assert isinstance(error, psycopg.errors.InsufficientPrivilege), sql
            assert "must be owner" in str(error), sql
        for sql in ("TRUNCATE audit_log", "TRUNCATE receipts"):
            assert "permission denied for table" in str(_refused(conn, sql)), sql
        for sql in ("CREATE TABLE public.shadow (x int)",
                    "CREATE OR REPLACE FUNCTION frontdesk_day_is_closed(d date, c varchar) RETURNS boolean "
                    "AS $$ BEGIN RETURN false; END $$ LANGUAGE plpgsql"):
            assert "permission denied for schema public" in str(_refused(conn, sql)), sql
        # A temporary day_closes would stand in for the real one in the day lock's look-up.
        assert "permission denied to create temporary tables" in str(
            _refused(conn, "CREATE TEMP TABLE day_closes (day date, counter varchar, closed_at timestamp)"))
        assert "permission denied" in str(_refused(conn, "SET session_replication_role = replica"))
        # Rows: the locks hold for the counter role.
        assert "FRONTDESK_AUDIT_LOCKED" in str(_refused(conn, "DELETE FROM audit_log"))
        assert "FRONTDESK_AUDIT_LOCKED" in str(_refused(conn, "UPDATE audit_log SET action = 'nothing'"))
        assert "FRONTDESK_DAY_CLOSED" in str(_refused(
            conn, f"UPDATE receipts SET amount = amount + 1000 WHERE id = {receipt.id}"))
        assert "FRONTDESK_DAY_CLOSED" in str(_refused(conn, f"DELETE FROM receipts WHERE id = {receipt.id}"))
        assert "FRONTDESK_DAY_CLOSED" in str(_refused(conn, "DELETE FROM day_closes"))

    check = Database(s.admin)
    try:
        with check.read() as ses:
            assert ses.scalar(select(func.count(AuditRecord.id))) == audit_rows
            assert ses.scalar(select(Receipt.amount).where(Receipt.id == receipt.id)) == Decimal("100.00")
            owners = set(ses.execute(text(
                "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")).scalars())
        assert owners == {s.owner_role}
    finally:
        check.dispose()


def test_roles_on_a_database_made_before_them_take_over_its_tables_and_an_old_schema_is_explained(
        pg_roles: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    s = pg_roles
    made = Database(s.admin)
    try:
        # Here, not at the top: only this test upgrades to an older version.
        from frontdesk.db.migrate import upgrade

        upgrade(made, "0006")  # by the administrator, before there were roles (0007 on create tables)
    finally:
        made.dispose()
    assert _roles(monkeypatch, s.admin, s.owner_role, s.counter_role) == 0
    with pytest.raises(DatabaseUnavailable) as err:
        open_database(s.counter)
    assert err.value.message == ("The schema is older than this program: ask whoever manages the database to run "
                                 "'frontdesk db upgrade' with the owner role.")
    # The administrator upgrades (not the owner role, as the README says): it acts as the owner role.
    assert main(["db", "upgrade", "--db", s.admin]) == 0
    check = Database(s.admin)
    try:
        with check.read() as ses:
            owners = set(ses.execute(text("SELECT tableowner FROM pg_tables WHERE schemaname = 'public' UNION "
                                          "SELECT pg_get_userbyid(proowner) FROM pg_proc "
                                          "WHERE pronamespace = 'public'::regnamespace")).scalars())
        assert owners == {s.owner_role}
    finally:
        check.dispose()
    db = open_database(s.counter)
    try:
        manager, clerk = seed_users(db)
        approved_ticket(db, manager, clerk)
    finally:
        db.dispose()
    with psycopg.connect(s.counter, autocommit=True) as conn:
        assert "must be owner" in str(_refused(conn, "ALTER TABLE audit_log DISABLE TRIGGER USER"))


def test_roles_refuse_a_counter_role_with_the_owners_rights(pg_roles: Setup, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    s = pg_roles
    assert _roles(monkeypatch, s.admin, s.owner_role, s.owner_role) == 2
    assert "The owner role and the counter role must be two roles." in capsys.readouterr().err
    assert _roles(monkeypatch, s.admin, s.owner_role, s.counter_role) == 0
    admin = create_engine(_pg_admin_url() or "", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'GRANT "{s.owner_role}" TO "{s.counter_role}"'))
    finally:
        admin.dispose()
    assert _roles(monkeypatch, s.admin, s.owner_role, s.counter_role) == 2
    assert (f"The role {s.counter_role} is a member of {s.owner_role}: it would have the owner's rights. "
            "Choose another counter role.") in capsys.readouterr().err


def test_roles_print_their_sql_and_say_sqlite_has_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "roles", "--db", "postgresql://admin@db.example/shop", "--print"]) == 0
    sql = capsys.readouterr().out
    assert 'ALTER SCHEMA "public" OWNER TO "frontdesk_owner";' in sql
    assert ('ALTER DEFAULT PRIVILEGES FOR ROLE "frontdesk_owner" IN SCHEMA "public" GRANT SELECT, INSERT, UPDATE, '
            'DELETE ON TABLES TO "frontdesk_counter";') in sql
    assert 'REVOKE TEMPORARY ON DATABASE "shop" FROM PUBLIC, "frontdesk_counter";' in sql
    assert "PASSWORD" not in sql
    assert main(["db", "roles", "--db", str(tmp_path / "shop.sqlite")]) == 2
    assert capsys.readouterr().err == (
        "frontdesk: Roles are a PostgreSQL matter: an SQLite database is a file, protected by who may open the "
        "file. Give 'frontdesk db roles' the address of a PostgreSQL database.\n")
