"""Rows inserted at once (frontdesk.db.direct): the object comes back as a
row just read, with what the ORM's insert would have given it, and the
session's next flush does not insert it again.  A row and its children
(``insert_with``) go in as one statement on PostgreSQL, two elsewhere,
with the same rows and ids either way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import event, func, inspect, select

from frontdesk.db.direct import insert_all, insert_now, insert_with
from frontdesk.db.engine import Database
from frontdesk.db.models import Customer, CustomerKey, Ticket, TicketEvent
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


def _statements(db: Database) -> tuple[list[str], Callable[..., None]]:
    seen: list[str] = []

    def note(*args: object) -> None:
        seen.append(" ".join(str(args[2]).split()))
    return seen, note


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
        seen, note = _statements(db)
        event.listen(db.engine, "before_cursor_execute", note)
        try:
            insert_with(s, ticket, events, "ticket_id")
            s.flush()
        finally:
            event.remove(db.engine, "before_cursor_execute", note)
        inserts = [x for x in seen if "INSERT" in x]
        if db.dialect == "postgresql":
            assert len(inserts) == 1 and inserts[0].startswith("WITH p AS (INSERT INTO tickets"), inserts
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
