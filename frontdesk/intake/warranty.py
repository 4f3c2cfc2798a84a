"""Warranty (保修) coverage and 三包 advice for a product at the counter.

Pure rules: no Qt, no database.  The intake service gathers the facts, this
module decides, the screen shows the sentences it returns.

Warranty
--------
* **Periods** come per product category from
  ``resources/warranty_periods.json``: one for the whole unit and one for each
  main component (refrigerator 12 months, compressor 36 ...).  Coverage is
  decided **per line**: a refrigerator at 18 months is out for the whole unit
  (labour, other parts) but in for the compressor.  A component period may be
  shorter than the whole unit's (a phone battery: 6 months); it is not lifted
  to the whole unit's period.
* **Start** (``basis``), first that applies:
  ``"invoice"`` the purchase date, when an invoice is shown;
  ``"card_stamp"`` the date on a warranty card with a dealer stamp;
  ``"factory_plus_90"`` phones only: the factory date + 90 days;
  ``"none"`` no start: the status is unknown until proof of purchase is seen.
  A start after ``as_of`` (a mistyped card or factory date) also makes the
  status unknown, with a sentence asking to check the date.
* **Months** of a line = the longer of the statutory months and the months
  the maker's warranty card promises for that line (``source`` says which;
  a tie counts as statute).  The card's whole-unit months apply to the
  whole-unit line only, like the statute's.
* **Last day** = start + months (calendar months; a day missing in the target
  month clamps to its last day, so Jan 31 + 1 month = Feb 28/29) − 1 day
  + ``repair_days`` (days in repair or waiting for parts are added back).
  A last day that is a public holiday of the calendar moves to the next
  working day (across a whole run of holidays and the weekend after it).
* A line is **in warranty** on ``as_of`` iff ``start <= as_of <= last day``.
* An **exclusion** picked by the clerk (misuse, unauthorised disassembly,
  altered or mismatched card, force majeure) puts every line out of warranty;
  its label is the reason printed.
* ``overall``: ``"out"`` with an exclusion; ``"unknown"`` with no start (or a
  start after ``as_of``); else ``"in"`` when every line is in, ``"partial"``
  when some are, ``"out"`` when none is.

三包 advice (the clerk decides, the program advises)
-------------------------------------------------
Days count like the Civil Code: the purchase day itself is not counted, so
``days = (as_of - purchase_date).days`` and the day after purchase is day 1.
First that applies:

1. no purchase date (or one after ``as_of``) -> ``verify_purchase``;
2. in period, performance fault, days <= 7 -> refund, exchange or repair;
3. in period, performance fault, days <= 15 -> exchange or repair;
4. in period and already repaired twice for the same fault
   -> free exchange, or refund less depreciation (wins over free repair);
5. in period -> free repair;
6. otherwise -> paid repair.

The 7- and 15-day rules also need ``in_period``: a unit out of warranty on
day 5 can only be so through an exclusion (misuse ...), which also removes
the 三包 rights.

Also here: a repair that fails again within 30 days (inclusive) of the
previous repair is a repeat repair; software set-up is free within one
calendar month of installation (the same day-of-month a month later
included), charged after three calendar months, and the manager decides in
between.
"""

from __future__ import annotations

import calendar as _calendar
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from frontdesk.errors import ValidationError
from frontdesk.i18n import N_, Message, _, ngettext
from frontdesk.paths import resource
from frontdesk.workcalendar import WorkCalendar, default_calendar

log = logging.getLogger(__name__)

WHOLE_UNIT = "whole_unit"
WHOLE_UNIT_LABEL = N_("Whole unit")

# Start bases.
BASIS_INVOICE = "invoice"
BASIS_CARD_STAMP = "card_stamp"
BASIS_FACTORY_PLUS_90 = "factory_plus_90"
BASIS_NONE = "none"
BASIS_LABELS: dict[str, str] = {
    BASIS_INVOICE: N_("Invoice date"),
    BASIS_CARD_STAMP: N_("Date stamped on the warranty card"),
    BASIS_FACTORY_PLUS_90: N_("Factory date + 90 days"),
    BASIS_NONE: N_("No proof of purchase"),
}
PHONE_FACTORY_GRACE_DAYS = 90

