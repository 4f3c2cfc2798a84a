"""Values as a JSON column holds them (an audit record's detail, a receipt's
snapshot)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any


def jsonable(value: Any) -> Any:
    """``value`` with what JSON cannot hold made text: a Decimal its string
    (no float rounding), a date or datetime its ISO form; mappings (keys made
    text) and lists, tuples and sets (as lists) converted item by item;
    anything else as it is."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [jsonable(v) for v in value]
    return value


__all__ = ["jsonable"]
