"""Backups of the embedded SQLite database, their check, restore and rotation.

Copies are made with SQLite's online backup API, so they are consistent even
while other counters read and write, and are written to a temporary file that
is renamed into place only when complete (a crash leaves no half backup under
the real name).  A restore copies the checked file *into* the live database
with the same API: it is one write transaction there, so another connection
sees the old database or the new one, never a mixture.

Automatic copies live in a ``backups`` folder beside the database: one a day
(kept by :func:`keep_by_rotation`: 7 daily, 4 weekly), one before every
schema upgrade (the newest few kept) and one before every restore (all
kept: they are the evidence of what a restore replaced).  Files in that
folder whose names do not follow our pattern are never touched.

A restore treats the file as hostile (:func:`check_backup`): its schema
must be exactly the one this program's migrations make at the file's
revision, nothing more, nothing less.  And it keeps the evidence
(:func:`restore`): the replaced database's audit records the backup lacks
are carried over, the numbering never goes back, the receipt numbers it
takes back are recorded as withdrawn, and the restore itself is recorded.

Backups and copies are created readable by their owner only (0600): they
hold every customer's phone and address and the PIN hashes.

PostgreSQL is backed up with its own tools (pg_dump / pg_restore); the
functions here refuse it with a message saying so.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from frontdesk import clock, private_files
from frontdesk.db.engine import Database, normalize_url
from frontdesk.db.migrate import is_known_revision
from frontdesk.errors import FrontDeskError
from frontdesk.i18n import N_, _

if TYPE_CHECKING:
    from frontdesk.users import Actor

log = logging.getLogger(__name__)

FOLDER = "backups"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_EACH_EVENT = 5  # copies made before an upgrade (those made before a restore are all kept)
AUTO = "auto"
BEFORE_UPGRADE = "before-upgrade"
BEFORE_RESTORE = "before-restore"
STAMP = "%Y%m%d-%H%M%S"
SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables every FrontDesk database has had since the first migration.
CORE_TABLES = ("alembic_version", "users", "customers", "products", "tickets", "ticket_events", "audit_log",
               "number_sequences", "settings")
BUSY_TIMEOUT_S = 30.0
_NAME = re.compile(r"^(?P<stem>.+)-(?P<kind>auto|before-upgrade|before-restore)(?:-(?P<rev>[^-]+))?"
                   r"-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.sqlite$")


class BackupRefused(FrontDeskError):
    """A backup or restore that cannot be done: the message says why."""


@dataclass(frozen=True)
class BackupInfo:
    """What :func:`check_backup` found in a good backup file."""

    path: Path
    revision: str
    tickets: int
    size: int


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    database: Path
    previous: Path | None  # the copy of what the restore replaced (None: there was nothing)
    carried: int = 0  # audit records of the replaced database carried into the restored one
    withdrawn: tuple[str, ...] = ()  # receipt numbers issued in the replaced database, absent from the backup


def _postgres_refusal(what: str) -> BackupRefused:
    texts = {
        "backup": _("FrontDesk backs up only its embedded SQLite database. For PostgreSQL use the server's own "
                    "tools, e.g. pg_dump --format=custom --file=frontdesk.dump DATABASE (see the README)."),
        "restore": _("FrontDesk restores only its embedded SQLite database. For PostgreSQL use pg_restore, e.g. "
                     "pg_restore --clean --if-exists --dbname=DATABASE frontdesk.dump (see the README)."),
    }
    return BackupRefused(texts[what])


def database_file(db_or_url: Database | str, what: str = "backup") -> Path:
    """The SQLite file behind ``db_or_url``; refused for PostgreSQL and in-memory databases."""
    url = make_url(db_or_url.url if isinstance(db_or_url, Database) else normalize_url(db_or_url))
    if url.get_backend_name() != "sqlite":
        raise _postgres_refusal(what)
    if not url.database or url.database == ":memory:":
        raise BackupRefused(_("An in-memory database has no file to back up or restore."))
    return Path(url.database).expanduser().resolve()


def backup_folder(database: Path) -> Path:
    return database.parent / FOLDER


def _connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        # immutable: no locks, no -wal/-shm files created beside someone's file;
        # but a live database's recent commits are in its -wal, which immutable ignores
        live = path.with_name(path.name + "-wal").exists()
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{'' if live else '&immutable=1'}", uri=True,
                               timeout=BUSY_TIMEOUT_S)
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_to_new_file(source: sqlite3.Connection, target: Path) -> Path:
    """Copy the open ``source`` to ``target`` through a temporary file renamed
    into place when complete; the copy is a single file (rollback journal)."""
    private_files.make_dirs(target.parent)  # 0700 when made here, as the copy is 0600: docs/rules.md#private-files
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.unlink(missing_ok=True)  # a leftover of a crash: the copy starts empty
        # the copy holds customers' phones and PIN hashes: 0600 before a byte is written
        dst = sqlite3.connect(str(private_files.new_file(tmp)))
        try:
            source.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def backup(db_or_url: Database | str, path: Path | str) -> Path:
    """Copy the database to ``path`` (safe while the program runs)."""
    source = database_file(db_or_url, "backup")
    target = Path(path).expanduser()
    if not source.is_file():
        raise BackupRefused(_("There is no database to back up at {path}.").format(path=source))
    if target.exists() and target.resolve() == source:
        raise BackupRefused(_("The backup cannot overwrite the database itself: choose another file."))
    if target.is_dir():
        raise BackupRefused(_("{path} is a folder: name the backup file.").format(path=target))
    src = _connect(source)
    try:
        _copy_to_new_file(src, target)
    except sqlite3.Error as exc:
        raise BackupRefused(_("The backup failed: {error}").format(error=exc)) from exc
    except OSError as exc:
        raise BackupRefused(_("The backup could not be written to {path}: {error}").format(
            path=target, error=exc.strerror or exc)) from exc
    finally:
        src.close()
    log.info("backed up %s to %s", source, target)
    return target


def check_backup(path: Path | str) -> BackupInfo:
    """Check that ``path`` is a sound FrontDesk database this program can
    use; raise :class:`BackupRefused` naming the problem otherwise.

    The file is treated as hostile: besides its integrity and version, its
    schema must be exactly the one this program's migrations make at that
    version (:func:`schema_differences`), so it brings in no trigger, view,
    index or table of its own and lacks none of the program's locks."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise BackupRefused(_("No such backup file: {path}").format(path=path))
    with open(path, "rb") as fh:
        if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise BackupRefused(_("{path} is not a FrontDesk backup: it is not an SQLite database.").format(path=path))
    try:
        conn = _connect(path, readonly=True)
        # a damaged file's text may not be UTF-8 (the integrity check quotes its bytes)
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
            if problems != ["ok"]:
                raise BackupRefused(_("{path} is damaged (integrity check: {problem}).").format(
                    path=path, problem="; ".join(str(p) for p in problems[:3])))
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            missing = [t for t in CORE_TABLES if t not in tables]
            if missing:
                raise BackupRefused(_("{path} is not a FrontDesk database (tables missing: {tables}).").format(
                    path=path, tables=", ".join(missing)))
            revisions = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
            tickets = int(conn.execute("SELECT count(*) FROM tickets").fetchone()[0])
            found = _schema_of(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupRefused(_("{path} cannot be read as a FrontDesk backup: {error}").format(
            path=path, error=exc)) from exc
    except UnicodeDecodeError as exc:  # SQLite's own message about the damage quotes bytes that are not text
        raise BackupRefused(_("{path} is damaged (integrity check: {problem}).").format(
            path=path, problem=exc.object[:200].decode("utf-8", "replace"))) from exc
    if len(revisions) != 1:
        raise BackupRefused(_("{path} has no schema version: it is not a complete FrontDesk database.").format(
            path=path))
    if not is_known_revision(revisions[0]):
        raise BackupRefused(_("{path} has schema version {rev}, which this program does not know: it was made by "
                              "a newer FrontDesk. Restore it with that version.").format(path=path, rev=revisions[0]))
    differences = schema_differences(found, reference_schema(revisions[0]))
    if differences:
        raise BackupRefused(_("{path} was refused: {problems}. Nothing was changed.").format(
            path=path, problems="; ".join(differences[:5])))
    return BackupInfo(path=path, revision=revisions[0], tickets=tickets, size=path.stat().st_size)


# -- the program's own schema -------------------------------------------------------------------
# What a file may contain is what the migrations make: a reference database
# is built by running them up to the file's revision on an empty temporary
# file, and every entry of sqlite_master (type, name, table, SQL with its
# spacing and identifier quotes normalized) must match, both ways.

SCHEMA_KINDS = {"table": N_("table"), "index": N_("index"), "trigger": N_("trigger"), "view": N_("view")}
Schema = dict[tuple[str, str], tuple[str, str]]  # (type, name) -> (table, normalized SQL)
_REFERENCES: dict[str, Schema] = {}
_STAT_TABLES = ("sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4")  # ANALYZE's numbers: no code


def _normalized_sql(sql: str | None) -> str:
    if sql is None:
        return ""
    text = re.sub(r"\s+", " ", sql).strip()
    text = re.sub(r"\s*([(),;=])\s*", r"\1", text)
    return re.sub(r'"(\w+)"', r"\1", text)


def _schema_of(conn: sqlite3.Connection) -> Schema:
    """Everything in ``conn``'s sqlite_master but SQLite's own automatic
    indexes (no SQL) and ANALYZE's statistics tables."""
    out: Schema = {}
    for type_, name, table, sql in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"):
        if type_ == "index" and sql is None and str(name).startswith("sqlite_autoindex_"):
            continue
        if type_ == "table" and name in _STAT_TABLES:
            continue
        out[(str(type_), str(name))] = (str(table), _normalized_sql(sql))
    return out


def schema_differences(found: Schema, expected: Schema) -> list[str]:
    """What a file's schema has that the program's does not, lacks, or has
    otherwise, as sentences naming each (empty: the same)."""

    def kind(key: tuple[str, str]) -> str:
        return _(SCHEMA_KINDS[key[0]]) if key[0] in SCHEMA_KINDS else key[0]

    out = [_("the file has an extra {kind} '{name}' the program does not make").format(kind=kind(k), name=k[1])
           for k in sorted(found.keys() - expected.keys())]
    out += [_("the file lacks the {kind} '{name}' the program makes").format(kind=kind(k), name=k[1])
            for k in sorted(expected.keys() - found.keys())]
    out += [_("the file's {kind} '{name}' is not the program's own").format(kind=kind(k), name=k[1])
            for k in sorted(found.keys() & expected.keys()) if found[k] != expected[k]]
    return out


def _migrations_digest() -> str:
    """What the reference depends on: the migrations' text and SQLite's version."""
    digest = hashlib.sha256(sqlite3.sqlite_version.encode())
    folder = resources.files("frontdesk.db") / "migrations" / "versions"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".py"):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:20]


