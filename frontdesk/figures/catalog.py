"""The service figures declared once (docs/rules.md#service-figures): each
figure's stable key, its title, its unit, which way is better and the
breakdowns it is given in.  The computation (:mod:`frontdesk.figures.service`),
the command line, the head-office workbook and the Figures screen all read
this table, so a figure is named and ranked the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.i18n import N_, _
from frontdesk.intake.service import CHANNELS
from frontdesk.intake.warranty import REPEAT_REPAIR_DAYS, category_label

# units
DAYS = "days"  # calendar days, two decimals
PERCENT = "percent"  # one decimal
MONEY = "money"  # the shop's currency, to the cent
COUNT = "count"

# which way is better (consolidation ranks the shops by it); None: no better way
HIGHER, LOWER = "higher", "lower"

# breakdowns: the groups a figure is also given in ("all": one group, "")
ALL, CATEGORY, TECHNICIAN, CHANNEL, AGE = "all", "category", "technician", "channel", "age"
BREAKDOWNS: dict[str, str] = {
    ALL: N_("All"),
    CATEGORY: N_("Category"),
    TECHNICIAN: N_("Technician"),
    CHANNEL: N_("Channel"),
    AGE: N_("Days waiting"),
}

# products waiting for pick-up, by days waiting on the day counted: (key, first day, last day or None)
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (("0-7", 0, 7), ("8-30", 8, 30), ("31-90", 31, 90),
                                                      ("91+", 91, None))
REPEAT_DAYS_SHORT = REPEAT_REPAIR_DAYS  # 30: the same window as the repeat-repair flag (docs/rules.md#repeat-repairs)
REPEAT_DAYS_LONG = 90


@dataclass(frozen=True)
class Figure:
    key: str
    title: str  # N_() marked; translated when shown
    unit: str
    better: str | None
    breakdowns: tuple[str, ...]

    def label(self) -> str:
        return _(self.title)


_TURNAROUND = (ALL, CATEGORY, TECHNICIAN, CHANNEL)
_FIX = (ALL, CATEGORY, TECHNICIAN)

FIGURES: dict[str, Figure] = {f.key: f for f in (
    Figure("turnaround_repaired_median", N_("Intake to repaired, median"), DAYS, LOWER, _TURNAROUND),
    Figure("turnaround_repaired_p90", N_("Intake to repaired, 90th percentile"), DAYS, LOWER, _TURNAROUND),
    Figure("turnaround_pickup_median", N_("Intake to picked up, median"), DAYS, LOWER, _TURNAROUND),
    Figure("turnaround_pickup_p90", N_("Intake to picked up, 90th percentile"), DAYS, LOWER, _TURNAROUND),
    Figure("response_on_time", N_("Phone requests answered within one working day"), PERCENT, HIGHER,
           (ALL, CATEGORY)),
    Figure("response_late", N_("Phone requests answered late or not at all"), COUNT, LOWER, (ALL, CATEGORY)),
    Figure("first_time_fix", N_("Fixed the first time (not back within 30 days)"), PERCENT, HIGHER, _FIX),
    Figure("repeat_30", N_("Back for the same fault within 30 days"), PERCENT, LOWER, _FIX),
    Figure("repeat_90", N_("Back for the same fault within 90 days"), PERCENT, LOWER, _FIX),
    Figure("quote_acceptance", N_("Quotes accepted"), PERCENT, HIGHER, (ALL, CATEGORY, CHANNEL)),
    Figure("average_bill", N_("Average bill"), MONEY, None, (ALL, CATEGORY, CHANNEL)),
    Figure("satisfaction", N_("Customers satisfied (feedback cards)"), PERCENT, HIGHER, (ALL, TECHNICIAN)),
    Figure("waiting_pickup", N_("Products waiting for pick-up"), COUNT, LOWER, (ALL, AGE)),
    Figure("loaners_overdue", N_("Loaners overdue"), COUNT, LOWER, (ALL,)),
    Figure("claims_outstanding", N_("Claims not yet answered by the maker"), COUNT, LOWER, (ALL,)),
    Figure("claims_paid_short", N_("Claims paid short"), PERCENT, LOWER, (ALL,)),
    Figure("claims_short_amount", N_("Short on claims paid short"), MONEY, LOWER, (ALL,)),
)}
HEADLINE = "turnaround_repaired_median"  # the figure consolidation charts shop by shop


def figure(key: str) -> Figure:
    return FIGURES[key]


def group_title(breakdown: str, group: str) -> str:
    """A group as people read it: a category or channel by its name, a
    technician by theirs, a band of days as it is; "All" for the whole."""
    if breakdown == ALL:
        return _("All")
    if not group:
        return {TECHNICIAN: _("(no technician)"), CATEGORY: _("(no product)")}.get(breakdown, "-")
    if breakdown == CATEGORY:
        return category_label(group)
    if breakdown == CHANNEL:
        return _(CHANNELS[group]) if group in CHANNELS else group
    return group


__all__ = ["AGE", "AGE_BANDS", "ALL", "BREAKDOWNS", "CATEGORY", "CHANNEL", "COUNT", "DAYS", "FIGURES", "Figure",
           "HEADLINE", "HIGHER", "LOWER", "MONEY", "PERCENT", "REPEAT_DAYS_LONG", "REPEAT_DAYS_SHORT", "TECHNICIAN",
           "figure", "group_title"]
