"""withdrawn numbers: the receipt numbers a restore took back

A restore puts an older database in place; the receipts issued after that
backup are gone from it, but their numbers were printed and handed to
customers.  The restore records each such number here (with what the
replaced database said about it), so that the day close and the
head-office workbook explain the hole instead of calling it a gap, and the
numbering (raised past them) never issues them again.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "withdrawn_numbers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=True),
        sa.Column("counter", sa.String(40), nullable=False, server_default=""),
        sa.Column("ticket_number", sa.String(40), nullable=False, server_default=""),
        sa.Column("amount", sa.Numeric(12, 2), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=False),
        sa.Column("restored_from", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_withdrawn_numbers_year_seq", "withdrawn_numbers", ["year", "seq"])


def downgrade() -> None:
    op.drop_index("ix_withdrawn_numbers_year_seq", table_name="withdrawn_numbers")
    op.drop_table("withdrawn_numbers")
