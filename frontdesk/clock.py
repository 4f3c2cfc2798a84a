"""The shop's clock: naive local time, in one place so tests can set it."""

from __future__ import annotations

from datetime import datetime


def now() -> datetime:
    return datetime.now().replace(microsecond=0)
