"""pin lockout: wrong PINs in a row are counted, and guessing waits, then stops

- users: ``failed_pins`` (wrong PINs in a row, 0 after a right one),
  ``pin_wait_until`` (no PIN is checked for the user before this moment),
  ``locked_at`` (locked after too many: only a manager unlocks);
- pin_guesses: the same three for a name that is no user's, so that a
  name typed at the login or the command line is held back the same way
  whether or not it is a user's (see docs/rules.md#pins-and-guessing).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 10:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("failed_pins", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("users", sa.Column("pin_wait_until", sa.DateTime(), nullable=True))
    op.add_column("users", sa.Column("locked_at", sa.DateTime(), nullable=True))
    op.create_table(
        "pin_guesses",
        sa.Column("name", sa.String(80), primary_key=True),
        sa.Column("failed_pins", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("pin_wait_until", sa.DateTime(), nullable=True),
        sa.Column("locked_at", sa.DateTime(), nullable=True),
        sa.Column("last_at", sa.DateTime(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("pin_guesses")
    op.drop_column("users", "locked_at")
    op.drop_column("users", "pin_wait_until")
    op.drop_column("users", "failed_pins")
