"""billing: fee schedules, warranty-card standards, quotes, receipts, waivers,
invoices owed

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 05:33:46.572346
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('card_editions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('brand', sa.String(length=80), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('edition', sa.String(length=80), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_card_editions_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card_editions')),
    sa.UniqueConstraint('brand', 'category', 'edition', name='uq_card_editions_edition')
    )
    op.create_table('fee_schedules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_fee_schedules_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fee_schedules')),
    sa.UniqueConstraint('effective_from', name=op.f('uq_fee_schedules_effective_from'))
    )
    op.create_table('card_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('edition_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('price', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('covers', sa.JSON(), nullable=False),
    sa.CheckConstraint('price >= 0', name=op.f('ck_card_lines_price_not_negative')),
    sa.ForeignKeyConstraint(['edition_id'], ['card_editions.id'], name=op.f('fk_card_lines_edition_id_card_editions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card_lines')),
    sa.UniqueConstraint('edition_id', 'kind', 'code', name='uq_card_lines_line')
    )
    op.create_table('fee_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('schedule_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('component', sa.String(length=40), nullable=False),
    sa.Column('price', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('free_km', sa.Numeric(precision=8, scale=1), nullable=True),
    sa.Column('per_km', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.CheckConstraint('price >= 0', name=op.f('ck_fee_lines_price_not_negative')),
    sa.ForeignKeyConstraint(['schedule_id'], ['fee_schedules.id'], name=op.f('fk_fee_lines_schedule_id_fee_schedules'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fee_lines')),
    sa.UniqueConstraint('schedule_id', 'kind', 'category', 'code', name='uq_fee_lines_line')
    )
    op.create_table('quotes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('schedule_id', sa.Integer(), nullable=False),
    sa.Column('card_edition_id', sa.Integer(), nullable=True),
    sa.Column('card_applies', sa.Boolean(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('tax_rate', sa.Numeric(precision=6, scale=4), nullable=False),
    sa.Column('subtotal', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('tax', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('total', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('saving', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('saving_vs_card', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('schedule_total', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('card_total', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('owed', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('software_decided_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.DateTime(), nullable=True),
    sa.Column('approval_channel', sa.String(length=20), nullable=True),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('customer_name', sa.String(length=120), nullable=False),
    sa.Column('declined_at', sa.DateTime(), nullable=True),
    sa.Column('declined_by_id', sa.Integer(), nullable=True),
    sa.Column('fault_found', sa.Boolean(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['approved_by_id'], ['users.id'], name=op.f('fk_quotes_approved_by_id_users')),
    sa.ForeignKeyConstraint(['card_edition_id'], ['card_editions.id'], name=op.f('fk_quotes_card_edition_id_card_editions')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_quotes_created_by_id_users')),
    sa.ForeignKeyConstraint(['declined_by_id'], ['users.id'], name=op.f('fk_quotes_declined_by_id_users')),
    sa.ForeignKeyConstraint(['schedule_id'], ['fee_schedules.id'], name=op.f('fk_quotes_schedule_id_fee_schedules')),
    sa.ForeignKeyConstraint(['software_decided_by_id'], ['users.id'], name=op.f('fk_quotes_software_decided_by_id_users')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_quotes_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotes'))
    )
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotes_schedule_id'), ['schedule_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('ticket_billing',
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('card_edition_id', sa.Integer(), nullable=True),
    sa.Column('invoice_requested_at', sa.DateTime(), nullable=True),
    sa.Column('invoice_requested_by_id', sa.Integer(), nullable=True),
    sa.Column('invoice_buyer', sa.String(length=200), nullable=False),
    sa.Column('invoice_tax_id', sa.String(length=40), nullable=False),
    sa.Column('invoice_no', sa.String(length=60), nullable=True),
    sa.Column('invoice_issued_at', sa.DateTime(), nullable=True),
    sa.Column('invoice_recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['card_edition_id'], ['card_editions.id'], name=op.f('fk_ticket_billing_card_edition_id_card_editions')),
    sa.ForeignKeyConstraint(['invoice_recorded_by_id'], ['users.id'], name=op.f('fk_ticket_billing_invoice_recorded_by_id_users')),
    sa.ForeignKeyConstraint(['invoice_requested_by_id'], ['users.id'], name=op.f('fk_ticket_billing_invoice_requested_by_id_users')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_ticket_billing_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('ticket_id', name=op.f('pk_ticket_billing'))
    )
    with op.batch_alter_table('ticket_billing', schema=None) as batch_op:
        batch_op.create_index('ix_ticket_billing_invoice_owed', ['invoice_no', 'invoice_requested_at'], unique=False)

    op.create_table('quote_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quote_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=10), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('component', sa.String(length=40), nullable=False),
    sa.Column('qty', sa.Integer(), nullable=False),
    sa.Column('km', sa.Numeric(precision=8, scale=1), nullable=True),
    sa.Column('schedule_price', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('card_price', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('applied', sa.String(length=20), nullable=False),
    sa.Column('unit_price', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('saving', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('saving_vs_card', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('in_warranty', sa.Boolean(), nullable=False),
    sa.Column('bundle_with', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['quote_id'], ['quotes.id'], name=op.f('fk_quote_lines_quote_id_quotes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quote_lines'))
    )
    with op.batch_alter_table('quote_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quote_lines_quote_id'), ['quote_id'], unique=False)

    op.create_table('receipts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('quote_id', sa.Integer(), nullable=True),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('counts_as', sa.String(length=20), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('net', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('tax', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('tendered', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('change', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('lines', sa.JSON(), nullable=False),
    sa.Column('voided_at', sa.DateTime(), nullable=True),
    sa.Column('void_reason', sa.Text(), nullable=False),
    sa.Column('void_approver_id', sa.Integer(), nullable=True),
    sa.Column('voided_by_id', sa.Integer(), nullable=True),
    sa.Column('corrects_receipt_id', sa.Integer(), nullable=True),
    sa.Column('correction_reason', sa.Text(), nullable=False),
    sa.Column('reprints', sa.Integer(), nullable=False),
    sa.Column('last_reprint_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint('amount > 0', name=op.f('ck_receipts_amount_positive')),
    sa.ForeignKeyConstraint(['corrects_receipt_id'], ['receipts.id'], name=op.f('fk_receipts_corrects_receipt_id_receipts')),
    sa.ForeignKeyConstraint(['issued_by_id'], ['users.id'], name=op.f('fk_receipts_issued_by_id_users')),
    sa.ForeignKeyConstraint(['quote_id'], ['quotes.id'], name=op.f('fk_receipts_quote_id_quotes')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_receipts_ticket_id_tickets')),
    sa.ForeignKeyConstraint(['void_approver_id'], ['users.id'], name=op.f('fk_receipts_void_approver_id_users')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['users.id'], name=op.f('fk_receipts_voided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_receipts')),
    sa.UniqueConstraint('number', name=op.f('uq_receipts_number')),
    sa.UniqueConstraint('year', 'seq', name='uq_receipts_year_seq')
    )
    with op.batch_alter_table('receipts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_receipts_corrects_receipt_id'), ['corrects_receipt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_receipts_issued_at'), ['issued_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_receipts_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('waivers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('quote_id', sa.Integer(), nullable=True),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('approver_id', sa.Integer(), nullable=False),
    sa.Column('granted_by_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_waivers_amount_positive')),
    sa.ForeignKeyConstraint(['approver_id'], ['users.id'], name=op.f('fk_waivers_approver_id_users')),
    sa.ForeignKeyConstraint(['granted_by_id'], ['users.id'], name=op.f('fk_waivers_granted_by_id_users')),
    sa.ForeignKeyConstraint(['quote_id'], ['quotes.id'], name=op.f('fk_waivers_quote_id_quotes')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_waivers_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_waivers'))
    )
    with op.batch_alter_table('waivers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_waivers_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_waivers_ticket_id'), ['ticket_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('waivers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_waivers_ticket_id'))
        batch_op.drop_index(batch_op.f('ix_waivers_at'))

    op.drop_table('waivers')
    with op.batch_alter_table('receipts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_receipts_ticket_id'))
        batch_op.drop_index(batch_op.f('ix_receipts_issued_at'))
        batch_op.drop_index(batch_op.f('ix_receipts_corrects_receipt_id'))

    op.drop_table('receipts')
    with op.batch_alter_table('quote_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quote_lines_quote_id'))

    op.drop_table('quote_lines')
    with op.batch_alter_table('ticket_billing', schema=None) as batch_op:
        batch_op.drop_index('ix_ticket_billing_invoice_owed')

    op.drop_table('ticket_billing')
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotes_ticket_id'))
        batch_op.drop_index(batch_op.f('ix_quotes_schedule_id'))

    op.drop_table('quotes')
    op.drop_table('fee_lines')
    op.drop_table('card_lines')
    op.drop_table('fee_schedules')
    op.drop_table('card_editions')
