"""loaners: loaner units, loans (one open loan per unit: a partial unique index), pull-backs

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 06:11:20.728866
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('loaner_units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tag', sa.String(length=60), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('model', sa.String(length=120), nullable=False),
    sa.Column('serial', sa.String(length=120), nullable=False),
    sa.Column('condition', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loaner_units')),
    sa.UniqueConstraint('tag', name=op.f('uq_loaner_units_tag'))
    )
    with op.batch_alter_table('loaner_units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_loaner_units_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_loaner_units_status'), ['status'], unique=False)

    op.create_table('pullbacks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=False),
    sa.Column('taken_by_id', sa.Integer(), nullable=False),
    sa.Column('condition', sa.JSON(), nullable=False),
    sa.Column('condition_note', sa.Text(), nullable=False),
    sa.Column('accessories', sa.JSON(), nullable=False),
    sa.Column('promised_return_on', sa.Date(), nullable=False),
    sa.Column('sent_to_workshop_at', sa.DateTime(), nullable=True),
    sa.Column('returned_to_counter_at', sa.DateTime(), nullable=True),
    sa.Column('handed_back_at', sa.DateTime(), nullable=True),
    sa.Column('handed_back_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['handed_back_by_id'], ['users.id'], name=op.f('fk_pullbacks_handed_back_by_id_users')),
    sa.ForeignKeyConstraint(['taken_by_id'], ['users.id'], name=op.f('fk_pullbacks_taken_by_id_users')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_pullbacks_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pullbacks'))
    )
    with op.batch_alter_table('pullbacks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pullbacks_promised_return_on'), ['promised_return_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_pullbacks_ticket_id'), ['ticket_id'], unique=False)
        batch_op.create_index('uq_pullbacks_open_ticket', ['ticket_id'], unique=True, sqlite_where=sa.text('handed_back_at IS NULL'), postgresql_where=sa.text('handed_back_at IS NULL'))

    op.create_table('loans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('lent_at', sa.DateTime(), nullable=False),
    sa.Column('lent_by_id', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('condition_out', sa.Text(), nullable=False),
    sa.Column('deposit', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('deposit_receipt_id', sa.Integer(), nullable=True),
    sa.Column('agreement_signed', sa.Boolean(), nullable=False),
    sa.Column('returned_at', sa.DateTime(), nullable=True),
    sa.Column('returned_by_id', sa.Integer(), nullable=True),
    sa.Column('condition_back', sa.Text(), nullable=False),
    sa.Column('damage', sa.Text(), nullable=False),
    sa.Column('deposit_outcome', sa.String(length=20), nullable=True),
    sa.Column('refunded', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('refund_receipt_id', sa.Integer(), nullable=True),
    sa.Column('kept_approved_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['deposit_receipt_id'], ['receipts.id'], name=op.f('fk_loans_deposit_receipt_id_receipts')),
    sa.ForeignKeyConstraint(['kept_approved_by_id'], ['users.id'], name=op.f('fk_loans_kept_approved_by_id_users')),
    sa.ForeignKeyConstraint(['lent_by_id'], ['users.id'], name=op.f('fk_loans_lent_by_id_users')),
    sa.ForeignKeyConstraint(['refund_receipt_id'], ['receipts.id'], name=op.f('fk_loans_refund_receipt_id_receipts')),
    sa.ForeignKeyConstraint(['returned_by_id'], ['users.id'], name=op.f('fk_loans_returned_by_id_users')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_loans_ticket_id_tickets')),
    sa.ForeignKeyConstraint(['unit_id'], ['loaner_units.id'], name=op.f('fk_loans_unit_id_loaner_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loans'))
    )
    with op.batch_alter_table('loans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_loans_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_loans_ticket_id'), ['ticket_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_loans_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index('uq_loans_open_unit', ['unit_id'], unique=True, sqlite_where=sa.text('returned_at IS NULL'), postgresql_where=sa.text('returned_at IS NULL'))



def downgrade() -> None:
    with op.batch_alter_table('loans', schema=None) as batch_op:
        batch_op.drop_index('uq_loans_open_unit', sqlite_where=sa.text('returned_at IS NULL'), postgresql_where=sa.text('returned_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_loans_unit_id'))
        batch_op.drop_index(batch_op.f('ix_loans_ticket_id'))
        batch_op.drop_index(batch_op.f('ix_loans_due_on'))

    op.drop_table('loans')
    with op.batch_alter_table('pullbacks', schema=None) as batch_op:
        batch_op.drop_index('uq_pullbacks_open_ticket', sqlite_where=sa.text('handed_back_at IS NULL'), postgresql_where=sa.text('handed_back_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_pullbacks_ticket_id'))
        batch_op.drop_index(batch_op.f('ix_pullbacks_promised_return_on'))

    op.drop_table('pullbacks')
    with op.batch_alter_table('loaner_units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_loaner_units_status'))
        batch_op.drop_index(batch_op.f('ix_loaner_units_category'))

    op.drop_table('loaner_units')
