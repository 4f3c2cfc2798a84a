"""The tables, as typed SQLAlchemy 2 models.

Every schema change is an Alembic migration in ``migrations/versions``; a test
checks that the models and the newest migration agree.
"""

from __future__ import annotations

from datetime import date, datetime, time
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
    MetaData,
    Numeric,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Byte-wise ordering on both engines, so that prefix searches by range
# (key >= 'abc' AND key < 'abc\uffff') use a plain b-tree index.
BinaryText = String(200).with_variant(String(200, collation="C"), "postgresql")

Money = Numeric(12, 2, asdecimal=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {Decimal: Money, dict[str, Any]: JSON, list[str]: JSON}


class Setting(Base):
    """Shop-wide settings shared by every counter (the shop profile)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(20))  # clerk | manager
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Guessing held back (frontdesk.users.sign_in, migration 0014): wrong PINs
    # in a row, no PIN checked before pin_wait_until, locked until a manager unlocks.
    failed_pins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    pin_wait_until: Mapped[datetime | None] = mapped_column(DateTime)
    locked_at: Mapped[datetime | None] = mapped_column(DateTime)


class PinGuess(Base):
    """Wrong PINs typed for a name that is no user's, held back like a
    user's (so a name tells nothing by how it is refused)."""

    __tablename__ = "pin_guesses"
    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    failed_pins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    pin_wait_until: Mapped[datetime | None] = mapped_column(DateTime)
    locked_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_at: Mapped[datetime | None] = mapped_column(DateTime)


class Technician(Base):
    """Technicians appear as names that tickets and visits are assigned to."""

    __tablename__ = "technicians"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(40), index=True)  # E.164
    phone_display: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    area: Mapped[str] = mapped_column(String(80), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    products: Mapped[list[Product]] = relationship(back_populates="customer")


class CustomerKey(Base):
    """Search keys for find-as-you-type: phone digits (forward and reversed),
    the normalised name and each of its words.  One b-tree index answers
    every prefix search, Chinese 2-character names included."""

    __tablename__ = "customer_keys"
    key: Mapped[str] = mapped_column(BinaryText, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Product(Base):
    """A customer's product: what a ticket is about."""

    __tablename__ = "products"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    category: Mapped[str] = mapped_column(String(40))
    brand: Mapped[str] = mapped_column(String(80), default="")
    model: Mapped[str] = mapped_column(String(120), default="")
    # byte-wise on PostgreSQL too, so a serial prefix is an index range (0018)
    serial: Mapped[str] = mapped_column(String(120).with_variant(String(120, collation="C"), "postgresql"),
                                        default="", index=True)
    purchase_date: Mapped[date | None] = mapped_column(Date)
    invoice_shown: Mapped[bool] = mapped_column(Boolean, default=False)
    invoice_no: Mapped[str] = mapped_column(String(80), default="")
    card_shown: Mapped[bool] = mapped_column(Boolean, default=False)
    card_stamp_date: Mapped[date | None] = mapped_column(Date)
    card_edition: Mapped[str] = mapped_column(String(80), default="")
    card_whole_unit_months: Mapped[int | None] = mapped_column(Integer)
    card_component_months: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    factory_date: Mapped[date | None] = mapped_column(Date)
    installed_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    customer: Mapped[Customer] = relationship(back_populates="products")


class NumberSequence(Base):
    """Per-year counters (ticket numbers, later receipt numbers).  The row is
    updated in the issuing transaction, which locks it: two counters cannot
    draw the same number."""

    __tablename__ = "number_sequences"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Ticket(Base):
    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(primary_key=True)
    # byte-wise on PostgreSQL too, so a number prefix is an index range (0018)
    number: Mapped[str] = mapped_column(String(40).with_variant(String(40, collation="C"), "postgresql"), unique=True)
    channel: Mapped[str] = mapped_column(String(20))  # walk_in | phone
    kind: Mapped[str] = mapped_column(String(20))  # repair | installation | consultation | inquiry | complaint
    state: Mapped[str] = mapped_column(String(20), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), index=True)
    fault: Mapped[str] = mapped_column(Text, default="")
    request: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(Text, default="")
    area: Mapped[str] = mapped_column(String(80), default="")
    accessories: Mapped[list[str]] = mapped_column(JSON, default=list)
    condition: Mapped[list[str]] = mapped_column(JSON, default=list)
    condition_note: Mapped[str] = mapped_column(Text, default="")
    passcode_given: Mapped[bool] = mapped_column(Boolean, default=False)
    performance_fault: Mapped[bool] = mapped_column(Boolean, default=True)
    misuse_resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    to_verify: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    verify_fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    verify_override_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    warranty_status: Mapped[str] = mapped_column(String(20), default="unknown")
    warranty_exclusion: Mapped[str | None] = mapped_column(String(40))
    repair_days: Mapped[int] = mapped_column(Integer, default=0)
    prior_repairs_same_fault: Mapped[int] = mapped_column(Integer, default=0)
    repeat_of_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("technicians.id"), index=True)
    technician_uncertain: Mapped[bool] = mapped_column(Boolean, default=False)
    intake_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    respond_by: Mapped[datetime | None] = mapped_column(DateTime)
    responded_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The fault as the shop classifies it (intake/repairs.py): picked at intake
    # or by the repair record; the 三包 count compares it.
    fault_category: Mapped[str] = mapped_column(String(60), default="")
    # the maker's service order number when the maker dispatched the job (its claim names it)
    maker_order_no: Mapped[str] = mapped_column(String(60), default="", server_default="", index=True)
    # The earlier tickets the 三包 "repaired twice" advice counted (ids).
    prior_repair_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    ready_at: Mapped[datetime | None] = mapped_column(DateTime)
    picked_up_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)  # the figures (0017)
    picked_up_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    customer: Mapped[Customer] = relationship()
    product: Mapped[Product | None] = relationship()
    technician: Mapped[Technician | None] = relationship()
    events: Mapped[list[TicketEvent]] = relationship(
        back_populates="ticket", order_by="TicketEvent.id"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_tickets_state_intake", "state", "intake_at"),
        Index("ix_tickets_state_closed", "state", "closed_at"),  # the day's closed tickets (0009)
        Index("ix_tickets_product_state_closed", "product_id", "state", "closed_at"),  # a product's repairs (0009)
        Index("ix_tickets_channel_kind_responded", "channel", "kind", "responded_at"),
        Index("ix_tickets_state_ready", "state", "ready_at"),  # products waiting for pick-up (0010)
        Index("ix_tickets_channel_kind_respond_by", "channel", "kind", "respond_by"),  # answers due (0017)
    )


