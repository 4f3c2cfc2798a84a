"""The shop's working calendar: days, hours, settings, shipped holidays."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontdesk.errors import ValidationError
from frontdesk.paths import resource
from frontdesk.workcalendar import WorkCalendar, default_calendar, default_holidays

# May 2026: Fri 1 .. Tue 5 are the Labour Day holidays, Sat 9 a make-up day.
LABOUR_DAY = frozenset(date(2026, 5, d) for d in range(1, 6))
MAKE_UP_SAT = date(2026, 5, 9)
# A lone holiday Monday.
HOLIDAY_MONDAY = date(2026, 6, 8)

CAL = WorkCalendar(holidays=LABOUR_DAY | {HOLIDAY_MONDAY}, extra_workdays=frozenset({MAKE_UP_SAT}))
PLAIN = WorkCalendar()


def dt(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss)


# -- days -----------------------------------------------------------------------


def test_weekdays_work_and_weekends_do_not() -> None:
    assert PLAIN.is_working_day(date(2026, 6, 5))  # Friday
    assert not PLAIN.is_working_day(date(2026, 6, 6))  # Saturday
    assert not PLAIN.is_working_day(date(2026, 6, 7))  # Sunday


def test_holiday_is_a_day_off_and_make_up_saturday_is_a_working_day() -> None:
    assert not CAL.is_working_day(HOLIDAY_MONDAY)
    assert not CAL.is_working_day(date(2026, 5, 4))  # a Monday inside the holidays
    assert MAKE_UP_SAT.weekday() == 5
    assert CAL.is_working_day(MAKE_UP_SAT)
    assert not CAL.is_working_day(date(2026, 5, 10))  # the Sunday after stays off


def test_a_date_both_holiday_and_make_up_day_is_a_holiday() -> None:
    d = date(2026, 5, 9)
    cal = WorkCalendar(holidays=frozenset({d}), extra_workdays=frozenset({d}))
    assert not cal.is_working_day(d)


def test_working_weekdays_are_configurable() -> None:
    six_days = WorkCalendar(working_weekdays=frozenset({0, 1, 2, 3, 4, 5}))
    assert six_days.is_working_day(date(2026, 6, 6))  # Saturday
    assert not six_days.is_working_day(date(2026, 6, 7))
    assert six_days.next_working_day(date(2026, 6, 5)) == date(2026, 6, 6)


def test_next_working_day_is_strictly_after() -> None:
    assert PLAIN.next_working_day(date(2026, 6, 3)) == date(2026, 6, 4)
    assert PLAIN.next_working_day(date(2026, 6, 5)) == date(2026, 6, 8)  # Friday -> Monday
    assert CAL.next_working_day(date(2026, 6, 5)) == date(2026, 6, 9)  # holiday Monday -> Tuesday
    # Thursday before the Labour Day run -> Wednesday after it.
    assert CAL.next_working_day(date(2026, 4, 30)) == date(2026, 5, 6)
    assert CAL.next_working_day(date(2026, 5, 8)) == MAKE_UP_SAT


def test_working_day_on_or_after() -> None:
    assert PLAIN.working_day_on_or_after(date(2026, 6, 5)) == date(2026, 6, 5)
    assert PLAIN.working_day_on_or_after(date(2026, 6, 6)) == date(2026, 6, 8)
    assert CAL.working_day_on_or_after(HOLIDAY_MONDAY) == date(2026, 6, 9)
    assert CAL.working_day_on_or_after(MAKE_UP_SAT) == MAKE_UP_SAT


# -- hours ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "inside"),
    [
        (dt(2026, 6, 3, 8, 59, 59), False),
        (dt(2026, 6, 3, 9, 0), True),
        (dt(2026, 6, 3, 17, 59, 59), True),
        (dt(2026, 6, 3, 18, 0), False),  # closing is exclusive
        (dt(2026, 6, 6, 10, 0), False),  # Saturday
        (dt(2026, 5, 9, 10, 0), True),  # make-up Saturday
        (dt(2026, 6, 8, 10, 0), False),  # holiday Monday
    ],
)
def test_within_hours(moment: datetime, inside: bool) -> None:
    assert CAL.within_hours(moment) is inside


def test_next_opening() -> None:
    inside = dt(2026, 6, 3, 11, 22, 33)
    assert CAL.next_opening(inside) == inside
    assert CAL.next_opening(dt(2026, 6, 3, 7, 0)) == dt(2026, 6, 3, 9, 0)  # early: same day
    assert CAL.next_opening(dt(2026, 6, 3, 18, 0)) == dt(2026, 6, 4, 9, 0)  # evening: next day
    assert CAL.next_opening(dt(2026, 6, 3, 23, 59)) == dt(2026, 6, 4, 9, 0)
    assert PLAIN.next_opening(dt(2026, 6, 5, 19, 0)) == dt(2026, 6, 8, 9, 0)  # Friday evening -> Monday
    assert CAL.next_opening(dt(2026, 6, 5, 19, 0)) == dt(2026, 6, 9, 9, 0)  # holiday Monday -> Tuesday
    assert CAL.next_opening(dt(2026, 6, 8, 8, 0)) == dt(2026, 6, 9, 9, 0)  # early on the holiday
    assert CAL.next_opening(dt(2026, 5, 8, 18, 30)) == dt(2026, 5, 9, 9, 0)  # make-up Saturday


def test_custom_hours() -> None:
    cal = WorkCalendar(opening=time(8, 30), closing=time(20, 0))
    assert cal.within_hours(dt(2026, 6, 3, 19, 59))
    assert cal.next_opening(dt(2026, 6, 3, 20, 0)) == dt(2026, 6, 4, 8, 30)


def test_due_after_inside_hours_is_plain_addition() -> None:
    assert PLAIN.due_after(dt(2026, 6, 3, 10, 0), timedelta(hours=2)) == dt(2026, 6, 3, 12, 0)
    assert PLAIN.due_after(dt(2026, 6, 3, 15, 59), timedelta(hours=2)) == dt(2026, 6, 3, 17, 59)


def test_due_after_past_closing_moves_to_next_opening() -> None:
    # 17:30 + 2 h = 19:30, after the 18:00 closing.
    assert PLAIN.due_after(dt(2026, 6, 3, 17, 30), timedelta(hours=2)) == dt(2026, 6, 4, 9, 0)
    # Landing exactly on 18:00 is outside hours too.
    assert PLAIN.due_after(dt(2026, 6, 3, 16, 0), timedelta(hours=2)) == dt(2026, 6, 4, 9, 0)
    # Friday evening -> Monday; with a holiday Monday -> Tuesday.
    assert PLAIN.due_after(dt(2026, 6, 5, 17, 30), timedelta(hours=2)) == dt(2026, 6, 8, 9, 0)
    assert CAL.due_after(dt(2026, 6, 5, 15, 0), timedelta(hours=3)) == dt(2026, 6, 9, 9, 0)


def test_due_after_before_opening_moves_to_opening_same_day() -> None:
    assert PLAIN.due_after(dt(2026, 6, 3, 5, 0), timedelta(hours=2)) == dt(2026, 6, 3, 9, 0)


def test_add_working_days_keeps_the_clock_time() -> None:
    assert PLAIN.add_working_days(dt(2026, 6, 1, 10, 15), 1) == dt(2026, 6, 2, 10, 15)
    assert PLAIN.add_working_days(dt(2026, 6, 5, 10, 15), 1) == dt(2026, 6, 8, 10, 15)  # Fri -> Mon
    assert CAL.add_working_days(dt(2026, 6, 5, 10, 15), 1) == dt(2026, 6, 9, 10, 15)  # holiday Mon
    assert CAL.add_working_days(dt(2026, 4, 30, 10, 0), 1) == dt(2026, 5, 6, 10, 0)
    assert CAL.add_working_days(dt(2026, 5, 8, 10, 0), 1) == dt(2026, 5, 9, 10, 0)  # make-up Sat
    assert PLAIN.add_working_days(dt(2026, 6, 1, 10, 0), 5) == dt(2026, 6, 8, 10, 0)


def test_add_working_days_moves_into_hours_first() -> None:
    # Saturday 11:00 counts from Monday 09:00.
    assert PLAIN.add_working_days(dt(2026, 6, 6, 11, 0), 1) == dt(2026, 6, 9, 9, 0)
    # Wednesday 19:00 counts from Thursday 09:00.
    assert PLAIN.add_working_days(dt(2026, 6, 3, 19, 0), 1) == dt(2026, 6, 5, 9, 0)
    assert PLAIN.add_working_days(dt(2026, 6, 6, 11, 0), 0) == dt(2026, 6, 8, 9, 0)


def test_add_working_days_refuses_negative() -> None:
    with pytest.raises(ValueError):
        PLAIN.add_working_days(dt(2026, 6, 3, 10, 0), -1)


# -- construction and settings ----------------------------------------------------


def test_construction_refuses_a_calendar_that_never_opens() -> None:
    with pytest.raises(ValueError):
        WorkCalendar(working_weekdays=frozenset())
    with pytest.raises(ValueError):
        WorkCalendar(working_weekdays=frozenset({7}))
    with pytest.raises(ValueError):
        WorkCalendar(opening=time(18, 0), closing=time(9, 0))
    with pytest.raises(ValueError):
        WorkCalendar(opening=time(9, 0), closing=time(9, 0))


def test_plain_sets_are_frozen_so_the_calendar_stays_hashable() -> None:
    cal = WorkCalendar(holidays={date(2026, 1, 1)}, working_weekdays={0, 1})  # type: ignore[arg-type]
    assert isinstance(cal.holidays, frozenset)
    assert isinstance(cal.working_weekdays, frozenset)
    assert hash(cal) == hash(WorkCalendar(holidays=frozenset({date(2026, 1, 1)}), working_weekdays=frozenset({0, 1})))


def test_from_settings_reads_every_key() -> None:
    cal = WorkCalendar.from_settings({
        "holidays": ["2026-10-01", "2026-10-02"],
        "extra_workdays": ["2026-10-10"],
        "working_weekdays": [0, 1, 2, 3, 4, 5],
        "opening": "08:30",
        "closing": "17:45",
    })
    assert cal.holidays == {date(2026, 10, 1), date(2026, 10, 2)}
    assert cal.extra_workdays == {date(2026, 10, 10)}
    assert cal.working_weekdays == {0, 1, 2, 3, 4, 5}
    assert (cal.opening, cal.closing) == (time(8, 30), time(17, 45))


def test_from_settings_missing_or_none_keys_take_defaults() -> None:
    assert WorkCalendar.from_settings({}) == WorkCalendar()
    assert WorkCalendar.from_settings(dict.fromkeys(("holidays", "extra_workdays", "working_weekdays",
                                                     "opening", "closing"))) == WorkCalendar()


def test_from_settings_accepts_dates_and_digit_strings() -> None:
    cal = WorkCalendar.from_settings({"holidays": [date(2026, 1, 1)], "working_weekdays": ["0", "2"]})
    assert cal.holidays == {date(2026, 1, 1)}
    assert cal.working_weekdays == {0, 2}


@pytest.mark.parametrize(
    ("data", "key", "words"),
    [
        ({"holidays": ["2026-13-01"]}, "holidays", ("Public holidays", "2026-13-01")),
        ({"holidays": "2026-10-01"}, "holidays", ("Public holidays",)),
        ({"holidays": 5}, "holidays", ("Public holidays",)),
        ({"extra_workdays": ["soon"]}, "extra_workdays", ("Make-up working days", "soon")),
        ({"working_weekdays": [7]}, "working_weekdays", ("Working days",)),
        ({"working_weekdays": []}, "working_weekdays", ("Working days",)),
        ({"working_weekdays": [True]}, "working_weekdays", ("Working days",)),
        ({"working_weekdays": ["Mon"]}, "working_weekdays", ("Working days",)),
        ({"opening": "9am"}, "opening", ("Calling hours from", "09:00")),
        ({"opening": "25:00"}, "opening", ("Calling hours from",)),
        ({"closing": 18}, "closing", ("Calling hours to",)),
        ({"opening": "18:00", "closing": "09:00"}, "closing", ("Calling hours to", "18:00")),
        ({"opening": "19:00"}, "closing", ("Calling hours to", "19:00")),
    ],
)
def test_from_settings_names_the_bad_key(data: dict[str, object], key: str, words: tuple[str, ...]) -> None:
    with pytest.raises(ValidationError) as info:
        WorkCalendar.from_settings(data)
    assert list(info.value.fields) == [key]
    for word in words:
        assert word in info.value.fields[key]


def test_from_settings_reports_every_bad_key_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        WorkCalendar.from_settings({"holidays": ["x"], "working_weekdays": [9], "opening": "noon"})
    assert set(info.value.fields) == {"holidays", "working_weekdays", "opening"}


def test_to_settings_is_json_and_round_trips() -> None:
    data = CAL.to_settings()
    assert json.loads(json.dumps(data)) == data
    assert data["opening"] == "09:00" and data["closing"] == "18:00"
    assert data["holidays"] == sorted(data["holidays"])
    assert WorkCalendar.from_settings(data) == CAL


# -- the shipped holidays ---------------------------------------------------------------


def test_default_holidays_cover_2025_to_2027() -> None:
    holidays, extra = default_holidays()
    assert isinstance(holidays, frozenset) and isinstance(extra, frozenset)
    for year in (2025, 2026, 2027):
        assert date(year, 1, 1) in holidays  # New Year's Day
        assert date(year, 5, 1) in holidays  # Labour Day
        assert date(year, 10, 1) in holidays  # National Day
        assert any(d.year == year for d in extra)
    assert date(2026, 2, 17) in holidays  # Spring Festival 2026
    assert date(2026, 10, 10) in extra
    assert not holidays & extra
    assert all(d.weekday() >= 5 for d in extra)  # make-up days replace weekend days


def test_default_holidays_file_says_shops_edit_it_in_settings() -> None:
    path = resource("holidays.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "Settings" in data["_comment"]


def test_default_calendar_uses_the_shipped_holidays() -> None:
    cal = default_calendar()
    assert not cal.is_working_day(date(2026, 10, 1))
    assert cal.is_working_day(date(2026, 10, 10))  # make-up Saturday
    # National Day 2026: Wednesday 30 Sept 17:30 + 2 h -> Thursday 8 Oct 09:00.
    assert cal.due_after(dt(2026, 9, 30, 17, 30), timedelta(hours=2)) == dt(2026, 10, 8, 9, 0)


# -- properties -----------------------------------------------------------------------------

moments = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31))
calendars = st.builds(
    WorkCalendar,
    holidays=st.frozensets(st.dates(date(2025, 1, 1), date(2028, 1, 31)), max_size=40),
    extra_workdays=st.frozensets(st.dates(date(2025, 1, 1), date(2028, 1, 31)), max_size=10),
    working_weekdays=st.frozensets(st.integers(0, 6), min_size=1),
    opening=st.sampled_from([time(0, 0), time(8, 0), time(9, 0), time(9, 30)]),
    closing=st.sampled_from([time(12, 0), time(17, 0), time(18, 0), time(23, 59)]),
)


@given(calendars, moments)
@settings(max_examples=200)
def test_next_opening_is_not_earlier_and_is_within_hours(cal: WorkCalendar, moment: datetime) -> None:
    opened = cal.next_opening(moment)
    assert opened >= moment
    assert cal.within_hours(opened)
    if not cal.within_hours(moment):
        assert opened.time() == cal.opening
        # No working day is skipped between the two.
        d = moment.date() + timedelta(days=1)
        while d < opened.date():
            assert not cal.is_working_day(d)
            d += timedelta(days=1)


@given(calendars, moments, st.integers(0, 30))
@settings(max_examples=200)
def test_add_working_days_lands_on_a_working_day_in_hours(cal: WorkCalendar, moment: datetime, n: int) -> None:
    due = cal.add_working_days(moment, n)
    assert cal.is_working_day(due.date())
    assert cal.within_hours(due)
    assert due >= moment
    start = cal.next_opening(moment)
    assert due.time() == start.time()
    between = sum(
        cal.is_working_day(start.date() + timedelta(days=i)) for i in range(1, (due.date() - start.date()).days + 1)
    )
    assert between == n


@given(calendars, moments, st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)))
def test_due_after_is_within_hours_and_not_early(cal: WorkCalendar, moment: datetime, delta: timedelta) -> None:
    due = cal.due_after(moment, delta)
    assert due >= moment + delta
    assert cal.within_hours(due)


@given(calendars)
def test_settings_round_trip(cal: WorkCalendar) -> None:
    assert WorkCalendar.from_settings(json.loads(json.dumps(cal.to_settings()))) == cal