# Line sources.
SOURCE_STATUTE = "statute"
SOURCE_CARD = "card"

# Overall statuses (stored on the ticket as ``warranty_status``).
STATUS_IN = "in"
STATUS_PARTIAL = "partial"
STATUS_OUT = "out"
STATUS_UNKNOWN = "unknown"
STATUS_LABELS: dict[str, str] = {
    STATUS_IN: N_("In warranty"),
    STATUS_PARTIAL: N_("Partly in warranty"),
    STATUS_OUT: N_("Out of warranty"),
    STATUS_UNKNOWN: N_("Warranty unknown"),
}

EXCLUSION_REASONS: dict[str, str] = {
    "misuse": N_("Damage from use against the manual"),
    "unauthorised_disassembly": N_("Disassembled by someone not authorised"),
    "card_mismatch": N_("Warranty card altered or not matching the unit"),
    "force_majeure": N_("Force majeure (fire, flood, lightning...)"),
}

# A warranty card promising more than 20 years is a typing mistake, and the
# bound keeps the date arithmetic far from year 9999.
MAX_CARD_MONTHS = 240

SANBAO_REFUND_DAYS = 7
SANBAO_EXCHANGE_DAYS = 15
SANBAO_REPAIRS_BEFORE_EXCHANGE = 2
SANBAO_OPTION_LABELS: dict[str, str] = {
    "refund": N_("Refund"),
    "exchange": N_("Exchange"),
    "repair": N_("Repair"),
    "free_repair": N_("Free repair"),
    "free_exchange": N_("Free exchange"),
    "refund_less_depreciation": N_("Refund less depreciation"),
    "paid_repair": N_("Paid repair"),
    "verify_purchase": N_("Verify the purchase date"),
}

REPEAT_REPAIR_DAYS = 30

SOFTWARE_FREE = "free"
SOFTWARE_CHARGED = "charged"
SOFTWARE_MANAGER_DECIDES = "manager_decides"
SOFTWARE_FREE_MONTHS = 1
SOFTWARE_CHARGED_AFTER_MONTHS = 3
SOFTWARE_SETUP_LABELS: dict[str, str] = {
    SOFTWARE_FREE: N_("Free software set-up"),
    SOFTWARE_CHARGED: N_("Charged software set-up"),
    SOFTWARE_MANAGER_DECIDES: N_("The manager decides on the software set-up charge"),
}


# -- rules -------------------------------------------------------------------


@dataclass(frozen=True)
class ComponentPeriod:
    key: str
    label: str  # English; translate with _(label)
    months: int


@dataclass(frozen=True)
class CategoryRule:
    key: str
    label: str  # English; translate with _(label)
    whole_unit_months: int
    components: tuple[ComponentPeriod, ...]
    is_phone: bool

    def component(self, key: str) -> ComponentPeriod | None:
        return next((c for c in self.components if c.key == key), None)


def _positive_int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"warranty_periods.json: {where} must be a positive integer, not {value!r}")
    return value


def _parse_rules(data: Mapping[str, Any]) -> dict[str, CategoryRule]:
    rules: dict[str, CategoryRule] = {}
    for key, raw in data["categories"].items():
        components = tuple(
            ComponentPeriod(
                key=ckey,
                label=str(craw["label"]),
                months=_positive_int(craw["months"], f"{key}.{ckey}.months"),
            )
            for ckey, craw in raw.get("components", {}).items()
        )
        if any(c.key == WHOLE_UNIT for c in components):
            raise ValueError(f"warranty_periods.json: {key}: '{WHOLE_UNIT}' is not a component")
        rules[key] = CategoryRule(
            key=key,
            label=str(raw["label"]),
            whole_unit_months=_positive_int(raw["whole_unit_months"], f"{key}.whole_unit_months"),
            components=components,
            is_phone=bool(raw.get("is_phone", False)),
        )
    return rules


