"""The lowest-rate rule (最低收费标准): pure functions, no database.

Where the shop's fee schedule and the customer's warranty-card standard
differ, the lower is charged, **per line**:

1. Coverage is decided per line (``covered(component)``): a line in warranty
   costs 0 (the compressor part free while the labour is charged).
   Software set-up follows its own rule instead
   (:func:`frontdesk.intake.warranty.software_setup_charge`): free within a
   month of installation, charged after three, and in between a manager
   decides (the line is marked ``needs_decision`` until they do).
2. A charged line costs min(schedule, card); where the card is silent the
   schedule applies, where the schedule is silent the card applies; on a tie
   the schedule is named.
3. A card **bundle** line (labour that includes the visit: ``covers``) is
   compared with the same lines priced without it (the schedule's labour +
   each included line at its own lowest rate).  The cheaper side is charged;
   when the bundle wins it is charged once, on its main line, and the
   included lines show 0.
4. An item that neither standard lists cannot be charged: it goes to
   ``refused`` with the sentence the clerk reads.
5. Prices include VAT (``prices_include_tax``, the shop's default): the
   ``total`` is the lines' ``subtotal`` and ``tax`` the VAT it contains,
   ``round_money(total * rate / (1 + rate))``.  Prices before tax:
   ``tax = round_money(subtotal * rate)``, ``total = subtotal + tax``
   (:mod:`frontdesk.billing.tax`).

``saving`` is what the rule saves against the fee schedule (the shop's own
price); ``saving_vs_card`` what it saves against the warranty card.
Every price is a Decimal (an int is accepted); a float anywhere raises
TypeError.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from frontdesk.billing.tax import tax_in, tax_on
from frontdesk.i18n import N_, Message, _
from frontdesk.intake.warranty import (
    SOFTWARE_CHARGED,
    SOFTWARE_FREE,
    SOFTWARE_MANAGER_DECIDES,
    WHOLE_UNIT,
    load_category_rules,
    software_setup_charge,
)
from frontdesk.money import ZERO, round_money, to_decimal

LABOUR = "labour"
VISIT = "visit"
TRANSPORT = "transport"
INSPECTION = "inspection"
PART = "part"
SOFTWARE_SETUP = "software_setup"
KINDS: dict[str, str] = {
    LABOUR: N_("Labour"),
    VISIT: N_("Visit"),
    TRANSPORT: N_("Transport (pull-back)"),
    INSPECTION: N_("Inspection"),
    PART: N_("Part"),
    SOFTWARE_SETUP: N_("Software set-up"),
}
# Kinds whose code matters: the difficulty level of labour, the part number.
CODED_KINDS = frozenset({LABOUR, PART})
LEVELS: dict[str, str] = {"minor": N_("Minor"), "medium": N_("Medium"), "major": N_("Major")}
ANY_CATEGORY = "*"

APPLIED_SCHEDULE = "schedule"
APPLIED_CARD = "card"
APPLIED_BUNDLE = "bundle"
APPLIED_FREE = "free"
APPLIED_LABELS: dict[str, str] = {
    APPLIED_SCHEDULE: N_("Fee schedule"),
    APPLIED_CARD: N_("Warranty card"),
    APPLIED_BUNDLE: N_("Card bundle"),
    APPLIED_FREE: N_("Free"),
}

Key = tuple[str, str]


def kind_label(kind: str) -> str:
    return _(KINDS.get(kind, kind))


def applied_label(applied: str) -> str:
    return _(APPLIED_LABELS.get(applied, applied))


def normalize_code(kind: str, code: str) -> str:
    """The code as lines are matched: the level in lower case, the part
    number in upper case, nothing for kinds without a code."""
    text = (code or "").strip()
    if kind == LABOUR:
        return text.lower()
    if kind == PART:
        return text.upper()
    return ""


def line_key(kind: str, code: str = "") -> Key:
    return (kind, normalize_code(kind, code))


def component_message(component: str) -> Message | str:
    """:func:`component_label` kept to be read later, in the reader's language."""
    if component == WHOLE_UNIT:
        return Message(N_("Whole unit"))
    for rule in load_category_rules().values():
        found = rule.component(component)
        if found is not None:
            return Message(found.label)
    return component


