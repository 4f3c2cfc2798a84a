"""Tables of the loaner part: the pool of loaner units, loans, pull-backs.

One unit can never be out twice: a partial unique index on ``loans(unit_id)``
over the loans not yet returned holds on both engines, whatever two counters
do at the same moment.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from frontdesk.db.models import Base, Ticket, User


class LoanerUnit(Base):
    """A unit of the shop's own, lent while a customer's product is away."""

    __tablename__ = "loaner_units"
    id: Mapped[int] = mapped_column(primary_key=True)
    tag: Mapped[str] = mapped_column(String(60), unique=True)  # the asset tag (barcode)
    category: Mapped[str] = mapped_column(String(40), index=True)
    model: Mapped[str] = mapped_column(String(120), default="")
    serial: Mapped[str] = mapped_column(String(120), default="")
    condition: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), index=True)  # available | lent | maintenance | retired
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Loan(Base):
    """A unit lent on a ticket, and how it came back."""

    __tablename__ = "loans"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("loaner_units.id"), index=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    lent_at: Mapped[datetime] = mapped_column(DateTime)
    lent_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    condition_out: Mapped[str] = mapped_column(Text, default="")
    deposit: Mapped[Decimal | None] = mapped_column()
    deposit_receipt_id: Mapped[int | None] = mapped_column(ForeignKey("receipts.id"))
    agreement_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    returned_at: Mapped[datetime | None] = mapped_column(DateTime)
    returned_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    condition_back: Mapped[str] = mapped_column(Text, default="")
    damage: Mapped[str] = mapped_column(Text, default="")
    deposit_outcome: Mapped[str | None] = mapped_column(String(20))  # refunded | kept | none
    refunded: Mapped[Decimal | None] = mapped_column()
    refund_receipt_id: Mapped[int | None] = mapped_column(ForeignKey("receipts.id"))
    kept_approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kept: Mapped[Decimal | None] = mapped_column()  # the part kept for damage (0011)
    damage_receipt_id: Mapped[int | None] = mapped_column(ForeignKey("receipts.id"))  # its damage charge (0011)

    unit: Mapped[LoanerUnit] = relationship()
    ticket: Mapped[Ticket] = relationship()
    lent_by: Mapped[User] = relationship(foreign_keys=[lent_by_id])
    returned_by: Mapped[User | None] = relationship(foreign_keys=[returned_by_id])

    __table_args__ = (
        Index("uq_loans_open_unit", "unit_id", unique=True,
              sqlite_where=text("returned_at IS NULL"), postgresql_where=text("returned_at IS NULL")),
        Index("ix_loans_returned_lent", "returned_at", "lent_at"),  # loans out at a moment: the figures (0017)
    )


class PullBack(Base):
    """A product taken back to the workshop (the pull-back receipt, 收条)."""

    __tablename__ = "pullbacks"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    taken_at: Mapped[datetime] = mapped_column(DateTime)
    taken_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    condition: Mapped[list[str]] = mapped_column(JSON, default=list)
    condition_note: Mapped[str] = mapped_column(Text, default="")
    accessories: Mapped[list[str]] = mapped_column(JSON, default=list)
    promised_return_on: Mapped[date] = mapped_column(Date, index=True)
    sent_to_workshop_at: Mapped[datetime | None] = mapped_column(DateTime)
    returned_to_counter_at: Mapped[datetime | None] = mapped_column(DateTime)
    handed_back_at: Mapped[datetime | None] = mapped_column(DateTime)
    handed_back_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    ticket: Mapped[Ticket] = relationship()

    __table_args__ = (
        Index("uq_pullbacks_open_ticket", "ticket_id", unique=True,
              sqlite_where=text("handed_back_at IS NULL"), postgresql_where=text("handed_back_at IS NULL")),
    )


