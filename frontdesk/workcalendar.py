"""The shop's working calendar: working days, public holidays and calling hours.

Used for call-backs (a call that falls outside calling hours moves to the
next opening), for the one-working-day response promise, and for the
warranty rule "a period that ends on a public holiday ends on the next
working day".

Rules:

* A day is a working day when it is a make-up working day (调休, usually a
  weekend day), or when its weekday is a working weekday and it is not a
  public holiday.  A date listed both as a holiday and as a make-up day is a
  configuration mistake; the holiday wins, because calling a customer on a
  public holiday is worse than waiting a day.
* Hours are ``opening <= t < closing``: at 18:00 sharp the shop is closed.
* Datetimes are naive local shop time (see :mod:`frontdesk.clock`).  An aware
  datetime keeps its ``tzinfo`` but no time-zone arithmetic is done.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from frontdesk.errors import ValidationError
from frontdesk.i18n import N_, _
from frontdesk.paths import resource

log = logging.getLogger(__name__)

DEFAULT_WORKING_WEEKDAYS: frozenset[int] = frozenset({0, 1, 2, 3, 4})
DEFAULT_OPENING = time(9, 0)
DEFAULT_CLOSING = time(18, 0)

# The same English labels as the Settings screen uses, so one catalog entry
# serves both and a message names the setting the clerk can see.
SETTING_LABELS: dict[str, str] = {
    "holidays": N_("Public holidays"),
    "extra_workdays": N_("Make-up working days"),
    "working_weekdays": N_("Working days"),
    "opening": N_("Calling hours from"),
    "closing": N_("Calling hours to"),
}


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[date] = frozenset()
    extra_workdays: frozenset[date] = frozenset()
    working_weekdays: frozenset[int] = DEFAULT_WORKING_WEEKDAYS
    opening: time = DEFAULT_OPENING
    closing: time = DEFAULT_CLOSING

    def __post_init__(self) -> None:
        # Callers may hand in plain sets; the dataclass is hashed and shared,
        # so freeze them here rather than trusting every caller.
        for name in ("holidays", "extra_workdays", "working_weekdays"):
            value = getattr(self, name)
            if not isinstance(value, frozenset):
                object.__setattr__(self, name, frozenset(value))
        # Without a working weekday, or with empty hours, the "next ..." searches
        # below would never end; refuse such a calendar at once.
        if not self.working_weekdays or any(
            not isinstance(d, int) or isinstance(d, bool) or not 0 <= d <= 6 for d in self.working_weekdays
        ):
            raise ValueError("working_weekdays must be a non-empty set of ints 0..6")
        if not self.opening < self.closing:
            raise ValueError("opening must be before closing")

    # -- days ---------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        if d in self.holidays:
            return False
        if d in self.extra_workdays:
            return True
        return d.weekday() in self.working_weekdays

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        d += timedelta(days=1)
        while not self.is_working_day(d):
            d += timedelta(days=1)
        return d

    def working_day_on_or_after(self, d: date) -> date:
        return d if self.is_working_day(d) else self.next_working_day(d)

    # -- hours --------------------------------------------------------------

    def within_hours(self, dt: datetime) -> bool:
        return self.is_working_day(dt.date()) and self.opening <= dt.time() < self.closing

    def next_opening(self, dt: datetime) -> datetime:
        """``dt`` itself when the shop is open then, else the next opening moment."""
        if self.within_hours(dt):
            return dt
        d = dt.date()
        if not (self.is_working_day(d) and dt.time() < self.opening):
            d = self.next_working_day(d)
        return datetime.combine(d, self.opening, tzinfo=dt.tzinfo)

    def add_working_days(self, dt: datetime, n: int) -> datetime:
        """The same clock time ``n`` working days later.

        ``dt`` is first moved into hours with :meth:`next_opening`, so a
        request taken on Saturday counts from Monday 09:00 and the promise
        does not land outside hours.
        """
        if n < 0:
            raise ValueError("n must not be negative")
        start = self.next_opening(dt)
        d = start.date()
        for _i in range(n):
            d = self.next_working_day(d)
        return datetime.combine(d, start.timetz())

    def due_after(self, dt: datetime, delta: timedelta) -> datetime:
        """``dt + delta``, moved to the next opening when that is outside hours.

        The delay is wall-clock time (a call-back "2 hours later"), not
        working time: 17:30 + 2 h is 19:30, which becomes the next opening.
        """
        return self.next_opening(dt + delta)

    # -- settings -----------------------------------------------------------

    @classmethod
    def from_settings(cls, data: Mapping[str, Any]) -> WorkCalendar:
        """Build from the stored settings; a missing or ``None`` key takes the
        dataclass default.  Every bad value is reported at once, keyed by the
        setting's key, in one :class:`ValidationError`."""
        problems: dict[str, str] = {}
        kwargs: dict[str, Any] = {}
        for key in ("holidays", "extra_workdays"):
            if data.get(key) is not None:
                try:
                    kwargs[key] = _parse_dates(data[key])
                except ValueError as exc:
                    problems[key] = _("{setting}: {value} is not a date like 2026-10-01.").format(
                        setting=_(SETTING_LABELS[key]), value=str(exc)
                    )
        if data.get("working_weekdays") is not None:
            try:
                kwargs["working_weekdays"] = _parse_weekdays(data["working_weekdays"])
            except ValueError:
                problems["working_weekdays"] = _(
                    "{setting}: list at least one day, Monday=0 to Sunday=6."
                ).format(setting=_(SETTING_LABELS["working_weekdays"]))
        for key in ("opening", "closing"):
            if data.get(key) is not None:
                try:
                    kwargs[key] = _parse_hhmm(data[key])
                except ValueError:
                    problems[key] = _("{setting}: must be a time like 09:00.").format(
                        setting=_(SETTING_LABELS[key])
                    )
        opening = kwargs.get("opening", DEFAULT_OPENING)
        closing = kwargs.get("closing", DEFAULT_CLOSING)
        if "opening" not in problems and "closing" not in problems and not opening < closing:
            problems["closing"] = _("{setting}: must be later than {opening}.").format(
                setting=_(SETTING_LABELS["closing"]), opening=opening.strftime("%H:%M")
            )
        if problems:
            raise ValidationError(problems)
        return cls(**kwargs)

    def to_settings(self) -> dict[str, Any]:
        """The inverse of :meth:`from_settings`, JSON-able (times to the minute)."""
        return {
            "holidays": sorted(d.isoformat() for d in self.holidays),
            "extra_workdays": sorted(d.isoformat() for d in self.extra_workdays),
            "working_weekdays": sorted(self.working_weekdays),
            "opening": self.opening.strftime("%H:%M"),
            "closing": self.closing.strftime("%H:%M"),
        }


