"""The lowest-rate rule (docs/rules.md#the-lowest-rate-rule), pure: the worked example, every
rule, and properties over random schedules, cards and items."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontdesk.billing.pricing import (
    APPLIED_BUNDLE,
    APPLIED_CARD,
    APPLIED_FREE,
    APPLIED_SCHEDULE,
    CardView,
    QuoteCalc,
    QuoteItem,
    ScheduleView,
    price_quote,
)
from frontdesk.money import round_money

D = Decimal
NOTHING_COVERED = (lambda component: False)
RATE = D("0.13")


def test_the_worked_example() -> None:
    """Schedule labour 120 + visit 30 + part 200; card labour 80 + visit 60 +
    part 220: charged 80 + 30 + 200 = 310."""
    schedule = {("labour", "medium"): D("120"), ("visit", ""): D("30"), ("part", "P1"): D("200")}
    card = CardView({("labour", "medium"): D("80"), ("visit", ""): D("60"), ("part", "P1"): D("220")})
    calc = price_quote(schedule, card, [QuoteItem("labour", "medium"), QuoteItem("visit"), QuoteItem("part", "P1")],
                       NOTHING_COVERED, RATE)
    assert [ln.amount for ln in calc.lines] == [D("80.00"), D("30.00"), D("200.00")]
    assert [ln.applied for ln in calc.lines] == [APPLIED_CARD, APPLIED_SCHEDULE, APPLIED_SCHEDULE]
    assert [(ln.schedule_price, ln.card_price) for ln in calc.lines] == [
        (D("120"), D("80")), (D("30"), D("60")), (D("200"), D("220"))]
    assert calc.subtotal == D("310.00")
    # The saving against the schedule is 350 - 310 = 40; against the card
    # 360 - 310 = 50.  (The brief's "saving 50 against the schedule" is the
    # card figure: both are given.)
    assert calc.schedule_total == D("350.00") and calc.card_total == D("360.00")
    assert calc.saving == D("40.00")
    assert calc.saving_vs_card == D("50.00")
    assert calc.tax == D("40.30") and calc.total == D("350.30")
    assert calc.refused == []


def test_coverage_is_decided_per_line() -> None:
    """A refrigerator out of warranty for the whole unit, in for the
    compressor: the compressor is free, the labour is charged."""
    schedule = {("labour", "major"): D("220"), ("part", "COMP"): D("680")}
    calc = price_quote(schedule, None, [QuoteItem("labour", "major"), QuoteItem("part", "COMP", component="compressor")],
                       lambda c: c == "compressor", RATE)
    labour, part = calc.lines
    assert (labour.applied, labour.amount, labour.in_warranty) == (APPLIED_SCHEDULE, D("220.00"), False)
    assert (part.applied, part.amount, part.in_warranty) == (APPLIED_FREE, D("0.00"), True)
    assert "In warranty" in part.reason
    assert calc.subtotal == D("220.00")


def test_card_silent_means_schedule_and_schedule_silent_means_card() -> None:
    schedule = {("labour", "minor"): D("50")}
    card = CardView({("part", "X"): D("99")})
    calc = price_quote(schedule, card, [QuoteItem("labour", "minor"), QuoteItem("part", "x", qty=2)],
                       NOTHING_COVERED, RATE)
    assert [(ln.applied, ln.amount) for ln in calc.lines] == [(APPLIED_SCHEDULE, D("50.00")), (APPLIED_CARD, D("198.00"))]
    assert "does not list" in calc.lines[0].reason and "does not list" in calc.lines[1].reason


def test_an_item_neither_standard_lists_is_refused_with_a_reason() -> None:
    calc = price_quote({("labour", "minor"): D("50")}, CardView({}),
                       [QuoteItem("labour", "minor"), QuoteItem("part", "NOPE", description="风扇")],
                       NOTHING_COVERED, RATE)
    assert [ln.item.kind for ln in calc.lines] == ["labour"]
    (item, reason), = calc.refused
    assert item.code == "NOPE"
    assert reason == 'Neither the fee schedule nor the warranty card lists "风扇": it cannot be charged.'
    assert calc.total == D("56.50")


def test_a_card_bundle_is_compared_with_the_same_schedule_lines_and_counted_once() -> None:
    schedule = {("labour", "medium"): D("120"), ("visit", ""): D("30"), ("part", "P"): D("10")}
    items = [QuoteItem("labour", "medium"), QuoteItem("visit"), QuoteItem("part", "P")]
    cheap = CardView({("labour", "medium"): D("100")}, {("labour", "medium"): frozenset({"visit"})})
    calc = price_quote(schedule, cheap, items, NOTHING_COVERED, RATE)
    labour, visit, part = calc.lines
    assert (labour.applied, labour.amount, labour.bundle_with) == (APPLIED_BUNDLE, D("100.00"), 0)
    assert (visit.applied, visit.amount, visit.bundle_with) == (APPLIED_BUNDLE, D("0.00"), 0)
    assert part.bundle_with is None and part.amount == D("10.00")
    assert calc.subtotal == D("110.00") and calc.saving == D("50.00")  # 160 by the schedule

    dear = CardView({("labour", "medium"): D("200")}, {("labour", "medium"): frozenset({"visit"})})
    calc = price_quote(schedule, dear, items, NOTHING_COVERED, RATE)
    assert [(ln.applied, ln.amount) for ln in calc.lines] == [
        (APPLIED_SCHEDULE, D("120.00")), (APPLIED_SCHEDULE, D("30.00")), (APPLIED_SCHEDULE, D("10.00"))]
    assert calc.card_total is None  # the card does not list the part
    assert calc.lines[0].saving_vs_card == D("50.00")  # bundle 200 vs 150


def test_a_visit_costs_more_beyond_the_free_distance() -> None:
    view = ScheduleView({("visit", ""): D("30")}, visit_free_km=D("10"), visit_per_km=D("2.00"))
    calc = price_quote(view, None, [QuoteItem("visit", km=D("25.5"))], NOTHING_COVERED, RATE)
    assert calc.lines[0].amount == D("61.00")
    calc = price_quote(view, None, [QuoteItem("visit", km=D("8"))], NOTHING_COVERED, RATE)
    assert calc.lines[0].amount == D("30.00")


def test_a_card_that_does_not_apply_is_ignored() -> None:
    calc = price_quote({("labour", "minor"): D("50")}, CardView({("labour", "minor"): D("10")}),
                       [QuoteItem("labour", "minor")], NOTHING_COVERED, RATE, card_applies=False)
    assert (calc.lines[0].applied, calc.lines[0].card_price, calc.lines[0].amount) == (APPLIED_SCHEDULE, None, D("50.00"))


@pytest.mark.parametrize("installed,charge,applied,needs", [
    (date(2026, 11, 1), None, APPLIED_FREE, False),  # within a month: free
    (date(2026, 9, 10), None, APPLIED_SCHEDULE, True),  # between: the manager decides
    (date(2026, 9, 10), False, APPLIED_FREE, False),
    (date(2026, 9, 10), True, APPLIED_SCHEDULE, False),
    (date(2026, 6, 1), None, APPLIED_SCHEDULE, False),  # after three months: charged
    (None, None, APPLIED_SCHEDULE, True),  # installation date unknown: the manager decides
])
def test_software_set_up(installed: date | None, charge: bool | None, applied: str, needs: bool) -> None:
    calc = price_quote({("software_setup", ""): D("50")}, None, [QuoteItem("software_setup")], lambda c: True,
                       RATE, installed_on=installed, as_of=date(2026, 11, 24), software_charge=charge)
    (line,) = calc.lines
    assert (line.applied, line.needs_decision, calc.needs_decision) == (applied, needs, needs)
    assert line.amount == (D("0.00") if applied == APPLIED_FREE else D("50.00"))


# The floats are the point (the types refuse them too, hence each line's ignore): they must raise at run time.
@pytest.mark.parametrize("bad", [
    lambda: price_quote({("labour", "minor"): 50.0}, None, [QuoteItem("labour", "minor")],  # type: ignore[dict-item]
                        NOTHING_COVERED, RATE),
    lambda: price_quote({}, CardView({("labour", "minor"): 5.5}),  # type: ignore[dict-item]
                        [QuoteItem("labour", "minor")], NOTHING_COVERED, RATE),
    lambda: price_quote({("labour", "minor"): D(5)}, None, [QuoteItem("labour", "minor")], NOTHING_COVERED,
                        0.13),  # type: ignore[arg-type]
    lambda: price_quote({("labour", "minor"): D(5)}, None, [QuoteItem("labour", "minor", qty=1.0)],  # type: ignore[arg-type]
                        NOTHING_COVERED, RATE),
    lambda: price_quote(ScheduleView({("visit", ""): D(5)}, visit_per_km=1.5), None, [QuoteItem("visit")],  # type: ignore[arg-type]
                        NOTHING_COVERED, RATE),
    lambda: price_quote({("visit", ""): D(5)}, None, [QuoteItem("visit", km=3.0)],  # type: ignore[arg-type]
                        NOTHING_COVERED, RATE),
])
def test_a_float_anywhere_raises(bad: Callable[[], object]) -> None:
    with pytest.raises(TypeError):
        bad()


# -- properties -------------------------------------------------------------------------

KEYS = [("labour", "minor"), ("labour", "medium"), ("labour", "major"), ("visit", ""), ("transport", ""),
        ("inspection", ""), ("part", "P1"), ("part", "P2"), ("part", "P3")]
COMPONENTS = ["whole_unit", "compressor", "motor"]
prices = st.integers(min_value=0, max_value=500_000).map(lambda cents: D(cents) / 100)
price_maps = st.dictionaries(st.sampled_from(KEYS), prices, max_size=len(KEYS))
bundles = st.dictionaries(st.sampled_from(KEYS[:3]), st.frozensets(st.sampled_from(["visit", "transport"]), min_size=1),
                          max_size=2)
cards = st.one_of(st.none(), st.builds(CardView, price_maps, bundles))
items = st.lists(st.builds(QuoteItem, st.sampled_from([k for k, _c in KEYS] + ["part"]),
                           st.sampled_from([c for _k, c in KEYS] + ["UNKNOWN"]), st.integers(1, 5),
                           st.sampled_from(COMPONENTS)), min_size=1, max_size=8)
rates = st.integers(min_value=0, max_value=2500).map(lambda n: D(n) / 10000)
covered_sets = st.frozensets(st.sampled_from(COMPONENTS))


def _half_up_cents(value: Fraction) -> Decimal:
    """Rounding done a second, independent way: exact fractions."""
    cents = value * 100
    whole = int(cents)
    frac = cents - whole
    if cents >= 0:
        whole += 1 if frac >= Fraction(1, 2) else 0
    else:
        whole -= 1 if -frac >= Fraction(1, 2) else 0
    return (D(whole) / 100).quantize(D("0.01"), rounding=ROUND_HALF_UP)


@settings(max_examples=400, deadline=None)
@given(price_maps, cards, items, covered_sets, rates)
def test_properties_of_the_lowest_rate_rule(schedule: dict, card: CardView | None, wanted: list[QuoteItem],
                                            covered: frozenset[str], rate: Decimal) -> None:
    calc: QuoteCalc = price_quote(schedule, card, wanted, lambda c: c in covered, rate)
    assert len(calc.lines) + len(calc.refused) == len(wanted)
    group_total: dict[int, Decimal] = {}
    for _n, ln in enumerate(calc.lines):
        s, c, q = ln.schedule_price, ln.card_price, ln.item.qty
        assert isinstance(ln.amount, Decimal) and ln.amount == round_money(ln.amount) and ln.amount >= 0
        if ln.item.component in covered:
            assert ln.applied == APPLIED_FREE and ln.amount == 0 and ln.in_warranty  # in warranty: 0
            continue
        assert ln.applied != APPLIED_FREE
        if ln.bundle_with is not None:
            group_total[ln.bundle_with] = group_total.get(ln.bundle_with, D(0)) + ln.amount
            continue
        defined = [p for p in (s, c) if p is not None]
        assert defined, "a charged line has a standard"
        assert ln.amount == round_money(min(defined) * q)  # never more than either standard
        if s is not None:
            assert ln.amount <= s * q
        if c is not None:
            assert ln.amount <= c * q
    for main, total in group_total.items():
        head = calc.lines[main]
        assert head.card_price is not None
        assert total <= head.card_price * head.item.qty  # never more than the bundle...
        members = [ln for ln in calc.lines if ln.bundle_with == main]
        at_schedule = [(ln.schedule_price, ln.item.qty) for ln in members if ln.schedule_price is not None]
        if len(at_schedule) == len(members):
            assert total <= sum((price * qty for price, qty in at_schedule), D(0))  # ...nor the schedule
        assert sum(1 for ln in members if ln.applied == APPLIED_BUNDLE and ln.amount > 0) <= 1  # counted once
    # Refused: neither standard, not in warranty, not inside a bundle.
    for item, reason in calc.refused:
        assert item.component not in covered
        assert reason
    # Totals to the cent, tax rounded once, half up.
    subtotal = sum((ln.amount for ln in calc.lines), D(0))
    assert calc.subtotal == subtotal
    assert calc.tax == _half_up_cents(Fraction(subtotal) * Fraction(rate))
    assert calc.total == subtotal + calc.tax
    # Per line is never dearer than the whole ticket by one standard.
    if calc.schedule_total is not None:
        assert calc.subtotal <= calc.schedule_total
    if calc.card_total is not None:
        assert calc.subtotal <= calc.card_total
    charged = [ln for ln in calc.lines if ln.charged]
    charged_at_schedule = [(ln.schedule_price, ln.item.qty) for ln in charged if ln.schedule_price is not None]
    if charged and len(charged_at_schedule) == len(charged):
        assert calc.schedule_total == sum((round_money(price * qty) for price, qty in charged_at_schedule), D(0))
        assert calc.saving == calc.schedule_total - calc.subtotal


@settings(max_examples=100, deadline=None)
@given(price_maps, st.sampled_from(KEYS), st.floats(allow_nan=False, min_value=0, max_value=1e6))
def test_a_float_in_any_standard_raises(schedule: dict, key: tuple[str, str], value: float) -> None:
    poisoned = {**schedule, key: value}
    with pytest.raises(TypeError):
        price_quote(poisoned, None, [QuoteItem(*key)], NOTHING_COVERED, RATE)
    with pytest.raises(TypeError):
        price_quote(schedule, CardView(poisoned), [QuoteItem(*key)], NOTHING_COVERED, RATE)
