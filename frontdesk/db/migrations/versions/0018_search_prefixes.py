"""search prefixes: ticket numbers and serials compared byte by byte on PostgreSQL

The ticket list finds a ticket by its number or its product's serial from
their start, as a range (``>= p AND < p + U+10FFFF``), through the
columns' indexes.  Under a database's locale collation (en_US.UTF-8, an ICU
locale) that range is not "starts with": '-' is all but ignored and lower
and upper case sort together, so PostgreSQL found other tickets than
SQLite.  Both columns now use the byte-wise "C" collation there (as the
customers' search keys do since 0001): the range means what it means on
SQLite, and the indexes (rebuilt by the change) answer it whatever the
database's collation.  SQLite compares bytes already: nothing to do.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 14:00:00
"""

from __future__ import annotations

from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

COLUMNS = (("tickets", "number", 40), ("products", "serial", 120))


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, length in COLUMNS:
        op.execute(f'ALTER TABLE {table} ALTER COLUMN {column} TYPE varchar({length}) COLLATE "C"')


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, length in COLUMNS:
        op.execute(f'ALTER TABLE {table} ALTER COLUMN {column} TYPE varchar({length}) COLLATE "default"')
