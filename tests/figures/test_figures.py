"""The service figures of October 2026 on a shop built for the test
(tests/figures/october.py), every value worked out by hand beside the
rows that make it (docs/rules.md#service-figures)."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from frontdesk import clock
from frontdesk.cli import main
from frontdesk.db.engine import Database
from frontdesk.errors import ValidationError
from frontdesk.figures.catalog import AGE, ALL, CATEGORY, CHANNEL, FIGURES, TECHNICIAN
from frontdesk.figures.service import (
    Figures,
    Period,
    compute,
    last_months,
    nearest_rank,
    series,
    tickets_behind,
    trend,
)
from frontdesk.users import Actor
from tests.figures.october import NOW, Shop, build

D = Decimal
OCTOBER = Period.parse_month("2026-10")


@pytest.fixture
def shop(db: Database, users: tuple[Actor, Actor]) -> Shop:
    return build(db, users[0])


@pytest.fixture
def october(db: Database, shop: Shop) -> Figures:
    with db.read() as s:
        return compute(s, OCTOBER, now=NOW)


def value(figures: Figures, key: str, breakdown: str = ALL, group: str = "") -> tuple[Any, Any, Any]:
    v = figures.get(key, breakdown, group)
    assert v is not None, (key, breakdown, group)
    return v.value, v.numerator, v.denominator


def behind(db: Database, shop: Shop, key: str, breakdown: str = ALL, group: str = "", numerator: bool = False
           ) -> list[str]:
    """The labels of the tickets behind a figure."""
    names = {tid: label for label, tid in shop.tickets.items()}
    with db.read() as s:
        return [names[t] for t in tickets_behind(s, key, OCTOBER, breakdown, group, numerator=numerator, now=NOW)]


def test_turnaround_counts_in_the_month_the_repair_was_done(october: Figures) -> None:
    # October's repair records: T1 taken in 28 Sep 10:00, repaired 2 Oct 10:00 (4.00 days, counted in October);
    # T2 1.50 days; T3 2.25 days; T5 (no fault found) 10.00 days. T4, repaired on 2 November, is not October's.
    assert value(october, "turnaround_repaired_median") == (D("2.25"), None, 4)  # nearest rank: 2nd of 4
    assert value(october, "turnaround_repaired_p90") == (D("10.00"), None, 4)  # 4th of 4
    assert value(october, "turnaround_repaired_median", CATEGORY, "refrigerator") == (D("1.50"), None, 2)
    assert value(october, "turnaround_repaired_p90", CATEGORY, "refrigerator") == (D("4.00"), None, 2)
    assert value(october, "turnaround_repaired_median", TECHNICIAN, "Tech A") == (D("2.25"), None, 2)
    assert value(october, "turnaround_repaired_median", TECHNICIAN, "Tech B") == (D("1.50"), None, 2)
    assert value(october, "turnaround_repaired_median", CHANNEL, "walk_in") == (D("4.00"), None, 3)
    assert value(october, "turnaround_repaired_median", CHANNEL, "phone") == (D("2.25"), None, 1)


def test_turnaround_to_pick_up_across_the_month_end(october: Figures) -> None:
    # Picked up in October: T9 (1 Sep 09:00 to 1 Oct 09:00, 30.00 days), T1 5.00 days, T3 2.50 days.
    # T2, picked up at midnight on 1 November, is November's.
    assert value(october, "turnaround_pickup_median") == (D("5.00"), None, 3)
    assert value(october, "turnaround_pickup_p90") == (D("30.00"), None, 3)
    assert value(october, "turnaround_pickup_median", TECHNICIAN, "") == (D("30.00"), None, 1)  # T9: no technician


def test_slowest_tickets_first_behind_a_turnaround(db: Database, shop: Shop, october: Figures) -> None:
    assert behind(db, shop, "turnaround_repaired_p90") == ["T5", "T1", "T3", "T2"]
    assert behind(db, shop, "turnaround_pickup_median", CHANNEL, "phone") == ["T3"]


def test_answers_judged_by_the_working_day_promise(db: Database, shop: Shop, october: Figures) -> None:
    # R1 Thu 22 Oct 17:00, due Fri 17:00, answered Mon 10:00: late.  R2 Fri 23 Oct 17:30, due Mon 17:30, answered
    # Mon 10:00: on time.  R3 Fri 9 Oct 11:00: Monday 12 Oct is the shop's holiday, so due Tue 13 Oct 11:00;
    # answered 09:30: on time.  R5 due Thu 29 Oct, never answered: late.  R4 is due on Mon 2 November.
    assert value(october, "response_on_time") == (D("50.0"), D(2), 4)
    assert value(october, "response_late") == (D(2), D(2), 4)
    assert value(october, "response_on_time", CATEGORY, "colour_tv") == (D("50.0"), D(2), 4)
    assert behind(db, shop, "response_late", numerator=True) == ["R1", "R5"]
    assert behind(db, shop, "response_on_time", numerator=True) == ["R2", "R3"]
    assert behind(db, shop, "response_on_time") == ["R1", "R2", "R3", "R5"]


def test_the_promise_counts_working_days_of_the_shops_calendar(db: Database, shop: Shop) -> None:
    from frontdesk.db.models import Ticket

    with db.read() as s:
        due = {label: s.get_one(Ticket, shop.tickets[label]).respond_by for label in ("R1", "R2", "R3", "R4")}
    assert due == {"R1": datetime(2026, 10, 23, 17, 0), "R2": datetime(2026, 10, 26, 17, 30),
                   "R3": datetime(2026, 10, 13, 11, 0), "R4": datetime(2026, 11, 2, 10, 0)}


def test_repeat_repairs_on_day_29_and_day_31(db: Database, shop: Shop, october: Figures) -> None:
    # October's real repairs: T1 (no cooling, 2 Oct), T2 (leak, 6 Oct), T3 (no power, 12 Oct); T5 found no fault.
    # T1's product back for no cooling on 31 Oct (day 29): within 30 days.  T2's serial back for a leak on 6 Nov
    # (day 31, another product record, the same serial): within 90 days only.  T3's product back for another fault.
    assert value(october, "repeat_30") == (D("33.3"), D(1), 3)
    assert value(october, "repeat_90") == (D("66.7"), D(2), 3)
    assert value(october, "first_time_fix") == (D("66.7"), D(2), 3)
    assert value(october, "repeat_30", TECHNICIAN, "Tech A") == (D("50.0"), D(1), 2)
    assert value(october, "repeat_90", TECHNICIAN, "Tech B") == (D("100.0"), D(1), 1)
    assert value(october, "first_time_fix", CATEGORY, "colour_tv") == (D("100.0"), D(1), 1)
    assert behind(db, shop, "repeat_30", numerator=True) == ["T1"]
    assert behind(db, shop, "repeat_90", numerator=True) == ["T1", "T2"]
    assert behind(db, shop, "first_time_fix") == ["T1", "T2", "T3"]


def test_quotes_accepted_of_those_answered_in_the_month(db: Database, shop: Shop, october: Figures) -> None:
    # Approved: T2 (5 Oct), T3 (11 Oct); declined: T5 (25 Oct).  T9 answered in September, T4 in November,
    # and T5's replaced draft was never answered.
    assert value(october, "quote_acceptance") == (D("66.7"), D(2), 3)
    assert behind(db, shop, "quote_acceptance", numerator=True) == ["T2", "T3"]


def test_average_bill_exact_to_the_cent(db: Database, shop: Shop, october: Figures) -> None:
    # Picked up in October and paid: T1 100.00 + 33.33; T3 200.00 - 20.00 refunded + 50.00 of the deposit put
    # toward the bill (the voided 999.00 and the deposit itself left out).  T9 paid nothing.
    # 363.33 / 2 = 181.665, rounded half up: 181.67.
    assert value(october, "average_bill") == (D("181.67"), D("363.33"), 2)
    assert behind(db, shop, "average_bill") == ["T1", "T3"]


def test_satisfaction_from_the_cards(october: Figures) -> None:
    # Back in October: T1 (3, 3) and T2 (2, 3) satisfied, T3 (1, 3) not; T9's came back in September.
    assert value(october, "satisfaction") == (D("66.7"), D(2), 3)
    assert value(october, "satisfaction", TECHNICIAN, "Tech A") == (D("50.0"), D(1), 2)


def test_things_waiting_at_the_months_end(db: Database, shop: Shop, october: Figures) -> None:
    # On 31 October: W1 ready 1 day, W2 30 days, T2 24 days (picked up at midnight), W3 122 days.
    assert value(october, "waiting_pickup") == (D(4), D(4), None)
    assert value(october, "waiting_pickup", AGE, "0-7") == (D(1), D(1), None)
    assert value(october, "waiting_pickup", AGE, "8-30") == (D(2), D(2), None)
    assert value(october, "waiting_pickup", AGE, "91+") == (D(1), D(1), None)
    assert october.get("waiting_pickup", AGE, "31-90") is None
    assert behind(db, shop, "waiting_pickup", AGE, "8-30") == ["T2", "W2"]
    # Loans out then: T1's (due 15 Oct), T2's (due 5 Nov), T3's (due 10 Oct, back 2 Nov), T5's (due 31 Oct:
    # not late on its day).  Overdue: T1's and T3's.
    assert value(october, "loaners_overdue") == (D(2), D(2), 4)
    assert behind(db, shop, "loaners_overdue", numerator=True) == ["T1", "T3"]


def test_claims_outstanding_and_paid_short(db: Database, shop: Shop, october: Figures) -> None:
    # Not answered by 31 Oct: C1, and C2 (answered on 3 Nov).  Answered in October: C3 (80.00 of 100.00: short
    # 20.00), C4 (in full), C5 (rejected: not "paid short").
    assert value(october, "claims_outstanding") == (D(2), D(2), None)
    assert value(october, "claims_paid_short") == (D("33.3"), D(1), 3)
    assert value(october, "claims_short_amount") == (D("20.00"), D("20.00"), 1)
    assert behind(db, shop, "claims_outstanding") == ["C1", "C2"]
    assert behind(db, shop, "claims_paid_short", numerator=True) == ["C3"]


def test_every_figure_has_its_whole_shop_value(october: Figures) -> None:
    assert {v.key for v in october.values if v.breakdown == ALL} == set(FIGURES)
    assert october.as_of == datetime(2026, 11, 1)


def test_an_empty_month_has_no_values_but_counts_of_zero(db: Database, shop: Shop) -> None:
    with db.read() as s:
        empty = compute(s, Period.parse_month("2025-01"), now=NOW)
    assert value(empty, "turnaround_repaired_median") == (None, None, 0)
    assert value(empty, "response_on_time") == (None, D(0), 0)
    assert value(empty, "average_bill") == (None, D("0.00"), 0)
    assert value(empty, "satisfaction") == (None, D(0), 0)


def test_trend_gives_each_month_by_the_same_rules(db: Database, shop: Shop, october: Figures) -> None:
    with db.read() as s:
        months = trend(s, 3, until=date(2026, 11, 15), now=NOW)
    assert [m.period.label for m in months] == ["2026-09", "2026-10", "2026-11"]
    assert months[1].values == october.values
    # November: T4 repaired (5 days), T2 picked up.
    assert value(months[2], "turnaround_repaired_median") == (D("5.00"), None, 1)
    assert value(months[2], "turnaround_pickup_median") == (D("26.63"), None, 1)  # 5 Oct 09:00 to 1 Nov 00:00
    points = series(months, "repeat_30", TECHNICIAN, "Tech A")
    assert [(p.label, v.value if v else None) for p, v in points] == [("2026-09", None), ("2026-10", D("50.0")),
                                                                      ("2026-11", D("0.0"))]


def test_periods() -> None:
    assert Period(date(2026, 9, 20), date(2026, 11, 3)).label == "2026-09-20..2026-11-02"
    assert [p.label for p in Period(date(2026, 9, 20), date(2026, 11, 3)).months()] == [
        "2026-09-20..2026-09-30", "2026-10", "2026-11-01..2026-11-02"]
    assert [p.label for p in last_months(2, until=date(2026, 1, 9))] == ["2025-12", "2026-01"]
    with pytest.raises(ValidationError, match="YYYY-MM"):
        Period.parse_month("October")
    with pytest.raises(ValidationError, match="ends before it begins"):
        Period(date(2026, 10, 2), date(2026, 10, 1))
    assert nearest_rank([D(3), D(1), D(2), D(4)], 0.5) == D(2)
    assert nearest_rank([D(n) for n in range(1, 11)], 0.9) == D(9)
    assert nearest_rank([], 0.5) is None


def test_asking_for_a_figure_it_does_not_have(db: Database, shop: Shop) -> None:
    with db.read() as s, pytest.raises(ValidationError, match="not broken down by"):
        tickets_behind(s, "loaners_overdue", OCTOBER, TECHNICIAN, "Tech A")
    with db.read() as s, pytest.raises(ValidationError, match="No such figure"):
        tickets_behind(s, "speed", OCTOBER)


def test_command_line_prints_and_writes_json(db: Database, shop: Shop, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    monkeypatch.setattr(clock, "now", lambda: NOW)
    out_file = tmp_path / "figures.json"
    url = db.engine.url.render_as_string(hide_password=False)
    assert main(["figures", "--db", url, "--month", "2026-10", "--json", str(out_file)]) == 0
    out = capsys.readouterr().out
    assert "Average bill\tAll\tAll\t181.67 CNY\t363.33\t2" in out
    assert "Phone requests answered within one working day\tAll\tAll\t50.0%\t2\t4" in out
    doc = json.loads(out_file.read_text(encoding="utf-8"))
    assert doc["period"] == {"from": "2026-10-01", "to": "2026-10-31"}
    first = next(f for f in doc["figures"] if f["key"] == "repeat_30" and f["breakdown"] == "all")
    assert first == {"key": "repeat_30", "unit": "percent", "breakdown": "all", "group": "", "value": "33.3",
                     "numerator": "1", "denominator": 3}
    assert main(["figures", "--db", url, "--from", "2026-10-01", "--to", "2026-10-31"]) == 0
    assert "Average bill\tAll\tAll\t181.67 CNY" in capsys.readouterr().out
    assert main(["figures", "--db", url, "--month", "2026-10", "--from", "2026-10-01", "--to", "2026-10-02"]) == 2
    assert "either --month or --from and --to" in capsys.readouterr().err
