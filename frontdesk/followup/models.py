"""Tables of the follow-up part: call-backs and feedback cards."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from frontdesk.db.models import Base, Customer, Technician, Ticket, User


class CallBack(Base):
    """A call the desk owes a customer, due at a time inside calling hours."""

    __tablename__ = "callbacks"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    card_id: Mapped[int | None] = mapped_column(ForeignKey("feedback_cards.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("callbacks.id"))
    reason: Mapped[str] = mapped_column(String(30))
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    due_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    outcome: Mapped[str | None] = mapped_column(String(30))
    called_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="")

    ticket: Mapped[Ticket | None] = relationship()
    customer: Mapped[Customer] = relationship()
    called_by: Mapped[User | None] = relationship()

    __table_args__ = (Index("ix_callbacks_open_due", "done_at", "due_at"),)


class FeedbackCard(Base):
    """A numbered card handed out for a finished ticket, and what came back."""

    __tablename__ = "feedback_cards"
    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(String(40), unique=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("technicians.id"), index=True)
    issued_on: Mapped[date] = mapped_column(Date, index=True)
    issued_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    returned_on: Mapped[date | None] = mapped_column(Date, index=True)
    quality: Mapped[int | None] = mapped_column(Integer)
    attitude: Mapped[int | None] = mapped_column(Integer)
    signed: Mapped[bool | None] = mapped_column(Boolean)
    comment: Mapped[str] = mapped_column(Text, default="")
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    entered_at: Mapped[datetime | None] = mapped_column(DateTime)

    ticket: Mapped[Ticket] = relationship()
    technician: Mapped[Technician | None] = relationship()