def _cache_folder() -> Path | None:
    """A folder of our own for the references (0700, ours): another local
    user must not be able to plant a schema there.  None: no disk cache."""
    if os.name != "posix":
        return None
    folder = Path(tempfile.gettempdir()) / f"frontdesk-schemas-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        st = folder.lstat()
    except OSError:
        return None
    if not folder.is_dir() or folder.is_symlink() or st.st_uid != os.getuid() or st.st_mode & 0o077:
        return None
    return folder


def reference_schema(revision: str) -> Schema:
    """The schema this program's migrations make at ``revision`` (kept for
    the process, and on disk in a private temporary folder)."""
    key = f"{_migrations_digest()}-{revision}"
    if key in _REFERENCES:
        return _REFERENCES[key]
    folder = _cache_folder()
    cached = folder / f"{key}.json" if folder is not None else None
    schema: Schema | None = None
    if cached is not None and cached.is_file():
        try:
            schema = {(t, n): (tbl, sql) for t, n, tbl, sql in json.loads(cached.read_text(encoding="utf-8"))}
        except (OSError, ValueError, TypeError):
            schema = None
    if schema is None:
        schema = _build_reference(revision)
        if cached is not None:
            tmp = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
            try:
                tmp.write_text(json.dumps([[t, n, tbl, sql] for (t, n), (tbl, sql) in sorted(schema.items())]),
                               encoding="utf-8")
                os.replace(tmp, cached)
            except OSError:
                tmp.unlink(missing_ok=True)
    _REFERENCES[key] = schema
    return schema


