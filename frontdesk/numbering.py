"""Numbers from one gapless sequence per name and year (T2026-000123).

The counter row is made or bumped with a single ``INSERT ... ON CONFLICT DO
UPDATE ... RETURNING`` inside the caller's transaction: the row stays locked until that transaction ends, so two
counters can never draw the same number, and a rolled-back transaction gives
its number back (no gap).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, String, Text, bindparam, cast, func, text
from sqlalchemy.orm import Session


def next_number(session: Session, name: str, year: int) -> int:
    """The next number of ``name`` in ``year``, drawn in the session's
    transaction: the year's counter is made at its first number, else
    bumped, by one statement.  It goes to the session's connection as it
    is: it touches no object the session holds, so it neither flushes the
    session first nor goes through the ORM's update (a millisecond of the
    intake's time on PostgreSQL)."""
    return int(session.connection().execute(DRAW, {"seq_name": name, "seq_year": year}).scalar_one())


# The counter's row made or bumped (SQLite and PostgreSQL alike): the row is locked until the transaction
# ends; two counters making the year's first number at once are one insert and one bump.
DRAW_SQL = ("INSERT INTO number_sequences (name, year, last) VALUES (:seq_name, :seq_year, 1) "
            "ON CONFLICT (name, year) DO UPDATE SET last = number_sequences.last + 1 RETURNING last")
DRAW = text(DRAW_SQL)
WIDTH = 6  # digits at least, zero-padded


def format_number(prefix: str, year: int, value: int) -> str:
    return f"{prefix}{year}-{value:0{WIDTH}d}"


def formatted_in_sql(head: str, value: ColumnElement[Any]) -> ColumnElement[str]:
    """:func:`format_number` in SQL (PostgreSQL), the ``prefix`` and
    ``year`` given as the parameter ``head`` ("T2026-")."""
    digits = cast(value, Text)
    return func.concat(bindparam(head, type_=String), func.lpad(digits, func.greatest(WIDTH, func.length(digits)), "0"))


@dataclass(frozen=True)
class Drawn:
    """A number drawn for an attribute of a row as it is inserted (the
    ticket's), formatted as :func:`format_number` does: on PostgreSQL in the
    row's insert (frontdesk.db.direct.Linked), elsewhere just before it."""

    attr: str
    name: str
    prefix: str
    year: int

    @property
    def head(self) -> str:
        return f"{self.prefix}{self.year}-"

    def formatted(self, value: int) -> str:
        return format_number(self.prefix, self.year, value)

    def draw(self, session: Session) -> str:
        return self.formatted(next_number(session, self.name, self.year))
