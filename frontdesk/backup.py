"""Backups of the embedded SQLite database, their check, restore and rotation.

Copies are made with SQLite's online backup API, so they are consistent even
while other counters read and write, and are written to a temporary file that
is renamed into place only when complete (a crash leaves no half backup under
the real name).  A restore copies the checked file *into* the live database
with the same API: it is one write transaction there, so another connection
sees the old database or the new one, never a mixture.

Automatic copies live in a ``backups`` folder beside the database: one a day
(kept by :func:`keep_by_rotation`: 7 daily, 4 weekly) and one before every
schema upgrade and every restore (the newest few of each kept).  Files in that
folder whose names do not follow our pattern are never touched.

PostgreSQL is backed up with its own tools (pg_dump / pg_restore); the
functions here refuse it with a message saying so.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from frontdesk import clock
from frontdesk.db.engine import Database, normalize_url
from frontdesk.db.migrate import is_known_revision
from frontdesk.errors import FrontDeskError
from frontdesk.i18n import _

log = logging.getLogger(__name__)

FOLDER = "backups"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_EACH_EVENT = 5  # copies made before an upgrade or a restore
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
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        dst = sqlite3.connect(str(tmp))
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
    use; raise :class:`BackupRefused` naming the problem otherwise."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise BackupRefused(_("No such backup file: {path}").format(path=path))
    with open(path, "rb") as fh:
        if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise BackupRefused(_("{path} is not a FrontDesk backup: it is not an SQLite database.").format(path=path))
    try:
        conn = _connect(path, readonly=True)
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
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # a damaged page can hold bytes that are no text
        raise BackupRefused(_("{path} cannot be read as a FrontDesk backup: {error}").format(
            path=path, error=exc)) from exc
    if len(revisions) != 1:
        raise BackupRefused(_("{path} has no schema version: it is not a complete FrontDesk database.").format(
            path=path))
    if not is_known_revision(revisions[0]):
        raise BackupRefused(_("{path} has schema version {rev}, which this program does not know: it was made by "
                              "a newer FrontDesk. Restore it with that version.").format(path=path, rev=revisions[0]))
    return BackupInfo(path=path, revision=revisions[0], tickets=tickets, size=path.stat().st_size)


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
    for kind in (BEFORE_UPGRADE, BEFORE_RESTORE):
        doomed.extend(f.path for f in [f for f in files if f.kind == kind][KEEP_EACH_EVENT:])
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


def restore(path: Path | str, url: Database | str, *, folder: Path | None = None,
            now: datetime | None = None) -> RestoreResult:
    """Replace the database at ``url`` by the backup ``path``.

    The file is checked first; the database it replaces (if any) is copied
    to the backups folder; then the backup is copied into the database in one
    transaction (other connections wait for it, then see the restored data).
    An older schema is upgraded the next time the database is opened."""
    target = database_file(url, "restore")
    info = check_backup(path)
    if info.path.resolve() == target:
        raise BackupRefused(_("That file is the database itself: choose a backup file."))
    previous: Path | None = None
    src = _connect(info.path, readonly=True)
    try:
        if target.is_file() and target.stat().st_size > 0:
            previous = automatic_backup(url, BEFORE_RESTORE, folder=folder, now=now)
            dst = _connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
        else:
            if not target.parent.is_dir():
                raise BackupRefused(_("The folder for the database does not exist: {folder}").format(
                    folder=target.parent))
            _copy_to_new_file(src, target)
    except sqlite3.Error as exc:
        raise BackupRefused(_("The restore failed, the database was not changed: {error}").format(error=exc)) from exc
    except OSError as exc:
        raise BackupRefused(_("The restore failed: {error}").format(error=exc.strerror or exc)) from exc
    finally:
        src.close()
    log.info("restored %s from %s (the replaced database was copied to %s)", target, info.path, previous)
    return RestoreResult(restored=info, database=target, previous=previous)
