"""Rows inserted at once (frontdesk.db.direct): the object comes back as a
row just read, with what the ORM's insert would have given it, and the
session's next flush does not insert it again.  A row and its children
(``insert_with``) go in as one statement on PostgreSQL, two elsewhere,
with the same rows and ids either way."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import pytest
from sqlalchemy import event, func, insert, inspect, select

from frontdesk import numbering
from frontdesk.db.direct import Linked, insert_all, insert_now, insert_with
from frontdesk.db.engine import Database
from frontdesk.db.models import Customer, CustomerKey, NumberSequence, Product, Ticket, TicketEvent
from frontdesk.intake import service as intake
from frontdesk.users import Actor
from tests.intake.test_intake import walk_in_form

AT = datetime(2026, 11, 20, 10, 0)


def test_an_object_inserted_at_once_is_persistent_with_its_defaults(db: Database) -> None:
    with db.write() as s:
        customer = insert_now(s, Customer(name="赵六", phone="+8613900000001", created_at=AT))
        state = inspect(customer)
        assert state.persistent and customer.id is not None
        assert (customer.address, customer.area, customer.note, customer.phone_display) == ("", "", "", "")
        assert s.get(Customer, customer.id) is customer
        seen: list[str] = []

        def note(*args: object) -> None:
            seen.append(str(args[2]))

        event.listen(db.engine, "before_cursor_execute", note)
        try:
            s.flush()
            customer.note = "常客"  # a change after it goes through the session as usual
            s.flush()
        finally:
            event.remove(db.engine, "before_cursor_execute", note)
        assert [x for x in seen if x.startswith("INSERT")] == []
        assert [x for x in seen if x.startswith("UPDATE customers")]
    with db.read() as s:
        assert s.scalar(select(Customer.note).where(Customer.id == customer.id)) == "常客"


def test_objects_inserted_together_take_their_ids_in_order(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    with db.write() as s:
        ticket_id = intake.take_intake(s, clerk, walk_in_form(), now=AT).ticket_id
    with db.write() as s:
        events = [TicketEvent(ticket_id=ticket_id, at=AT, user_id=clerk.id, kind=f"k{n}", text=f"t{n}")
                  for n in range(5)]
        insert_all(s, events)
        ids = [e.id for e in events]
        assert ids == sorted(ids) and len(set(ids)) == 5
    with db.read() as s:
        rows = dict(s.execute(select(TicketEvent.id, TicketEvent.kind).where(TicketEvent.id.in_(ids))).all())
        assert [rows[i] for i in ids] == [f"k{n}" for n in range(5)]
        assert s.scalar(select(func.count(TicketEvent.id)).where(TicketEvent.ticket_id == ticket_id)) == 6


@contextmanager
def _statements(db: Database) -> Iterator[list[str]]:
    """The statements sent inside the block, as they are sent."""
    seen: list[str] = []

    def note(*args: object) -> None:
        seen.append(" ".join(str(args[2]).split()))
    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def test_a_row_and_its_children_go_in_together_with_their_ids(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    with db.write() as s:
        first = intake.take_intake(s, clerk, walk_in_form(), now=AT)
        template = s.get(Ticket, first.ticket_id)
        assert template is not None
        ticket = Ticket(number="T2026-900001", channel=template.channel, kind=template.kind, state="received",
                        customer_id=template.customer_id, product_id=template.product_id, fault="屏幕碎裂",
                        accessories=["充电器", "盒子"], condition=[], verify_fields=["purchase_date"],
                        warranty_status="unknown", repair_days=0, intake_at=AT, updated_at=AT, created_by_id=clerk.id)
        events = [TicketEvent(at=AT, user_id=clerk.id, kind=f"k{n}", text=f"t{n}", message={"id": f"m{n}"})
                  for n in range(3)]
        with _statements(db) as seen:
            insert_with(s, ticket, events, "ticket_id")
            s.flush()
        inserts = [x for x in seen if "INSERT" in x]
        if db.dialect == "postgresql":
            assert len(inserts) == 1 and inserts[0].startswith("WITH g0 AS (INSERT INTO tickets"), inserts
        else:  # the ticket, then its events (SQLite: a statement each, their ids returned in order)
            assert inserts[0].startswith("INSERT INTO tickets") and len(inserts) > 1
            assert all(x.startswith("INSERT INTO ticket_events") for x in inserts[1:]), inserts
        assert inspect(ticket).persistent and ticket.id is not None and ticket.id != first.ticket_id
        assert [e.ticket_id for e in events] == [ticket.id] * 3
        ids = [e.id for e in events]
        assert ids == sorted(ids) and len(set(ids)) == 3 and all(inspect(e).persistent for e in events)
        assert s.get(TicketEvent, ids[1]) is events[1]
        ticket_id = ticket.id
    with db.read() as s:
        rows = s.execute(select(TicketEvent.id, TicketEvent.ticket_id, TicketEvent.kind, TicketEvent.message)
                         .where(TicketEvent.ticket_id == ticket_id).order_by(TicketEvent.id)).all()
        assert [tuple(r) for r in rows] == [(ids[n], ticket_id, f"k{n}", {"id": f"m{n}"}) for n in range(3)]
        stored = s.get(Ticket, ticket_id)
        assert stored is not None
        assert (stored.number, stored.accessories, stored.verify_fields) == (
            "T2026-900001", ["充电器", "盒子"], ["purchase_date"])


def test_a_customer_and_its_keys_go_in_together_and_roll_back_together(db: Database) -> None:
    with db.write() as s:
        customer = Customer(name="钱七", phone="+8613900000077", created_at=AT)
        insert_with(s, customer, [CustomerKey(key="n:钱七"), CustomerKey(key="p:13900000077")], "customer_id")
        kept = customer.id
    with db.read() as s:
        assert sorted(s.scalars(select(CustomerKey.key).where(CustomerKey.customer_id == kept))) == [
            "n:钱七", "p:13900000077"]
    try:
        with db.write() as s:
            insert_with(s, Customer(name="孙八", phone="+8613900000088", created_at=AT),
                        [CustomerKey(key="n:孙八")], "customer_id")
            raise RuntimeError("the clerk's save fails after the insert")
    except RuntimeError:
        pass
    with db.read() as s:
        assert s.scalar(select(func.count(Customer.id)).where(Customer.name == "孙八")) == 0
        assert s.scalar(select(func.count()).select_from(CustomerKey).where(CustomerKey.key == "n:孙八")) == 0


def test_a_row_without_children_goes_in_alone(db: Database) -> None:
    with db.write() as s:
        customer = Customer(name="周九", phone="", created_at=AT)
        insert_with(s, customer, [], "customer_id")
        assert inspect(customer).persistent and customer.id is not None


def _new_rows(clerk: Actor, n: int) -> tuple[Customer, list[CustomerKey], Product, Ticket, list[TicketEvent]]:
    customer = Customer(name=f"吴{n}", phone=f"+86139000001{n:02d}", created_at=AT)
    keys = [CustomerKey(key=f"n:吴{n}"), CustomerKey(key=f"p:139000001{n:02d}")]
    product = Product(category="mobile_phone", brand="华为", model="Mate 60", serial=f"LNK-{n}", created_at=AT)
    ticket = Ticket(channel="walk_in", kind="repair", state="received", fault="屏幕碎裂", accessories=["充电器"],
                    condition=[], verify_fields=[], warranty_status="unknown", repair_days=0, intake_at=AT,
                    updated_at=AT, created_by_id=clerk.id)
    events = [TicketEvent(at=AT, user_id=clerk.id, kind=f"k{e}", text=f"t{e}", message=None if e else {"id": "m"})
              for e in range(2)]
    return customer, keys, product, ticket, events


def _linked(customer: Customer, keys: list[CustomerKey], product: Product, ticket: Ticket,
            events: list[TicketEvent]) -> Linked:
    """The intake's groups: the customer, its keys, its product, the ticket (its number drawn), its events."""
    rows = Linked()
    rows.add([customer])
    rows.add(keys, {"customer_id": customer})
    rows.add([product], {"customer_id": customer})
    rows.add([ticket], {"customer_id": customer, "product_id": product},
             drawn=numbering.Drawn("number", "test", "X", 2026))
    rows.add(events, {"ticket_id": ticket})
    return rows


