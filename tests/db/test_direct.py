"""Rows inserted at once (frontdesk.db.direct): the object comes back as a
row just read, with what the ORM's insert would have given it, and the
session's next flush does not insert it again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import event, func, inspect, select

from frontdesk.db.direct import insert_all, insert_now
from frontdesk.db.engine import Database
from frontdesk.db.models import Customer, TicketEvent
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
