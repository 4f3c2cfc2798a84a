"""A maker's monthly statement (docs/rules.md#the-monthly-statement): the
claims of the repairs done in the month for that maker, each as it stands,
and what they come to: claimed, paid, short, rejected, appealed, and the
month's deductions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.claims import service
from frontdesk.claims.models import Claim, ClaimDeduction
from frontdesk.claims.standards import find_maker
from frontdesk.db.models import Ticket
from frontdesk.money import ZERO


@dataclass(frozen=True)
class StatementRow:
    number: str
    ticket_number: str
    repaired_on: date
    state: str
    maker_claim_no: str
    claimed: Decimal
    paid: Decimal | None
    short: Decimal  # claimed - paid once the maker paid part of it; 0 otherwise
    reason: str


@dataclass(frozen=True)
class Statement:
    maker_code: str
    maker_name: str
    month: date  # its first day
    rows: tuple[StatementRow, ...]
    deductions: tuple[tuple[str, Decimal, str], ...]  # (claim number or "", amount, reason)

    @property
    def claimed(self) -> Decimal:
        return sum((r.claimed for r in self.rows), ZERO)

    @property
    def paid(self) -> Decimal:
        return sum((r.paid or ZERO for r in self.rows), ZERO)

    @property
    def short(self) -> Decimal:
        return sum((r.short for r in self.rows), ZERO)

    @property
    def rejected(self) -> Decimal:
        return sum((r.claimed for r in self.rows if r.state == service.REJECTED), ZERO)

    @property
    def appealed(self) -> int:
        return sum(1 for r in self.rows if r.state == service.APPEALED)

    @property
    def deducted(self) -> Decimal:
        return sum((amount for _n, amount, _r in self.deductions), ZERO)

    @property
    def received(self) -> Decimal:
        """What the maker pays for the month: paid less deducted."""
        return self.paid - self.deducted


def next_month(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


def monthly_statement(session: Session, maker_code: str, month: date) -> Statement:
    """The statement of ``maker_code`` for the month of ``month``."""
    maker = find_maker(session, maker_code)
    first = month.replace(day=1)
    rows = []
    for claim, ticket_number in session.execute(
            select(Claim, Ticket.number).join(Ticket, Ticket.id == Claim.ticket_id)
            .where(Claim.maker_id == maker.id, Claim.repaired_on >= first, Claim.repaired_on < next_month(first))
            .order_by(Claim.repaired_on, Claim.number)):
        paid = claim.amount_paid
        short = claim.amount_claimed - paid if paid is not None and claim.state == service.PAID_SHORT else ZERO
        rows.append(StatementRow(claim.number, ticket_number, claim.repaired_on, claim.state, claim.maker_claim_no,
                                 claim.amount_claimed, paid, short, claim.result_reason))
    deductions = tuple(
        (number or "", amount, reason) for amount, reason, number in session.execute(
            select(ClaimDeduction.amount, ClaimDeduction.reason, Claim.number)
            .outerjoin(Claim, Claim.id == ClaimDeduction.claim_id)
            .where(ClaimDeduction.maker_id == maker.id, ClaimDeduction.month == first)
            .order_by(ClaimDeduction.id)))
    return Statement(maker.code, maker.name, first, tuple(rows), deductions)


__all__ = ["Statement", "StatementRow", "monthly_statement", "next_month"]