def test_linked_rows_go_in_together_with_their_ids_and_a_number_drawn(
        db: Database, users: tuple[Actor, Actor]) -> None:
    """The intake's new rows (frontdesk.db.direct.Linked): a customer, its
    keys, its product, the ticket linked to both with its number drawn, and
    the ticket's events.  PostgreSQL sends one statement, SQLite one a group
    (and the number's); the rows, ids, links and numbers are the same."""
    _manager, clerk = users
    numbers = []
    for n in range(2):
        customer, keys, product, ticket, events = _new_rows(clerk, n)
        with _statements(db) as seen, db.write() as s:
            _linked(customer, keys, product, ticket, events).insert(s)
            assert all(inspect(o).persistent for o in (customer, *keys, product, ticket, *events))
            assert s.get(Ticket, ticket.id) is ticket
            s.flush()
        writes = [x for x in seen if "INSERT" in x]
        if db.dialect == "postgresql":
            assert len(writes) == 1 and writes[0].startswith("WITH g0 AS (INSERT INTO customers"), writes
        else:  # a group at a time, in the order added (a group's rows in one statement or one each)
            tables = [x.split()[2] for x in writes]
            assert [t for i, t in enumerate(tables) if i == 0 or tables[i - 1] != t] == [
                "customers", "customer_keys", "products", "number_sequences", "tickets", "ticket_events"], writes
        assert (product.customer_id, ticket.customer_id, ticket.product_id) == (customer.id, customer.id, product.id)
        assert [k.customer_id for k in keys] == [customer.id] * 2
        assert [e.ticket_id for e in events] == [ticket.id] * 2 and events[0].id < events[1].id
        numbers.append(ticket.number)
        with db.read() as s:
            stored = s.get(Ticket, ticket.id)
            assert stored is not None
            assert (stored.number, stored.customer_id, stored.product_id, stored.accessories) == (
                ticket.number, customer.id, product.id, ["充电器"])
            assert s.scalar(select(Product.serial).where(Product.id == product.id)) == f"LNK-{n}"
            assert sorted(s.scalars(select(CustomerKey.key).where(CustomerKey.customer_id == customer.id))) == [
                f"n:吴{n}", f"p:139000001{n:02d}"]
            got = s.execute(select(TicketEvent.id, TicketEvent.kind, TicketEvent.message)
                            .where(TicketEvent.ticket_id == ticket.id).order_by(TicketEvent.id)).all()
            assert [tuple(r) for r in got] == [(events[0].id, "k0", {"id": "m"}), (events[1].id, "k1", None)]
    # The year's counter made by the first number, bumped by the second.
    assert numbers == ["X2026-000001", "X2026-000002"]


