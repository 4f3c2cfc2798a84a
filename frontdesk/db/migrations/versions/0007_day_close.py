"""day close: day_closes, the counter (drawer) of every receipt and waiver,
and the day lock (triggers on both engines) that refuses receipts, voids,
receipt edits and waivers dated on a day closed at their counter

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 07:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

MARKER = "FRONTDESK_DAY_CLOSED"
# What a receipt is, as money: changing any of these on a closed day is
# refused.  Reprints (reprints, last_reprint_at) stay allowed.
RECEIPT_MONEY = ("number", "year", "seq", "ticket_id", "quote_id", "issued_at", "issued_by_id", "counter", "kind",
                 "counts_as", "method", "currency", "amount", "net", "tax", "tendered", "change", "voided_at",
                 "void_reason", "void_approver_id", "voided_by_id", "corrects_receipt_id", "correction_reason")
WAIVER_MONEY = ("ticket_id", "quote_id", "amount", "reason", "approver_id", "granted_by_id", "at", "counter")
# A closed day's own row: its count, figures and signatures stay as closed.
CLOSE_FIELDS = ("day", "counter", "opening_float", "counted_cash", "counted_at", "counted_by_id", "expected_cash",
                "over_short", "closed_at", "closed_by_id", "approved_by_id", "note")


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f'NEW."{c}" IS NOT OLD."{c}"' for c in columns)


def _pg_changed(columns: tuple[str, ...]) -> str:
    new = ", ".join(f'NEW."{c}"' for c in columns)
    old = ", ".join(f'OLD."{c}"' for c in columns)
    return f"ROW({new}) IS DISTINCT FROM ROW({old})"


def _sqlite_closed(expr: str) -> str:
    """``expr`` (NEW.x or OLD.x) falls on a day closed at the row's counter."""
    row = expr.split(".")[0]
    return (f"({expr} IS NOT NULL AND EXISTS (SELECT 1 FROM day_closes "
            f"WHERE closed_at IS NOT NULL AND day = date({expr}) AND counter = {row}.counter))")


def _sqlite_guards() -> list[str]:
    raise_ = f"BEGIN SELECT RAISE(ABORT, '{MARKER}: that day is closed'); END"
    c = _sqlite_closed
    return [
        f"CREATE TRIGGER receipts_day_lock_insert BEFORE INSERT ON receipts WHEN {c('NEW.issued_at')} {raise_}",
        f"CREATE TRIGGER receipts_day_lock_update BEFORE UPDATE ON receipts WHEN ({_changed(RECEIPT_MONEY)}) "
        f"AND ({c('OLD.issued_at')} OR {c('NEW.issued_at')} OR (OLD.voided_at IS NULL AND {c('NEW.voided_at')})) "
        f"{raise_}",
        f"CREATE TRIGGER receipts_day_lock_delete BEFORE DELETE ON receipts WHEN {c('OLD.issued_at')} {raise_}",
        f"CREATE TRIGGER waivers_day_lock_insert BEFORE INSERT ON waivers WHEN {c('NEW.at')} {raise_}",
        f"CREATE TRIGGER waivers_day_lock_update BEFORE UPDATE ON waivers WHEN ({_changed(WAIVER_MONEY)}) "
        f"AND ({c('OLD.at')} OR {c('NEW.at')}) {raise_}",
        f"CREATE TRIGGER waivers_day_lock_delete BEFORE DELETE ON waivers WHEN {c('OLD.at')} {raise_}",
        f"CREATE TRIGGER day_closes_lock_update BEFORE UPDATE ON day_closes WHEN OLD.closed_at IS NOT NULL "
        f"AND ({_changed(CLOSE_FIELDS)}) {raise_}",
        f"CREATE TRIGGER day_closes_lock_delete BEFORE DELETE ON day_closes WHEN OLD.closed_at IS NOT NULL "
        f"{raise_}",
    ]


SQLITE_TRIGGERS = ("receipts_day_lock_insert", "receipts_day_lock_update", "receipts_day_lock_delete",
                   "waivers_day_lock_insert", "waivers_day_lock_update", "waivers_day_lock_delete",
                   "day_closes_lock_update", "day_closes_lock_delete")


