"""The database's lock refusals become domain errors on the engines the
program makes, and only there: importing a module registers nothing on
SQLAlchemy's Engine class."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

import pytest
from sqlalchemy import create_engine, event, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from frontdesk import audit
from frontdesk.dayclose import models as dayclose_models
from frontdesk.db.engine import Database, make_engine
from frontdesk.db.models import AuditRecord
from frontdesk.errors import AuditLocked


def test_importing_the_modules_registers_nothing_on_the_engine_class() -> None:
    assert not event.contains(Engine, "handle_error", audit.audit_locked)
    assert not event.contains(Engine, "handle_error", dayclose_models.day_closed)
    fresh = subprocess.run([sys.executable, "-c", (
        "from sqlalchemy import event\n"
        "from sqlalchemy.engine import Engine\n"
        "from frontdesk.audit import audit_locked\n"
        "from frontdesk.dayclose.models import day_closed\n"
        "import frontdesk.db.engine\n"
        "print(event.contains(Engine, 'handle_error', audit_locked), event.contains(Engine, 'handle_error', day_closed))"
    )], capture_output=True, text=True, check=True)
    assert fresh.stdout.split() == ["False", "False"]


def test_make_engine_registers_both_lock_listeners_on_its_engine(sqlite_db: Database) -> None:
    engine = make_engine(str(sqlite_db.engine.url))
    try:
        assert event.contains(engine, "handle_error", audit.audit_locked)
        assert event.contains(engine, "handle_error", dayclose_models.day_closed)
    finally:
        engine.dispose()


def test_an_engine_from_make_engine_turns_the_audit_lock_into_audit_locked(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        audit.record(s, None, "test.write", "test", at=datetime(2026, 11, 24, 9, 0))
    engine = make_engine(str(sqlite_db.engine.url))
    try:
        with engine.begin() as conn, pytest.raises(AuditLocked):
            conn.execute(update(AuditRecord).values(action="nothing.happened"))
    finally:
        engine.dispose()
    plain = create_engine(sqlite_db.engine.url)  # not made by the program: the database's own error
    try:
        with plain.begin() as conn, pytest.raises(DBAPIError, match=audit.LOCK_MARKER):
            conn.execute(text("DELETE FROM audit_log"))
    finally:
        plain.dispose()
    with sqlite_db.read() as s:
        assert s.scalars(select(AuditRecord.action)).all() == ["test.write"]
