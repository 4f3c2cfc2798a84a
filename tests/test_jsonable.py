"""What a JSON column is given: text for what JSON cannot hold, the rest as it is."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

from frontdesk.jsonable import jsonable


def test_decimals_dates_and_containers_become_what_json_holds() -> None:
    value = {"amount": Decimal("1.50"), 2: [date(2026, 11, 24), datetime(2026, 11, 24, 9, 30)],
             "tags": ("a", "b"), "one": {"x"}, "none": None, "n": 3, "text": "文本"}
    got = jsonable(value)
    assert got == {"amount": "1.50", "2": ["2026-11-24", "2026-11-24T09:30:00"], "tags": ["a", "b"],
                   "one": ["x"], "none": None, "n": 3, "text": "文本"}
    assert json.loads(json.dumps(got)) == got
