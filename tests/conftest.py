"""Shared fixtures: a fresh database per test, on SQLite and (when
FRONTDESK_TEST_PG_URL names a server) on PostgreSQL too."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from frontdesk import i18n
from frontdesk.db.engine import Database
from frontdesk.db.migrate import upgrade
from frontdesk.users import Actor, add_user

PG_ENV = "FRONTDESK_TEST_PG_URL"
ENGINES = ["sqlite", "postgresql"]


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    db.dispose()
    return path


def _pg_admin_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if not url:
        return None
    return url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str | None]:
    admin = _pg_admin_url()
    if admin is None:
        yield None
        return
    name = f"fd_tmpl_{uuid.uuid4().hex[:8]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = Database(make_url(admin).set(database=name).render_as_string(hide_password=False))
    upgrade(db)
    db.dispose()
    yield name
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def make_db(kind: str, tmp_path: Path, sqlite_template: Path, pg_template: str | None) -> Iterator[Database]:
    if kind == "sqlite":
        path = tmp_path / "frontdesk.sqlite"
        shutil.copy(sqlite_template, path)
        db = Database(f"sqlite:///{path}")
        yield db
        db.dispose()
        return
    admin = _pg_admin_url()
    if admin is None or pg_template is None:
        pytest.skip(f"PostgreSQL tests need {PG_ENV}")
    name = f"fd_t_{uuid.uuid4().hex[:10]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"'))
    db = Database(make_url(admin).set(database=name).render_as_string(hide_password=False))
    yield db
    db.dispose()
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(params=ENGINES)
def db(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path, pg_template: str | None) -> Iterator[Database]:
    """A fresh, migrated database: the same test runs on both engines."""
    yield from make_db(request.param, tmp_path, sqlite_template, pg_template)


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """A fresh SQLite database only (UI tests, quick checks)."""
    yield from make_db("sqlite", tmp_path, sqlite_template, None)


MANAGER_PIN = "2468"
CLERK_PIN = "1357"


def seed_users(db: Database) -> tuple[Actor, Actor]:
    with db.write() as s:
        m = add_user(s, None, "manager", "manager", MANAGER_PIN, "Wang Manager")
        mgr = Actor(m.id, m.name, m.role)
        c = add_user(s, mgr, "clerk", "clerk", CLERK_PIN, "Li Clerk")
        clerk = Actor(c.id, c.name, c.role)
    return mgr, clerk


@pytest.fixture
def users(db: Database) -> tuple[Actor, Actor]:
    """(manager, clerk) in ``db``."""
    return seed_users(db)


@pytest.fixture
def now() -> datetime:
    """A Tuesday morning inside calling hours."""
    return datetime(2026, 11, 24, 10, 0)
