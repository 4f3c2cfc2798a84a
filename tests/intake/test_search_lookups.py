"""The ticket list's search as one index-driven lookup per meaning of the
text (frontdesk/intake/query.py): a ticket two lookups find is listed and
counted once, pages continue across the lookups, a prefix means "starts
with, byte by byte" on both engines and under a locale collation, and on
PostgreSQL the plan of a serial search uses indexes, never a scan of the
tickets nor a walk of their whole primary key."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import create_engine, event, insert, select, text
from sqlalchemy.engine import make_url

from frontdesk import customers
from frontdesk.db.engine import Database
from frontdesk.db.migrate import upgrade
from frontdesk.db.models import Customer, Product, Ticket
from frontdesk.intake import query
from frontdesk.intake import service as intake
from frontdesk.intake.service import IntakeForm
from frontdesk.users import Actor
from tests.conftest import _pg_admin_url, seed_users

# (customer, serial) in the order taken: ticket i+1 of 2026.
TAKEN = [
    ("张三", "LIU-1"),  # T2026-000001: the serial finds it
    ("Liu Yang", "AB-9"),  # 000002: the customer finds it
    ("Liu Yang", "LIU-2"),  # 000003: the customer and the serial both find it
    ("张三", "LIU3"),  # 000004: the serial
    ("张三", "ab-1"),  # 000005: lower case
    ("张三", "AB-2"),  # 000006
    ("张三", "AB1"),  # 000007: no '-'
    ("张三", "Ab-3"),  # 000008: mixed case
    ("张三", "AB-10"),  # 000009
]
PHONES = {"张三": "13812345678", "Liu Yang": "13900001111"}


def _fill(db: Database, clerk: Actor) -> None:
    with db.write() as s:
        for i, (name, serial) in enumerate(TAKEN):
            intake.take_intake(s, clerk, IntakeForm(
                channel=intake.WALK_IN, name=name, phone=PHONES[name], category="refrigerator", model="BCD-470",
                serial=serial, purchase_date=date(2024, 3, 1), invoice_shown=True, fault="不制冷", request="维修"),
                now=datetime(2026, 3, 2, 10, i))


@pytest.fixture
def taken(db: Database, users: tuple[Actor, Actor]) -> Database:
    _fill(db, users[1])
    return db


def _numbers(db: Database, text_: str, before: int | None = None, limit: int = 200) -> list[str]:
    with db.read() as s:
        return [row.number for row in query.page(s, query.TicketFilter(text=text_), before, limit)]


def _count(db: Database, text_: str) -> int:
    with db.read() as s:
        return query.count(s, query.TicketFilter(text=text_))


def _n(*seqs: int) -> list[str]:
    return [f"T2026-{seq:06d}" for seq in seqs]


# What each text finds, newest first: the same on SQLite and PostgreSQL.
EXPECTED = {
    "LIU": _n(4, 3, 2, 1),  # the serials from their start and Liu Yang's tickets; 000003 once
    "AB-": _n(9, 6, 2),  # not ab-1, AB1 nor Ab-3
    "ab-": _n(5),
    "Ab": _n(8),
    "AB": _n(9, 7, 6, 2),
    "LIU-": _n(3, 1),
    "T2026-00000": _n(9, 8, 7, 6, 5, 4, 3, 2, 1),
    "t2026-000003": _n(3),
    "3": _n(3),
}


@pytest.mark.parametrize("text_", sorted(EXPECTED))
def test_each_meaning_of_the_text_finds_its_tickets_once(taken: Database, text_: str) -> None:
    assert _numbers(taken, text_) == EXPECTED[text_]
    assert _count(taken, text_) == len(EXPECTED[text_])


def test_a_ticket_two_lookups_find_is_listed_and_counted_once(taken: Database) -> None:
    # T2026-000003 is Liu Yang's and its serial starts with LIU
    assert _numbers(taken, "LIU").count("T2026-000003") == 1
    assert _count(taken, "LIU") == 4


@pytest.mark.parametrize("size", [1, 2, 3])
def test_pages_continue_across_the_lookups(taken: Database, size: int) -> None:
    with taken.read() as s:
        flt = query.TicketFilter(text="LIU")
        pages: list[list[query.TicketRow]] = []
        before: int | None = None
        while True:
            rows = query.page(s, flt, before, size)
            if not rows:
                break
            assert len(rows) <= size
            pages.append(rows)
            before = rows[-1].id
    assert [row.number for rows in pages for row in rows] == EXPECTED["LIU"]


def test_the_other_filters_apply_to_every_lookup(taken: Database) -> None:
    with taken.read() as s:
        liu = s.scalar(select(Customer.id).where(Customer.name == "Liu Yang"))
        rows = query.page(s, query.TicketFilter(text="LIU", customer_id=liu))
        assert [row.number for row in rows] == _n(3, 2)
        assert query.count(s, query.TicketFilter(text="LIU", customer_id=liu)) == 2
        assert query.page(s, query.TicketFilter(text="LIU", states=["closed"])) == []


# PostgreSQL under a locale collation ------------------------------------------------------------


@pytest.fixture
def icu_db(tmp_path: Any) -> Iterator[Database]:
    """A PostgreSQL database whose collation is ICU's en-US, where '-' and
    case sort unlike bytes (the server's own default may be C)."""
    admin = _pg_admin_url()
    if admin is None:
        pytest.skip("PostgreSQL tests need FRONTDESK_TEST_PG_URL")
    name = f"fd_t_icu_{uuid.uuid4().hex[:8]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
                          "LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'"))
    db = Database(make_url(admin).set(database=name).render_as_string(hide_password=False))
    try:
        upgrade(db)
        yield db
    finally:
        db.dispose()
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def test_prefixes_mean_the_same_under_a_locale_collation(icu_db: Database) -> None:
    with icu_db.read() as s:  # the database really sorts by the locale: 'ab-1' between 'AB-' and 'AB-' + top
        assert s.scalar(text("SELECT 'ab-1' > 'AB-' AND 'ab-1' < 'AB-' || chr(1114111)")) is True
    _fill(icu_db, seed_users(icu_db)[1])
    for text_, numbers in EXPECTED.items():
        assert _numbers(icu_db, text_) == numbers, text_
        assert _count(icu_db, text_) == len(numbers), text_


