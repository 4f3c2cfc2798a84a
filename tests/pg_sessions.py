"""PostgreSQL sessions ended from outside, as a server restart or an
administrator ends them: for the tests of a lost connection."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from frontdesk.db.engine import Database


def terminate_others(db: Database) -> int:
    """Ends every other connection to the database; returns how many."""
    admin = create_engine(db.engine.url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            return len(conn.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()")).all())
    finally:
        admin.dispose()
