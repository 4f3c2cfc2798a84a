"""what is kept for people to read later, kept in no language

- ticket_events: ``message`` (JSON), the event's words as a message id
  and its values, read in the reader's language; ``text`` stays (the
  English words, and the only words of the events written before);
- quote_lines: ``reason_message`` (JSON), the line's note the same way.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("ticket_events", sa.Column("message", sa.JSON(), nullable=True))
    op.add_column("quote_lines", sa.Column("reason_message", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("quote_lines", "reason_message")
    op.drop_column("ticket_events", "message")
