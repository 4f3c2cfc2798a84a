"""the life of a repair: the repair record and its parts, the fault
category, ready for pick-up and picked up; "at the workshop" is no longer
a state (the pull-back says where the product is)

A ticket that was "at the workshop" becomes what it was doing there: still
diagnosing when it was pulled back for inspection, else in repair.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild: on SQLite a rebuild would drop a
    # table that every other table refers to).
    op.add_column("tickets", sa.Column("fault_category", sa.String(60), nullable=False, server_default=""))
    op.add_column("tickets", sa.Column("prior_repair_ids", sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
    op.add_column("tickets", sa.Column("ready_at", sa.DateTime(), nullable=True))
    op.add_column("tickets", sa.Column("picked_up_at", sa.DateTime(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":  # SQLite adds a column's reference only inline
        op.execute('ALTER TABLE tickets ADD COLUMN picked_up_by_id INTEGER '
                   'CONSTRAINT fk_tickets_picked_up_by_id_users REFERENCES users (id)')
    else:
        op.add_column("tickets", sa.Column("picked_up_by_id", sa.Integer(), nullable=True))
        op.create_foreign_key("fk_tickets_picked_up_by_id_users", "tickets", "users", ["picked_up_by_id"], ["id"])
    op.create_index("ix_tickets_state_ready", "tickets", ["state", "ready_at"])
    op.create_table(
        "repair_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("fault_category", sa.String(60), nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("technician_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name="fk_repair_records_ticket_id_tickets"),
        sa.ForeignKeyConstraint(["technician_id"], ["technicians.id"],
                                name="fk_repair_records_technician_id_technicians"),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["users.id"], name="fk_repair_records_recorded_by_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_repair_records"),
        sa.UniqueConstraint("ticket_id", name="uq_repair_records_ticket_id"),
    )
    op.create_table(
        "repair_parts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("part_no", sa.String(60), nullable=False),
        sa.Column("description", sa.String(200), nullable=False),
        sa.Column("new_serial", sa.String(120), nullable=False),
        sa.Column("old_serial", sa.String(120), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["repair_records.id"], name="fk_repair_parts_record_id_repair_records"),
        sa.PrimaryKeyConstraint("id", name="pk_repair_parts"),
    )
    op.create_index("ix_repair_parts_record_id", "repair_parts", ["record_id"])
    # "At the workshop" was a state; it is now where the pull-back says the
    # product is.  Pulled back from diagnosing: still diagnosing; else in repair.
    op.execute("""
        UPDATE tickets SET state = CASE WHEN (
            SELECT e.from_state FROM ticket_events e
            WHERE e.ticket_id = tickets.id AND e.to_state = 'at_workshop'
            ORDER BY e.id DESC LIMIT 1) IN ('diagnosing', 'received', 'scheduled')
          THEN 'diagnosing' ELSE 'in_repair' END
        WHERE state = 'at_workshop'
    """)


def downgrade() -> None:
    op.drop_index("ix_repair_parts_record_id", table_name="repair_parts")
    op.drop_table("repair_parts")
    op.drop_table("repair_records")
    op.drop_index("ix_tickets_state_ready", table_name="tickets")
    op.execute("UPDATE tickets SET state = 'repaired' WHERE state = 'ready'")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_tickets_picked_up_by_id_users", "tickets", type_="foreignkey")
    for column in ("picked_up_by_id", "picked_up_at", "ready_at", "prior_repair_ids", "fault_category"):
        op.drop_column("tickets", column)