@cache
def _load_rules() -> dict[str, CategoryRule]:
    path = resource("warranty_periods.json")
    rules = _parse_rules(json.loads(path.read_text(encoding="utf-8")))
    log.debug("loaded warranty periods for %d categories", len(rules))
    return rules


def load_category_rules() -> dict[str, CategoryRule]:
    """Category key -> rule, in the file's order (the order for pick lists).

    Read once; each call returns a new dict so a caller cannot change the
    cached one."""
    return dict(_load_rules())


def category_label(key: str) -> str:
    """The translated label of a category (the key itself when unknown)."""
    rule = _load_rules().get(key)
    return _(rule.label) if rule else key


def category_key(name: str) -> str | None:
    """The product category a person named: by its key, or its name in
    English or in the reader's language (any case); None when none is."""
    wanted = (name or "").strip().lower()
    for key, rule in _load_rules().items():
        if wanted in (key.lower(), rule.label.strip().lower(), _(rule.label).strip().lower()):
            return key
    return None


def add_months(d: date, months: int) -> date:
    """``d`` plus calendar months; a missing day clamps to the month's end."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    last = _calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


# -- warranty status ---------------------------------------------------------


@dataclass(frozen=True)
class WarrantyFacts:
    category: str
    as_of: date
    purchase_date: date | None = None
    invoice_shown: bool = False
    card_stamp_date: date | None = None
    factory_date: date | None = None
    card_whole_unit_months: int | None = None  # None or 0: the card promises nothing
    card_component_months: Mapping[str, int] = field(default_factory=dict)
    repair_days: int = 0
    exclusion: str | None = None


@dataclass(frozen=True)
class LineCoverage:
    component: str  # WHOLE_UNIT or a component key
    label: str  # translated
    months: int
    source: str  # "statute" | "card"
    last_day: date | None
    in_warranty: bool
    reason: str  # translated sentence(s), ready to show


@dataclass(frozen=True)
class WarrantyStatus:
    start: date | None
    basis: str
    lines: tuple[LineCoverage, ...]
    exclusion: str | None
    as_of: date | None = None

    @property
    def overall(self) -> str:
        if self.exclusion:
            return STATUS_OUT
        if self.start is None or (self.as_of is not None and self.start > self.as_of):
            return STATUS_UNKNOWN
        inside = [line.in_warranty for line in self.lines]
        if inside and all(inside):
            return STATUS_IN
        if any(inside):
            return STATUS_PARTIAL
        return STATUS_OUT

    def line(self, component: str) -> LineCoverage | None:
        """The line for ``component``, falling back to the whole unit."""
        by_key = {ln.component: ln for ln in self.lines}
        return by_key.get(component) or by_key.get(WHOLE_UNIT)

    def covers(self, component: str) -> bool:
        """Whether ``component`` is in warranty; a component without its own
        line is covered by the whole unit's line."""
        found = self.line(component)
        return bool(found and found.in_warranty)

    @property
    def summary(self) -> str:
        overall = self.overall
        if self.exclusion:
            return _("Out of warranty: {reason}.").format(reason=_(EXCLUSION_REASONS[self.exclusion]))
        if overall == STATUS_UNKNOWN:
            if self.start is not None and self.lines:
                return self.lines[0].reason
            return _("Warranty unknown: proof of purchase is needed.")
        whole = self.line(WHOLE_UNIT)
        if overall == STATUS_IN and whole is not None and whole.last_day is not None:
            return _("In warranty: whole unit until {last_day}.").format(last_day=whole.last_day.isoformat())
        sep = _(", ")
        if overall == STATUS_PARTIAL:
            return _("Partly in warranty: {covered} covered; {not_covered} out of warranty.").format(
                covered=sep.join(ln.label for ln in self.lines if ln.in_warranty),
                not_covered=sep.join(ln.label for ln in self.lines if not ln.in_warranty),
            )
        ends = [ln.last_day for ln in self.lines if ln.last_day is not None]
        if ends:
            return _("Out of warranty since {since}.").format(since=(max(ends) + timedelta(days=1)).isoformat())
        return _(STATUS_LABELS[STATUS_OUT])


