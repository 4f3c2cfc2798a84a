"""Numbers from one gapless sequence per name and year (T2026-000123).

The counter row is bumped with a single ``UPDATE ... RETURNING`` inside the
caller's transaction: the row stays locked until that transaction ends, so two
counters can never draw the same number, and a rolled-back transaction gives
its number back (no gap).
"""

from __future__ import annotations

from sqlalchemy import bindparam, insert, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk.db.models import NumberSequence


def next_number(session: Session, name: str, year: int) -> int:
    """The next number of ``name`` in ``year``, drawn in the session's
    transaction.  The counter's statement goes to the session's connection
    as it is: it touches no object the session holds, so it neither flushes
    the session first nor goes through the ORM's update (a millisecond of the
    intake's time on PostgreSQL)."""
    for _attempt in range(3):
        value = session.connection().execute(_BUMP, {"seq_name": name, "seq_year": year}).scalar()
        if value is not None:
            return int(value)
        try:
            with session.begin_nested():
                session.execute(insert(NumberSequence).values(name=name, year=year, last=1))
            return 1
        except IntegrityError:
            continue  # another counter created the row first: bump it instead
    raise RuntimeError(f"could not draw a number from {name}/{year}")


_BUMP = (update(NumberSequence)
         .where(NumberSequence.name == bindparam("seq_name"), NumberSequence.year == bindparam("seq_year"))
         .values(last=NumberSequence.last + 1)
         .returning(NumberSequence.last))


def format_number(prefix: str, year: int, value: int) -> str:
    return f"{prefix}{year}-{value:06d}"
