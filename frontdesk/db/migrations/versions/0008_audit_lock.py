"""audit lock: the audit trail's guards carry a marker the program turns into
a clear message, and PostgreSQL refuses TRUNCATE on it too

The first schema already refused UPDATE and DELETE on ``audit_log``, with a
plain message that reached the desk as a database error.  These triggers
refuse the same (and, on PostgreSQL, TRUNCATE) with :data:`MARKER`, which
:mod:`frontdesk.audit` turns into :class:`frontdesk.errors.AuditLocked`.
A restore is unaffected: it copies database pages (SQLite backup API), and
no row is updated or deleted.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 08:20:00
"""

from __future__ import annotations

from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

MARKER = "FRONTDESK_AUDIT_LOCKED"
OLD_MESSAGE = "audit records cannot be changed or deleted"  # 0001's guards, restored by downgrade
SQLITE_TRIGGERS = ("audit_log_no_update", "audit_log_no_delete")


def _sqlite(message: str) -> list[str]:
    return [f"CREATE TRIGGER audit_log_no_{what.lower()} BEFORE {what} ON audit_log "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END" for what in ("UPDATE", "DELETE")]


def _pg_function(message: str) -> str:
    return ("CREATE OR REPLACE FUNCTION frontdesk_audit_readonly() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{message}' USING ERRCODE = 'insufficient_privilege'; END $$ LANGUAGE plpgsql")


def upgrade() -> None:
    message = f"{MARKER}: audit records cannot be changed or deleted"
    if op.get_bind().dialect.name == "postgresql":
        # The row trigger of 0001 stays; its function now carries the marker.
        op.execute(_pg_function(message))
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
                   "FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_audit_readonly()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in _sqlite(message):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("CREATE OR REPLACE FUNCTION frontdesk_audit_readonly() RETURNS trigger AS $$ "
                   f"BEGIN RAISE EXCEPTION '{OLD_MESSAGE}'; END $$ LANGUAGE plpgsql")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in _sqlite(OLD_MESSAGE):
            op.execute(statement)