def _in_sentence(basis: str, last_day: date, months: int) -> str:
    # One whole sentence per basis: translators need the full sentence.
    values = {"last_day": last_day.isoformat(), "months": months}
    if basis == BASIS_INVOICE:
        return _("In warranty until {last_day} ({months} months from the invoice date).").format(**values)
    if basis == BASIS_CARD_STAMP:
        return _(
            "In warranty until {last_day} ({months} months from the date stamped on the warranty card)."
        ).format(**values)
    return _("In warranty until {last_day} ({months} months from the factory date + 90 days).").format(**values)


def _out_sentence(basis: str, last_day: date, months: int) -> str:
    values = {"since": (last_day + timedelta(days=1)).isoformat(), "months": months}
    if basis == BASIS_INVOICE:
        return _("Out of warranty since {since} ({months} months from the invoice date).").format(**values)
    if basis == BASIS_CARD_STAMP:
        return _(
            "Out of warranty since {since} ({months} months from the date stamped on the warranty card)."
        ).format(**values)
    return _("Out of warranty since {since} ({months} months from the factory date + 90 days).").format(**values)


def _start(facts: WarrantyFacts, rule: CategoryRule) -> tuple[date | None, str]:
    if facts.invoice_shown and facts.purchase_date is not None:
        return facts.purchase_date, BASIS_INVOICE
    if facts.card_stamp_date is not None:
        return facts.card_stamp_date, BASIS_CARD_STAMP
    if rule.is_phone and facts.factory_date is not None:
        return facts.factory_date + timedelta(days=PHONE_FACTORY_GRACE_DAYS), BASIS_FACTORY_PLUS_90
    return None, BASIS_NONE


def _card_months(value: Any) -> int | None:
    """The card's promise, ``None`` when there is none; ValueError when bad."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_CARD_MONTHS:
        raise ValueError(value)
    return value or None  # 0 is how a spin box says "nothing written on the card"


def _check_facts(facts: WarrantyFacts, rules: Mapping[str, CategoryRule]) -> dict[str, int | None]:
    """Refuse facts that cannot be judged, naming every bad field at once.

    Returns the card's promises by line key (whole unit included)."""
    problems: dict[str, str] = {}
    if facts.category not in rules:
        problems["category"] = _("Unknown product category: {category}").format(category=facts.category)
    if facts.purchase_date is not None and facts.purchase_date > facts.as_of:
        problems["purchase_date"] = _("The purchase date cannot be in the future.")
    if isinstance(facts.repair_days, bool) or not isinstance(facts.repair_days, int) or facts.repair_days < 0:
        problems["repair_days"] = _("Days in repair cannot be negative.")
    if facts.exclusion and facts.exclusion not in EXCLUSION_REASONS:
        problems["exclusion"] = _("Unknown reason for exclusion from warranty.")
    card: dict[str, int | None] = {}
    bad_card = _("Months on the warranty card must be a whole number from 0 to {limit}.").format(
        limit=MAX_CARD_MONTHS
    )
    try:
        card[WHOLE_UNIT] = _card_months(facts.card_whole_unit_months)
    except ValueError:
        problems["card_whole_unit_months"] = bad_card
    for key, months in facts.card_component_months.items():
        try:
            promised = _card_months(months)
        except ValueError:
            problems["card_component_months"] = bad_card
            continue
        if key == WHOLE_UNIT:
            # Tolerated spelling of the whole-unit promise; the longer one counts.
            card[WHOLE_UNIT] = max(card.get(WHOLE_UNIT) or 0, promised or 0) or None
        else:
            card[key] = promised
    if problems:
        raise ValidationError(problems)
    return card


