"""Warranty coverage per line, 三包 advice, repeat repairs, software set-up."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontdesk.errors import ValidationError
from frontdesk.intake import categories_i18n
from frontdesk.intake.warranty import (
    EXCLUSION_REASONS,
    REPEAT_REPAIR_DAYS,
    SANBAO_OPTION_LABELS,
    SOFTWARE_SETUP_LABELS,
    WHOLE_UNIT,
    CategoryRule,
    ComponentPeriod,
    LineCoverage,
    SanbaoAdvice,
    WarrantyFacts,
    WarrantyStatus,
    add_months,
    category_label,
    is_repeat_repair,
    load_category_rules,
    sanbao_advice,
    software_setup_charge,
    warranty_status,
)
from frontdesk.paths import resource
from frontdesk.workcalendar import WorkCalendar, default_calendar

NO_HOLIDAYS = WorkCalendar()
D = date.fromisoformat


def status(calendar: WorkCalendar = NO_HOLIDAYS, **kw: Any) -> WarrantyStatus:
    facts = WarrantyFacts(**kw)
    return warranty_status(facts, calendar)


def fridge(as_of: str, purchase: str = "2025-03-10", **kw: Any) -> WarrantyStatus:
    return status(category="refrigerator", as_of=D(as_of), purchase_date=D(purchase), invoice_shown=True, **kw)


def line(st_: WarrantyStatus, component: str = WHOLE_UNIT) -> LineCoverage:
    found = st_.line(component)
    assert found is not None and found.component == component
    return found


# -- the rules file --------------------------------------------------------------------------


EXPECTED = {
    "refrigerator": (12, {"compressor": 36}),
    "air_conditioner": (12, {"compressor": 36}),
    "washing_machine": (12, {"motor": 36}),
    "colour_tv": (12, {"picture_tube": 36, "panel": 36}),
    "water_heater": (12, {"tank": 36}),
    "microwave": (12, {"magnetron": 36}),
    "mobile_phone": (12, {"battery": 6}),
    "computer": (12, {"motherboard": 24}),
    "tablet": (12, {}),
    "other": (12, {}),
}


def test_category_rules_match_the_statute() -> None:
    rules = load_category_rules()
    assert list(rules) == list(EXPECTED)
    for key, (whole, components) in EXPECTED.items():
        rule = rules[key]
        assert rule.key == key
        assert rule.whole_unit_months == whole
        assert {c.key: c.months for c in rule.components} == components
        assert rule.is_phone is (key == "mobile_phone")


def test_load_category_rules_returns_a_copy() -> None:
    rules = load_category_rules()
    rules.pop("refrigerator")
    assert "refrigerator" in load_category_rules()


def test_every_label_in_the_rules_file_is_marked_for_translation() -> None:
    labels = set(categories_i18n.CATEGORY_LABELS) | set(categories_i18n.COMPONENT_LABELS)
    for rule in load_category_rules().values():
        assert rule.label in labels
        for component in rule.components:
            assert component.label in labels
    assert category_label("colour_tv") == "Colour TV"
    assert category_label("no_such") == "no_such"


def test_rules_file_has_a_comment() -> None:
    path = resource("warranty_periods.json")
    assert "_comment" in json.loads(path.read_text(encoding="utf-8"))


# -- calendar months ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2026-01-31", 1, "2026-02-28"),
        ("2028-01-31", 1, "2028-02-29"),  # leap year
        ("2024-02-29", 12, "2025-02-28"),
        ("2025-03-31", 1, "2025-04-30"),
        ("2025-11-15", 3, "2026-02-15"),
        ("2025-12-31", 12, "2026-12-31"),
        ("2026-03-31", -1, "2026-02-28"),
    ],
)
def test_add_months(start: str, months: int, expected: str) -> None:
    assert add_months(D(start), months) == D(expected)


def one_month_rules() -> dict[str, CategoryRule]:
    return {"gadget": CategoryRule("gadget", "Gadget", 1, (), False)}


def test_jan_31_plus_one_month() -> None:
    facts = WarrantyFacts("gadget", as_of=D("2026-02-10"), purchase_date=D("2026-01-31"), invoice_shown=True)
    st_ = warranty_status(facts, NO_HOLIDAYS, one_month_rules())
    assert line(st_).last_day == D("2026-02-27")  # Feb 28 - 1 day
    leap = WarrantyFacts("gadget", as_of=D("2028-02-10"), purchase_date=D("2028-01-31"), invoice_shown=True)
    assert line(warranty_status(leap, NO_HOLIDAYS, one_month_rules())).last_day == D("2028-02-28")


def test_leap_years() -> None:
    # Bought on 29 Feb 2024: 12 months -> 28 Feb 2025 - 1 day.
    assert line(fridge("2025-01-01", "2024-02-29")).last_day == D("2025-02-27")
    # A period ending on 29 Feb of a leap year.
    assert line(fridge("2024-01-01", "2023-03-01")).last_day == D("2024-02-29")
    assert line(fridge("2024-02-29", "2023-03-01")).in_warranty
    assert not line(fridge("2024-03-01", "2023-03-01")).in_warranty


# -- start of the warranty ------------------------------------------------------------------------


def test_invoice_date_starts_the_warranty() -> None:
    st_ = status(category="refrigerator", as_of=D("2026-06-01"), purchase_date=D("2026-03-02"),
                 invoice_shown=True, card_stamp_date=D("2026-03-05"))
    assert (st_.start, st_.basis) == (D("2026-03-02"), "invoice")
    assert line(st_).reason == "In warranty until 2027-03-01 (12 months from the invoice date)."


def test_stamped_card_without_invoice() -> None:
    st_ = status(category="refrigerator", as_of=D("2026-06-01"), purchase_date=D("2026-03-02"),
                 card_stamp_date=D("2026-03-05"))
    assert (st_.start, st_.basis) == (D("2026-03-05"), "card_stamp")
    assert line(st_).last_day == D("2027-03-04")
    assert "date stamped on the warranty card" in line(st_).reason


def test_invoice_shown_without_a_purchase_date_falls_back_to_the_card() -> None:
    st_ = status(category="tablet", as_of=D("2026-06-01"), invoice_shown=True, card_stamp_date=D("2026-03-05"))
    assert st_.basis == "card_stamp"


def test_phone_without_proof_starts_at_factory_date_plus_90() -> None:
    st_ = status(category="mobile_phone", as_of=D("2026-06-01"), factory_date=D("2026-01-01"))
    assert (st_.start, st_.basis) == (D("2026-04-01"), "factory_plus_90")
    assert line(st_).last_day == D("2027-03-31")
    assert "factory date + 90 days" in line(st_).reason
    assert st_.overall == "in"


def test_factory_date_counts_only_for_phones() -> None:
    st_ = status(category="computer", as_of=D("2026-06-01"), factory_date=D("2026-01-01"))
    assert (st_.start, st_.basis) == (None, "none")


@pytest.mark.parametrize("category", ["refrigerator", "mobile_phone"])
def test_no_proof_means_unknown(category: str) -> None:
    # A purchase date told without an invoice or stamped card is not proof.
    st_ = status(category=category, as_of=D("2026-06-01"), purchase_date=D("2026-05-01"))
    assert (st_.start, st_.basis, st_.overall) == (None, "none", "unknown")
    assert all(ln.last_day is None and not ln.in_warranty for ln in st_.lines)
    assert "Proof of purchase needed" in line(st_).reason
    assert "proof of purchase" in st_.summary
    assert not st_.covers(WHOLE_UNIT)


def test_start_after_as_of_asks_to_check_the_date() -> None:
    st_ = status(category="mobile_phone", as_of=D("2026-03-01"), factory_date=D("2026-01-01"))
    assert st_.start == D("2026-04-01")
    assert st_.overall == "unknown"
    assert not any(ln.in_warranty for ln in st_.lines)
    assert "check the date" in st_.summary


# -- the period: last day and the day after --------------------------------------------------------


def test_last_day_of_the_period_and_the_day_after() -> None:
    # Bought 2025-03-10: 12 months -> last day Monday 2026-03-09.
    assert line(fridge("2026-03-09")).last_day == D("2026-03-09")
    assert line(fridge("2026-03-09")).in_warranty
    assert not line(fridge("2026-03-10")).in_warranty
    assert line(fridge("2026-03-10")).reason == "Out of warranty since 2026-03-10 (12 months from the invoice date)."


def test_purchase_day_itself_is_in_warranty() -> None:
    assert line(fridge("2025-03-10")).in_warranty


def test_period_ending_on_a_holiday_moves_to_the_next_working_day() -> None:
    # Bought 2025-06-06: last day Friday 2026-06-05, made a lone holiday -> Monday 06-08.
    cal = WorkCalendar(holidays=frozenset({D("2026-06-05")}))
    st_ = fridge("2026-06-08", "2025-06-06", calendar=cal)
    assert line(st_).last_day == D("2026-06-08")
    assert line(st_).in_warranty
    assert "public holiday (2026-06-05)" in line(st_).reason
    assert not line(fridge("2026-06-09", "2025-06-06", calendar=cal)).in_warranty


def test_period_ending_in_a_run_of_holidays_moves_past_the_run() -> None:
    # Labour Day 2026 runs Fri 1 .. Tue 5 May. Bought 2025-05-02: last day 2026-05-01.
    cal = WorkCalendar(holidays=frozenset(D(f"2026-05-0{d}") for d in range(1, 6)))
    assert line(fridge("2026-05-06", "2025-05-02", calendar=cal)).last_day == D("2026-05-06")
    assert line(fridge("2026-05-06", "2025-05-02", calendar=cal)).in_warranty
    assert not line(fridge("2026-05-07", "2025-05-02", calendar=cal)).in_warranty


def test_period_ending_on_a_holiday_before_a_make_up_saturday() -> None:
    cal = WorkCalendar(holidays=frozenset({D("2026-06-05")}), extra_workdays=frozenset({D("2026-06-06")}))
    assert line(fridge("2026-06-01", "2025-06-06", calendar=cal)).last_day == D("2026-06-06")


def test_period_ending_on_an_ordinary_weekend_does_not_move() -> None:
    # Last day Saturday 2026-06-06 is not a public holiday.
    assert line(fridge("2026-06-01", "2025-06-07")).last_day == D("2026-06-06")


def test_shipped_holidays_are_the_default_calendar() -> None:
    # Bought 2025-10-02: last day 2026-10-01 (National Day) -> Thursday 2026-10-08.
    facts = WarrantyFacts("refrigerator", as_of=D("2026-10-08"), purchase_date=D("2025-10-02"), invoice_shown=True)
    assert line(warranty_status(facts)).last_day == D("2026-10-08")
    assert line(warranty_status(facts, default_calendar())).in_warranty
    assert not line(warranty_status(facts, NO_HOLIDAYS)).in_warranty


def test_repair_days_are_added_back() -> None:
    assert line(fridge("2026-03-19", repair_days=10)).last_day == D("2026-03-19")
    assert line(fridge("2026-03-19", repair_days=10)).in_warranty
    assert not line(fridge("2026-03-20", repair_days=10)).in_warranty
    assert "10 days in repair added back" in line(fridge("2026-03-19", repair_days=10)).reason
    # Every line gets them.
    assert line(fridge("2026-03-19", repair_days=10), "compressor").last_day == D("2028-03-19")


def test_repair_days_then_holiday() -> None:
    # Nominal last day 2026-03-09 + 3 days = Thursday 03-12, a holiday -> Friday 03-13.
    cal = WorkCalendar(holidays=frozenset({D("2026-03-12")}))
    assert line(fridge("2026-03-13", repair_days=3, calendar=cal)).last_day == D("2026-03-13")


# -- warranty card vs statute -------------------------------------------------------------------------


def test_card_longer_than_statute_wins() -> None:
    st_ = fridge("2026-09-01", card_whole_unit_months=24, card_component_months={"compressor": 120})
    whole, compressor = line(st_), line(st_, "compressor")
    assert (whole.months, whole.source, whole.in_warranty) == (24, "card", True)
    assert whole.last_day == D("2027-03-09")
    assert "longer than the statutory 12" in whole.reason
    assert (compressor.months, compressor.source) == (120, "card")


def test_card_shorter_than_statute_loses() -> None:
    st_ = fridge("2026-03-09", card_whole_unit_months=6, card_component_months={"compressor": 12})
    assert (line(st_).months, line(st_).source, line(st_).in_warranty) == (12, "statute", True)
    assert (line(st_, "compressor").months, line(st_, "compressor").source) == (36, "statute")


def test_card_equal_to_statute_counts_as_statute_and_zero_means_no_promise() -> None:
    assert line(fridge("2026-01-01", card_whole_unit_months=12)).source == "statute"
    assert line(fridge("2026-01-01", card_whole_unit_months=0)).months == 12


def test_card_whole_unit_does_not_lift_a_shorter_component() -> None:
    st_ = status(category="mobile_phone", as_of=D("2026-09-01"), purchase_date=D("2026-01-01"),
                 invoice_shown=True, card_whole_unit_months=24)
    assert line(st_).months == 24
    assert line(st_, "battery").months == 6


def test_card_component_the_category_does_not_list_gets_a_line() -> None:
    st_ = status(category="tablet", as_of=D("2027-06-01"), purchase_date=D("2026-01-01"), invoice_shown=True,
                 card_component_months={"screen": 24})
    assert [ln.component for ln in st_.lines] == [WHOLE_UNIT, "screen"]
    assert (line(st_, "screen").months, line(st_, "screen").source) == (24, "card")
    assert st_.covers("screen") and not st_.covers(WHOLE_UNIT)


@pytest.mark.parametrize(
    ("kw", "key"),
    [
        ({"card_whole_unit_months": -1}, "card_whole_unit_months"),
        ({"card_whole_unit_months": 241}, "card_whole_unit_months"),
        ({"card_component_months": {"compressor": -5}}, "card_component_months"),
        ({"repair_days": -1}, "repair_days"),
        ({"exclusion": "bad_luck"}, "exclusion"),
    ],
)
def test_bad_facts_name_the_field(kw: dict[str, Any], key: str) -> None:
    with pytest.raises(ValidationError) as info:
        fridge("2026-01-01", **kw)
    assert list(info.value.fields) == [key]


# -- per-line coverage --------------------------------------------------------------------------------


def test_refrigerator_at_18_months_whole_unit_out_compressor_in() -> None:
    st_ = fridge("2026-09-10")
    assert not line(st_).in_warranty
    assert line(st_, "compressor").in_warranty
    assert line(st_, "compressor").last_day == D("2028-03-09")
    assert st_.overall == "partial"
    assert st_.covers("compressor")
    assert not st_.covers(WHOLE_UNIT)
    assert not st_.covers("door_seal")  # no own line: the whole unit decides
    assert st_.summary == "Partly in warranty: Compressor covered; Whole unit out of warranty."


def test_phone_battery_shorter_than_the_whole_unit() -> None:
    st_ = status(category="mobile_phone", as_of=D("2026-09-01"), purchase_date=D("2026-01-01"), invoice_shown=True)
    assert line(st_, "battery").last_day == D("2026-06-30")
    assert not st_.covers("battery")
    assert st_.covers("screen")  # falls back to the whole unit, still in
    assert st_.overall == "partial"


def test_overall_in_and_out() -> None:
    in_ = fridge("2025-06-01")
    assert in_.overall == "in"
    assert in_.summary == "In warranty: whole unit until 2026-03-09."
    out = fridge("2028-03-10")
    assert out.overall == "out"
    assert out.summary == "Out of warranty since 2028-03-10."


# -- exclusions -------------------------------------------------------------------------------------


def test_exclusion_labels() -> None:
    assert EXCLUSION_REASONS == {
        "misuse": "Damage from use against the manual",
        "unauthorised_disassembly": "Disassembled by someone not authorised",
        "card_mismatch": "Warranty card altered or not matching the unit",
        "force_majeure": "Force majeure (fire, flood, lightning...)",
    }


@pytest.mark.parametrize("exclusion", sorted(EXCLUSION_REASONS))
def test_each_exclusion_puts_every_line_out(exclusion: str) -> None:
    st_ = fridge("2025-06-01", exclusion=exclusion)
    assert st_.exclusion == exclusion
    assert st_.overall == "out"
    for ln in st_.lines:
        assert not ln.in_warranty
        assert ln.reason == EXCLUSION_REASONS[exclusion]
        assert ln.last_day is not None  # the period is still shown
    assert not st_.covers("compressor")
    assert EXCLUSION_REASONS[exclusion] in st_.summary


def test_exclusion_without_proof_is_out_not_unknown() -> None:
    st_ = status(category="refrigerator", as_of=D("2026-01-01"), exclusion="force_majeure")
    assert st_.overall == "out"
    assert line(st_).reason == EXCLUSION_REASONS["force_majeure"]


# -- refused facts --------------------------------------------------------------------------------------


def test_unknown_category() -> None:
    with pytest.raises(ValidationError) as info:
        status(category="spaceship", as_of=D("2026-01-01"))
    assert "category" in info.value.fields
    assert "spaceship" in info.value.fields["category"]


def test_purchase_date_in_the_future() -> None:
    with pytest.raises(ValidationError) as info:
        fridge("2026-01-01", "2026-01-02")
    assert "purchase_date" in info.value.fields


def test_custom_rules() -> None:
    rules = {"drone": CategoryRule("drone", "Drone", 6, (ComponentPeriod("gimbal", "Gimbal", 3),), False)}
    facts = WarrantyFacts("drone", as_of=D("2026-05-01"), purchase_date=D("2026-01-01"), invoice_shown=True)
    st_ = warranty_status(facts, NO_HOLIDAYS, rules)
    assert [(ln.component, ln.label, ln.months, ln.in_warranty) for ln in st_.lines] == [
        (WHOLE_UNIT, "Whole unit", 6, True), ("gimbal", "Gimbal", 3, False)]
    with pytest.raises(ValidationError):
        warranty_status(WarrantyFacts("refrigerator", as_of=D("2026-05-01")), NO_HOLIDAYS, rules)


# -- 三包 advice ----------------------------------------------------------------------------------------


def advice(days: int, in_period: bool = True, fault: bool = True, prior: int = 0) -> SanbaoAdvice:
    bought = D("2026-03-01")
    return sanbao_advice(bought, bought + timedelta(days=days), in_period, fault, prior)


def test_day_7_refund_day_8_exchange() -> None:
    for days in (0, 1, 7):
        assert advice(days).options == ("refund", "exchange", "repair")
        assert advice(days).rule == "within_7_days"
    assert advice(8).options == ("exchange", "repair")
    assert advice(8).days_since_purchase == 8


def test_day_15_exchange_day_16_free_repair() -> None:
    assert advice(15).options == ("exchange", "repair")
    assert advice(15).rule == "within_15_days"
    assert advice(16).options == ("free_repair",)
    assert advice(16).rule == "in_period"


def test_message_is_ready_to_show() -> None:
    assert advice(5).message == (
        "Day 5 after purchase with a performance fault: refund, exchange or repair (customer's choice)."
    )
    assert "Day 12" in advice(12).message


def test_purchase_day_is_not_counted() -> None:
    # Bought 1 March; 8 March is day 7.
    assert sanbao_advice(D("2026-03-01"), D("2026-03-08"), True).days_since_purchase == 7
    assert sanbao_advice(D("2026-03-01"), D("2026-03-09"), True).rule == "within_15_days"


def test_no_performance_fault_is_free_repair_in_period() -> None:
    assert advice(3, fault=False).options == ("free_repair",)


def test_out_of_period_is_paid_repair() -> None:
    assert advice(400, in_period=False).options == ("paid_repair",)
    # An exclusion (in_period False) on day 5 removes the 三包 rights too.
    assert advice(5, in_period=False).options == ("paid_repair",)


def test_repaired_twice_wins_over_free_repair() -> None:
    assert advice(100, prior=1).options == ("free_repair",)
    assert advice(100, prior=2).options == ("free_exchange", "refund_less_depreciation")
    assert advice(100, prior=3).rule == "repaired_twice"
    assert advice(100, in_period=False, prior=2).options == ("paid_repair",)
    # Within 15 days the day rules already give more.
    assert advice(10, prior=2).rule == "within_15_days"


def test_without_a_purchase_date_verify_it() -> None:
    a = sanbao_advice(None, D("2026-03-01"), True)
    assert (a.options, a.rule, a.days_since_purchase) == (("verify_purchase",), "no_purchase_date", None)
    future = sanbao_advice(D("2026-03-02"), D("2026-03-01"), True)
    assert (future.options, future.rule) == (("verify_purchase",), "purchase_after_today")


def test_every_option_has_a_label() -> None:
    for a in (advice(1), advice(10), advice(100), advice(100, prior=2), advice(400, in_period=False),
              sanbao_advice(None, D("2026-01-01"), True)):
        assert all(o in SANBAO_OPTION_LABELS for o in a.options)
        assert a.message


# -- repeat repairs and software set-up --------------------------------------------------------------


def test_repeat_repair_within_30_days_inclusive() -> None:
    done = D("2026-03-01")
    assert REPEAT_REPAIR_DAYS == 30
    assert is_repeat_repair(done, done)
    assert is_repeat_repair(done, done + timedelta(days=30))
    assert not is_repeat_repair(done, done + timedelta(days=31))
    assert not is_repeat_repair(None, done)
    assert not is_repeat_repair(done, done - timedelta(days=1))


@pytest.mark.parametrize(
    ("installed", "as_of", "charge"),
    [
        ("2026-03-15", "2026-03-15", "free"),
        ("2026-03-15", "2026-04-15", "free"),  # the same day-of-month a month later
        ("2026-03-15", "2026-04-16", "manager_decides"),
        ("2026-03-15", "2026-06-15", "manager_decides"),  # exactly 3 months: not yet "after"
        ("2026-03-15", "2026-06-16", "charged"),
        ("2026-01-31", "2026-02-28", "free"),  # no 31 Feb: the month's last day
        ("2026-01-31", "2026-03-01", "manager_decides"),
        ("2026-11-30", "2027-02-28", "manager_decides"),
        ("2026-11-30", "2027-03-01", "charged"),
    ],
)
def test_software_setup_charge(installed: str, as_of: str, charge: str) -> None:
    assert software_setup_charge(D(installed), D(as_of)) == charge
    assert charge in SOFTWARE_SETUP_LABELS


def test_software_installed_in_the_future_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        software_setup_charge(D("2026-03-02"), D("2026-03-01"))
    assert "installed_on" in info.value.fields


# -- properties ----------------------------------------------------------------------------------------

dates = st.dates(date(2020, 1, 1), date(2030, 12, 31))
categories = st.sampled_from(sorted(EXPECTED))
holiday_sets = st.frozensets(dates, max_size=30)


@given(categories, dates, st.integers(0, 3000), st.integers(0, 3000), st.integers(0, 200), holiday_sets,
       st.sampled_from([None, 0, 6, 24, 60]))
@settings(max_examples=150)
def test_in_warranty_is_monotone(category: str, bought: date, gap1: int, gap2: int, repair: int,
                                 holidays: frozenset[date], card: int | None) -> None:
    cal = WorkCalendar(holidays=holidays)
    earlier, later = bought + timedelta(days=min(gap1, gap2)), bought + timedelta(days=max(gap1, gap2))

    def at(day: date) -> WarrantyStatus:
        return warranty_status(WarrantyFacts(category, as_of=day, purchase_date=bought, invoice_shown=True,
                                             repair_days=repair, card_whole_unit_months=card), cal)

    first, second = at(earlier), at(later)
    for a, b in zip(first.lines, second.lines, strict=True):
        assert a.component == b.component
        assert a.last_day == b.last_day  # as_of does not move the period
        if not a.in_warranty:
            assert not b.in_warranty
        assert a.in_warranty == (bought <= earlier <= (a.last_day or bought))
        assert a.last_day is not None and a.last_day >= bought
        assert cal.is_working_day(a.last_day) or a.last_day not in holidays


@given(categories, dates, st.integers(0, 2000))
def test_months_never_below_statute(category: str, bought: date, gap: int) -> None:
    rule = load_category_rules()[category]
    st_ = warranty_status(WarrantyFacts(category, as_of=bought + timedelta(days=gap), purchase_date=bought,
                                        invoice_shown=True, card_whole_unit_months=18), NO_HOLIDAYS)
    statute = {WHOLE_UNIT: rule.whole_unit_months} | {c.key: c.months for c in rule.components}
    for ln in st_.lines:
        assert ln.months >= statute[ln.component]
        assert ln.months == max(statute[ln.component], 18 if ln.component == WHOLE_UNIT else 0)


@given(dates, st.integers(0, 60), st.integers(0, 5), st.booleans(), st.booleans())
def test_advice_always_offers_labelled_options(bought: date, days: int, prior: int, in_period: bool,
                                               fault: bool) -> None:
    a = sanbao_advice(bought, bought + timedelta(days=days), in_period, fault, prior)
    assert a.options and all(o in SANBAO_OPTION_LABELS for o in a.options)
    assert a.days_since_purchase == days
    if "refund" in a.options:
        assert days <= 7 and in_period and fault