def _build_reference(revision: str) -> Schema:
    from frontdesk.db.migrate import upgrade  # Alembic: only when a reference is built

    with tempfile.TemporaryDirectory(prefix="frontdesk-reference-") as folder:
        path = Path(folder) / "reference.sqlite"
        db = Database(str(path))
        try:
            upgrade(db, revision)
        finally:
            db.dispose()
        conn = sqlite3.connect(str(path))
        try:
            return _schema_of(conn)
        finally:
            conn.close()


def _stamp(now: datetime | None) -> str:
    return (now or clock.now()).strftime(STAMP)


def _unique(folder: Path, name: str) -> Path:
    """``name`` in ``folder``, with -2, -3... when a copy of that second exists."""
    target = folder / f"{name}.sqlite"
    n = 2
    while target.exists():
        target = folder / f"{name}-{n}.sqlite"
        n += 1
    return target


def automatic_backup(db_or_url: Database | str, kind: str, *, revision: str = "", folder: Path | None = None,
                     now: datetime | None = None) -> Path:
    """An automatic copy (``kind``: auto, before-upgrade, before-restore) in
    the backups folder, then the folder's rotation."""
    source = database_file(db_or_url, "backup")
    folder = folder or backup_folder(source)
    middle = f"{kind}-{revision}" if revision else kind
    path = backup(db_or_url, _unique(folder, f"{source.stem}-{middle}-{_stamp(now)}"))
    prune(folder, source.stem)
    return path