def warranty_status(
    facts: WarrantyFacts,
    calendar: WorkCalendar | None = None,
    rules: Mapping[str, CategoryRule] | None = None,
) -> WarrantyStatus:
    """Per-line warranty coverage on ``facts.as_of`` (rules: module docstring).

    ``calendar`` supplies the public holidays (default: the shipped list);
    ``rules`` the periods (default: :func:`load_category_rules`).
    """
    rules = _load_rules() if rules is None else rules
    card = _check_facts(facts, rules)
    rule = rules[facts.category]
    cal = calendar if calendar is not None else default_calendar()
    start, basis = _start(facts, rule)

    # (key, English label, statutory months) for every line; card promises for
    # components the category does not list get a line of their own.
    specs: list[tuple[str, str, int]] = [(WHOLE_UNIT, WHOLE_UNIT_LABEL, rule.whole_unit_months)]
    specs += [(c.key, c.label, c.months) for c in rule.components]
    listed = {key for key, _label, _months in specs}
    specs += [(key, key, 0) for key in sorted(card) if key not in listed and card[key]]

    lines: list[LineCoverage] = []
    for key, label, statute in specs:
        promised = card.get(key) or 0
        months, source = (promised, SOURCE_CARD) if promised > statute else (statute, SOURCE_STATUTE)
        lines.append(_line(facts, cal, rule.is_phone, start, basis, key, _(label), months, source, statute))
    return WarrantyStatus(
        start=start, basis=basis, lines=tuple(lines), exclusion=facts.exclusion or None, as_of=facts.as_of
    )


def _line(
    facts: WarrantyFacts,
    cal: WorkCalendar,
    is_phone: bool,
    start: date | None,
    basis: str,
    key: str,
    label: str,
    months: int,
    source: str,
    statute: int,
) -> LineCoverage:
    def made(last_day: date | None, in_warranty: bool, reason: str) -> LineCoverage:
        return LineCoverage(key, label, months, source, last_day, in_warranty, reason)

    if start is None:
        if is_phone:
            need = _("Proof of purchase needed: an invoice, a warranty card with a dealer stamp, or the factory date.")
        else:
            need = _("Proof of purchase needed: an invoice, or a warranty card with a dealer stamp.")
        return made(None, False, _(EXCLUSION_REASONS[facts.exclusion]) if facts.exclusion else need)

    nominal = add_months(start, months) - timedelta(days=1) + timedelta(days=facts.repair_days)
    last_day = nominal
    if nominal in cal.holidays:
        last_day = cal.working_day_on_or_after(nominal)

    if facts.exclusion:
        return made(last_day, False, _(EXCLUSION_REASONS[facts.exclusion]))
    if start > facts.as_of:
        return made(last_day, False, _("The warranty would start on {start}, after {as_of}: check the date.").format(
            start=start.isoformat(), as_of=facts.as_of.isoformat()
        ))

    in_warranty = start <= facts.as_of <= last_day
    parts = [(_in_sentence if in_warranty else _out_sentence)(basis, last_day, months)]
    if source == SOURCE_CARD:
        if statute:
            parts.append(_("The warranty card promises {months} months, longer than the statutory {statute}.").format(
                months=months, statute=statute
            ))
        else:
            parts.append(_("The warranty card promises {months} months.").format(months=months))
    if facts.repair_days:
        parts.append(ngettext("{days} day in repair added back.", "{days} days in repair added back.",
                              facts.repair_days).format(days=facts.repair_days))
    if last_day != nominal:
        parts.append(_("The period ended on a public holiday ({holiday}), so it runs to the next working day.").format(
            holiday=nominal.isoformat()
        ))
    return made(last_day, in_warranty, " ".join(parts))


# -- 三包 advice ---------------------------------------------------------------


@dataclass(frozen=True)
class SanbaoAdvice:
    options: tuple[str, ...]  # keys of SANBAO_OPTION_LABELS, in the order to offer them
    rule: str  # which rule applied (see sanbao_advice)
    days_since_purchase: int | None
    message: str  # translated
    said: Message | None = None  # ``message`` kept to be read later, in the reader's language


