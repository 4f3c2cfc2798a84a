"""Schema versions: upgrade on open (after a backup), report the current one."""

from __future__ import annotations

import logging
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import OperationalError, ProgrammingError

from frontdesk.db.engine import Database
from frontdesk.db.roles import act_as_schema_owner, check_can_upgrade
from frontdesk.errors import DatabaseUnavailable
from frontdesk.i18n import _

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

# Alembic takes about a quarter of a second to import: the program start
# (database already at the newest version, the usual case) reads the version
# itself and loads Alembic only when there is something to upgrade.
_REVISION_LINE = re.compile(r"^(down_revision|revision)\b[^=]*=\s*(?:['\"]([^'\"]*)['\"]|None)", re.M)


def alembic_config(db: Database | None = None) -> Config:
    # Here, not at the top: Alembic loads only when a database is created or upgraded, not at every start.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("frontdesk.db") / "migrations"))
    if db is not None:
        cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def script_directory() -> ScriptDirectory:
    # Here, not at the top: Alembic loads only when a database is created or upgraded, not at every start.
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str) -> bool:
    """Whether this program's migrations know ``revision`` (an unknown one
    comes from a newer FrontDesk)."""
    # Here, not at the top: Alembic loads only when a database is created or upgraded, not at every start.
    from alembic.util import CommandError

    try:
        return script_directory().get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(db: Database) -> str | None:
    # Here, not at the top: Alembic loads only when a database is created or upgraded, not at every start.
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@cache
def quick_head() -> str | None:
    """The newest revision, read from the migration files' ``revision`` and
    ``down_revision`` lines without Alembic; None when that is not one clear
    head (then Alembic decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    folder = resources.files("frontdesk.db") / "migrations" / "versions"
    for entry in folder.iterdir():
        if not entry.name.endswith(".py") or entry.name.startswith("__"):
            continue
        for key, value in _REVISION_LINE.findall(entry.read_text(encoding="utf-8")):
            (revisions if key == "revision" else parents).add(value)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def quick_current(db: Database) -> str | None:
    """The database's version from ``alembic_version``, without Alembic
    (None: no such table or not one row)."""
    try:
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except (OperationalError, ProgrammingError):
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def upgrade(db: Database, revision: str = "head") -> None:
    # Here, not at the top: Alembic loads only when a database is created or upgraded, not at every start.
    from alembic import command

    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        act_as_schema_owner(conn)  # PostgreSQL with roles: what the upgrade creates is the owner role's
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def open_database(url: str, *, upgrade_schema: bool = True, backup_dir: Path | None = None,
                  daily_backup: bool = True) -> Database:
    """Open ``url``; an older schema is backed up, then upgraded to the newest.

    An SQLite database also gets its daily automatic backup (the first open
    of the day), kept by rotation in the backups folder beside it."""
    from frontdesk import backup  # imports this module: not at the top

    db = Database(url)
    head = quick_head()
    if upgrade_schema and (head is None or quick_current(db) != head):
        current = current_revision(db)
        if current != head_revision():
            if current is not None and not is_known_revision(current):
                raise DatabaseUnavailable(_("This database has schema version {rev}, which this program does not "
                                            "know: it was made by a newer FrontDesk. Use that version or newer.")
                                          .format(rev=current))
            check_can_upgrade(db, current)  # the counter role may not: it is told whom to ask
            if current is not None:
                # Refuses (with the reason) rather than upgrade without a copy to go back to.
                path = backup.backup_before_upgrade(db, current, backup_dir)
                if path is not None:
                    log.info("backed up %s before upgrading from %s", path, current)
            upgrade(db)
    if daily_backup:
        backup.daily_backup_if_due(db, folder=backup_dir)
    return db