def _existing_file(db: Database) -> Path | None:
    """The SQLite file behind ``db`` if there is one (automatic copies skip the rest)."""
    try:
        source = database_file(db)
    except BackupRefused:
        return None
    return source if source.is_file() else None


def backup_before_upgrade(db: Database, revision: str, folder: Path | None = None) -> Path | None:
    """A copy of an existing SQLite database at ``revision`` before it is
    upgraded (None for PostgreSQL or when there is no file yet)."""
    if _existing_file(db) is None:
        return None
    return automatic_backup(db, BEFORE_UPGRADE, revision=revision, folder=folder)


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str
    at: datetime


def list_backups(folder: Path, stem: str) -> list[BackupFile]:
    """The automatic copies of database ``stem`` in ``folder``, newest first."""
    found: list[BackupFile] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        m = _NAME.match(path.name)
        if not m or m["stem"] != stem:
            continue
        try:
            at = datetime.strptime(m["stamp"], STAMP)
        except ValueError:
            continue
        found.append(BackupFile(path, m["kind"], at))
    found.sort(key=lambda f: (f.at, f.path.name), reverse=True)
    return found


def keep_by_rotation(stamps: Iterable[datetime], daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY) -> set[datetime]:
    """Which of the backups taken at ``stamps`` to keep: the newest of each of
    the ``daily`` most recent days that have one, and the newest of each of
    the ``weekly`` most recent ISO weeks that have one."""
    newest_first = sorted(set(stamps), reverse=True)
    keep: set[datetime] = set()
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    for at in newest_first:
        day = at.date()
        iso = day.isocalendar()
        week = (iso.year, iso.week)
        if day not in days and len(days) < daily:
            keep.add(at)
        days.add(day)
        if week not in weeks and len(weeks) < weekly:
            keep.add(at)
        weeks.add(week)
    return keep


