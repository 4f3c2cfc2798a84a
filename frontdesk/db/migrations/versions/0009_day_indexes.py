"""day indexes: the day close and the day's lists read one day out of years

With a million tickets the day close took 0.75 s: it counted the day's
closed tickets through the state index (nearly every ticket is closed),
found the day's receipts and voids through the counter index (nearly every
receipt is at the main counter), and scanned every quote for those declined that day
and every call-back due that day.  Each gets an index that starts with the
equality and ends with the day's range.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 08:30:00
"""

from __future__ import annotations

from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_tickets_state_closed", "tickets", ["state", "closed_at"]),
    # Without it, intake's "earlier repairs of this product" (product, state,
    # newest closed first) would take the index above and read every closed
    # ticket: 1.5 s at a million tickets instead of a fraction of a millisecond.
    ("ix_tickets_product_state_closed", "tickets", ["product_id", "state", "closed_at"]),
    ("ix_receipts_counter_issued", "receipts", ["counter", "issued_at"]),
    ("ix_receipts_counter_voided", "receipts", ["counter", "voided_at"]),
    ("ix_quotes_declined_at", "quotes", ["declined_at"]),
    ("ix_callbacks_due_at", "callbacks", ["due_at"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
