"""Tables of the billing part: fee schedules, warranty-card standards, quotes,
receipts, waivers and the per-ticket billing row (card edition, invoice owed).

Money columns are ``Numeric(12, 2)`` read back as Decimal on both engines.
Migration: ``0005_billing``.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
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

from frontdesk.db.models import Base, Money, Ticket, User

Km = Numeric(8, 1, asdecimal=True)
Rate = Numeric(6, 4, asdecimal=True)


class FeeSchedule(Base):
    """One version of the shop's published fees, in force from ``effective_from``
    until the next version takes effect.  A version is "used" once a quote
    was priced by it (derived from ``quotes``), and is then never changed."""

    __tablename__ = "fee_schedules"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    effective_from: Mapped[date] = mapped_column(Date, unique=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    includes_tax: Mapped[bool] = mapped_column(Boolean, default=True)  # prices with VAT (0011)

    lines: Mapped[list[FeeLine]] = relationship(
        back_populates="schedule", cascade="all, delete-orphan", order_by="FeeLine.id"
    )
    created_by: Mapped[User] = relationship()


class FeeLine(Base):
    """A price on a schedule.  ``category`` is a product category or ``*``
    (any); ``code`` is the difficulty level for labour, the part number for
    parts, empty otherwise.  A visit costs ``price`` plus ``per_km`` for each
    km beyond ``free_km``."""

    __tablename__ = "fee_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("fee_schedules.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(60), default="")
    description: Mapped[str] = mapped_column(String(200), default="")
    # For a part: the warranty component it is (a compressor), so coverage is
    # decided for that component; empty: the whole unit.
    component: Mapped[str] = mapped_column(String(40), default="")
    price: Mapped[Decimal] = mapped_column(Money)
    free_km: Mapped[Decimal | None] = mapped_column(Km)
    per_km: Mapped[Decimal | None] = mapped_column(Money)

    schedule: Mapped[FeeSchedule] = relationship(back_populates="lines")

    __table_args__ = (
        UniqueConstraint("schedule_id", "kind", "category", "code", name="uq_fee_lines_line"),
        CheckConstraint("price >= 0", name="price_not_negative"),
    )


class CardEdition(Base):
    """A maker's warranty-card edition and the rates printed on it."""

    __tablename__ = "card_editions"
    id: Mapped[int] = mapped_column(primary_key=True)
    brand: Mapped[str] = mapped_column(String(80))
    category: Mapped[str] = mapped_column(String(40))
    edition: Mapped[str] = mapped_column(String(80))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    includes_tax: Mapped[bool] = mapped_column(Boolean, default=True)  # rates with VAT (0011)

    lines: Mapped[list[CardLine]] = relationship(
        back_populates="edition", cascade="all, delete-orphan", order_by="CardLine.id"
    )

    __table_args__ = (UniqueConstraint("brand", "category", "edition", name="uq_card_editions_edition"),)


class CardLine(Base):
    """A rate on a card.  ``covers`` lists the line kinds this line bundles
    (labour that includes the visit: ``["visit"]``)."""

    __tablename__ = "card_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("card_editions.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(60), default="")
    description: Mapped[str] = mapped_column(String(200), default="")
    price: Mapped[Decimal] = mapped_column(Money)
    covers: Mapped[list[str]] = mapped_column(JSON, default=list)

    edition: Mapped[CardEdition] = relationship(back_populates="lines")

    __table_args__ = (
        UniqueConstraint("edition_id", "kind", "code", name="uq_card_lines_line"),
        CheckConstraint("price >= 0", name="price_not_negative"),
    )


class TicketBilling(Base):
    """One row per ticket that billing touched: the customer's card edition,
    the invoice (发票) asked for and its number once issued.  Payments lock
    this row, so two counters settling one ticket queue instead of both
    reading the same balance."""

    __tablename__ = "ticket_billing"
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), primary_key=True)
    card_edition_id: Mapped[int | None] = mapped_column(ForeignKey("card_editions.id"))
    invoice_requested_at: Mapped[datetime | None] = mapped_column(DateTime)
    invoice_requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    invoice_buyer: Mapped[str] = mapped_column(String(200), default="")
    invoice_tax_id: Mapped[str] = mapped_column(String(40), default="")
    invoice_no: Mapped[str | None] = mapped_column(String(60))
    invoice_issued_at: Mapped[datetime | None] = mapped_column(DateTime)
    invoice_recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    ticket: Mapped[Ticket] = relationship()
    card_edition: Mapped[CardEdition | None] = relationship()

    __table_args__ = (Index("ix_ticket_billing_invoice_owed", "invoice_no", "invoice_requested_at"),)


