"""An intake reads and writes only what it needs (docs/performance.md): a
new customer's search keys are written without first deleting keys it
cannot have, a product first recorded now is not asked for its earlier days
in repair, and the audit chain's head is read once per save, however many
records the save adds."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import event, func, select

from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, Ticket
from frontdesk.intake import service as intake
from frontdesk.users import Actor
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
    assert len([x for x in statements if "FROM audit_chain" in x]) == 1, statements
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
