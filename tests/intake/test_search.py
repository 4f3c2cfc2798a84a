"""The ticket list's search box (frontdesk/intake/query.py): a ticket is
found by its full number, by its digits, by its customer or by its serial,
and digits are looked up by the unique index of the numbers."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session

from frontdesk.db.engine import Database
from frontdesk.db.models import NumberSequence
from frontdesk.intake import query
from frontdesk.intake import service as intake
from frontdesk.intake.service import IntakeForm
from frontdesk.users import Actor


def _take_numbered(s: Session, clerk: Actor, seq: int, at: datetime, **form: object) -> str:
    """Take a walk-in so that it is ticket ``seq`` of its year."""
    s.execute(delete(NumberSequence).where(NumberSequence.name == "ticket", NumberSequence.year == at.year))
    s.add(NumberSequence(name="ticket", year=at.year, last=seq - 1))
    s.flush()
    fields: dict[str, object] = {
        "channel": intake.WALK_IN, "name": "张三", "phone": "13812345678", "category": "refrigerator",
        "model": "BCD-470", "serial": "HA2301234567", "purchase_date": date(2024, 3, 1), "invoice_shown": True,
        "fault": "不制冷", "request": "维修"}
    fields.update(form)
    return intake.take_intake(s, clerk, IntakeForm(**fields), now=at).number  # type: ignore[arg-type]


@pytest.fixture
def numbered(db: Database, users: tuple[Actor, Actor]) -> Database:
    """T2025-003602 (李四), T2026-000001, T2026-003602 (张三), T2026-036020 (王五)."""
    _manager, clerk = users
    with db.write() as s:
        first = _take_numbered(s, clerk, 3602, datetime(2025, 6, 3, 10), name="李四", phone="13900001111",
                               serial="LS-77")
        one = _take_numbered(s, clerk, 1, datetime(2026, 1, 5, 10))
        mine = _take_numbered(s, clerk, 3602, datetime(2026, 3, 2, 10))
        other = _take_numbered(s, clerk, 36020, datetime(2026, 3, 3, 10), name="王五", phone="13700002222",
                               serial="WW-9", category="washing_machine")
    assert (first, one, mine, other) == ("T2025-003602", "T2026-000001", "T2026-003602", "T2026-036020")
    return db


def found(db: Database, text: str) -> list[str]:
    with db.read() as s:
        return [row.number for row in query.page(s, query.TicketFilter(text=text))]


@pytest.mark.parametrize("text, numbers", [
    ("T2026-003602", ["T2026-003602"]),
    ("t2026-003602", ["T2026-003602"]),
    ("2026-3602", ["T2026-003602"]),
    ("2026-003602", ["T2026-003602"]),
    ("T2026-3602", ["T2026-003602"]),
    ("2026003602", ["T2026-003602"]),
    ("2025-3602", ["T2025-003602"]),
    ("3602", ["T2026-003602", "T2025-003602"]),
    ("003602", ["T2026-003602", "T2025-003602"]),
    ("36020", ["T2026-036020"]),
    ("2024-3602", []),
])
def test_a_ticket_is_found_by_its_number_or_its_digits(numbered: Database, text: str, numbers: list[str]) -> None:
    assert found(numbered, text) == numbers


def test_digits_are_the_exact_numbers_of_the_years_that_reached_them(numbered: Database) -> None:
    with numbered.read() as s:
        assert query.ticket_numbers(s, "3602") == ["T2026-003602", "T2025-003602"]
        assert query.ticket_numbers(s, "36020") == ["T2026-036020"]  # 2025 never reached 36020
        assert query.ticket_numbers(s, "2024-12") == ["T2024-000012"]
        for text in ("0", "000", "1234567", "张三", "HA23", "2026-", "-3602", "138 1234 5678"):
            assert query.ticket_numbers(s, text) == [], text


def test_the_customer_and_the_serial_still_find_their_tickets(numbered: Database) -> None:
    assert found(numbered, "李四") == ["T2025-003602"]
    assert found(numbered, "张") == ["T2026-003602", "T2026-000001"]
    assert found(numbered, "139 0000 1111") == ["T2025-003602"]
    assert found(numbered, "2222") == ["T2026-036020"]  # the last digits of the phone
    assert found(numbered, "WW") == ["T2026-036020"]  # a serial from its start
    assert found(numbered, "LS-77") == ["T2025-003602"]
    assert found(numbered, "HA2301") == ["T2026-003602", "T2026-000001"]


def test_digits_use_the_unique_index_of_the_numbers_never_a_scan(sqlite_db: Database) -> None:
    """On a million tickets ``LIKE '%3602'`` reads every row: the digits go
    through the index of the numbers (and the other alternatives through
    theirs), so SQLite never scans the tickets table."""
    with sqlite_db.write() as s:
        s.add(NumberSequence(name="ticket", year=2025, last=9000))
        s.add(NumberSequence(name="ticket", year=2026, last=5000))
    with sqlite_db.read() as s:
        for text in ("3602", "2026-3602", "T2026-003602"):
            sql, params = query.page_statement(s, query.TicketFilter(text=text))
            compiled = sql.params(params).compile(s.get_bind(), compile_kwargs={"literal_binds": True})
            plan = " / ".join(row[-1] for row in s.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
            assert "SCAN tickets" not in plan, plan
            assert "(number=?)" in plan or "number>? AND number<?" in plan, plan