def _advice(options: tuple[str, ...], rule: str, days: int | None, said: Message) -> SanbaoAdvice:
    return SanbaoAdvice(options, rule, days, said.render(), said)


def sanbao_advice(
    purchase_date: date | None,
    as_of: date,
    in_period: bool,
    performance_fault: bool = True,
    prior_repairs_same_fault: int = 0,
    prior_tickets: tuple[str, ...] = (),
) -> SanbaoAdvice:
    """What 三包 allows on ``as_of`` (rules: module docstring).

    ``rule`` is one of ``no_purchase_date``, ``purchase_after_today``,
    ``within_7_days``, ``within_15_days``, ``repaired_twice``, ``in_period``,
    ``out_of_period``.  ``in_period`` is whether the whole unit is in
    warranty (``WarrantyStatus.covers(WHOLE_UNIT)``).
    """
    if purchase_date is None:
        return _advice(
            ("verify_purchase",), "no_purchase_date", None,
            Message(N_("No purchase date: verify the purchase before advising.")),
        )
    days = (as_of - purchase_date).days
    if days < 0:
        # Not an error here: a phone's factory date + 90 days can be later than
        # today, and the advice must not stop the intake.
        return _advice(
            ("verify_purchase",), "purchase_after_today", days,
            Message(N_("The purchase date {date} is after today: verify it."), date=purchase_date.isoformat()),
        )
    if in_period and performance_fault and days <= SANBAO_REFUND_DAYS:
        return _advice(
            ("refund", "exchange", "repair"), "within_7_days", days,
            Message(N_("Day {days} after purchase with a performance fault: refund, exchange or repair "
                       "(customer's choice)."), days=days),
        )
    if in_period and performance_fault and days <= SANBAO_EXCHANGE_DAYS:
        return _advice(
            ("exchange", "repair"), "within_15_days", days,
            Message(N_("Day {days} after purchase with a performance fault: exchange or repair "
                       "(customer's choice)."), days=days),
        )
    if in_period and prior_repairs_same_fault >= SANBAO_REPAIRS_BEFORE_EXCHANGE:
        return _advice(
            ("free_exchange", "refund_less_depreciation"), "repaired_twice", days,
            (Message(N_("Already repaired {count} times for this fault ({tickets}) and it failed again: free "
                        "exchange, or refund less depreciation."), count=prior_repairs_same_fault,
                     tickets=", ".join(prior_tickets))
             if prior_tickets else
             Message(N_("Already repaired {count} times for this fault and it failed again: free exchange, "
                        "or refund less depreciation."), count=prior_repairs_same_fault)),
        )
    if in_period:
        return _advice(
            ("free_repair",), "in_period", days,
            Message(N_("Day {days} after purchase, within the warranty period: free repair."), days=days),
        )
    return _advice(
        ("paid_repair",), "out_of_period", days,
        Message(N_("Not covered by the warranty: paid repair, after the customer agrees to the quote.")),
    )


def is_repeat_repair(previous_repair_done: date | None, new_intake: date) -> bool:
    """Whether a unit back on ``new_intake`` failed again within 30 days
    (inclusive) of the repair finished on ``previous_repair_done``."""
    if previous_repair_done is None:
        return False
    return 0 <= (new_intake - previous_repair_done).days <= REPEAT_REPAIR_DAYS


def software_setup_charge(installed_on: date, as_of: date) -> str:
    """``"free"``, ``"manager_decides"`` or ``"charged"`` (labels in
    :data:`SOFTWARE_SETUP_LABELS`)."""
    if as_of < installed_on:
        raise ValidationError({"installed_on": _("The installation date cannot be in the future.")})
    if as_of <= add_months(installed_on, SOFTWARE_FREE_MONTHS):
        return SOFTWARE_FREE
    if as_of > add_months(installed_on, SOFTWARE_CHARGED_AFTER_MONTHS):
        return SOFTWARE_CHARGED
    return SOFTWARE_MANAGER_DECIDES