def component_label(component: str) -> str:
    if component == WHOLE_UNIT:
        return _("Whole unit")
    for rule in load_category_rules().values():
        found = rule.component(component)
        if found is not None:
            return _(found.label)
    return component


def _price(value: object, what: str) -> Decimal:
    if isinstance(value, (float, bool)):
        raise TypeError(f"{what} must be a Decimal or an int, not {type(value).__name__} ({value!r})")
    if not isinstance(value, (Decimal, int)):
        raise TypeError(f"{what} must be a Decimal or an int, not {type(value).__name__}")
    number = to_decimal(value, what)
    if number < 0:
        raise ValueError(f"{what} is negative: {number}")
    return number


def _prices(mapping: Mapping[Key, Decimal], what: str) -> dict[Key, Decimal]:
    return {line_key(kind, code): _price(value, f"{what} {kind}/{code}") for (kind, code), value in mapping.items()}


@dataclass(frozen=True)
class ScheduleView:
    """A fee schedule as pricing sees it, for one product category:
    ``(kind, code) -> price``; a visit adds ``visit_per_km`` for each km
    beyond ``visit_free_km``."""

    prices: Mapping[Key, Decimal]
    visit_free_km: Decimal = ZERO
    visit_per_km: Decimal = ZERO
    name: str = ""

    def checked(self) -> ScheduleView:
        return ScheduleView(
            _prices(self.prices, "schedule price"),
            _price(self.visit_free_km, "free km"),
            _price(self.visit_per_km, "price per km"),
            self.name,
        )

    def price(self, kind: str, code: str = "", km: Decimal | None = None) -> Decimal | None:
        base = self.prices.get(line_key(kind, code))
        if base is None or kind != VISIT or km is None:
            return base
        extra = max(ZERO, km - self.visit_free_km)
        return round_money(base + extra * self.visit_per_km)


@dataclass(frozen=True)
class CardView:
    """A warranty-card standard: ``(kind, code) -> price``, and for bundle
    lines the kinds they include (``bundles[("labour", "medium")] =
    frozenset({"visit"})``)."""

    prices: Mapping[Key, Decimal]
    bundles: Mapping[Key, frozenset[str]] = field(default_factory=dict)
    name: str = ""

    def checked(self) -> CardView:
        bundles = {line_key(k, c): frozenset(v) for (k, c), v in self.bundles.items() if v}
        return CardView(_prices(self.prices, "card price"), bundles, self.name)

    def price(self, kind: str, code: str = "") -> Decimal | None:
        return self.prices.get(line_key(kind, code))

    def covers(self, kind: str, code: str = "") -> frozenset[str]:
        return self.bundles.get(line_key(kind, code), frozenset())


@dataclass(frozen=True)
class QuoteItem:
    """A line the clerk puts on a quote.  ``km``: the visit's distance (for
    the schedule's per-km price)."""

    kind: str
    code: str = ""
    qty: int = 1
    component: str = WHOLE_UNIT
    description: str = ""
    km: Decimal | None = None

    @property
    def key(self) -> Key:
        return line_key(self.kind, self.code)

    def label(self) -> str:
        if self.description:
            return self.description
        if self.kind == LABOUR and self.code:
            return f"{kind_label(self.kind)} ({_(LEVELS.get(normalize_code(LABOUR, self.code), self.code))})"
        if self.kind == PART and self.code:
            return f"{kind_label(self.kind)} {normalize_code(PART, self.code)}"
        return kind_label(self.kind)

    def label_message(self) -> Message | str:
        """:meth:`label` kept to be read later, in the reader's language (a
        description typed by a person stays as typed)."""
        if self.description:
            return self.description
        kind = Message(KINDS.get(self.kind, self.kind))
        if self.kind == LABOUR and self.code:
            level = normalize_code(LABOUR, self.code)
            return Message.joined([kind, Message.joined(["(", Message(LEVELS.get(level, self.code)), ")"], sep="")],
                                  sep=" ")
        if self.kind == PART and self.code:
            return Message.joined([kind, normalize_code(PART, self.code)], sep=" ")
        return kind


