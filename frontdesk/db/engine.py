"""Engine and session scope.

SQLite (the embedded default) runs in WAL mode with foreign keys on; a write
transaction starts with ``BEGIN IMMEDIATE`` so that two writers queue at the
start instead of failing half way.  PostgreSQL is used through psycopg 3 with
``pool_pre_ping`` so a server that went away and came back is reconnected to.

Every engine :func:`make_engine` makes turns the refusals of the database's
own locks into domain errors: the audit lock's into
:class:`frontdesk.errors.AuditLocked`, the day lock's into
:class:`frontdesk.errors.DayClosed` (``handle_error`` listeners on that
engine, not on SQLAlchemy's Engine class: importing a module registers
nothing).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from frontdesk.audit import audit_locked
from frontdesk.dayclose.models import day_closed
from frontdesk.errors import DatabaseBusy, DatabaseUnavailable
from frontdesk.i18n import _
from frontdesk.paths import ENV_VAR, data_dir, default_url  # noqa: F401 (where the rest of the program finds them)
from frontdesk.private_files import new_file

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
T = TypeVar("T")


def normalize_url(url: str) -> str:
    """Accept a bare file path as an SQLite database; psycopg 3 for PostgreSQL."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # Let us issue BEGIN ourselves (pysqlite's own handling defers it).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "memory":
        cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    if conn.get_execution_options().get("frontdesk_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def _private_sqlite_file(path: str) -> Callable[..., None]:
    """A ``do_connect`` listener: the database file SQLite is about to create
    is made 0600 first (its -wal and -shm take the database file's mode)."""
    def before_connect(_dialect: Any, _record: Any, _cargs: Any, _cparams: Any) -> None:
        if not Path(path).exists():
            new_file(path)
    return before_connect


def make_engine(url: str, **kwargs: Any) -> Engine:
    """The engine for ``url``; its errors never quote the values of their
    statements (``hide_parameters``: a customer's name, phone and address
    stay out of the log, docs/rules.md#private-files)."""
    kwargs.setdefault("hide_parameters", True)
    url = normalize_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUnavailable(_("Not a database address: {url}").format(url=url)) from exc
    if parsed.get_backend_name() == "sqlite":
        db = parsed.database
        if db and db != ":memory:":
            folder = Path(db).expanduser().parent
            if not folder.exists():
                raise DatabaseUnavailable(
                    _("The folder for the database does not exist: {folder}").format(folder=folder)
                )
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **kwargs)
        if db and db != ":memory:" and not parsed.query:
            event.listen(engine, "do_connect", _private_sqlite_file(db))
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        kwargs.setdefault("pool_pre_ping", True)
        try:
            engine = create_engine(url, **kwargs)
        except Exception as exc:  # missing driver, bad URL
            raise DatabaseUnavailable(
                _("Cannot use the database {url}: {error}").format(url=parsed.render_as_string(hide_password=True), error=exc)
            ) from exc
    event.listen(engine, "handle_error", audit_locked)
    event.listen(engine, "handle_error", day_closed)
    return engine


def describe_error(exc: BaseException | None) -> str:
    """A database error for the log: its class and the first line of the
    driver's message; never the statement's values, nor PostgreSQL's DETAIL
    line (which repeats a key's values)."""
    if exc is None:
        return ""
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return f"{type(orig).__name__}: {lines[0] if lines else ''}"


def is_busy_error(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text or "could not obtain lock" in text


def is_gone_error(exc: BaseException) -> bool:
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def _expected(exc: DBAPIError) -> bool:
    """A database trouble the desk is told about (locked, busy, unreachable,
    the connection lost), not a bug such as a broken constraint."""
    return isinstance(exc, OperationalError) or is_gone_error(exc)


class Database:
    """One database: an engine and the sessions the services run in."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = normalize_url(url)
        self.engine = engine or make_engine(self.url)
        self._factory = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._write_factory = sessionmaker(
            bind=self.engine.execution_options(frontdesk_write=True), expire_on_commit=False
        )

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end)."""
        session = self._factory()
        try:
            yield session
        except DBAPIError as exc:
            if not _expected(exc):
                raise
            raise self._translate(exc) from exc
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on error."""
        session = self._write_factory()
        try:
            yield session
            session.commit()
        except DBAPIError as exc:
            session.rollback()
            if not _expected(exc):
                raise
            raise self._translate(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def run(self, work: Callable[[Session], T], attempts: int | None = None) -> T:
        """Run ``work`` in a write transaction, retrying briefly when busy or
        when the server connection was lost and came back.

        By default (``attempts`` None) three tries; but an SQLite database
        still locked is not tried again: its busy timeout already waited
        :data:`BUSY_TIMEOUT_MS` for the other writer, and the person at the
        desk should hear about it then rather than after three such waits.
        Batch work that must get through passes ``attempts``."""
        tries = 3 if attempts is None else attempts
        delay = 0.2
        for attempt in range(1, tries + 1):
            try:
                with self.write() as session:
                    return work(session)
            except DatabaseUnavailable as exc:
                cause = exc.__cause__
                busy = cause is not None and is_busy_error(cause)
                retriable = busy or (cause is not None and is_gone_error(cause))
                if busy and attempts is None and self.dialect == "sqlite":
                    retriable = False
                if attempt == tries or not retriable:
                    raise
                log.warning("database busy or reconnecting (attempt %d): %s", attempt, describe_error(cause))
                time.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")

    def _translate(self, exc: DBAPIError) -> DatabaseUnavailable:
        if is_busy_error(exc):
            return DatabaseBusy(
                _("The database is busy (another counter is saving). Nothing was lost: try again in a moment.")
            )
        return DatabaseUnavailable(
            _("The database cannot be reached: {error}").format(error=str(exc.orig).strip().splitlines()[0] if exc.orig else exc)
        )

    def dispose(self) -> None:
        self.engine.dispose()
