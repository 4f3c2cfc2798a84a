"""Backups of the embedded SQLite database with SQLite's online backup API
(safe while other connections read and write)."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from frontdesk.db.engine import Database, data_dir

log = logging.getLogger(__name__)


def sqlite_path(db: Database) -> Path | None:
    url = make_url(db.url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def backup_sqlite(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(str(source))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def backup_before_upgrade(db: Database, revision: str, folder: Path | None = None) -> Path | None:
    path = sqlite_path(db)
    if path is None or not path.exists():
        return None
    folder = folder or (data_dir() / "backups")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return backup_sqlite(path, folder / f"{path.stem}-before-upgrade-{revision}-{stamp}.sqlite")
