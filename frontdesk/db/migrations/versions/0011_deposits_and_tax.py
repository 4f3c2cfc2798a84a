"""money that adds up: the loaner deposit apart from the bill, prices with
VAT

- loans: ``kept`` (the part of the deposit kept for damage) and
  ``damage_receipt_id`` (its damage charge);
- fee schedules and warranty-card editions say whether their prices
  include VAT (``includes_tax``); quotes say on which basis they were
  priced (``prices_include_tax``).  Everything entered before this version
  was priced before tax, and a shop that has fee schedules keeps pricing
  before tax (setting ``prices_include_tax`` = false) until it says
  otherwise; a new shop prices with VAT;
- the refund receipts of loaner deposits become ``deposit_refund``
  receipts (kind and ``counts_as``), so they no longer count against the
  repair bill.  The day-lock triggers refuse edits of a closed day's
  receipts, so they are set aside for this one statement.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 08:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

RETYPE = ("UPDATE receipts SET kind = CASE WHEN kind = 'refund' THEN '{new}' ELSE kind END, counts_as = '{new}' "
          "WHERE counts_as = '{old}' AND id IN (SELECT refund_receipt_id FROM loans "
          "WHERE refund_receipt_id IS NOT NULL)")


def _retype_deposit_refunds(old: str, new: str) -> None:
    bind = op.get_bind()
    sql = RETYPE.format(old=old, new=new)
    if bind.dialect.name == "postgresql":
        op.execute("ALTER TABLE receipts DISABLE TRIGGER receipts_day_lock")
        op.execute(sql)
        op.execute("ALTER TABLE receipts ENABLE TRIGGER receipts_day_lock")
        return
    trigger = bind.execute(sa.text("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                   "AND name = 'receipts_day_lock_update'")).scalar()
    if trigger:
        op.execute("DROP TRIGGER receipts_day_lock_update")
    op.execute(sql)
    if trigger:
        op.execute(trigger)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # SQLite adds a column's reference only inline
        op.execute('ALTER TABLE loans ADD COLUMN damage_receipt_id INTEGER '
                   'CONSTRAINT fk_loans_damage_receipt_id_receipts REFERENCES receipts (id)')
    else:
        op.add_column("loans", sa.Column("damage_receipt_id", sa.Integer(), nullable=True))
        op.create_foreign_key("fk_loans_damage_receipt_id_receipts", "loans", "receipts", ["damage_receipt_id"],
                              ["id"])
    op.add_column("loans", sa.Column("kept", sa.Numeric(12, 2), nullable=True))
    op.add_column("fee_schedules", sa.Column("includes_tax", sa.Boolean(), nullable=False,
                                             server_default=sa.false()))
    op.add_column("card_editions", sa.Column("includes_tax", sa.Boolean(), nullable=False,
                                             server_default=sa.false()))
    op.add_column("quotes", sa.Column("prices_include_tax", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.execute("UPDATE loans SET kept = deposit WHERE deposit_outcome = 'kept'")
    false = "CAST('false' AS JSON)" if op.get_bind().dialect.name == "postgresql" else "'false'"
    op.execute(f"INSERT INTO settings (key, value) SELECT 'prices_include_tax', {false} "
               "WHERE EXISTS (SELECT 1 FROM fee_schedules) "
               "AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'prices_include_tax')")
    _retype_deposit_refunds("refund", "deposit_refund")


def downgrade() -> None:
    _retype_deposit_refunds("deposit_refund", "refund")
    op.execute("DELETE FROM settings WHERE key = 'prices_include_tax'")
    op.drop_column("quotes", "prices_include_tax")
    op.drop_column("card_editions", "includes_tax")
    op.drop_column("fee_schedules", "includes_tax")
    op.drop_column("loans", "kept")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_loans_damage_receipt_id_receipts", "loans", type_="foreignkey")
    op.drop_column("loans", "damage_receipt_id")
