"""audit chain: every audit record carries the hash of the one before

- audit_log: ``prev_hash`` and ``hash`` (hex SHA-256); the records already
  there are chained in id order, the first after 64 zeros;
- audit_chain: one row (id 1), the chain's head (last record, its hash),
  locked by every append (see :mod:`frontdesk.audit`);
- day_closes: ``chain_head_id``, ``chain_head_hash``, the head when the day
  was closed (a checkpoint printed and sent to head office).

Chaining the records already there updates them: the audit lock's UPDATE
trigger is dropped for that and created again, as migrations 0001 and 0008
left it, on both engines.  The hash is this module's frozen copy of
:func:`frontdesk.audit.record_hash` (a migration must not import code that
changes later).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 10:40:00
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

GENESIS = "0" * 64
MESSAGE = "FRONTDESK_AUDIT_LOCKED: audit records cannot be changed or deleted"
BATCH = 5000


def _record_hash(prev_hash: str, rec_id: int, at: datetime, user_id: int | None, approver_id: int | None,
                 action: str, entity: str, entity_id: str, detail: Any) -> str:
    """Frozen copy of frontdesk.audit.record_hash (revision 0013)."""
    body = json.dumps([rec_id, at.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds"), user_id,
                       approver_id, action, entity, entity_id, detail],
                      sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def _drop_update_guard(pg: bool) -> None:
    if pg:
        op.execute("DROP TRIGGER IF EXISTS audit_log_readonly ON audit_log")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")


def _create_update_guard(pg: bool) -> None:
    if pg:  # the function (0008's, with the marker) stays; only the row trigger went
        op.execute("CREATE TRIGGER audit_log_readonly BEFORE UPDATE OR DELETE ON audit_log "
                   "FOR EACH ROW EXECUTE FUNCTION frontdesk_audit_readonly()")
    else:
        op.execute(f"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                   f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")


def upgrade() -> None:
    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    op.add_column("audit_log", sa.Column("prev_hash", sa.String(length=64), nullable=True))
    op.add_column("audit_log", sa.Column("hash", sa.String(length=64), nullable=True))
    op.add_column("day_closes", sa.Column("chain_head_id", sa.Integer(), nullable=True))
    op.add_column("day_closes", sa.Column("chain_head_hash", sa.String(length=64), nullable=True))
    chain = op.create_table(
        "audit_chain",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("head_id", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain")),
    )
    log = sa.table("audit_log", sa.column("id", sa.Integer()), sa.column("at", sa.DateTime()),
                   sa.column("user_id", sa.Integer()), sa.column("approver_id", sa.Integer()),
                   sa.column("action", sa.String()), sa.column("entity", sa.String()),
                   sa.column("entity_id", sa.String()), sa.column("detail", sa.JSON()),
                   sa.column("prev_hash", sa.String()), sa.column("hash", sa.String()))
    _drop_update_guard(pg)
    head_id, head_hash, last = 0, GENESIS, 0
    while True:
        rows = bind.execute(sa.select(log.c.id, log.c.at, log.c.user_id, log.c.approver_id, log.c.action,
                                      log.c.entity, log.c.entity_id, log.c.detail)
                            .where(log.c.id > last).order_by(log.c.id).limit(BATCH)).all()
        if not rows:
            break
        updates = []
        for row in rows:
            digest = _record_hash(head_hash, row.id, row.at, row.user_id, row.approver_id, row.action, row.entity,
                                  row.entity_id, row.detail)
            updates.append({"b_id": row.id, "b_prev": head_hash, "b_hash": digest})
            head_id, head_hash = row.id, digest
        bind.execute(log.update().where(log.c.id == sa.bindparam("b_id"))
                     .values(prev_hash=sa.bindparam("b_prev"), hash=sa.bindparam("b_hash")), updates)
        last = rows[-1].id
    _create_update_guard(pg)
    op.bulk_insert(chain, [{"id": 1, "head_id": head_id, "head_hash": head_hash}])


def downgrade() -> None:
    # A plain DROP COLUMN on both engines (SQLite 3.35+): no table rebuild, so
    # the audit and day locks' triggers stay as they are.
    op.drop_table("audit_chain")
    for table, column in (("day_closes", "chain_head_hash"), ("day_closes", "chain_head_id"),
                          ("audit_log", "hash"), ("audit_log", "prev_hash")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
