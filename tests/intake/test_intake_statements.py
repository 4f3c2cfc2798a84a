"""An intake reads and writes only what it needs (docs/performance.md): a
new customer's search keys are written without first deleting keys it
cannot have, a product first recorded now is not asked for its earlier days
in repair, and the audit chain's head is read once per save, however many
records the save adds.  A first visit is a fixed list of statements: each
row inserted once (on PostgreSQL the customer, its keys, its product, the
ticket and its first event in one statement), the chain moved once, the
clerk's shown name taken from the login."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import event, func, insert, select

from frontdesk import audit
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, Customer, Product, Ticket, TicketEvent
from frontdesk.intake import service as intake
from frontdesk.intake.timeline import event_text
from frontdesk.users import Actor, get_actor
from tests.intake.test_intake import walk_in_form

AT = datetime(2026, 11, 20, 10, 0)


def _statements(db: Database, work: object) -> list[str]:
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        with db.write() as s:
            work(s)  # type: ignore[operator]
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    return seen


def test_a_first_visit_intake_reads_nothing_it_cannot_need(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    statements = _statements(db, lambda s: intake.take_intake(s, clerk, walk_in_form(), now=AT))
    assert not [x for x in statements if x.startswith("DELETE FROM customer_keys")]
    assert not [x for x in statements if "sum(tickets.repair_days)" in x]
    heads = [x for x in statements if "FROM audit_chain" in x or "FROM frontdesk_chain_head()" in x]
    assert len(heads) == 1, statements
    with db.read() as s:  # two records, the customer's and the ticket's, chained one after the other
        actions = list(s.scalars(select(AuditRecord.action).order_by(AuditRecord.id.desc()).limit(2)))
    assert actions == ["ticket.create", "customer.create"]


def test_a_returning_product_has_its_days_in_repair_added_back(db: Database, users: tuple[Actor, Actor]) -> None:
    """The other way round: a product on record is asked (its warranty grows
    by the days it spent in repair)."""
    _manager, clerk = users
    with db.write() as s:
        first = intake.take_intake(s, clerk, walk_in_form(), now=AT)
        ticket = s.get(Ticket, first.ticket_id)
        assert ticket is not None and ticket.product_id is not None
        ticket.repair_days = 12
        form = walk_in_form(customer_id=first.customer_id, product_id=ticket.product_id)
    statements = _statements(db, lambda s: intake.take_intake(s, clerk, form, now=AT))
    assert [x for x in statements if "sum(tickets.repair_days)" in x]
    with db.read() as s:
        assert s.scalar(select(func.count(Ticket.id))) == 2


def _kind(statement: str) -> str:
    """"INSERT customers", "SELECT settings", "LOCK receipts"...: the verb and its first table."""
    words = statement.replace(",", " ").split()
    verb = words[0]
    if verb == "BEGIN":
        return statement
    if verb == "WITH":  # WITH moved AS (UPDATE ...) INSERT ...: each, in order
        return " + ".join(f"{'INSERT' if verb == 'INSERT INTO' else verb} {table}"
                          for verb, table in re.findall(r"\b(INSERT INTO|(?<!DO )UPDATE) (\w+)", statement))
    if verb == "SELECT":
        return "SELECT " + words[len(words) - 1 - words[::-1].index("FROM") + 1]  # the outer statement's
    return f"{verb} {words[2] if verb in ('INSERT', 'LOCK') else words[1]}"


def test_a_first_visit_is_a_fixed_list_of_statements(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, _clerk = users
    with db.read() as s:
        clerk = get_actor(s, "clerk")  # as the login gives it: with the name the clerk is shown by
    with db.write() as s:  # the year's first ticket makes its number's counter
        intake.take_intake(s, clerk, walk_in_form(), now=AT)
    form = walk_in_form(name="王五", phone="13911112222", serial="SN-FIRST-1")
    statements = _statements(db, lambda s: intake.take_intake(s, clerk, form, now=AT))
    kinds = [_kind(x) for x in statements]
    pg = db.engine.dialect.name == "postgresql"
    begin = [] if pg else ["BEGIN IMMEDIATE"]  # SQLite's writer takes the database first (PostgreSQL's BEGIN is no statement)
    # The chain: PostgreSQL takes the locks and reads the head in one round trip (migration 0019), and
    # moves the head by the records' insert.
    chain = ["SELECT frontdesk_chain_head()", "UPDATE audit_chain + INSERT audit_log"] if pg \
        else ["SELECT audit_chain", "UPDATE audit_chain", "INSERT audit_log"]
    # The rows first recorded now go in together (frontdesk.db.direct.Linked), on PostgreSQL in one
    # statement: the customer, its search keys, the product, the ticket with its number drawn (the year's
    # counter bumped: INSERT ... ON CONFLICT DO UPDATE), its event.
    rows = ["INSERT customers", "INSERT customer_keys", "INSERT products", "INSERT number_sequences",
            "INSERT tickets", "INSERT ticket_events"]
    assert kinds == [*begin, "SELECT settings", "SELECT customers", *([" + ".join(rows)] if pg else rows),
                     *chain], statements
    with db.read() as s:
        ticket = s.scalar(select(Ticket).order_by(Ticket.id.desc()).limit(1))
        assert ticket is not None and ticket.version == 1 and ticket.accessories == [] and ticket.to_verify is False
        product = s.get(Product, ticket.product_id)
        customer = s.get(Customer, ticket.customer_id)
        assert customer is not None and customer.name == "王五" and customer.note == ""
        assert product is not None and product.serial == "SN-FIRST-1" and product.customer_id == customer.id
        events = list(s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket.id)))
        assert [event_text(e) for e in events] == ["Walk-in repair request taken by Li Clerk"]
        assert audit.verify_chain(s.connection()).intact


def test_an_intake_with_fields_to_verify_writes_both_events_in_one_statement(
        db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    form = walk_in_form(purchase_date=None, invoice_shown=False)
    statements = _statements(db, lambda s: intake.take_intake(s, clerk, form, now=AT))
    # SQLite sends a statement a row when their ids are returned in order (each is a call into the library);
    # PostgreSQL inserts both with the ticket, in the statement of the intake's new rows.
    if db.engine.dialect.name == "postgresql":
        both = [x for x in statements if "INSERT INTO ticket_events" in x]
        assert len(both) == 1 and both[0].startswith("WITH g0 AS (INSERT INTO customers"), statements
    else:
        assert len([x for x in statements if x.startswith("INSERT INTO ticket_events")]) == 2
    with db.read() as s:
        kinds = list(s.scalars(select(TicketEvent.kind).order_by(TicketEvent.id)))
    assert kinds == ["created", "to_verify"]


def test_records_made_before_an_intake_come_before_its_own_in_the_chain(
        db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    with db.write() as s:
        audit.record(s, manager.id, "test.before", "test", "1", at=AT)  # added, not flushed yet
        intake.take_intake(s, clerk, walk_in_form(), now=AT)
    with db.read() as s:
        actions = list(s.scalars(select(AuditRecord.action).order_by(AuditRecord.id.desc()).limit(3)))
        assert actions == ["ticket.create", "customer.create", "test.before"]
        assert audit.verify_chain(s.connection()).intact


def test_an_intake_that_fails_part_way_loses_no_record_of_what_it_did(
        db: Database, users: tuple[Actor, Actor]) -> None:
    """The records held back by ``audit.gathered`` are handed to the session
    when the block raises: a caller that goes on and commits has them."""
    manager, _clerk = users
    with db.write() as s:
        try:
            with audit.gathered(s):
                audit.record(s, manager.id, "test.one", "test", "1", at=AT)
                raise RuntimeError("part way")
        except RuntimeError:
            pass
        audit.record(s, manager.id, "test.two", "test", "2", at=AT)
    with db.read() as s:
        actions = list(s.scalars(select(AuditRecord.action).order_by(AuditRecord.id.desc()).limit(2)))
        assert actions == ["test.two", "test.one"]
        assert audit.verify_chain(s.connection()).intact


def test_a_record_written_outside_the_chain_takes_an_id_past_the_intakes_records(
        db: Database, users: tuple[Actor, Actor]) -> None:
    """On PostgreSQL the records' insert moves the head and the id sequence
    past them in one statement: a row given its id by the sequence (a tool
    writing outside the chain) never takes a chained record's."""
    _manager, clerk = users
    with db.write() as s:
        intake.take_intake(s, clerk, walk_in_form(), now=AT)
    with db.write() as s:
        chained = s.scalar(select(func.max(AuditRecord.id)))
        head = s.scalar(select(audit.AuditChain.head_id))
        outside = s.execute(insert(AuditRecord).values(at=AT, action="tool.write", entity="test", detail={})
                            .returning(AuditRecord.id)).scalar_one()
        s.rollback()
    assert chained is not None and head == chained
    assert outside > chained
