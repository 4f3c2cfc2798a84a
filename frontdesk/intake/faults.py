"""Fault categories, repair actions, and the count of earlier repairs that
the 三包 advice and the repeat-repair flag read
(docs/rules.md#the-repair-record, docs/rules.md#repeat-repairs).

A fault category is a key from the shop's list for the product's category:
the defaults below, plus those a manager adds in the settings
(``extra_fault_categories``: the shop's own words, kept as typed).  The
repair record names one; so can the clerk at intake, which lets the advice
count earlier repairs of the same fault at once.

What counts as an earlier repair of the same fault: a repair record on the
same product, of the same fault category, whose action was a real repair
(a part replaced, an adjustment, a cleaning, software): "no fault found" and
"cannot be repaired" fixed nothing and so never count.  The product is back
for that fault, so none of them fixed it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk import settings
from frontdesk.db.models import RepairRecord, Ticket
from frontdesk.i18n import N_, Message, _
from frontdesk.intake.warranty import REPEAT_REPAIR_DAYS, category_key, category_label

REPLACED_PART = "replaced_part"
ADJUSTED = "adjusted"
CLEANED = "cleaned"
SOFTWARE = "software"
NO_FAULT = "no_fault"
CANNOT_REPAIR = "cannot_repair"
ACTIONS: dict[str, str] = {
    REPLACED_PART: N_("Replaced a part"),
    ADJUSTED: N_("Adjusted"),
    CLEANED: N_("Cleaned"),
    SOFTWARE: N_("Software"),
    NO_FAULT: N_("No fault found"),
    CANNOT_REPAIR: N_("Cannot be repaired"),
}
# The actions that are a repair (they count for 三包 and for repeat repairs).
REPAIRS = frozenset({REPLACED_PART, ADJUSTED, CLEANED, SOFTWARE})
# What a ticket still being diagnosed can end with, without any repair.
WITHOUT_REPAIR = frozenset({NO_FAULT, CANNOT_REPAIR})

_FAULTS: dict[str, str] = {
    "no_power": N_("Will not power on"),
    "electrical": N_("Electrical fault"),
    "controls": N_("Controls or display"),
    "noise": N_("Noise or vibration"),
    "leak": N_("Water leak"),
    "no_cooling": N_("Not cooling"),
    "no_heating": N_("Not heating"),
    "ice_maker": N_("Ice maker"),
    "door": N_("Door, seal or light"),
    "no_drain": N_("Does not drain"),
    "no_spin": N_("Does not spin"),
    "no_picture": N_("No picture"),
    "no_sound": N_("No sound"),
    "screen": N_("Screen"),
    "battery": N_("Battery or charging"),
    "signal": N_("Signal or network"),
    "camera": N_("Camera"),
    "software": N_("Software"),
    "keyboard": N_("Keyboard or touchpad"),
    "storage": N_("Storage"),
    "overheating": N_("Overheating"),
    "mechanical": N_("Mechanical fault"),
    "other": N_("Other fault"),
}
_BY_CATEGORY: dict[str, tuple[str, ...]] = {
    "refrigerator": ("no_cooling", "noise", "leak", "ice_maker", "door", "controls", "electrical"),
    "air_conditioner": ("no_cooling", "no_heating", "leak", "noise", "controls", "electrical"),
    "washing_machine": ("no_drain", "no_spin", "leak", "noise", "door", "controls", "electrical"),
    "colour_tv": ("no_picture", "no_sound", "screen", "no_power", "controls"),
    "water_heater": ("no_heating", "leak", "controls", "electrical"),
    "microwave": ("no_heating", "noise", "door", "controls", "electrical"),
    "mobile_phone": ("screen", "battery", "signal", "camera", "software", "no_power"),
    "computer": ("no_power", "screen", "keyboard", "storage", "overheating", "software"),
    "tablet": ("screen", "battery", "software", "no_power"),
}
_DEFAULT = ("electrical", "mechanical", "controls", "noise")


@dataclass(frozen=True)
class FaultCategory:
    key: str
    label: str  # translated, or the shop's own words


def _shop_extra(session: Session | None) -> Mapping[str, list[str]]:
    if session is None:
        return {}
    return settings.get(session, "extra_fault_categories") or {}


def fault_categories(category: str, session: Session | None = None) -> list[FaultCategory]:
    """The fault categories offered for a product category: the defaults,
    those the shop added for it (or for every category: key ``*``), and
    "other fault" last."""
    keys = list(_BY_CATEGORY.get(category, _DEFAULT))
    out = [FaultCategory(k, _(_FAULTS[k])) for k in keys]
    extra = _shop_extra(session)
    for text in [*extra.get(category, []), *extra.get("*", [])]:
        if text not in keys and text not in _FAULTS:
            out.append(FaultCategory(text, text))
            keys.append(text)
    out.append(FaultCategory("other", _(_FAULTS["other"])))
    return out


def is_fault_category(key: str, category: str, session: Session | None = None) -> bool:
    return any(f.key == key for f in fault_categories(category, session))


def fault_label(key: str) -> str:
    """A fault category as people read it (a shop's own category is its text)."""
    if not key:
        return ""
    return _(_FAULTS[key]) if key in _FAULTS else key


def fault_keys() -> tuple[str, ...]:
    """The built-in fault categories' keys (the head-office codes, the checks)."""
    return tuple(_FAULTS)


def action_label(action: str) -> str:
    return _(ACTIONS.get(action, action))


def fault_message(key: str) -> Message | str:
    """:func:`fault_label` kept to be read later, in the reader's language
    (a shop's own category stays its text)."""
    return Message(_FAULTS[key]) if key in _FAULTS else key


def action_message(action: str) -> Message:
    """:func:`action_label` kept to be read later, in the reader's language."""
    return Message(ACTIONS.get(action, action))


@dataclass(frozen=True)
class EarlierRepair:
    ticket_id: int
    number: str
    done_at: datetime


def earlier_repairs(session: Session, product_id: int, fault_category: str,
                    before_ticket_id: int | None = None) -> list[EarlierRepair]:
    """The completed repairs of ``fault_category`` on the product, oldest
    first (those of tickets before ``before_ticket_id`` only, when given).
    No fault category: nothing to compare, so none."""
    if not fault_category:
        return []
    query = (select(Ticket.id, Ticket.number, RepairRecord.recorded_at)
             .join(RepairRecord, RepairRecord.ticket_id == Ticket.id)
             .where(Ticket.product_id == product_id, RepairRecord.fault_category == fault_category,
                    RepairRecord.action.in_(REPAIRS))
             .order_by(RepairRecord.recorded_at, Ticket.id))
    if before_ticket_id is not None:
        query = query.where(Ticket.id < before_ticket_id)
    return [EarlierRepair(tid, number, at) for tid, number, at in session.execute(query)]


def repeat_of(earlier: list[EarlierRepair], intake_at: datetime) -> EarlierRepair | None:
    """The repair this intake repeats: the last one, when it was finished
    within 30 days (inclusive) before the product came back."""
    if not earlier:
        return None
    last = earlier[-1]
    gap = intake_at.date() - last.done_at.date()
    return last if timedelta(0) <= gap <= timedelta(days=REPEAT_REPAIR_DAYS) else None


def count_for(session: Session, ticket: Ticket) -> list[EarlierRepair]:
    """Set the ticket's count of earlier repairs of its fault (and the repair
    it repeats) from its product's records; returns what was counted."""
    if ticket.product_id is None:
        return []
    earlier = earlier_repairs(session, ticket.product_id, ticket.fault_category, before_ticket_id=ticket.id)
    ticket.prior_repairs_same_fault = len(earlier)
    ticket.prior_repair_ids = [e.ticket_id for e in earlier]
    again = repeat_of(earlier, ticket.intake_at)
    ticket.repeat_of_id = again.ticket_id if again else None
    return earlier


ALL_CATEGORIES = "*"


def extra_as_text(extra: Mapping[str, list[str]]) -> str:
    """The shop's added fault categories as one line a person edits:
    ``Refrigerator: Smell, Rust; All: Dust`` (product categories by their
    names in the reader's language)."""
    parts = []
    for category, words in extra.items():
        name = _("All") if category == ALL_CATEGORIES else category_label(category)
        parts.append(f"{name}: {', '.join(words)}")
    return "; ".join(parts)


def extra_from_text(text: str) -> dict[str, list[str]]:
    """Read :func:`extra_as_text`'s line back; a product category may be
    named by its name (either language) or its key.  Raises ValueError
    naming a part it cannot read."""
    every = {"*", "all", _("All").lower()}
    out: dict[str, list[str]] = {}
    for part in (p.strip() for p in text.replace("；", ";").split(";")):
        if not part:
            continue
        name, sep, rest = part.replace("：", ":").partition(":")
        found = ALL_CATEGORIES if name.strip().lower() in every else category_key(name)
        if not sep or found is None:
            raise ValueError(part)
        key = found
        words = [w.strip() for w in rest.replace("，", ",").split(",") if w.strip()]
        out.setdefault(key, []).extend(w for w in words if w not in out.get(key, []))
    return out