# PostgreSQL's plan for a serial prefix ------------------------------------------------------------

BULK = 4000


def _bulk(db: Database, user_id: int) -> None:
    """BULK tickets, each with its own product (serial SN000000...), for 200
    customers, written in a few statements; then ANALYZE."""
    at = datetime(2026, 3, 2, 10)
    with db.write() as s:
        s.execute(insert(Customer), [{"id": 1000 + c, "name": f"Bulk {c}", "phone": f"+86139{c:08d}",
                                       "created_at": at} for c in range(200)])
        s.execute(insert(Product), [{"id": 1000 + i, "customer_id": 1000 + i % 200, "category": "refrigerator",
                                      "serial": f"SN{i:06d}", "created_at": at} for i in range(BULK)])
        s.execute(insert(Ticket), [{"id": 1000 + i, "number": f"T2026-{100000 + i:06d}", "channel": "walk_in",
                                     "kind": "repair", "state": "received", "customer_id": 1000 + i % 200,
                                     "product_id": 1000 + i, "intake_at": at, "updated_at": at,
                                     "created_by_id": user_id} for i in range(BULK)])
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE")


def _nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_a_serial_prefix_is_looked_up_through_indexes(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, _clerk = users
    _bulk(db, manager.id)
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        statements.append((statement, parameters))

    flt = query.TicketFilter(text="SN00123")  # 10 of the 4000 serials
    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with db.read() as s:
            rows = query.page(s, flt, None, 5)
            total = query.count(s, flt)
            older = query.page(s, flt, rows[-1].id, 5)
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    assert [row.number for row in rows + older] == [f"T2026-{100000 + i:06d}" for i in range(1239, 1229, -1)]
    assert total == 10
    searches = [(st, p) for st, p in statements if "tickets" in st]
    assert len(searches) == 3  # each page one statement (its lookups and its rows); and the count
    with db.engine.connect() as conn:
        primary_key = conn.exec_driver_sql(
            "SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = 'tickets'::regclass AND indisprimary"
        ).scalar_one()  # pk_tickets (the metadata's naming convention)
        for statement, parameters in searches:
            plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters).scalar_one()[0]["Plan"]
            for node in _nodes(plan):
                if node.get("Relation Name") not in ("tickets", "products"):
                    continue
                assert node["Node Type"] != "Seq Scan", (node, statement)
                if node.get("Index Name") == primary_key:
                    assert "Index Cond" in node, (node, statement)  # a lookup by id, not a walk of them all


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_the_list_without_a_search_pages_through_the_primary_key(db: Database, users: tuple[Actor, Actor]) -> None:
    """Scrolling the whole list (no search text): each page reads its rows
    newest first through the primary key and stops at the page's end; the
    ids taken first and joined back as a derived table made PostgreSQL scan
    every ticket."""
    manager, _clerk = users
    _bulk(db, manager.id)
    with db.read() as s:
        first = query.page(s, query.TicketFilter(), None, 200)
        statement, params = query.page_statement(s, query.TicketFilter(), first[-1].id, 200)
        compiled = str(statement.params(params).compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
    with db.engine.connect() as conn:
        plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + compiled).scalar_one()[0]["Plan"]
    scans = [(n["Node Type"], n.get("Index Name")) for n in _nodes(plan) if n.get("Relation Name") == "tickets"]
    assert scans and all(kind != "Seq Scan" for kind, _index in scans), scans


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_a_search_is_planned_for_the_text_typed(db: Database, users: tuple[Actor, Actor]) -> None:
    """psycopg prepares a statement on the server after five runs, and
    PostgreSQL may then keep one generic plan for any prefix: the search's
    lookups are sent unprepared, planned each time for the text typed; the
    list's plain pages, whose plan does not depend on the values, are
    prepared as usual."""
    manager, _clerk = users
    _bulk(db, manager.id)
    with db.glance() as s:
        first = query.page(s, query.TicketFilter())
        for _round in range(8):
            query.page(s, query.TicketFilter(text="SN0001"))
            query.page(s, query.TicketFilter(), first[-1].id)
        prepared = list(s.connection().exec_driver_sql("SELECT statement FROM pg_prepared_statements").scalars())
    assert not [x for x in prepared if "UNION" in x], prepared
    assert [x for x in prepared if "tickets.id < " in x and "LIMIT" in x], prepared