@dataclass(frozen=True)
class LineCalc:
    """One priced line.  Prices are per unit; ``amount`` = ``unit_price`` x qty.
    ``bundle_with``: for every line of a card-bundle group (its main line
    included), the index of the main line in ``QuoteCalc.lines``."""

    item: QuoteItem
    schedule_price: Decimal | None
    card_price: Decimal | None
    applied: str
    unit_price: Decimal
    amount: Decimal
    in_warranty: bool
    saving: Decimal
    reason: str
    saving_vs_card: Decimal = ZERO
    needs_decision: bool = False
    bundle_with: int | None = None
    reason_message: Message | None = None  # ``reason`` kept to be read later, in the reader's language

    @property
    def charged(self) -> bool:
        return self.applied != APPLIED_FREE


@dataclass(frozen=True)
class QuoteCalc:
    lines: list[LineCalc]
    subtotal: Decimal
    tax_rate: Decimal
    tax: Decimal
    total: Decimal
    saving: Decimal
    refused: list[tuple[QuoteItem, str]]
    saving_vs_card: Decimal = ZERO
    schedule_total: Decimal | None = None  # the charged lines all by the schedule (None: it misses one)
    card_total: Decimal | None = None  # the charged lines all by the card (None: it misses one)
    prices_include_tax: bool = False

    @property
    def needs_decision(self) -> bool:
        """A line waits for a manager's decision (software set-up)."""
        return any(line.needs_decision for line in self.lines)


class _Draft:
    """A line while it is being priced."""

    def __init__(self, index: int, item: QuoteItem, sched: Decimal | None, card: Decimal | None,
                 covers: frozenset[str]) -> None:
        self.index = index
        self.item = item
        self.sched = sched
        self.card = card
        self.covers = covers
        self.needs_decision = False
        self.result: LineCalc | None = None

    def line(self, applied: str, unit: Decimal, reason: Message, *, in_warranty: bool = False,
             needs_decision: bool = False, bundle_with: int | None = None, amount: Decimal | None = None,
             card_saving: Decimal | None = None) -> LineCalc:
        qty = self.item.qty
        amount = round_money(unit * qty) if amount is None else amount
        if applied == APPLIED_FREE:
            saving = card_vs = ZERO
        else:
            saving = round_money(self.sched * qty) - amount if self.sched is not None else ZERO
            card_vs = round_money(self.card * qty) - amount if self.card is not None else ZERO
            if card_saving is not None:
                card_vs = card_saving
        return LineCalc(self.item, self.sched, self.card, applied, round_money(unit), amount, in_warranty,
                        saving, reason.render(), card_vs, needs_decision, bundle_with, reason)


def _money(d: Decimal) -> str:
    return f"{round_money(d)}"


def _lowest(d: _Draft, has_card: bool) -> LineCalc:
    """Rule 2 on one line (the caller made sure a standard lists it)."""
    s, c = d.sched, d.card
    if s is not None and c is not None:
        if c < s:
            return d.line(APPLIED_CARD, c, Message(N_("Warranty card {card} is lower than the fee schedule {schedule}: "
                                                      "card applied."), card=_money(c), schedule=_money(s)))
        return d.line(APPLIED_SCHEDULE, s, Message(N_("Fee schedule {schedule} is not higher than the warranty card "
                                                      "{card}: schedule applied."), card=_money(c), schedule=_money(s)))
    if s is not None:
        if has_card:
            return d.line(APPLIED_SCHEDULE, s,
                          Message(N_("The warranty card does not list this line: fee schedule applied.")))
        return d.line(APPLIED_SCHEDULE, s, Message(N_("Fee schedule price.")))
    assert c is not None
    return d.line(APPLIED_CARD, c, Message(N_("The fee schedule does not list this line: warranty card applied.")))


def _check_item(item: QuoteItem) -> None:
    if not isinstance(item, QuoteItem):
        raise TypeError(f"a quote item must be a QuoteItem, not {type(item).__name__}")
    if isinstance(item.qty, (float, bool)) or not isinstance(item.qty, int):
        raise TypeError(f"qty must be an int, not {type(item.qty).__name__} ({item.qty!r})")
    if item.qty < 1:
        raise ValueError(f"qty must be at least 1, not {item.qty}")
    if item.km is not None:
        _price(item.km, "km")


