"""Card supervision and satisfaction figures for the manager.

Supervision cards exist to catch made-up ratings: every card handed to a
technician should come back, a "satisfied" card must carry the customer's
signature, and patterns no real set of customers produces are flagged.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.db.models import Product, Technician, Ticket
from frontdesk.followup.models import FeedbackCard
from frontdesk.followup.service import NOT_SATISFIED, SATISFIED, card_satisfied
from frontdesk.i18n import N_, _
from frontdesk.intake.warranty import category_label

MISSING_AFTER_DAYS = 7
PATTERN_MIN_CARDS = 5

FLAG_MISSING = "missing"
FLAG_UNSIGNED = "satisfied_unsigned"
FLAG_SAME_DAY = "all_returned_same_day"
FLAG_TOP_MARKS = "all_top_marks"
FLAGS = {
    FLAG_MISSING: N_("Card not returned"),
    FLAG_UNSIGNED: N_("\"Satisfied\" without the customer's signature"),
    FLAG_SAME_DAY: N_("Every card came back the day it was handed out"),
    FLAG_TOP_MARKS: N_("Every card has top marks"),
}


@dataclass
class TechnicianSupervision:
    technician_id: int | None
    technician: str
    issued: int = 0
    returned: int = 0
    missing: int = 0
    satisfied_unsigned: int = 0
    flags: list[str] = field(default_factory=list)
    flagged_cards: list[tuple[str, str]] = field(default_factory=list)  # (serial, flag)

    @property
    def flag_labels(self) -> list[str]:
        return [_(FLAGS[f]) for f in self.flags]


def supervision(session: Session, date_from: date, date_to: date, today: date,
                missing_after_days: int = MISSING_AFTER_DAYS) -> list[TechnicianSupervision]:
    """Cards issued from ``date_from`` to ``date_to`` (inclusive), per technician."""
    rows = session.execute(
        select(FeedbackCard.serial, FeedbackCard.technician_id, Technician.name, FeedbackCard.issued_on,
               FeedbackCard.returned_on, FeedbackCard.quality, FeedbackCard.attitude, FeedbackCard.signed)
        .outerjoin(Technician, Technician.id == FeedbackCard.technician_id)
        .where(FeedbackCard.issued_on >= date_from, FeedbackCard.issued_on <= date_to)
        .order_by(Technician.name, FeedbackCard.serial)
    ).all()
    by_tech: dict[int | None, TechnicianSupervision] = {}
    returned_cards: dict[int | None, list[tuple[date, date, int | None, int | None]]] = defaultdict(list)
    for serial, tech_id, tech_name, issued_on, returned_on, quality, attitude, signed in rows:
        sup = by_tech.setdefault(tech_id, TechnicianSupervision(tech_id, tech_name or _("(no technician)")))
        sup.issued += 1
        if returned_on is None:
            if (today - issued_on).days >= missing_after_days:
                sup.missing += 1
                sup.flagged_cards.append((serial, FLAG_MISSING))
            continue
        sup.returned += 1
        returned_cards[tech_id].append((issued_on, returned_on, quality, attitude))
        if card_satisfied(quality, attitude) and not signed:
            sup.satisfied_unsigned += 1
            sup.flagged_cards.append((serial, FLAG_UNSIGNED))
    for tech_id, sup in by_tech.items():
        if sup.missing:
            sup.flags.append(FLAG_MISSING)
        if sup.satisfied_unsigned:
            sup.flags.append(FLAG_UNSIGNED)
        cards = returned_cards.get(tech_id, [])
        if len(cards) >= PATTERN_MIN_CARDS:
            if all(issued == back for issued, back, _q, _a in cards):
                sup.flags.append(FLAG_SAME_DAY)
            if all(q == SATISFIED and a == SATISFIED for _i, _b, q, a in cards):
                sup.flags.append(FLAG_TOP_MARKS)
    return sorted(by_tech.values(), key=lambda s: s.technician)


@dataclass(frozen=True)
class SatisfactionRow:
    period: str
    group: str
    returned: int
    satisfied: int

    @property
    def share(self) -> Decimal:
        """Satisfied share in percent, one decimal."""
        if not self.returned:
            return Decimal("0.0")
        return (Decimal(self.satisfied) * 100 / Decimal(self.returned)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def period_key(day: date, by: str) -> str:
    if by == "week":
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return f"{day.year}-{day.month:02d}"


def satisfaction(session: Session, date_from: date, date_to: date, *, group_by: str = "technician",
                 period: str = "month") -> list[SatisfactionRow]:
    """Share of returned cards rated satisfied, by period and technician or
    product category (cards counted on the day they came back)."""
    rows = session.execute(
        select(FeedbackCard.returned_on, FeedbackCard.quality, FeedbackCard.attitude, Technician.name, Product.category)
        .join(Ticket, Ticket.id == FeedbackCard.ticket_id)
        .outerjoin(Product, Product.id == Ticket.product_id)
        .outerjoin(Technician, Technician.id == FeedbackCard.technician_id)
        .where(FeedbackCard.returned_on >= date_from, FeedbackCard.returned_on <= date_to)
    ).all()
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for returned_on, quality, attitude, tech, category in rows:
        assert returned_on is not None  # the query keeps returned cards only
        if group_by == "category":
            group = category_label(category) if category else _("(no product)")
        elif group_by == "all":
            group = _("All")
        else:
            group = tech or _("(no technician)")
        bucket = counts[(period_key(returned_on, period), group)]
        bucket[0] += 1
        if card_satisfied(quality, attitude):
            bucket[1] += 1
    return [SatisfactionRow(p, g, c[0], c[1]) for (p, g), c in sorted(counts.items())]


__all__ = ["supervision", "satisfaction", "SatisfactionRow", "TechnicianSupervision", "FLAGS", "NOT_SATISFIED"]
