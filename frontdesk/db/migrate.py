"""Schema versions: upgrade on open (after a backup), report the current one."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError

from frontdesk.db.engine import Database
from frontdesk.errors import DatabaseUnavailable
from frontdesk.i18n import _

log = logging.getLogger(__name__)


def alembic_config(db: Database | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("frontdesk.db") / "migrations"))
    if db is not None:
        cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str) -> bool:
    """Whether this program's migrations know ``revision`` (an unknown one
    comes from a newer FrontDesk)."""
    try:
        return script_directory().get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, revision: str = "head") -> None:
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def needs_upgrade(db: Database) -> bool:
    return current_revision(db) != head_revision()


def open_database(url: str, *, upgrade_schema: bool = True, backup_dir: Path | None = None,
                  daily_backup: bool = True) -> Database:
    """Open ``url``; an older schema is backed up, then upgraded to the newest.

    An SQLite database also gets its daily automatic backup (the first open
    of the day), kept by rotation in the backups folder beside it."""
    from frontdesk import backup  # imports this module: not at the top

    db = Database(url)
    if upgrade_schema:
        current = current_revision(db)
        if current != head_revision():
            if current is not None and not is_known_revision(current):
                raise DatabaseUnavailable(_("This database has schema version {rev}, which this program does not "
                                            "know: it was made by a newer FrontDesk. Use that version or newer.")
                                          .format(rev=current))
            if current is not None:
                # Refuses (with the reason) rather than upgrade without a copy to go back to.
                path = backup.backup_before_upgrade(db, current, backup_dir)
                if path is not None:
                    log.info("backed up %s before upgrading from %s", path, current)
            upgrade(db)
    if daily_backup:
        backup.daily_backup_if_due(db, folder=backup_dir)
    return db
