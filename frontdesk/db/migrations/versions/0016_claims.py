"""claims: makers, their settlement standards, claims, old parts, return
batches, settlements and deductions; the maker's service order number on a
ticket and the repair level on a repair record

docs/rules.md#claims-to-the-makers.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 11:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

MONEY = sa.Numeric(12, 2, asdecimal=True)
KM = sa.Numeric(8, 1)


def upgrade() -> None:
    # plain ADD COLUMN on both engines (no table rebuild: the tables' triggers stay as they are)
    op.add_column("tickets", sa.Column("maker_order_no", sa.String(60), nullable=False, server_default=""))
    op.create_index("ix_tickets_maker_order_no", "tickets", ["maker_order_no"])
    op.add_column("repair_records", sa.Column("level", sa.String(20), nullable=False, server_default=""))
    op.create_table(
        "makers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(40), nullable=False, unique=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("settlement_columns", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "maker_brands",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("maker_id", sa.Integer(), sa.ForeignKey("makers.id"), nullable=False),
        sa.Column("brand", sa.String(80), nullable=False),
        sa.Column("key", sa.String(80), nullable=False, unique=True),
    )
    op.create_index("ix_maker_brands_maker_id", "maker_brands", ["maker_id"])
    op.create_table(
        "maker_standards",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("maker_id", sa.Integer(), sa.ForeignKey("makers.id"), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("claim_days", sa.Integer(), nullable=False),
        sa.Column("return_days", sa.Integer(), nullable=False),
        sa.Column("appeal_days", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.UniqueConstraint("maker_id", "effective_from", name="uq_maker_standards_maker_from"),
    )
    op.create_index("ix_maker_standards_maker_id", "maker_standards", ["maker_id"])
    op.create_table(
        "maker_standard_lines",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("standard_id", sa.Integer(), sa.ForeignKey("maker_standards.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("category", sa.String(60), nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("km_from", KM, nullable=True),
        sa.Column("km_to", KM, nullable=True),
        sa.Column("part_no", sa.String(60), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("return_part", sa.Boolean(), nullable=False),
        sa.Column("description", sa.String(200), nullable=False),
    )
    op.create_index("ix_maker_standard_lines_standard_id", "maker_standard_lines", ["standard_id"])
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column("ticket_id", sa.Integer(), sa.ForeignKey("tickets.id"), nullable=False, unique=True),
        sa.Column("maker_id", sa.Integer(), sa.ForeignKey("makers.id"), nullable=False),
        sa.Column("standard_id", sa.Integer(), sa.ForeignKey("maker_standards.id"), nullable=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("service_order_no", sa.String(60), nullable=False),
        sa.Column("maker_claim_no", sa.String(60), nullable=False),
        sa.Column("repaired_on", sa.Date(), nullable=False),
        sa.Column("claim_due", sa.Date(), nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("distance_km", KM, nullable=True),
        sa.Column("amount_claimed", MONEY, nullable=False),
        sa.Column("amount_paid", MONEY, nullable=True),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("settled_on", sa.Date(), nullable=True),
        sa.Column("result_reason", sa.Text(), nullable=False),
        sa.Column("appeal_due", sa.Date(), nullable=True),
        sa.Column("appealed_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("drafted_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_claims_maker_state", "claims", ["maker_id", "state"])
    op.create_index("ix_claims_state", "claims", ["state"])
    op.create_index("ix_claims_claim_due", "claims", ["claim_due"])
    op.create_index("ix_claims_service_order_no", "claims", ["service_order_no"])
    op.create_index("ix_claims_maker_claim_no", "claims", ["maker_claim_no"])
    op.create_table(
        "return_batches",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column("maker_id", sa.Integer(), sa.ForeignKey("makers.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("shipped_on", sa.Date(), nullable=True),
        sa.Column("carrier", sa.String(80), nullable=False),
        sa.Column("waybill", sa.String(80), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index("ix_return_batches_maker_id", "return_batches", ["maker_id"])
    op.create_table(
        "old_parts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("tag", sa.String(40), nullable=False, unique=True),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claims.id"), nullable=False),
        sa.Column("repair_part_id", sa.Integer(), sa.ForeignKey("repair_parts.id"), nullable=True),
        sa.Column("part_no", sa.String(60), nullable=False),
        sa.Column("description", sa.String(200), nullable=False),
        sa.Column("old_serial", sa.String(120), nullable=False),
        sa.Column("new_serial", sa.String(120), nullable=False),
        sa.Column("must_return", sa.Boolean(), nullable=False),
        sa.Column("return_due", sa.Date(), nullable=True),
        sa.Column("batch_id", sa.Integer(), sa.ForeignKey("return_batches.id"), nullable=True),
        sa.Column("tagged_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_old_parts_claim_id", "old_parts", ["claim_id"])
    op.create_index("ix_old_parts_return_due", "old_parts", ["return_due"])
    op.create_index("ix_old_parts_batch_id", "old_parts", ["batch_id"])
    op.create_table(
        "settlements",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("maker_id", sa.Integer(), sa.ForeignKey("makers.id"), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("settled_on", sa.Date(), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("total_paid", MONEY, nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
    )
    op.create_index("ix_settlements_maker_id", "settlements", ["maker_id"])
    op.create_table(
        "claim_deductions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("maker_id", sa.Integer(), sa.ForeignKey("makers.id"), nullable=False),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claims.id"), nullable=True),
        sa.Column("settlement_id", sa.Integer(), sa.ForeignKey("settlements.id"), nullable=True),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
    )
    op.create_index("ix_claim_deductions_maker_id", "claim_deductions", ["maker_id"])
    op.create_index("ix_claim_deductions_claim_id", "claim_deductions", ["claim_id"])
    op.create_index("ix_claim_deductions_settlement_id", "claim_deductions", ["settlement_id"])


def downgrade() -> None:
    for table in ("claim_deductions", "settlements", "old_parts", "return_batches", "claims", "maker_standard_lines",
                  "maker_standards", "maker_brands", "makers"):
        op.drop_table(table)
    with op.batch_alter_table("repair_records") as batch:
        batch.drop_column("level")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_index("ix_tickets_maker_order_no")
        batch.drop_column("maker_order_no")