def prune(folder: Path, stem: str) -> list[Path]:
    """Delete the automatic copies of ``stem`` that rotation no longer keeps;
    return what was deleted."""
    files = list_backups(folder, stem)
    doomed: list[Path] = []
    daily = [f for f in files if f.kind == AUTO]
    kept = keep_by_rotation(f.at for f in daily)
    seen: set[datetime] = set()
    for f in daily:  # newest first: of two copies in one second, the second one goes
        if f.at not in kept or f.at in seen:
            doomed.append(f.path)
        seen.add(f.at)
    # Copies made before a restore are never rotated away: they are the
    # evidence of what a restore replaced.
    doomed.extend(f.path for f in [f for f in files if f.kind == BEFORE_UPGRADE][KEEP_EACH_EVENT:])
    for path in doomed:
        path.unlink(missing_ok=True)  # another counter may have pruned it already
        log.info("rotated out %s", path)
    return doomed


def daily_backup_if_due(db: Database, now: datetime | None = None, folder: Path | None = None) -> Path | None:
    """Today's automatic copy of an SQLite database, when there is none yet.

    For the program's start: PostgreSQL, an in-memory database or a file
    without a schema yet is skipped (None).  A failure is logged, not raised:
    a full disk must not stop the shop from opening."""
    source = _existing_file(db)
    if source is None:
        return None
    now = now or clock.now()
    folder = folder or backup_folder(source)
    if any(f.kind == AUTO and f.at.date() == now.date() for f in list_backups(folder, source.stem)):
        return None
    try:
        conn = _connect(source)
        try:
            has_schema = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").fetchone()
        finally:
            conn.close()
        if not has_schema:
            return None
        return automatic_backup(db, AUTO, folder=folder, now=now)
    except (BackupRefused, OSError, sqlite3.Error) as exc:
        log.warning("the daily backup of %s failed: %s", source, exc)
        return None


# -- restore --------------------------------------------------------------------------------------

RESTORE_ATTEMPTS = 3  # the replaced database changed while the restore was prepared: read it again


