"""Schema versions: upgrade on open (after a backup), report the current one."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from frontdesk.db.engine import Database

log = logging.getLogger(__name__)


def alembic_config(db: Database | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("frontdesk.db") / "migrations"))
    if db is not None:
        cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head


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


def open_database(url: str, *, upgrade_schema: bool = True, backup_dir: Path | None = None) -> Database:
    """Open ``url``; an older schema is backed up, then upgraded to the newest."""
    db = Database(url)
    if upgrade_schema:
        current = current_revision(db)
        if current != head_revision():
            if current is not None:
                from frontdesk.db.backup import backup_before_upgrade

                path = backup_before_upgrade(db, current, backup_dir)
                if path is not None:
                    log.info("backed up %s before upgrading from %s", path, current)
            upgrade(db)
    return db
