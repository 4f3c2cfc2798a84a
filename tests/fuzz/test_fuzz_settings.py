"""Fuzzing the shop profile: every setting is refused with its key named or
stored and read back as validated; the calendar built from it still works."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk import settings
from frontdesk.db.engine import Database
from frontdesk.errors import ValidationError
from frontdesk.users import Actor
from tests.fuzz.fuzz_helpers import AMOUNT_TEXT, FUZZ, attempt, expect_refusal, nasty_text

odd_values = st.one_of(
    nasty_text,
    st.sampled_from(AMOUNT_TEXT + ["09:00", "24:00", "23:59", "9:0", "00:00\x00", "2026-10-01", "0001-01-01",
                                   "9999-12-31", "CN", "cn", "XX", "en", "zh_CN", "../../etc/passwd"]),
    st.integers(-10**30, 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.none(), st.booleans(), st.binary(max_size=64),
    st.lists(st.one_of(st.integers(-10, 10**20), nasty_text, st.dates().map(str)), max_size=5),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def test_validate_never_crashes() -> None:
    @FUZZ
    @given(key=st.one_of(st.sampled_from([s.key for s in settings.SPECS]), nasty_text), value=odd_values)
    def run(key: str, value: Any) -> None:
        try:
            clean = settings.validate({key: value})
        except ValidationError as exc:
            expect_refusal(exc, [key])
            return
        assert set(clean) == {key}

    run()


@pytest.mark.parametrize("key", [s.key for s in settings.SPECS if s.key != "shop_logo"])
def test_update_stores_what_it_validated(db: Database, users: tuple[Actor, Actor], key: str) -> None:
    manager = users[0]

    @FUZZ
    @given(value=odd_values)
    def run(value: Any) -> None:
        with db.read() as s:
            before = settings.load(s)

        def work() -> Any:
            with db.write() as s:
                return settings.update(s, manager, {key: value})
        clean, exc = attempt(work)
        with db.read() as s:
            after = settings.load(s)
            if exc is not None:
                expect_refusal(exc, ["opening", "closing"] if key in ("opening", "closing") else [key])
                assert after == before
                return
            assert after[key] == clean[key]
            assert {k: v for k, v in after.items() if k != key} == {k: v for k, v in before.items() if k != key}
            if key == "tax_rate":
                assert Decimal(after[key]).is_finite()
            settings.work_calendar(s)  # a stored profile always builds its calendar

    run()