class RepairRecord(Base):
    """What the technician found and did (docs/rules.md#the-repair-record):
    one per ticket, written when the work is done."""

    __tablename__ = "repair_records"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), unique=True)
    fault_category: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(30))  # replaced_part | adjusted | cleaned | software | no_fault | cannot_repair
    level: Mapped[str] = mapped_column(String(20), default="", server_default="")  # minor | medium | major: a claim's labour
    note: Mapped[str] = mapped_column(Text, default="")
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("technicians.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # the figures (0017)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))

    parts: Mapped[list[RepairPart]] = relationship(order_by="RepairPart.position", cascade="all, delete-orphan")


class RepairPart(Base):
    """A part replaced in a repair: its number, and the serials of the new
    part and of the old one (the maker may want the old one back)."""

    __tablename__ = "repair_parts"
    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("repair_records.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    part_no: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(String(200), default="")
    new_serial: Mapped[str] = mapped_column(String(120), default="")
    old_serial: Mapped[str] = mapped_column(String(120), default="")


class TicketEvent(Base):
    """The ticket's timeline: every state move, note and fact change."""

    __tablename__ = "ticket_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(30))
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    # What ``text`` says as a message id and its values, read in the reader's
    # language (frontdesk.i18n.Message); ``text`` keeps the English words
    # (for search, export and the rows written before it).
    message: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    ticket: Mapped[Ticket] = relationship(back_populates="events")
    user: Mapped[User | None] = relationship()


class Visit(Base):
    __tablename__ = "visits"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    window_start: Mapped[time] = mapped_column(Time)
    window_end: Mapped[time] = mapped_column(Time)
    address: Mapped[str] = mapped_column(Text, default="")
    area: Mapped[str] = mapped_column(String(80), default="")
    distance_km: Mapped[Decimal | None] = mapped_column(Numeric(8, 1))
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("technicians.id"))
    state: Mapped[str] = mapped_column(String(20), default="booked")  # booked | done | cancelled
    created_at: Mapped[datetime] = mapped_column(DateTime)
    ticket: Mapped[Ticket] = relationship()
    technician: Mapped[Technician | None] = relationship()


class Complaint(Base):
    __tablename__ = "complaints"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    what_happened: Mapped[str] = mapped_column(Text)
    promised_answer_at: Mapped[datetime] = mapped_column(DateTime)
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    opened_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    resolution: Mapped[str] = mapped_column(Text, default="")
    ticket: Mapped[Ticket | None] = relationship()
    customer: Mapped[Customer] = relationship()
    handler: Mapped[User | None] = relationship(foreign_keys=[handler_id])


class AuditRecord(Base):
    """Append-only: triggers refuse UPDATE and DELETE (see the migration)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(60), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The hash chain (migration 0013, :mod:`frontdesk.audit`): the hash of the
    # record before (64 zeros for the first) and this record's own hash.
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class AuditChain(Base):
    """The head of the audit chain: one row (id 1), the last record chained
    and its hash.  Locked (PostgreSQL: FOR UPDATE) by every append, so two
    transactions never chain onto the same record."""

    __tablename__ = "audit_chain"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    head_id: Mapped[int] = mapped_column(default=0)
    head_hash: Mapped[str] = mapped_column(String(64))


class WithdrawnNumber(Base):
    """A receipt number a restore took back: issued in the database the
    restore replaced, absent from the backup put in its place (migration
    ``0015_withdrawn_numbers``; written by :func:`frontdesk.backup.restore`).
    The day close and the head-office workbook show it as explained, and
    the numbering was raised past it: it is never issued again."""

    __tablename__ = "withdrawn_numbers"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime | None] = mapped_column(DateTime)
    counter: Mapped[str] = mapped_column(String(40), server_default="")
    ticket_number: Mapped[str] = mapped_column(String(40), server_default="")
    amount: Mapped[Decimal | None] = mapped_column(Money)
    withdrawn_at: Mapped[datetime] = mapped_column(DateTime)
    restored_from: Mapped[str] = mapped_column(Text, server_default="")

    __table_args__ = (Index("ix_withdrawn_numbers_year_seq", "year", "seq"),)


__all__ = [
    "Base", "Setting", "User", "PinGuess", "Technician", "Customer", "CustomerKey", "Product",
    "NumberSequence", "Ticket", "TicketEvent", "Visit", "Complaint", "AuditRecord", "AuditChain", "WithdrawnNumber",
]