class Quote(Base):
    """A priced quote for a ticket.  ``state``: draft | approved | declined |
    superseded (a revised quote replaced it before the customer answered).
    ``owed`` is what the customer owes under it: the total once approved, the
    inspection fee (or nothing) once declined, nothing while a draft."""

    __tablename__ = "quotes"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("fee_schedules.id"), index=True)
    card_edition_id: Mapped[int | None] = mapped_column(ForeignKey("card_editions.id"))
    card_applies: Mapped[bool] = mapped_column(Boolean, default=True)
    state: Mapped[str] = mapped_column(String(20))
    currency: Mapped[str] = mapped_column(String(3))
    tax_rate: Mapped[Decimal] = mapped_column(Rate)
    # The prices include VAT: ``total`` is the lines' sum and ``tax`` the VAT
    # in it; else ``total = subtotal + tax`` (0011).
    prices_include_tax: Mapped[bool] = mapped_column(Boolean, default=False)
    subtotal: Mapped[Decimal] = mapped_column(Money)
    tax: Mapped[Decimal] = mapped_column(Money)
    total: Mapped[Decimal] = mapped_column(Money)
    saving: Mapped[Decimal] = mapped_column(Money)  # against the fee schedule
    saving_vs_card: Mapped[Decimal] = mapped_column(Money)
    # The charged lines all by one standard (None: that standard misses a line).
    schedule_total: Mapped[Decimal | None] = mapped_column(Money)
    card_total: Mapped[Decimal | None] = mapped_column(Money)
    owed: Mapped[Decimal] = mapped_column(Money)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    software_decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)  # the figures (0017)
    approval_channel: Mapped[str | None] = mapped_column(String(20))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    customer_name: Mapped[str] = mapped_column(String(120), default="")
    declined_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    declined_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    fault_found: Mapped[bool | None] = mapped_column(Boolean)
    version: Mapped[int] = mapped_column(Integer, default=1)

    ticket: Mapped[Ticket] = relationship()
    schedule: Mapped[FeeSchedule] = relationship()
    card_edition: Mapped[CardEdition | None] = relationship()
    lines: Mapped[list[QuoteLine]] = relationship(
        back_populates="quote", cascade="all, delete-orphan", order_by="QuoteLine.position"
    )
    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])

    __mapper_args__ = {"version_id_col": version}


class QuoteLine(Base):
    """A line as priced: both standards, the one applied, the amount.
    ``stage`` is ``quote`` for the quoted work and ``decline`` for the
    inspection fee charged when the customer declines."""

    __tablename__ = "quote_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    stage: Mapped[str] = mapped_column(String(10), default="quote")
    kind: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(60), default="")
    description: Mapped[str] = mapped_column(String(200), default="")
    component: Mapped[str] = mapped_column(String(40), default="whole_unit")
    qty: Mapped[int] = mapped_column(Integer, default=1)
    km: Mapped[Decimal | None] = mapped_column(Km)
    schedule_price: Mapped[Decimal | None] = mapped_column(Money)
    card_price: Mapped[Decimal | None] = mapped_column(Money)
    applied: Mapped[str] = mapped_column(String(20))
    unit_price: Mapped[Decimal] = mapped_column(Money)
    amount: Mapped[Decimal] = mapped_column(Money)
    saving: Mapped[Decimal] = mapped_column(Money)
    saving_vs_card: Mapped[Decimal] = mapped_column(Money)
    in_warranty: Mapped[bool] = mapped_column(Boolean, default=False)
    bundle_with: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    # ``reason`` as a message id and values (frontdesk.i18n.Message), read
    # in the reader's language; ``reason`` keeps the English words.
    reason_message: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    quote: Mapped[Quote] = relationship(back_populates="lines")


class Receipt(Base):
    """A receipt (收据): one per payment, deposit, refund or correction, with
    a number from the gapless ``receipt`` sequence drawn in the same
    transaction.  A void keeps the row and its number.

    ``counts_as`` is the kind of money it moves (payment | deposit | refund;
    a correction inherits it from the receipt it corrects) and ``net`` the
    signed change to what the shop holds for the ticket (+ money in,
    - money out; for a correction the difference it makes).  The balance is
    the sum of ``net`` over receipts not voided."""

    __tablename__ = "receipts"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    quote_id: Mapped[int | None] = mapped_column(ForeignKey("quotes.id"))
    issued_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    issued_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    counter: Mapped[str] = mapped_column(String(40), index=True)  # the drawer, given by the service
    kind: Mapped[str] = mapped_column(String(20))
    counts_as: Mapped[str] = mapped_column(String(20))
    method: Mapped[str] = mapped_column(String(20))
    currency: Mapped[str] = mapped_column(String(3))
    amount: Mapped[Decimal] = mapped_column(Money)
    net: Mapped[Decimal] = mapped_column(Money)
    tax: Mapped[Decimal] = mapped_column(Money)
    tendered: Mapped[Decimal | None] = mapped_column(Money)
    change: Mapped[Decimal | None] = mapped_column(Money)
    lines: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    voided_at: Mapped[datetime | None] = mapped_column(DateTime)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    void_approver_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    corrects_receipt_id: Mapped[int | None] = mapped_column(ForeignKey("receipts.id"), index=True)
    correction_reason: Mapped[str] = mapped_column(Text, default="")
    reprints: Mapped[int] = mapped_column(Integer, default=0)
    last_reprint_at: Mapped[datetime | None] = mapped_column(DateTime)

    ticket: Mapped[Ticket] = relationship()
    issued_by: Mapped[User] = relationship(foreign_keys=[issued_by_id])
    void_approver: Mapped[User | None] = relationship(foreign_keys=[void_approver_id])
    corrects: Mapped[Receipt | None] = relationship(remote_side=[id])

    __table_args__ = (
        UniqueConstraint("year", "seq", name="uq_receipts_year_seq"),
        Index("ix_receipts_counter_issued", "counter", "issued_at"),  # a day at a counter (0009)
        Index("ix_receipts_counter_voided", "counter", "voided_at"),  # the day's voids (0009)
        CheckConstraint("amount > 0", name="amount_positive"),
    )


class Waiver(Base):
    """A waiver or discount a manager approved: amount, reason, approver."""

    __tablename__ = "waivers"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    quote_id: Mapped[int | None] = mapped_column(ForeignKey("quotes.id"))
    amount: Mapped[Decimal] = mapped_column(Money)
    reason: Mapped[str] = mapped_column(Text)
    approver_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    granted_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    counter: Mapped[str] = mapped_column(String(40))  # the drawer, given by the service

    approver: Mapped[User] = relationship(foreign_keys=[approver_id])

    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)


__all__ = [
    "CardEdition", "CardLine", "FeeLine", "FeeSchedule", "Quote", "QuoteLine", "Receipt", "TicketBilling", "Waiver",
]