@dataclass(frozen=True)
class _Live:
    """What the replaced (live) database holds that a restore must keep."""

    audit_columns: tuple[str, ...]
    audit_rows: dict[int, tuple[Any, ...]]  # id -> all columns, from the backup's last record on
    last_audit_id: int
    sequences: dict[tuple[str, int], int]
    receipts: tuple[tuple[Any, ...], ...]  # number, year, seq, issued_at, counter, ticket number, amount
    withdrawn_columns: tuple[str, ...]
    withdrawn: tuple[tuple[Any, ...], ...]  # its own withdrawn_numbers rows (earlier restores)
    last_receipt: str

    @property
    def fingerprint(self) -> tuple[Any, ...]:
        return (self.last_audit_id, sorted(self.sequences.items()), len(self.receipts), self.last_receipt,
                len(self.withdrawn))


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    return tuple(str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")'))


def _quoted(columns: Iterable[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _read_live(target: Path, from_id: int) -> _Live:
    """The live database's audit records from ``from_id`` on, its numbering
    and its receipt numbers, in one read transaction (a consistent view)."""
    try:
        return _read_live_file(target, from_id)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # SQLite's words on damage may quote raw bytes
        raise BackupRefused(_("The database to be replaced cannot be read ({error}), so its audit records and "
                              "numbering cannot be kept. Move its file aside (keep it for the record), then restore "
                              "again: the backup becomes a new database.").format(
            error=exc if isinstance(exc, sqlite3.DatabaseError) else _("it is damaged"))) from exc


def _read_live_file(target: Path, from_id: int) -> _Live:
    conn = _connect(target)
    conn.isolation_level = None
    try:
        conn.execute("BEGIN")
        try:
            tables = _tables(conn)
            columns = _columns(conn, "audit_log")
            rows = {int(r[0]): tuple(r) for r in conn.execute(
                f"SELECT {_quoted(columns)} FROM audit_log WHERE id >= ? ORDER BY id", (from_id,))}
            assert columns[0] == "id"
            last_id = int(conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0])
            sequences = {(str(n), int(y)): int(v) for n, y, v in
                         conn.execute("SELECT name, year, last FROM number_sequences")}
            receipts: tuple[tuple[Any, ...], ...] = ()
            if "receipts" in tables:
                receipts = tuple(tuple(r) for r in conn.execute(
                    "SELECT r.number, r.year, r.seq, r.issued_at, r.counter, coalesce(t.number, ''), r.amount "
                    "FROM receipts r LEFT JOIN tickets t ON t.id = r.ticket_id ORDER BY r.year, r.seq"))
            w_columns: tuple[str, ...] = ()
            withdrawn: tuple[tuple[Any, ...], ...] = ()
            if "withdrawn_numbers" in tables:
                w_columns = tuple(c for c in _columns(conn, "withdrawn_numbers") if c != "id")
                withdrawn = tuple(tuple(r) for r in conn.execute(
                    f"SELECT {_quoted(w_columns)} FROM withdrawn_numbers ORDER BY year, seq"))
        finally:
            conn.execute("ROLLBACK")
    finally:
        conn.close()
    return _Live(columns, rows, last_id, sequences, receipts, w_columns, withdrawn,
                 str(receipts[-1][0]) if receipts else "")


def _last_record(work: Path) -> dict[str, Any] | None:
    """The backup's last audit record, every column."""
    conn = sqlite3.connect(str(work))
    try:
        columns = _columns(conn, "audit_log")
        row = conn.execute(f"SELECT {_quoted(columns)} FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    return dict(zip(columns, row, strict=True)) if row is not None else None


def _continues(last: dict[str, Any] | None, live: _Live) -> bool:
    """Whether the backup's audit trail is a beginning of the live one: its
    last record is, column for column, the live record of the same id."""
    if last is None:
        return True  # a backup of a database that had recorded nothing yet
    same = live.audit_rows.get(int(last["id"]))
    if same is None:
        return False
    theirs = dict(zip(live.audit_columns, same, strict=True))
    return all(theirs[c] == v for c, v in last.items() if c in theirs)


def _sql_time(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")  # as SQLAlchemy stores a DateTime in SQLite


def _keep_evidence(work: Path, live: _Live | None, approver: Actor | None, source: Path, previous: Path | None,
                   now: datetime) -> tuple[int, tuple[str, ...]]:
    """In one transaction on the (upgraded) working copy of the backup:
    carry the live database's audit records the backup lacks, raise the
    numbering to the live one's, record the receipt numbers the restore
    takes back, and record the restore itself.  Returns (records carried,
    numbers withdrawn)."""
    # Here, not at the top: the audit trail loads the billing models, which the program's start does not need.
    from frontdesk import audit

    # A plain engine (no foreign-key pragma): a carried record may name a
    # user the older backup does not have yet; it is kept as it was.
    engine = create_engine(f"sqlite:///{work}")
    try:
        with Session(engine) as s, s.begin():
            conn = s.connection()
            carried, withdrawn = 0, tuple[str, ...]()
            last_receipt, last_audit = "", 0
            if live is not None:
                have = {str(r[1]) for r in conn.exec_driver_sql("PRAGMA table_info(audit_log)")}
                unknown = [c for c in live.audit_columns if c not in have]
                if unknown:
                    raise BackupRefused(_("The restored database cannot take the audit records of the one it "
                                          "replaces (columns {columns} missing). Nothing was changed.").format(
                        columns=", ".join(unknown)))
                start = int(conn.execute(text("SELECT coalesce(max(id), 0) FROM audit_log")).scalar_one())
                rows = [row for rid, row in sorted(live.audit_rows.items()) if rid > start]
                if rows:
                    conn.exec_driver_sql(
                        f"INSERT INTO audit_log ({_quoted(live.audit_columns)}) "
                        f"VALUES ({', '.join('?' for _c in live.audit_columns)})", rows)
                carried = len(rows)
                if rows and "hash" in live.audit_columns:  # the chain's head moves past the carried records
                    last = rows[-1]
                    audit.move_head(conn, int(last[0]), str(last[live.audit_columns.index("hash")]))
                for (name, year), value in sorted(live.sequences.items()):
                    conn.exec_driver_sql(
                        "INSERT INTO number_sequences (name, year, last) VALUES (?, ?, ?) "
                        "ON CONFLICT (name, year) DO UPDATE SET last = max(last, excluded.last)",
                        (name, year, value))
                present = set(conn.exec_driver_sql("SELECT number FROM receipts").scalars())
                already = set(conn.exec_driver_sql("SELECT number FROM withdrawn_numbers").scalars())
                if live.withdrawn_columns:  # numbers earlier restores took back stay taken back
                    number_at = live.withdrawn_columns.index("number")
                    earlier = [r for r in live.withdrawn if r[number_at] not in present | already]
                    if earlier:
                        conn.exec_driver_sql(
                            f"INSERT INTO withdrawn_numbers ({_quoted(live.withdrawn_columns)}) "
                            f"VALUES ({', '.join('?' for _c in live.withdrawn_columns)})", earlier)
                        already |= {r[number_at] for r in earlier}
                taken = [r for r in live.receipts if r[0] not in present and r[0] not in already]
                if taken:
                    conn.exec_driver_sql(
                        "INSERT INTO withdrawn_numbers (number, year, seq, issued_at, counter, ticket_number, "
                        "amount, withdrawn_at, restored_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [(*r, _sql_time(now), str(source)) for r in taken])
                withdrawn = tuple(str(r[0]) for r in taken)
                last_receipt, last_audit = live.last_receipt, live.last_audit_id
            who = None
            if approver is not None:
                known = conn.execute(text("SELECT name FROM users WHERE id = :id"), {"id": approver.id}).scalar()
                who = approver.id if known == approver.name else None  # the same person in the restored database
            audit.record(s, who, "database.restore", "database", "", {
                "file": str(source), "approved_by": approver.name if approver else "",
                "replaced_last_receipt": last_receipt, "replaced_last_audit_id": last_audit,
                "carried_records": carried, "withdrawn_numbers": len(withdrawn),
                "withdrawn_first": withdrawn[0] if withdrawn else "",
                "withdrawn_last": withdrawn[-1] if withdrawn else "",
                "replaced_copy": str(previous) if previous else "",
            }, approver_id=who, at=now)
    finally:
        engine.dispose()
    return carried, withdrawn


def _prepare(pristine: Path, work: Path) -> None:
    """A fresh working copy of the checked backup, upgraded to this
    program's schema (the backup file itself is never written)."""
    from frontdesk.db.migrate import upgrade  # Alembic: only when a restore runs (the program starts without it)

    shutil.copyfile(pristine, work)
    os.chmod(work, 0o600)
    db = Database(str(work))
    try:
        upgrade(db)
    finally:
        db.dispose()


def restore(path: Path | str, url: Database | str, *, approver: Actor | None = None, folder: Path | None = None,
            now: datetime | None = None) -> RestoreResult:
    """Replace the database at ``url`` by the backup ``path``, keeping the evidence.

    The file is checked as hostile (:func:`check_backup`), copied to a
    private working copy (checked again: that copy is what goes in) and
    upgraded.  When a database is replaced, its audit trail must continue
    the backup's (else: another shop's file, or an altered one, refused);
    then, in one transaction on the working copy, its audit records the
    backup lacks are carried over verbatim, the numbering is raised to its
    own, the receipt numbers it issued that the backup lacks are recorded as
    withdrawn, and the restore is recorded ("database.restore": who
    approved, the file, the replaced database's last receipt and audit
    record).  The replaced database is copied to the backups folder (never
    rotated away); then the working copy is copied in, in one transaction
    (other connections wait, then see the restored data with its evidence:
    no counter ever sees it without).  A failure before that last step
    leaves the database as it was."""
    target = database_file(url, "restore")
    info = check_backup(path)
    if info.path.resolve() == target:
        raise BackupRefused(_("That file is the database itself: choose a backup file."))
    replacing = target.is_file() and target.stat().st_size > 0
    if not target.parent.is_dir():
        raise BackupRefused(_("The folder for the database does not exist: {folder}").format(folder=target.parent))
    now = now or clock.now()
    source = info.path.resolve()
    previous: Path | None = None
    workdir = Path(tempfile.mkdtemp(prefix=".frontdesk-restore-", dir=target.parent))
    try:
        pristine, work = workdir / "backup.sqlite", workdir / "restored.sqlite"
        src = _connect(info.path, readonly=True)
        try:
            _copy_to_new_file(src, pristine)
        finally:
            src.close()
        check_backup(pristine)  # what goes in is this copy: the file may have changed since it was checked
        last = _last_record(pristine)
        for _attempt in range(RESTORE_ATTEMPTS):
            live = _read_live(target, int(last["id"]) if last else 0) if replacing else None
            if live is not None and not _continues(last, live):
                raise BackupRefused(_(
                    "{path} does not continue this database's audit trail (its last record, number {id}, is not "
                    "the one this database holds): it is another shop's file or it was altered. Nothing was "
                    "changed. To put it in place of a database it does not belong to (a new installation), move "
                    "that database's file aside, keep it, and restore again.").format(
                    path=info.path, id=last["id"] if last else 0))
            if replacing and previous is None:
                previous = automatic_backup(url, BEFORE_RESTORE, folder=folder, now=now)
            _prepare(pristine, work)
            carried, withdrawn = _keep_evidence(work, live, approver, source, previous, now)
            if live is not None and _read_live(target, live.last_audit_id + 1).fingerprint != live.fingerprint:
                continue  # a counter wrote meanwhile: read it again, so that nothing of it is lost
            restored = sqlite3.connect(str(work))
            try:
                restored.execute("PRAGMA journal_mode=DELETE")
                if replacing:
                    dst = _connect(target)
                    try:
                        restored.backup(dst)
                    finally:
                        dst.close()
                else:
                    _copy_to_new_file(restored, target)
            finally:
                restored.close()
            break
        else:
            raise BackupRefused(_("The database kept changing while the restore was prepared: close FrontDesk at "
                                  "the other counters and restore again. Nothing was changed."))
    except (sqlite3.Error, SQLAlchemyError) as exc:
        raise BackupRefused(_("The restore failed, the database was not changed: {error}").format(error=exc)) from exc
    except OSError as exc:
        raise BackupRefused(_("The restore failed: {error}").format(error=exc.strerror or exc)) from exc
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    log.info("restored %s from %s (the replaced database was copied to %s; %d audit records carried, %d receipt "
             "numbers withdrawn)", target, info.path, previous, carried, len(withdrawn))
    return RestoreResult(restored=info, database=target, previous=previous, carried=carried, withdrawn=withdrawn)


def approved_backup(db: Database, approver: Actor, path: Path | str) -> Path:
    """A backup a manager approved (the command line's ``backup``): the copy
    holds every customer's phone and address and the PIN hashes.  Recorded
    in the audit trail ("database.backup", the file, who approved); if the
    record cannot be written, the copy is deleted."""
    # Here, not at the top: the audit trail loads the billing models, which the program's start does not need.
    from frontdesk import audit

    target = backup(db, path)
    try:
        with db.write() as s:
            audit.record(s, approver.id, "database.backup", "database", "", {"file": str(target.resolve())},
                         approver_id=approver.id, at=clock.now())
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target