def _pg_function(name: str, at: str, columns: tuple[str, ...], extra_new: str = "") -> str:
    """A row trigger function refusing an insert, change or delete of a row
    dated (``at``) on a closed day."""
    raise_ = f"RAISE EXCEPTION '{MARKER}: % is closed', d USING ERRCODE = 'check_violation'"
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
DECLARE d date;
BEGIN
  IF TG_OP = 'INSERT' THEN
    d := NEW.{at}::date;
    IF frontdesk_day_is_closed(d, NEW.counter) THEN {raise_}; END IF;
    RETURN NEW;
  ELSIF TG_OP = 'DELETE' THEN
    d := OLD.{at}::date;
    IF frontdesk_day_is_closed(d, OLD.counter) THEN {raise_}; END IF;
    RETURN OLD;
  END IF;
  IF {_pg_changed(columns)} THEN
    d := OLD.{at}::date;
    IF frontdesk_day_is_closed(d, OLD.counter) THEN {raise_}; END IF;
    d := NEW.{at}::date;
    IF frontdesk_day_is_closed(d, NEW.counter) THEN {raise_}; END IF;
    {extra_new}
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql"""


def _pg_guards() -> list[str]:
    void_day = ("IF OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL THEN d := NEW.voided_at::date; "
                "IF frontdesk_day_is_closed(d, NEW.counter) THEN RAISE EXCEPTION "
                f"'{MARKER}: % is closed', d USING ERRCODE = 'check_violation'; END IF; END IF;")
    return [
        # VOLATILE: each call sees the newest committed close (a close that
        # committed while this statement waited on its table lock).
        "CREATE OR REPLACE FUNCTION frontdesk_day_is_closed(d date, c varchar) RETURNS boolean AS $$ "
        "BEGIN RETURN d IS NOT NULL AND EXISTS (SELECT 1 FROM day_closes WHERE closed_at IS NOT NULL AND day = d "
        "AND counter = c); END $$ LANGUAGE plpgsql VOLATILE",
        _pg_function("frontdesk_receipts_day_lock", "issued_at", RECEIPT_MONEY, void_day),
        "CREATE TRIGGER receipts_day_lock BEFORE INSERT OR UPDATE OR DELETE ON receipts "
        "FOR EACH ROW EXECUTE FUNCTION frontdesk_receipts_day_lock()",
        _pg_function("frontdesk_waivers_day_lock", "at", WAIVER_MONEY),
        "CREATE TRIGGER waivers_day_lock BEFORE INSERT OR UPDATE OR DELETE ON waivers "
        "FOR EACH ROW EXECUTE FUNCTION frontdesk_waivers_day_lock()",
        f"""CREATE OR REPLACE FUNCTION frontdesk_day_closes_lock() RETURNS trigger AS $$
BEGIN
  IF OLD.closed_at IS NOT NULL AND (TG_OP = 'DELETE' OR {_pg_changed(CLOSE_FIELDS)}) THEN
    RAISE EXCEPTION '{MARKER}: % is closed', OLD.day USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql""",
        "CREATE TRIGGER day_closes_lock BEFORE UPDATE OR DELETE ON day_closes "
        "FOR EACH ROW EXECUTE FUNCTION frontdesk_day_closes_lock()",
    ]


def upgrade() -> None:
    op.create_table('day_closes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('counter', sa.String(length=40), nullable=False),
    sa.Column('opening_float', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('counted_cash', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('denominations', sa.JSON(), nullable=False),
    sa.Column('counted_at', sa.DateTime(), nullable=True),
    sa.Column('counted_by_id', sa.Integer(), nullable=True),
    sa.Column('expected_cash', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('over_short', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('figures', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['approved_by_id'], ['users.id'], name=op.f('fk_day_closes_approved_by_id_users')),
    sa.ForeignKeyConstraint(['closed_by_id'], ['users.id'], name=op.f('fk_day_closes_closed_by_id_users')),
    sa.ForeignKeyConstraint(['counted_by_id'], ['users.id'], name=op.f('fk_day_closes_counted_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_day_closes')),
    sa.UniqueConstraint('day', 'counter', name='uq_day_closes_day_counter')
    )
    with op.batch_alter_table('day_closes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_day_closes_day'), ['day'], unique=False)
    with op.batch_alter_table('receipts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('counter', sa.String(length=40), nullable=False, server_default='main'))
        batch_op.create_index(batch_op.f('ix_receipts_counter'), ['counter'], unique=False)
    with op.batch_alter_table('waivers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('counter', sa.String(length=40), nullable=False, server_default='main'))
    guards = _pg_guards() if op.get_bind().dialect.name == "postgresql" else _sqlite_guards()
    for statement in guards:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS receipts_day_lock ON receipts")
        op.execute("DROP TRIGGER IF EXISTS waivers_day_lock ON waivers")
        op.execute("DROP TRIGGER IF EXISTS day_closes_lock ON day_closes")
        for fn in ("frontdesk_receipts_day_lock", "frontdesk_waivers_day_lock", "frontdesk_day_closes_lock"):
            op.execute(f"DROP FUNCTION IF EXISTS {fn}()")
        op.execute("DROP FUNCTION IF EXISTS frontdesk_day_is_closed(date, varchar)")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table('waivers', schema=None) as batch_op:
        batch_op.drop_column('counter')
    with op.batch_alter_table('receipts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_receipts_counter'))
        batch_op.drop_column('counter')
    with op.batch_alter_table('day_closes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_day_closes_day'))
    op.drop_table('day_closes')
