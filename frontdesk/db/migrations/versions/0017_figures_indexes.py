"""figures indexes: the service figures read one month out of years

The figures (docs/rules.md#service-figures) count a month's repair records,
pick-ups, answers to phone requests, answered quotes, claims answered by
the makers and loaners out at the month's end.  Without these indexes each would read every row of its table:
a month on a million tickets took seconds instead of a fraction of one.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 13:30:00
"""

from __future__ import annotations

from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_repair_records_recorded_at", "repair_records", ["recorded_at"]),  # repaired in the month
    ("ix_tickets_picked_up_at", "tickets", ["picked_up_at"]),  # picked up in the month, or after its end
    ("ix_tickets_channel_kind_respond_by", "tickets", ["channel", "kind", "respond_by"]),  # answers due in the month
    ("ix_quotes_approved_at", "quotes", ["approved_at"]),  # quotes accepted in the month
    ("ix_claims_settled_repaired", "claims", ["settled_on", "repaired_on"]),  # answered, or not yet answered
    ("ix_loans_returned_lent", "loans", ["returned_at", "lent_at"]),  # out at the month's end
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