def _parse_dates(value: Any) -> frozenset[date]:
    """ISO date strings (or dates) -> frozenset; ValueError names the bad item."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        # A single string would otherwise be read character by character.
        raise ValueError(repr(value))
    out: set[date] = set()
    for item in value:
        if isinstance(item, datetime):
            raise ValueError(repr(item))
        if isinstance(item, date):
            out.add(item)
            continue
        try:
            out.add(date.fromisoformat(str(item).strip()))
        except ValueError:
            raise ValueError(repr(item)) from None
    return frozenset(out)


def _parse_weekdays(value: Any) -> frozenset[int]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise ValueError(repr(value))
    days: set[int] = set()
    for item in value:
        # bool is an int subclass; True as "Tuesday" would be a silent mistake.
        if isinstance(item, bool):
            raise ValueError(repr(item))
        if isinstance(item, int):
            day = item
        elif isinstance(item, str) and item.strip().isdigit():
            day = int(item.strip())
        else:
            raise ValueError(repr(item))
        if not 0 <= day <= 6:
            raise ValueError(repr(item))
        days.add(day)
    if not days:
        raise ValueError("empty")
    return frozenset(days)


def _parse_hhmm(value: Any) -> time:
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if not isinstance(value, str):
        raise ValueError(repr(value))
    return datetime.strptime(value.strip(), "%H:%M").time()


@cache
def _load_default_holidays() -> tuple[frozenset[date], frozenset[date]]:
    path = resource("holidays.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    holidays = _parse_dates(data.get("holidays", []))
    extra = _parse_dates(data.get("extra_workdays", []))
    log.debug("default calendar: %d holidays, %d make-up working days", len(holidays), len(extra))
    return holidays, extra


def default_holidays() -> tuple[frozenset[date], frozenset[date]]:
    """``(public holidays, make-up working days)`` shipped with the program:
    the defaults for the Settings screen, which shops then edit."""
    return _load_default_holidays()


def default_calendar() -> WorkCalendar:
    """A calendar with the shipped holidays and default hours (for code that
    has no settings at hand, e.g. warranty checks without a session)."""
    holidays, extra = default_holidays()
    return WorkCalendar(holidays=holidays, extra_workdays=extra)
