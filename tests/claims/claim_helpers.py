"""Helpers for the claims tests (imported as tests.claims.claim_helpers): a
maker with its brands and a standard made straight with the ORM (the makers'
management is another part), and an in-warranty refrigerator repaired."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from frontdesk.claims.models import Maker, MakerBrand, MakerStandard, MakerStandardLine
from frontdesk.claims.standards import brand_key
from frontdesk.db.engine import Database
from frontdesk.db.models import Visit
from frontdesk.intake import faults, repairs, states
from frontdesk.intake import service as intake
from frontdesk.intake.repairs import PartReplaced, RepairResult
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, fridge_form

D = Decimal
# Friday 2026-11-27: three working days later is Wednesday 2026-12-02.
FRIDAY = datetime(2026, 11, 27, 15, 0)
PARTS = (PartReplaced("BX-THERM", "温控器", "NEW-001", "OLD-001"), PartReplaced("BX-FAN-01", "风扇", "NEW-002", "OLD-002"))


def add_maker(db: Database, code: str = "HAIER", name: str = "Haier", brands: Sequence[str] = ("Haier", "Casarte"),
              at: datetime = NOW) -> int:
    with db.write() as s:
        maker = Maker(code=code, name=name, active=True, settlement_columns={}, created_at=at,
                      brands=[MakerBrand(brand=b, key=brand_key(b)) for b in brands])
        s.add(maker)
        s.flush()
        return maker.id


def L(kind: str, amount: str, *, category: str = "*", level: str = "", km: tuple[str | None, str | None] | None = None,
      part_no: str = "", back: bool = False, text: str = "") -> MakerStandardLine:
    """A standard line (its position set by :func:`add_standard`)."""
    km_from, km_to = km or (None, None)
    return MakerStandardLine(position=0, kind=kind, category=category, level=level,
                             km_from=None if km_from is None else D(km_from), km_to=None if km_to is None else D(km_to),
                             part_no=part_no, amount=D(amount), return_part=back, description=text or kind)


def standard_lines(medium: str = "120.00") -> list[MakerStandardLine]:
    """The worked standard: refrigerator medium labour ``medium`` (any category's 90.00), distance bands of
    10 / 25 / 40, the thermostat 10.00 (wanted back), any BX- part 8.00, any B part 5.00."""
    return [
        L("labour", "60.00", category="refrigerator", level="minor"),
        L("labour", "90.00", category="*", level="medium", text="通用中修"),
        L("labour", medium, category="refrigerator", level="medium", text="冰箱中修"),
        L("distance", "10.00", km=("0", "10"), text="0-10 km"),
        L("distance", "25.00", km=("10", "30"), text="10-30 km"),
        L("distance", "40.00", km=("30", None), text="30 km+"),
        L("part_handling", "5.00", part_no="B*"),
        L("part_handling", "8.00", part_no="BX-*"),
        L("part_handling", "10.00", part_no="BX-THERM", back=True),
    ]


def add_standard(db: Database, manager: Actor, maker_id: int, effective_from: date = date(2026, 1, 1),
                 lines: Sequence[MakerStandardLine] | None = None, claim_days: int = 3, return_days: int = 10,
                 appeal_days: int = 5, name: str = "2026") -> int:
    with db.write() as s:
        chosen = list(lines if lines is not None else standard_lines())
        for n, line in enumerate(chosen):
            line.position = n
        standard = MakerStandard(maker_id=maker_id, name=name, effective_from=effective_from, claim_days=claim_days,
                                 return_days=return_days, appeal_days=appeal_days, note="", created_at=NOW,
                                 created_by_id=manager.id, lines=chosen)
        s.add(standard)
        s.flush()
        return standard.id


def warranty_ticket(db: Database, clerk: Actor, km: str | None = "18.0", at: datetime = NOW,
                    **changes: object) -> int:
    """A refrigerator bought 2026-06-01 (in warranty), its visit of ``km`` done, in repair."""
    form = fridge_form(**{"purchase_date": date(2026, 6, 1), **changes})
    with db.write() as s:
        result = intake.take_intake(s, clerk, form, now=at)
        if km is not None:
            s.add(Visit(ticket_id=result.ticket_id, day=at.date(), window_start=at.time(), window_end=at.time(),
                        distance_km=D(km), state="done", created_at=at))
        intake.move(s, clerk, result.ticket_id, states.DIAGNOSING, now=at)
        intake.move(s, clerk, result.ticket_id, states.IN_REPAIR, now=at)
        return result.ticket_id


def repair(db: Database, clerk: Actor, ticket_id: int, at: datetime = FRIDAY, level: str = "medium",
           parts: Sequence[PartReplaced] = PARTS, action: str = faults.REPLACED_PART) -> None:
    with db.write() as s:
        repairs.record_repair(s, clerk, ticket_id, RepairResult("no_cooling", action, "", tuple(parts), level=level),
                              now=at)
