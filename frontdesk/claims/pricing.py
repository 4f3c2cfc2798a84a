"""What a claim asks of its maker: a repair priced by the maker's settlement
standard (docs/rules.md#a-claim-for-every-in-warranty-repair).

Pure: no database, no Qt.  The standard is anything with ``lines`` shaped
like :class:`frontdesk.claims.models.MakerStandardLine` (kind, category,
level, km_from, km_to, part_no, amount, return_part, description), taken in
their order (``position``): of two lines for the same thing the first wins.

* **labour**: the line for (category, level), else the line for
  ('*', level): an exact category always beats '*'.  No level, or no line
  for it: no labour line, and the price says why (``notes``).
* **distance**: the band with ``km_from < distance <= km_to`` (an empty end
  is open); no distance (a repair at the counter): no line.
* **part_handling**, once per replaced part: the line of its exact part
  number, else the line of the longest prefix (``BX-*``), else none.  The
  matched line's ``return_part`` says the maker wants the old part back.

Money is exact: every amount a Decimal with two places, the total their sum.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from frontdesk.money import ZERO, to_money

LABOUR = "labour"
DISTANCE = "distance"
PART_HANDLING = "part_handling"
KINDS = (LABOUR, DISTANCE, PART_HANDLING)
ANY_CATEGORY = "*"
LEVELS = ("minor", "medium", "major")

# Why a price has no labour line (kept on the claim, shown on the list).
LEVEL_MISSING = "level_missing"
NO_LABOUR_LINE = "no_labour_line"


class StandardLine(Protocol):
    kind: str
    category: str
    level: str
    km_from: Decimal | None
    km_to: Decimal | None
    part_no: str
    amount: Decimal
    return_part: bool
    description: str


@dataclass(frozen=True)
class PricedLine:
    kind: str
    description: str
    amount: Decimal
    part_no: str = ""  # part_handling: the replaced part it is for

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "description": self.description, "amount": str(self.amount),
                "part_no": self.part_no}


@dataclass(frozen=True)
class PartPrice:
    """One replaced part as the standard sees it: its handling (None when
    no line matches) and whether the maker wants the old part back."""

    part_no: str
    amount: Decimal | None
    must_return: bool


@dataclass(frozen=True)
class ClaimPrice:
    lines: tuple[PricedLine, ...]
    total: Decimal
    parts: tuple[PartPrice, ...]  # in the order given
    notes: tuple[str, ...] = ()  # LEVEL_MISSING or NO_LABOUR_LINE


def _part_key(part_no: str) -> str:
    return (part_no or "").strip().upper()


def _labour(lines: Sequence[StandardLine], category: str, level: str) -> StandardLine | None:
    for wanted in (category, ANY_CATEGORY):
        for line in lines:
            if line.kind == LABOUR and line.category == wanted and line.level == level:
                return line
    return None


def _band(lines: Sequence[StandardLine], km: Decimal) -> StandardLine | None:
    for line in lines:
        if line.kind == DISTANCE and (line.km_from is None or line.km_from < km) \
                and (line.km_to is None or km <= line.km_to):
            return line
    return None


def _handling(lines: Sequence[StandardLine], part_no: str) -> StandardLine | None:
    key = _part_key(part_no)
    best: StandardLine | None = None
    best_len = -1
    for line in lines:
        if line.kind != PART_HANDLING:
            continue
        pattern = _part_key(line.part_no)
        if pattern == key and not pattern.endswith("*"):
            return line
        if pattern.endswith("*") and key.startswith(pattern[:-1]) and len(pattern) - 1 > best_len:
            best, best_len = line, len(pattern) - 1
    return best


def price_claim(standard: Any, category: str, level: str, distance_km: Decimal | None,
                parts: Iterable[str]) -> ClaimPrice:
    """The claim of a repair of a ``category`` product at ``level``, a visit
    of ``distance_km`` (None: none) and the replaced ``parts`` (their part
    numbers), priced by ``standard``."""
    lines: list[StandardLine] = list(standard.lines)
    priced: list[PricedLine] = []
    notes: list[str] = []
    if not level:
        notes.append(LEVEL_MISSING)
    else:
        labour = _labour(lines, category, level)
        if labour is None:
            notes.append(NO_LABOUR_LINE)
        else:
            priced.append(PricedLine(LABOUR, labour.description, to_money(labour.amount)))
    if distance_km is not None:
        band = _band(lines, Decimal(distance_km))
        if band is not None:
            priced.append(PricedLine(DISTANCE, band.description, to_money(band.amount)))
    part_prices: list[PartPrice] = []
    for part_no in parts:
        line = _handling(lines, part_no)
        if line is None:
            part_prices.append(PartPrice(part_no, None, False))
            continue
        amount = to_money(line.amount)
        priced.append(PricedLine(PART_HANDLING, line.description, amount, part_no))
        part_prices.append(PartPrice(part_no, amount, bool(line.return_part)))
    total = sum((p.amount for p in priced), ZERO)
    return ClaimPrice(tuple(priced), total, tuple(part_prices), tuple(notes))


__all__ = ["ANY_CATEGORY", "DISTANCE", "KINDS", "LABOUR", "LEVELS", "LEVEL_MISSING", "NO_LABOUR_LINE",
           "PART_HANDLING", "ClaimPrice", "PartPrice", "PricedLine", "StandardLine", "price_claim"]