def test_a_number_drawn_past_six_digits_keeps_all_its_digits(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    with db.write() as s:
        s.execute(insert(NumberSequence).values(name="test", year=2026, last=999_999))
    customer, _keys, _product, ticket, events = _new_rows(clerk, 7)
    with db.write() as s:
        rows = Linked()
        rows.add([customer])
        rows.add([ticket], {"customer_id": customer}, drawn=numbering.Drawn("number", "test", "X", 2026))
        rows.add(events, {"ticket_id": ticket})
        rows.insert(s)
    assert ticket.number == numbering.format_number("X", 2026, 1_000_000) == "X2026-1000000"
    with db.read() as s:
        assert s.scalar(select(Ticket.number).where(Ticket.id == ticket.id)) == "X2026-1000000"


def test_linked_rows_roll_back_together(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    customer, keys, product, ticket, events = _new_rows(clerk, 9)
    try:
        with db.write() as s:
            _linked(customer, keys, product, ticket, events).insert(s)
            raise RuntimeError("the clerk's save fails after the insert")
    except RuntimeError:
        pass
    with db.read() as s:
        assert s.scalar(select(func.count(Customer.id)).where(Customer.name == "吴9")) == 0
        assert s.scalar(select(func.count(Product.id)).where(Product.serial == "LNK-9")) == 0
        assert s.scalar(select(func.count(Ticket.id))) == 0
        # The number goes back with the rows: the next one drawn is the first.
        assert s.scalar(select(func.count()).select_from(NumberSequence).where(NumberSequence.name == "test")) == 0


def test_a_row_linked_to_one_already_stored_takes_its_id(db: Database, users: tuple[Actor, Actor]) -> None:
    """A returning customer: the product and ticket are new, the customer is on record."""
    _manager, clerk = users
    customer, _keys, product, ticket, events = _new_rows(clerk, 11)
    with db.write() as s:
        insert_now(s, customer)
    with db.write() as s:
        stored = s.get(Customer, customer.id)
        rows = Linked()
        rows.add([product], {"customer_id": stored})
        rows.add([ticket], {"customer_id": stored, "product_id": product},
                 drawn=numbering.Drawn("number", "test", "X", 2026))
        rows.add(events, {"ticket_id": ticket})
        rows.insert(s)
    with db.read() as s:
        got = s.get(Ticket, ticket.id)
        assert got is not None and (got.customer_id, got.product_id) == (customer.id, product.id)
        assert s.scalar(select(Product.customer_id).where(Product.id == product.id)) == customer.id


def test_psycopg_keeps_the_intakes_long_statement_converted(db: Database, users: tuple[Actor, Actor]) -> None:
    """psycopg keeps the conversion of statements up to 50 parameters and
    4,096 characters; the engine raises those limits (frontdesk.db.engine),
    so that the intake's one statement of new rows is converted once."""
    if db.dialect != "postgresql":
        pytest.skip("PostgreSQL's driver only")
    _queries = pytest.importorskip("psycopg._queries")
    if not hasattr(_queries, "MAX_CACHED_STATEMENT_PARAMS") or not hasattr(_queries, "_query2pg"):
        pytest.skip("this psycopg converts statements in another way")
    _manager, clerk = users
    assert _queries.MAX_CACHED_STATEMENT_PARAMS >= 256 and _queries.MAX_CACHED_STATEMENT_LENGTH >= 16384
    forms = [walk_in_form(name=f"郑{n}", phone=f"1391234{n:04d}", serial=f"CONV-{n}") for n in range(3)]
    with db.write() as s:
        intake.take_intake(s, clerk, forms[0], now=AT)
    with _statements(db) as seen:
        before = _queries._query2pg.cache_info()
        with db.write() as s:
            intake.take_intake(s, clerk, forms[1], now=AT)
        after = _queries._query2pg.cache_info()
    long = [x for x in seen if x.startswith("WITH g0 AS (INSERT INTO customers")]
    assert len(long) == 1 and len(long[0]) > 4096, seen
    # Every statement of the second intake, the long one too, was found converted.
    assert after.hits - before.hits == len(seen) and after.misses == before.misses, (before, after, seen)