def price_quote(
    schedule: Mapping[Key, Decimal] | ScheduleView,
    card: CardView | None,
    items: Iterable[QuoteItem],
    covered: Callable[[str], bool],
    tax_rate: Decimal | int | str,
    card_applies: bool = True,
    *,
    installed_on: date | None = None,
    as_of: date | None = None,
    software_charge: bool | None = None,
    prices_include_tax: bool = False,
) -> QuoteCalc:
    """Price ``items`` by the lowest-rate rule (see the module docstring).

    ``covered(component)`` says whether a component is in warranty;
    ``card_applies=False`` ignores the card (altered or mismatched card).
    Software set-up needs ``installed_on`` and ``as_of`` (the ticket's intake
    day); without an installation date a manager decides.  ``software_charge``
    is that decision (True: charge, False: free) when one is needed.
    ``prices_include_tax``: both standards' prices include VAT (else they
    are before tax).
    """
    sched = (schedule if isinstance(schedule, ScheduleView) else ScheduleView(prices=schedule)).checked()
    view = card.checked() if card is not None and card_applies else None
    rate = to_decimal(tax_rate, "tax rate")
    if not (ZERO <= rate < 1):
        raise ValueError(f"tax rate must be from 0 to below 1, not {rate}")

    drafts: list[_Draft] = []
    refused: list[tuple[QuoteItem, str]] = []
    chargeable: list[_Draft] = []
    for item in items:
        _check_item(item)
        if item.kind not in KINDS:
            refused.append((item, _("Unknown kind of line: {kind}.").format(kind=item.kind)))
            continue
        d = _Draft(len(drafts), item, sched.price(item.kind, item.code, item.km),
                   view.price(item.kind, item.code) if view else None,
                   view.covers(item.kind, item.code) if view else frozenset())
        drafts.append(d)
        if item.kind == SOFTWARE_SETUP:
            rule = software_setup_charge(installed_on, as_of) if installed_on and as_of else SOFTWARE_MANAGER_DECIDES
            if rule == SOFTWARE_FREE:
                d.result = d.line(APPLIED_FREE, ZERO,
                                  Message(N_("Software set-up within one month of installation: free.")))
                continue
            if rule == SOFTWARE_MANAGER_DECIDES and software_charge is False:
                d.result = d.line(APPLIED_FREE, ZERO,
                                  Message(N_("Software set-up: the manager decided not to charge it.")))
                continue
            if rule == SOFTWARE_MANAGER_DECIDES and software_charge is None:
                d.needs_decision = True
            assert rule in (SOFTWARE_CHARGED, SOFTWARE_MANAGER_DECIDES)
        elif covered(item.component):
            d.result = d.line(APPLIED_FREE, ZERO, Message(N_("In warranty ({component}): no charge."),
                                                          component=component_message(item.component)),
                              in_warranty=True)
            continue
        chargeable.append(d)

    # Rule 3: card bundles, each counted once, main lines in the order given.
    grouped: set[int] = set()
    for main in chargeable:
        if main.index in grouped or not main.covers or main.card is None:
            continue
        members = [m for m in chargeable if m is not main and m.index not in grouped
                   and m.item.kind in main.covers and not m.covers]
        if not members:
            continue
        grouped.update([main.index] + [m.index for m in members])
        bundle = round_money(main.card * main.item.qty)
        alone = None
        if main.sched is not None and all(m.sched is not None or m.card is not None for m in members):
            alone = round_money(main.sched * main.item.qty) + sum(
                (round_money(min(p for p in (m.sched, m.card) if p is not None) * m.item.qty) for m in members), ZERO)
        included = Message.joined([m.item.label_message() for m in members])
        if alone is None or bundle < alone:
            if alone is None:
                why = Message(N_("Warranty card bundle {bundle} (includes {included}); the fee schedule does not "
                                 "list every line of it."), bundle=_money(bundle), included=included)
            else:
                why = Message(N_("Warranty card bundle {bundle} (includes {included}) is lower than the same lines "
                                 "without it ({alone}): bundle applied."),
                              bundle=_money(bundle), included=included, alone=_money(alone))
            main.result = main.line(APPLIED_BUNDLE, main.card, why, bundle_with=main.index,
                                    card_saving=ZERO)
            for m in members:
                m.result = m.line(APPLIED_BUNDLE, ZERO, Message(N_("Included in the warranty card's bundle on "
                                                                   "\"{main}\"."), main=main.item.label_message()),
                                  bundle_with=main.index, card_saving=ZERO)
        else:
            why = Message(N_("The lines without the card's bundle ({alone}) are not higher than the bundle {bundle} "
                             "(includes {included}): fee schedule applied."),
                          bundle=_money(bundle), included=included, alone=_money(alone))
            assert main.sched is not None
            main_line = main.line(APPLIED_SCHEDULE, main.sched, why, bundle_with=main.index,
                                  card_saving=bundle - alone)
            main.result = main_line
            for m in members:
                priced = _lowest(m, True)
                m.result = replace(priced, bundle_with=main.index, saving_vs_card=ZERO)

    for d in chargeable:
        if d.result is not None:
            continue
        if d.sched is None and d.card is None:
            refused.append((d.item, _("Neither the fee schedule nor the warranty card lists \"{item}\": "
                                      "it cannot be charged.").format(item=d.item.label())))
            continue
        d.result = _lowest(d, view is not None)

    lines: list[LineCalc] = []
    for d in drafts:
        if d.result is None:
            continue
        result = d.result
        if d.needs_decision:
            said = Message.joined([result.reason_message or result.reason, Message(N_(
                "A manager decides whether the software set-up is charged (between one and three months "
                "after installation, or no installation date)."))], sep=" ")
            result = replace(result, needs_decision=True, reason=said.render(), reason_message=said)
        lines.append(result)
    # Bundle indexes point into the drafts; renumber them into ``lines``.
    position = {d.index: n for n, d in enumerate(d for d in drafts if d.result is not None)}
    lines = [replace(ln, bundle_with=position[ln.bundle_with]) if ln.bundle_with is not None else ln
             for ln in lines]

    subtotal = sum((ln.amount for ln in lines), ZERO)
    tax = tax_in(subtotal, rate) if prices_include_tax else tax_on(subtotal, rate)
    charged = [ln for ln in lines if ln.charged]
    schedule_total = None
    if all(ln.schedule_price is not None for ln in charged):
        schedule_total = sum((round_money(ln.schedule_price * ln.item.qty) for ln in charged  # type: ignore[operator]
                              ), ZERO)
    card_total = _card_total(lines)
    return QuoteCalc(
        lines=lines,
        subtotal=subtotal,
        tax_rate=rate,
        tax=tax,
        total=subtotal if prices_include_tax else subtotal + tax,
        saving=sum((ln.saving for ln in lines), ZERO),
        refused=refused,
        saving_vs_card=sum((ln.saving_vs_card for ln in lines), ZERO),
        schedule_total=schedule_total,
        card_total=card_total,
        prices_include_tax=prices_include_tax,
    )


def _card_total(lines: list[LineCalc]) -> Decimal | None:
    """The charged lines priced by the card alone (a bundle once, its
    included lines at 0); None when the card misses a line."""
    total = ZERO
    for n, ln in enumerate(lines):
        if not ln.charged:
            continue
        if ln.bundle_with is not None and ln.bundle_with != n:
            continue  # included in the bundle counted on its main line
        if ln.card_price is None:
            return None
        total += round_money(ln.card_price * ln.item.qty)
    return total


__all__ = [
    "ANY_CATEGORY", "APPLIED_BUNDLE", "APPLIED_CARD", "APPLIED_FREE", "APPLIED_LABELS", "APPLIED_SCHEDULE",
    "CODED_KINDS", "CardView", "INSPECTION", "KINDS", "LABOUR", "LEVELS", "LineCalc", "PART", "QuoteCalc",
    "QuoteItem", "SOFTWARE_SETUP", "ScheduleView", "TRANSPORT", "VISIT", "applied_label", "component_label",
    "kind_label", "line_key", "normalize_code", "price_quote",
]