@pytest.mark.parametrize("db", ["sqlite", "postgresql"], indirect=True)
def test_a_search_page_is_one_statement(db: Database, users: tuple[Actor, Actor]) -> None:
    """A search's page reads the tickets once: the customers a text finds,
    the products whose serial starts with it, the ids of the page and their
    rows all go in one statement (the customers' ids fetched first, then
    the page's ids, then their rows, were three round trips).  Texts of the
    same shape run the same statement, built once."""
    manager, clerk = users
    _bulk(db, manager.id)
    with db.write() as s:
        for serial in ("ZZ-1", "ZZ-2"):
            intake.take_intake(s, clerk, IntakeForm(
                channel=intake.WALK_IN, name="王小明", phone="13812345678", category="refrigerator",
                serial=serial, fault="不制冷"), now=datetime(2026, 3, 3, 9))
    statements: list[str] = []

    def capture(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        statements.append(statement)

    texts = {"SN00012": 10, "SN0001": 100, "SN000123": 1, "SN999": 0, "王小明": 2, "5678": 2, "138 1234": 2}
    found: dict[str, int] = {}
    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with db.glance() as s:
            for text_ in texts:
                found[text_] = len(query.page(s, query.TicketFilter(text=text_)))
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    assert found == texts
    searches = [st for st in statements if "FROM tickets" in st]
    assert len(searches) == len(texts), searches
    assert all("customer_keys" in st and "UNION" in st for st in searches)
    assert len(set(searches[:4])) == 1  # the serials' texts: one statement, its values as parameters


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_the_customer_search_reads_its_matches_by_one_prepared_statement(
        db: Database, users: tuple[Actor, Actor]) -> None:
    """The same for the customers found as the clerk types: 1, 11 or 20
    matches, one statement, prepared once."""
    manager, _clerk = users
    with db.write() as s:
        for n in range(40):
            customers.create(s, manager.id, f"Bulk {n}", customers.check_phone(f"139{n:08d}"))
    found: dict[str, list[str]] = {}
    with db.glance() as s:
        for _round in range(3):
            for text in ("Bulk 1", "Bulk 12", "Bulk", "Bulk 39"):
                found[text] = [m.name for m in customers.search(s, text)]
        prepared = list(s.connection().exec_driver_sql("SELECT statement FROM pg_prepared_statements").scalars())
    assert found["Bulk 39"] == ["Bulk 39"] and found["Bulk 12"] == ["Bulk 12"]
    assert sorted(found["Bulk 1"]) == sorted(["Bulk 1", *(f"Bulk 1{n}" for n in range(10))])
    assert len(found["Bulk"]) == 20
    matches = [x for x in prepared if "ANY" in x and "FROM customers" in x]
    assert len(matches) == 1, prepared
