"""the audit chain's head taken in one round trip on PostgreSQL

Every save that appends to the audit trail first takes the locks that order
it against a day close (receipts and waivers, ROW EXCLUSIVE) and then the
chain's head row (FOR UPDATE), with the last record id.  Two statements, two
round trips to the server.  ``frontdesk_chain_head()`` does both in one, in
the same order.  SQLite's writer already holds the whole database: nothing
to do there.  (docs/architecture.md, "The audit chain".)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 08:00:00
"""

from __future__ import annotations

from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

# What audit._locked_head sent as two statements before; NULLs when the
# chain's row is missing (a database made without migration 0013's row).
CHAIN_HEAD = """
CREATE FUNCTION frontdesk_chain_head(OUT head_id integer, OUT head_hash varchar, OUT last_id integer)
LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE receipts, waivers IN ROW EXCLUSIVE MODE;
    SELECT c.head_id, c.head_hash, (SELECT coalesce(max(a.id), 0) FROM audit_log a)
      INTO head_id, head_hash, last_id
      FROM audit_chain c WHERE c.id = 1 FOR UPDATE OF c;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(CHAIN_HEAD)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION frontdesk_chain_head()")
