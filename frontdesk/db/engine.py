"""Engine and session scope.

SQLite (the embedded default) runs in WAL mode with foreign keys on; a write
transaction starts with ``BEGIN IMMEDIATE`` so that two writers queue at the
start instead of failing half way.  PostgreSQL is used through psycopg 3.

A connection the server dropped is found on use, not pinged at every
checkout (a ping is one more round trip for every read the window makes,
docs/architecture.md#transactions-and-concurrency): SQLAlchemy sees the
disconnect, invalidates that connection and every other one the pool held
before it, and the next checkout opens a fresh one.  The statement that
found it is retried once when it was the first of a read session (nothing
was read yet, nothing can be lost: :func:`_retry_lost_read`); a write is
tried again from its start by :meth:`Database.run`; anything else reaches
the desk as :class:`frontdesk.errors.DatabaseUnavailable`.

Every engine :func:`make_engine` makes turns the refusals of the database's
own locks into domain errors: the audit lock's into
:class:`frontdesk.errors.AuditLocked`, the day lock's into
:class:`frontdesk.errors.DayClosed` (``handle_error`` listeners on that
engine, not on SQLAlchemy's Engine class: importing a module registers
nothing).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, Result, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from frontdesk.audit import audit_locked
from frontdesk.dayclose.models import day_closed
from frontdesk.errors import DatabaseBusy, DatabaseUnavailable
from frontdesk.i18n import _
from frontdesk.paths import ENV_VAR, data_dir, default_url  # noqa: F401 (where the rest of the program finds them)
from frontdesk.private_files import new_file

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
# Pages of write-ahead log after which the commit that passes them copies
# the log into the database file (SQLite's default is 1,000, about 4 MB:
# every 25th intake or so paid 100 ms of copying and syncing).  The window
# copies it in the background (LogKeeper) long before; a command line run
# that writes a lot copies it now and then, in bigger steps.
WAL_AUTOCHECKPOINT_PAGES = 10_000
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
    cur.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
    cur.close()


# The planner's cost of reading a page out of order, where the server was
# left at PostgreSQL's default (4, a spinning disk's).  A shop's database is a
# few gigabytes its server holds in memory or on a solid-state disk, the case
# PostgreSQL's manual gives 1.1 for.  At 4 a month's 6,500 picked-up tickets
# were joined to their repair records and products by reading both tables
# whole (355 ms; through their indexes 60 ms): docs/architecture.md#postgresql-planning.
RANDOM_PAGE_COST = "1.1"


def _postgresql_connect(dbapi_conn: Any, _record: Any) -> None:
    """Each new connection plans with :data:`RANDOM_PAGE_COST`, unless the
    server, its database or its role was given a value of its own (its
    administrator's word stands)."""
    with dbapi_conn.cursor() as cur:
        cur.execute("SELECT source FROM pg_settings WHERE name = 'random_page_cost'")
        row = cur.fetchone()
        if row is not None and row[0] == "default":
            cur.execute(f"SET random_page_cost = {RANDOM_PAGE_COST}")
    dbapi_conn.commit()


# The longest statement psycopg is to keep converted: the intake's new rows go in by one
# statement of 75 to 90 parameters and about 4,700 to 5,500 characters (frontdesk.db.direct.Linked).
CONVERTED_PARAMS = 256
CONVERTED_LENGTH = 16384


def _keep_long_statements_converted() -> None:
    """psycopg turns a statement's ``%(name)s`` placeholders into PostgreSQL's
    ``$1`` once and keeps the result (128 statements), but only for
    statements of at most 50 parameters and 4,096 characters: the intake's
    rows, one statement longer than that, were converted anew at every save
    (half a millisecond of the client's time, docs/performance.md).  The
    limits are module constants of psycopg's (3.1 to 3.3), raised where they
    are found: a psycopg without them is left as it is, only slower."""
    try:
        from psycopg import _queries  # only for a PostgreSQL engine: SQLite never loads the driver
    except ImportError:  # another driver
        return
    for name, wanted in (("MAX_CACHED_STATEMENT_PARAMS", CONVERTED_PARAMS),
                         ("MAX_CACHED_STATEMENT_LENGTH", CONVERTED_LENGTH)):
        now = getattr(_queries, name, None)
        if isinstance(now, int) and now < wanted:
            setattr(_queries, name, wanted)


def _sqlite_begin(conn: Any) -> None:
    options = conn.get_execution_options()
    if options.get("frontdesk_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif not options.get("frontdesk_glance"):
        conn.exec_driver_sql("BEGIN")
    # A glance (Database.glance): no transaction, each statement reads on its own.


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
        try:
            engine = create_engine(url, **kwargs)
        except Exception as exc:  # missing driver, bad URL
            raise DatabaseUnavailable(
                _("Cannot use the database {url}: {error}").format(url=parsed.render_as_string(hide_password=True), error=exc)
            ) from exc
        if parsed.get_backend_name() == "postgresql":
            _keep_long_statements_converted()
            event.listen(engine, "do_execute", _planned_each_time)
            event.listen(engine, "connect", _postgresql_connect)
    event.listen(engine, "handle_error", audit_locked)
    event.listen(engine, "handle_error", day_closed)
    return engine


# The execution option of a statement PostgreSQL must plan for the values
# it is given each time (see _planned_each_time).
PLAN_EACH_TIME = "frontdesk_plan_each_time"


def _planned_each_time(cursor: Any, statement: str, parameters: Any, context: Any) -> bool:
    """A ``do_execute`` listener on a PostgreSQL engine: a statement run
    with the execution option :data:`PLAN_EACH_TIME` is sent unprepared.
    psycopg prepares a statement on the server once it has run five times,
    and after five more PostgreSQL may keep one generic plan for any values:
    for the search's prefix ranges (``serial >= $1 AND serial < $2``) that
    plan cannot know how few rows a prefix finds, and took twice the time
    of a plan made for the prefix typed."""
    if context is None or not context.execution_options.get(PLAN_EACH_TIME):
        return False
    cursor.execute(statement, parameters, prepare=False)
    return True


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


_READ_BEGUN = "frontdesk_read_begun"


def _retry_lost_read(state: ORMExecuteState) -> Result[Any] | None:
    """A ``do_orm_execute`` listener on the read sessions of a server
    database: the first statement of a read session whose pooled connection
    turns out dead (the server restarted, an administrator ended it) is run
    once more on a fresh connection.  SQLAlchemy has invalidated the dead
    connection, and the pool's older ones with it, when the error reaches
    here; the session's transaction is rolled back so the retry begins a
    new one.  Only the first statement: nothing had been read in the lost
    transaction, so the retry cannot mix two connections' answers."""
    session = state.session
    if session.info.get(_READ_BEGUN):
        return None
    session.info[_READ_BEGUN] = True
    try:
        return state.invoke_statement()
    except DBAPIError as exc:
        if not is_gone_error(exc):
            raise
        log.warning("database connection lost, reconnecting: %s", describe_error(exc))
        session.rollback()
        return state.invoke_statement()


class Database:
    """One database: an engine and the sessions the services run in."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = normalize_url(url)
        self.engine = engine or make_engine(self.url)
        self._factory = sessionmaker(bind=self.engine, expire_on_commit=False)
        glancing = self.engine.execution_options(frontdesk_glance=True)
        if self.engine.dialect.name != "sqlite":  # SQLite: _sqlite_begin leaves out the BEGIN
            glancing = glancing.execution_options(isolation_level="AUTOCOMMIT")
        self._glance_factory = sessionmaker(bind=glancing, expire_on_commit=False)
        if self.engine.dialect.name != "sqlite":  # an embedded file never drops its connection
            event.listen(self._factory, "do_orm_execute", _retry_lost_read)
            event.listen(self._glance_factory, "do_orm_execute", _retry_lost_read)
        self._write_factory = sessionmaker(
            bind=self.engine.execution_options(frontdesk_write=True), expire_on_commit=False
        )
        self._snapshot_factory = self._factory
        if self.engine.dialect.name == "postgresql":
            self._snapshot_factory = sessionmaker(
                bind=self.engine.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True),
                expire_on_commit=False)
            event.listen(self._snapshot_factory, "do_orm_execute", _retry_lost_read)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end)."""
        with self._reading(self._factory()) as session:
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A read that sees one moment of the database from its first
        statement to its end, however long it runs (the head-office
        export: its sheets, summary and figures agree with each other).
        On SQLite every :meth:`read` does; on PostgreSQL, where a read is
        read committed, it is a repeatable-read, read-only transaction, as
        pg_dump's, whose moment :meth:`share` can hand to :meth:`joining`."""
        with self._reading(self._snapshot_factory()) as session:
            yield session

    def can_share(self) -> bool:
        """Whether a :meth:`snapshot`'s moment can be read by a second
        connection at the same time (PostgreSQL; SQLite has no such call in
        its Python driver)."""
        return self.dialect == "postgresql"

    @staticmethod
    def share(session: Session) -> str:
        """The name of ``session``'s moment (a :meth:`snapshot` on
        PostgreSQL, after its first statement), for :meth:`joining`; valid
        while ``session``'s transaction lasts."""
        return str(session.scalar(text("SELECT pg_export_snapshot()")))

    @contextmanager
    def joining(self, shared: str) -> Iterator[Session]:
        """A read on a connection of its own that sees the moment
        :meth:`share` named: another thread reads part of a long read while
        the first goes on."""
        if not all(c.isalnum() or c == "-" for c in shared):  # a snapshot's name: hex digits and dashes
            raise ValueError(f"not a snapshot's name: {shared!r}")
        with self._reading(self._snapshot_factory()) as session:
            session.execute(text(f"SET TRANSACTION SNAPSHOT '{shared}'"))  # no parameter in SET
            yield session

    @contextmanager
    def glance(self) -> Iterator[Session]:
        """A read outside any transaction, for what the window asks as the
        clerk types and scrolls: a page of the list, the customers a few
        keystrokes find.  Each statement sees the database as it is when it
        runs (on SQLite a :meth:`read` sees one moment throughout; on
        PostgreSQL, read committed, each statement of a read sees its own
        anyway).  No ``BEGIN`` and no ``ROLLBACK``: on PostgreSQL each is a
        round trip to the server, two of the three a one-statement read made
        (the ``rollback`` at the end sends nothing when no transaction is open)."""
        with self._reading(self._glance_factory()) as session:
            yield session

    @contextmanager
    def _reading(self, session: Session) -> Iterator[Session]:
        try:
            yield session
        except DBAPIError as exc:
            if not _expected(exc):
                raise
            raise self._translate(exc) from exc
        finally:
            session.rollback()
            session.close()

    def query(self, work: Callable[[Session], T], glance: bool = False) -> T:
        """Run ``work(session)`` in a read session (a :meth:`glance` with
        ``glance``); when the server connection turns out lost part way, once
        more from its start on a fresh connection (a read repeated loses
        nothing).  What the window reads goes through here (``AppContext.read``)."""
        for attempt in (1, 2):
            try:
                with self.glance() if glance else self.read() as session:
                    return work(session)
            except DatabaseUnavailable as exc:
                cause = exc.__cause__
                if attempt == 2 or cause is None or not is_gone_error(cause):
                    raise
                log.warning("database connection lost, reading again: %s", describe_error(cause))
        raise AssertionError("unreachable")

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

    def keep_log_short(self, interval: float = 0.5) -> LogKeeper | None:
        """Start a :class:`LogKeeper` for an SQLite file (None for a server
        database or one in memory)."""
        db_path = make_url(self.url).database if self.dialect == "sqlite" else None
        if not db_path or db_path == ":memory:" or "mode=memory" in self.url:
            return None
        return LogKeeper(db_path, interval).start()

    def dispose(self) -> None:
        self.engine.dispose()


class LogKeeper:
    """Copies an SQLite database's write-ahead log into its file in a thread
    of its own, once the database has been quiet for ``interval`` seconds
    (no commit since it last looked, by ``PRAGMA data_version``): a passive
    checkpoint, which waits for no one and nobody waits for, made between
    the clerks' saves rather than by one of them and never while writes
    come one after the other (copying beside them slowed each by a fifth)
    (docs/architecture.md#transactions-and-concurrency).  ``stop()`` ends
    it; nothing to do on PostgreSQL, whose server does its own."""

    def __init__(self, path: str, interval: float = 0.5) -> None:
        self.path = path
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wal-keeper", daemon=True)

    def start(self) -> LogKeeper:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        except sqlite3.Error as exc:
            log.warning("the log keeper cannot open the database: %s", exc)
            return
        seen = copied = None  # the data version at the last look, and at the last checkpoint
        try:
            while not self._stop.wait(self.interval):
                try:
                    version = conn.execute("PRAGMA data_version").fetchone()[0]
                    if version != seen:  # written since the last look: wait for a quiet moment
                        seen = version
                        continue
                    if version != copied:
                        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                        copied = version
                except sqlite3.Error as exc:  # a moment's lock, a file gone: tried again at the next turn
                    log.debug("checkpoint skipped: %s", exc)
        finally:
            conn.close()
