"""Tables of the claims part: the makers the shop is authorised for, their
settlement standards (versioned by date, like the fee schedules), the claim
of each in-warranty repair, the old parts the makers want back and the
batches they go back in, the makers' monthly settlements and deductions.

docs/rules.md#claims-to-the-makers says what each means.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from frontdesk.db.models import Base, Money, RepairPart, Ticket


class Maker(Base):
    """A maker the shop repairs for under warranty (Haier, Midea...)."""

    __tablename__ = "makers"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # HAIER: on the workbook and the command line
    name: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # how this maker's settlement workbook is read: our field -> its column title (saved once, reused)
    settlement_columns: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    brands: Mapped[list[MakerBrand]] = relationship(order_by="MakerBrand.brand", cascade="all, delete-orphan")


class MakerBrand(Base):
    """A brand a maker answers for (several brands per maker); ``key`` is the
    brand as matched (case and spaces folded)."""

    __tablename__ = "maker_brands"
    id: Mapped[int] = mapped_column(primary_key=True)
    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"), index=True)
    brand: Mapped[str] = mapped_column(String(80))
    key: Mapped[str] = mapped_column(String(80), unique=True)


class MakerStandard(Base):
    """One version of a maker's settlement standard, in force from a date."""

    __tablename__ = "maker_standards"
    __table_args__ = (UniqueConstraint("maker_id", "effective_from", name="uq_maker_standards_maker_from"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    effective_from: Mapped[date] = mapped_column(Date)
    claim_days: Mapped[int] = mapped_column(Integer)  # claim within N days after the repair is done
    return_days: Mapped[int] = mapped_column(Integer)  # old parts back within N days after the repair
    appeal_days: Mapped[int] = mapped_column(Integer)  # contest a settlement within N days after it
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    lines: Mapped[list[MakerStandardLine]] = relationship(order_by="MakerStandardLine.position",
                                                          cascade="all, delete-orphan")


class MakerStandardLine(Base):
    """A line of a standard: ``labour`` (category, repair level), ``distance``
    (a band of kilometres, km_from < distance <= km_to), ``part_handling``
    (a part number or its prefix ending in ``*``; ``return_part`` when the
    maker wants the old part back)."""

    __tablename__ = "maker_standard_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    standard_id: Mapped[int] = mapped_column(ForeignKey("maker_standards.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # labour | distance | part_handling
    category: Mapped[str] = mapped_column(String(60), default="*")
    level: Mapped[str] = mapped_column(String(20), default="")
    km_from: Mapped[Decimal | None] = mapped_column(Numeric(8, 1))
    km_to: Mapped[Decimal | None] = mapped_column(Numeric(8, 1))
    part_no: Mapped[str] = mapped_column(String(60), default="")
    amount: Mapped[Decimal] = mapped_column(Money)
    return_part: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str] = mapped_column(String(200), default="")


class Claim(Base):
    """The claim of one in-warranty repair to its maker."""

    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_maker_state", "maker_id", "state"),
                      Index("ix_claims_settled_repaired", "settled_on", "repaired_on"))  # the figures (0017)
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)  # ours: C2026-000001
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), unique=True)
    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"))
    standard_id: Mapped[int | None] = mapped_column(ForeignKey("maker_standards.id"))
    state: Mapped[str] = mapped_column(String(20), index=True)
    # drafted | submitted | paid | paid_short | rejected | appealed | settled
    service_order_no: Mapped[str] = mapped_column(String(60), default="", index=True)  # the maker's dispatch
    maker_claim_no: Mapped[str] = mapped_column(String(60), default="", index=True)  # given when submitted
    repaired_on: Mapped[date] = mapped_column(Date)
    claim_due: Mapped[date] = mapped_column(Date, index=True)
    level: Mapped[str] = mapped_column(String(20), default="")
    distance_km: Mapped[Decimal | None] = mapped_column(Numeric(8, 1))
    amount_claimed: Mapped[Decimal] = mapped_column(Money)
    amount_paid: Mapped[Decimal | None] = mapped_column(Money)
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # the priced lines as drafted
    submitted_on: Mapped[date | None] = mapped_column(Date)
    settled_on: Mapped[date | None] = mapped_column(Date)  # the maker's settlement (paid, short, rejected)
    result_reason: Mapped[str] = mapped_column(Text, default="")  # the maker's reason for short or rejected
    appeal_due: Mapped[date | None] = mapped_column(Date)
    appealed_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)  # settled for good
    drafted_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    ticket: Mapped[Ticket] = relationship()
    maker: Mapped[Maker] = relationship()
    __mapper_args__ = {"version_id_col": version}


class ReturnBatch(Base):
    """A box of old parts going back to one maker."""

    __tablename__ = "return_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)  # B2026-000001
    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    shipped_on: Mapped[date | None] = mapped_column(Date)
    carrier: Mapped[str] = mapped_column(String(80), default="")
    waybill: Mapped[str] = mapped_column(String(80), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class OldPart(Base):
    """A part replaced under warranty, tagged for its maker; ``must_return``
    when the standard wants it back by ``return_due``."""

    __tablename__ = "old_parts"
    id: Mapped[int] = mapped_column(primary_key=True)
    tag: Mapped[str] = mapped_column(String(40), unique=True)  # P2026-000001: the label's QR code
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), index=True)
    repair_part_id: Mapped[int | None] = mapped_column(ForeignKey("repair_parts.id"))
    part_no: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(String(200), default="")
    old_serial: Mapped[str] = mapped_column(String(120), default="")
    new_serial: Mapped[str] = mapped_column(String(120), default="")
    must_return: Mapped[bool] = mapped_column(Boolean, default=False)
    return_due: Mapped[date | None] = mapped_column(Date, index=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("return_batches.id"), index=True)
    tagged_at: Mapped[datetime] = mapped_column(DateTime)
    claim: Mapped[Claim] = relationship()
    repair_part: Mapped[RepairPart | None] = relationship()
    batch: Mapped[ReturnBatch | None] = relationship()


class Settlement(Base):
    """A maker's monthly settlement workbook, as imported."""

    __tablename__ = "settlements"
    id: Mapped[int] = mapped_column(primary_key=True)
    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"), index=True)
    month: Mapped[date] = mapped_column(Date)  # its first day
    settled_on: Mapped[date] = mapped_column(Date)  # the maker's date: appeals run from it
    file_name: Mapped[str] = mapped_column(String(255), default="")
    rows: Mapped[int] = mapped_column(Integer, default=0)
    total_paid: Mapped[Decimal] = mapped_column(Money)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    imported_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class ClaimDeduction(Base):
    """Money a maker held back: against one claim, or the month's (late
    call-back, complaint, late old part...)."""

    __tablename__ = "claim_deductions"
    id: Mapped[int] = mapped_column(primary_key=True)
    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"), index=True)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id"), index=True)
    settlement_id: Mapped[int | None] = mapped_column(ForeignKey("settlements.id"), index=True)
    month: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(30))  # late_callback | complaint | late_part | other
    amount: Mapped[Decimal] = mapped_column(Money)
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


__all__ = ["Claim", "ClaimDeduction", "Maker", "MakerBrand", "MakerStandard", "MakerStandardLine", "OldPart",
           "ReturnBatch", "Settlement"]
