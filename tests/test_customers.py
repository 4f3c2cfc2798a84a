"""Find-as-you-type for returning customers, and a customer's history."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from frontdesk import customers
from frontdesk.db.engine import Database
from frontdesk.errors import NotFound, ValidationError
from frontdesk.intake import service as intake
from frontdesk.users import Actor

PEOPLE = (
    ("张三", "13812345678"),
    ("李四", "13912340000"),
    ("王芳", "15055556666"),
    ("张伟", "18600001111"),
    ("John Smith", "+44 20 7946 0123"),
    ("Sophie Smith-Miller", "13700005678"),
    ("Anna Schmidt", "010-62345678"),
)


@pytest.fixture
def people(db: Database, users: tuple[Actor, Actor]) -> dict[str, int]:
    _manager, clerk = users
    ids = {}
    with db.write() as s:
        region = "CN"
        for name, phone in PEOPLE:
            ids[name] = customers.create(s, clerk.id, name, customers.check_phone(phone, region)).id
    return ids


def names(db: Database, text: str) -> list[str]:
    with db.read() as s:
        return [m.name for m in customers.search(s, text)]


@pytest.mark.parametrize("typed,expected", [
    ("138", {"张三"}),  # phone prefix
    ("1391234", {"李四"}),
    ("138 1234 5678", {"张三"}),  # the way it is printed
    ("5678", {"张三", "Sophie Smith-Miller", "Anna Schmidt"}),  # the last four digits
    ("6666", {"王芳"}),
    ("+86 138 1234 5678", {"张三"}),  # international format
    ("+8613812345678", {"张三"}),
    ("+44 20 7946", {"John Smith"}),
    ("010-6234", {"Anna Schmidt"}),  # a landline typed with its trunk prefix
    ("0086 138 1234", {"张三"}),
    ("张三", {"张三"}),  # a 2-character Chinese name
    ("张", {"张三", "张伟"}),  # ... found from its first character
    ("王芳", {"王芳"}),
    ("李四", {"李四"}),
    ("smith", {"John Smith", "Sophie Smith-Miller"}),  # a Latin word, any case
    ("SMITH", {"John Smith", "Sophie Smith-Miller"}),
    ("john smith", {"John Smith"}),  # the full name
    ("John  Smith ", {"John Smith"}),
    ("anna", {"Anna Schmidt"}),
    ("ＪＯＨＮ", {"John Smith"}),  # full-width letters from a Chinese input method
])
def test_search_finds_customers_as_the_clerk_types(
        db: Database, people: dict[str, int], typed: str, expected: set[str]) -> None:
    assert set(names(db, typed)) == expected


@pytest.mark.parametrize("typed", ["", "   ", "赵", "99999", "13800000000", "xyz", "smithy"])
def test_no_match_gives_an_empty_list(db: Database, people: dict[str, int], typed: str) -> None:
    assert names(db, typed) == []


def test_a_match_shows_the_phone_and_how_often_the_customer_came(
        db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    first = datetime(2026, 11, 2, 10, 0)
    for n in range(3):
        with db.write() as s:
            intake.take_intake(s, clerk, intake.IntakeForm(
                name="张三", phone="13812345678", address="北京市海淀区学院路1号", category="microwave", model="M",
                serial=f"S{n}", purchase_date=date(2026, 1, 1), invoice_shown=True, fault="不加热", request="修"),
                now=first + timedelta(days=n))
    with db.read() as s:
        (match,) = customers.search(s, "张三")
    assert (match.name, match.phone_display, match.address) == ("张三", "138 1234 5678", "北京市海淀区学院路1号")
    assert (match.ticket_count, match.last_visit) == (3, first + timedelta(days=2))


def test_history_lists_products_and_tickets_newest_first(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    day = datetime(2026, 11, 2, 10, 0)
    taken = []
    for n, (category, serial) in enumerate([("refrigerator", "F1"), ("mobile_phone", "P1"), ("refrigerator", "F1")]):
        with db.write() as s:
            taken.append(intake.take_intake(s, clerk, intake.IntakeForm(
                name="王芳", phone="15055556666", category=category, model="M", serial=serial,
                purchase_date=date(2026, 1, 1), invoice_shown=True, fault="坏了", request="修"),
                now=day + timedelta(days=n)))
    customer_id = taken[0].customer_id
    assert {t.customer_id for t in taken} == {customer_id}
    with db.read() as s:
        history = customers.history(s, customer_id)
        assert history.customer.name == "王芳"
        assert [p.serial for p in history.products] == ["P1", "F1"]  # the refrigerator is one product
        assert [t.number for t in history.tickets] == [taken[2].number, taken[1].number, taken[0].number]
        assert [t.intake_at for t in history.tickets] == sorted((t.intake_at for t in history.tickets), reverse=True)
        with pytest.raises(NotFound):
            customers.history(s, 999_999)


@pytest.mark.parametrize("raw,valid,e164", [
    ("13812345678", True, "+8613812345678"),
    ("+86 138-1234-5678", True, "+8613812345678"),
    ("(010) 6234 5678", True, "+861062345678"),
    ("1381234567", False, "+861381234567"),  # a digit short: stored, but to verify
])
def test_phone_numbers_are_read_as_typed_at_the_desk(raw: str, valid: bool, e164: str) -> None:
    check = customers.check_phone(raw)
    assert (check.valid, check.e164) == (valid, e164)


@pytest.mark.parametrize("raw", ["138abc5678", "call me", "+86 138 1234 5678 ext. 2"])
def test_a_phone_with_letters_is_refused(raw: str) -> None:
    with pytest.raises(ValidationError) as err:
        customers.check_phone(raw)
    assert set(err.value.fields) == {"phone"}
